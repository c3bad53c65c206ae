package org.thor.runtime.fleet;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.util.KafkaBasedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Reads the status topic once, to its end: the last status of every host, by host name. */
final class StatusTopicReader {

    private static final Logger LOG = LoggerFactory.getLogger(StatusTopicReader.class);

    private StatusTopicReader() {
    }

    static Map<String, HostStatus> readAll(String topic, Map<String, Object> clientSettings) {
        Map<String, HostStatus> hosts = new TreeMap<>();
        Map<String, Object> settings = new HashMap<>(clientSettings);
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        KafkaBasedLog<String, byte[]> log = new KafkaBasedLog<>(topic, null, settings, () -> null,
                (error, record) -> take(hosts, record), Time.SYSTEM, admin -> { }) {
            @Override
            protected Producer<String, byte[]> createProducer() {
                return null;
            }
        };
        try {
            log.start();
        } finally {
            log.stop();
        }
        return hosts;
    }

    private static void take(Map<String, HostStatus> hosts, ConsumerRecord<String, byte[]> record) {
        if (record == null || record.key() == null) {
            return;
        }
        if (record.value() == null) {
            hosts.remove(record.key());
            return;
        }
        try {
            hosts.put(record.key(), HostStatus.fromJson(record.value()));
        } catch (IOException e) {
            LOG.debug("Status of {} at offset {} is not readable: {}", record.key(), record.offset(), e.toString());
        }
    }
}
