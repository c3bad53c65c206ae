package org.thor.runtime.fleet;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.util.KafkaBasedLog;
import org.apache.kafka.connect.util.TopicAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * The configuration topic, read with Connect's {@link KafkaBasedLog} as Connect reads its own
 * configuration topic: every partition assigned, read from the beginning, no consumer group, and
 * kept reading. The records go to {@link DesiredConfigurations}; once the topic has been read to
 * its end, and after each record that comes later, {@code changed} is told.
 */
final class ConfigTopic {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigTopic.class);
    private static final long SEND_TIMEOUT_SECONDS = 30;
    private static final long RETRY_BACKOFF_MS = 2_000;

    private final String topic;
    private final Map<String, Object> clientSettings;
    private final TopicAdmin admin;
    private final DesiredConfigurations desired;
    private final Runnable changed;
    private volatile KafkaBasedLog<String, byte[]> log;

    ConfigTopic(String topic, Map<String, Object> clientSettings, TopicAdmin admin, DesiredConfigurations desired, Runnable changed) {
        this.topic = topic;
        this.clientSettings = clientSettings;
        this.admin = admin;
        this.desired = desired;
        this.changed = changed;
    }

    /**
     * Creates the topic if it is missing (compacted, one partition, so that its offsets order every
     * change), reads it to its end and goes on reading; asks again every few seconds while Kafka
     * does not answer. Returns false if {@code cancelled} turned true first.
     */
    boolean start(BooleanSupplier cancelled) throws InterruptedException {
        boolean reported = false;
        while (!cancelled.getAsBoolean()) {
            KafkaBasedLog<String, byte[]> attempt = new KafkaBasedLog<>(topic, producerSettings(), consumerSettings(),
                    () -> admin, this::consumed, Time.SYSTEM,
                    topicAdmin -> topicAdmin.createOrFindTopics(
                            TopicAdmin.defineTopic(topic).compacted().partitions(1).defaultReplicationFactor().build()));
            try {
                attempt.start();
                log = attempt;
                LOG.info("Fleet configuration topic {} read up to offset {}", topic, desired.lastOffset());
                changed.run();
                return true;
            } catch (RuntimeException e) {
                attempt.stop();
                if (!reported) {
                    LOG.warn("The fleet configuration topic {} cannot be read ({}); the connectors applied last keep running "
                            + "and the topic is read as soon as Kafka answers", topic, e.getMessage());
                    reported = true;
                }
                Thread.sleep(RETRY_BACKOFF_MS);
            }
        }
        return false;
    }

    /** Writes a record (a {@code null} value is a tombstone) and returns its offset once Kafka has it. */
    long write(FleetKey key, Map<String, String> config) {
        KafkaBasedLog<String, byte[]> current = log;
        if (current == null) {
            throw new IllegalStateException("the fleet has not reached the configuration topic " + topic + " yet");
        }
        try {
            RecordMetadata written = current.sendWithReceipt(key.toString(), config == null ? null : ConfigRecords.write(config))
                    .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return written.offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not write to " + topic + ": " + e, e);
        }
    }

    void stop() {
        KafkaBasedLog<String, byte[]> current = log;
        log = null;
        if (current != null) {
            current.stop();
        }
    }

    private void consumed(Throwable error, ConsumerRecord<String, byte[]> record) {
        if (error != null) {
            LOG.warn("Reading the fleet configuration topic {} failed: {}", topic, error.toString());
            return;
        }
        try {
            desired.record(record.key(), record.value(), record.offset());
        } catch (IllegalArgumentException e) {
            LOG.warn("Fleet record at offset {} of {} ignored: {}", record.offset(), topic, e.getMessage());
        }
        // records read by start() are applied together once it has read them all
        if (log != null) {
            changed.run();
        }
    }

    private Map<String, Object> producerSettings() {
        Map<String, Object> settings = new HashMap<>(clientSettings);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return settings;
    }

    private Map<String, Object> consumerSettings() {
        Map<String, Object> settings = new HashMap<>(clientSettings);
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return settings;
    }
}
