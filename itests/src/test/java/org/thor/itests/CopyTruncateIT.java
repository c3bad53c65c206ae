package org.thor.itests;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.thor.kraft.TopicReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The log-file connector inside Karaf, set up by an operator's {@code etc/} file, following a log
 * that logrotate rotates with {@code copytruncate} while the application keeps appending through its
 * one handle: every line arrives once, in order, none from the copies twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CopyTruncateIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final int LINES = 60_000;
    private static final int LINES_PER_FILE = 10_000;
    /** A chunk of {@link RollingLog#CHUNK} lines every 50 ms: 20,000 lines/s, a rotation every half second. */
    private static final Duration PACE = Duration.ofMillis(50);

    private ThorStack stack;

    @BeforeAll
    void bootKarafAgainstABroker() throws Exception {
        stack = ThorStack.boot("copytruncate");
    }

    @AfterAll
    void stopEverything() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aLogRotatedByCopytruncateArrivesWholeAndInOrder() throws Exception {
        Path logs = Files.createDirectories(stack.work().resolve("logs"));
        RollingLog log = new RollingLog(logs, LINES_PER_FILE, RollingLog.Rotation.COPYTRUNCATE);
        Files.createFile(log.current());
        String topic = "copytruncate-" + System.nanoTime();
        ThorKaraf karaf = stack.karaf();
        ThorRest rest = karaf.rest();

        // the pattern matches the copies app.log.1, app.log.2 … too, as an operator's would
        karaf.writeConfig("org.thor.connector-copytruncate.cfg", Map.of(
                "files", logs.resolve("app.log*").toString(),
                "topic", topic));
        await().atMost(WAIT).until(() -> rest.get("/connectors/copytruncate/status").body().contains("\"tasks\":[{\"id\":0,\"state\":\"RUNNING\""));
        long writing = System.nanoTime();
        log.write(LINES, PACE);
        long wroteMillis = System.currentTimeMillis();
        double writeSeconds = (System.nanoTime() - writing) / 1e9;

        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (TopicReader reader = new TopicReader(stack.broker().bootstrapServers(), topic)) {
            records.addAll(reader.read(LINES, WAIT));
            records.addAll(reader.readUntilQuiet(Duration.ofSeconds(2)));
        }
        List<String> received = TopicReader.values(records);
        long lagMillis = records.isEmpty() ? -1 : records.get(records.size() - 1).timestamp() - wroteMillis;
        System.out.printf("copytruncate in Karaf: %d lines written in %.2f s with %d rotations; %d records received, %s; "
                        + "last record produced %d ms after the last line was written%n",
                LINES, writeSeconds, LINES / LINES_PER_FILE - 1, received.size(), LineFaults.of(received, LINES), lagMillis);
        assertEquals(RollingLog.lines(LINES), received, "every line once, in order, through " + (LINES / LINES_PER_FILE - 1) + " copytruncates");
    }
}
