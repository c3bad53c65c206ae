package org.thor.kraft;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KraftBrokerTest {

    @Test
    void recordsSurviveAStopAndStartOnTheSamePort(@TempDir Path directory) throws Exception {
        List<String> sent = IntStream.range(0, 100).mapToObj(i -> "line " + i).toList();
        try (KraftBroker broker = KraftBroker.start(directory)) {
            assertTrue(broker.bootstrapServers().startsWith("127.0.0.1:"));
            broker.createTopic("survivors", 1);
            send(broker, "survivors", sent);

            broker.stop();
            assertFalse(broker.isRunning());
            assertThrows(IOException.class, () -> new Socket(InetAddress.getLoopbackAddress(), broker.port()).close());

            broker.start();
            try (TopicReader reader = new TopicReader(broker.bootstrapServers(), "survivors")) {
                assertEquals(sent, TopicReader.values(reader.read(sent.size(), Duration.ofSeconds(30))));
            }
        }
    }

    private static void send(KraftBroker broker, String topic, List<String> values) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            values.forEach(value -> producer.send(new ProducerRecord<>(topic, value)));
        }
    }
}
