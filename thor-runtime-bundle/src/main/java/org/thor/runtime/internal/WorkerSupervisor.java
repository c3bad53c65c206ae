package org.thor.runtime.internal;

import org.apache.kafka.connect.runtime.standalone.StandaloneConfig;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thor.runtime.ThorWorkerListener;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Starts, restarts and stops the embedded worker, one step at a time on its own thread: for a new
 * worker configuration, and whenever the set of connector bundles changes (Connect fixes its plugin
 * list when the worker is built). Connectors come back after a restart with their offsets.
 */
final class WorkerSupervisor implements ConnectorBundleTracker.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerSupervisor.class);
    private static final long STOP_TIMEOUT_SECONDS = 60;

    private final ClassLoader runtimeLoader;
    private final ThorWorkerListener events;
    private final UnknownKeys unknownKeys;
    private final ExecutorService control;
    private final Map<Object, ClassLoader> pluginLoaders = new LinkedHashMap<>();
    private final ConnectorSnapshot snapshot = new ConnectorSnapshot();
    private final AtomicBoolean restartQueued = new AtomicBoolean();
    // Bumped by every stop or reconfiguration, so that a start still waiting for Kafka gives up.
    private final AtomicLong generation = new AtomicLong();
    private volatile Map<String, String> props;
    private volatile EmbeddedConnect running;
    private volatile boolean started;

    WorkerSupervisor(ClassLoader runtimeLoader, ThorWorkerListener events, UnknownKeys unknownKeys) {
        this.runtimeLoader = runtimeLoader;
        this.events = events;
        this.unknownKeys = unknownKeys;
        this.control = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "thor-worker-control");
            thread.setContextClassLoader(runtimeLoader);
            return thread;
        });
    }

    /** Validates the configuration (throwing a ConfigException that names the bad key) and starts the worker. */
    void start(Map<String, String> workerProps) {
        validate(workerProps);
        props = workerProps;
        started = true;
        control.execute(this::startWorker);
    }

    /**
     * Restarts the worker with a new configuration; an invalid one is reported and the worker keeps
     * running with the configuration it has.
     */
    void reconfigure(Map<String, String> workerProps) {
        try {
            validate(workerProps);
        } catch (RuntimeException e) {
            LOG.error("The new configuration of {} is invalid and was not applied; the worker keeps running with the previous one: {}",
                    WorkerComponent.PID, e.getMessage());
            return;
        }
        props = workerProps;
        generation.incrementAndGet();
        control.execute(() -> {
            stopWorker();
            startWorker();
        });
    }

    @Override
    public void pluginAdded(Object bundle, ClassLoader loader) {
        synchronized (pluginLoaders) {
            pluginLoaders.put(bundle, loader);
        }
        requestRestart();
    }

    /** Stops the connectors before the bundle that holds their classes goes, then starts the worker without it. */
    @Override
    public void pluginRemoved(Object bundle) {
        synchronized (pluginLoaders) {
            pluginLoaders.remove(bundle);
        }
        if (started) {
            generation.incrementAndGet();
            awaitStep(control.submit(this::stopWorker));
            requestRestart();
        }
    }

    /** Stops the worker and the control thread; returns once both are gone. */
    void close() {
        started = false;
        generation.incrementAndGet();
        awaitStep(control.submit(this::stopWorker));
        control.shutdown();
        try {
            control.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The running worker's herder, or an IllegalStateException saying why there is none. */
    StandaloneHerder herder() {
        return runningWorker().herder();
    }

    boolean isRunning() {
        return running != null;
    }

    URI restUrl() {
        return runningWorker().restUrl();
    }

    void forgetWaitingConnector(String name) {
        control.execute(() -> snapshot.forget(name));
    }

    private EmbeddedConnect runningWorker() {
        EmbeddedConnect worker = running;
        if (worker == null) {
            throw new IllegalStateException("The Thor worker is not running (starting, restarting or waiting for Kafka)");
        }
        return worker;
    }

    private void requestRestart() {
        if (started && restartQueued.compareAndSet(false, true)) {
            generation.incrementAndGet();
            control.execute(() -> {
                restartQueued.set(false);
                stopWorker();
                startWorker();
            });
        }
    }

    private void startWorker() {
        if (!started || running != null) {
            return;
        }
        long myGeneration = generation.get();
        EmbeddedConnect worker;
        try {
            worker = EmbeddedConnect.prepare(props, runtimeLoader, currentPluginLoaders());
        } catch (RuntimeException e) {
            LOG.error("The Thor worker did not start: {}", e.getMessage(), e);
            return;
        }
        if (!worker.awaitKafka(() -> generation.get() != myGeneration || !started)) {
            worker.stop();
            return;
        }
        try {
            worker.startHerder(events, unknownKeys);
        } catch (RuntimeException e) {
            LOG.error("The Thor worker did not start: {}", e.getMessage(), e);
            return;
        }
        snapshot.restore(worker.herder());
        running = worker;
        LOG.info("Thor worker started; REST API at {}", worker.restUrl());
        events.workerStarted();
    }

    private void stopWorker() {
        EmbeddedConnect worker = running;
        if (worker == null) {
            return;
        }
        running = null;
        try {
            snapshot.capture(worker.herder());
        } catch (RuntimeException e) {
            LOG.warn("Could not remember the connectors before stopping the worker: {}", e.getMessage(), e);
        }
        worker.stop();
        LOG.info("Thor worker stopped");
    }

    private ArrayList<ClassLoader> currentPluginLoaders() {
        synchronized (pluginLoaders) {
            return new ArrayList<>(pluginLoaders.values());
        }
    }

    // Connect resolves the class names of its defaults through the context class loader.
    private void validate(Map<String, String> workerProps) {
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        thread.setContextClassLoader(runtimeLoader);
        try {
            new StandaloneConfig(workerProps);
        } finally {
            thread.setContextClassLoader(saved);
        }
    }

    private static void awaitStep(Future<?> step) {
        try {
            step.get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.error("Stopping the Thor worker failed: {}", e.toString(), e);
        }
    }
}
