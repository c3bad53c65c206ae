package org.thor.file.find;

import java.nio.file.Path;

/**
 * What a file-change watch can vouch for: that no file was created, deleted or renamed in a
 * directory since a mark taken before the stream last listed it, or that nothing at all happened
 * there (not a byte written) since a mark taken before the stream last read. A stream at its end
 * then need not list its directories or read its files at every poll; it still does both every
 * scan.interval.ms, for what no watch sees (a write through a memory map, another machine's write).
 */
public interface NameWatch {

    /** Vouches for nothing: a stream looks at its directories at every poll. */
    NameWatch NONE = new NameWatch() {
        @Override
        public long mark() {
            return 0;
        }

        @Override
        public boolean unchangedSince(Path directory, long mark) {
            return false;
        }

        @Override
        public boolean untouchedSince(Path directory, long mark) {
            return false;
        }
    };

    /** A mark to take just before listing, for {@link #unchangedSince}. */
    long mark();

    /** Whether the watch vouches that no name in {@code directory} changed since {@code mark}. */
    boolean unchangedSince(Path directory, long mark);

    /** Whether the watch vouches that nothing in {@code directory} changed since {@code mark}: no name, no file's bytes. */
    boolean untouchedSince(Path directory, long mark);
}
