package org.thor.runtime.internal;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.thor.runtime.cfg.ClientConfigDefs;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The part of a worker configuration that any Kafka client of this container connects with: the
 * keys that Kafka's admin client, producer and consumer all know (cluster address, security,
 * timeouts), and the config providers that resolve references in them. Worker-only keys
 * ({@code listeners}, converters, {@code producer.*}) stay out, so a client does not warn about them.
 */
final class KafkaClientSettings {

    private static final Set<String> COMMON_CLIENT_KEYS = ClientConfigDefs.ALL.stream()
            .map(ConfigDef::names)
            .reduce((common, names) -> common.stream().filter(names::contains).collect(Collectors.toUnmodifiableSet()))
            .orElseThrow();

    private KafkaClientSettings() {
    }

    static Map<String, String> of(Map<String, String> workerProps) {
        Map<String, String> settings = new TreeMap<>();
        workerProps.forEach((key, value) -> {
            if (COMMON_CLIENT_KEYS.contains(key) || key.startsWith(AbstractConfig.CONFIG_PROVIDERS_CONFIG)) {
                settings.put(key, value);
            }
        });
        return Map.copyOf(settings);
    }
}
