package org.thor.file.find;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The files of a stream that could not be looked at or opened (a mode that stops Thor's user, a
 * symlink loop): each is logged once, and listed until it opens or is no longer at its path. The
 * task thread changes the list; the metrics thread reads it for the stream's gauge and thor:status.
 */
public final class UnreadableFiles {

    private static final Logger log = LoggerFactory.getLogger(UnreadableFiles.class);

    private final String pattern;
    private final Set<Path> files = new ConcurrentSkipListSet<>();

    public UnreadableFiles(String pattern) {
        this.pattern = pattern;
    }

    /** {@code file} could not be looked at or opened: logged the first time, retried by the stream. */
    public void failed(Path file, IOException e) {
        if (files.add(file)) {
            log.warn("Stream {}: {} {}; will retry", pattern, file, reason(e));
        }
    }

    /** {@code file} opened: it is no longer listed. */
    public void opened(Path file) {
        if (files.remove(file)) {
            log.info("Stream {}: {} is readable again", pattern, file);
        }
    }

    /** Drops the files no longer at their paths: nothing is left to read there. */
    void forgetGone() {
        files.removeIf(file -> Files.notExists(file, LinkOption.NOFOLLOW_LINKS));
    }

    /** The files listed now, by path. */
    public List<Path> paths() {
        return List.copyOf(files);
    }

    static String reason(IOException e) {
        return e instanceof NoSuchFileException ? "does not exist" : e.toString();
    }
}
