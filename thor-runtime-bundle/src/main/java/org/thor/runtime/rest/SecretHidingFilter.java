package org.thor.runtime.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.apache.kafka.connect.health.ConnectClusterState;
import org.thor.runtime.cfg.SecretKeys;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of what the REST API returns: in every connector and task configuration it
 * answers with, a secret written as a value ({@link SecretKeys}) reads {@value SecretKeys#HIDDEN};
 * references to config providers are shown as they are, and Connect never shows what they resolve
 * to. A configuration sent back with {@value SecretKeys#HIDDEN} where the secret was (a client that
 * read, changed one key and wrote back) keeps the value the connector has.
 */
final class SecretHidingFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CONFIG_PATH = Pattern.compile("/?connectors/([^/]+)/config/?");
    private static final Pattern CONNECTORS_PATH = Pattern.compile("/?connectors/?");
    private static final String CONFIG = "config";

    private final ConnectClusterState cluster;

    SecretHidingFilter(ConnectClusterState cluster) {
        this.cluster = cluster;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String path = request.getUriInfo().getPath();
        Matcher configPath = CONFIG_PATH.matcher(path);
        boolean writesConfig = configPath.matches()
                && (HttpMethod.PUT.equals(request.getMethod()) || HttpMethod.PATCH.equals(request.getMethod()));
        boolean creates = HttpMethod.POST.equals(request.getMethod()) && CONNECTORS_PATH.matcher(path).matches();
        if (!request.hasEntity() || !(writesConfig || creates)) {
            return;
        }
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return; // Connect answers it with InvalidJsonMapper's 400
        }
        JsonNode config = writesConfig ? tree : tree.path(CONFIG);
        String name = writesConfig ? configPath.group(1) : tree.path("name").asText(null);
        if (!(config instanceof ObjectNode object) || name == null) {
            return;
        }
        List<String> unknown = keepHidden(name, object);
        if (!unknown.isEmpty()) {
            request.abortWith(Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorBody(400, "Connector " + name + " has no value for " + String.join(", ", unknown)
                            + " to keep in place of " + SecretKeys.HIDDEN + ": send the value, or a config provider "
                            + "reference such as ${file:/path/secrets.properties:key}").json()).build());
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(JSON.writeValueAsBytes(tree)));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        Object entity = response.getEntity();
        if (entity == null || response.getStatus() >= 300 || !path.replaceFirst("^/", "").startsWith("connectors")) {
            return;
        }
        JsonNode tree = JSON.valueToTree(entity);
        boolean hidden = CONFIG_PATH.matcher(path).matches() && tree instanceof ObjectNode config && hide(config);
        hidden |= hideConfigsWithin(tree);
        if (hidden) {
            response.setEntity(tree);
        }
    }

    /** Puts the connector's values in place of {@value SecretKeys#HIDDEN}; the keys it has no value for. */
    private List<String> keepHidden(String name, ObjectNode config) {
        List<String> hiddenKeys = new ArrayList<>();
        config.fields().forEachRemaining(field -> {
            if (SecretKeys.HIDDEN.equals(field.getValue().asText()) && SecretKeys.isSecret(field.getKey())) {
                hiddenKeys.add(field.getKey());
            }
        });
        if (hiddenKeys.isEmpty()) {
            return hiddenKeys;
        }
        Map<String, String> running = runningConfig(name);
        List<String> unknown = new ArrayList<>();
        for (String key : hiddenKeys) {
            if (running.containsKey(key)) {
                config.put(key, running.get(key));
            } else {
                unknown.add(key);
            }
        }
        return unknown;
    }

    private Map<String, String> runningConfig(String name) {
        try {
            return cluster.connectorConfig(name);
        } catch (RuntimeException e) {
            return Map.of(); // no such connector
        }
    }

    private static boolean hideConfigsWithin(JsonNode node) {
        boolean hidden = false;
        if (node instanceof ObjectNode object && object.get(CONFIG) instanceof ObjectNode config) {
            hidden = hide(config);
        }
        for (JsonNode child : node) {
            hidden |= hideConfigsWithin(child);
        }
        return hidden;
    }

    private static boolean hide(ObjectNode config) {
        boolean hidden = false;
        for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) config::fields) {
            if (field.getValue().isTextual() && SecretKeys.hides(field.getKey(), field.getValue().asText())) {
                field.setValue(JSON.getNodeFactory().textNode(SecretKeys.HIDDEN));
                hidden = true;
            }
        }
        return hidden;
    }
}
