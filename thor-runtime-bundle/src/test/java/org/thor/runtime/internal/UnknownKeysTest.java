package org.thor.runtime.internal;

import org.apache.kafka.connect.runtime.rest.entities.ConfigInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.runtime.rest.entities.ConfigValueInfo;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UnknownKeysTest {

    /** As the log-file connector's LogStreams service names it. */
    private static final UnknownKeys KEYS = new UnknownKeys(() -> Set.of("org.thor.file.LogFileSourceConnector"));

    /** What Connect's validation returned: the keys it knows, its own and the connector's. */
    private static final ConfigInfos VALIDATED = new ConfigInfos("LogFileSourceConnector", 0, List.of(),
            List.of(known("name"), known("connector.class"), known("tasks.max"), known("files"), known("topic"),
                    known("transforms"), known("transforms.route.type"), known("transforms.route.regex")));

    @Test
    void aKeyNeitherConnectNorTheConnectorKnowsIsNamed() {
        Map<String, String> config = Map.of("connector.class", "org.thor.file.LogFileSourceConnector", "files", "/a/*.log",
                "topic", "t", "fromat", "json", "transforms", "route", "transforms.route.type", "x", "transforms.route.regex", "y",
                "producer.override.linger.ms", "10", "format.syslog.rfc", "5424", "value.converter.schemas.enable", "false");
        assertEquals(List.of("fromat"), KEYS.of(config, VALIDATED));
        assertEquals(List.of("fromat"), KEYS.of(Map.of("connector.class", "LogFileSourceConnector", "fromat", "json"), VALIDATED));
    }

    @Test
    void otherConnectorsMayReadKeysTheyDoNotDeclare() {
        assertEquals(List.of(), KEYS.of(Map.of("connector.class", "com.example.JdbcSource", "table.whitelist", "a"), VALIDATED));
    }

    @Test
    void withoutTheLogFileConnectorsBundleNoConnectorIsChecked() {
        UnknownKeys none = new UnknownKeys(Set::of);
        assertEquals(List.of(), none.of(Map.of("connector.class", "org.thor.file.LogFileSourceConnector", "fromat", "json"), VALIDATED));
    }

    @Test
    void theMessageNamesTheConnectorAndWhereItsKeysAreListed() {
        assertEquals("unknown key 'fromat': neither Kafka Connect nor the connector LogFileSourceConnector has it (misspelt?); "
                        + "GET /connector-plugins/LogFileSourceConnector/config lists the connector's keys",
                UnknownKeys.message("fromat", Map.of("connector.class", "org.thor.file.LogFileSourceConnector")));
    }

    private static ConfigInfo known(String name) {
        return new ConfigInfo(null, new ConfigValueInfo(name, null, List.of(), List.of(), true));
    }
}
