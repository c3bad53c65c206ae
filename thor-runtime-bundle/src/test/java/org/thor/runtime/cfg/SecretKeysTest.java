package org.thor.runtime.cfg;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretKeysTest {

    @Test
    void theClientsPasswordKeysAreSecretBareOrPrefixed() {
        assertTrue(SecretKeys.isSecret("sasl.jaas.config"));
        assertTrue(SecretKeys.isSecret("producer.override.sasl.jaas.config"));
        assertTrue(SecretKeys.isSecret("producer.ssl.keystore.key"));
        assertTrue(SecretKeys.isSecret("admin.override.ssl.truststore.certificates"));
        assertTrue(SecretKeys.isSecret("listeners.https.ssl.key.password"));
    }

    @Test
    void aKeyNamedPasswordOrSecretIsSecret() {
        assertTrue(SecretKeys.isSecret("connection.password"));
        assertTrue(SecretKeys.isSecret("aws.secret.access.key"));
    }

    @Test
    void otherKeysAreNot() {
        assertFalse(SecretKeys.isSecret("topic"));
        assertFalse(SecretKeys.isSecret("producer.override.sasl.mechanism"));
        assertFalse(SecretKeys.isSecret("ssl.truststore.location"));
        assertFalse(SecretKeys.isSecret("config"));
    }

    @Test
    void aReferenceIsShownTheValueIsNot() {
        assertTrue(SecretKeys.hides("producer.override.ssl.truststore.password", "changeit"));
        assertFalse(SecretKeys.hides("producer.override.ssl.truststore.password", "${file:/etc/thor/s.properties:p}"));
        assertFalse(SecretKeys.hides("producer.override.ssl.truststore.password", SecretKeys.HIDDEN));
        assertFalse(SecretKeys.hides("topic", "changeit"));
    }
}
