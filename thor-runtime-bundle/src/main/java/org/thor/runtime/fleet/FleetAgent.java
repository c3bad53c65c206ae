package org.thor.runtime.fleet;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.util.TopicAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thor.runtime.StreamFigures;
import org.thor.runtime.ThorWorker;
import org.thor.runtime.deploy.FleetConfigurations;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * This Thor as a member of the fleet, for one {@code org.thor.fleet} configuration: it reads the
 * configuration topic, applies what it gives this host, and writes the host's status. Everything but
 * the topic's reading runs on one thread of its own, so that the applier and the reporter need no locks.
 */
final class FleetAgent {

    private static final Logger LOG = LoggerFactory.getLogger(FleetAgent.class);
    private static final long STATUS_CHECK_MS = 1_000;

    private final FleetSettings settings;
    private final Map<String, Object> clientSettings;
    private final ClassLoader runtimeLoader;
    private final FleetApplier applier;
    private final DesiredConfigurations desired = new DesiredConfigurations();
    private final ScheduledExecutorService thread;
    private final AtomicBoolean applyQueued = new AtomicBoolean();
    private final TopicAdmin admin;
    private final ConfigTopic configTopic;
    private final Producer<String, byte[]> statusProducer;
    private final StatusReporter status;
    private volatile boolean stopped;
    // Set on the fleet thread once the configuration topic has been read to its end.
    private boolean topicRead;

    FleetAgent(FleetSettings settings, Map<String, Object> clientSettings, ThorWorker worker, FleetConfigurations configurations,
               String version, Function<String, List<StreamFigures>> streams) {
        this.settings = settings;
        this.clientSettings = clientSettings;
        this.runtimeLoader = getClass().getClassLoader();
        this.applier = new FleetApplier(configurations, worker);
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread fleetThread = new Thread(runnable, "thor-fleet");
            // Kafka's clients load config providers through it, and the KafkaBasedLog thread inherits it
            fleetThread.setContextClassLoader(runtimeLoader);
            return fleetThread;
        });
        ClassLoader saved = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(runtimeLoader);
        try {
            this.admin = new TopicAdmin(clientSettings);
            this.configTopic = new ConfigTopic(settings.configTopic(), clientSettings, admin, desired, this::requestApply);
            this.statusProducer = new KafkaProducer<>(statusProducerSettings());
        } finally {
            Thread.currentThread().setContextClassLoader(saved);
        }
        this.status = new StatusReporter(settings, version, worker, statusProducer, streams);
    }

    void start() {
        thread.execute(this::connect);
        LOG.info("Fleet member {} (labels {}) reads {} and writes its status to {}", settings.host(), settings.allLabels(),
                settings.configTopic(), settings.statusTopic());
    }

    /** Applies the topic again, e.g. after the worker restarted or a local configuration came or went. */
    void reapply(boolean validateRejectedAgain) {
        if (validateRejectedAgain) {
            onFleetThread(applier::forgetRejections);
        }
        requestApply();
    }

    long write(FleetKey key, Map<String, String> config) {
        return configTopic.write(key, config);
    }

    List<DesiredConfigurations.Desired> desired() {
        return desired.all();
    }

    Map<String, HostStatus> hosts() {
        ClassLoader saved = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(runtimeLoader);
        try {
            return StatusTopicReader.readAll(settings.statusTopic(), clientSettings);
        } finally {
            Thread.currentThread().setContextClassLoader(saved);
        }
    }

    void stop() {
        stopped = true;
        thread.shutdownNow();
        try {
            thread.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        configTopic.stop();
        statusProducer.close();
        admin.close();
    }

    private void connect() {
        try {
            if (!configTopic.start(() -> stopped)) {
                return;
            }
            topicRead = true;
            admin.createOrFindTopics(TopicAdmin.defineTopic(settings.statusTopic()).compacted().defaultPartitions()
                    .defaultReplicationFactor().build());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            LOG.error("The fleet status topic {} could not be created: {}", settings.statusTopic(), e.toString(), e);
        }
        thread.scheduleWithFixedDelay(this::reportStatus, STATUS_CHECK_MS, STATUS_CHECK_MS, TimeUnit.MILLISECONDS);
    }

    private void requestApply() {
        if (!stopped && applyQueued.compareAndSet(false, true)) {
            onFleetThread(this::apply);
        }
    }

    private void onFleetThread(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException e) {
            // stopping: what is left to apply is applied by the next start
        }
    }

    private void apply() {
        applyQueued.set(false);
        // Not before the whole topic is read: a partial read would remove the connectors of the records not read yet.
        if (!topicRead) {
            return;
        }
        try {
            status.outcome(applier.apply(desired.resolve(settings.host(), settings.labels()), desired.lastOffset()));
        } catch (IOException | RuntimeException e) {
            LOG.error("Applying the fleet configuration failed: {}", e.toString(), e);
        }
    }

    private void reportStatus() {
        try {
            status.report();
        } catch (RuntimeException e) {
            LOG.warn("The fleet status could not be reported: {}", e.toString());
        }
    }

    private Map<String, Object> statusProducerSettings() {
        Map<String, Object> producerSettings = new HashMap<>(clientSettings);
        producerSettings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producerSettings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producerSettings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return producerSettings;
    }
}
