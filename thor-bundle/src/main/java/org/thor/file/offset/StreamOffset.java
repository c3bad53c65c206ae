package org.thor.file.offset;

import org.thor.file.find.PatternRoot;
import org.thor.file.identity.ContentDigest;
import org.thor.file.identity.Fingerprint;
import org.thor.file.identity.ReadMark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Positions as stored in Connect's offsets. The source partition is the directory the streams'
 * patterns start from ({@link PatternRoot}): {@code {"directory": "/var/log/app"}}, shared by every
 * stream of the connector under that directory, so a position follows its file whatever pattern
 * reads it. The offset holds:
 * <ul>
 * <li>{@value #FILES_KEY}: the files still being read, each stream's oldest first, as
 * {@code dev:ino,fingerprintLength,fingerprintHash,bytePosition,tailHash,digest,seenEnd} joined by ';'
 * (see {@link ReadMark}; {@code seenEnd} is the furthest end of the file Thor had seen, so what a
 * file that is gone at start held past the position is counted as lost; entries stored before tails,
 * digests or ends were kept lack the last fields);</li>
 * <li>{@value #FINISHED_KEY}: the finished files that are still there (and the last few gone, so a
 * compressed copy made of one is known), in the same form, so they are not read again;</li>
 * <li>{@value #FINISHED_MTIME_KEY}: the modification time of the newest finished file: when a
 * stream resumes, a file no entry names that is no newer counts as finished (a file read to its
 * end under a narrower pattern, before the pattern was widened to match it where it is now);</li>
 * <li>{@value #STREAMS_KEY}: the patterns that wrote it, joined by newlines.</li>
 * </ul>
 * Offsets stored before (partition {@code {"stream": "<pattern>"}}, entries without a tailHash, no
 * finished entries) are read at start and replaced.
 */
public final class StreamOffset {

    public static final String DIRECTORY_KEY = "directory";
    /** The partition key of offsets stored per pattern, before positions were stored per directory. */
    public static final String STREAM_KEY = "stream";
    public static final String FILES_KEY = "files";
    public static final String FINISHED_KEY = "finished";
    public static final String STREAMS_KEY = "streams";
    public static final String FINISHED_MTIME_KEY = "finished.mtime";

    /** One file of a stored offset. */
    public record Entry(String key, int fingerprintLength, long fingerprintHash, long position, long tailHash, long digest,
                        long seenEnd) {

        public ReadMark mark() {
            return new ReadMark(fingerprintLength, fingerprintHash, position, tailHash, digest);
        }

        /** The bytes Thor had seen in the file past its position: lost if no file holds them any more. */
        public long unreadSeen() {
            return Math.max(0, seenEnd - position);
        }
    }

    private StreamOffset() {
    }

    public static Map<String, String> partition(Path directory) {
        return Map.of(DIRECTORY_KEY, directory.toString());
    }

    public static Map<String, String> legacyPartition(String pattern) {
        return Map.of(STREAM_KEY, pattern);
    }

    /** Appends one file's entry to those in {@code out}: its {@link #entryPrefix} and its position. */
    public static void appendEntry(StringBuilder out, String prefix, long position, long tailHash, long digest, long seenEnd) {
        if (out.length() > 0) {
            out.append(';');
        }
        appendPosition(out.append(prefix), position, tailHash, digest, seenEnd);
    }

    /** The part of an entry after its {@link #entryPrefix}. */
    static StringBuilder appendPosition(StringBuilder out, long position, long tailHash, long digest, long seenEnd) {
        return out.append(position).append(',').append(tailHash).append(',').append(digest).append(',').append(seenEnd);
    }

    /** A file's entry without its position. */
    public static String entryPrefix(String key, Fingerprint fingerprint) {
        return key + ',' + fingerprint.length() + ',' + fingerprint.hash() + ',';
    }

    public static Map<String, Object> offset(String files, String finished, long finishedMtime, String streams) {
        return Map.of(FILES_KEY, files, FINISHED_KEY, finished, FINISHED_MTIME_KEY, finishedMtime, STREAMS_KEY, streams);
    }

    /** The files being read; throws IllegalArgumentException when the offset is malformed. */
    public static List<Entry> entries(Map<String, ?> offset) {
        Object files = offset.get(FILES_KEY);
        if (!(files instanceof String text)) {
            throw new IllegalArgumentException("the offset has no '" + FILES_KEY + "' string");
        }
        return parse(text);
    }

    /** The finished files; none in an offset stored before they were kept. */
    public static List<Entry> finishedEntries(Map<String, ?> offset) {
        Object finished = offset.get(FINISHED_KEY);
        if (finished == null) {
            return List.of();
        }
        if (!(finished instanceof String text)) {
            throw new IllegalArgumentException("'" + FINISHED_KEY + "' is not a string");
        }
        return parse(text);
    }

    /** The patterns that wrote the offset. */
    public static List<String> streams(Map<String, ?> offset) {
        Object streams = offset.get(STREAMS_KEY);
        if (streams == null) {
            return List.of();
        }
        if (!(streams instanceof String text)) {
            throw new IllegalArgumentException("'" + STREAMS_KEY + "' is not a string");
        }
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    private static List<Entry> parse(String text) {
        List<Entry> entries = new ArrayList<>();
        if (text.isEmpty()) {
            return entries;
        }
        for (String entry : text.split(";")) {
            String[] fields = entry.split(",");
            if (fields.length < 4 || fields.length > 7) {
                throw new IllegalArgumentException("malformed file entry '" + entry + "'");
            }
            try {
                long position = Long.parseLong(fields[3]);
                entries.add(new Entry(fields[0], Integer.parseInt(fields[1]), Long.parseLong(fields[2]), position,
                        fields.length >= 5 ? Long.parseLong(fields[4]) : ReadMark.NO_TAIL,
                        fields.length >= 6 ? Long.parseLong(fields[5]) : ContentDigest.UNKNOWN,
                        fields.length == 7 ? Long.parseLong(fields[6]) : position));
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

    /** Checks every part of a stored offset; throws IllegalArgumentException naming what is wrong. */
    public static void validate(Map<String, ?> offset) {
        entries(offset);
        finishedEntries(offset);
        streams(offset);
        finishedMtime(offset);
    }
}
