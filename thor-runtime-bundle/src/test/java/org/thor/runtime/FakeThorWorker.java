package org.thor.runtime;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A worker in memory for the deployer and command tests: records calls, validates with simple rules. */
public class FakeThorWorker implements ThorWorker {

    public final Map<String, Map<String, String>> connectors = new LinkedHashMap<>();
    public final Map<String, String> states = new TreeMap<>();
    public final Map<String, String> errors = new TreeMap<>();
    public final Map<String, List<ConnectorOffset>> offsets = new TreeMap<>();
    public final List<String> calls = new ArrayList<>();
    public boolean running = true;

    @Override
    public URI restUrl() {
        return URI.create("http://127.0.0.1:8083/");
    }

    @Override
    public Collection<String> connectors() {
        checkRunning();
        return new ArrayList<>(connectors.keySet());
    }

    @Override
    public Map<String, String> connectorConfig(String name) {
        checkRunning();
        return Map.copyOf(existing(name));
    }

    @Override
    public void putConnector(String name, Map<String, String> config) {
        checkRunning();
        calls.add("put " + name);
        connectors.put(name, Map.copyOf(config));
        states.put(name, "RUNNING");
        errors.remove(name);
    }

    @Override
    public void deleteConnector(String name) {
        checkRunning();
        calls.add("delete " + name);
        errors.remove(name);
        if (connectors.remove(name) == null) {
            throw new IllegalArgumentException("Connector " + name + " not found");
        }
    }

    @Override
    public ConnectorStatus status(String name) {
        if (!connectors.containsKey(name)) {
            return new ConnectorStatus(name, "FAILED", null, List.of(), existingError(name));
        }
        return new ConnectorStatus(name, states.get(name), null,
                List.of(new ConnectorStatus.TaskStatus(0, states.get(name), null)), errors.get(name));
    }

    /** Valid: a connector.class ending in "Connector", and a non-empty topic. */
    @Override
    public List<ConfigProblem> validate(Map<String, String> config) {
        checkRunning();
        List<ConfigProblem> problems = new ArrayList<>();
        if (!config.getOrDefault("connector.class", "").endsWith("Connector")) {
            problems.add(new ConfigProblem("connector.class", "no connector plugin named " + config.get("connector.class")));
        }
        if (config.getOrDefault("topic", "").isEmpty()) {
            problems.add(new ConfigProblem("topic", "Missing required configuration \"topic\" which has no default value."));
        }
        return problems;
    }

    @Override
    public void reportConfigError(String name, String error) {
        if (error == null) {
            errors.remove(name);
        } else {
            errors.put(name, error);
        }
    }

    @Override
    public Map<String, String> configErrors() {
        return new TreeMap<>(errors);
    }

    @Override
    public void pause(String name) {
        existing(name);
        states.put(name, "PAUSED");
    }

    @Override
    public void resume(String name) {
        existing(name);
        states.put(name, "RUNNING");
    }

    @Override
    public ConnectorStatus restart(String name) {
        existing(name);
        calls.add("restart " + name);
        return status(name);
    }

    @Override
    public List<ConnectorOffset> offsets(String name) {
        existing(name);
        return offsets.getOrDefault(name, List.of());
    }

    @Override
    public Map<String, String> kafkaClientSettings() {
        return Map.of("bootstrap.servers", "127.0.0.1:9092");
    }

    private Map<String, String> existing(String name) {
        Map<String, String> config = connectors.get(name);
        if (config == null) {
            throw new IllegalArgumentException("Connector " + name + " not found");
        }
        return config;
    }

    private String existingError(String name) {
        String error = errors.get(name);
        if (error == null) {
            throw new IllegalArgumentException("Connector " + name + " not found");
        }
        return error;
    }

    private void checkRunning() {
        if (!running) {
            throw new IllegalStateException("The Thor worker is not running");
        }
    }
}
