package dev.benchpulse.hub.load;

import io.netty.buffer.ByteBuf;

/**
 * Reads one subscriber's event stream for the failover scenario: every {@code id: <run>-<n>} line is update number
 * {@code n} of the run (the load program numbers its updates 1, 2, 3... after a prefix of its own, so that ids of an
 * earlier run still in the hub's window are never taken for repeats). Chunks may split a line anywhere.
 */
final class IdParser {

    private static final byte[] PREFIX = "id: ".getBytes();

    /** Receives each complete id: the whole id and its number. */
    interface IdConsumer {

        void accept(String id, long number);
    }

    private final StringBuilder id = new StringBuilder();
    private int prefix;
    private boolean inId;
    private long value;
    private int digits;

    void read(ByteBuf chunk, IdConsumer onId) {
        for (int i = chunk.readerIndex(), end = chunk.writerIndex(); i < end; i++) {
            byte b = chunk.getByte(i);
            if (b == '\n') {
                if (inId && digits > 0) {
                    onId.accept(id.toString(), value);
                }
                prefix = 0;
                inId = false;
            } else if (inId) {
                id.append((char) b);
                if (b >= '0' && b <= '9') {
                    value = value * 10 + (b - '0');
                    digits++;
                } else {
                    value = 0;
                    digits = 0;
                }
            } else if (prefix >= 0) {
                prefix = b == PREFIX[prefix] ? prefix + 1 : -1;
                if (prefix == PREFIX.length) {
                    inId = true;
                    id.setLength(0);
                    value = 0;
                    digits = 0;
                }
            }
        }
    }
}
