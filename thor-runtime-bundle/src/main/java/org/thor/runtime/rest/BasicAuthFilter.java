package org.thor.runtime.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * HTTP Basic authentication of every REST request against a JAAS realm, then authorisation by
 * the user's roles ({@link RestAccess}): 401 without valid credentials, 403 for a change by a user
 * who may only read. Refusals and changes are logged with the user, method and path; reads at
 * debug level (a scraper reads every few seconds). Never the password.
 */
final class BasicAuthFilter implements ContainerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(BasicAuthFilter.class);
    private static final String BASIC = "Basic ";

    private final RealmLogin login;

    BasicAuthFilter(RealmLogin login) {
        this.login = login;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String method = request.getMethod();
        String path = "/" + request.getUriInfo().getPath(false);
        Optional<Credentials> credentials = Credentials.of(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (credentials.isEmpty()) {
            LOG.warn("REST {} {} refused: no credentials (HTTP Basic)", method, path);
            request.abortWith(unauthorized("Credentials are required (HTTP Basic)"));
            return;
        }
        String user = credentials.get().user();
        Optional<Set<String>> roles;
        try {
            roles = login.roles(user, credentials.get().password());
        } finally {
            credentials.get().erase();
        }
        if (roles.isEmpty()) {
            LOG.warn("REST {} {} refused: realm {} did not accept user '{}'", method, path, login.realm(), user);
            request.abortWith(unauthorized("Wrong user name or password"));
        } else if (!RestAccess.allows(roles.get(), method)) {
            LOG.warn("REST {} {} refused: user '{}' has roles {}; a change needs the role '{}'", method, path, user,
                    roles.get(), RestAccess.ADMIN);
            request.abortWith(error(Response.Status.FORBIDDEN, "User '" + user + "' may not change anything: that needs the role '"
                    + RestAccess.ADMIN + "'"));
        } else if (RestAccess.reads(method)) {
            LOG.debug("REST {} {} by user '{}'", method, path, user);
        } else {
            LOG.info("REST {} {} by user '{}'", method, path, user);
        }
    }

    private Response unauthorized(String message) {
        return Response.fromResponse(error(Response.Status.UNAUTHORIZED, message))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + login.realm() + "\", charset=\"UTF-8\"").build();
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(status.getStatusCode(), message).json()).build();
    }

    /** The name and password of an {@code Authorization: Basic} header. */
    private record Credentials(String user, char[] password) {

        static Optional<Credentials> of(String header) {
            if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
                return Optional.empty();
            }
            byte[] decoded;
            try {
                decoded = Base64.getDecoder().decode(header.substring(BASIC.length()).trim());
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            CharBuffer text = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(decoded));
            Arrays.fill(decoded, (byte) 0);
            char[] chars = new char[text.remaining()];
            text.get(chars);
            int colon = indexOf(chars, ':');
            if (colon < 0) {
                Arrays.fill(chars, '\0');
                return Optional.empty();
            }
            Credentials credentials = new Credentials(new String(chars, 0, colon), Arrays.copyOfRange(chars, colon + 1, chars.length));
            Arrays.fill(chars, '\0');
            return Optional.of(credentials);
        }

        void erase() {
            Arrays.fill(password, '\0');
        }

        private static int indexOf(char[] chars, char wanted) {
            for (int i = 0; i < chars.length; i++) {
                if (chars[i] == wanted) {
                    return i;
                }
            }
            return -1;
        }
    }
}
