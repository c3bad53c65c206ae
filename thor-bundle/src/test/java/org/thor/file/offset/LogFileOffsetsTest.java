package org.thor.file.offset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thor.file.identity.FileKeys;
import org.thor.runtime.OffsetDescriber.FileRow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LogFileOffsetsTest {

    private final LogFileOffsets offsets = new LogFileOffsets();

    @Test
    void eachStoredFileIsShownWhereItIsNowWithItsSizeAndTheBytesBehind(@TempDir Path logs) throws Exception {
        Path log = Files.writeString(logs.resolve("app.log"), "x".repeat(1000));
        Path archive = Files.writeString(Files.createDirectories(logs.resolve("2026/old")).resolve("app.log.1.gz"), "y".repeat(30));
        String key = FileKeys.of(log);
        String archiveKey = FileKeys.of(archive);
        // entries as the connector stores them now (with the hash of the bytes before the position), and one from before
        Map<String, Object> offset = StreamOffset.offset(archiveKey + ",64,1,2000,77;" + key + ",64,12345,400,-1,5,900;9:9,64,1,7",
                "", 0L, logs + "/app.log*\n" + logs + "/*/old/*.gz");

        Optional<List<FileRow>> rows = offsets.files(StreamOffset.partition(logs), offset);

        assertEquals(Optional.of(List.of(
                new FileRow(archive + " (" + archiveKey + ")", "2000", "30 gzip", ""),
                new FileRow(log + " (" + key + ")", "400", "1000", "600"),
                new FileRow("9:9 (not found)", "7", "", ""))), rows);
    }

    @Test
    void anOffsetStoredPerPatternIsLookedForUnderThePatternsDirectoryEvenWithAGlobInADirectoryName(@TempDir Path logs) throws Exception {
        Path log = Files.writeString(Files.createDirectories(logs.resolve("web-1")).resolve("access.log"), "z".repeat(50));
        String key = FileKeys.of(log);

        Optional<List<FileRow>> rows = offsets.files(StreamOffset.legacyPartition(logs + "/web-*/access.log"),
                Map.of(StreamOffset.FILES_KEY, key + ",50,3,20"));

        assertEquals(Optional.of(List.of(new FileRow(log + " (" + key + ")", "20", "50", "30"))), rows);
    }

    @Test
    void offsetsOfOtherConnectorsAndMalformedOnesAreLeftToBeShownAsStored(@TempDir Path logs) {
        assertEquals(Optional.empty(), offsets.files(Map.of("counter", "c"), Map.of("next", 42)));
        assertEquals(Optional.empty(), offsets.files(StreamOffset.partition(logs), Map.of("next", 42)));
        assertEquals(Optional.empty(), offsets.files(StreamOffset.partition(logs), Map.of(StreamOffset.FILES_KEY, "1:2,x")));
        assertEquals(Optional.empty(), offsets.files(Map.of(StreamOffset.DIRECTORY_KEY, "relative/dir"), Map.of(StreamOffset.FILES_KEY, "")));
    }
}
