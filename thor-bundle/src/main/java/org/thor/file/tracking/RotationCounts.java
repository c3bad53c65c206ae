package org.thor.file.tracking;
/** What the rotation handling counts, reported to the task's metrics. */
public interface RotationCounts {

    /** A file of a stream was rotated (renamed, truncated, or taken over by its copy). */
    void rotated();

    /** {@code bytes} Thor knows it could not send: truncated or removed before they were read, no copy holding them. */
    void lostToRotation(long bytes);

    /** A copy's lines were sent after lines of a newer file of the stream: it turned up once those were sent. */
    void copyReadLate();
}
