package org.thor.file.stream;

import org.thor.file.config.LogFileSourceConfig;
import org.thor.file.find.SameFile;
import org.thor.file.find.StreamScanner;
import org.thor.file.identity.FileKeys;
import org.thor.file.tracking.TrackedFile;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens a stream's files: one no longer at its path has the stream's directories listed soon, one
 * that cannot be read is one of the stream's unreadable files until it opens.
 */
final class FileOpener {

    private final LogFileSourceConfig config;
    private final StreamScanner scanner;
    private final StreamListing listing;

    FileOpener(LogFileSourceConfig config, StreamScanner scanner, StreamListing listing) {
        this.config = config;
        this.scanner = scanner;
        this.listing = listing;
    }

    /** What became of an attempt to open a file. */
    enum Opened {
        OPEN,
        /** Not at its path any more (renamed on, or removed): the next listing tells where it went. */
        MOVED,
        /** Its mode, or a symlink loop, stops Thor: one of the stream's unreadable files. */
        UNREADABLE,
        /** A copy found beside a log, no longer in its directory: removed (logrotate's rotate count). */
        GONE
    }

    boolean open(TrackedFile file) {
        return tryOpen(file) == Opened.OPEN;
    }

    Opened tryOpen(TrackedFile file) {
        if (file.isOpen()) {
            return Opened.OPEN;
        }
        Opened opened = openAtPath(file);
        if (opened == Opened.MOVED && file.role().beside()) {
            return openMovedBeside(file);
        }
        if (opened == Opened.MOVED) {
            listing.listSoon();
        }
        return opened;
    }

    /** A copy found beside a log is shown by no listing: where it went is looked up by its identity. */
    private Opened openMovedBeside(TrackedFile file) {
        Optional<Path> moved;
        try {
            moved = SameFile.beside(file.path(), file.key);
        } catch (NoSuchFileException e) {
            return Opened.MOVED;
        } catch (IOException e) {
            scanner.unreadableFiles().failed(file.path(), e);
            return Opened.UNREADABLE;
        }
        if (moved.isEmpty()) {
            return Opened.GONE;
        }
        file.disk().movedTo(moved.get());
        return openAtPath(file); // renamed on again as it was opened (MOVED): looked up again at the next read
    }

    private Opened openAtPath(TrackedFile file) {
        try {
            file.open(config.maxLineBytes, config.charset);
            scanner.unreadableFiles().opened(file.path());
            return Opened.OPEN;
        } catch (NoSuchFileException | FileKeys.MovedException e) {
            return Opened.MOVED;
        } catch (IOException e) {
            scanner.unreadableFiles().failed(file.path(), e);
            return Opened.UNREADABLE;
        }
    }
}
