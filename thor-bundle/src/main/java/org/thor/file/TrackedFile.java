package org.thor.file;

import org.thor.file.identity.ContentDigest;
import org.thor.file.identity.FileContent;
import org.thor.file.identity.FileKeys;
import org.thor.file.identity.Fingerprint;
import org.thor.file.identity.GzipContent;
import org.thor.file.identity.ReadMark;

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
    private Path path;
    private Fingerprint fingerprint;
    /** The position in the snapshot: just after the last line handed out. */
    private long position;
    /** {@link ReadMark}'s hash of the bytes just before {@link #position}. */
    private long tailHash;
    /** The {@link ContentDigest} of what was read: unknown when the position was not reached by reading. */
    private long digest;
    /**
     * The furthest end of the file seen, with the tail hash there: while Thor is behind, a file
     * that was truncated and written again to past that point with the same first bytes is told
     * apart by it, and its copy proven by it.
     */
    private long seenSize;
    private long seenTailHash;
    private long seenDigest = ContentDigest.UNKNOWN;
    private State state = State.LIVE;
    /** For a COPY: the live file it copies, and since when it is taken for its copy. */
    private TrackedFile original;
    private long copySinceMillis;
    /** Missing from {@value #LISTINGS_TO_BE_GONE} directory listings in a row. */
    private boolean gone;
    private int missedListings;
    /** The size on disk (compressed, for a compressed file). */
    private long size;
    private long lastChangeMillis;
    private long finishedMtimeMillis;
    /** Whether any byte was read from it since it was tracked; a never-read file may still turn out to be a copy. */
    private boolean started;
    /** A copy taken over for a truncated file: complete, so finished as soon as it is read to its end. */
    private boolean complete;
    /** Found beside a truncated file, not by the stream's pattern: no listing shows it. */
    private boolean beside;
    /** Proven truncated by a copy that holds what was read of it, though it grew back past the position unseen. */
    private boolean rewritten;

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
        this.tailHash = position == 0 ? ReadMark.EMPTY_TAIL : ReadMark.NO_TAIL;
        this.digest = position == 0 ? ContentDigest.EMPTY : ContentDigest.UNKNOWN;
        this.seenSize = position;
        this.size = size;
        this.lastChangeMillis = lastChangeMillis;
    }

    Path path() {
        return path;
    }

    Fingerprint fingerprint() {
        return fingerprint;
    }

    long position() {
        return position;
    }

    long tailHash() {
        return tailHash;
    }

    long digest() {
        return digest;
    }

    State state() {
        return state;
    }

    TrackedFile original() {
        return original;
    }

    boolean gone() {
        return gone;
    }

    long size() {
        return size;
    }

    long lastChangeMillis() {
        return lastChangeMillis;
    }

    long finishedMtimeMillis() {
        return finishedMtimeMillis;
    }

    boolean started() {
        return started;
    }

    boolean complete() {
        return complete;
    }

    boolean beside() {
        return beside;
    }

    /** Holds what was read of {@code original}, which is not truncated yet: its lines come through the original. */
    void becomeCopyOf(TrackedFile original, long now) {
        state = State.COPY;
        this.original = original;
        copySinceMillis = now;
    }

    long copySinceMillis() {
        return copySinceMillis;
    }

    /** A file read on its own: new, taken over for a truncated file, or a finished one that grew. */
    void becomeLive() {
        state = State.LIVE;
        original = null;
    }

    /** Taken for a copy, but its original was never truncated: read from its start, never taken for a copy again. */
    void becomeFileOfItsOwn() {
        becomeLive();
        markStarted();
    }

    /** Read to its end, or a copy of a file that needs it no more: remembered, not read again. */
    void becomeFinished() {
        state = State.FINISHED;
        original = null;
    }

    /** Its modification time when it was (last seen) finished: a restart tells it changed by it. */
    void finishedAt(long mtimeMillis) {
        finishedMtimeMillis = mtimeMillis;
    }

    /** Renamed: found under {@code path} now. */
    void movedTo(Path path) {
        this.path = path;
    }

    /** Its size on disk changed, at {@code now}. */
    void changedAt(long size, long now) {
        this.size = size;
        lastChangeMillis = now;
    }

    /** Its size on disk as read now: a change is noted at {@code now}. */
    void sizeNow(long size, long now) {
        if (size != this.size) {
            changedAt(size, now);
        }
    }

    /** Bytes of it count as read (its position came from a stored offset or a copy): it is no candidate copy. */
    void markStarted() {
        started = true;
    }

    /** Taken over for a truncated file: nothing is written to it any more, so it is finished at its end. */
    void markComplete() {
        complete = true;
    }

    /** A copy found beside a truncated file: complete, no candidate copy, and shown by no listing of the stream. */
    void markFoundBeside() {
        beside = true;
        complete = true;
        started = true;
    }

    /**
     * A copy holds what was read of it, and it no longer holds that copy: it was truncated and
     * written again. What was seen past the position may be the new content, so it is forgotten.
     */
    void markRewritten() {
        rewritten = true;
        seenSize = position;
    }

    boolean rewritten() {
        return rewritten;
    }

    /** Whether its path still leads to it: not removed, nor renamed out of the stream's sight, since it was listed. */
    boolean presentAtPath() {
        try {
            return key.equals(FileKeys.of(path));
        } catch (IOException e) {
            return false;
        }
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

    /** What was read of it so far. */
    ReadMark mark() {
        return ReadMark.of(fingerprint, position, tailHash, digest);
    }

    /** The furthest end of the file seen so far; the same as {@link #mark()} when nothing unread was seen. */
    ReadMark seenMark() {
        return seenSize > position ? ReadMark.of(fingerprint, seenSize, seenTailHash, seenDigest) : mark();
    }

    /** How many bytes were seen in the file but not read: lost if it was truncated and no copy holds them. */
    long unreadSeen() {
        return Math.max(0, seenSize - position);
    }

    /**
     * Takes note of the open file's end, unless the end seen before is not there any more (then
     * the read finds the file rewritten, and the old end tells what its copy must hold).
     */
    void see() throws IOException {
        long size = channel.size();
        if (compressed || size <= seenSize || size <= position) {
            return;
        }
        if (ReadMark.tailHashAt(content, position) != tailHash
                || seenSize > position && ReadMark.tailHashAt(content, seenSize) != seenTailHash
                || !fingerprint.isFull() && !startUnchanged()) {
            return;
        }
        long hash = ReadMark.tailHashAt(content, size);
        if (hash != -1) {
            seenSize = size;
            seenTailHash = hash;
            seenDigest = ContentDigest.UNKNOWN;
        }
    }

    /** A line was handed out: it ends at {@code lineEnd}, where the {@link ReadMark} tail and digest are as given. */
    void advance(long lineEnd, long lineTailHash, long lineDigest) {
        position = lineEnd;
        tailHash = lineTailHash;
        digest = lineDigest;
        started = true;
    }

    /** Continues from {@code mark}'s position, which this file was proven to hold. */
    void continueFrom(ReadMark mark) {
        position = mark.position();
        tailHash = mark.tailHash();
        digest = mark.digest();
        seenSize = Math.max(seenSize, position);
        started = true;
    }

    /** Takes {@code position} as read, with the tail the file holds there now (none when it cannot be read). */
    void settleAt(long position) {
        this.position = position;
        digest = position == 0 ? ContentDigest.EMPTY : ContentDigest.UNKNOWN;
        long hash;
        try {
            hash = FileContent.readOnce(path, key, content -> ReadMark.tailHashAt(content, position));
        } catch (IOException e) {
            hash = -1;
        }
        tailHash = hash == -1 ? ReadMark.NO_TAIL : hash;
        if (position >= seenSize) {
            // the end seen is where it settled, with the tail there: a later continueFrom an earlier mark still proves it
            seenSize = position;
            seenTailHash = tailHash;
        }
    }

    /** Truncated: what it holds now is new, read from its start. */
    void restartFromTruncation(int maxLineBytes, Charset charset) throws IOException {
        rewritten = false;
        position = 0;
        tailHash = ReadMark.EMPTY_TAIL;
        digest = ContentDigest.EMPTY;
        seenSize = 0;
        size = channel.size();
        fingerprint = Fingerprint.read(content);
        rewind(maxLineBytes, charset);
        // what it holds now is known from now on, so that a copy can be proven if it is truncated again unread
        see();
        if (seenSize > 0) {
            seenDigest = ContentDigest.of(content, seenSize);
        }
    }

    /** Opens the file, checking that the path still leads to this identity. */
    void open(int maxLineBytes, Charset charset) throws IOException {
        if (channel != null) {
            return;
        }
        channel = FileKeys.open(path, key);
        content = FileContent.of(channel, compressed);
        reader = new LineReader(position, digest, maxLineBytes, charset);
    }

    /**
     * Whether the open file still holds what was read of it: the bytes just before the position
     * (a file truncated and written again past the position, whose banner is the same, fails
     * this) and, when {@code checkStart}, its first bytes.
     */
    boolean unchanged(boolean checkStart) throws IOException {
        if (rewritten || checkStart && !startUnchanged()) {
            return false;
        }
        long now = ReadMark.tailHashAt(content, position);
        if (tailHash == ReadMark.NO_TAIL && now != -1) {
            tailHash = now; // resumed from an offset stored without a tail, and proven by its start and length
        }
        return now == tailHash && (seenSize <= position || ReadMark.tailHashAt(content, seenSize) == seenTailHash);
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
            reader = new LineReader(position, digest, maxLineBytes, charset);
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
