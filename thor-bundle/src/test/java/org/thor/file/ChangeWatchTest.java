package org.thor.file;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thor.file.config.LogFileSourceConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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

    private final ExecutorService poller = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopPolling() {
        poller.shutdownNow();
    }

    @Test
    void aLineWrittenWhileTheTaskWaitsWakesIt() throws Exception {
        Path log = dir.resolve("app.log");
        try (TaskHarness harness = startedWithItsFirstLine(log, "first")) {
            Future<List<String>> polled = waitingInPoll(() -> {
                while (harness.records.size() < 2) {
                    harness.pollOnce();
                }
                return harness.values();
            });

            append(log, "second\n");

            assertEquals(List.of("first", "second"), polled.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        }
    }

    @Test
    void stopEndsTheWait() throws Exception {
        TaskHarness harness = startedWithItsFirstLine(dir.resolve("app.log"), "only");
        Future<Integer> waiting = waitingInPoll(harness::pollOnce);

        harness.close();

        assertEquals(0, waiting.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
    }

    /** A task polling every minute at most, which has sent the log's one line. */
    private static TaskHarness startedWithItsFirstLine(Path log, String line) throws Exception {
        append(log, line + "\n");
        Map<String, String> config = LogFiles.config(log.toString());
        config.put(LogFileSourceConfig.POLL_INTERVAL_CONFIG, A_MINUTE);
        TaskHarness harness = new TaskHarness(config).start();
        harness.pollUntil(1, TIMEOUT);
        return harness;
    }

    /** Runs {@code polling} in the poller thread; returns once that thread waits inside poll(). */
    private <T> Future<T> waitingInPoll(Callable<T> polling) {
        AtomicReference<Thread> pollerThread = new AtomicReference<>();
        Future<T> polled = poller.submit(() -> {
            pollerThread.set(Thread.currentThread());
            return polling.call();
        });
        await().atMost(TIMEOUT).until(() -> pollerThread.get() != null
                && pollerThread.get().getState() == Thread.State.TIMED_WAITING);
        return polled;
    }
}
