package org.thor.file.stream;

import org.thor.file.config.LogFileSourceConfig;
import org.thor.file.find.StreamScanner;
import org.thor.file.identity.FileKeys;
import org.thor.file.tracking.TrackedFile;

import java.io.IOException;
import java.nio.file.NoSuchFileException;

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

    boolean open(TrackedFile file) {
        if (file.isOpen()) {
            return true;
        }
        try {
            file.open(config.maxLineBytes, config.charset);
            scanner.unreadableFiles().opened(file.path());
            return true;
        } catch (NoSuchFileException | FileKeys.MovedException e) {
            listing.listSoon();
            return false;
        } catch (IOException e) {
            scanner.unreadableFiles().failed(file.path(), e);
            return false;
        }
    }
}
