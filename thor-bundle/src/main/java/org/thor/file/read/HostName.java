package org.thor.file.read;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The name of this machine, for the host header; never fails. */
public final class HostName {

    private HostName() {
    }

    public static String local() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String fromEnvironment = System.getenv("HOSTNAME");
            return fromEnvironment == null || fromEnvironment.isBlank() ? "localhost" : fromEnvironment;
        }
    }
}
