package org.thor.runtime;

/**
 * Why a connector configuration cannot be applied: the key at fault (or {@code null} when the
 * problem is not about one key) and what is wrong with it, as the connector's {@code ConfigDef} says.
 */
public record ConfigProblem(String key, String message) {

    @Override
    public String toString() {
        return key == null ? message : key + ": " + message;
    }
}
