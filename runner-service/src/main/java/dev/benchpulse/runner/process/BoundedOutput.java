package dev.benchpulse.runner.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the last {@code capacity} bytes of a stream, however much is written: a runaway process cannot exhaust the
 * runner's memory, and the end of the output (where the harness writes its result) is what is kept.
 */
final class BoundedOutput {

    private final byte[] ring;
    private long total;

    BoundedOutput(int capacity) {
        this.ring = new byte[Math.max(1, capacity)];
    }

    /** Reads {@code in} to its end. */
    void drain(InputStream in) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                append(buffer, n);
            }
        } catch (IOException e) {
            // the process was killed or the stream closed: keep what arrived
        }
    }

    synchronized void append(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            ring[(int) (total++ % ring.length)] = bytes[i];
        }
    }

    /** Whether more was written than kept. */
    synchronized boolean truncated() {
        return total > ring.length;
    }

    synchronized long totalBytes() {
        return total;
    }

    /** What was kept, as UTF-8 text (a cut multi-byte character at the start becomes a replacement character). */
    synchronized String text() {
        if (total <= ring.length) {
            return new String(ring, 0, (int) total, StandardCharsets.UTF_8);
        }
        int start = (int) (total % ring.length);
        byte[] ordered = new byte[ring.length];
        System.arraycopy(ring, start, ordered, 0, ring.length - start);
        System.arraycopy(ring, 0, ordered, ring.length - start, start);
        return new String(ordered, StandardCharsets.UTF_8);
    }
}
