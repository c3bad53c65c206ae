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
import org.junit.jupiter.api.Test;
import org.thor.runtime.LogStreams;
import org.thor.runtime.StreamFigures;
import org.thor.runtime.streams.AllLogStreams;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsTest {

    @Test
    void theConnectorsStreamFiguresBecomeThorFamiliesLabelledByConnectorTaskAndStream() throws Exception {
        LogStreams streams = new LogStreams() {
            @Override
            public Set<String> connectorClasses() {
                return Set.of("org.thor.file.LogFileSourceConnector");
            }

            @Override
            public List<StreamFigures> figures(String connector) {
                return List.of(new StreamFigures("nginx", "0", "/var/log/nginx/*.log", 42, 4200, 17, 2, 3, 0, 4, 0, 1, 5, 0,
                        List.of("/var/log/nginx/root-only.log")));
            }

            @Override
            public Map<String, Map<String, Long>> recordsInFlight() {
                return Map.of("nginx", Map.of("0", 7L));
            }
        };

        String text = scrape(new ThorMetrics(streams));

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
        assertTrue(text.contains("thor_copies_read_late_total" + labels + " 4.0"), text);
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
        jakarta.ws.rs.core.Response response = new MetricsResource(new AllLogStreams(new TrackedLogStreams())).scrape("application/openmetrics-text; version=1.0.0");
        assertTrue(String.valueOf(response.getHeaderString("Content-Type")).startsWith("application/openmetrics-text"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ((jakarta.ws.rs.core.StreamingOutput) response.getEntity()).write(out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("jvm_memory_used_bytes") && text.endsWith("# EOF\n"), text);
        assertTrue(new MetricsResource(new AllLogStreams(new TrackedLogStreams())).scrape(null).getHeaderString("Content-Type").startsWith("text/plain; version=0.0.4"));
    }

    private static String scrape(MultiCollector collector) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExpositionFormats.init().getPrometheusTextFormatWriter().write(out, collector.collect());
        return out.toString(StandardCharsets.UTF_8);
    }
}
