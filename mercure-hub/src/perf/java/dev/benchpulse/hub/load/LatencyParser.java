package dev.benchpulse.hub.load;

import io.netty.buffer.ByteBuf;
import org.HdrHistogram.Recorder;

/**
 * Reads one subscriber's event stream byte by byte, without building strings: every {@code data: <nanos>} line is an
 * update carrying the {@link System#nanoTime()} at which it was meant to be published, and its latency (now minus
 * that) goes into the shared recorder. On Linux, {@code nanoTime} is the machine-wide monotonic clock, so times taken
 * in the publishing process and in subscriber processes compare.
 */
final class LatencyParser {

    private static final byte[] PREFIX = "data: ".getBytes();

    private final Recorder latencies;
    /** Updates due before this instant are warm-up traffic and are not recorded. */
    static volatile long measureFrom = Long.MIN_VALUE;

    private int prefix;
    private boolean inData;
    private long value;
    private int digits;
    long events;

    LatencyParser(Recorder latencies) {
        this.latencies = latencies;
    }

    void read(ByteBuf chunk) {
        long now = System.nanoTime();
        for (int i = chunk.readerIndex(), end = chunk.writerIndex(); i < end; i++) {
            byte b = chunk.getByte(i);
            if (b == '\n') {
                if (inData && digits > 0 && value >= measureFrom) {
                    latencies.recordValue(Math.max(0, now - value));
                    events++;
                }
                prefix = 0;
                inData = false;
            } else if (inData) {
                if (b >= '0' && b <= '9') {
                    value = value * 10 + (b - '0');
                    digits++;
                }
            } else if (prefix >= 0) {
                prefix = b == PREFIX[prefix] ? prefix + 1 : -1;
                if (prefix == PREFIX.length) {
                    inData = true;
                    value = 0;
                    digits = 0;
                }
            }
        }
    }
}
