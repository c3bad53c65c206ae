package org.thor.file.tracking;

import org.thor.file.identity.FileContent;
import org.thor.file.identity.Fingerprint;
import org.thor.file.identity.ReadMark;
import org.thor.file.offset.StreamOffset;
import org.thor.file.read.LineReader;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * One file identity of a stream: where it is ({@link DiskState}), how far its lines were sent, what
 * the stream takes it for among copies and originals ({@link CopyRole}), and its open handle.
 */
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
    private final DiskState disk;
    private final ReadProgress progress;
    private final CopyRole role = new CopyRole();
    private final ListingPresence presence = new ListingPresence();

    /** While open, else null. */
    private FileHandle handle;

    public TrackedFile(String key, Path path, Fingerprint fingerprint, long position, long size, long lastChangeMillis) {
        this.key = key;
        this.compressed = FileContent.isCompressed(path);
        this.disk = new DiskState(key, path, size, lastChangeMillis);
        this.progress = new ReadProgress(fingerprint, position);
    }

    public Path path() {
        return disk.path();
    }

    public Fingerprint fingerprint() {
        return progress.fingerprint();
    }

    /** Just after the last line handed out. */
    public long position() {
        return progress.position();
    }

    public State state() {
        return role.state();
    }

    public TrackedFile original() {
        return role.original();
    }

    public boolean gone() {
        return presence.gone();
    }

    public long size() {
        return disk.size();
    }

    public long lastChangeMillis() {
        return disk.lastChangeMillis();
    }

    /** Its path, size and times on disk. */
    public DiskState disk() {
        return disk;
    }

    public boolean started() {
        return role.started();
    }

    public boolean complete() {
        return role.complete();
    }

    public long copySinceMillis() {
        return role.copySinceMillis();
    }

    /** What the stream takes it for, among copies and their originals. */
    public CopyRole role() {
        return role;
    }

    /** Holds what was read of {@code original}, which is not truncated yet: its lines come through the original. */
    public void becomeCopyOf(TrackedFile original, long now) {
        role.becomeCopyOf(original, now);
    }

    /** A file read on its own: new, taken over for a truncated file, or a finished one that grew. */
    public void becomeLive() {
        role.becomeLive();
    }

    /** Taken for a copy, but its original was never truncated: read from its start, never taken for a copy again. */
    public void becomeFileOfItsOwn() {
        role.becomeFileOfItsOwn();
    }

    /** Its size on disk as read now: a change is noted at {@code now}. */
    public void sizeNow(long size, long now) {
        disk.sizeNow(size, now);
    }

    /** Taken over for a truncated file: nothing is written to it any more, so it is finished at its end. */
    public void markComplete() {
        role.markComplete();
    }

    /** A copy found beside a truncated file: complete, no candidate copy, and shown by no listing of the stream. */
    public void markFoundBeside() {
        role.markFoundBeside();
    }

    /**
     * A copy holds what was read of it, and it no longer holds that copy: it was truncated and
     * written again. What was seen past the position may be the new content, so it is forgotten.
     */
    public void markRewritten() {
        role.markRewritten();
        progress.forgetSeen();
    }

    public boolean rewritten() {
        return role.rewritten();
    }

    /** Whether its path still leads to it: not removed, nor renamed out of the stream's sight, since it was listed. */
    public boolean presentAtPath() {
        return disk.presentAtPath();
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
        return progress.mark();
    }

    /** The furthest end of the file seen so far; the same as {@link #mark()} when nothing unread was seen. */
    public ReadMark seenMark() {
        return progress.seenMark();
    }

    /** Its entry in a stored offset, without its position. */
    public String entryPrefix() {
        return StreamOffset.entryPrefix(key, progress.fingerprint());
    }

    /** Appends its entry, with its position, to those of a stored offset in {@code out}. */
    void appendEntryTo(StringBuilder out) {
        StreamOffset.appendEntry(out, entryPrefix(), position(), progress.tailHash(), progress.digest(),
                position() + unreadSeen());
    }

    /** How many bytes were seen in the file but not read: lost if it was truncated and no copy holds them. */
    public long unreadSeen() {
        return progress.unreadSeen();
    }

    /**
     * Takes note of the open file's end, unless the end seen before is not there any more (then
     * the read finds the file rewritten, and the old end tells what its copy must hold).
     */
    public void see() throws IOException {
        if (!compressed) {
            progress.see(handle.content(), handle.channel().size());
        }
    }

    /** A line was handed out: it ends at {@code lineEnd}, where the {@link ReadMark} tail and digest are as given. */
    public void advance(long lineEnd, long lineTailHash, long lineDigest) {
        progress.advance(lineEnd, lineTailHash, lineDigest);
        role.markStarted();
    }

    /** A copy taken over once lines of {@code newer}, whose content comes after its own, were sent. */
    public void takenOverAfter(TrackedFile newer) {
        role.takenOverAfter(newer);
    }

    /** Continues from {@code mark}'s position, which this file was proven to hold. */
    public void continueFrom(ReadMark mark) {
        progress.continueFrom(mark);
        role.markStarted();
    }

    /** Takes {@code position} as read, with the tail the file holds there now (none when it cannot be read). */
    public void settleAt(long position) {
        long hash;
        try {
            hash = FileContent.readOnce(path(), key, content -> ReadMark.tailHashAt(content, position));
        } catch (IOException e) {
            hash = -1;
        }
        progress.settleAt(position, hash);
    }

    /** Truncated: what it holds now is new, read from its start. */
    public void restartFromTruncation(int maxLineBytes, Charset charset) throws IOException {
        role.truncationHandled();
        disk.truncatedTo(handle.channel().size());
        // what it holds now is known from now on, so that a copy can be proven if it is truncated again unread
        progress.restart(handle.content(), disk.size());
        rewind(maxLineBytes, charset);
    }

    /** Opens the file, checking that the path still leads to this identity. */
    public void open(int maxLineBytes, Charset charset) throws IOException {
        if (handle == null) {
            handle = FileHandle.open(path(), key, compressed, position(), progress.digest(), maxLineBytes, charset);
        }
    }

    /**
     * Whether the open file still holds what was read of it: the bytes just before the position
     * (a file truncated and written again past the position, whose banner is the same, fails
     * this) and, when {@code checkStart}, its first bytes.
     */
    public boolean unchanged(boolean checkStart) throws IOException {
        return !role.rewritten() && progress.unchanged(handle.content(), checkStart);
    }

    /**
     * Whether the file still starts with its fingerprint (else it was truncated and rewritten);
     * while the fingerprint is not full it grows with the file.
     */
    public boolean startUnchanged() throws IOException {
        return progress.startUnchanged(handle.content());
    }

    /** Forgets the bytes read past {@link #position}, so reading resumes there. */
    public void rewind(int maxLineBytes, Charset charset) {
        if (handle != null) {
            handle.rewind(position(), progress.digest(), maxLineBytes, charset);
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
        return path() + " [" + key + " " + role.state() + " @" + position() + "]";
    }
}
