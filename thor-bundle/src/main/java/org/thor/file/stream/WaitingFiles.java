package org.thor.file.stream;

import org.thor.file.find.StreamScanner;
import org.thor.file.rotation.BesideCopies;
import org.thor.file.rotation.BesideCopyWatch;
import org.thor.file.rotation.CopyTruncation;
import org.thor.file.tracking.StreamFiles;
import org.thor.file.tracking.TrackedFile;

import java.io.IOException;
import java.util.List;

/**
 * A stream's files that are not being read yet: new files are decided about (a copy, or a file of
 * its own) as soon as they are listed, and waiting files are watched as they are written, with the
 * copies made beside them.
 */
final class WaitingFiles {

    private final StreamScanner scanner;
    private final StreamFiles files;
    private final CopyTruncation copies;
    /** With copytruncate.copies=beside, else null. */
    private final BesideCopies beside;
    /** With copytruncate.copies=beside: the copies made beside a file, looked at before it is read on. */
    private final BesideCopyWatch besideCopies;
    private final FileOpener opener;

    WaitingFiles(StreamScanner scanner, StreamFiles files, CopyTruncation copies, BesideCopies beside,
                 BesideCopyWatch besideCopies, FileOpener opener) {
        this.scanner = scanner;
        this.files = files;
        this.copies = copies;
        this.beside = beside;
        this.besideCopies = besideCopies;
        this.opener = opener;
    }

    /**
     * Whether copies made beside the file (not ones the pattern matches) since it was read or
     * seen hold lines it no longer does: then they are read first, and the file anew.
     */
    boolean followedBesideCopies(TrackedFile file, long now) throws IOException {
        if (besideCopies == null || file.role().beside() || file.complete() || file.compressed) {
            return false;
        }
        List<StreamScanner.Found> owed = besideCopies.owed(file, this::ownOrKnown, now);
        return !owed.isEmpty() && beside.rotatedBeside(file, owed);
    }

    /** Whether a file beside one of the stream's is one the stream reads (its pattern matches it) or tracks. */
    boolean ownOrKnown(StreamScanner.Found found) {
        return scanner.matches(found.path()) || files.knows(found);
    }

    /**
     * Files just listed are decided about at once, before more of the files they may be copies of
     * is read: a copy is proven by holding what was read of its original, so the sooner it is
     * looked at, the surer that is. Returns whether the order of the files changed.
     */
    boolean decideNewFiles(long now) {
        boolean reordered = false;
        for (TrackedFile file : files.snapshot()) {
            if (file.state() != TrackedFile.State.LIVE || file.started() || file.compressed || file.size() == 0 || !opener.open(file)) {
                continue;
            }
            try {
                reordered |= copies.decide(file, now) == CopyTruncation.Decision.RESTART;
            } catch (IOException e) {
                // the read reports it
            }
        }
        return reordered;
    }

    /**
     * Files waiting to be read are watched as they are written: their first bytes are completed
     * while short, and their end is noted ({@link TrackedFile#see()}), so that one truncated and
     * written again before Thor reads it (same banner, even past the old end) is still found
     * truncated, and its copy proven by what was seen of it.
     */
    void watchWaitingFiles(long now) {
        for (TrackedFile file : files.snapshot()) {
            if (file.state() != TrackedFile.State.LIVE || file.compressed || file.gone() || !opener.open(file)) {
                continue;
            }
            try {
                if (followedBesideCopies(file, now)) {
                    continue;
                }
                if (!file.fingerprint().isFull()) {
                    file.startUnchanged(); // a changed start is left for the read, which handles the truncation
                }
                file.see();
            } catch (IOException e) {
                // the read reports it
            }
        }
    }
}
