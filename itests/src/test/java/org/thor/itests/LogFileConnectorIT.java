package org.thor.itests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.thor.kraft.KraftBroker;
import org.thor.kraft.TopicReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The log-file connector inside Karaf, as an operator sets it up: {@code feature:install thor}, a
 * format from a separate bundle, a connector created through REST on a log that logrotate-style
 * rotation keeps renaming; every line arrives once, in order, formatted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogFileConnectorIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final int LINES = 20_000;

    private ThorStack stack;
    private Path work;
    private KraftBroker broker;
    private ThorKaraf karaf;

    @BeforeAll
    void bootKarafAgainstABroker() throws Exception {
        stack = ThorStack.boot("log-file");
        work = stack.work();
        broker = stack.broker();
        karaf = stack.karaf();
    }

    @AfterAll
    void stopEverything() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aRotatingLogArrivesWholeAndInOrderFormattedByAFormatFromAnotherBundle() throws Exception {
        stack.installTestBundle("upper-case-format");
        Path logs = Files.createDirectories(work.resolve("logs"));
        RollingLog log = new RollingLog(logs, 2_000);
        Files.createFile(log.current());
        String topic = "app-log-" + System.nanoTime();
        ThorRest rest = karaf.rest();

        ThorRest.Response created = rest.put("/connectors/app-log/config", "{"
                + "\"connector.class\":\"org.thor.file.LogFileSourceConnector\","
                + "\"files\":\"" + logs.resolve("app.log*") + "\","
                + "\"topic\":\"" + topic + "\","
                + "\"format\":\"upper\"}");
        assertEquals(201, created.status(), created.body());
        await().atMost(WAIT).until(() -> rest.get("/connectors/app-log/status").body().contains("\"tasks\":[{\"id\":0,\"state\":\"RUNNING\""));
        log.write(LINES);

        List<String> expected = RollingLog.lines(LINES).stream().map(line -> line.toUpperCase(Locale.ROOT)).toList();
        List<String> received = new ArrayList<>();
        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), topic)) {
            received.addAll(TopicReader.values(reader.read(LINES, WAIT)));
            received.addAll(TopicReader.values(reader.readUntilQuiet(Duration.ofSeconds(2))));
        }
        assertEquals(expected, received, "every line once, in order, upper-cased");
    }
}
