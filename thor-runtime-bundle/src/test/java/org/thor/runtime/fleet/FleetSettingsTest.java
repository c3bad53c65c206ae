package org.thor.runtime.fleet;

import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class FleetSettingsTest {

    @Test
    void clientKeysUnderTheFleetPrefixOverrideTheWorkersAndTheFleetsOwnKeysDoNot() {
        FleetSettings settings = FleetSettings.from(configuration("web-1", " web , eu,,web"), Map.of(
                "fleet.enabled", "true", "fleet.host", "web-1", "fleet.labels", "web,eu",
                "fleet.bootstrap.servers", "fleet-kafka:9092", "fleet.sasl.mechanism", "PLAIN", "topic", "ignored"));

        assertEquals(Map.of("bootstrap.servers", "fleet-kafka:9092", "security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN"),
                settings.clientSettings(Map.of("bootstrap.servers", "kafka:9092", "security.protocol", "SASL_SSL")));
        assertEquals(List.of("web", "eu"), settings.labels());
        assertEquals(Set.of("web", "eu", "host:web-1"), settings.allLabels());
    }

    @Test
    void withoutAHostNameTheMachinesIsTaken() {
        FleetSettings settings = FleetSettings.from(configuration("", ""), Map.of());

        assertFalse(settings.host().isBlank());
        assertEquals(List.of(), settings.labels());
    }

    private static FleetConfiguration configuration(String host, String labels) {
        return new FleetConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return FleetConfiguration.class;
            }

            @Override
            public boolean fleet_enabled() {
                return true;
            }

            @Override
            public String fleet_config_topic() {
                return "thor.fleet.config";
            }

            @Override
            public String fleet_status_topic() {
                return "thor.fleet.status";
            }

            @Override
            public String fleet_host() {
                return host;
            }

            @Override
            public String fleet_labels() {
                return labels;
            }

            @Override
            public long fleet_status_interval_ms() {
                return 30_000;
            }
        };
    }
}
