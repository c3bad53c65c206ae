package org.thor.file.rotation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thor.file.config.LogFileSourceConfig;
import org.thor.file.find.StreamScanner;
import org.thor.file.identity.FileContent;
import org.thor.file.identity.ReadMark;
import org.thor.file.tracking.StreamFiles;
import org.thor.file.tracking.TrackedFile;

import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;

/**
 * Hands a file's place over to its copy: the copy is read from where the file was read to, before
 * {@code next}; and the proof that a file holds what was read and seen of another.
 */
public final class CopyHandover {

    private static final Logger log = LoggerFactory.getLogger(CopyHandover.class);

    private final String pattern;
    private final StreamFiles files;
    private final LogFileSourceConfig config;

    public CopyHandover(String pattern, StreamFiles files, LogFileSourceConfig config) {
        this.pattern = pattern;
        this.files = files;
        this.config = config;
    }

    /** The copy continues {@code original} from {@code mark}, read before {@code next}. */
    void takeOver(TrackedFile copy, TrackedFile original, TrackedFile next, ReadMark mark) {
        log.info("Stream {}: reading {} from byte {}, where {} left off", pattern, copy.path(), mark.position(), original.path());
        copy.becomeLive();
        if (next != null && next != copy && next.position() > 0) {
            copy.takenOverAfter(next); // found too late to come first: reported when its lines are sent
        }
        copy.continueFrom(mark);
        copy.rewind(config.maxLineBytes, config.charset);
        files.placeBefore(copy, next);
    }

    /** The first copy from the mark, then the later ones whole, in order, before {@code next}. */
    void readCopies(TrackedFile file, TrackedFile next, ReadMark mark, List<TrackedFile> copies) {
        takeOver(copies.get(0), file, next, mark);
        for (TrackedFile rotation : copies.subList(1, copies.size())) {
            log.info("Stream {}: reading {}, a copy of {} from a later rotation", pattern, rotation.path(), file.path());
            files.placeBefore(rotation, next);
        }
    }

    /**
     * Opens a copy that logrotate may be renaming on ({@code app.log.1} to {@code .2}) as it is
     * opened: {@code scan} lists the stream's directories, which find it under its new name.
     */
    static boolean openFollowingRenames(TrackedFile copy, Runnable scan, Predicate<TrackedFile> open) {
        for (int attempt = 0; attempt < 3; attempt++) {
            if (open.test(copy)) {
                return true;
            }
            scan.run();
        }
        return open.test(copy);
    }

    /** Whether {@code candidate} holds what was read ({@code mark}) and seen ({@code seen}) of a file. */
    static boolean holds(TrackedFile candidate, ReadMark mark, ReadMark seen) throws IOException {
        return holds(candidate.content(), candidate.compressed ? -1 : candidate.channel().size(), mark, seen);
    }

    static boolean holds(FileContent content, long size, ReadMark mark, ReadMark seen) throws IOException {
        return mark.provenBy(content, size) && (seen.equals(mark) || seen.provenBy(content, size));
    }

    static boolean holds(StreamScanner.Found found, ReadMark mark, ReadMark seen) {
        return mark.provenBy(found.path(), found.stat().key()) && (seen.equals(mark) || seen.provenBy(found.path(), found.stat().key()));
    }
}
