package org.thor.runtime.fleet;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostStatusTest {

    private static final HostStatus.ConnectorReport RUNNING = new HostStatus.ConnectorReport("label:web", 4, "RUNNING", null, 1200, 0, 0);

    @Test
    void theStatusReadsBackAsItWasWrittenAndOtherClientsFieldsAreIgnored() throws Exception {
        HostStatus written = status(7, Map.of("nginx", RUNNING), 1_000);

        String json = new String(written.toJson(), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"appliedOffset\":7"), json);
        assertTrue(json.contains("\"nginx\":{\"target\":\"label:web\",\"offset\":4,\"state\":\"RUNNING\""), json);
        assertEquals(written, HostStatus.fromJson(json.replace("{\"host\"", "{\"future\":1,\"host\"").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void movingFiguresAreNoChangeButAStateOrAnAppliedOffsetIs() {
        HostStatus before = status(7, Map.of("nginx", RUNNING), 1_000);

        assertTrue(before.sameStateAs(status(7, Map.of("nginx", new HostStatus.ConnectorReport("label:web", 4, "RUNNING", null, 9, 512, 0)), 2_000)));
        assertFalse(before.sameStateAs(status(8, Map.of("nginx", RUNNING), 1_000)));
        assertFalse(before.sameStateAs(status(7, Map.of("nginx", new HostStatus.ConnectorReport("label:web", 4, "FAILED", null, 0, 0, 0)), 1_000)));
        assertFalse(before.sameStateAs(null));
    }

    private static HostStatus status(long appliedOffset, Map<String, HostStatus.ConnectorReport> connectors, long time) {
        return new HostStatus("web-1", "0.1.0", List.of("web", "host:web-1"), appliedOffset, 30_000, time, connectors, List.of());
    }
}
