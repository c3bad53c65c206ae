package org.thor.file.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

/**
 * A script file, looked at again at most once per interval: its text when it changed since the
 * last look (by modification time and size, then by content, so touching it changes nothing).
 */
final class ScriptFile {

    private final Path path;
    private final long intervalNanos;
    private long nextLook;
    private FileTime modified;
    private long size = -1;
    private String text;

    private ScriptFile(Path path, long intervalMillis) {
        this.path = path;
        this.intervalNanos = intervalMillis * 1_000_000L;
    }

    /** The file and its text now. */
    static ScriptFile read(Path path, long intervalMillis) throws IOException {
        ScriptFile file = new ScriptFile(path, intervalMillis);
        file.look();
        file.nextLook = System.nanoTime() + file.intervalNanos;
        return file;
    }

    Path path() {
        return path;
    }

    String text() {
        return text;
    }

    /**
     * The new text when the interval has passed and the file changed.
     *
     * @throws IOException when it could not be read (it was deleted, say); it is tried again after
     *                     the next interval
     */
    Optional<String> changed() throws IOException {
        long now = System.nanoTime();
        if (now - nextLook < 0) {
            return Optional.empty();
        }
        nextLook = now + intervalNanos;
        String before = text;
        return look() && !text.equals(before) ? Optional.of(text) : Optional.empty();
    }

    /** Reads the file when its time or size differs from the last look; whether it did. */
    private boolean look() throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        if (attributes.lastModifiedTime().equals(modified) && attributes.size() == size) {
            return false;
        }
        text = Files.readString(path, StandardCharsets.UTF_8);
        modified = attributes.lastModifiedTime();
        size = attributes.size();
        return true;
    }
}
