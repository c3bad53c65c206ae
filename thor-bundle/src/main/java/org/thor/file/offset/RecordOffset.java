package org.thor.file.offset;

import java.util.AbstractMap;
import java.util.Set;

/**
 * A record's source offset (see {@link StreamOffset}), built as text only when Connect reads it.
 * Connect keeps every record's offset but serialises only the last acknowledged one per flush, so
 * composing the text for each of a million lines would be wasted work.
 */
public final class RecordOffset extends AbstractMap<String, Object> {

    /**
     * The parts of the offset that are the same for every line of one read of one file: the
     * entries of the partition's other files being read, before and after this one, this file's
     * entry up to its position, and the partition's finished files, the modification time of the
     * newest of them, and its patterns.
     */
    public record Frame(String before, String filePrefix, String after, String finished, long finishedMtime, String streams) {
    }

    private final Frame frame;
    private final long position;
    private final long tailHash;
    private final long digest;
    private final long seenEnd;

    public RecordOffset(Frame frame, long position, long tailHash, long digest, long seenEnd) {
        this.frame = frame;
        this.position = position;
        this.tailHash = tailHash;
        this.digest = digest;
        this.seenEnd = seenEnd;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        StringBuilder files = new StringBuilder(frame.before().length() + frame.filePrefix().length()
                + frame.after().length() + 64);
        files.append(frame.before());
        if (!frame.before().isEmpty()) {
            files.append(';');
        }
        StreamOffset.appendPosition(files.append(frame.filePrefix()), position, tailHash, digest, seenEnd);
        if (!frame.after().isEmpty()) {
            files.append(';').append(frame.after());
        }
        return StreamOffset.offset(files.toString(), frame.finished(), frame.finishedMtime(), frame.streams()).entrySet();
    }
}
