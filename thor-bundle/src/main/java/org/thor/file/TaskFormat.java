package org.thor.file;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thor.file.config.LogFileSourceConfig;
import org.thor.file.format.Formats;
import org.thor.file.metrics.StreamMetrics;
import org.thor.format.Line;
import org.thor.format.LineFormatter;

import java.util.Optional;

/**
 * A task's line format: looked up by name until a bundle provides it, then applied to each line;
 * a line it fails on is counted and sent as it is.
 */
final class TaskFormat implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TaskFormat.class);

    private final LogFileSourceConfig config;
    private Formats.Lease lease;
    private LineFormatter formatter;
    private boolean missingLogged;
    private boolean failureLogged;

    TaskFormat(LogFileSourceConfig config) {
        this.config = config;
    }

    /** Whether the format is there: looked up now if it was not before. */
    boolean found() {
        if (formatter != null) {
            return true;
        }
        Optional<Formats.Lease> found = Formats.find(config.format);
        if (found.isEmpty()) {
            if (!missingLogged) {
                missingLogged = true;
                log.warn("No line format named '{}' yet; waiting for a bundle that provides it", config.format);
            }
            return false;
        }
        formatter = found.get().format().create(config.originalsStrings());
        lease = found.get();
        return true;
    }

    SchemaAndValue format(Line line, StreamMetrics counts) {
        try {
            return formatter.format(line);
        } catch (RuntimeException e) {
            counts.formatFailed();
            if (!failureLogged) {
                failureLogged = true;
                log.warn("Format '{}' failed on the line at offset {} of {}; sending it, and each line it fails on, "
                        + "as it is (counted in FormatFailures)", config.format, line.offset(), line.path(), e);
            }
            return new SchemaAndValue(Schema.OPTIONAL_STRING_SCHEMA, line.text());
        }
    }

    @Override
    public void close() {
        if (formatter instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.debug("Closing the formatter failed", e);
            }
        }
        if (lease != null) {
            lease.close();
            lease = null;
        }
    }
}
