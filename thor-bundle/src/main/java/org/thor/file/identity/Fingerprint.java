package org.thor.file.identity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The first bytes of a file (at most {@value #MAX_BYTES}). With the device and inode it tells a
 * file from a later one that reuses the inode, and it lets a copy (copytruncate's {@code app.log.1})
 * be matched to the file it was copied from. It grows with the file until it is full.
 */
public final class Fingerprint {

    public static final int MAX_BYTES = 1024;
    public static final Fingerprint EMPTY = new Fingerprint(new byte[0]);

    private final byte[] head;
    private final long hash;

    private Fingerprint(byte[] head) {
        this.head = head;
        this.hash = hash(head, head.length);
    }

    public static Fingerprint read(FileContent content) throws IOException {
        byte[] bytes = readHead(content, MAX_BYTES);
        return bytes.length == 0 ? EMPTY : new Fingerprint(bytes);
    }

    /**
     * The fingerprint of the file {@code key} at {@code path} now; empty when it cannot be read,
     * null when the path leads to another file or none now (renamed since it was listed: in
     * logrotate's renames, {@code app.log.2} is missing for a moment between the move of
     * {@code app.log.2} to {@code app.log.3} and that of {@code app.log.1} to {@code app.log.2}).
     */
    public static Fingerprint of(Path path, String key) {
        try {
            return FileContent.readOnce(path, key, Fingerprint::read);
        } catch (FileKeys.MovedException | NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return EMPTY;
        }
    }

    /** The hash of a content's first {@code length} bytes, or -1 when it is shorter than that. */
    public static long hashOfHead(FileContent content, int length) throws IOException {
        byte[] bytes = readHead(content, length);
        return bytes.length < length ? -1 : hash(bytes, length);
    }

    /**
     * As {@link #hashOfHead(FileContent, int)} for the file {@code key} at {@code path}; -1 when it
     * cannot be read or the path leads to another file now.
     */
    public static long hashOfHead(Path path, String key, int length) {
        try {
            return FileContent.readOnce(path, key, content -> hashOfHead(content, length));
        } catch (IOException e) {
            return -1;
        }
    }

    public int length() {
        return head.length;
    }

    public long hash() {
        return hash;
    }

    public boolean isFull() {
        return head.length == MAX_BYTES;
    }

    /** Whether {@code other} starts with all of this fingerprint's bytes. */
    public boolean isPrefixOf(Fingerprint other) {
        return other.head.length >= head.length && Arrays.equals(head, 0, head.length, other.head, 0, head.length);
    }

    /** How many first bytes the two have in common. */
    public int sharedPrefix(Fingerprint other) {
        int n = Math.min(head.length, other.head.length);
        int mismatch = Arrays.mismatch(head, 0, n, other.head, 0, n);
        return mismatch < 0 ? n : mismatch;
    }

    /** Whether one of the two starts with the other: a file that may still become a copy. */
    public boolean agreesWith(Fingerprint other) {
        int n = Math.min(head.length, other.head.length);
        return Arrays.equals(head, 0, n, other.head, 0, n);
    }

    private static byte[] readHead(FileContent content, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        return Arrays.copyOf(buffer.array(), content.readFully(buffer, 0));
    }

    /** The hash of {@code length} bytes of a content from {@code from}, or -1 when it does not hold them. */
    public static long hashOfRange(FileContent content, long from, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        if (content.readFully(buffer, from) < length) {
            return -1;
        }
        return hash(buffer.array(), 0, length);
    }

    private static long hash(byte[] bytes, int length) {
        return hash(bytes, 0, length);
    }

    /** 64-bit FNV-1a: stable across JVMs, which matters because it is stored in offsets. */
    public static long hash(byte[] bytes, int offset, int length) {
        long h = 0xcbf29ce484222325L;
        for (int i = offset; i < offset + length; i++) {
            h ^= bytes[i] & 0xff;
            h *= 0x100000001b3L;
        }
        return h & Long.MAX_VALUE;
    }
}
