package org.thor.runtime.internal;

import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.TargetState;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The connectors of a worker, kept across a restart of the worker (a new worker configuration, a
 * connector bundle that came or went): a standalone herder forgets them when it stops. A connector
 * whose plugin is gone waits here until a worker can create it again.
 */
final class ConnectorSnapshot {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorSnapshot.class);

    private record Saved(Map<String, String> config, TargetState state) {
    }

    private final Map<String, Saved> waiting = new LinkedHashMap<>();

    /** Remembers the connectors of a herder about to stop, beside those still waiting for a plugin. */
    void capture(StandaloneHerder herder) {
        for (String name : herder.connectors()) {
            waiting.put(name, new Saved(herder.connectorInfo(name).config(), targetState(herder, name)));
        }
    }

    /** Creates the remembered connectors in a new herder; those it cannot create keep waiting. */
    void restore(StandaloneHerder herder) {
        waiting.entrySet().removeIf(entry -> {
            String name = entry.getKey();
            Saved saved = entry.getValue();
            try {
                HerderCalls.<Herder.Created<ConnectorInfo>>await(callback -> herder.putConnectorConfig(name, saved.config(), saved.state(), false, callback));
                return true;
            } catch (RuntimeException e) {
                LOG.warn("Connector {} is not running after the worker restarted, and will be created when its plugin is back: {}",
                        name, e.getMessage());
                return false;
            }
        });
    }

    /** Forgets a connector that an operator deleted while it waited for its plugin. */
    void forget(String name) {
        waiting.remove(name);
    }

    private static TargetState targetState(StandaloneHerder herder, String name) {
        String state = herder.connectorStatus(name).connector().state();
        return switch (state) {
            case "PAUSED" -> TargetState.PAUSED;
            case "STOPPED" -> TargetState.STOPPED;
            default -> TargetState.STARTED;
        };
    }
}
