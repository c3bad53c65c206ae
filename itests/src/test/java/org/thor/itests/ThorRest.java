package org.thor.itests;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Thor's Kafka Connect REST API, called the way curl would call it. */
final class ThorRest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final HttpClient http;
    /** The Authorization header's value, or null to send none. */
    private final String authorization;

    ThorRest(int port) {
        this("http://127.0.0.1:" + port, HTTP, null);
    }

    private ThorRest(String base, HttpClient http, String authorization) {
        this.base = base;
        this.http = http;
        this.authorization = authorization;
    }

    /** The API over TLS on {@code port}, trusting what {@code tls} trusts. */
    static ThorRest https(int port, javax.net.ssl.SSLContext tls) {
        return new ThorRest("https://127.0.0.1:" + port,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).sslContext(tls).build(), null);
    }

    /** The same API, called with HTTP Basic credentials. */
    ThorRest as(String user, String password) {
        return new ThorRest(base, http, "Basic " + java.util.Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** The answer to a GET; status -1 if nothing listens on the port. */
    Response get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** A GET that asks for a media type, as a scraper does with Accept. */
    Response get(String path, String accept) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET());
    }

    Response put(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response delete(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    boolean answers() throws InterruptedException {
        try {
            return get("/connectors").status() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("WWW-Authenticate").orElse(""));
        } catch (ConnectException | javax.net.ssl.SSLException e) {
            return new Response(-1, "", "");
        }
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    record Response(int status, String body, String authenticate) {
    }
}
