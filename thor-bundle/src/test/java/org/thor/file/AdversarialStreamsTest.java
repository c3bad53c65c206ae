package org.thor.file;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.thor.file.config.LogFileSourceConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Streams made to defeat the proof that a file is a copy of another ({@link AdversarialLog}), each
 * rotation kind against each shape, at the connector's default close.inactive.ms (old files stay
 * open and followed), with Thor kept behind: it reads a few records between the writes, is paused
 * (not polled) while several rotations pass, and is stopped and started again in between. Every
 * line must arrive once, in the order written. {@code -Dthor.adversarial.seeds=N} runs N seeds of
 * each pair (the build runs one); {@code -Dthor.adversarial.only=SHAPE/ROTATION} runs one pair.
 * <p>
 * One thing no reader can know: copytruncate truncating a log while Thor is paused, after which the
 * log is written again with exactly the bytes Thor had read of it (a file that held only its
 * header, or only the startup lines every file begins with). The log then looks as if it had only
 * grown. Such lines are byte for byte lines already sent; Thor may send them once instead of twice,
 * or later. For copytruncate the lines written more than once (headers, banners, startup lines) are
 * therefore left out of the comparison; every other line must still arrive once and in order.
 */
class AdversarialStreamsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int FILES = 14;

    @TempDir
    Path dir;

    static Stream<Arguments> streams() {
        int seeds = Integer.getInteger("thor.adversarial.seeds", 1);
        String only = System.getProperty("thor.adversarial.only", "");
        List<Arguments> all = new ArrayList<>();
        for (AdversarialLog.Shape shape : AdversarialLog.Shape.values()) {
            for (AdversarialLog.Rotation rotation : AdversarialLog.Rotation.values()) {
                if (!only.isEmpty() && !only.equals(shape + "/" + rotation)) {
                    continue;
                }
                for (long seed = 1; seed <= seeds; seed++) {
                    all.add(Arguments.of(shape, rotation, seed * 7919 + shape.ordinal() * 31 + rotation.ordinal()));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} seed {2}")
    @MethodSource("streams")
    void everyLineOnceAndInOrder(AdversarialLog.Shape shape, AdversarialLog.Rotation rotation, long seed) throws Exception {
        AdversarialLog log = new AdversarialLog(dir, shape, rotation, seed);
        Random random = log.random();
        Map<String, String> config = LogFiles.config(log.pattern());
        config.remove(LogFileSourceConfig.CLOSE_INACTIVE_CONFIG);
        config.put(LogFileSourceConfig.BATCH_MAX_RECORDS_CONFIG, "20");
        int pauseAt = 2 + random.nextInt(4);
        // started again two files later, so at the latest with the last file
        int restartAt = Math.min(pauseAt + 4 + random.nextInt(4), FILES - 3);
        try (TaskHarness harness = new TaskHarness(config).start()) {
            log.begin();
            for (int file = 0; file < FILES; file++) {
                if (file > 0) {
                    log.rotate();
                    log.begin();
                }
                if (file == restartAt) {
                    // Thor has stored a position before it stops: a first start reads only what the pattern matches
                    harness.pollUntil(Math.max(1, harness.records.size()), TIMEOUT);
                    harness.task().stop();
                }
                boolean polling = (file < pauseAt || file >= pauseAt + 3) && (file < restartAt || file > restartAt + 2);
                for (Runnable write : log.body(1 + random.nextInt(3))) {
                    write.run();
                    for (int polls = polling ? random.nextInt(3) : 0; polls > 0; polls--) {
                        harness.pollOnce();
                    }
                }
                if (file == 0 && !log.written().isEmpty()) {
                    // Thor follows the log from its first lines on (if the first file has any): what it falls behind on later is its to catch up
                    harness.pollUntil(1, TIMEOUT);
                }
                if (file == restartAt + 2) {
                    harness.start();
                }
            }
            Set<String> repeated = rotation.name().startsWith("COPYTRUNCATE") ? repeatedLines(log.written()) : Set.of();
            List<String> expected = without(repeated, log.written());
            try {
                harness.pollUntil(values -> without(repeated, values).size() >= expected.size(), TIMEOUT);
            } catch (ConditionTimeoutException e) {
                // the comparison below says which lines are missing
            }
            Delivery.assertSameSequence(expected, without(repeated, harness.pollQuietFor(Duration.ofMillis(1500))));
            assertEquals(0, harness.task().metrics().getBytesLostToRotation());
        }
    }

    private static Set<String> repeatedLines(List<String> lines) {
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new HashSet<>();
        lines.forEach(line -> {
            if (!seen.add(line)) {
                repeated.add(line);
            }
        });
        return repeated;
    }

    private static List<String> without(Set<String> repeated, List<String> lines) {
        return lines.stream().filter(line -> !repeated.contains(line)).toList();
    }
}
