package org.thor.runtime.internal;

import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.runtime.standalone.StandaloneConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DurableFileOffsetBackingStoreTest {

    @TempDir
    Path directory;

    @Test
    void aFileTornByACrashIsReplacedByTheLastCompleteOne() throws Exception {
        Path file = directory.resolve("connect.offsets");
        flushTwice(file);

        assertEquals(List.of("connect.offsets", "connect.offsets.previous"), Files.list(directory).map(p -> p.getFileName().toString()).sorted().toList());
        Files.write(file, new byte[]{(byte) 0xAC, (byte) 0xED});

        DurableFileOffsetBackingStore afterCrash = store(file);
        afterCrash.start();
        Map<ByteBuffer, ByteBuffer> offsets = afterCrash.get(List.of(bytes("stream-a"))).get();
        afterCrash.stop();
        assertEquals(bytes("position 10"), offsets.get(bytes("stream-a")), "the offsets of the flush before the torn one");
    }

    @Test
    void aCompleteFileIsReadAsItIs() throws Exception {
        Path file = directory.resolve("connect.offsets");
        flushTwice(file);

        DurableFileOffsetBackingStore restarted = store(file);
        restarted.start();
        Map<ByteBuffer, ByteBuffer> offsets = restarted.get(List.of(bytes("stream-a"), bytes("stream-b"))).get();
        restarted.stop();
        assertEquals(bytes("position 20"), offsets.get(bytes("stream-a")));
        assertNull(offsets.get(bytes("stream-b")));
    }

    /** Position 10 is flushed, then position 20. */
    private static void flushTwice(Path file) throws Exception {
        DurableFileOffsetBackingStore store = store(file);
        store.start();
        store.set(Map.of(bytes("stream-a"), bytes("position 10")), null).get();
        store.set(Map.of(bytes("stream-a"), bytes("position 20")), null).get();
        store.stop();
    }

    private static DurableFileOffsetBackingStore store(Path file) {
        JsonConverter keys = new JsonConverter();
        keys.configure(Map.of("schemas.enable", "false"), true);
        DurableFileOffsetBackingStore store = new DurableFileOffsetBackingStore(keys);
        store.configure(new StandaloneConfig(Map.of(
                "bootstrap.servers", "127.0.0.1:9",
                "key.converter", "org.apache.kafka.connect.storage.StringConverter",
                "value.converter", "org.apache.kafka.connect.storage.StringConverter",
                "offset.storage.file.filename", file.toString())));
        return store;
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
