package org.thor.file.identity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * The bytes of a log file by position: a plain file's own bytes, or a compressed file's
 * decompressed content. Positions, and so stored offsets, always count the content's bytes.
 */
public interface FileContent {

    /** Reads into {@code into} (an array-backed buffer) from {@code position}; returns the count, or -1 at the end. */
    int read(ByteBuffer into, long position) throws IOException;

    /**
     * Reads into {@code into} from {@code position} until it is full or the content ends; returns
     * how many bytes were read (fewer than asked only at the end).
     */
    default int readFully(ByteBuffer into, long position) throws IOException {
        int start = into.position();
        while (into.hasRemaining() && read(into, position + into.position() - start) > 0) {
            // reads on until the buffer is full or the end
        }
        return into.position() - start;
    }

    /** Whether the file at {@code path} is compressed and read through {@link GzipContent}. */
    static boolean isCompressed(Path path) {
        return path.getFileName().toString().endsWith(".gz");
    }

    static FileContent of(FileChannel channel, boolean compressed) {
        return compressed ? new GzipContent(channel) : channel::read;
    }

    /**
     * Runs {@code action} on the content of the file {@code key} at {@code path}, open only
     * meanwhile; throws {@link FileKeys.MovedException} when the path leads to another file now.
     */
    static <T> T readOnce(Path path, String key, ContentAction<T> action) throws IOException {
        try (FileChannel channel = FileKeys.open(path, key)) {
            return action.apply(of(channel, isCompressed(path)));
        }
    }

    interface ContentAction<T> {
        T apply(FileContent content) throws IOException;
    }
}
