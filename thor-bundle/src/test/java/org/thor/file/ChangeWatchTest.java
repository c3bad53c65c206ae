package org.thor.file;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.thor.file.LogFiles.append;

/**
 * A task at the end of its files waits for a change to them, not for poll.interval.ms: with an
 * interval of a minute (its most), a line written while the task waits still arrives within the test's
 * timeout, and stop() ends the wait.
 */
class ChangeWatchTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String A_MINUTE = "60000";

    @TempDir
    Path dir;

    @Test
    void aLineWrittenWhileTheTaskWaitsWakesIt() throws Exception {
        Path log = dir.resolve("app.log");
        append(log, "first\n");
        Map<String, String> config = LogFiles.config(log.toString());
        config.put(LogFileSourceConfig.POLL_INTERVAL_CONFIG, A_MINUTE);
        ExecutorService poller = Executors.newSingleThreadExecutor();
        AtomicReference<Thread> pollerThread = new AtomicReference<>();
        try (TaskHarness harness = new TaskHarness(config).start()) {
            harness.pollUntil(1, TIMEOUT);
            Future<List<String>> polled = poller.submit(() -> {
                pollerThread.set(Thread.currentThread());
                while (harness.records.size() < 2) {
                    harness.pollOnce();
                }
                return harness.values();
            });
            await().atMost(TIMEOUT).until(() -> pollerThread.get() != null
                    && pollerThread.get().getState() == Thread.State.TIMED_WAITING);

            append(log, "second\n");

            assertEquals(List.of("first", "second"), polled.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        } finally {
            poller.shutdownNow();
        }
    }

    @Test
    void stopEndsTheWait() throws Exception {
        Path log = dir.resolve("app.log");
        append(log, "only\n");
        Map<String, String> config = LogFiles.config(log.toString());
        config.put(LogFileSourceConfig.POLL_INTERVAL_CONFIG, A_MINUTE);
        ExecutorService poller = Executors.newSingleThreadExecutor();
        AtomicReference<Thread> pollerThread = new AtomicReference<>();
        try {
            TaskHarness harness = new TaskHarness(config).start();
            harness.pollUntil(1, TIMEOUT);
            Future<Integer> waiting = poller.submit(() -> {
                pollerThread.set(Thread.currentThread());
                return harness.pollOnce();
            });
            await().atMost(TIMEOUT).until(() -> pollerThread.get() != null
                    && pollerThread.get().getState() == Thread.State.TIMED_WAITING);

            harness.close();

            assertEquals(0, waiting.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        } finally {
            poller.shutdownNow();
        }
    }
}
