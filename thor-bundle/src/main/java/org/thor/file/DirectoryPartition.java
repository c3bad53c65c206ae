package org.thor.file;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The streams of a task whose patterns start from one directory ({@link PatternRoot}): their
 * positions are stored together, under that directory's source partition, so that every record's
 * offset holds all of them (see {@link StreamOffset}).
 */
final class DirectoryPartition {

    final Path directory;
    final Map<String, String> key;
    private final List<FileStream> streams;
    private final String patterns;

    DirectoryPartition(Path directory, List<FileStream> streams) {
        this.directory = directory;
        this.key = StreamOffset.partition(directory);
        this.streams = List.copyOf(streams);
        this.patterns = streams.stream().map(s -> s.pattern).collect(Collectors.joining("\n"));
    }

    /**
     * The offset frame of a read of one of {@code stream}'s files, whose stream's other files
     * being read are {@code before} and {@code after} it.
     */
    RecordOffset.Frame frame(FileStream stream, String before, String filePrefix, String after) {
        if (streams.size() == 1) {
            return new RecordOffset.Frame(before, filePrefix, after, stream.finishedEntries(), stream.finishedMtime(), patterns);
        }
        StringBuilder allBefore = new StringBuilder();
        StringBuilder allAfter = new StringBuilder(after);
        StringBuilder finished = new StringBuilder();
        long finishedMtime = Long.MIN_VALUE;
        boolean past = false;
        for (FileStream other : streams) {
            join(finished, other.finishedEntries());
            finishedMtime = Math.max(finishedMtime, other.finishedMtime());
            if (other == stream) {
                past = true;
                join(allBefore, before);
            } else {
                other.appendLiveEntries(past ? allAfter : allBefore);
            }
        }
        return new RecordOffset.Frame(allBefore.toString(), filePrefix, allAfter.toString(), finished.toString(),
                finishedMtime, patterns);
    }

    private static void join(StringBuilder out, String entries) {
        if (!entries.isEmpty()) {
            out.append(out.isEmpty() ? "" : ";").append(entries);
        }
    }
}
