package dev.benchpulse.launcher.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The processes of the running stack, one line each ({@code <pid> <stop signal> <component>}), newest first: the
 * order to stop them in. The watchdog reads it when the launcher dies without stopping them, and the next
 * {@code ./benchpulse up} cleans up whatever it still lists.
 */
public final class PidFile {

    private final Path file;
    private final Deque<Entry> entries = new ArrayDeque<>();

    public PidFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    public synchronized void add(ComponentProcess process) {
        entries.addFirst(new Entry(process.pid(), process.stopSignal(), process.name()));
        write();
    }

    public synchronized void remove(ComponentProcess process) {
        entries.removeIf(entry -> entry.pid() == process.pid());
        write();
    }

    public synchronized void delete() throws IOException {
        entries.clear();
        Files.deleteIfExists(file);
    }

    /** The entries of a pid file, or none when it does not exist. */
    public static List<Entry> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file).stream()
                .map(String::trim)
                .filter(line -> !line.isEmpty())
                .map(line -> line.split("\\s+", 3))
                .filter(parts -> parts.length == 3)
                .map(parts -> new Entry(Long.parseLong(parts[0]), parts[1], parts[2]))
                .toList();
    }

    private void write() {
        StringBuilder text = new StringBuilder();
        entries.forEach(e -> text.append(e.pid())
                .append(' ')
                .append(e.signal())
                .append(' ')
                .append(e.name())
                .append('\n'));
        try {
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temp, text);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** One process: its pid, the signal that stops it cleanly, and the component it runs. */
    public record Entry(long pid, String signal, String name) {}
}
