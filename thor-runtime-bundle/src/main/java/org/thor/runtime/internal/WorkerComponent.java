package org.thor.runtime.internal;

import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.thor.runtime.ConnectorStatus;
import org.thor.runtime.ThorWorker;

import java.io.File;
import java.net.URI;
import java.util.Collection;
import java.util.Map;

/**
 * The Kafka Connect worker of this container, configured by {@code org.thor.worker}: built when the
 * component activates, restarted when its configuration changes, stopped (threads, ports and files
 * released) when it deactivates.
 */
@Component(service = ThorWorker.class, configurationPid = WorkerComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
@Designate(ocd = WorkerConfiguration.class)
public class WorkerComponent implements ThorWorker {

    static final String PID = "org.thor.worker";

    private WorkerSupervisor supervisor;
    private ConnectorBundleTracker pluginBundles;
    private File dataDirectory;

    @Activate
    void activate(BundleContext context, WorkerConfiguration config, Map<String, Object> properties) {
        dataDirectory = WorkerProperties.dataDirectory(context.getDataFile(""));
        Map<String, String> props = workerProps(config, properties);
        supervisor = new WorkerSupervisor(getClass().getClassLoader());
        pluginBundles = new ConnectorBundleTracker(context, supervisor);
        pluginBundles.open();
        try {
            supervisor.start(props);
        } catch (RuntimeException e) {
            deactivate();
            throw new IllegalArgumentException("Invalid configuration " + PID + ": " + e.getMessage(), e);
        }
    }

    @Modified
    void modified(WorkerConfiguration config, Map<String, Object> properties) {
        supervisor.reconfigure(workerProps(config, properties));
    }

    @Deactivate
    void deactivate() {
        pluginBundles.close();
        supervisor.close();
    }

    @Override
    public URI restUrl() {
        return supervisor.restUrl();
    }

    @Override
    public Collection<String> connectors() {
        return supervisor.herder().connectors();
    }

    @Override
    public Map<String, String> connectorConfig(String name) {
        return supervisor.herder().connectorInfo(name).config();
    }

    @Override
    public void putConnector(String name, Map<String, String> config) {
        HerderCalls.<Herder.Created<ConnectorInfo>>await(callback -> supervisor.herder().putConnectorConfig(name, config, true, callback));
    }

    @Override
    public void deleteConnector(String name) {
        supervisor.forgetWaitingConnector(name);
        HerderCalls.<Herder.Created<ConnectorInfo>>await(callback -> supervisor.herder().deleteConnectorConfig(name, callback));
    }

    @Override
    public ConnectorStatus status(String name) {
        ConnectorStateInfo info = supervisor.herder().connectorStatus(name);
        return new ConnectorStatus(info.name(), info.connector().state(), info.connector().trace(),
                info.tasks().stream()
                        .map(task -> new ConnectorStatus.TaskStatus(task.id(), task.state(), task.trace()))
                        .toList());
    }

    private Map<String, String> workerProps(WorkerConfiguration config, Map<String, Object> properties) {
        Map<String, String> props = WorkerProperties.from(config, properties, dataDirectory);
        new File(props.get("offset.storage.file.filename")).getAbsoluteFile().getParentFile().mkdirs();
        return props;
    }
}
