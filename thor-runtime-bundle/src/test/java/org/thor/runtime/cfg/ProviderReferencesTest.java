package org.thor.runtime.cfg;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProviderReferencesTest {

    @TempDir
    Path etc;

    @Test
    void referencesAreConnectsProviderSyntaxNotFileInstallsDefaults() {
        assertTrue(ProviderReferences.holdsReference("${file:/opt/thor/etc/secrets.properties:password}"));
        assertTrue(ProviderReferences.holdsReference("${env:KAFKA_PASSWORD}"));
        assertTrue(ProviderReferences.holdsReference("user=\"thor\" password=\"${dir:/opt/thor/etc/secrets:kafka}\";"));
        assertFalse(ProviderReferences.holdsReference("${karaf.etc}/secrets"));
        assertFalse(ProviderReferences.holdsReference("${name:-default}"));
        assertFalse(ProviderReferences.holdsReference("plain"));
        assertFalse(ProviderReferences.holdsReference(null));
    }

    @Test
    void whatFileInstallInterpolatedIsTakenBackFromTheFileAsWritten() throws IOException {
        Path file = etc.resolve("org.thor.connector-secure.cfg");
        Files.write(file, List.of(
                "topic = secure",
                "producer.override.ssl.truststore.password = ${file:/opt/thor/etc/secrets.properties:truststore}",
                "producer.override.sasl.jaas.config = ${env:KAFKA_JAAS}",
                "files = ${karaf.home}/logs/*.log",
                "escaped = $\\\\{file:/opt/thor/etc/secrets.properties:other}"));
        // what Felix file install hands configuration admin for that file
        Map<String, String> interpolated = Map.of("topic", "secure",
                "producer.override.ssl.truststore.password", "",
                "producer.override.sasl.jaas.config", "the value of KAFKA_JAAS",
                "files", "/opt/thor/logs/*.log",
                "escaped", "${file:/opt/thor/etc/secrets.properties:other}");

        Map<String, String> restored = ProviderReferences.restore(interpolated,
                Map.of(ProviderReferences.FILE_NAME, file.toUri().toString()));

        assertEquals(Map.of("topic", "secure",
                "producer.override.ssl.truststore.password", "${file:/opt/thor/etc/secrets.properties:truststore}",
                "producer.override.sasl.jaas.config", "${env:KAFKA_JAAS}",
                "files", "/opt/thor/logs/*.log",
                "escaped", "${file:/opt/thor/etc/secrets.properties:other}"), restored);
    }

    @Test
    void aConfigurationWithoutAFileOrWhoseFileIsGoneIsLeftAsItIs() {
        Map<String, String> config = Map.of("topic", "");
        assertEquals(config, ProviderReferences.restore(config, Map.of()));
        assertEquals(config, ProviderReferences.restore(config,
                Map.of(ProviderReferences.FILE_NAME, etc.resolve("gone.cfg").toUri().toString())));
    }
}
