package org.thor.file.tracking;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thor.file.identity.ContentDigest;
import org.thor.file.identity.FileContent;
import org.thor.file.identity.FileKeys;
import org.thor.file.identity.Fingerprint;
import org.thor.file.identity.ReadMark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadProgressTest {

    private static final String READ = "line 0040000 of the test log\nline 0040001 of the test log\n";

    @TempDir
    Path dir;

    @Test
    void aShortStartGrowsWithTheFileThatStillHoldsWhatWasRead() throws IOException {
        Path log = dir.resolve("app.log");
        ReadProgress progress = readWithAnEmptyStart(log);

        Files.writeString(log, READ + "line 0040002 of the test log\n");

        assertTrue(FileContent.readOnce(log, FileKeys.of(log), progress::startUnchanged));
        assertEquals(Files.size(log), progress.fingerprint().length());
    }

    @Test
    void aShortStartDoesNotGrowFromWhatALogTruncatedAndWrittenAgainHoldsNow() throws IOException {
        Path log = dir.resolve("app.log");
        ReadProgress progress = readWithAnEmptyStart(log);
        ReadMark read = progress.mark();

        // copytruncate again, and written past the position before Thor looks
        Files.writeString(log, "line 0041000 of the test log\nline 0041001 of the test log\nline 0041002 of the test log\n");

        assertFalse(FileContent.readOnce(log, FileKeys.of(log), progress::startUnchanged));
        assertEquals(read, progress.mark());
    }

    /** A log truncated while empty (its start empty), then read to its end. */
    private static ReadProgress readWithAnEmptyStart(Path log) throws IOException {
        Files.writeString(log, READ);
        long end = Files.size(log);
        ReadProgress progress = new ReadProgress(Fingerprint.EMPTY, 0);
        progress.advance(end, FileContent.readOnce(log, FileKeys.of(log), content -> ReadMark.tailHashAt(content, end)),
                FileContent.readOnce(log, FileKeys.of(log), content -> ContentDigest.of(content, end)));
        return progress;
    }
}
