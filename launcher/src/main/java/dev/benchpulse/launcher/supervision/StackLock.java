package dev.benchpulse.launcher.supervision;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One launcher per state directory: held for the launcher's lifetime (the operating system releases it when the
 * launcher dies, however it dies), so a second {@code ./benchpulse up} on the same state fails clearly.
 */
public final class StackLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private StackLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or empty when another launcher holds it. */
    public static Optional<StackLock> tryAcquire(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        FileChannel channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        channel.truncate(0);
        channel.write(
                ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
        channel.force(false);
        return Optional.of(new StackLock(channel, lock));
    }

    /** The pid written by the launcher holding {@code file}, if any. */
    public static String holder(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
