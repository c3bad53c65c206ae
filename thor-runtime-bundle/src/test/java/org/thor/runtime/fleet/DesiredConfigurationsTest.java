package org.thor.runtime.fleet;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DesiredConfigurationsTest {

    private final DesiredConfigurations desired = new DesiredConfigurations();
    private long offset;

    @Test
    void theHostTargetBeatsALabelWhichBeatsAll() {
        put("host:web-1/nginx", "{\"topic\":\"from-host\"}");
        put("all/nginx", "{\"topic\":\"from-all\"}");
        put("label:web/nginx", "{\"topic\":\"from-label\"}");

        assertEquals("from-host", topicFor("web-1", List.of("web"), "nginx"));
        assertEquals("from-label", topicFor("web-2", List.of("web"), "nginx"));
        assertEquals("from-all", topicFor("db-1", List.of("db"), "nginx"));
    }

    @Test
    void aHostTakesOnlyTheRecordsOfItsLabelsAndName() {
        put("label:web/nginx", "{\"topic\":\"t\"}");
        put("host:db-1/postgres", "{\"topic\":\"t\"}");

        assertEquals(Map.of(), desired.resolve("db-2", List.of("db")));
        assertEquals(List.of("postgres"), List.copyOf(desired.resolve("db-1", List.of("db")).keySet()));
        assertEquals(List.of("nginx"), List.copyOf(desired.resolve("web-1", List.of("web", "eu")).keySet()));
    }

    @Test
    void betweenTwoLabelsOfAHostTheRecordWrittenLastWins() {
        put("label:web/nginx", "{\"topic\":\"web\"}");
        put("label:eu/nginx", "{\"topic\":\"eu\"}");

        assertEquals("eu", topicFor("web-1", List.of("web", "eu"), "nginx"));
        put("label:web/nginx", "{\"topic\":\"web-again\"}");
        assertEquals("web-again", topicFor("web-1", List.of("web", "eu"), "nginx"));
    }

    @Test
    void aTombstoneDeletesItsKeyAndTheLessSpecificRecordComesBack() {
        put("all/nginx", "{\"topic\":\"from-all\"}");
        put("label:web/nginx", "{\"topic\":\"from-label\"}");

        desired.record("label:web/nginx", null, offset++);

        assertEquals("from-all", topicFor("web-1", List.of("web"), "nginx"));
        desired.record("all/nginx", null, offset++);
        assertEquals(Map.of(), desired.resolve("web-1", List.of("web")));
        assertEquals(3, desired.lastOffset());
    }

    @Test
    void aValueThatIsNotAConfigurationIsKeptWithItsErrorAndWinsAsARecord() {
        put("all/nginx", "{\"topic\":\"t\"}");
        put("label:web/nginx", "[1, 2]");

        DesiredConfigurations.Desired winner = desired.resolve("web-1", List.of("web")).get("nginx");
        assertNull(winner.config());
        assertTrue(winner.error().contains("not a JSON object"), winner.error());
    }

    @Test
    void valuesAreTextNumbersBooleansAndArraysBecomeLists() {
        put("all/app", "{\"topic\":\"t\",\"tasks.max\":2,\"x\":true,\"files\":[\"/a.log\",\"/b.log\"]}");

        assertEquals(Map.of("topic", "t", "tasks.max", "2", "x", "true", "files", "/a.log,/b.log"),
                desired.resolve("h", List.of()).get("app").config());
    }

    @Test
    void aKeyThatIsNotTargetSlashConnectorIsRefusedButItsOffsetIsRead() {
        assertThrows(IllegalArgumentException.class, () -> desired.record("nginx", bytes("{}"), 7));
        assertThrows(IllegalArgumentException.class, () -> desired.record("group:web/nginx", bytes("{}"), 8));
        assertEquals(8, desired.lastOffset());
    }

    @Test
    void everyRecordIsListedByTargetThenConnector() {
        put("label:web/b", "{}");
        put("all/z", "{}");
        put("label:web/a", "{}");

        assertEquals(List.of("all/z", "label:web/a", "label:web/b"),
                desired.all().stream().map(record -> record.key().toString()).toList());
    }

    private void put(String key, String json) {
        desired.record(key, bytes(json), offset++);
    }

    private String topicFor(String host, List<String> labels, String connector) {
        return desired.resolve(host, labels).get(connector).config().get("topic");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
