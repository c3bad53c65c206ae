package org.thor.file.stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thor.file.config.LogFileSourceConfig;
import org.thor.file.offset.DirectoryPartition;
import org.thor.file.offset.RecordOffset;
import org.thor.file.read.LineReader;
import org.thor.file.rotation.CopyTruncation;
import org.thor.file.tracking.RotationCounts;
import org.thor.file.tracking.StreamFiles;
import org.thor.file.tracking.TrackedFile;

import java.io.IOException;

/**
 * Reads the lines of one of a stream's files into the sink, each with the offset of the whole
 * partition after it: a plain file unless it was truncated under the read (then its copy is looked
 * for and the stream's read starts over), a compressed one through to its end once it is complete.
 */
final class FileReads {

    private static final Logger log = LoggerFactory.getLogger(FileReads.class);

    private final String pattern;
    private final LogFileSourceConfig config;
    private final StreamFiles files;
    private final CopyTruncation copies;
    private final StreamListing listing;
    private final WaitingFiles waiting;
    private final FileOpener opener;
    private final DirectoryPartition partition;
    private final RotationCounts counts;

    FileReads(String pattern, LogFileSourceConfig config, StreamFiles files, CopyTruncation copies, StreamListing listing,
              WaitingFiles waiting, FileOpener opener, DirectoryPartition partition, RotationCounts counts) {
        this.pattern = pattern;
        this.counts = counts;
        this.config = config;
        this.files = files;
        this.copies = copies;
        this.listing = listing;
        this.waiting = waiting;
        this.opener = opener;
        this.partition = partition;
    }

    /** What the read loop does after a file: go on, start over (the order changed), or stay (the file left). */
    enum Next { ON, START_OVER, SAME_INDEX }

    Next readPlain(TrackedFile file, int index, int maxLines, int[] count, LineSink sink, long now)
            throws IOException {
        try {
            return readPlainUnlessRewritten(file, index, maxLines, count, sink, now);
        } catch (RewrittenException e) {
            // before its size is updated: the size last seen tells how much was left unread
            copies.truncated(file, now, () -> listing.list(now), opener::open);
            return Next.START_OVER;
        }
    }

    private Next readPlainUnlessRewritten(TrackedFile file, int index, int maxLines, int[] count, LineSink sink, long now)
            throws IOException {
        if (waiting.followedBesideCopies(file, now) || listedAnew(file, index, now)) {
            return Next.START_OVER;
        }
        long size = file.channel().size();
        long readPosition = file.reader().readPosition();
        // bytes taken but not sent yet count as new: a fingerprint that grows with the file grows from them
        if (size < readPosition || !file.unchanged(size > file.position())) {
            throw new RewrittenException();
        }
        file.sizeNow(size, now);
        if (!file.started() && size == 0) {
            return finishIfEmpty(file, index, now);
        }
        if (!file.started()) {
            CopyTruncation.Decision decision = copies.decide(file, now);
            if (decision != CopyTruncation.Decision.READ) {
                return decision == CopyTruncation.Decision.RESTART ? Next.START_OVER : Next.ON;
            }
        }
        count[0] += readLines(file, index, maxLines - count[0], sink, false);
        if (count[0] < maxLines && mayFinish(file, index, now)) {
            count[0] += readLines(file, index, maxLines - count[0], sink, true);
            if (!file.reader().holdsPartialLine()) {
                files.finish(file);
                return Next.SAME_INDEX;
            }
        }
        return Next.ON;
    }

    /**
     * A file never read that was empty when its size was taken is not read now: a copy being
     * written (logrotate's, or {@code cp}'s) fills it meanwhile, and is decided on before its first
     * bytes are read, else they would be sent again. One that stays empty is finished like any other.
     */
    private Next finishIfEmpty(TrackedFile file, int index, long now) throws IOException {
        if (mayFinish(file, index, now) && file.channel().size() == 0) {
            files.finish(file);
            return Next.SAME_INDEX;
        }
        return Next.ON;
    }

    /**
     * Whether a name changed in the stream's directory since the last listing (a rotation), and
     * the listing made now changed the order of the files: its copies are known before more of
     * it is read. A file truncated (copytruncate) before Thor read what it holds now has its copy
     * listed before it, holding the lines that come first: that file is read first.
     */
    private boolean listedAnew(TrackedFile file, int index, long now) throws IOException {
        if (firstBytesSinceTruncation(file)) {
            return copiesBeforeFirstBytes(file, index, now);
        }
        return listing.listIfRenamed(now) && orderChanged(file, index, now);
    }

    /**
     * A truncated log's first new bytes are taken before the directory is listed, whatever the
     * watch says (it lags): a rotation that ended before they were taken, even while the listing
     * ran, has its copy shown by then, or the copy that was still being written has its bytes.
     * Its lines come before them: the bytes are put back, and the copy is read first. So are bytes
     * the log no longer holds (truncated again while the listing ran: they are in such a copy).
     */
    private boolean copiesBeforeFirstBytes(TrackedFile file, int index, long now) throws IOException {
        file.reader().fill(file.content());
        int unreadBefore = unreadWithBytesBefore(index);
        listing.list(now);
        if (orderChanged(file, index, now) || unreadWithBytesBefore(index) > unreadBefore
                || !file.reader().stillHeldBy(file.content())) {
            file.rewind(config.maxLineBytes, config.charset);
            return true;
        }
        return false;
    }

