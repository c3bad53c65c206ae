package org.thor.runtime.rest;

import jakarta.ws.rs.Priorities;
import org.apache.kafka.connect.rest.ConnectRestExtension;
import org.apache.kafka.connect.rest.ConnectRestExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thor.runtime.streams.AllLogStreams;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Thor's Connect REST extension, which the worker component always lists in
 * {@code rest.extension.classes}: authentication of the whole API (every resource, {@code /} and
 * {@code /metrics} too) through a Karaf JAAS realm, as {@code thor.rest.auth} and
 * {@code thor.rest.auth.realm} say, secrets hidden in the configurations it shows, and the Prometheus
 * endpoint {@code GET /metrics}.
 */
public final class ThorRestExtension implements ConnectRestExtension {

    public static final String AUTH_CONFIG = "thor.rest.auth";
    public static final String REALM_CONFIG = "thor.rest.auth.realm";
    public static final String DEFAULT_AUTH = "auto";
    public static final String DEFAULT_REALM = "karaf";

    private static final Logger LOG = LoggerFactory.getLogger(ThorRestExtension.class);

    private RealmLogin login;
    private TrackedLogStreams streams;

    @Override
    public void configure(Map<String, ?> configs) {
        RestAuthMode mode = RestAuthMode.parse(text(configs, AUTH_CONFIG, DEFAULT_AUTH));
        List<String> listeners = urls(configs.get("listeners"));
        listeners.addAll(urls(configs.get("admin.listeners")));
        String realm = text(configs, REALM_CONFIG, DEFAULT_REALM).trim();
        if (mode.requiresCredentials(listeners)) {
            login = new RealmLogin(realm);
            LOG.info("REST API on {}: HTTP Basic against the JAAS realm '{}' ({}={}); role '{}' reads, '{}' changes",
                    listeners, realm, AUTH_CONFIG, mode.name().toLowerCase(java.util.Locale.ROOT), RestAccess.VIEWER, RestAccess.ADMIN);
        } else {
            login = null;
            if (mode == RestAuthMode.NONE && listeners.stream().anyMatch(RestAuthMode::beyondLoopback)) {
                LOG.warn("REST API on {} answers anyone who can reach it: {}=none", listeners, AUTH_CONFIG);
            } else {
                LOG.info("REST API on {} without authentication: every listener is on the loopback interface ({}={})",
                        listeners, AUTH_CONFIG, mode.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
    }

    @Override
    public void register(ConnectRestExtensionContext context) {
        if (login != null) {
            context.configurable().register(new BasicAuthFilter(login), Priorities.AUTHENTICATION);
        }
        context.configurable().register(new BodyLimitFilter(), Priorities.ENTITY_CODER);
        context.configurable().register(new SecretHidingFilter(context.clusterState()), Priorities.USER);
        context.configurable().register(new InvalidJsonMapper());
        streams = new TrackedLogStreams();
        context.configurable().register(new MetricsResource(new AllLogStreams(streams)));
    }

    @Override
    public String version() {
        return ThorRestExtension.class.getPackage().getImplementationVersion() == null ? "0"
                : ThorRestExtension.class.getPackage().getImplementationVersion();
    }

    @Override
    public void close() {
        if (streams != null) {
            streams.close();
        }
    }

    private static String text(Map<String, ?> configs, String key, String otherwise) {
        Object value = configs.get(key);
        return value == null ? otherwise : String.valueOf(value);
    }

    private static List<String> urls(Object value) {
        List<String> urls = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> urls.add(String.valueOf(item).trim()));
        } else if (value != null) {
            for (String url : String.valueOf(value).split(",")) {
                if (!url.isBlank()) {
                    urls.add(url.trim());
                }
            }
        }
        return urls;
    }
}
