package org.thor.runtime.internal;

/** Connect's error for an unknown connector class lists every plugin it has; one line is enough for an operator. */
final class ConnectorClassMessage {

    private static final String PLUGIN_LIST = ", available connectors are:";

    private ConnectorClassMessage() {
    }

    static String shorten(String message) {
        if (message == null) {
            return "the connector class is missing or cannot be loaded";
        }
        int list = message.indexOf(PLUGIN_LIST);
        return list < 0 ? message : message.substring(0, list);
    }
}
