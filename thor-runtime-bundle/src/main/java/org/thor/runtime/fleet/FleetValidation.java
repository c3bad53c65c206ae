package org.thor.runtime.fleet;

import org.thor.runtime.ConfigProblem;
import org.thor.runtime.ThorWorker;
import org.thor.runtime.cfg.ProviderReferences;
import org.thor.runtime.cfg.SecretKeys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether a connector configuration from the fleet may be applied here: what the connector's
 * {@code validate()} and Thor's unknown-key check say (the same as for a {@code .cfg} file), and no
 * secret as a plain value. Anyone who may read the configuration topic reads its values, so a secret
 * travels as a config provider reference that each host resolves ({@code ${file:...}}).
 */
final class FleetValidation {

    private final ThorWorker worker;

    FleetValidation(ThorWorker worker) {
        this.worker = worker;
    }

    /** The problems of the configuration, empty when it may be applied; throws IllegalStateException while the worker is not running. */
    List<ConfigProblem> problems(Map<String, String> connectorConfig) {
        List<ConfigProblem> problems = new ArrayList<>(plainSecrets(connectorConfig));
        problems.addAll(worker.validate(connectorConfig));
        return problems;
    }

    static List<ConfigProblem> plainSecrets(Map<String, String> config) {
        return config.entrySet().stream()
                .filter(entry -> SecretKeys.isSecret(entry.getKey()) && !entry.getValue().isEmpty()
                        && !ProviderReferences.holdsReference(entry.getValue()))
                .map(entry -> new ConfigProblem(entry.getKey(), "a secret may not travel through the fleet's topic as a plain "
                        + "value; write a config provider reference that each host resolves, e.g. ${file:/etc/thor/secrets.properties:"
                        + entry.getKey() + "}"))
                .toList();
    }
}
