package org.thor.itests;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thor.kraft.TopicReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an operator sees of a running Thor distribution after a rotating log was shipped:
 * {@code GET /metrics} scraped as Prometheus does (and accepted by {@code promtool check metrics}),
 * {@code thor:top} and {@code thor:status}.
 */
class ObservabilityIT extends ThorStackTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final int LINES = 30_000;

    private String pattern;

    @Override
    ThorStack boot() throws Exception {
        return ThorStack.bootDistribution("observability");
    }

    @BeforeAll
    void shipARotatingLog() throws Exception {
        Path logs = Files.createDirectories(stack.work().resolve("logs-metrics"));
        RollingLog log = new RollingLog(logs, 5_000);
        Files.createFile(log.current());
        String topic = "metrics-" + System.nanoTime();
        pattern = logs.resolve("app.log*").toString();
        karaf.writeConfig("org.thor.connector-metered.cfg", Map.of("files", pattern, "topic", topic));
        await().atMost(WAIT).until(() -> karaf.rest().get("/connectors/metered/status").body().contains("\"state\":\"RUNNING\""));
        log.write(LINES);
        try (TopicReader reader = new TopicReader(stack.broker().bootstrapServers(), topic)) {
            assertEquals(LINES, reader.read(LINES, WAIT).size());
        }
    }

    @Test
    void aScrapeCountsEveryLineWrittenPerStream() throws Exception {
        String labels = "{connector=\"metered\",stream=\"" + pattern + "\",task=\"0\"}";
        await().atMost(WAIT).until(() -> value(scrape(), "thor_lines_read_total" + labels) == LINES);
        String text = scrape();
        assertTrue(value(text, "thor_rotations_total" + labels) >= 5, "rotations are counted: " + value(text, "thor_rotations_total" + labels));
        assertEquals(0, value(text, "thor_bytes_lost_total" + labels));
        assertEquals(0, value(text, "thor_copies_read_late_total" + labels));
        assertEquals(0, value(text, "thor_bytes_behind" + labels));
        assertTrue(value(text, "kafka_connect_source_task_source_record_write_total{connector=\"metered\",task=\"0\"}") >= LINES, text);
        assertTrue(text.contains("# TYPE jvm_memory_used_bytes gauge"), "the JVM's metrics");

        ThorRest.Response openMetrics = karaf.rest().get("/metrics", "application/openmetrics-text; version=1.0.0");
        assertTrue(openMetrics.body().endsWith("# EOF\n"), "OpenMetrics when asked by Accept");
    }

    @Test
    void promtoolFindsNoProblemInAScrape() throws Exception {
        await().atMost(WAIT).until(() -> scrape().contains("kafka_connect_source_task_source_record_write_total{connector=\"metered\""));
        String scrape = scrape();
        assertEquals("", Promtool.checkMetrics(scrape), "promtool check metrics on:\n" + scrape);
    }

    @Test
    void thorTopAndThorStatusShowTheConnectorAndItsStream() throws Exception {
        await().atMost(WAIT).until(() -> karaf.shell("thor:status metered").contains("30,000"));
        String status = karaf.shell("thor:status metered");
        assertTrue(status.lines().anyMatch(line -> line.contains(pattern) && line.contains("30,000")), status);

        String once = karaf.shell("thor:top --once --interval 500");
        System.out.println(once);
        List<String> lines = once.lines().dropWhile(line -> !line.startsWith("thor:top  up ")).toList();
        assertTrue(!lines.isEmpty() && lines.get(0).contains("connectors 1 (1 running)  streams 1"), once);
        assertTrue(lines.stream().anyMatch(line -> line.matches("metered\\s+RUNNING\\s+0\\s+0\\.00\\s+0 B\\s+0 B\\s+0")), once);
        // a long pattern keeps its end: the first column is at most 48 wide
        assertTrue(lines.stream().anyMatch(line -> line.matches("\\s+\\S*" + Pattern.quote("/logs-metrics/app.log*") + "\\s+0\\s+0\\.00\\s+0 B\\s+0 B\\s+0")), once);

        String frames = karaf.shell("thor:top --count 3 --interval 300");
        assertEquals(3, frames.lines().filter(line -> line.startsWith("thor:top  up ")).count(), frames);
    }

    private String scrape() throws Exception {
        ThorRest.Response response = karaf.rest().get("/metrics");
        assertEquals(200, response.status(), response.body());
        return response.body();
    }

    /** The value of the sample with this exact name and labels, or -1 when there is none. */
    private static double value(String exposition, String sample) {
        Matcher matcher = Pattern.compile("^" + Pattern.quote(sample) + " (\\S+)$", Pattern.MULTILINE).matcher(exposition);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
    }
}
