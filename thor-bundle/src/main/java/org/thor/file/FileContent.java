package org.thor.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The bytes of a log file by position: a plain file's own bytes, or a compressed file's
 * decompressed content. Positions, and so stored offsets, always count the content's bytes.
 */
interface FileContent {

    /** Reads into {@code into} (an array-backed buffer) from {@code position}; returns the count, or -1 at the end. */
    int read(ByteBuffer into, long position) throws IOException;

    /** Whether the file at {@code path} is compressed and read through {@link GzipContent}. */
    static boolean isCompressed(Path path) {
        return path.getFileName().toString().endsWith(".gz");
    }

    static FileContent of(FileChannel channel, boolean compressed) {
        return compressed ? new GzipContent(channel) : channel::read;
    }

    /** Runs {@code action} on the content of the file at {@code path}, open only meanwhile. */
    static <T> T readOnce(Path path, ContentAction<T> action) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return action.apply(of(channel, isCompressed(path)));
        }
    }

    interface ContentAction<T> {
        T apply(FileContent content) throws IOException;
    }
}
