package org.thor.file;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thor.kraft.KraftBroker;
import org.thor.kraft.TopicReader;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.lang.management.MemoryMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The broker goes away for a minute while the application keeps logging. */
class BrokerOutageTest {

    private static final int MAX_IN_FLIGHT = 2_000;
    private static final Duration OUTAGE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void linesWrittenDuringABrokerOutageArriveAndMemoryStaysBounded() throws Exception {
        int lines = 200_000;
        String topic = "outage-" + System.nanoTime();
        try (KraftBroker broker = KraftBroker.start(dir.resolve("broker"))) {
            broker.createTopic(topic, 1);
            Path logs = Files.createDirectories(dir.resolve("logs"));
            Map<String, String> connector = WorkerDeliveryTest.connector(topic, logs,
                    Map.of("max.in.flight.records", Integer.toString(MAX_IN_FLIGHT)));
            // about 80 s of logging: before, during and after the outage
            RollingWriter writer = new RollingWriter(logs, lines, 20_000, 1_000, 400);
            try (ConnectWorker worker = ConnectWorker.start(dir.resolve("worker"), broker.bootstrapServers(), connector);
                 JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(
                         "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + worker.jmxPort() + "/jmxrmi"))) {
                MBeanServerConnection mbeans = jmx.getMBeanServerConnection();
                ObjectName task = mbeans.queryNames(new ObjectName("org.thor:type=LogFileSource,*"), null)
                        .iterator().next();
                writer.startThread();
                await().atMost(Duration.ofSeconds(30)).until(() -> writer.written.get() >= 10_000);

                broker.stop();
                long outageEnds = System.nanoTime() + OUTAGE.toNanos();
                long maxHeapUsed = 0;
                long maxBehind = 0;
                while (System.nanoTime() < outageEnds) {
                    int inFlight = (Integer) mbeans.getAttribute(task, "RecordsInFlight");
                    assertTrue(inFlight <= MAX_IN_FLIGHT, inFlight + " records in flight");
                    maxBehind = Math.max(maxBehind, (Long) mbeans.getAttribute(task, "BytesBehind"));
                    MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(mbeans,
                            ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
                    maxHeapUsed = Math.max(maxHeapUsed, memory.getHeapMemoryUsage().getUsed());
                    Thread.sleep(1_000); // sampling the worker once a second, not waiting for a condition
                }
                int linesDuringOutage = writer.written.get();
                broker.start();

                List<ConsumerRecord<String, String>> records = new ArrayList<>();
                try (TopicReader reader = new TopicReader(broker.bootstrapServers(), topic)) {
                    await().atMost(Duration.ofMinutes(3)).until(() -> {
                        records.addAll(reader.read(1, Duration.ofMillis(200)));
                        return writer.done() && records.size() >= lines;
                    });
                    records.addAll(reader.readUntilQuiet(Duration.ofSeconds(2)));
                }
                int peak = (Integer) mbeans.getAttribute(task, "MaxRecordsInFlight");
                int duplicates = Delivery.assertInOrderWithOneReplay(LogFiles.lines(0, lines), TopicReader.values(records));
                System.out.printf("broker down for %d s while %d lines were written: all %d lines arrived, %d twice; "
                                + "peak records in flight %d (bound %d), peak bytes behind %d, peak worker heap %d MB%n",
                        OUTAGE.toSeconds(), linesDuringOutage, lines, duplicates, peak, MAX_IN_FLIGHT, maxBehind,
                        maxHeapUsed >> 20);
                assertTrue(peak <= MAX_IN_FLIGHT, "peak in flight " + peak);
                assertTrue(maxHeapUsed < 256L << 20, "worker heap " + (maxHeapUsed >> 20) + " MB during the outage");
                assertTrue(maxBehind > 0, "the task stopped reading while the broker was away");
            }
        }
    }
}
