package org.thor.benchmark;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;

import java.util.List;
import java.util.Map;

/**
 * The Connect ceiling: a source whose task returns records it prepared once, the size of the
 * benchmark's lines, with no header and no offset worth storing. Connect's own cost per record,
 * in the same worker and with the same producer settings as Thor's connector.
 */
public final class PreparedRecordsConnector extends SourceConnector {

    static final String RECORDS = "records";
    static final String LINE_BYTES = "line.bytes";
    static final String TOPIC = "topic";
    private static final ConfigDef CONFIG = new ConfigDef()
            .define(RECORDS, ConfigDef.Type.LONG, ConfigDef.Importance.HIGH, "How many records to send.")
            .define(LINE_BYTES, ConfigDef.Type.INT, 200, ConfigDef.Importance.HIGH, "Bytes per record value.")
            .define(TOPIC, ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "The topic.");

    private Map<String, String> config;

    @Override
    public void start(Map<String, String> props) {
        config = props;
    }

    @Override
    public Class<? extends Task> taskClass() {
        return PreparedRecordsTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(config);
    }

    @Override
    public void stop() {
        // nothing to release
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public String version() {
        return "1";
    }
}
