package org.thor.runtime.streams;

import org.junit.jupiter.api.Test;
import org.thor.runtime.LogStreams;
import org.thor.runtime.StreamFigures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllLogStreamsTest {

    @Test
    void theServicesAnswerAsOneSortedByConnectorTaskAndStream() {
        LogStreams files = service("org.thor.file.LogFileSourceConnector",
                List.of(figures("web", "1", "/var/log/b.log"), figures("web", "0", "/var/log/z.log")),
                Map.of("web", Map.of("0", 3L, "1", 4L)));
        LogStreams other = service("org.example.OtherConnector",
                List.of(figures("db", "0", "/var/log/db.log"), figures("web", "0", "/var/log/a.log")),
                Map.of("web", Map.of("2", 5L), "db", Map.of("0", 6L)));

        AllLogStreams all = new AllLogStreams(() -> List.of(files, other));

        assertEquals(Set.of("org.thor.file.LogFileSourceConnector", "org.example.OtherConnector"), all.connectorClasses());
        assertEquals(List.of("db/0//var/log/db.log", "web/0//var/log/a.log", "web/0//var/log/z.log", "web/1//var/log/b.log"),
                all.figures(null).stream().map(f -> f.connector() + "/" + f.task() + "/" + f.stream()).toList());
        assertEquals(Map.of("web", Map.of("0", 3L, "1", 4L, "2", 5L), "db", Map.of("0", 6L)), all.recordsInFlight());
    }

    @Test
    void theServicesAreAskedAnewEachTime() {
        List<LogStreams> registered = new ArrayList<>();
        AllLogStreams all = new AllLogStreams(() -> registered);
        assertTrue(all.connectorClasses().isEmpty());
        assertTrue(all.figures("web").isEmpty());
        assertTrue(all.recordsInFlight().isEmpty());

        registered.add(service("org.thor.file.LogFileSourceConnector", List.of(figures("web", "0", "/var/log/a.log")),
                Map.of("web", Map.of("0", 1L))));

        assertEquals(Set.of("org.thor.file.LogFileSourceConnector"), all.connectorClasses());
        assertEquals(1, all.figures("web").size());
        assertEquals(Map.of("web", Map.of("0", 1L)), all.recordsInFlight());
    }

    private static StreamFigures figures(String connector, String task, String stream) {
        return new StreamFigures(connector, task, stream, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of());
    }

    private static LogStreams service(String connectorClass, List<StreamFigures> figures,
                                      Map<String, Map<String, Long>> inFlight) {
        return new LogStreams() {
            @Override
            public Set<String> connectorClasses() {
                return Set.of(connectorClass);
            }

            @Override
            public List<StreamFigures> figures(String connector) {
                return figures;
            }

            @Override
            public Map<String, Map<String, Long>> recordsInFlight() {
                return inFlight;
            }
        };
    }
}
