package org.thor.file.read;

/**
 * The line a {@link LineReader} found last, as the task takes it: read-only, valid until the
 * reader reads on. Its bytes are {@code lineLength} bytes of {@code lineBytes} from {@code lineOffset}.
 */
public interface ReadLine {

    byte[] lineBytes();

    int lineOffset();

    int lineLength();

    /** The file position where the line (or this part of an overlong line) starts. */
    long lineStart();

    /** The file position just after it, its line end included. */
    long lineEnd();

    /** A later part of a line longer than max.line.bytes. */
    boolean lineContinued();

    /** Split: the first part of a line longer than max.line.bytes. */
    boolean lineSplit();

    /** Whether the line ends with this part: false for the parts of an overlong line but its last. */
    boolean lineEnds();
}
