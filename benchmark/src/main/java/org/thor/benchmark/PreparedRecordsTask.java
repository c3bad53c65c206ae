package org.thor.benchmark;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Returns one prepared record, the line's size, over and over until it has sent as many records as asked, then idles. */
public final class PreparedRecordsTask extends SourceTask {

    private static final int BATCH = 2_000;
    private static final Map<String, String> PARTITION = Map.of("source", "prepared");
    private static final Map<String, Long> OFFSET = Map.of("position", 0L);

    private SourceRecord prepared;
    private long left;

    @Override
    public void start(Map<String, String> props) {
        String value = "x".repeat(Integer.parseInt(props.getOrDefault(PreparedRecordsConnector.LINE_BYTES, "200")) - 1);
        prepared = new SourceRecord(PARTITION, OFFSET, props.get(PreparedRecordsConnector.TOPIC), null, null, null,
                Schema.STRING_SCHEMA, value);
        left = Long.parseLong(props.get(PreparedRecordsConnector.RECORDS));
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (left == 0) {
            Thread.sleep(100); // all sent: Connect calls poll() in a loop, this keeps it from spinning
            return null;
        }
        int count = (int) Math.min(BATCH, left);
        left -= count;
        return new ArrayList<>(Collections.nCopies(count, prepared));
    }

    @Override
    public void stop() {
        // nothing to release
    }

    @Override
    public String version() {
        return "1";
    }
}
