package org.thor.file.read;

import org.thor.file.identity.ContentDigest;
import org.thor.file.identity.FileContent;
import org.thor.file.identity.Fingerprint;
import org.thor.file.identity.ReadMark;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits the bytes of one file into lines, from a byte position on. A line ends at '\n' (a '\r'
 * before it is dropped too). A line longer than the maximum is returned in parts of at most the
 * maximum, never cutting a UTF-8 character; a last line without '\n' is returned only once the
 * caller says the file is finished. The {@value ReadMark#TAIL_BYTES} bytes before each line's end
 * stay in the buffer, so that {@link #tailHash()} can prove later what was read up to there, and
 * the {@link ContentDigest} of all bytes before each line's end is kept ({@link #digest()}).
 */
public final class LineReader implements ReadLine {

    private static final int INITIAL_CAPACITY = 64 * 1024;

    private final int maxLineBytes;
    private final boolean utf8;
    private byte[] buffer;
    private int start;
    private int end;
    private int scanned;
    private long startPosition;
    /** Bytes before the start position still to be read into the buffer, for the first line's tail. */
    private int missingHistory;
    private boolean inOverlongLine;
    /** The digest of the words before {@link #digestedTo}; {@link ContentDigest#UNKNOWN} when the start was not read. */
    private long digest;
    private long digestedTo;

    // The line found by the last successful next(); valid until the following call.
    private byte[] lineBytes;
    private int lineOffset;
    private int lineLength;
    private long lineStart;
    private long lineEnd;
    private boolean lineContinued;
    private boolean lineSplit;
    private boolean lineEnds;

    @Override
    public byte[] lineBytes() {
        return lineBytes;
    }

    @Override
    public int lineOffset() {
        return lineOffset;
    }

    @Override
    public int lineLength() {
        return lineLength;
    }

    @Override
    public long lineStart() {
        return lineStart;
    }

    @Override
    public long lineEnd() {
        return lineEnd;
    }

    @Override
    public boolean lineContinued() {
        return lineContinued;
    }

    @Override
    public boolean lineSplit() {
        return lineSplit;
    }

    @Override
    public boolean lineEnds() {
        return lineEnds;
    }

    /** @param digest the {@link ContentDigest} of the bytes before {@code position} */
    public LineReader(long position, long digest, int maxLineBytes, Charset charset) {
        this.maxLineBytes = maxLineBytes;
        this.digest = digest;
        this.digestedTo = ContentDigest.wordsBefore(position);
        this.utf8 = charset.equals(StandardCharsets.UTF_8);
        this.buffer = new byte[Math.min(INITIAL_CAPACITY, maxCapacity())];
        this.startPosition = position;
        this.missingHistory = ReadMark.tailLength(position);
    }

    private int maxCapacity() {
        return maxLineBytes + 2 + ReadMark.TAIL_BYTES;
    }

    /** The file position just after the bytes read so far. */
    public long readPosition() {
        return startPosition + (end - start);
    }

    /** Whether bytes that are not a complete line yet are held. */
    public boolean holdsPartialLine() {
        return end > start;
    }

    /** Reads what the content has beyond {@link #readPosition()}; returns the number of bytes read. */
    public int fill(FileContent content) throws IOException {
        if (missingHistory > 0 && !readHistory(content)) {
            return 0;
        }
        if (end == buffer.length) {
            makeRoom();
        }
        int read = content.read(ByteBuffer.wrap(buffer, end, buffer.length - end), readPosition());
        if (read <= 0) {
            return 0;
        }
        end += read;
        return read;
    }

    /** Whether {@code content} still holds the bytes read into the buffer past the last line handed out. */
    public boolean stillHeldBy(FileContent content) throws IOException {
        int length = end - start;
        ByteBuffer now = ByteBuffer.allocate(length);
        return content.readFully(now, startPosition) == length && Arrays.equals(buffer, start, end, now.array(), 0, length);
    }

    /** Reads the bytes just before the start position; false when the content does not hold them (any more). */
    private boolean readHistory(FileContent content) throws IOException {
        if (content.readFully(ByteBuffer.wrap(buffer, 0, missingHistory), startPosition - missingHistory) < missingHistory) {
            return false;
        }
        start = missingHistory;
        end = missingHistory;
        scanned = missingHistory;
        missingHistory = 0;
        return true;
    }

    /**
     * The hash of the {@value ReadMark#TAIL_BYTES} bytes (fewer at the start of the file) just
     * before the end of the line found by the last {@link #next}: see {@link ReadMark}.
     */
    public long tailHash() {
        int length = ReadMark.tailLength(lineEnd);
        return Fingerprint.hash(buffer, start - length, length);
    }

    /** The {@link ContentDigest} of the bytes before the end of the line found by the last {@link #next}. */
    public long digest() {
        return digest;
    }

    /** Whether the buffer is full and {@link #next} could still not return a line. */
    boolean needsMoreRoom() {
        return end == buffer.length;
    }

    /**
     * Finds the next line in what has been read; false if there is none yet.
     *
     * @param finished the file will not grow: its unterminated last line is a line
     */
    public boolean next(boolean finished) {
        int newline = -1;
        for (int i = scanned; i < end; i++) {
            if (buffer[i] == '\n') {
                newline = i;
                break;
            }
        }
        if (newline < 0) {
            scanned = end;
            int held = end - start;
            if (held > maxLineBytes) {
                emitPart();
                return true;
            }
            if (finished && held > 0) {
                emit(end - start, end - start);
                return true;
            }
            return false;
        }
        int length = newline - start;
        int visible = length > 0 && buffer[newline - 1] == '\r' ? length - 1 : length;
        if (visible > maxLineBytes) {
            emitPart();
            return true;
        }
        emit(visible, length + 1);
        return true;
    }

    private void emitPart() {
        int cut = maxLineBytes;
        if (utf8) {
            int back = 0;
            while (back < 3 && (buffer[start + cut - back] & 0xC0) == 0x80) {
                back++;
            }
            if (back < 3 || (buffer[start + cut - back] & 0xC0) != 0x80) {
                cut -= back;
            }
        }
        lineSplit = !inOverlongLine;
        lineContinued = inOverlongLine;
        lineEnds = false;
        setLine(cut, cut);
        inOverlongLine = true;
    }

    private void emit(int visible, int consumed) {
        lineSplit = false;
        lineContinued = inOverlongLine;
        lineEnds = true;
        inOverlongLine = false;
        setLine(visible, consumed);
    }

    private void setLine(int visible, int consumed) {
        lineBytes = buffer;
        lineOffset = start;
        lineLength = visible;
        lineStart = startPosition;
        start += consumed;
        startPosition += consumed;
        lineEnd = startPosition;
        if (scanned < start) {
            scanned = start;
        }
        digestTo(lineEnd);
    }

    /** The words not digested yet lie just before the start: fewer than 8 bytes before the last line, and the line. */
    private void digestTo(long position) {
        if (digest == ContentDigest.UNKNOWN) {
            return;
        }
        long words = ContentDigest.wordsBefore(position);
        for (; digestedTo < words; digestedTo += 8) {
            digest = ContentDigest.fold(digest, buffer, start - (int) (startPosition - digestedTo));
        }
    }

    /** Drops the bytes before the start but the tail of the last line; grows the buffer when that frees nothing. */
    private void makeRoom() {
        int drop = start - Math.min(start, ReadMark.TAIL_BYTES);
        if (drop == 0) {
            byte[] larger = new byte[Math.min(buffer.length * 2, maxCapacity())];
            if (larger.length > buffer.length) {
                System.arraycopy(buffer, 0, larger, 0, end);
                buffer = larger;
            }
            return;
        }
        System.arraycopy(buffer, drop, buffer, 0, end - drop);
        start -= drop;
        scanned -= drop;
        end -= drop;
    }
}
