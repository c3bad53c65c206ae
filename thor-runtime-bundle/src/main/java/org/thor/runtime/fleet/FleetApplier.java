package org.thor.runtime.fleet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thor.runtime.ConfigProblem;
import org.thor.runtime.ThorWorker;
import org.thor.runtime.deploy.FleetConfigurations;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Makes configuration admin hold what the fleet wants of this host: a fleet configuration per
 * connector that a record of the configuration topic gives it, none for the others. A record is
 * validated before it is applied; one that fails is not applied (the connector keeps running the
 * version it has) and its error is reported. A local configuration of the same connector name (a
 * {@code .cfg} file, a connector created through REST) wins: the fleet's is not applied, and the
 * conflict is reported, because whoever wrote a file on this host meant this host.
 */
final class FleetApplier {

    private static final Logger LOG = LoggerFactory.getLogger(FleetApplier.class);

    /** What became of the record that a connector takes: {@code error} is null when it runs (or is being applied). */
    record ConnectorOutcome(String name, FleetKey key, long offset, String error) {
    }

    /** The fleet connectors of this host after one pass, and the offset of the topic the pass applied. */
    record Outcome(long appliedOffset, Map<String, ConnectorOutcome> connectors) {

        static final Outcome NONE = new Outcome(-1, Map.of());

        List<String> errors() {
            return connectors.values().stream().filter(outcome -> outcome.error() != null)
                    .map(outcome -> outcome.name() + ": " + outcome.error()).toList();
        }
    }

    private final FleetConfigurations configurations;
    private final FleetValidation validation;
    private final ThorWorker worker;
    // Rejected records by connector, so that an unchanged record is neither validated nor logged again.
    private final Map<String, ConnectorOutcome> rejected = new HashMap<>();

    FleetApplier(FleetConfigurations configurations, ThorWorker worker) {
        this.configurations = configurations;
        this.validation = new FleetValidation(worker);
        this.worker = worker;
    }

    Outcome apply(Map<String, DesiredConfigurations.Desired> desired, long offset) throws IOException {
        FleetConfigurations.Snapshot current = configurations.read();
        Map<String, ConnectorOutcome> outcomes = new TreeMap<>();
        for (DesiredConfigurations.Desired record : desired.values()) {
            String name = record.key().connector();
            outcomes.put(name, applyOne(name, record, current));
        }
        for (String name : new ArrayList<>(current.fleet().keySet())) {
            boolean stillWanted = desired.containsKey(name) && !current.localSources().containsKey(name);
            if (!stillWanted) {
                configurations.remove(name);
                LOG.info("Fleet connector {} removed: {}", name, desired.containsKey(name)
                        ? "a local configuration of the same name wins" : "no record of the configuration topic gives it to this host any more");
            }
        }
        rejected.keySet().retainAll(desired.keySet());
        return new Outcome(offset, outcomes);
    }

    /** Records rejected while the worker lacked something (a connector plugin) are validated again. */
    void forgetRejections() {
        rejected.clear();
    }

    private ConnectorOutcome applyOne(String name, DesiredConfigurations.Desired record, FleetConfigurations.Snapshot current)
            throws IOException {
        String localSource = current.localSources().get(name);
        if (localSource != null) {
            return reject(name, record, "the local configuration " + localSource + " wins over the fleet's record "
                    + record.key() + ", which is not applied here");
        }
        FleetConfigurations.Applied applied = current.fleet().get(name);
        if (applied != null && applied.key().equals(record.key().toString()) && applied.offset() == record.offset()) {
            rejected.remove(name);
            return new ConnectorOutcome(name, record.key(), record.offset(), null);
        }
        ConnectorOutcome earlier = rejected.get(name);
        if (earlier != null && earlier.key().equals(record.key()) && earlier.offset() == record.offset()) {
            return earlier;
        }
        if (record.config() == null) {
            return reject(name, record, record.error());
        }
        Map<String, String> connectorConfig = FleetConfigurations.connectorConfig(name, record.config());
        List<ConfigProblem> problems;
        try {
            problems = validation.problems(connectorConfig);
        } catch (IllegalStateException e) {
            // validated, and applied, when the worker has started
            return new ConnectorOutcome(name, record.key(), record.offset(), "waiting for the worker: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            return reject(name, record, problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("; ")));
        }
        configurations.put(name, record.key().toString(), record.offset(), record.config());
        rejected.remove(name);
        LOG.info("Fleet connector {} {} from record {} (offset {})", name, applied == null ? "created" : "reconfigured",
                record.key(), record.offset());
        return new ConnectorOutcome(name, record.key(), record.offset(), null);
    }

    private ConnectorOutcome reject(String name, DesiredConfigurations.Desired record, String error) {
        ConnectorOutcome outcome = new ConnectorOutcome(name, record.key(), record.offset(), error);
        if (!outcome.equals(rejected.put(name, outcome))) {
            LOG.error("Fleet record {} (offset {}) not applied to connector {}: {}{}", record.key(), record.offset(), name, error,
                    isRunning(name) ? "; the running version stays" : "");
            worker.reportConfigError(name, "fleet record " + record.key() + " (offset " + record.offset() + ") rejected: " + error);
        }
        return outcome;
    }

    private boolean isRunning(String name) {
        try {
            return worker.connectors().contains(name);
        } catch (IllegalStateException e) {
            return false;
        }
    }
}
