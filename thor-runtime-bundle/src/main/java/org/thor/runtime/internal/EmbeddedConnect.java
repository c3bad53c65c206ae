package org.thor.runtime.internal;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;
import org.apache.kafka.connect.runtime.Worker;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.runtime.isolation.BundlePlugins;
import org.apache.kafka.connect.runtime.isolation.Plugins;
import org.apache.kafka.connect.runtime.rest.ConnectRestServer;
import org.apache.kafka.connect.runtime.rest.RestClient;
import org.apache.kafka.connect.runtime.standalone.StandaloneConfig;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.apache.kafka.connect.storage.FileOffsetBackingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thor.runtime.ThorWorkerListener;

import java.net.URI;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One Kafka Connect standalone worker, built from its parts the way Connect's standalone command
 * builds it, without its JVM shutdown hook. It starts in three steps so that a bad configuration
 * or a busy port fails at once, while an unreachable Kafka cluster is waited for.
 */
final class EmbeddedConnect {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedConnect.class);
    private static final long PROBE_TIMEOUT_MS = 10_000;
    private static final long RETRY_BACKOFF_MS = 2_000;

    private final Plugins plugins;
    private final StandaloneConfig config;
    private final ConnectRestServer rest;
    private StandaloneHerder herder;

    private EmbeddedConnect(Plugins plugins, StandaloneConfig config, ConnectRestServer rest) {
        this.plugins = plugins;
        this.config = config;
        this.rest = rest;
    }

    /**
     * Validates the configuration, finds the plugins and binds the REST listeners. Throws, having
     * released whatever it took, if a key is invalid or a port is busy.
     */
    static EmbeddedConnect prepare(Map<String, String> props, ClassLoader runtimeLoader, Collection<ClassLoader> pluginLoaders) {
        Plugins plugins = BundlePlugins.create(props, runtimeLoader, pluginLoaders);
        ClassLoader saved = plugins.compareAndSwapWithDelegatingLoader();
        ConnectRestServer rest = null;
        try {
            StandaloneConfig config = new StandaloneConfig(props);
            rest = new ConnectRestServer(config.rebalanceTimeout(), new RestClient(config), config.originals());
            rest.initializeServer();
            return new EmbeddedConnect(plugins, config, rest);
        } catch (RuntimeException e) {
            if (rest != null) {
                rest.stop();
            }
            throw e;
        } finally {
            Plugins.compareAndSwapLoaders(saved);
        }
    }

    /**
     * Waits until the Kafka cluster answers, asking again every few seconds (Connect itself would
     * give up after one try); returns false if {@code cancelled} turned true first.
     */
    boolean awaitKafka(BooleanSupplier cancelled) {
        Map<String, Object> adminProps = new HashMap<>(config.originals());
        adminProps.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT_MS);
        adminProps.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT_MS);
        boolean reported = false;
        while (!cancelled.getAsBoolean()) {
            try (Admin admin = Admin.create(adminProps)) {
                admin.describeCluster().clusterId().get(PROBE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) {
                if (!reported) {
                    LOG.warn("Kafka cluster at bootstrap.servers={} does not answer ({}); the worker starts when it does",
                            config.getList(WorkerConfig.BOOTSTRAP_SERVERS_CONFIG), e.toString());
                    reported = true;
                }
            }
            if (!pause(cancelled)) {
                return false;
            }
        }
        return false;
    }

    /**
     * Starts the worker and its herder, and serves the REST resources, which report their connector
     * changes to {@code restChanges} and refuse {@code unknownKeys}.
     */
    void startHerder(ThorWorkerListener restChanges, UnknownKeys unknownKeys) {
        NativeCompression.enable();
        ClassLoader saved = plugins.compareAndSwapWithDelegatingLoader();
        try {
            URI advertised = rest.advertisedUrl();
            String workerId = advertised.getHost() + ":" + advertised.getPort();
            ConnectorClientConfigOverridePolicy policy = plugins.newPlugin(
                    config.getString(WorkerConfig.CONNECTOR_CLIENT_POLICY_CLASS_CONFIG), config,
                    ConnectorClientConfigOverridePolicy.class);
            FileOffsetBackingStore offsets = new DurableFileOffsetBackingStore(plugins.newInternalConverter(
                    true, JsonConverter.class.getName(), Map.of(JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, "false")));
            offsets.configure(config);
            Worker worker = new Worker(workerId, Time.SYSTEM, plugins, config, offsets, policy);
            herder = new StandaloneHerder(worker, config.kafkaClusterId(), policy);
            herder.start();
            rest.initializeResources(RestObservedHerder.wrap(herder, restChanges, unknownKeys));
            herder.ready();
        } catch (RuntimeException e) {
            stop();
            throw e;
        } finally {
            Plugins.compareAndSwapLoaders(saved);
        }
    }

    /** The herder, once {@link #startHerder()} has returned. */
    StandaloneHerder herder() {
        return herder;
    }

    URI restUrl() {
        return rest.advertisedUrl();
    }

    /** Stops the REST server, then the herder with its connectors, tasks and offset store. */
    void stop() {
        try {
            rest.stop();
        } finally {
            if (herder != null) {
                herder.stop();
                herder = null;
            }
        }
    }

    private static boolean pause(BooleanSupplier cancelled) {
        long until = System.currentTimeMillis() + RETRY_BACKOFF_MS;
        while (System.currentTimeMillis() < until) {
            if (cancelled.getAsBoolean()) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
