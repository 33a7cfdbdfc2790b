package dev.benchpulse.hub.load;

import io.netty.buffer.ByteBuf;

/**
 * Reads one subscriber's event stream byte by byte for the failover scenario: every {@code id: <n>} line is update
 * number {@code n} (the load program publishes ids 1, 2, 3...). Chunks may split a line anywhere.
 */
final class IdParser {

    private static final byte[] PREFIX = "id: ".getBytes();

    private int prefix;
    private boolean inId;
    private long value;
    private int digits;

    /** Calls {@code onId} with each id completed in this chunk. */
    void read(ByteBuf chunk, java.util.function.LongConsumer onId) {
        for (int i = chunk.readerIndex(), end = chunk.writerIndex(); i < end; i++) {
            byte b = chunk.getByte(i);
            if (b == '\n') {
                if (inId && digits > 0) {
                    onId.accept(value);
                }
                prefix = 0;
                inId = false;
            } else if (inId) {
                if (b >= '0' && b <= '9') {
                    value = value * 10 + (b - '0');
                    digits++;
                } else {
                    digits = 0;
                    inId = false;
                    prefix = -1;
                }
            } else if (prefix >= 0) {
                prefix = b == PREFIX[prefix] ? prefix + 1 : -1;
                if (prefix == PREFIX.length) {
                    inId = true;
                    value = 0;
                    digits = 0;
                }
            }
        }
    }
}
