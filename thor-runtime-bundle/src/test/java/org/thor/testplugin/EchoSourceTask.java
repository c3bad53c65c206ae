package org.thor.testplugin;

import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

import java.util.List;
import java.util.Map;

/** The task of {@link EchoSourceConnector}; never polled in these tests. */
public class EchoSourceTask extends SourceTask {

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public void start(Map<String, String> props) {
    }

    @Override
    public List<SourceRecord> poll() {
        return null;
    }

    @Override
    public void stop() {
    }
}
