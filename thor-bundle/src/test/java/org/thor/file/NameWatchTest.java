package org.thor.file;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thor.file.config.LogFileSourceConfig;
import org.thor.file.find.ChangeWatch;
import org.thor.file.find.NameWatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.thor.file.LogFiles.append;

/**
 * The watch vouches that no name changed in a directory, or nothing at all, so that a stream at
 * its end need not list it or read its files at every poll; and what it vouches for is true: a
 * rename is followed at once even when the directories are listed in full only once a minute.
 */
class NameWatchTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @BeforeEach
    void onALocalFileSystem() throws IOException {
        assumeTrue(ChangeWatch.onLocalFileSystem(dir), "the watch vouches only on a local file system");
    }

    @Test
    void aWatchedDirectoryIsVouchedForUntilAFileIsCreatedRenamedOrDeletedInIt() throws Exception {
        Path log = dir.resolve("app.log");
        append(log, "first\n");
        Path other = Files.createDirectory(dir.resolve("other"));
        try (ChangeWatch watch = ChangeWatch.open("test")) {
            watch.watch(Set.of(dir, other));
            long mark = watch.mark();
            assertTrue(watch.unchangedSince(dir, mark));
            assertTrue(watch.untouchedSince(dir, mark));

            append(log, "second\n");
            // a name changed elsewhere after the write: once that is seen, so is everything before it
            Files.createFile(other.resolve("sentinel"));
            await().atMost(TIMEOUT).until(() -> !watch.unchangedSince(other, mark));
            assertTrue(watch.unchangedSince(dir, mark), "a file written to is not a name changed");
            assertFalse(watch.untouchedSince(dir, mark), "but it is a change");

            Files.move(log, dir.resolve("app.log.1"));
            await().atMost(TIMEOUT).until(() -> !watch.unchangedSince(dir, mark));
            assertTrue(watch.unchangedSince(dir, watch.mark()), "a later mark is vouched for again");

            long beforeDelete = watch.mark();
            Files.delete(dir.resolve("app.log.1"));
            await().atMost(TIMEOUT).until(() -> !watch.unchangedSince(dir, beforeDelete));
        }
    }

    @Test
    void aDirectoryIsNotVouchedForFromBeforeItsWatchBeganNorWhenNotWatched() {
        try (ChangeWatch watch = ChangeWatch.open("test")) {
            long before = watch.mark();
            assertFalse(watch.unchangedSince(dir, before), "not watched");
            watch.watch(Set.of(dir));
            assertFalse(watch.unchangedSince(dir, before), "what happened before the watch is not known");
            assertTrue(watch.unchangedSince(dir, watch.mark()));
            assertFalse(NameWatch.NONE.unchangedSince(dir, NameWatch.NONE.mark()));
            assertFalse(NameWatch.NONE.untouchedSince(dir, NameWatch.NONE.mark()));
        }
    }

    @Test
    void aRenameIsFollowedAtOnceWhileTheDirectoryIsListedOnlyOnceAMinute() throws Exception {
        Path log = dir.resolve("app.log");
        append(log, "before 1\nbefore 2\n");
        Map<String, String> config = LogFiles.config(log.toString());
        config.put(LogFileSourceConfig.SCAN_INTERVAL_CONFIG, "60000");
        config.put(LogFileSourceConfig.POLL_INTERVAL_CONFIG, "50");
        try (TaskHarness harness = new TaskHarness(config).start()) {
            harness.pollUntil(2, TIMEOUT);
            // idle polls: the stream checks its directory once, then the watch vouches for it
            for (int i = 0; i < 5; i++) {
                harness.pollOnce();
            }

            Files.move(log, dir.resolve("app.log.1"));
            append(dir.resolve("app.log.1"), "before 3\n");
            append(log, "after 1\n");
            harness.pollUntil(4, TIMEOUT);

            assertEquals(List.of("before 1", "before 2", "before 3", "after 1"), harness.values());
        }
    }
}
