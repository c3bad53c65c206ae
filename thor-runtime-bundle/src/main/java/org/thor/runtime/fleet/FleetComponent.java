package org.thor.runtime.fleet;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thor.runtime.ConfigProblem;
import org.thor.runtime.LogStreams;
import org.thor.runtime.ThorWorker;
import org.thor.runtime.ThorWorkerListener;
import org.thor.runtime.deploy.ConnectorProperties;
import org.thor.runtime.deploy.FleetConfigurations;
import org.thor.runtime.streams.AllLogStreams;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fleet member of this Thor, configured by {@code org.thor.fleet}: started when
 * {@code fleet.enabled} is true, restarted when its configuration or the worker's Kafka settings
 * change. It applies the topic again when the worker has started (a connector plugin may have come)
 * and when a local connector configuration comes or goes (a conflict may have appeared or ended).
 */
@Component(service = {Fleet.class, ThorWorkerListener.class, ConfigurationListener.class},
        configurationPid = FleetComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
@Designate(ocd = FleetConfiguration.class)
public class FleetComponent implements Fleet, ThorWorkerListener, ConfigurationListener {

    static final String PID = "org.thor.fleet";
    private static final Logger LOG = LoggerFactory.getLogger(FleetComponent.class);

    private final ThorWorker worker;
    private final FleetConfigurations configurations;
    private final String version;
    private FleetSettings settings;
    private Map<String, Object> clientSettings;
    private volatile FleetAgent agent;
    /** The log-file connectors' services: the figures of their streams. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<LogStreams> logStreams;
    private final LogStreams allLogStreams = new AllLogStreams(() -> Objects.requireNonNullElse(logStreams, List.of()));

    @Activate
    public FleetComponent(@Reference ThorWorker worker, @Reference ConfigurationAdmin configAdmin, BundleContext context,
                          FleetConfiguration config, Map<String, Object> properties) {
        this.worker = worker;
        this.configurations = new FleetConfigurations(configAdmin);
        this.version = context.getBundle().getVersion().toString();
        configure(config, properties);
    }

    @Modified
    synchronized void configure(FleetConfiguration config, Map<String, Object> properties) {
        settings = FleetSettings.from(config, properties);
        restart();
    }

    @Deactivate
    synchronized void deactivate() {
        stopAgent();
    }

    @Override
    public synchronized void workerStarted() {
        if (settings.enabled() && !Objects.equals(clientSettings, settings.clientSettings(worker.kafkaClientSettings()))) {
            restart();
        } else if (agent != null) {
            agent.reapply(true);
        }
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        FleetAgent current = agent;
        if (current != null && ConnectorProperties.FACTORY_PID.equals(event.getFactoryPid())) {
            current.reapply(false);
        }
    }

    @Override
    public boolean enabled() {
        return agent != null;
    }

    @Override
    public long push(FleetKey key, Map<String, String> config) {
        List<ConfigProblem> secrets = FleetValidation.plainSecrets(config);
        if (!secrets.isEmpty()) {
            throw new IllegalArgumentException(secrets.get(0).toString());
        }
        return running().write(key, config);
    }

    @Override
    public long delete(FleetKey key) {
        return running().write(key, null);
    }

    @Override
    public List<DesiredConfigurations.Desired> desired() {
        return running().desired();
    }

    @Override
    public Map<String, HostStatus> hosts() {
        return running().hosts();
    }

    private FleetAgent running() {
        FleetAgent current = agent;
        if (current == null) {
            throw new IllegalStateException("the fleet is not enabled here: set fleet.enabled = true in etc/" + PID + ".cfg");
        }
        return current;
    }

    private void restart() {
        stopAgent();
        if (!settings.enabled()) {
            return;
        }
        clientSettings = settings.clientSettings(worker.kafkaClientSettings());
        try {
            FleetAgent started = new FleetAgent(settings, clientSettings, worker, configurations, version, allLogStreams::figures);
            started.start();
            agent = started;
        } catch (RuntimeException e) {
            LOG.error("The fleet member did not start; check the Kafka settings of {} and {}: {}", PID, "org.thor.worker",
                    e.getMessage(), e);
        }
    }

    private void stopAgent() {
        FleetAgent current = agent;
        agent = null;
        if (current != null) {
            current.stop();
        }
    }
}
