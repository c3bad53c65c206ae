package org.thor.runtime.rest;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * {@code thor.rest.auth}: {@code basic}, {@code none}, or {@code auto}, which is {@code basic} as
 * soon as one listener binds beyond the loopback interface (an empty host or 0.0.0.0 binds every
 * interface), so that the API never answers the network without credentials unless told to.
 */
enum RestAuthMode {
    AUTO, BASIC, NONE;

    static RestAuthMode parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("thor.rest.auth must be auto, basic or none, not '" + value + "'");
        }
    }

    /** Whether requests must authenticate, given the REST listeners' URLs. */
    boolean requiresCredentials(List<String> listeners) {
        return switch (this) {
            case BASIC -> true;
            case NONE -> false;
            case AUTO -> listeners.stream().anyMatch(RestAuthMode::beyondLoopback);
        };
    }

    static boolean beyondLoopback(String listener) {
        String host = URI.create(listener.trim()).getHost();
        if (host == null || host.isEmpty()) {
            return true;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException e) {
            return true; // a name that does not resolve here is not known to be loopback
        }
    }
}
