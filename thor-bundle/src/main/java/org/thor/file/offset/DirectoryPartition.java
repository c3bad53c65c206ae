package org.thor.file.offset;

import org.thor.file.find.PatternRoot;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The streams of a task whose patterns start from one directory ({@link PatternRoot}): their
 * positions are stored together, under that directory's source partition, so that every record's
 * offset holds all of them (see {@link StreamOffset}). Each stream publishes its entries as its
 * reads leave them; a read's offset frame is built from its own and the others' last published.
 */
public final class DirectoryPartition {

    /** A stream's entries: the files it is reading, those it finished, and the newest finished one's time. */
    public record Entries(String live, String finished, long finishedMtime) {
        public static final Entries NONE = new Entries("", "", Long.MIN_VALUE);
    }

    private final Map<String, String> key;
    private final List<String> patterns;
    private final String joinedPatterns;
    private final Entries[] published;

    /** {@code patterns}: those of the streams under {@code directory}, in the order their entries are stored. */
    public DirectoryPartition(Path directory, List<String> patterns) {
        this.key = StreamOffset.partition(directory);
        this.patterns = List.copyOf(patterns);
        this.joinedPatterns = String.join("\n", patterns);
        this.published = new Entries[patterns.size()];
        Arrays.fill(published, Entries.NONE);
    }

    public Map<String, String> key() {
        return key;
    }

    /** Whether several streams share it: then each publishes its entries for the others' offsets. */
    public boolean shared() {
        return patterns.size() > 1;
    }

    /** {@code pattern}'s stream's entries as its last read or change left them. */
    public void publish(String pattern, Entries entries) {
        published[patterns.indexOf(pattern)] = entries;
    }

    /**
     * The offset frame of a read of one of {@code pattern}'s files, whose stream's other files
     * being read are {@code before} and {@code after} it, and which has finished {@code own}.
     */
    public RecordOffset.Frame frame(String pattern, String before, String filePrefix, String after, Entries own) {
        if (patterns.size() == 1) {
            return new RecordOffset.Frame(before, filePrefix, after, own.finished(), own.finishedMtime(), joinedPatterns);
        }
        StringBuilder allBefore = new StringBuilder();
        StringBuilder allAfter = new StringBuilder(after);
        StringBuilder finished = new StringBuilder();
        long finishedMtime = Long.MIN_VALUE;
        boolean past = false;
        for (int i = 0; i < patterns.size(); i++) {
            boolean self = patterns.get(i).equals(pattern);
            Entries entries = self ? own : published[i];
            join(finished, entries.finished());
            finishedMtime = Math.max(finishedMtime, entries.finishedMtime());
            if (self) {
                past = true;
                join(allBefore, before);
            } else {
                join(past ? allAfter : allBefore, entries.live());
            }
        }
        return new RecordOffset.Frame(allBefore.toString(), filePrefix, allAfter.toString(), finished.toString(),
                finishedMtime, joinedPatterns);
    }

    private static void join(StringBuilder out, String entries) {
        if (!entries.isEmpty()) {
            out.append(out.isEmpty() ? "" : ";").append(entries);
        }
    }
}
