package dev.benchpulse.hub.update;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A published update: its id, its topics (the first canonical, the others alternates), its data, whether it is
 * private, and the optional SSE event type and reconnection time. The server-sent-events frame is encoded once, into
 * direct memory, when the update is created; every subscriber that receives the update is sent a view of those same
 * bytes (see {@link #frameView()}), so fan-out costs no encoding and no copy per subscriber.
 */
public final class Update {

    private final String id;
    private final List<String> topics;
    private final String data;
    private final boolean privateUpdate;
    private final String type;
    private final Long retry;
    private final ByteBuf frame;

    public Update(String id, List<String> topics, String data, boolean privateUpdate, String type, Long retry) {
        this.id = id;
        this.topics = List.copyOf(topics);
        this.data = data;
        this.privateUpdate = privateUpdate;
        this.type = type;
        this.retry = retry;
        this.frame = share(SseFrames.event(id, type, retry, data));
    }

    public String id() {
        return id;
    }

    public List<String> topics() {
        return topics;
    }

    public String data() {
        return data;
    }

    public boolean isPrivate() {
        return privateUpdate;
    }

    public String type() {
        return type;
    }

    public Long retry() {
        return retry;
    }

    /** A view of the encoded frame with its own indexes; writing it to a channel never frees the bytes. */
    public ByteBuf frameView() {
        return frame.duplicate();
    }

    /**
     * The frames of the updates one after another, copied once into one buffer of direct memory: what a subscriber
     * that receives every one of them is sent, as a view, instead of a view of each frame.
     */
    public static ByteBuf frames(List<Update> updates) {
        int length = 0;
        for (Update update : updates) {
            length += update.frame.readableBytes();
        }
        ByteBuffer direct = ByteBuffer.allocateDirect(length);
        for (Update update : updates) {
            direct.put(update.frame.nioBuffer());
        }
        return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(direct.flip()));
    }

    public String frameText() {
        return frame.toString(StandardCharsets.UTF_8);
    }

    /** Direct memory owned by the JDK (freed when the update is collected), never released by Netty's writes. */
    static ByteBuf share(byte[] bytes) {
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(direct));
    }
}
