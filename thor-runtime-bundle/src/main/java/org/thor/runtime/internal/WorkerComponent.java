package org.thor.runtime.internal;

import org.apache.kafka.connect.errors.NotFoundException;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.RestartRequest;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorOffsets;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.thor.runtime.ConfigProblem;
import org.thor.runtime.ConnectorOffset;
import org.thor.runtime.ConnectorStatus;
import org.thor.runtime.LogStreams;
import org.thor.runtime.ThorWorker;
import org.thor.runtime.ThorWorkerListener;
import org.thor.runtime.streams.AllLogStreams;

import java.io.File;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

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

    private final Map<String, String> configErrors = new ConcurrentHashMap<>();
    private final WorkerEvents events = new WorkerEvents(this::isRunning);
    private final List<LogStreams> logStreams = new CopyOnWriteArrayList<>();
    private final UnknownKeys unknownKeys = new UnknownKeys(new AllLogStreams(() -> logStreams)::connectorClasses);
    private volatile WorkerSupervisor supervisor;
    private volatile Map<String, String> clientSettings = Map.of();
    private ConnectorBundleTracker pluginBundles;
    private File dataDirectory;

    @Activate
    void activate(BundleContext context, WorkerConfiguration config, Map<String, Object> properties) {
        dataDirectory = WorkerProperties.dataDirectory(context.getDataFile(""));
        Map<String, String> props = workerProps(config, properties);
        supervisor = new WorkerSupervisor(getClass().getClassLoader(), events, unknownKeys);
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
        events.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(ThorWorkerListener listener) {
        events.add(listener);
    }

    void removeListener(ThorWorkerListener listener) {
        events.remove(listener);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addLogStreams(LogStreams streams) {
        logStreams.add(streams);
    }

    void removeLogStreams(LogStreams streams) {
        logStreams.remove(streams);
    }

    private boolean isRunning() {
        WorkerSupervisor current = supervisor;
        return current != null && current.isRunning();
    }

    @Override
    public Map<String, String> kafkaClientSettings() {
        return clientSettings;
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
        configErrors.remove(name);
    }

    @Override
    public void deleteConnector(String name) {
        supervisor.forgetWaitingConnector(name);
        boolean rejectedOnly = configErrors.remove(name) != null && !supervisor.herder().connectors().contains(name);
        if (!rejectedOnly) {
            HerderCalls.<Herder.Created<ConnectorInfo>>await(callback -> supervisor.herder().deleteConnectorConfig(name, callback));
        }
    }

    @Override
    public ConnectorStatus status(String name) {
        String configError = configErrors.get(name);
        ConnectorStateInfo info;
        try {
            info = supervisor.herder().connectorStatus(name);
        } catch (NotFoundException e) {
            if (configError != null) {
                return new ConnectorStatus(name, "FAILED", null, List.of(), configError);
            }
            throw e;
        }
        return toStatus(info, configError);
    }

    @Override
    public List<ConfigProblem> validate(Map<String, String> config) {
        ConfigInfos infos;
        try {
            infos = HerderCalls.await(callback -> supervisor.herder().validateConnectorConfig(config, callback, false));
        } catch (IllegalStateException e) {
            throw e;
        } catch (RuntimeException e) {
            // Connect fails the whole validation when it cannot find the connector class.
            return List.of(new ConfigProblem("connector.class", ConnectorClassMessage.shorten(e.getMessage())));
        }
        List<ConfigProblem> problems = new ArrayList<>();
        for (ConfigInfo info : infos.configs()) {
            if (info.configValue() != null && !info.configValue().errors().isEmpty()) {
                problems.add(new ConfigProblem(info.configValue().name(), String.join("; ", info.configValue().errors())));
            }
        }
        for (String key : unknownKeys.of(config, infos)) {
            problems.add(new ConfigProblem(key, UnknownKeys.message(key, config)));
        }
        return problems;
    }

    @Override
    public void reportConfigError(String name, String error) {
        if (error == null) {
            configErrors.remove(name);
        } else {
            configErrors.put(name, error);
        }
    }

    @Override
    public Map<String, String> configErrors() {
        return new TreeMap<>(configErrors);
    }

    @Override
    public void pause(String name) {
        supervisor.herder().pauseConnector(name);
    }

    @Override
    public void resume(String name) {
        supervisor.herder().resumeConnector(name);
    }

    @Override
    public ConnectorStatus restart(String name) {
        ConnectorStateInfo info = HerderCalls.await(callback ->
                supervisor.herder().restartConnectorAndTasks(new RestartRequest(name, false, true), callback));
        return toStatus(info, configErrors.get(name));
    }

    @Override
    public List<ConnectorOffset> offsets(String name) {
        ConnectorOffsets offsets = HerderCalls.await(callback -> supervisor.herder().connectorOffsets(name, callback));
        return offsets.offsets().stream()
                .map(offset -> new ConnectorOffset(offset.partition(), offset.offset()))
                .toList();
    }

    private static ConnectorStatus toStatus(ConnectorStateInfo info, String configError) {
        return new ConnectorStatus(info.name(), info.connector().state(), info.connector().trace(),
                info.tasks().stream()
                        .map(task -> new ConnectorStatus.TaskStatus(task.id(), task.state(), task.trace()))
                        .toList(),
                configError);
    }

    private Map<String, String> workerProps(WorkerConfiguration config, Map<String, Object> properties) {
        Map<String, String> props = WorkerProperties.from(config, properties, dataDirectory);
        new File(props.get("offset.storage.file.filename")).getAbsoluteFile().getParentFile().mkdirs();
        clientSettings = KafkaClientSettings.of(props);
        return props;
    }
}
