package org.thor.file.tracking;

import org.thor.file.identity.ContentDigest;
import org.thor.file.identity.FileContent;
import org.thor.file.identity.FileKeys;
import org.thor.file.identity.Fingerprint;
import org.thor.file.identity.ReadMark;
import org.thor.file.offset.StreamOffset;
import org.thor.file.read.LineReader;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.Path;

/** One file identity of a stream: where it is, how far its lines were sent, and its open handle. */
public final class TrackedFile {

    public enum State {
        /** Read, or waiting to be read. */
        LIVE,
        /** A copy of a live file (copytruncate's copy before the truncation): its data comes through the original. */
        COPY,
        /** Read to its end and closed; remembered while it exists so it is not read again. */
        FINISHED
    }

    public final String key;
    /** Read through a decompressing stream; such a file does not grow, and its size is not its content's. */
    public final boolean compressed;
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
    private final ListingPresence presence = new ListingPresence();
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

    /** While open, else null. */
    private FileHandle handle;

    public TrackedFile(String key, Path path, Fingerprint fingerprint, long position, long size, long lastChangeMillis) {
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

    public Path path() {
        return path;
    }

    public Fingerprint fingerprint() {
        return fingerprint;
    }

    public long position() {
        return position;
    }

    long tailHash() {
        return tailHash;
    }

    long digest() {
        return digest;
    }

    public State state() {
        return state;
    }

    public TrackedFile original() {
        return original;
    }

    public boolean gone() {
        return presence.gone();
    }

    public long size() {
        return size;
    }

    public long lastChangeMillis() {
        return lastChangeMillis;
    }

    public long finishedMtimeMillis() {
        return finishedMtimeMillis;
    }

    public boolean started() {
        return started;
    }

    public boolean complete() {
        return complete;
    }

    public boolean beside() {
        return beside;
    }

    /** Holds what was read of {@code original}, which is not truncated yet: its lines come through the original. */
    public void becomeCopyOf(TrackedFile original, long now) {
        state = State.COPY;
        this.original = original;
        copySinceMillis = now;
    }

    public long copySinceMillis() {
        return copySinceMillis;
    }

    /** A file read on its own: new, taken over for a truncated file, or a finished one that grew. */
    public void becomeLive() {
        state = State.LIVE;
        original = null;
    }

    /** Taken for a copy, but its original was never truncated: read from its start, never taken for a copy again. */
    public void becomeFileOfItsOwn() {
        becomeLive();
        markStarted();
    }

    /** Read to its end, or a copy of a file that needs it no more: remembered, not read again. */
    public void becomeFinished() {
        state = State.FINISHED;
        original = null;
    }

    /** Its modification time when it was (last seen) finished: a restart tells it changed by it. */
    public void finishedAt(long mtimeMillis) {
        finishedMtimeMillis = mtimeMillis;
    }

    /** Renamed: found under {@code path} now. */
    public void movedTo(Path path) {
        this.path = path;
    }

    /** Its size on disk changed, at {@code now}. */
    public void changedAt(long size, long now) {
        this.size = size;
        lastChangeMillis = now;
    }

    /** Its size on disk as read now: a change is noted at {@code now}. */
    public void sizeNow(long size, long now) {
        if (size != this.size) {
            changedAt(size, now);
        }
    }

    /** Bytes of it count as read (its position came from a stored offset or a copy): it is no candidate copy. */
    public void markStarted() {
        started = true;
    }

    /** Taken over for a truncated file: nothing is written to it any more, so it is finished at its end. */
    public void markComplete() {
        complete = true;
    }

    /** A copy found beside a truncated file: complete, no candidate copy, and shown by no listing of the stream. */
    public void markFoundBeside() {
        beside = true;
        complete = true;
        started = true;
    }

    /**
     * A copy holds what was read of it, and it no longer holds that copy: it was truncated and
     * written again. What was seen past the position may be the new content, so it is forgotten.
     */
    public void markRewritten() {
        rewritten = true;
        seenSize = position;
    }

    public boolean rewritten() {
        return rewritten;
    }

    /** Whether its path still leads to it: not removed, nor renamed out of the stream's sight, since it was listed. */
    public boolean presentAtPath() {
        try {
            return key.equals(FileKeys.of(path));
        } catch (IOException e) {
            return false;
        }
    }

    public boolean isOpen() {
        return handle != null;
    }

    public FileChannel channel() {
        return handle.channel();
    }

    public LineReader reader() {
        return handle.reader();
    }

    public FileContent content() {
        return handle.content();
    }

    /** For a compressed file: whether its content was read to where gzip says it ends. */
    public boolean contentEnded() {
        return handle != null && handle.contentEnded();
    }

    /** For a compressed file: why its content ended early (truncated or corrupt), or null. */
    public IOException contentDamage() {
        return handle == null ? null : handle.contentDamage();
    }

    /** Records whether the latest directory listing showed this file; returns {@link #gone}. */
    public boolean listed(boolean shown) {
        return presence.listed(shown);
    }

    /** Missing from the latest listing, but not yet from enough of them to be gone. */
    public boolean perhapsGone() {
        return presence.perhapsGone();
    }

    /** What was read of it so far. */
    public ReadMark mark() {
        return ReadMark.of(fingerprint, position, tailHash, digest);
    }

    /** The furthest end of the file seen so far; the same as {@link #mark()} when nothing unread was seen. */
    public ReadMark seenMark() {
        return seenSize > position ? ReadMark.of(fingerprint, seenSize, seenTailHash, seenDigest) : mark();
    }

    /** Its entry in a stored offset, without its position. */
    public String entryPrefix() {
        return StreamOffset.entryPrefix(key, fingerprint);
    }

    /** Appends its entry, with its position, to those of a stored offset in {@code out}. */
    void appendEntryTo(StringBuilder out) {
        StreamOffset.appendEntry(out, entryPrefix(), position, tailHash, digest, position + unreadSeen());
    }

    /** How many bytes were seen in the file but not read: lost if it was truncated and no copy holds them. */
    public long unreadSeen() {
        return Math.max(0, seenSize - position);
    }

    /**
     * Takes note of the open file's end, unless the end seen before is not there any more (then
     * the read finds the file rewritten, and the old end tells what its copy must hold).
     */
    public void see() throws IOException {
        long size = handle.channel().size();
        if (compressed || size <= seenSize || size <= position) {
            return;
        }
        if (ReadMark.tailHashAt(handle.content(), position) != tailHash
                || seenSize > position && ReadMark.tailHashAt(handle.content(), seenSize) != seenTailHash
                || !fingerprint.isFull() && !startUnchanged()) {
            return;
        }
        long hash = ReadMark.tailHashAt(handle.content(), size);
        if (hash != -1) {
            seenSize = size;
            seenTailHash = hash;
            seenDigest = ContentDigest.UNKNOWN;
        }
    }

    /** A line was handed out: it ends at {@code lineEnd}, where the {@link ReadMark} tail and digest are as given. */
    public void advance(long lineEnd, long lineTailHash, long lineDigest) {
        position = lineEnd;
        tailHash = lineTailHash;
        digest = lineDigest;
        started = true;
    }

    /** Continues from {@code mark}'s position, which this file was proven to hold. */
    public void continueFrom(ReadMark mark) {
        position = mark.position();
        tailHash = mark.tailHash();
        digest = mark.digest();
        seenSize = Math.max(seenSize, position);
        started = true;
    }

    /** Takes {@code position} as read, with the tail the file holds there now (none when it cannot be read). */
    public void settleAt(long position) {
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
    public void restartFromTruncation(int maxLineBytes, Charset charset) throws IOException {
        rewritten = false;
        position = 0;
        tailHash = ReadMark.EMPTY_TAIL;
        digest = ContentDigest.EMPTY;
        seenSize = 0;
        size = handle.channel().size();
        fingerprint = Fingerprint.read(handle.content());
        rewind(maxLineBytes, charset);
        // what it holds now is known from now on, so that a copy can be proven if it is truncated again unread
        see();
        if (seenSize > 0) {
            seenDigest = ContentDigest.of(handle.content(), seenSize);
        }
    }

    /** Opens the file, checking that the path still leads to this identity. */
    public void open(int maxLineBytes, Charset charset) throws IOException {
        if (handle == null) {
            handle = FileHandle.open(path, key, compressed, position, digest, maxLineBytes, charset);
        }
    }

    /**
     * Whether the open file still holds what was read of it: the bytes just before the position
     * (a file truncated and written again past the position, whose banner is the same, fails
     * this) and, when {@code checkStart}, its first bytes.
     */
    public boolean unchanged(boolean checkStart) throws IOException {
        if (rewritten || checkStart && !startUnchanged()) {
            return false;
        }
        long now = ReadMark.tailHashAt(handle.content(), position);
        if (tailHash == ReadMark.NO_TAIL && now != -1) {
            tailHash = now; // resumed from an offset stored without a tail, and proven by its start and length
        }
        return now == tailHash && (seenSize <= position || ReadMark.tailHashAt(handle.content(), seenSize) == seenTailHash);
    }

    /**
     * Whether the file still starts with its fingerprint (else it was truncated and rewritten);
     * while the fingerprint is not full it grows with the file.
     */
    public boolean startUnchanged() throws IOException {
        if (fingerprint.isFull()) {
            return Fingerprint.hashOfHead(handle.content(), Fingerprint.MAX_BYTES) == fingerprint.hash();
        }
        Fingerprint now = Fingerprint.read(handle.content());
        if (!fingerprint.isPrefixOf(now)) {
            return false;
        }
        fingerprint = now;
        return true;
    }

    /** Forgets the bytes read past {@link #position}, so reading resumes there. */
    public void rewind(int maxLineBytes, Charset charset) {
        if (handle != null) {
            handle.rewind(position, digest, maxLineBytes, charset);
        }
    }

    public void close() {
        if (handle != null) {
            handle.close();
            handle = null;
        }
    }

    @Override
    public String toString() {
        return path + " [" + key + " " + state + " @" + position + "]";
    }
}
