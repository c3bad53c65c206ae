package org.thor.file;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.thor.file.config.LogFileSourceConfig;
import org.thor.file.find.PatternRoot;
import org.thor.file.find.StreamScanner;
import org.thor.file.format.Formats;
import org.thor.file.offset.StreamOffset;
import org.thor.format.LineFormatter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Thor's log-file source: ships the lines of many rolling log files (one glob pattern per stream)
 * into one topic, in order per stream, with byte offsets that survive rotations and crashes.
 * <p>
 * Streams are spread over at most {@code tasks.max} tasks by the directory their patterns start
 * from; a stream is always read by one task, which keeps its order.
 */
public class LogFileSourceConnector extends SourceConnector {

    /** The task's index among the connector's tasks; set by {@link #taskConfigs}, used for metric names. */
    public static final String TASK_INDEX_CONFIG = "task.index";
    /** The connector's whole {@code files} list, in order: a file that several patterns match is read by the first. */
    public static final String TASK_ALL_FILES_CONFIG = "task.files.all";

    private Map<String, String> props;
    private LogFileSourceConfig config;

    @Override
    public void start(Map<String, String> props) {
        this.config = new LogFileSourceConfig(props);
        this.props = Map.copyOf(props);
    }

    /** Adds what the chosen format says about its own keys, e.g. a missing format.regex.pattern. */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config config = super.validate(connectorConfigs);
        String name = connectorConfigs.getOrDefault(LogFileSourceConfig.FORMAT_CONFIG, "raw").trim();
        Optional<Formats.Lease> format = Formats.find(name);
        String problem = null;
        String key = LogFileSourceConfig.FORMAT_CONFIG;
        if (format.isEmpty()) {
            problem = Formats.insideOsgi() ? null : "No line format named '" + name + "' is installed";
        } else {
            try (Formats.Lease lease = format.get()) {
                LineFormatter formatter = lease.format().create(connectorConfigs);
                if (formatter instanceof AutoCloseable closeable) {
                    closeable.close();
                }
            } catch (ConfigException e) {
                problem = "Format '" + name + "': " + e.getMessage();
                key = keyNamedBy(e, config);
            } catch (Exception e) {
                problem = "Format '" + name + "': " + e.getMessage();
            }
        }
        warnOfOverlappingPatterns(connectorConfigs);
        if (problem != null) {
            for (ConfigValue value : config.configValues()) {
                if (value.name().equals(key) && value.errorMessages().isEmpty()) {
                    value.addErrorMessage(problem);
                }
            }
        }
        return config;
    }

    /**
     * The key a format's error is about (format.groovy.file, say), from the message of a
     * {@code ConfigException(name, value, message)}, "Invalid value ... for configuration NAME: ...";
     * the format key when it names none of the format's keys.
     */
    private static String keyNamedBy(ConfigException e, Config config) {
        String message = String.valueOf(e.getMessage());
        return config.configValues().stream().map(ConfigValue::name)
                .filter(name -> name.startsWith(LogFileSourceConfig.FORMAT_CONFIG + "."))
                .filter(name -> message.contains(" for configuration " + name + ":") || message.endsWith(" for configuration " + name))
                .findFirst().orElse(LogFileSourceConfig.FORMAT_CONFIG);
    }

    /** Logs each file that two patterns match (it is read by the first only), by listing the patterns' files now. */
    private static void warnOfOverlappingPatterns(Map<String, String> connectorConfigs) {
        try {
            LogFileSourceConfig parsed = new LogFileSourceConfig(connectorConfigs);
            for (int i = 1; i < parsed.files.size(); i++) {
                new StreamScanner(parsed.files.get(i), parsed.files.subList(0, i), parsed.exclude).scan();
            }
        } catch (ConfigException e) {
            // the validation itself reports it
        }
    }

    @Override
    public Class<? extends Task> taskClass() {
        return LogFileSourceTask.class;
    }

    /**
     * Streams whose patterns start from the same directory go to the same task, since their
     * positions are stored together under that directory; directories are dealt round-robin.
     */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        Map<Path, List<String>> byRoot = new LinkedHashMap<>();
        config.files.forEach(pattern -> byRoot.computeIfAbsent(PatternRoot.of(pattern).directory(),
                root -> new ArrayList<>()).add(pattern));
        int tasks = Math.min(maxTasks, byRoot.size());
        List<List<String>> patterns = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            patterns.add(new ArrayList<>());
        }
        int next = 0;
        for (List<String> rooted : byRoot.values()) {
            patterns.get(next++ % tasks).addAll(rooted);
        }
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            Map<String, String> task = new HashMap<>(props);
            task.put(LogFileSourceConfig.FILES_CONFIG, String.join(",", patterns.get(i)));
            task.put(TASK_INDEX_CONFIG, Integer.toString(i));
            task.put(TASK_ALL_FILES_CONFIG, String.join(",", config.files));
            configs.add(task);
        }
        return configs;
    }

    @Override
    public void stop() {
        // the tasks hold every resource
    }

    @Override
    public ConfigDef config() {
        return withFormats(Formats.configs());
    }

    @Override
    public String version() {
        return Version.get();
    }

    /** Each record's offset is the exact byte position after it, so a transaction's offsets match its records. */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }

    /**
     * Accepts offsets in the stored shape only (see {@link StreamOffset}): under a directory's
     * partition, or a pattern's as stored before; null offsets reset a partition.
     */
    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        for (Map.Entry<Map<String, ?>, Map<String, ?>> entry : offsets.entrySet()) {
            Map<String, ?> partition = entry.getKey();
            Object name = partition == null || partition.size() != 1 ? null
                    : partition.containsKey(StreamOffset.DIRECTORY_KEY) ? partition.get(StreamOffset.DIRECTORY_KEY)
                    : partition.get(StreamOffset.STREAM_KEY);
            if (!(name instanceof String path) || !Path.of(path).isAbsolute()) {
                throw new ConnectException("A source partition must be {\"" + StreamOffset.DIRECTORY_KEY
                        + "\": \"<absolute directory>\"} (or, as stored before, {\"" + StreamOffset.STREAM_KEY
                        + "\": \"<glob pattern>\"}), not " + partition);
            }
            if (entry.getValue() != null) {
                try {
                    StreamOffset.validate(entry.getValue());
                } catch (IllegalArgumentException e) {
                    throw new ConnectException("Invalid offset for " + partition + ": " + e.getMessage(), e);
                }
            }
        }
        return true;
    }

    /** The connector's keys with those of {@code formats}, each declared by its format. */
    private static ConfigDef withFormats(List<ConfigDef> formats) {
        ConfigDef all = new ConfigDef(LogFileSourceConfig.CONFIG_DEF);
        for (ConfigDef format : formats) {
            format.configKeys().values().stream()
                    .filter(key -> !all.configKeys().containsKey(key.name))
                    .forEach(all::define);
        }
        return all;
    }
}