    private boolean orderChanged(TrackedFile file, int index, long now) {
        boolean reordered = waiting.decideNewFiles(now);
        // a file never read may have just been taken for a copy (held back, closed)
        return reordered || index >= files.size() || files.get(index) != file
                || !file.started() && (file.state() != TrackedFile.State.LIVE || !file.isOpen());
    }

    /** How many of the files before {@code index} are waiting to be read, with bytes. */
    private int unreadWithBytesBefore(int index) {
        int count = 0;
        for (int i = 0; i < index; i++) {
            TrackedFile before = files.get(i);
            if (before.state() == TrackedFile.State.LIVE && !before.started() && before.size() > 0) {
                count++;
            }
        }
        return count;
    }

    /** A log truncated in place (copytruncate) whose new content is about to be read from its start. */
    private static boolean firstBytesSinceTruncation(TrackedFile file) throws IOException {
        return file.role().truncatedInPlace() && file.position() == 0 && file.channel().size() > 0;
    }

    /**
     * A compressed file does not grow: once it has stayed unchanged a moment (it is not being
     * written any more) it is read through and finished at its end. One that ends early is
     * waited for while it changes, else reported and finished where it breaks.
     */
    Next readCompressed(TrackedFile file, int index, int maxLines, int[] count, LineSink sink, long now)
            throws IOException {
        long size = file.channel().size();
        file.sizeNow(size, now);
        if (!file.started()) {
            if (now - file.lastChangeMillis() < CopyTruncation.DECISION_MS) {
                return Next.ON;
            }
            CopyTruncation.Decision decision = copies.decide(file, now);
            if (decision != CopyTruncation.Decision.READ) {
                return decision == CopyTruncation.Decision.RESTART ? Next.START_OVER : Next.ON;
            }
        }
        count[0] += readLines(file, index, maxLines - count[0], sink, false);
        if (count[0] >= maxLines) {
            return Next.ON;
        }
        if (file.contentEnded()) {
            count[0] += readLines(file, index, maxLines - count[0], sink, true);
            files.finish(file);
            return Next.SAME_INDEX;
        }
        IOException damage = file.contentDamage();
        if (damage != null) {
            if (now - file.lastChangeMillis() < config.closeInactiveMs) {
                file.close(); // still being written, perhaps: read again from the last line sent
                return Next.ON;
            }
            log.warn("Stream {}: {} cannot be read past byte {} of its content ({}); its remaining lines are lost",
                    pattern, file.path(), file.reader().readPosition(), damage.toString());
            files.finish(file);
            return Next.SAME_INDEX;
        }
        return Next.ON;
    }

    /**
     * The file no longer holds what was read of it: it was truncated (copytruncate) and perhaps
     * written again past the position, or its first bytes changed.
     */
    private static final class RewrittenException extends IOException {
        private static final long serialVersionUID = 1L;

        RewrittenException() {
            super("rewritten under the read");
        }
    }

    private int readLines(TrackedFile file, int index, int maxLines, LineSink sink, boolean finishing)
            throws IOException {
        LineReader reader = file.reader();
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        files.appendOthers(index, before, after);
        RecordOffset.Frame frame = partition.frame(pattern, before.toString(), file.entryPrefix(), after.toString(),
                new DirectoryPartition.Entries("", files.finishedEntries(), files.finishedMtime()));
        long from = file.position();
        int count = 0;
        while (count < maxLines && !sink.full()) {
            if (!reader.next(finishing)) {
                if (reader.fill(file.content()) > 0) {
                    // truncated and written again between the check before the read and the read itself?
                    if (!file.compressed && !file.unchanged(false)) {
                        throw new RewrittenException();
                    }
                    continue;
                }
                break;
            }
            long tailHash = reader.tailHash();
            file.advance(reader.lineEnd(), tailHash, reader.digest());
            // what the reader holds beyond the line was in the file too: lost, not unknown, if it goes unread
            long seenEnd = Math.max(file.position() + file.unreadSeen(), reader.readPosition());
            sink.line(file, reader, new RecordOffset(frame, file.position(), tailHash, reader.digest(), seenEnd));
            count++;
        }
        if (count > 0) {
            reportIfLate(file, from);
        }
        return count;
    }

    /** A copy found only once lines of a newer file were sent: its lines, sent now, come after those. */
    private void reportIfLate(TrackedFile copy, long from) {
        TrackedFile newer = copy.role().takeLateAfter();
        if (newer != null) {
            counts.copyReadLate();
            log.warn("Stream {}: {} turned up after lines of {} were sent; its lines from byte {} are sent after"
                    + " them, out of the stream's order", pattern, copy.path(), newer.path(), from);
        }
    }

    private boolean mayFinish(TrackedFile file, int index, long now) throws IOException {
        if (file.reader().readPosition() < file.channel().size()) {
            return false;
        }
        if (file.complete()) {
            return true;
        }
        return now - file.lastChangeMillis() >= config.closeInactiveMs && (file.gone() || files.hasNewerLive(index));
    }
}
