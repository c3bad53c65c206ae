package org.thor.file;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.thor.file.LogFiles.lines;

/**
 * {@link BadInputTest}'s unreadable file as a reader that its mode stops: run by
 * {@link org.thor.testing.UnprivilegedUser#runAsUser} in a JVM of the user's own, who owns {@code a.log} (mode 000)
 * and so may open it up itself once the other file's line has come.
 */
final class UnreadableFileAsUser {

    private UnreadableFileAsUser() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path locked = dir.resolve("a.log");
        Path open = dir.resolve("b.log");
        assertFalse(Files.isReadable(locked), "a.log is unreadable to " + System.getProperty("user.name"));
        try (TaskHarness harness = new TaskHarness(LogFiles.config(locked + "," + open)).start()) {
            assertEquals(lines(1, 2), harness.pollUntil(1, Duration.ofSeconds(30)));
            harness.pollUntilTrue(() -> harness.task().metrics().getFilesUnreadable() == 1, Duration.ofSeconds(30));
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
            List<String> both = harness.pollUntil(2, Duration.ofSeconds(30));
            assertEquals(2, both.size());
            assertEquals(lines(0, 2), both.stream().sorted().toList());
            assertEquals(0, harness.task().metrics().getFilesUnreadable(), "read once its mode allows, it is no longer counted");
        }
        System.out.println("UNREADABLE-FILE-OK as " + System.getProperty("user.name"));
        System.exit(0);
    }
}
