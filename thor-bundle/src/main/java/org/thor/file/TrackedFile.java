package org.thor.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.Path;

/** One file identity of a stream: where it is, how far its lines were sent, and its open handle. */
final class TrackedFile {

    enum State {
        /** Read, or waiting to be read. */
        LIVE,
        /** A copy of a live file (copytruncate's copy before the truncation): its data comes through the original. */
        COPY,
        /** Read to its end and closed; remembered while it exists so it is not read again. */
        FINISHED
    }

    final String key;
    /** Read through a decompressing stream; such a file does not grow, and its size is not its content's. */
    final boolean compressed;
    Path path;
    Fingerprint fingerprint;
    /** The position in the snapshot: just after the last line handed out. */
    long position;
    State state = State.LIVE;
    /** For a COPY: the live file it copies. */
    TrackedFile original;
    /** Missing from {@value #LISTINGS_TO_BE_GONE} directory listings in a row. */
    boolean gone;
    private int missedListings;
    /** The size on disk (compressed, for a compressed file). */
    long size;
    long lastChangeMillis;
    long finishedMtimeMillis;
    /** Whether any byte was read from it since it was tracked; a never-read file may still turn out to be a copy. */
    boolean started;

    /**
     * A directory listing made while a file is renamed may show it under neither name (readdir
     * promises nothing about entries changed meanwhile), so one listing cannot tell it is gone.
     */
    static final int LISTINGS_TO_BE_GONE = 2;

    private FileChannel channel;
    private FileContent content;
    private LineReader reader;

    TrackedFile(String key, Path path, Fingerprint fingerprint, long position, long size, long lastChangeMillis) {
        this.key = key;
        this.compressed = FileContent.isCompressed(path);
        this.path = path;
        this.fingerprint = fingerprint;
        this.position = position;
        this.size = size;
        this.lastChangeMillis = lastChangeMillis;
    }

    boolean isOpen() {
        return channel != null;
    }

    FileChannel channel() {
        return channel;
    }

    LineReader reader() {
        return reader;
    }

    FileContent content() {
        return content;
    }

    /** For a compressed file: whether its content was read to where gzip says it ends. */
    boolean contentEnded() {
        return content instanceof GzipContent gzip && gzip.ended();
    }

    /** For a compressed file: why its content ended early (truncated or corrupt), or null. */
    IOException contentDamage() {
        return content instanceof GzipContent gzip ? gzip.damage() : null;
    }

    /** Records whether the latest directory listing showed this file; returns {@link #gone}. */
    boolean listed(boolean shown) {
        missedListings = shown ? 0 : missedListings + 1;
        gone = missedListings >= LISTINGS_TO_BE_GONE;
        return gone;
    }

    /** Missing from the latest listing, but not yet from enough of them to be gone. */
    boolean perhapsGone() {
        return missedListings > 0 && !gone;
    }

    /** Opens the file, checking that the path still leads to this identity. */
    void open(int maxLineBytes, Charset charset) throws IOException {
        if (channel != null) {
            return;
        }
        channel = FileKeys.open(path, key);
        content = FileContent.of(channel, compressed);
        reader = new LineReader(position, maxLineBytes, charset);
    }

    /**
     * Whether the file still starts with its fingerprint (else it was truncated and rewritten);
     * while the fingerprint is not full it grows with the file.
     */
    boolean startUnchanged() throws IOException {
        if (fingerprint.isFull()) {
            return Fingerprint.hashOfHead(content, Fingerprint.MAX_BYTES) == fingerprint.hash();
        }
        Fingerprint now = Fingerprint.read(content);
        if (!fingerprint.isPrefixOf(now)) {
            return false;
        }
        fingerprint = now;
        return true;
    }

    /** Forgets the bytes read past {@link #position}, so reading resumes there. */
    void rewind(int maxLineBytes, Charset charset) {
        if (channel != null) {
            reader = new LineReader(position, maxLineBytes, charset);
        }
    }

    void close() {
        if (channel != null) {
            try (FileChannel closing = channel) {
                if (content instanceof GzipContent gzip) {
                    gzip.close();
                }
            } catch (IOException e) {
                // closing a read-only handle loses nothing
            }
            channel = null;
            content = null;
            reader = null;
        }
    }

    @Override
    public String toString() {
        return path + " [" + key + " " + state + " @" + position + "]";
    }
}
