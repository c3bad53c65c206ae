package org.thor.runtime.rest;

import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.MultiCollector;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.KafkaMetricsContext;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Value;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.management.ObjectName;
import javax.management.StandardMBean;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsTest {

    private final List<ObjectName> registered = new ArrayList<>();

    /** The attributes of the log-file connector's stream MBean, as thor-bundle registers them. */
    public interface Stream {
        String getStream();

        long getLinesRead();

        long getBytesRead();

        int getFilesOpen();

        String[] getUnreadableFilePaths();

        long getRotations();

        long getBytesBehind();

        long getOverlongLines();

        long getInvalidLines();

        long getBytesLostToRotation();

        long getLinesDropped();

        long getFormatFailures();
    }

    /** The task MBean's attribute that is not per stream. */
    public interface Task {
        int getRecordsInFlight();
    }

    @AfterEach
    void unregister() throws Exception {
        for (ObjectName name : registered) {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
        }
    }

    @Test
    void theConnectorsMBeansBecomeThorFamiliesLabelledByConnectorTaskAndStream() throws Exception {
        register("org.thor:type=LogFileStream,connector=\"nginx\",task=\"0\",stream=" + ObjectName.quote("/var/log/nginx/*.log"),
                new StandardMBean(new Stream() {
                    public String getStream() { return "/var/log/nginx/*.log"; }
                    public long getLinesRead() { return 42; }
                    public long getBytesRead() { return 4200; }
                    public int getFilesOpen() { return 2; }
                    public String[] getUnreadableFilePaths() { return new String[] {"/var/log/nginx/root-only.log"}; }
                    public long getRotations() { return 3; }
                    public long getBytesBehind() { return 17; }
                    public long getOverlongLines() { return 0; }
                    public long getInvalidLines() { return 1; }
                    public long getBytesLostToRotation() { return 0; }
                    public long getLinesDropped() { return 5; }
                    public long getFormatFailures() { return 0; }
                }, Stream.class));
        register("org.thor:type=LogFileSource,connector=\"nginx\",task=\"0\"", new StandardMBean((Task) () -> 7, Task.class));

        String text = scrape(new ThorMetrics());

        String labels = "{connector=\"nginx\",stream=\"/var/log/nginx/*.log\",task=\"0\"}";
        assertTrue(text.contains("# TYPE thor_lines_read_total counter"), text);
        assertTrue(text.contains("thor_lines_read_total" + labels + " 42.0"), text);
        assertTrue(text.contains("thor_bytes_read_total" + labels + " 4200.0"), text);
        assertTrue(text.contains("# TYPE thor_bytes_behind gauge"), text);
        assertTrue(text.contains("thor_bytes_behind" + labels + " 17.0"), text);
        assertTrue(text.contains("thor_files_open" + labels + " 2.0"), text);
        assertTrue(text.contains("# TYPE thor_files_unreadable gauge"), text);
        assertTrue(text.contains("thor_files_unreadable" + labels + " 1.0"), text);
        assertTrue(text.contains("thor_rotations_total" + labels + " 3.0"), text);
        assertTrue(text.contains("thor_bytes_lost_total" + labels + " 0.0"), text);
        assertTrue(text.contains("thor_lines_invalid_total" + labels + " 1.0"), text);
        assertTrue(text.contains("thor_lines_overlong_total" + labels + " 0.0"), text);
        assertTrue(text.contains("thor_lines_dropped_total" + labels + " 5.0"), text);
        assertTrue(text.contains("thor_lines_format_failed_total" + labels + " 0.0"), text);
        assertTrue(text.contains("thor_records_in_flight{connector=\"nginx\",task=\"0\"} 7.0"), text);
    }

    @Test
    void connectsMetricsAreNamedAfterTheirGroupWithTheirTagsAsLabels() throws Exception {
        try (Metrics metrics = new Metrics(new MetricConfig(), List.of(new JmxReporter()), Time.SYSTEM,
                new KafkaMetricsContext("kafka.connect"))) {
            Map<String, String> tags = Map.of("connector", "nginx", "task", "0");
            Sensor polled = metrics.sensor("polled");
            polled.add(new MetricName("source-record-poll-total", "source-task-metrics", "", tags), new CumulativeSum());
            polled.record(3);
            polled.record(4);
            Sensor batch = metrics.sensor("batch");
            batch.add(new MetricName("batch-size-max", "source-task-metrics", "", tags), new Value());
            batch.record(2000);

            Sensor connectors = metrics.sensor("connectors");
            connectors.add(new MetricName("connector-count", "connect-worker-metrics", "The number of connectors run in this worker.", Map.of()), new Value());
            connectors.record(2);
            Sensor commit = metrics.sensor("commit");
            commit.add(new MetricName("offset-commit-max-time-ms", "source-task-metrics", "The maximum time in milliseconds taken by this task to commit offsets.", tags), new Value());
            commit.record(1500);

            Sensor active = metrics.sensor("active");
            active.add(new MetricName("source-record-active-count", "source-task-metrics", "", tags), new Value());
            active.record(9);

            String text = scrape(new ConnectMetrics());

            assertTrue(text.contains("kafka_connect_source_task_source_records_active{connector=\"nginx\",task=\"0\"} 9.0"), text);
            assertTrue(text.contains("# HELP kafka_connect_worker_connectors The number of connectors run in this worker."), text);
            assertTrue(text.contains("# TYPE kafka_connect_worker_connectors gauge"), text);
            assertTrue(text.contains("kafka_connect_worker_connectors 2.0"), text);
            assertTrue(text.contains("kafka_connect_source_task_offset_commit_max_time_seconds{connector=\"nginx\",task=\"0\"} 1.5"), text);

            assertTrue(text.contains("kafka_connect_source_task_source_record_poll_total{connector=\"nginx\",task=\"0\"} 7.0"), text);
            assertTrue(text.contains("kafka_connect_source_task_batch_size_max{connector=\"nginx\",task=\"0\"} 2000.0"), text);
        }
    }

    @Test
    void openMetricsWhenTheScraperAsksForIt() throws Exception {
        jakarta.ws.rs.core.Response response = new MetricsResource().scrape("application/openmetrics-text; version=1.0.0");
        assertTrue(String.valueOf(response.getHeaderString("Content-Type")).startsWith("application/openmetrics-text"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ((jakarta.ws.rs.core.StreamingOutput) response.getEntity()).write(out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("jvm_memory_used_bytes") && text.endsWith("# EOF\n"), text);
        assertTrue(new MetricsResource().scrape(null).getHeaderString("Content-Type").startsWith("text/plain; version=0.0.4"));
    }

    private void register(String name, Object mbean) throws Exception {
        ObjectName objectName = new ObjectName(name);
        ManagementFactory.getPlatformMBeanServer().registerMBean(mbean, objectName);
        registered.add(objectName);
    }

    private static String scrape(MultiCollector collector) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExpositionFormats.init().getPrometheusTextFormatWriter().write(out, collector.collect());
        return out.toString(StandardCharsets.UTF_8);
    }
}
