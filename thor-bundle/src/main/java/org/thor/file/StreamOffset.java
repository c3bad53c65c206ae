package org.thor.file;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stream's position as stored in Connect's offsets. The source partition is the stream (its
 * glob pattern); the offset lists every file of the stream not yet finished, oldest first, as
 * {@code dev:ino,fingerprintLength,fingerprintHash,bytePosition,tailHash} joined by ';' (see
 * {@link ReadMark}; entries stored before tails were kept have no tailHash), plus the
 * modification time of the newest finished file. Files that are finished drop out of it, so the
 * stored offsets stay small however many files a stream has had.
 */
public final class StreamOffset {

    public static final String STREAM_KEY = "stream";
    public static final String FILES_KEY = "files";
    public static final String FINISHED_MTIME_KEY = "finished.mtime";

    /** One file of a stored offset. */
    public record Entry(String key, int fingerprintLength, long fingerprintHash, long position, long tailHash) {

        ReadMark mark() {
            return new ReadMark(fingerprintLength, fingerprintHash, position, tailHash);
        }
    }

    private StreamOffset() {
    }

    public static Map<String, String> partition(String stream) {
        return Map.of(STREAM_KEY, stream);
    }

    static void appendEntry(StringBuilder out, TrackedFile file) {
        if (out.length() > 0) {
            out.append(';');
        }
        appendPosition(out.append(entryPrefix(file)), file.position, file.tailHash);
    }

    /** The part of an entry after its {@link #entryPrefix}. */
    static StringBuilder appendPosition(StringBuilder out, long position, long tailHash) {
        return out.append(position).append(',').append(tailHash);
    }

    /** A file's entry without its position. */
    static String entryPrefix(TrackedFile file) {
        return file.key + ',' + file.fingerprint.length() + ',' + file.fingerprint.hash() + ',';
    }

    public static Map<String, Object> offset(String files, long finishedMtime) {
        return Map.of(FILES_KEY, files, FINISHED_MTIME_KEY, finishedMtime);
    }

    /** The entries of a stored offset; throws IllegalArgumentException when it is malformed. */
    public static List<Entry> entries(Map<String, ?> offset) {
        Object files = offset.get(FILES_KEY);
        if (!(files instanceof String text)) {
            throw new IllegalArgumentException("the offset has no '" + FILES_KEY + "' string");
        }
        List<Entry> entries = new ArrayList<>();
        if (text.isEmpty()) {
            return entries;
        }
        for (String entry : text.split(";")) {
            String[] fields = entry.split(",");
            if (fields.length != 4 && fields.length != 5) {
                throw new IllegalArgumentException("malformed file entry '" + entry + "'");
            }
            try {
                entries.add(new Entry(fields[0], Integer.parseInt(fields[1]), Long.parseLong(fields[2]),
                        Long.parseLong(fields[3]), fields.length == 5 ? Long.parseLong(fields[4]) : ReadMark.NO_TAIL));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("malformed file entry '" + entry + "'", e);
            }
        }
        return entries;
    }

    public static long finishedMtime(Map<String, ?> offset) {
        Object value = offset.get(FINISHED_MTIME_KEY);
        if (value == null) {
            return Long.MIN_VALUE;
        }
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException("'" + FINISHED_MTIME_KEY + "' is not a number");
        }
        return number.longValue();
    }
}
