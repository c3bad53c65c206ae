package org.thor.runtime.cfg;

import org.apache.kafka.common.config.ConfigDef;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which configuration values are secrets that the REST API shows as {@value #HIDDEN}: a key that
 * Kafka's clients type as {@code PASSWORD} ({@code ssl.truststore.password}, {@code sasl.jaas.config}
 * …), bare or behind a prefix ({@code producer.override.}, {@code listeners.https.} …), and any key
 * whose name says password or secret, as connectors name theirs. A config provider reference is
 * not a secret and is shown as it is. The fleet refuses such a key with a plain value for the same reason.
 */
public final class SecretKeys {

    /** What a hidden value reads, as Kafka writes a password in its logs. */
    public static final String HIDDEN = "[hidden]";

    private static final Set<String> CLIENT_PASSWORDS = clientPasswords();
    private static final Pattern SECRET_NAME = Pattern.compile("(?i)(password|secret)");

    private SecretKeys() {
    }

    /** Whether the value of that key, as it is, must not be shown. */
    public static boolean hides(String key, Object value) {
        return value != null && !HIDDEN.equals(value) && isSecret(key)
                && !ProviderReferences.holdsReference(String.valueOf(value));
    }

    public static boolean isSecret(String key) {
        if (SECRET_NAME.matcher(key).find()) {
            return true;
        }
        // the key, or what follows one of its dots: producer.override.sasl.jaas.config is sasl.jaas.config
        for (int dot = -1; ; dot = key.indexOf('.', dot + 1)) {
            if (CLIENT_PASSWORDS.contains(key.substring(dot + 1))) {
                return true;
            }
            if (key.indexOf('.', dot + 1) < 0) {
                return false;
            }
        }
    }

    private static Set<String> clientPasswords() {
        Set<String> passwords = new HashSet<>();
        for (ConfigDef definition : ClientConfigDefs.ALL) {
            definition.configKeys().forEach((name, key) -> {
                if (key.type == ConfigDef.Type.PASSWORD) {
                    passwords.add(name);
                }
            });
        }
        return Set.copyOf(passwords);
    }
}
