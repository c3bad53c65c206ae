import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * What the demo script needs without curl or python: {@code free-port}, {@code get URL},
 * {@code put URL JSON}. Run as a single-file program: {@code java demo/DemoTool.java get URL}.
 * Exits non-zero when the request fails or answers with an error status.
 */
public class DemoTool {
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "free-port" -> {
                try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    System.out.println(socket.getLocalPort());
                }
            }
            case "get" -> send(HttpRequest.newBuilder(URI.create(args[1])).GET());
            case "put" -> send(HttpRequest.newBuilder(URI.create(args[1]))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(args[2])));
            default -> throw new IllegalArgumentException("usage: free-port | get URL | put URL JSON");
        }
    }

    private static void send(HttpRequest.Builder request) throws Exception {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            System.out.println(response.body());
            System.exit(response.statusCode() < 400 ? 0 : 1);
        } catch (java.io.IOException e) {
            System.exit(1);
        }
    }
}
