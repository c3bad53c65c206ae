package org.thor.runtime.fleet;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.thor.kraft.KraftBroker;
import org.thor.runtime.FakeThorWorker;
import org.thor.runtime.InMemoryConfigurationAdmin;
import org.thor.runtime.deploy.FleetConfigurations;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Not a CI test: {@code -Dfleet.scale.hosts=N} simulated Thors (the fleet member's code without
 * Karaf: a worker and configuration admin in memory, real Kafka clients) against a local broker, ten
 * labels among them. A push to {@code all}, then to one label; per push, the time from the push to
 * each host's status showing the push applied (p50, p99, max), the broker's CPU over the pushes, and
 * the topics' sizes. Run:
 * {@code mvn -B -pl thor-runtime-bundle test -Dtest=FleetScaleBenchmark -Dfleet.scale.hosts=100}.
 */
@EnabledIfSystemProperty(named = "fleet.scale.hosts", matches = "\\d+")
class FleetScaleBenchmark {

    private static final String CONFIG_TOPIC = "scale.config";
    private static final String STATUS_TOPIC = "scale.status";
    private static final int LABELS = 10;
    private static final Duration WAIT = Duration.ofMinutes(10);

    @TempDir
    Path directory;

    @Test
    void pushToAllAndToOneLabel() throws Exception {
        int hosts = Integer.getInteger("fleet.scale.hosts");
        try (KraftBroker broker = KraftBroker.start(directory.resolve("broker"))) {
            Map<String, Object> clients = Map.of("bootstrap.servers", broker.bootstrapServers());
            List<FleetAgent> agents = new ArrayList<>();
            long startedAt = System.nanoTime();
            try (StatusWatch watch = new StatusWatch(broker.bootstrapServers())) {
                for (int n = 0; n < hosts; n++) {
                    FleetSettings settings = new FleetSettings(true, CONFIG_TOPIC, STATUS_TOPIC, "host-" + n,
                            List.of("group-" + n % LABELS), 30_000, Map.of());
                    FleetAgent agent = new FleetAgent(settings, clients, new FakeThorWorker(),
                            new FleetConfigurations(new InMemoryConfigurationAdmin().service()), "benchmark", connector -> List.of());
                    agent.start();
                    agents.add(agent);
                }
                watch.awaitHosts(hosts, status -> true, 0);
                System.out.printf("%d fleet members started and reporting in %d s%n", hosts,
                        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedAt));
                Duration brokerCpuBefore = brokerCpu();
                report("all", hosts, push(agents.get(0), FleetTarget.ALL, "bench-all", watch, hosts));
                report("label:group-3", hosts / LABELS, push(agents.get(0), FleetTarget.label("group-3"), "bench-label", watch, hosts / LABELS));
                Duration brokerCpuAfter = brokerCpu();
                System.out.printf("broker CPU: %d ms over both pushes, %d ms since it started%n",
                        brokerCpuAfter.minus(brokerCpuBefore).toMillis(), brokerCpuAfter.toMillis());
                try (Admin admin = broker.admin()) {
                    System.out.printf("topic sizes: %s%n", topicSizes(admin));
                }
            } finally {
                agents.forEach(FleetAgent::stop);
            }
        }
    }

    private static List<Long> push(FleetAgent from, FleetTarget target, String connector, StatusWatch watch, int expected) throws Exception {
        long pushedAt = System.currentTimeMillis();
        long offset = from.write(new FleetKey(target, connector),
                Map.of("connector.class", "org.thor.file.LogFileSourceConnector", "topic", connector, "files", "/var/log/" + connector + ".log"));
        return watch.awaitHosts(expected, status -> status.appliedOffset() >= offset && status.connectors().containsKey(connector), pushedAt);
    }

    private static void report(String target, int hosts, List<Long> latencies) {
        List<Long> sorted = latencies.stream().sorted().toList();
        System.out.printf("push to %-14s %5d hosts  p50 %5d ms  p99 %5d ms  max %5d ms%n", target, hosts,
                percentile(sorted, 50), percentile(sorted, 99), sorted.get(sorted.size() - 1));
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    // The broker is this JVM's only child that runs (its command line, with the whole class path, is not always readable).
    private static Duration brokerCpu() {
        return ProcessHandle.current().children()
                .map(process -> process.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    private static Map<String, Long> topicSizes(Admin admin) throws Exception {
        Map<String, Long> sizes = new HashMap<>(Map.of(CONFIG_TOPIC, 0L, STATUS_TOPIC, 0L));
        for (Map<String, LogDirDescription> broker : admin.describeLogDirs(List.of(1)).allDescriptions().get().values()) {
            for (LogDirDescription logDir : broker.values()) {
                logDir.replicaInfos().forEach((partition, replica) -> sizes.computeIfPresent(partition.topic(), (topic, size) -> size + replica.size()));
            }
        }
        return sizes;
    }

    /** The status topic as it is written: for each host, the first status that meets a condition. */
    private static final class StatusWatch implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;

        StatusWatch(String bootstrapServers) {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                    new StringDeserializer(), new ByteArrayDeserializer());
        }

        /** Waits until {@code hosts} hosts wrote a status meeting the condition; returns each one's time from {@code since} (ms). */
        List<Long> awaitHosts(int hosts, Predicate<HostStatus> condition, long since) throws IOException {
            Map<String, Long> seen = new HashMap<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (seen.size() < hosts && System.nanoTime() < deadline) {
                if (consumer.assignment().isEmpty()) {
                    assignWhenCreated();
                    continue;
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    HostStatus status = HostStatus.fromJson(record.value());
                    if (condition.test(status)) {
                        seen.putIfAbsent(record.key(), status.time() - since);
                    }
                }
            }
            if (seen.size() < hosts) {
                throw new IllegalStateException(seen.size() + " of " + hosts + " hosts within " + WAIT);
            }
            return List.copyOf(seen.values());
        }

        private void assignWhenCreated() {
            List<TopicPartition> partitions = consumer.partitionsFor(STATUS_TOPIC, Duration.ofSeconds(5)).stream()
                    .map(info -> new TopicPartition(STATUS_TOPIC, info.partition())).toList();
            if (!partitions.isEmpty()) {
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
            }
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
