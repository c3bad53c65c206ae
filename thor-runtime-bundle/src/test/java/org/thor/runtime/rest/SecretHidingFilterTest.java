package org.thor.runtime.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.apache.kafka.connect.health.ConnectClusterState;
import org.apache.kafka.connect.health.ConnectorHealth;
import org.junit.jupiter.api.Test;
import org.thor.runtime.cfg.SecretKeys;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretHidingFilterTest {

    private static final String PASSWORD_KEY = "producer.override.ssl.truststore.password";
    private static final String REFERENCE = "${file:/opt/thor/etc/secrets/kafka.properties:truststore}";

    private final SecretHidingFilter filter = new SecretHidingFilter(new Cluster(Map.of("web",
            Map.of("topic", "web", PASSWORD_KEY, "s3cret"))));

    @Test
    void aConfigurationShowsItsPasswordHiddenAndItsReferenceAsItIs() {
        Map<String, Object> answer = new HashMap<>();
        answer.put("topic", "web");
        answer.put(PASSWORD_KEY, "s3cret");
        answer.put("producer.override.sasl.jaas.config", REFERENCE);

        Object shown = respond("GET", "connectors/web/config", answer);

        assertEquals(Map.of("topic", "web", PASSWORD_KEY, SecretKeys.HIDDEN, "producer.override.sasl.jaas.config", REFERENCE),
                new com.fasterxml.jackson.databind.ObjectMapper().convertValue(shown, Map.class));
    }

    @Test
    void configsWithinConnectorsAndTasksAreHiddenToo() {
        Object tasks = List.of(Map.of("id", Map.of("connector", "web", "task", 0), "config", Map.of(PASSWORD_KEY, "s3cret")));
        assertTrue(respond("GET", "connectors/web/tasks", tasks).toString().contains(SecretKeys.HIDDEN));
        Object expanded = Map.of("web", Map.of("info", Map.of("name", "web", "config", Map.of(PASSWORD_KEY, "s3cret"))));
        String shown = respond("GET", "connectors", expanded).toString();
        assertTrue(shown.contains(SecretKeys.HIDDEN) && !shown.contains("s3cret"), shown);
    }

    @Test
    void anAnswerWithoutSecretsIsLeftAsItIs() {
        Map<String, String> answer = Map.of("topic", "web");
        assertEquals(answer, respond("GET", "connectors/web/config", answer));
    }

    @Test
    void hiddenSentBackKeepsTheConnectorsValue() throws IOException {
        Request request = new Request("PUT", "connectors/web/config",
                "{\"topic\":\"web2\",\"" + PASSWORD_KEY + "\":\"[hidden]\"}");
        filter.filter(request.context());

        assertNull(request.aborted);
        assertEquals("{\"topic\":\"web2\",\"" + PASSWORD_KEY + "\":\"s3cret\"}", request.body());
    }

    @Test
    void hiddenSentForAConnectorWithoutThatValueIsRefused() throws IOException {
        Request request = new Request("POST", "connectors",
                "{\"name\":\"new\",\"config\":{\"topic\":\"x\",\"" + PASSWORD_KEY + "\":\"[hidden]\"}}");
        filter.filter(request.context());

        assertEquals(400, request.aborted.getStatus());
        assertTrue(request.aborted.getEntity().toString().contains(PASSWORD_KEY), request.aborted.getEntity().toString());
    }

    @Test
    void aBodyThatIsNotJsonIsLeftForConnectToAnswer() throws IOException {
        Request request = new Request("PUT", "connectors/web/config", "{not json");
        filter.filter(request.context());

        assertNull(request.aborted);
        assertEquals("{not json", request.body());
    }

    private Object respond(String method, String path, Object entity) {
        Object[] current = {entity};
        ContainerResponseContext response = proxy(ContainerResponseContext.class, (name, args) -> switch (name) {
            case "getEntity" -> current[0];
            case "getStatus" -> 200;
            case "setEntity" -> {
                current[0] = args[0];
                yield null;
            }
            default -> throw new UnsupportedOperationException(name);
        });
        filter.filter(new Request(method, path, null).context(), response);
        return current[0];
    }

    /** A request as the filter sees it: method, path, body; what the filter set or aborted with. */
    private static final class Request {
        private final String method;
        private final String path;
        private InputStream entity;
        private Response aborted;

        Request(String method, String path, String body) {
            this.method = method;
            this.path = path;
            this.entity = body == null ? null : new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
        }

        String body() throws IOException {
            return new String(entity.readAllBytes(), StandardCharsets.UTF_8);
        }

        ContainerRequestContext context() {
            UriInfo uri = proxy(UriInfo.class, (name, args) -> {
                if (name.equals("getPath")) {
                    return path;
                }
                throw new UnsupportedOperationException(name);
            });
            return proxy(ContainerRequestContext.class, (name, args) -> switch (name) {
                case "getUriInfo" -> uri;
                case "getMethod" -> method;
                case "hasEntity" -> entity != null;
                case "getEntityStream" -> entity;
                case "setEntityStream" -> {
                    entity = (InputStream) args[0];
                    yield null;
                }
                case "abortWith" -> {
                    aborted = (Response) args[0];
                    yield null;
                }
                default -> throw new UnsupportedOperationException(name);
            });
        }
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> answer.answer(method.getName(), args)));
    }

    private record Cluster(Map<String, Map<String, String>> configs) implements ConnectClusterState {
        @Override
        public Collection<String> connectors() {
            return configs.keySet();
        }

        @Override
        public ConnectorHealth connectorHealth(String connName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, String> connectorConfig(String connName) {
            Map<String, String> config = configs.get(connName);
            if (config == null) {
                throw new org.apache.kafka.connect.errors.NotFoundException("Connector " + connName + " not found");
            }
            return config;
        }

        @Override
        public org.apache.kafka.connect.health.ConnectClusterDetails clusterDetails() {
            throw new UnsupportedOperationException();
        }
    }
}
