package org.thor.runtime.command;

import org.apache.karaf.shell.support.table.ShellTable;
import org.thor.runtime.ConnectorOffset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The stored offsets of a connector as table rows. The log-file connector stores, per directory
 * its patterns start from (before: per glob pattern), the files it is reading as
 * {@code dev:ino,fingerprintLength,fingerprintHash,position,tailHash} entries joined by ';' under
 * the key {@code files}; those become one row per file, with the path that file has now, its size
 * and the bytes still to read. Other offsets are shown as they are.
 */
final class OffsetRows {

    static final String DIRECTORY_KEY = "directory";
    static final String STREAM_KEY = "stream";
    /** How deep under a partition's directory its files are looked for. */
    private static final int DEPTH = 8;
    static final String FILES_KEY = "files";

    record Row(String partition, String file, String position, String size, String behind) {
    }

    private OffsetRows() {
    }

    static List<Row> of(List<ConnectorOffset> offsets) {
        List<Row> rows = new ArrayList<>();
        for (ConnectorOffset offset : offsets) {
            String partition = Format.map(offset.partition());
            Object files = offset.offset() == null ? null : offset.offset().get(FILES_KEY);
            Path directory = directory(offset.partition());
            if (files instanceof String entries && directory != null && fileEntries(entries)) {
                Map<String, Path> paths = filesByKey(directory);
                for (String entry : entries.isEmpty() ? new String[0] : entries.split(";")) {
                    String[] fields = entry.split(",");
                    rows.add(fileRow(partition, fields[0], Long.parseLong(fields[3]), paths.get(fields[0])));
                }
            } else {
                rows.add(new Row(partition, "", Format.map(offset.offset()), "", ""));
            }
        }
        return rows;
    }

    static ShellTable table(List<Row> rows) {
        ShellTable table = new ShellTable();
        table.column("Partition");
        table.column("File");
        table.column("Position").alignRight();
        table.column("Size").alignRight();
        table.column("Behind").alignRight();
        for (Row row : rows) {
            table.addRow().addContent(row.partition(), row.file(), row.position(), row.size(), row.behind());
        }
        return table;
    }

    private static boolean fileEntries(String entries) {
        // dev:ino,headLength,headHash,position[,tailHash]: see the connector's StreamOffset
        String entry = "[^,;]+,-?\\d+,-?\\d+,\\d+(,-?\\d+)?";
        return entries.isEmpty() || entries.matches(entry + "(;" + entry + ")*");
    }

    private static Row fileRow(String partition, String key, long position, Path path) {
        if (path == null) {
            return new Row(partition, key + " (not found)", Long.toString(position), "", "");
        }
        try {
            long size = Files.size(path);
            if (path.getFileName().toString().endsWith(".gz")) {
                // the position counts decompressed bytes; the size on disk cannot be compared with it
                return new Row(partition, path + " (" + key + ")", Long.toString(position), size + " gzip", "");
            }
            return new Row(partition, path + " (" + key + ")", Long.toString(position), Long.toString(size),
                    Long.toString(Math.max(0, size - position)));
        } catch (IOException e) {
            return new Row(partition, path + " (" + key + ")", Long.toString(position), "", "");
        }
    }

    /** The directory a partition's files lie under: its own, or the one its (older) glob pattern is in. */
    private static Path directory(Map<String, ?> partition) {
        if (partition.get(DIRECTORY_KEY) instanceof String directory) {
            return Path.of(directory);
        }
        if (partition.get(STREAM_KEY) instanceof String pattern) {
            return Path.of(pattern).getParent();
        }
        return null;
    }

    /** The files under a directory, by "dev:ino"; empty where the platform has no inodes. */
    static Map<String, Path> filesByKey(Path directory) {
        Map<String, Path> byKey = new HashMap<>();
        if (directory == null || !Files.isDirectory(directory)) {
            return byKey;
        }
        try (Stream<Path> files = Files.walk(directory, DEPTH)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                try {
                    Map<String, Object> attributes = Files.readAttributes(file, "unix:dev,ino");
                    byKey.put(attributes.get("dev") + ":" + attributes.get("ino"), file);
                } catch (IOException e) {
                    // gone since it was listed
                }
            });
        } catch (IOException | UncheckedIOException | UnsupportedOperationException | IllegalArgumentException e) {
            // a directory that vanished, or no inodes here: the rows show the keys alone
        }
        return byKey;
    }
}
