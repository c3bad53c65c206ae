package org.thor.file.identity;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A file's device and inode as text ("dev:ino"), the part of its identity a rename keeps. */
public final class FileKeys {

    private static final boolean UNIX = java.nio.file.FileSystems.getDefault()
            .supportedFileAttributeViews().contains("unix");

    private FileKeys() {
    }

    public static String of(Path path) throws IOException {
        if (UNIX) {
            Map<String, Object> attributes = Files.readAttributes(path, "unix:dev,ino");
            return attributes.get("dev") + ":" + attributes.get("ino");
        }
        Object key = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        if (key == null) {
            return "path_" + Integer.toHexString(path.toAbsolutePath().hashCode());
        }
        // kept free of ',' and ';', which separate fields and files in stored offsets
        return key.toString().replaceAll("[^A-Za-z0-9=:]", "_");
    }

    /**
     * Opens {@code path} for reading if it still leads to the file {@code key}: between a
     * directory listing and the open, logrotate may have renamed another file to that name.
     */
    public static FileChannel open(Path path, String key) throws IOException {
        FileChannel opened = FileChannel.open(path, StandardOpenOption.READ);
        try {
            if (!key.equals(of(path))) {
                throw new MovedException(path);
            }
            return opened;
        } catch (IOException e) {
            opened.close();
            throw e;
        }
    }

    /** The path leads to another file now: the one looked for was renamed since the directory listing. */
    public static final class MovedException extends IOException {
        private static final long serialVersionUID = 1L;

        MovedException(Path path) {
            super(path + " is another file now");
        }
    }

    /**
     * The key, size and modification time of a regular file, in one call where the platform allows;
     * the time also to the nanosecond the filesystem keeps, which orders copies made within one millisecond.
     */
    public record Stat(String key, long size, long mtimeMillis, long mtimeNanos) {

        Stat(String key, long size, FileTime modified) {
            this(key, size, modified.toMillis(), modified.to(TimeUnit.NANOSECONDS));
        }
    }

    public static Stat stat(Path path) throws IOException {
        if (UNIX) {
            Map<String, Object> a = Files.readAttributes(path, "unix:dev,ino,size,lastModifiedTime,isRegularFile");
            if (!(Boolean) a.get("isRegularFile")) {
                return null;
            }
            return new Stat(a.get("dev") + ":" + a.get("ino"), (Long) a.get("size"), (FileTime) a.get("lastModifiedTime"));
        }
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
        if (!a.isRegularFile()) {
            return null;
        }
        return new Stat(of(path), a.size(), a.lastModifiedTime());
    }
}
