package org.thor.counting;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Counts up, ten numbers a poll, at the configured rate. */
public class CountingSourceTask extends SourceTask {

    private static final int BATCH = 10;

    private String topic;
    private long pauseMs;
    private Map<String, String> partition;
    private long next;

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public void start(Map<String, String> props) {
        AbstractConfig config = new AbstractConfig(CountingSourceConnector.CONFIG, props);
        topic = config.getString(CountingSourceConnector.TOPIC_CONFIG);
        pauseMs = 1000L * BATCH / config.getInt(CountingSourceConnector.PER_SECOND_CONFIG);
        partition = Map.of("counter", topic);
        Map<String, Object> offset = context.offsetStorageReader().offset(partition);
        next = offset == null ? 0 : ((Number) offset.get("next")).longValue();
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        Thread.sleep(pauseMs);
        List<SourceRecord> records = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++, next++) {
            records.add(new SourceRecord(partition, Map.of("next", next + 1), topic, null,
                    null, null, Schema.STRING_SCHEMA, Long.toString(next)));
        }
        return records;
    }

    @Override
    public void stop() {
    }
}
