package dev.benchpulse.launcher.e2e;

import dev.benchpulse.launcher.config.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Ports nothing listens on right now, so test stacks never collide with anything else on the machine. */
final class FreePorts {

    private FreePorts() {}

    /** Eight distinct free ports for a stack. */
    static Ports forStack() {
        List<Integer> ports = take(8);
        return new Ports(
                ports.get(0),
                ports.get(1),
                ports.get(2),
                ports.get(3),
                ports.get(4),
                ports.get(5),
                ports.get(6),
                ports.get(7));
    }

    private static List<Integer> take(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            sockets.forEach(socket -> {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a probe
                }
            });
        }
    }
}
