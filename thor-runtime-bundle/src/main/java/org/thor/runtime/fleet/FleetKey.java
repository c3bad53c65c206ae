package org.thor.runtime.fleet;

/** The key of a configuration topic record, {@code <target>/<connector>}: one connector for the hosts of a target. */
public record FleetKey(FleetTarget target, String connector) {

    public FleetKey {
        if (connector == null || connector.isBlank()) {
            throw new IllegalArgumentException("a fleet key needs a connector name after the '/'");
        }
    }

    /** Reads {@code all/nginx}, {@code label:web/nginx}, {@code host:web-1/nginx}; the target ends at the first '/'. */
    public static FleetKey parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + text + "' is not a fleet key: <target>/<connector>");
        }
        return new FleetKey(FleetTarget.parse(text.substring(0, slash)), text.substring(slash + 1));
    }

    @Override
    public String toString() {
        return target + "/" + connector;
    }
}
