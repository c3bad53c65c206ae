package org.thor.file.tracking;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thor.file.identity.FileKeys;
import org.thor.file.identity.Fingerprint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NewFileOrderTest {

    @TempDir
    Path dir;

    @Test
    void aFileFoundLateGoesBeforeTheNewerUnreadOnes() throws IOException {
        List<TrackedFile> files = new ArrayList<>();
        TrackedFile newer = add(files, dir.resolve("app.log.1"), "t=2", Instant.parse("2026-12-05T10:00:02Z"));
        TrackedFile older = add(files, dir.resolve("app.log.2"), "t=1", Instant.parse("2026-12-05T10:00:01Z"));

        assertEquals(List.of(older, newer), files);
    }

    @Test
    void aFileRenamedOnSinceItWasListedKeepsItsPlaceByTheTimeItWasSeenWith() throws IOException {
        List<TrackedFile> files = new ArrayList<>();
        TrackedFile newer = add(files, dir.resolve("app.log.1"), "t=2", Instant.parse("2026-12-05T10:00:02Z"));
        // a rotation under way (logrotate shifting the numbers): the name it was listed under leads nowhere
        Files.move(dir.resolve("app.log.1"), dir.resolve("app.log.2"));
        TrackedFile older = add(files, dir.resolve("app.log.3"), "t=1", Instant.parse("2026-12-05T10:00:01Z"));

        assertEquals(List.of(older, newer), files);
    }

    @Test
    void aFileRenamedOnWhoseNameAnotherTookKeepsItsPlaceByTheTimeItWasSeenWith() throws IOException {
        List<TrackedFile> files = new ArrayList<>();
        TrackedFile newer = add(files, dir.resolve("app.log.1"), "t=2", Instant.parse("2026-12-05T10:00:02Z"));
        Files.move(dir.resolve("app.log.1"), dir.resolve("app.log.2"));
        Files.writeString(dir.resolve("app.log.1"), "t=0\n");
        Files.setLastModifiedTime(dir.resolve("app.log.1"), FileTime.from(Instant.parse("2026-12-05T10:00:00Z")));
        TrackedFile older = add(files, dir.resolve("app.log.3"), "t=1", Instant.parse("2026-12-05T10:00:01Z"));

        assertEquals(List.of(older, newer), files);
    }

    private static TrackedFile add(List<TrackedFile> files, Path path, String text, Instant modified) throws IOException {
        Files.writeString(path, text + "\n");
        Files.setLastModifiedTime(path, FileTime.from(modified));
        FileKeys.Stat stat = FileKeys.stat(path);
        TrackedFile file = new TrackedFile(stat.key(), path, Fingerprint.EMPTY, 0, stat.size(), stat.mtimeMillis());
        NewFileOrder.addByAge(files, file, stat.mtimeNanos());
        return file;
    }
}
