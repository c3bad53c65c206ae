package org.thor.file.offset;

import org.osgi.service.component.annotations.Component;
import org.thor.file.find.PatternRoot;
import org.thor.file.identity.FileContent;
import org.thor.file.identity.FileKeys;
import org.thor.runtime.OffsetDescriber;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The log-file connector's stored offsets for {@code thor:offsets} and {@code thor:status}: one row
 * per file, found by its device and inode under the partition's directory, with its size and the
 * bytes still to read. It reads offsets with the connector's own {@link StreamOffset}.
 */
@Component(service = OffsetDescriber.class)
public final class LogFileOffsets implements OffsetDescriber {

    /** How deep to look for files when the offset names no pattern (one stored before they were kept). */
    private static final int DEFAULT_DEPTH = 8;

    @Override
    public Optional<List<FileRow>> files(Map<String, ?> partition, Map<String, ?> offset) {
        Optional<PatternRoot> root = root(partition);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        List<StreamOffset.Entry> entries;
        int depth;
        try {
            entries = StreamOffset.entries(offset);
            depth = StreamOffset.streams(offset).stream().mapToInt(stream -> PatternRoot.of(stream).depth()).max()
                    .orElse(Math.max(root.get().depth(), DEFAULT_DEPTH));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Map<String, Path> paths = filesByKey(root.get().directory(), depth);
        return Optional.of(entries.stream().map(entry -> row(entry, paths.get(entry.key()))).toList());
    }

    /** The directory a partition's files lie under: its own, or the root of the pattern it was stored by before. */
    private static Optional<PatternRoot> root(Map<String, ?> partition) {
        if (partition.get(StreamOffset.DIRECTORY_KEY) instanceof String directory && Path.of(directory).isAbsolute()) {
            return Optional.of(new PatternRoot(Path.of(directory), DEFAULT_DEPTH));
        }
        if (partition.get(StreamOffset.STREAM_KEY) instanceof String pattern && Path.of(pattern).isAbsolute()) {
            return Optional.of(PatternRoot.of(pattern));
        }
        return Optional.empty();
    }

    private static FileRow row(StreamOffset.Entry entry, Path path) {
        String position = Long.toString(entry.position());
        if (path == null) {
            return new FileRow(entry.key() + " (not found)", position, "", "");
        }
        String file = path + " (" + entry.key() + ")";
        try {
            long size = Files.size(path);
            if (FileContent.isCompressed(path)) {
                // the position counts decompressed bytes; the size on disk cannot be compared with it
                return new FileRow(file, position, size + " gzip", "");
            }
            return new FileRow(file, position, Long.toString(size), Long.toString(Math.max(0, size - entry.position())));
        } catch (IOException e) {
            return new FileRow(file, position, "", "");
        }
    }

    private static Map<String, Path> filesByKey(Path directory, int depth) {
        Map<String, Path> byKey = new HashMap<>();
        try (Stream<Path> files = Files.walk(directory, depth)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                try {
                    byKey.put(FileKeys.of(file), file);
                } catch (IOException e) {
                    // gone since it was listed
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a directory that vanished or cannot be read: the rows show the keys alone
        }
        return byKey;
    }
}
