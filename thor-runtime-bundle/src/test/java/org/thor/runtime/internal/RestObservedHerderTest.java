package org.thor.runtime.internal;

import org.apache.kafka.connect.errors.NotFoundException;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.runtime.rest.entities.ConfigValueInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.runtime.rest.errors.BadRequestException;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorType;
import org.apache.kafka.connect.util.Callback;
import org.apache.kafka.connect.util.FutureCallback;
import org.junit.jupiter.api.Test;
import org.thor.runtime.ThorWorkerListener;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RestObservedHerderTest {

    private static final UnknownKeys UNKNOWN_KEYS = new UnknownKeys(() -> Set.of("org.thor.file.LogFileSourceConnector"));
    /** The configuration the fake herder holds for every connector. */
    private static final Map<String, String> CURRENT = Map.of("connector.class", "org.thor.file.LogFileSourceConnector",
            "files", "/var/log/*.log", "topic", "t1");

    private final List<String> reported = new ArrayList<>();
    private final List<String> herderCalls = new ArrayList<>();
    private final ThorWorkerListener listener = new ThorWorkerListener() {
        @Override
        public void configuredThroughRest(String name, Map<String, String> config) {
            reported.add("configured " + name + " " + config.get("topic") + (config.containsKey("files") ? " " + config.get("files") : ""));
        }

        @Override
        public void deletedThroughRest(String name) {
            reported.add("deleted " + name);
        }
    };

    @Test
    void aConfigurationPutThroughRestIsReportedOnceItTookEffect() throws Exception {
        Herder observed = RestObservedHerder.wrap(herder(false), listener, UNKNOWN_KEYS);
        FutureCallback<Herder.Created<ConnectorInfo>> done = new FutureCallback<>();

        observed.putConnectorConfig("web", Map.of("topic", "t1"), true, done);

        done.get();
        assertEquals(List.of("configured web t1"), reported);
    }

    @Test
    void aFailedPutIsNotReported() {
        Herder observed = RestObservedHerder.wrap(herder(true), listener, UNKNOWN_KEYS);
        FutureCallback<Herder.Created<ConnectorInfo>> done = new FutureCallback<>();

        observed.putConnectorConfig("web", Map.of("topic", "t1"), true, done);

        assertThrows(Exception.class, done::get);
        assertEquals(List.of(), reported);
    }

    @Test
    void aDeletionIsReportedAndOtherCallsPassThroughUnreported() throws Exception {
        Herder observed = RestObservedHerder.wrap(herder(false), listener, UNKNOWN_KEYS);
        FutureCallback<Herder.Created<ConnectorInfo>> done = new FutureCallback<>();

        observed.deleteConnectorConfig("web", done);
        observed.pauseConnector("web");
        observed.connectors();

        done.get();
        assertEquals(List.of("deleted web"), reported);
        assertEquals(List.of("deleteConnectorConfig", "pauseConnector", "connectors"), herderCalls);
    }

    @Test
    void aLogFileConnectorsConfigurationWithAnUnknownKeyIsRefusedAndNotPut() {
        Herder observed = RestObservedHerder.wrap(herder(false), listener, UNKNOWN_KEYS);
        FutureCallback<Herder.Created<ConnectorInfo>> done = new FutureCallback<>();

        observed.putConnectorConfig("web", Map.of("connector.class", "org.thor.file.LogFileSourceConnector",
                "files", "/var/log/*.log", "topic", "t1", "fromat", "json"), true, done);

        java.util.concurrent.ExecutionException refused = assertThrows(java.util.concurrent.ExecutionException.class, done::get);
        assertEquals(BadRequestException.class, refused.getCause().getClass());
        assertTrue(refused.getCause().getMessage().contains("unknown key 'fromat'"), refused.getCause().getMessage());
        assertEquals(List.of("validateConnectorConfig"), herderCalls);
        assertEquals(List.of(), reported);
    }

    @Test
    void aPatchThroughRestIsReportedWithTheWholeConfigurationOnceItTookEffect() throws Exception {
        Herder observed = RestObservedHerder.wrap(herder(false), listener, UNKNOWN_KEYS);
        FutureCallback<Herder.Created<ConnectorInfo>> done = new FutureCallback<>();

        observed.patchConnectorConfig("web", Map.of("topic", "t2"), done);

        done.get();
        assertEquals(List.of("configured web t2 /var/log/*.log"), reported);
        assertEquals(List.of("connectorConfig", "validateConnectorConfig", "patchConnectorConfig"), herderCalls);
    }

    @Test
    void aPatchThatAddsAnUnknownKeyIsRefusedAndNotApplied() {
        Herder observed = RestObservedHerder.wrap(herder(false), listener, UNKNOWN_KEYS);
        FutureCallback<Herder.Created<ConnectorInfo>> done = new FutureCallback<>();

        observed.patchConnectorConfig("web", Map.of("fromat", "json"), done);

        java.util.concurrent.ExecutionException refused = assertThrows(java.util.concurrent.ExecutionException.class, done::get);
        assertTrue(refused.getCause().getMessage().contains("unknown key 'fromat'"), refused.getCause().getMessage());
        assertEquals(List.of("connectorConfig", "validateConnectorConfig"), herderCalls);
        assertEquals(List.of(), reported);
    }

    private static ConfigInfo known(String name) {
        return new ConfigInfo(null, new ConfigValueInfo(name, null, List.of(), List.of(), true));
    }

    // A herder that answers every call with success (or with NotFoundException), as the REST resources would see it.
    private Herder herder(boolean failing) {
        return (Herder) Proxy.newProxyInstance(Herder.class.getClassLoader(), new Class<?>[] {Herder.class}, (proxy, method, args) -> {
            herderCalls.add(method.getName());
            if (args != null && args[args.length - 1] instanceof Callback<?> callback) {
                @SuppressWarnings("unchecked")
                Callback<Object> typed = (Callback<Object>) callback;
                if (failing) {
                    typed.onCompletion(new NotFoundException("no"), null);
                } else if (method.getName().equals("connectorConfig")) {
                    typed.onCompletion(null, CURRENT);
                } else if (method.getName().equals("validateConnectorConfig")) {
                    typed.onCompletion(null, new ConfigInfos("LogFileSourceConnector", 0, List.of(),
                            List.of(known("connector.class"), known("topic"), known("files"))));
                } else {
                    @SuppressWarnings("unchecked")
                    Map<String, String> config = args.length > 2 && args[1] instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
                    if (method.getName().equals("patchConnectorConfig")) {
                        Map<String, String> patched = new java.util.HashMap<>(CURRENT);
                        patched.putAll(config);
                        config = patched;
                    }
                    typed.onCompletion(null, new Herder.Created<>(true, new ConnectorInfo((String) args[0], config, List.of(), ConnectorType.SOURCE)));
                }
                return null;
            }
            return method.getReturnType() == java.util.Collection.class ? List.of() : null;
        });
    }
}
