package org.thor.runtime.rest;

import java.util.Set;

/**
 * Who may do what on the REST API, by the roles of Karaf's JAAS realm: {@value #VIEWER} reads
 * everything ({@code GET}, {@code HEAD}), {@value #ADMIN} also changes (creates, configures,
 * pauses, resumes, restarts, stops and deletes connectors, alters offsets).
 */
final class RestAccess {

    static final String VIEWER = "viewer";
    static final String ADMIN = "admin";

    private RestAccess() {
    }

    static boolean reads(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }

    static boolean allows(Set<String> roles, String method) {
        return roles.contains(ADMIN) || reads(method) && roles.contains(VIEWER);
    }
}
