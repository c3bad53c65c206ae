package org.thor.runtime.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thor.runtime.ThorWorkerListener;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Hands the worker's events to the {@link ThorWorkerListener} services, in order, on one thread of
 * its own: never on a herder thread, which may hold the herder's lock.
 */
final class WorkerEvents implements ThorWorkerListener {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerEvents.class);

    private final List<ThorWorkerListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "thor-worker-events"));
    private final BooleanSupplier workerRunning;

    WorkerEvents(BooleanSupplier workerRunning) {
        this.workerRunning = workerRunning;
    }

    /** Adds a listener; one that comes while the worker runs is told it started, so that it never misses the start. */
    void add(ThorWorkerListener listener) {
        listeners.add(listener);
        if (workerRunning.getAsBoolean()) {
            dispatch(List.of(listener), ThorWorkerListener::workerStarted);
        }
    }

    void remove(ThorWorkerListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void configuredThroughRest(String name, Map<String, String> config) {
        dispatch(listeners, listener -> listener.configuredThroughRest(name, config));
    }

    @Override
    public void deletedThroughRest(String name) {
        dispatch(listeners, listener -> listener.deletedThroughRest(name));
    }

    @Override
    public void workerStarted() {
        dispatch(listeners, ThorWorkerListener::workerStarted);
    }

    void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void dispatch(List<ThorWorkerListener> to, Consumer<ThorWorkerListener> event) {
        if (thread.isShutdown()) {
            return;
        }
        try {
            thread.execute(() -> {
                for (ThorWorkerListener listener : to) {
                    try {
                        event.accept(listener);
                    } catch (RuntimeException e) {
                        LOG.error("A Thor worker listener failed: {}", e.toString(), e);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            // closing: nobody is left to tell
        }
    }
}
