package org.thor.file.tracking;

import org.junit.jupiter.api.Test;
import org.thor.file.identity.Fingerprint;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class FinishedFilesTest {

    @Test
    void aFinishedFileTwoListingsMissedIsStillFinishedWhenOneShowsItAgain() {
        FinishedFiles finished = new FinishedFiles();
        TrackedFile file = new TrackedFile("1:42", Path.of("/var/log/app.log.11"), Fingerprint.EMPTY, 0, 29_000, 0);
        finished.add(file, 0);

        // renamed on while the directory was listed, twice: no listing showed it
        finished.keep(listed -> false);
        finished.keep(listed -> false);
        assertFalse(finished.present().contains(file));

        assertSame(file, finished.get("1:42"));
        assertSame(file, finished.present().get(0));
    }

    @Test
    void aForgottenFileIsNotFinishedAnyMore() {
        FinishedFiles finished = new FinishedFiles();
        finished.add(new TrackedFile("1:42", Path.of("/var/log/app.log.11"), Fingerprint.EMPTY, 0, 29_000, 0), 0);
        finished.keep(listed -> false);
        finished.keep(listed -> false);

        finished.forget("1:42");

        assertNull(finished.get("1:42"));
    }
}
