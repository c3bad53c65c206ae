package org.thor.file;

import org.thor.file.config.LogFileSourceConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Writes log files the way applications and logrotate do, for tests. */
final class LogFiles {

    private LogFiles() {
    }

    static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void appendLines(Path file, int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            text.append(line(i)).append('\n');
        }
        append(file, text.toString());
    }

    static String line(int i) {
        return String.format("line %07d of the test log", i);
    }

    static List<String> lines(int from, int to) {
        return IntStream.range(from, to).mapToObj(LogFiles::line).toList();
    }

    /**
     * logrotate's numbering with {@code rotate keep}: {@code LOG.keep} is deleted, the other
     * {@code LOG.N} move up one, so that {@code LOG.1} is free for the newest rotated file.
     */
    static void shiftRotated(Path log, int keep) throws IOException {
        Files.deleteIfExists(log.resolveSibling(log.getFileName() + "." + keep));
        for (int i = keep - 1; i >= 1; i--) {
            Path from = log.resolveSibling(log.getFileName() + "." + i);
            if (Files.exists(from)) {
                Files.move(from, log.resolveSibling(log.getFileName() + "." + (i + 1)));
            }
        }
    }

    /** logrotate's copytruncate: copy the file, then truncate it in place. */
    static void copyTruncate(Path file, Path copy) throws IOException {
        Files.copy(file, copy);
        truncate(file);
    }

    /** Truncates {@code file} to nothing in place, as copytruncate's second step does. */
    static void truncate(Path file) throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(0);
        }
    }

    /** logrotate's compress: gzip {@code file} into {@code gz}, keeping its modification time, then delete it. */
    static void compress(Path file, Path gz) throws IOException {
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(file, out);
        }
        Files.setLastModifiedTime(gz, Files.getLastModifiedTime(file));
        Files.delete(file);
    }

    static Map<String, String> config(String files) {
        Map<String, String> props = new HashMap<>();
        props.put("name", "test-" + System.nanoTime());
        props.put(LogFileSourceConfig.FILES_CONFIG, files);
        props.put(LogFileSourceConfig.TOPIC_CONFIG, "logs");
        props.put(LogFileSourceConfig.POLL_INTERVAL_CONFIG, "5");
        props.put(LogFileSourceConfig.SCAN_INTERVAL_CONFIG, "60000");
        props.put(LogFileSourceConfig.CLOSE_INACTIVE_CONFIG, "200");
        return props;
    }

    /** Paths this process has open under {@code directory}, from /proc/self/fd. */
    static List<Path> openFilesUnder(Path directory) throws IOException {
        List<Path> open = new ArrayList<>();
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    Path target = Files.readSymbolicLink(fd);
                    if (target.startsWith(directory)) {
                        open.add(target);
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        }
        return open;
    }

    static Map<String, Object> headers(org.apache.kafka.connect.source.SourceRecord record) {
        Map<String, Object> headers = new HashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), h.value()));
        return headers;
    }
}
