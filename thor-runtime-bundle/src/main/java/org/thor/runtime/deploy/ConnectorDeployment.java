package org.thor.runtime.deploy;

import org.osgi.service.component.ComponentConstants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thor.runtime.ConfigProblem;
import org.thor.runtime.ThorWorker;
import org.thor.runtime.ThorWorkerListener;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One configuration of the factory PID {@code org.thor.connector} deployed as one connector:
 * created when the configuration comes, reconfigured when it changes, deleted when it is deleted.
 * A configuration the connector's {@code ConfigDef} rejects is reported (log and status, naming
 * the file and the key) and not applied, so the previous version keeps running. One that comes
 * while the worker is not running, or whose connector plugin is not installed yet, is applied when
 * the worker next starts.
 */
@Component(service = ThorWorkerListener.class, configurationPid = ConnectorProperties.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = ConnectorConfiguration.class, factory = true)
public class ConnectorDeployment implements ThorWorkerListener {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorDeployment.class);

    @Reference
    private ThorWorker worker;
    private String name;
    private Map<String, String> config;
    private String source;
    // Set until the configuration has been applied or found applied.
    private boolean pending;
    // The error last logged, so that a retry that fails the same way does not log it again.
    private String lastError;

    public ConnectorDeployment() {
    }

    ConnectorDeployment(ThorWorker worker) {
        this.worker = worker;
    }

    @Activate
    @Modified
    synchronized void configure(Map<String, Object> properties) {
        String newName = ConnectorProperties.nameOf(properties);
        if (name != null && !name.equals(newName)) {
            delete();
        }
        name = newName;
        config = ConnectorProperties.connectorConfig(properties);
        source = ConnectorProperties.source(properties);
        pending = true;
        apply();
    }

    /**
     * Checks the new worker against this configuration, which is the source of truth: usually it
     * runs it already (restored from before the restart) and nothing happens; if it was waiting for
     * the worker, or a change slipped in while the old worker stopped, it is applied now.
     */
    @Override
    public synchronized void workerStarted() {
        if (config != null) {
            apply();
        }
    }

    @Deactivate
    synchronized void deactivate(int reason) {
        pending = false;
        config = null;
        if (reason == ComponentConstants.DEACTIVATION_REASON_CONFIGURATION_DELETED) {
            delete();
        }
    }

    private void apply() {
        boolean exists = false;
        try {
            exists = worker.connectors().contains(name);
            Map<String, String> running = exists ? worker.connectorConfig(name) : Map.of();
            if (exists && config.equals(running)) {
                // Already running this way: a write-back of a REST change, or a worker restart.
                pending = false;
                lastError = null;
                worker.reportConfigError(name, null);
                return;
            }
            List<ConfigProblem> problems = worker.validate(config);
            if (!problems.isEmpty()) {
                reject(exists, "Invalid configuration in " + source + ": "
                        + problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("; ")));
                return;
            }
            worker.putConnector(name, config);
            pending = false;
            lastError = null;
            if (exists) {
                LOG.info("Connector {} reconfigured from {} (changed: {})", name, source, changedKeys(running, config));
            } else {
                LOG.info("Connector {} created from {}", name, source);
            }
        } catch (IllegalStateException e) {
            LOG.info("Connector {} from {} is deployed when the worker runs: {}", name, source, e.getMessage());
        } catch (RuntimeException e) {
            // valid, yet the worker failed to apply it: tried again when the worker next starts
            reject(exists, "The configuration in " + source + " could not be applied: " + e.getMessage());
        }
    }

    // Stays pending: a worker that starts again (a connector bundle came) may accept it then.
    private void reject(boolean previousRuns, String error) {
        if (!error.equals(lastError)) {
            LOG.error("Connector {} was not {}. {}{}", name, previousRuns ? "reconfigured" : "created", error,
                    previousRuns ? " The previous configuration keeps running." : "");
            lastError = error;
        }
        worker.reportConfigError(name, error);
    }

    static String changedKeys(Map<String, String> before, Map<String, String> after) {
        java.util.TreeSet<String> keys = new java.util.TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        keys.removeIf(key -> Objects.equals(before.get(key), after.get(key)));
        return String.join(", ", keys);
    }

    private void delete() {
        try {
            worker.deleteConnector(name);
            LOG.info("Connector {} deleted: {} was removed", name, source);
        } catch (RuntimeException e) {
            // Deleted already (through REST, whose deletion removed this configuration) or never created.
            LOG.debug("Connector {} was not deleted: {}", name, e.toString());
        }
        worker.reportConfigError(name, null);
    }

    String name() {
        return name;
    }

    boolean pending() {
        return pending;
    }

    @Override
    public String toString() {
        return "ConnectorDeployment[" + name + " from " + Objects.toString(source) + "]";
    }
}
