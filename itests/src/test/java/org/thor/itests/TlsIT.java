package org.thor.itests;

import org.junit.jupiter.api.Test;
import org.thor.kraft.TopicReader;
import org.thor.testing.LoopbackPorts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * TLS both ways, set up in etc/org.thor.worker.cfg with keys made by keytool: the REST API on an
 * https listener only, and the connectors' producers writing to the broker's TLS listener only.
 */
class TlsIT extends ThorStackTest {

    private static final Duration WAIT = Duration.ofSeconds(120);

    private TlsKeys keys;

    @Override
    ThorStack boot() throws Exception {
        keys = TlsKeys.generate(Path.of("target", "tls-keys-" + System.nanoTime()).toAbsolutePath());
        return ThorStack.bootDistributionWithTlsBroker("tls", keys);
    }

    @Test
    void restOverHttpsAndKafkaOverSsl() throws Exception {
        int httpsPort = LoopbackPorts.free();
        String trustStore = keys.trustStore().toString();
        Map<String, String> tls = new java.util.LinkedHashMap<>();
        tls.put("listeners", "https://127.0.0.1:" + httpsPort);
        tls.put("listeners.https.ssl.keystore.location", keys.keyStore().toString());
        tls.put("listeners.https.ssl.keystore.password", keys.password());
        tls.put("listeners.https.ssl.key.password", keys.password());
        tls.put("listeners.https.ssl.keystore.type", "PKCS12");
        tls.put("bootstrap.servers", stack.broker().sslBootstrapServers());
        for (String client : List.of("", "producer.")) {
            tls.put(client + "security.protocol", "SSL");
            tls.put(client + "ssl.truststore.location", trustStore);
            tls.put(client + "ssl.truststore.password", keys.password());
            tls.put(client + "ssl.truststore.type", "PKCS12");
        }
        karaf.editConfig("org.thor.worker.cfg", tls);

        ThorRest https = ThorRest.https(httpsPort, keys.clientContext());
        await().atMost(WAIT).until(https::answers);
        assertEquals(-1, new ThorRest(karaf.restPort()).get("/connectors").status(), "the plain listener is gone");
        assertEquals(-1, ThorRest.https(httpsPort, javax.net.ssl.SSLContext.getDefault()).get("/connectors").status(),
                "a client that does not trust the certificate is refused");

        Path log = Files.createDirectories(stack.work().resolve("logs-tls")).resolve("app.log");
        Files.write(log, List.of("over", "tls", "both", "ways"));
        String topic = "tls-" + System.nanoTime();
        ThorRest.Response created = https.put("/connectors/tls/config", "{\"connector.class\":\"org.thor.file.LogFileSourceConnector\","
                + "\"files\":\"" + log + "\",\"topic\":\"" + topic + "\"}");
        assertEquals(201, created.status(), created.body());
        // bootstrap.servers names the TLS listener only: a producer speaking plaintext to it gets nothing through
        try (TopicReader reader = new TopicReader(stack.broker().bootstrapServers(), topic)) {
            assertEquals(List.of("over", "tls", "both", "ways"), TopicReader.values(reader.read(4, WAIT)));
        }
    }
}
