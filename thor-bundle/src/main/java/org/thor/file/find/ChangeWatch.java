package org.thor.file.find;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Wakes a task whose files are all read to their end as soon as one of them changes (inotify on
 * Linux, through the JDK's WatchService), instead of after poll.interval.ms: the latency from a
 * line's write to its record is then the producer's linger, not the poll interval. The interval
 * stays the most a task waits, so a change the watch misses (a file system without notifications,
 * a refused watch) is still found by polling.
 *
 * <p>It also says which directories no file was created in, deleted from or renamed in
 * ({@link NameWatch}), for the file systems of this machine whose notifications it trusts: a file
 * system shared over the network is not told of another machine's renames.
 */
public final class ChangeWatch implements AutoCloseable, NameWatch {

    private static final Logger log = LoggerFactory.getLogger(ChangeWatch.class);
    /** Linux's local file systems, whose inotify events are complete (overflow aside). */
    private static final Set<String> LOCAL_FILE_SYSTEMS = Set.of("ext2", "ext3", "ext4", "xfs", "btrfs", "tmpfs",
            "zfs", "overlay", "f2fs", "jfs", "reiserfs", "bcachefs");

    /** Null when the platform or its limits refuse a watch: the task polls. */
    private final WatchService service;
    private final Map<Path, WatchKey> watched = new HashMap<>();
    private final Set<Path> trusted = new HashSet<>();
    /** Per directory, the count of {@link #events} when a name last changed there, or its watch began. */
    private final Map<Path, Long> movedAt = new HashMap<>();
    /** Per directory, the count of {@link #events} when anything last changed there, or its watch began. */
    private final Map<Path, Long> touchedAt = new HashMap<>();
    private long events;
    private volatile boolean closed;

    private ChangeWatch(WatchService service) {
        this.service = service;
    }

    public static ChangeWatch open(String task) {
        try {
            return new ChangeWatch(FileSystems.getDefault().newWatchService());
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("{}: no file-change notifications ({}); looking for new lines every poll.interval.ms instead "
                    + "(on Linux, raise fs.inotify.max_user_instances)", task, e.getMessage());
            return new ChangeWatch(null);
        }
    }

    /** Watches exactly these directories from now on (those of the files being read, where new ones appear). */
    public void watch(Set<Path> directories) {
        if (service == null || closed) {
            return;
        }
        for (Iterator<Map.Entry<Path, WatchKey>> keys = watched.entrySet().iterator(); keys.hasNext(); ) {
            Map.Entry<Path, WatchKey> key = keys.next();
            if (!directories.contains(key.getKey()) || !key.getValue().isValid()) {
                key.getValue().cancel();
                keys.remove();
                trusted.remove(key.getKey());
                movedAt.remove(key.getKey());
                touchedAt.remove(key.getKey());
            }
        }
        for (Path directory : directories) {
            if (!watched.containsKey(directory)) {
                try {
                    watched.put(directory, directory.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY));
                    // what changed before the watch began is not known: the next look lists
                    movedAt.put(directory, ++events);
                    touchedAt.put(directory, events);
                    if (onLocalFileSystem(directory)) {
                        trusted.add(directory);
                    }
                } catch (IOException | ClosedWatchServiceException e) {
                    // gone, unreadable, or over the watch limit: polling finds its files' lines
                }
            }
        }
    }

    /**
     * Waits until a file that {@code relevant} accepts changes (a new file always counts), at most
     * {@code timeoutMs}; returns at once for a change that came while the task was reading.
     */
    public void await(long timeoutMs, Predicate<Path> relevant) throws InterruptedException {
        if (service == null) {
            synchronized (this) {
                if (!closed) {
                    wait(timeoutMs);
                }
            }
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        try {
            for (long left = timeoutMs; left > 0 && !closed; left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) {
                WatchKey key = service.poll(left, TimeUnit.MILLISECONDS);
                if (key != null && relevantChange(key, relevant)) {
                    return;
                }
            }
        } catch (ClosedWatchServiceException e) {
            // the task is stopping
        }
    }

    /** Whether the directory is on a file system of this machine, whose notifications are complete. */
    public static boolean onLocalFileSystem(Path directory) throws IOException {
        return LOCAL_FILE_SYSTEMS.contains(Files.getFileStore(directory).type());
    }

    @Override
    public long mark() {
        return events;
    }

    @Override
    public boolean unchangedSince(Path directory, long mark) {
        return vouchable(directory) && movedAt.getOrDefault(directory, Long.MAX_VALUE) <= mark;
    }

    @Override
    public boolean untouchedSince(Path directory, long mark) {
        return vouchable(directory) && touchedAt.getOrDefault(directory, Long.MAX_VALUE) <= mark;
    }

    /** Takes in the events that came meanwhile; whether the directory's watch is one to vouch by. */
    private boolean vouchable(Path directory) {
        if (service == null || closed) {
            return false;
        }
        try {
            for (WatchKey key = service.poll(); key != null; key = service.poll()) {
                relevantChange(key, path -> false);
            }
        } catch (ClosedWatchServiceException e) {
            return false;
        }
        WatchKey key = watched.get(directory);
        return key != null && key.isValid() && trusted.contains(directory);
    }

    private boolean relevantChange(WatchKey key, Predicate<Path> relevant) {
        boolean changed = false;
        Path directory = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                for (Path lost : watched.keySet()) {
                    movedAt.put(lost, ++events);
                    touchedAt.put(lost, events);
                }
            } else {
                touchedAt.put(directory, ++events);
                if (event.kind() != StandardWatchEventKinds.ENTRY_MODIFY) {
                    movedAt.put(directory, events);
                }
            }
            changed |= event.kind() != StandardWatchEventKinds.ENTRY_MODIFY
                    || !(event.context() instanceof Path name) || relevant.test(directory.resolve(name));
        }
        key.reset();
        return changed;
    }

    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            notifyAll();
        }
        if (service != null) {
            try {
                service.close();
            } catch (IOException e) {
                log.debug("Closing the file-change watch", e);
            }
        }
    }
}
