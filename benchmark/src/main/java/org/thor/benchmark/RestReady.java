package org.thor.benchmark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** Waiting for a Connect worker's REST API, in a child process, to answer. */
final class RestReady {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RestReady() {
    }

    /** Returns once {@code GET /connectors} answers 200 on {@code port}; fails when the process exits or time is up. */
    static void await(Process process, int port, Duration timeout, String whereToLook) throws Exception {
        awaitAnswer(process, port, "/connectors", body -> true, timeout, whereToLook);
    }

    /** Returns once {@code GET path} answers 200 with a body {@code wanted} accepts. */
    static void awaitAnswer(Process process, int port, String path, Predicate<String> wanted, Duration timeout,
                            String whereToLook) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("It exited with " + process.exitValue() + "; see " + whereToLook);
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && wanted.test(response.body())) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50); // polling the REST API, which is what "ready" means here
        }
        throw new IllegalStateException("GET " + path + " did not answer as wanted in time; see " + whereToLook);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
