package org.thor.file.tracking;

/**
 * What a stream takes a tracked file for while it tells copytruncate's copies from their
 * originals: a file read on its own, a copy whose lines come through its original, or one
 * finished; and what it learnt of the file on the way.
 */
public final class CopyRole {

    private TrackedFile.State state = TrackedFile.State.LIVE;
    /** For a COPY: the live file it copies, and since when it is taken for its copy. */
    private TrackedFile original;
    private long copySinceMillis;
    /** Whether any byte was read from it since it was tracked; a never-read file may still turn out to be a copy. */
    private boolean started;
    /** A copy taken over for a truncated file: complete, so finished as soon as it is read to its end. */
    private boolean complete;
    /** Found beside a truncated file, not by the stream's pattern: no listing shows it. */
    private boolean beside;
    /** Proven truncated by a copy that holds what was read of it, though it grew back past the position unseen. */
    private boolean rewritten;
    /** Truncated (copytruncate) since it was tracked: what it holds was written after its copies. */
    private boolean truncatedInPlace;
    /** A copy that took over once lines of this newer file were sent: its own lines come after them. */
    private TrackedFile lateAfter;

    TrackedFile.State state() {
        return state;
    }

    TrackedFile original() {
        return original;
    }

    long copySinceMillis() {
        return copySinceMillis;
    }

    boolean started() {
        return started;
    }

    boolean complete() {
        return complete;
    }

    public boolean beside() {
        return beside;
    }

    boolean rewritten() {
        return rewritten;
    }

    public boolean truncatedInPlace() {
        return truncatedInPlace;
    }

    void becomeCopyOf(TrackedFile original, long now) {
        state = TrackedFile.State.COPY;
        this.original = original;
        copySinceMillis = now;
    }

    void becomeLive() {
        state = TrackedFile.State.LIVE;
        original = null;
    }

    void becomeFileOfItsOwn() {
        becomeLive();
        markStarted();
    }

    /** Read to its end, or a copy of a file that needs it no more: remembered, not read again. */
    public void becomeFinished() {
        state = TrackedFile.State.FINISHED;
        original = null;
    }

    /** Bytes of it count as read (its position came from a stored offset or a copy): it is no candidate copy. */
    public void markStarted() {
        started = true;
    }

    void markComplete() {
        complete = true;
    }

    void markFoundBeside() {
        beside = true;
        complete = true;
        started = true;
    }

    void markRewritten() {
        rewritten = true;
    }

    /** Taken over where lines of {@code newer}, which its content comes before, were sent already. */
    void takenOverAfter(TrackedFile newer) {
        lateAfter = newer;
    }

    /** The newer file whose lines were sent before this copy's first, once; null when none. */
    public TrackedFile takeLateAfter() {
        TrackedFile newer = lateAfter;
        lateAfter = null;
        return newer;
    }

    /** Its truncation was taken in: what it holds now is read from its start. */
    void truncationHandled() {
        rewritten = false;
        truncatedInPlace = true;
    }
}
