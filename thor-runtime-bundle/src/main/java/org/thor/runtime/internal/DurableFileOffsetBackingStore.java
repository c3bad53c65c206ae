package org.thor.runtime.internal;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.runtime.standalone.StandaloneConfig;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.FileOffsetBackingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Connect's file offset store, made safe against a crash in the middle of a save: Connect rewrites
 * the file in place, so a kill during the write leaves a torn file, which Connect then reads as
 * empty, and every source starts again from its beginning. Before each save the last complete file
 * is kept beside it ({@code NAME.previous}); at start a torn file is replaced by that copy, so a
 * crash costs at most the records of one flush interval sent again.
 */
final class DurableFileOffsetBackingStore extends FileOffsetBackingStore {

    private static final Logger LOG = LoggerFactory.getLogger(DurableFileOffsetBackingStore.class);

    private Path file;
    private Path previous;

    DurableFileOffsetBackingStore(Converter keyConverter) {
        super(keyConverter);
    }

    @Override
    public void configure(WorkerConfig config) {
        super.configure(config);
        file = Path.of(config.getString(StandaloneConfig.OFFSET_STORAGE_FILE_FILENAME_CONFIG));
        previous = file.resolveSibling(file.getFileName() + ".previous");
    }

    @Override
    public synchronized void start() {
        if (Files.exists(previous) && !isComplete(file)) {
            LOG.warn("The offsets file {} is incomplete (the process stopped while writing it); using {}", file, previous);
            copy(previous, file);
        }
        super.start();
    }

    @Override
    protected void save() {
        if (isComplete(file)) {
            Path temporary = previous.resolveSibling(previous.getFileName() + ".tmp");
            copy(file, temporary);
            move(temporary, previous);
        }
        super.save();
    }

    private static boolean isComplete(Path path) {
        if (!Files.isRegularFile(path)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(path); ObjectInputStream objects = new ObjectInputStream(in)) {
            objects.setObjectInputFilter(DurableFileOffsetBackingStore::onlyMapsOfBytes);
            return objects.readObject() instanceof HashMap;
        } catch (IOException | ClassNotFoundException e) {
            return false;
        }
    }

    // The file holds a HashMap of byte arrays (HashMap checks its table as a Map.Entry[]); nothing else is read.
    private static ObjectInputFilter.Status onlyMapsOfBytes(ObjectInputFilter.FilterInfo info) {
        Class<?> type = info.serialClass();
        boolean allowed = type == null || type == HashMap.class || type == byte[].class || type == Map.Entry[].class;
        return allowed ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ConnectException("Could not copy " + from + " to " + to, e);
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ConnectException("Could not move " + from + " to " + to, e);
        }
    }
}
