package org.thor.file.tracking;

import org.thor.file.identity.FileContent;
import org.thor.file.identity.FileKeys;
import org.thor.file.identity.GzipContent;
import org.thor.file.read.LineReader;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.Path;

/** A tracked file while it is open: its channel, the content read through it (plain or decompressed), and the line reader. */
final class FileHandle {

    private final FileChannel channel;
    private final FileContent content;
    private LineReader reader;

    private FileHandle(FileChannel channel, FileContent content, LineReader reader) {
        this.channel = channel;
        this.content = content;
        this.reader = reader;
    }

    /** Opens {@code path}, checking that it still leads to {@code key}, with a reader at {@code position}. */
    static FileHandle open(Path path, String key, boolean compressed, long position, long digest, int maxLineBytes,
                           Charset charset) throws IOException {
        FileChannel channel = FileKeys.open(path, key);
        return new FileHandle(channel, FileContent.of(channel, compressed), new LineReader(position, digest, maxLineBytes, charset));
    }

    FileChannel channel() {
        return channel;
    }

    FileContent content() {
        return content;
    }

    LineReader reader() {
        return reader;
    }

    /** Forgets the bytes read past {@code position}, so reading resumes there. */
    void rewind(long position, long digest, int maxLineBytes, Charset charset) {
        reader = new LineReader(position, digest, maxLineBytes, charset);
    }

    boolean contentEnded() {
        return content instanceof GzipContent gzip && gzip.ended();
    }

    IOException contentDamage() {
        return content instanceof GzipContent gzip ? gzip.damage() : null;
    }

    void close() {
        try (FileChannel closing = channel) {
            if (content instanceof GzipContent gzip) {
                gzip.close();
            }
        } catch (IOException e) {
            // closing a read-only handle loses nothing
        }
    }
}
