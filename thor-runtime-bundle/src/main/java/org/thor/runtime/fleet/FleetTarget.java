package org.thor.runtime.fleet;

import java.util.Collection;

/**
 * Which hosts a record of the configuration topic is for: {@code all}, {@code label:<label>} or
 * {@code host:<name>}. A more specific target wins over a less specific one for the same connector.
 */
public record FleetTarget(Kind kind, String value) {

    /** The kinds of target, least specific first. */
    public enum Kind { ALL, LABEL, HOST }

    public static final FleetTarget ALL = new FleetTarget(Kind.ALL, "");

    public FleetTarget {
        if (kind != Kind.ALL && (value == null || value.isBlank() || value.contains("/"))) {
            throw new IllegalArgumentException("a " + kind.name().toLowerCase() + " target needs a name without '/'");
        }
    }

    /** {@code all}, {@code label:L} or {@code host:H}. */
    public static FleetTarget parse(String text) {
        if (text.equals("all")) {
            return ALL;
        }
        if (text.startsWith("label:")) {
            return new FleetTarget(Kind.LABEL, text.substring("label:".length()));
        }
        if (text.startsWith("host:")) {
            return new FleetTarget(Kind.HOST, text.substring("host:".length()));
        }
        throw new IllegalArgumentException("'" + text + "' is not a fleet target: all, label:<label> or host:<name>");
    }

    public static FleetTarget label(String label) {
        return new FleetTarget(Kind.LABEL, label);
    }

    public static FleetTarget host(String host) {
        return new FleetTarget(Kind.HOST, host);
    }

    /** Whether a host of that name with those labels takes records of this target. */
    public boolean matches(String host, Collection<String> labels) {
        return switch (kind) {
            case ALL -> true;
            case LABEL -> labels.contains(value);
            case HOST -> value.equals(host);
        };
    }

    @Override
    public String toString() {
        return kind == Kind.ALL ? "all" : kind.name().toLowerCase() + ":" + value;
    }
}
