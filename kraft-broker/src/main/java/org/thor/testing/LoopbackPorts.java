package org.thor.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free ports on 127.0.0.1 for a server a test starts later, or starts again on the same port. They
 * are taken below the kernel's ephemeral range: a port the kernel handed out with bind(0) can be
 * handed out again, as the source port of any outgoing connection (a Kafka client's), before the
 * server binds it, and the server then fails with "Address already in use".
 */
public final class LoopbackPorts {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int LOWEST = 10_000;
    private static final int ATTEMPTS = 100;

    private LoopbackPorts() {
    }

    /** A port that no socket of this machine is bound to now, outside the range outgoing connections use. */
    public static int free() throws IOException {
        int ephemeralStart = ephemeralStart();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, ephemeralStart);
            if (bindable(port)) {
                return port;
            }
        }
        throw new IOException("No free port on 127.0.0.1 below " + ephemeralStart + " after " + ATTEMPTS + " tries");
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Linux's default when the range cannot be read (another system, a container hiding /proc/sys). */
    private static int ephemeralStart() {
        try {
            int start = Integer.parseInt(Files.readString(EPHEMERAL_RANGE).trim().split("\\s+")[0]);
            return start > LOWEST + 1_000 ? start : 32_768;
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }
}
