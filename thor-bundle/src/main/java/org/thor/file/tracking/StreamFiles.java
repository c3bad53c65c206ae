package org.thor.file.tracking;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thor.file.find.StreamScanner;
import org.thor.file.identity.FileContent;
import org.thor.file.identity.ReadMark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The files of one stream: those still to be read (and the copies waiting beside their originals),
 * oldest first, and those finished, remembered while they exist so they are not read again.
 */
public final class StreamFiles implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamFiles.class);

    /** A file's name and how far it was read, for the metrics thread. */
    public record Progress(Path path, long position, boolean compressed) {
    }

    private final String pattern;
    /** LIVE and COPY files, oldest first. */
    private final List<TrackedFile> files = new ArrayList<>();
    private final FinishedFiles finished = new FinishedFiles();

    public StreamFiles(String pattern) {
        this.pattern = pattern;
    }

    public void restore(List<TrackedFile> live, Map<String, TrackedFile> done, long newestFinishedMtime) {
        files.addAll(live);
        finished.restore(done, newestFinishedMtime);
    }

    /** The modification time of the newest finished file; stored with the offsets. */
    public long finishedMtime() {
        return finished.newestMtime();
    }

    public int size() {
        return files.size();
    }

    public TrackedFile get(int index) {
        return files.get(index);
    }

    public List<TrackedFile> snapshot() {
        return List.copyOf(files);
    }

    public int finishedCount() {
        return finished.count();
    }

    /** The offset entries of the finished files that are here, and of the last few gone. */
    public String finishedEntries() {
        return finished.entries();
    }

    public TrackedFile tracked(String key) {
        for (TrackedFile file : files) {
            if (file.key.equals(key)) {
                return file;
            }
        }
        return null;
    }

    public TrackedFile finished(String key) {
        return finished.get(key);
    }

    /**
     * A file just found: after every other, but before those at the end none of whose content was
     * read yet and that were written after it (a log that copytruncate rotated while it waited its
     * turn: the copy holds its older lines).
     *
     * @param mtimeMillis its modification time
     */
    public void addNew(TrackedFile file, long mtimeNanos) {
        NewFileOrder.addByAge(files, file, mtimeNanos);
    }

    /** A finished file that grew again: its lines are older than any other file's. */
    public void reopen(TrackedFile file) {
        finished.reopened(file);
        file.becomeLive();
        files.add(0, file);
    }

    public void forgetFinished(String key) {
        finished.forget(key);
    }

    /**
     * Forgets the finished files that are gone, telling each whether the latest listing showed it;
     * returns whether one is perhaps gone, which another listing soon will tell.
     */
    public boolean keepFinished(Predicate<TrackedFile> shown) {
        return finished.keep(shown);
    }

    public void remove(TrackedFile file) {
        files.remove(file);
    }

    public void moveToNewest(TrackedFile file) {
        files.remove(file);
        files.add(file);
    }

    /**
     * Moves {@code file} just before {@code newer}, so it is read first: at the start when
     * {@code newer} is no longer here, at the end when there is no newer file. A file already
     * before {@code newer} stays where it is, behind the files older than it.
     */
    public void placeBefore(TrackedFile file, TrackedFile newer) {
        int at = files.indexOf(file);
        if (at >= 0 && newer != null && at < files.indexOf(newer)) {
            return;
        }
        files.remove(file);
        if (newer == null) {
            files.add(file);
        } else {
            files.add(Math.max(files.indexOf(newer), 0), file);
        }
    }

    /** The file after {@code file}, or null when it is the newest. */
    public TrackedFile after(TrackedFile file) {
        int index = files.indexOf(file);
        return index >= 0 && index + 1 < files.size() ? files.get(index + 1) : null;
    }

    /**
     * A finished file, present or recently gone, whose content up to where it was finished
     * {@code content} holds: the file a compressed copy was made from.
     */
    public TrackedFile finishedHeldBy(FileContent content) throws IOException {
        return finished.heldBy(content);
    }

    /**
     * Whether {@code found} is one of the stream's files, to be read or finished; a finished file's
     * inode reused by a new file (logrotate deletes and creates files by the dozen) is not.
     */
    public boolean knows(StreamScanner.Found found) {
        return tracked(found.stat().key()) != null || finished.knows(found);
    }

    public boolean contains(TrackedFile file) {
        return files.contains(file);
    }

    public boolean hasNewerLive(int index) {
        for (int j = index + 1; j < files.size(); j++) {
            if (files.get(j).state() == TrackedFile.State.LIVE) {
                return true;
            }
        }
        return false;
    }

    public TrackedFile copyOf(TrackedFile original) {
        return files.stream().filter(f -> f.original() == original).findFirst().orElse(null);
    }

    /** The offset entries of the files other than the one at {@code index}, split around it. */
    public void appendOthers(int index, StringBuilder before, StringBuilder after) {
        for (int j = 0; j < files.size(); j++) {
            TrackedFile other = files.get(j);
            // a file held back as a possible copy keeps its place too (at its start): after a restart it is decided again there
            if (j != index) {
                other.appendEntryTo(j < index ? before : after);
            }
        }
    }

    public void finish(TrackedFile file) {
        file.close();
        file.role().becomeFinished();
        files.remove(file);
        releaseCopiesOf(file);
        finished.add(file, file.disk().finishNow());
        log.info("Stream {}: finished {} at byte {}", pattern, file.path(), file.position());
    }

    /**
     * A file other than {@code file}, being read or finished, that holds what {@code seen} says:
     * a copy of what {@code file} held before it was truncated unread, read as a file of its own.
     */
    public TrackedFile otherHolding(TrackedFile file, ReadMark seen) {
        List<TrackedFile> others = new ArrayList<>(finished.recent());
        files.stream().filter(other -> other.state() == TrackedFile.State.LIVE && other.started()).forEach(others::add);
        for (TrackedFile other : others) {
            if (other != file && !other.compressed && holds(other, seen)) {
                return other;
            }
        }
        return null;
    }

    /** Through its open handle when it has one: its path may lead to another file by now. */
    private static boolean holds(TrackedFile file, ReadMark seen) {
        try {
            return file.isOpen() ? seen.provenBy(file.content(), file.channel().size()) : seen.provenBy(file.path(), file.key);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether what was read of {@code original} says more than the first bytes it shares with the
     * stream's other files (but {@code candidate}): a header-only file, or one read no further
     * than a banner every file begins with, proves nothing and is never the original of a copy.
     */
    public boolean mayHaveCopies(TrackedFile original, TrackedFile candidate) {
        List<TrackedFile> others = new ArrayList<>(files);
        others.addAll(finished.present());
        others.remove(candidate);
        return !SharedStart.covers(original, original.position(), others);
    }

    /**
     * The files taken for copies of a finished file: when it is gone (removed, renamed out of
     * sight), they held what it had and are retired with it; while it is still there it was never
     * truncated, so they are files of their own, read from their start.
     */
    private void releaseCopiesOf(TrackedFile original) {
        if (original.gone()) {
            retireCopiesOf(original);
            return;
        }
        for (TrackedFile copy : List.copyOf(files)) {
            if (copy.original() == original) {
                log.info("Stream {}: {} is no copy: {} was finished intact; reading {} from its start",
                        pattern, copy.path(), original.path(), copy.path());
                copy.becomeFileOfItsOwn();
            }
        }
    }

    /** Copies of a truncated or vanished file hold nothing owed; they must not be read later. */
    public void retireCopiesOf(TrackedFile original) {
        for (TrackedFile copy : List.copyOf(files)) {
            if (copy.original() == original) {
                files.remove(copy);
                copy.role().becomeFinished();
                // a compressed copy's size on disk is not its content's
                copy.settleAt(copy.compressed ? original.position() : copy.size());
                finished.retire(copy);
            }
        }
    }

    public List<Progress> progress() {
        List<Progress> live = new ArrayList<>();
        for (TrackedFile file : files) {
            if (file.state() == TrackedFile.State.LIVE) {
                live.add(new Progress(file.path(), file.position(), file.compressed));
            }
        }
        return live;
    }

    public int openCount() {
        return (int) files.stream().filter(TrackedFile::isOpen).count();
    }

    @Override
    public void close() {
        files.forEach(TrackedFile::close);
    }
}
