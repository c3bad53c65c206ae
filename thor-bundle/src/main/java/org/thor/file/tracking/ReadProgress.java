package org.thor.file.tracking;

import org.thor.file.identity.ContentDigest;
import org.thor.file.identity.FileContent;
import org.thor.file.identity.Fingerprint;
import org.thor.file.identity.ReadMark;

import java.io.IOException;

/**
 * How far a file was read, with the proof of what was read ({@link ReadMark}), and how far it was
 * seen: while Thor is behind, a file that was truncated and written again to past the position
 * with the same first bytes is told apart by its end seen, and its copy proven by it.
 */
final class ReadProgress {

    private Fingerprint fingerprint;
    /** Just after the last line handed out. */
    private long position;
    /** {@link ReadMark}'s hash of the bytes just before {@link #position}. */
    private long tailHash;
    /** The {@link ContentDigest} of what was read: unknown when the position was not reached by reading. */
    private long digest;
    private long seenSize;
    private long seenTailHash;
    private long seenDigest = ContentDigest.UNKNOWN;

    ReadProgress(Fingerprint fingerprint, long position) {
        this.fingerprint = fingerprint;
        this.position = position;
        this.tailHash = position == 0 ? ReadMark.EMPTY_TAIL : ReadMark.NO_TAIL;
        this.digest = position == 0 ? ContentDigest.EMPTY : ContentDigest.UNKNOWN;
        this.seenSize = position;
    }

    Fingerprint fingerprint() {
        return fingerprint;
    }

    long position() {
        return position;
    }

    long tailHash() {
        return tailHash;
    }

    long digest() {
        return digest;
    }

    ReadMark mark() {
        return ReadMark.of(fingerprint, position, tailHash, digest);
    }

    /** The furthest end seen so far; the same as {@link #mark()} when nothing unread was seen. */
    ReadMark seenMark() {
        return seenSize > position ? ReadMark.of(fingerprint, seenSize, seenTailHash, seenDigest) : mark();
    }

    long unreadSeen() {
        return Math.max(0, seenSize - position);
    }

    /** What was seen past the position may be new content: forgotten. */
    void forgetSeen() {
        seenSize = position;
    }

    /**
     * Takes note of the end of {@code content}, {@code size} bytes, unless the end seen before is
     * not there any more (then the read finds the file rewritten, and the old end tells what its
     * copy must hold).
     */
    void see(FileContent content, long size) throws IOException {
        if (size <= seenSize || size <= position) {
            return;
        }
        if (ReadMark.tailHashAt(content, position) != tailHash
                || seenSize > position && ReadMark.tailHashAt(content, seenSize) != seenTailHash
                || !fingerprint.isFull() && !startUnchanged(content)) {
            return;
        }
        long hash = ReadMark.tailHashAt(content, size);
        if (hash != -1) {
            seenSize = size;
            seenTailHash = hash;
            seenDigest = ContentDigest.UNKNOWN;
        }
    }

    void advance(long lineEnd, long lineTailHash, long lineDigest) {
        position = lineEnd;
        tailHash = lineTailHash;
        digest = lineDigest;
    }

    void continueFrom(ReadMark mark) {
        position = mark.position();
        tailHash = mark.tailHash();
        digest = mark.digest();
        seenSize = Math.max(seenSize, position);
    }

    /** {@code position} taken as read, where the file's tail hash is {@code hash} (-1: none). */
    void settleAt(long position, long hash) {
        this.position = position;
        digest = position == 0 ? ContentDigest.EMPTY : ContentDigest.UNKNOWN;
        tailHash = hash == -1 ? ReadMark.NO_TAIL : hash;
        if (position >= seenSize) {
            // the end seen is where it settled, with the tail there: a later continueFrom an earlier mark still proves it
            seenSize = position;
            seenTailHash = tailHash;
        }
    }

    /** Truncated: what {@code content} ({@code size} bytes) holds now is new, read from its start and seen whole. */
    void restart(FileContent content, long size) throws IOException {
        position = 0;
        tailHash = ReadMark.EMPTY_TAIL;
        digest = ContentDigest.EMPTY;
        seenSize = 0;
        fingerprint = Fingerprint.read(content);
        see(content, size);
        if (seenSize > 0) {
            seenDigest = ContentDigest.of(content, seenSize);
        }
    }

    /** Whether {@code content} still holds what was read and seen (and, when {@code checkStart}, its first bytes). */
    boolean unchanged(FileContent content, boolean checkStart) throws IOException {
        if (checkStart && !startUnchanged(content)) {
            return false;
        }
        long now = ReadMark.tailHashAt(content, position);
        if (tailHash == ReadMark.NO_TAIL && now != -1) {
            tailHash = now; // resumed from an offset stored without a tail, and proven by its start and length
        }
        return now == tailHash && (seenSize <= position || ReadMark.tailHashAt(content, seenSize) == seenTailHash);
    }

    /** Whether {@code content} still starts with the fingerprint; while that is not full it grows with the file. */
    boolean startUnchanged(FileContent content) throws IOException {
        if (fingerprint.isFull()) {
            return Fingerprint.hashOfHead(content, Fingerprint.MAX_BYTES) == fingerprint.hash();
        }
        Fingerprint now = Fingerprint.read(content);
        if (!fingerprint.isPrefixOf(now)) {
            return false;
        }
        // a file truncated and written again since it was read past its short start (a log truncated while empty)
        // lends it no new first bytes: the mark that proves the copy of what was read keeps the old ones
        if (now.length() > fingerprint.length() && position > 0 && tailHash != ReadMark.NO_TAIL
                && ReadMark.tailHashAt(content, position) != tailHash) {
            return false;
        }
        fingerprint = now;
        return true;
    }
}
