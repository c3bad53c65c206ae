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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Thor distribution at its shipped defaults, one connector following four logs written at
 * 20,000 lines/s each and rotated every 10,000 lines: by date, by rename, and by copytruncate twice
 * (once named by its exact path, so its copies are found beside it, once by a pattern that matches
 * the copies), every file starting with the same 1.6 KiB banner. That is more than Thor keeps up
 * with at its defaults, so it falls behind, where the losses were: every line must arrive once, in
 * order, and every banner once per file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RotationStormIT {

    private static final Duration WAIT = Duration.ofSeconds(180);
    private static final int LINES = 100_000;
    private static final int LINES_PER_FILE = 10_000;
    /** A chunk of {@link RollingLog#CHUNK} lines every 50 ms: 20,000 lines/s per log. */
    private static final Duration PACE = Duration.ofMillis(50);
    private static final List<String> BANNER = IntStream.range(0, 24)
            .mapToObj(i -> String.format("# app 1.0 on host-a, layout header line %02d, the same in every file ..", i)).toList();

    private ThorStack stack;

    @BeforeAll
    void bootTheDistributionAgainstABroker() throws Exception {
        stack = ThorStack.bootDistribution("rotation-storm");
    }

    @AfterAll
    void stopEverything() {
        if (stack != null) {
            stack.close();
        }
    }

    /** A log in a directory of its own, followed by {@code glob} in that directory. */
    private void addLog(RollingLog.Rotation rotation, String glob, Map<String, RollingLog> logs, Map<String, String> patterns)
            throws java.io.IOException {
        String name = rotation.name().toLowerCase() + (glob.endsWith("*") ? "-matched" : "-exact");
        Path directory = Files.createDirectories(stack.work().resolve("logs-" + name));
        RollingLog log = new RollingLog(directory, LINES_PER_FILE, rotation, BANNER);
        Files.createFile(log.current());
        String pattern = directory.resolve(glob).toString();
        logs.put(pattern, log);
        patterns.put(name, pattern);
    }

    @Test
    void logsRotatedByDateRenameAndCopytruncateWhileThorIsBehindLoseNothing() throws Exception {
        Map<String, RollingLog> logs = new LinkedHashMap<>();
        Map<String, String> patterns = new LinkedHashMap<>();
        addLog(RollingLog.Rotation.DATE, "app.log.*", logs, patterns);
        addLog(RollingLog.Rotation.CREATE, "app.log*", logs, patterns);
        addLog(RollingLog.Rotation.COPYTRUNCATE, "app.log", logs, patterns);
        addLog(RollingLog.Rotation.COPYTRUNCATE, "app.log*", logs, patterns);
        String topic = "storm-" + System.nanoTime();
        ThorRest rest = stack.karaf().rest();
        stack.karaf().writeConfig("org.thor.connector-storm.cfg", Map.of(
                "files", String.join(",", logs.keySet()),
                "topic", topic));
        await().atMost(WAIT).until(() -> rest.get("/connectors/storm/status").body().contains("\"tasks\":[{\"id\":0,\"state\":\"RUNNING\""));

        ExecutorService writers = Executors.newFixedThreadPool(logs.size());
        List<Future<?>> writing = new ArrayList<>();
        for (RollingLog log : logs.values()) {
            writing.add(writers.submit(() -> {
                log.write(LINES, PACE);
                return null;
            }));
        }
        for (Future<?> done : writing) {
            done.get();
        }
        writers.shutdown();
        long wroteMillis = System.currentTimeMillis();

        int filesPerLog = LINES / LINES_PER_FILE;
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (TopicReader reader = new TopicReader(stack.broker().bootstrapServers(), topic)) {
            records.addAll(reader.read(logs.size() * (LINES + filesPerLog * BANNER.size()), WAIT));
            records.addAll(reader.readUntilQuiet(Duration.ofSeconds(3)));
        }
        long lagMillis = records.isEmpty() ? -1 : records.get(records.size() - 1).timestamp() - wroteMillis;
        Map<String, LineFaults> faults = new LinkedHashMap<>();
        Map<String, Long> banners = new LinkedHashMap<>();
        for (Map.Entry<String, String> stream : patterns.entrySet()) {
            List<String> values = TopicReader.values(records.stream().filter(r -> stream.getValue().equals(r.key())).toList());
            banners.put(stream.getKey(), values.stream().filter(v -> v.startsWith("# app 1.0")).count());
            faults.put(stream.getKey(), LineFaults.count(values.stream().filter(v -> !v.startsWith("# app 1.0")).toList(), LINES));
        }
        System.out.printf("rotation storm in the distribution: %d logs x %d lines at 20,000 lines/s, a rotation every %d lines;"
                + " %s; banner lines %s; last record produced %d ms after the last line was written%n",
                logs.size(), LINES, LINES_PER_FILE, faults, banners, lagMillis);
        for (Map.Entry<String, LineFaults> stream : faults.entrySet()) {
            assertEquals(new LineFaults(0, 0, 0, 0), stream.getValue(), stream.getKey());
            assertEquals((long) filesPerLog * BANNER.size(), banners.get(stream.getKey()), stream.getKey() + ": one banner per file");
        }
    }
}
