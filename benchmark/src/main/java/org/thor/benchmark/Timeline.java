package org.thor.benchmark;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.thor.kraft.KraftBroker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** A tool's run over time: every 100 ms, the records in its topic and its process's RSS (0: not measured). */
final class Timeline implements AutoCloseable {

    record Sample(double seconds, long records, long rssMegabytes) {
    }

    private final Admin admin;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private final List<Sample> samples = new ArrayList<>();

    private Timeline(Admin admin) {
        this.admin = admin;
    }

    static Timeline start(KraftBroker broker, String topic, LongSupplier rssMegabytes) {
        Timeline timeline = new Timeline(broker.admin());
        TopicPartition partition = new TopicPartition(topic, 0);
        long start = System.nanoTime();
        timeline.sampler.scheduleAtFixedRate(() -> {
            try {
                long records = timeline.admin.listOffsets(Map.of(partition, OffsetSpec.latest())).all().get()
                        .get(partition).offset();
                timeline.add(new Sample((System.nanoTime() - start) / 1e9, records, rssMegabytes.getAsLong()));
            } catch (Exception e) {
                // a sample missed; the next one comes 100 ms later
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
        return timeline;
    }

    private synchronized void add(Sample sample) {
        samples.add(sample);
    }

    synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    @Override
    public void close() throws InterruptedException {
        sampler.shutdownNow();
        sampler.awaitTermination(10, TimeUnit.SECONDS);
        admin.close();
    }
}
