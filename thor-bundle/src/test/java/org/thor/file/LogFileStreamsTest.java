package org.thor.file;

import org.junit.jupiter.api.Test;
import org.thor.file.metrics.StreamMetrics;
import org.thor.file.metrics.TaskMetrics;
import org.thor.runtime.StreamFigures;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LogFileStreamsTest {

    private final LogFileStreams streams = new LogFileStreams();

    @Test
    void aRunningTasksStreamsAreReportedWithTheirFiguresUntilItStops() {
        StreamMetrics nginx = new StreamMetrics("/var/log/nginx/*.log");
        nginx.lineRead(100, true, false);
        nginx.lineRead(50, false, true);
        nginx.lineDropped();
        nginx.formatFailed();
        nginx.rotated();
        nginx.lostToRotation(7);
        StreamMetrics app = new StreamMetrics("/var/log/app/*.log");
        try (TaskMetrics task = new TaskMetrics()) {
            task.watch(List.of(nginx, app), () -> 3, () -> 10);
            task.register("web \"edge\"", "0");

            assertEquals(List.of(new StreamFigures("web \"edge\"", "0", "/var/log/nginx/*.log", 2, 150, 0, 0, 1, 7, 0, 1, 1, 1, 1, List.of())),
                    streams.figures("web \"edge\"").stream().filter(figures -> figures.stream().contains("nginx")).toList());
            assertEquals(2, streams.figures("web \"edge\"").size());
            assertEquals(List.of(), streams.figures("other"));
            assertEquals(Map.of("0", 3L), streams.recordsInFlight().get("web \"edge\""));
        }
        assertEquals(List.of(), streams.figures("web \"edge\""));
        assertEquals(null, streams.recordsInFlight().get("web \"edge\""));
    }

    @Test
    void theConnectorItReportsIsTheLogFileConnector() {
        assertEquals(Set.of(LogFileSourceConnector.class.getName()), streams.connectorClasses());
    }
}
