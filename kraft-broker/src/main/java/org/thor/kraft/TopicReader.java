package org.thor.kraft;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a topic from its beginning, as a user checking what arrived would. */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;

    public TopicReader(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (partitions.isEmpty() && System.nanoTime() < deadline) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        if (partitions.isEmpty()) {
            consumer.close();
            throw new IllegalStateException("Topic " + topic + " does not exist");
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /**
     * Polls until at least {@code count} records have been read in all, or {@code timeout} has
     * passed; returns what was read in this call.
     */
    public List<ConsumerRecord<String, String>> read(int count, Duration timeout) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (records.size() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }

    /**
     * Reads until the topic has been quiet for {@code quiet} (for five minutes at the most); returns
     * what was read in this call.
     */
    public List<ConsumerRecord<String, String>> readUntilQuiet(Duration quiet) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long quietUntil = System.nanoTime() + quiet.toNanos();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < quietUntil && System.nanoTime() < deadline) {
            int before = records.size();
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            if (records.size() > before) {
                quietUntil = System.nanoTime() + quiet.toNanos();
            }
        }
        return records;
    }

    /** The values of the records read, in order, for tests that compare whole sequences. */
    public static List<String> values(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::value).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
