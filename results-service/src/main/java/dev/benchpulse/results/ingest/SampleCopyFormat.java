package dev.benchpulse.results.ingest;

import dev.benchpulse.contracts.avro.BenchmarkProgress;
import dev.benchpulse.contracts.avro.Sample;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Samples in PostgreSQL's binary {@code COPY} format (documentation of {@code COPY}, "Binary Format"): the
 * signature, flags and header extension, then per row the field count and each field as its length and its
 * binary value (network byte order; {@code uuid} as its 16 bytes, {@code int4}, {@code float8} and {@code int8} as
 * Java writes them big-endian), then the trailer {@code -1}. The columns are those of {@code SampleWrites}' copy:
 * run, attempt, iteration, sequence, time per operation, memory used, peak memory.
 */
final class SampleCopyFormat {

    private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final short FIELDS = 7;
    private static final int ROW_BYTES = 2 + FIELDS * 4 + 16 + 16 + 4 + 4 + 8 + 8 + 8;

    private SampleCopyFormat() {
    }

    /** The whole copy stream of {@code chunk}; whoever sends it releases the buffer. */
    static ByteBuf encode(List<BenchmarkProgress> chunk) {
        ByteBuf out = ByteBufAllocator.DEFAULT.buffer(SIGNATURE.length + 8 + chunk.size() * ROW_BYTES + 2);
        out.writeBytes(SIGNATURE).writeInt(0).writeInt(0);
        for (BenchmarkProgress progress : chunk) {
            Sample sample = progress.getSample();
            out.writeShort(FIELDS);
            uuid(out, progress.getRunId());
            uuid(out, progress.getAttemptId());
            out.writeInt(4).writeInt(progress.getCurrentIteration());
            out.writeInt(4).writeInt(progress.getSequence());
            out.writeInt(8).writeDouble(sample.getTimePerOperationNanos());
            out.writeInt(8).writeLong(sample.getMemoryUsedBytes());
            out.writeInt(8).writeLong(sample.getPeakMemoryBytes());
        }
        return out.writeShort(-1);
    }

    private static void uuid(ByteBuf out, UUID value) {
        out.writeInt(16).writeLong(value.getMostSignificantBits()).writeLong(value.getLeastSignificantBits());
    }
}
