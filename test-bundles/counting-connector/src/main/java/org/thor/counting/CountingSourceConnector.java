package org.thor.counting;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;

import java.util.List;
import java.util.Map;

/** Writes 0, 1, 2 … to {@code topic}, resuming after the last number whose offset was committed. */
public class CountingSourceConnector extends SourceConnector {

    static final String TOPIC_CONFIG = "topic";
    static final String PER_SECOND_CONFIG = "records.per.second";

    static final ConfigDef CONFIG = new ConfigDef()
            .define(TOPIC_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    ConfigDef.Importance.HIGH, "The topic to write the numbers to.")
            .define(PER_SECOND_CONFIG, ConfigDef.Type.INT, 100, ConfigDef.Range.between(1, 10_000),
                    ConfigDef.Importance.LOW, "How many numbers to write each second.");

    private Map<String, String> props;

    @Override
    public void start(Map<String, String> props) {
        this.props = props;
    }

    @Override
    public Class<? extends Task> taskClass() {
        return CountingSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(props);
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public String version() {
        return "1.0";
    }
}
