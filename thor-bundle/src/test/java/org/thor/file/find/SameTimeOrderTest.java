package org.thor.file.find;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SameTimeOrderTest {

    /** Files stamped with one time: numbered rotations oldest first, dated ones by date, the log last. */
    @Test
    void filesOfOneTimeAreOrderedAsTheirNamesSay() {
        List<String> sorted = Stream.of("app.log", "app.log.1", "app.log.10", "app.log.2", "app.log.2026-12-02",
                        "app.log.2026-12-01", "app.csv.0002", "app.csv.0001")
                .map(Path::of).sorted(Comparator.comparing(StreamScanner::sameTimeOrder)).map(Path::toString).toList();
        assertEquals(List.of("app.csv.0001", "app.csv.0002", "app.log.2026-12-01", "app.log.2026-12-02",
                "app.log.10", "app.log.2", "app.log.1", "app.log"), sorted);
    }
}
