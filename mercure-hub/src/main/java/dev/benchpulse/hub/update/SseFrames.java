package dev.benchpulse.hub.update;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Encodes server-sent events (WHATWG HTML, "Server-sent events"): {@code id}, {@code event}, {@code retry} and one
 * {@code data} line per line of the data (CR LF, CR and LF all end a line), then a blank line. An event always carries
 * at least one {@code data} line, since browsers drop events without one.
 */
public final class SseFrames {

    private static final ByteBuf OPENING = Update.share(":\n\n".getBytes(StandardCharsets.UTF_8));
    private static final ByteBuf HEARTBEAT = Update.share(":\n\n".getBytes(StandardCharsets.UTF_8));

    private SseFrames() {}

    static byte[] event(String id, String type, Long retry, String data) {
        StringBuilder frame = new StringBuilder(64 + (data == null ? 0 : data.length()));
        frame.append("id: ").append(id).append('\n');
        if (type != null) {
            frame.append("event: ").append(type).append('\n');
        }
        if (retry != null) {
            frame.append("retry: ").append(retry).append('\n');
        }
        appendData(frame, data == null ? "" : data);
        return frame.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One {@code data:} line per line; scanning by hand keeps the common single-line case free of regex work. */
    private static void appendData(StringBuilder frame, String data) {
        int start = 0;
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c == '\r' || c == '\n') {
                frame.append("data: ").append(data, start, i).append('\n');
                if (c == '\r' && i + 1 < data.length() && data.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        frame.append("data: ").append(data, start, data.length()).append('\n');
    }

    /** The comment sent right after the response headers, so clients and proxies see the stream open at once. */
    public static ByteBuf opening() {
        return OPENING.duplicate();
    }

    /** The comment that keeps an idle stream open through proxies and load balancers. */
    public static ByteBuf heartbeat() {
        return HEARTBEAT.duplicate();
    }
}
