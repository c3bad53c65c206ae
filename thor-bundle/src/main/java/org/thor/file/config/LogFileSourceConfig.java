package org.thor.file.config;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigException;
import org.thor.file.read.LineFilter;
import org.thor.file.read.MultilineJoiner;
import org.thor.format.LineFormat;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The connector's configuration: one static {@link ConfigDef}, parsed once into typed fields. */
public final class LogFileSourceConfig extends AbstractConfig {

    public static final String FILES_CONFIG = "files";
    private static final String FILES_DOC = "Comma-separated glob patterns with absolute paths, e.g. "
            + "/var/log/nginx/access.log*. Each pattern is one stream: a log and its rolled files, read "
            + "oldest first (by modification time, then name). Globs may appear in any path element.";
    public static final String EXCLUDE_CONFIG = "files.exclude";
    private static final String EXCLUDE_DOC = "Comma-separated glob patterns matched against file names "
            + "(not paths); matching files are never read. The default skips the compressed formats Thor "
            + "cannot read; rolled files ending .gz are read through gzip (add *.gz here to skip them).";
    public static final String COPIES_CONFIG = "copytruncate.copies";
    private static final String COPIES_DOC = "Where the copy of a file found truncated (logrotate's "
            + "copytruncate) is looked for, to send the lines Thor had not read before the truncation: "
            + "'beside' (the files in the same directory whose names start with the truncated file's name, "
            + "such as app.log.1, app.log-20261201 or app.log.1.gz, whether or not 'files' matches them; "
            + "the copies of later rotations found there are read after it, in order) or 'matched' (only "
            + "files the stream's pattern matches). A file is taken for a copy only when it holds the "
            + "bytes Thor read (the first bytes and those just before the read position).";
    public static final String COPIES_BESIDE = "beside";
    public static final String COPIES_MATCHED = "matched";
    public static final String TOPIC_CONFIG = "topic";
    private static final String TOPIC_DOC = "The topic the lines are written to.";
    public static final String READ_FROM_CONFIG = "read.from";
    private static final String READ_FROM_DOC = "Where to start in files that exist when a stream is "
            + "first started without a stored offset: 'beginning', 'end', or 'time' (files last modified "
            + "before read.from.time are skipped as finished, the others read from their beginning). Files "
            + "that appear later are always read from their beginning.";
    public static final String READ_FROM_TIME_CONFIG = "read.from.time";
    private static final String READ_FROM_TIME_DOC = "For read.from=time: an ISO-8601 instant, e.g. "
            + "2026-11-25T10:00:00Z. On a first start without a stored offset, files last modified before "
            + "it are skipped entirely (treated as finished); the others are read from their beginning.";
    public static final String FORMAT_CONFIG = "format";
    private static final String FORMAT_DOC = "Name of the line formatter: 'raw' (the line as a string), "
            + "'json' (a JSON object with message, path, offset, host, stream, as a string), 'regex' "
            + "(named groups of format.regex.pattern as Struct fields), 'groovy' (a script, "
            + "format.groovy.file or format.groovy.script), or the name of a "
            + "org.thor.format.LineFormat from another bundle or jar.";
    public static final String MAX_IN_FLIGHT_CONFIG = "max.in.flight.records";
    private static final String MAX_IN_FLIGHT_DOC = "Records handed to Kafka Connect but not yet "
            + "acknowledged by Kafka, per task. At the bound, poll() waits up to poll.interval.ms instead "
            + "of reading more, so memory stays bounded when Kafka is slow or down.";
    public static final String MAX_IN_FLIGHT_BYTES_CONFIG = "max.in.flight.bytes";
    private static final String MAX_IN_FLIGHT_BYTES_DOC = "Bytes of records (their values and keys, as "
            + "decoded text) handed to Kafka Connect but not yet acknowledged, per task, beside "
            + "max.in.flight.records: whichever bound is reached first makes poll() wait, and a poll returns "
            + "no more than fits, so the memory a task holds for Kafka stays bounded however long the lines.";
    public static final String CHARSET_CONFIG = "charset";
    private static final String CHARSET_DOC = "Character set of the files. Byte sequences invalid in it "
            + "are replaced with U+FFFD and counted in the InvalidLines metric.";
    public static final String MAX_LINE_BYTES_CONFIG = "max.line.bytes";
    private static final String MAX_LINE_BYTES_DOC = "Longest line in bytes. A longer line is split into "
            + "records of at most this many bytes (nothing is lost; a UTF-8 character is never cut); the "
            + "split is counted in the OverlongLines metric and the records after the first carry the "
            + "header thor.line.continued=true. The default keeps a record within Kafka's default message size "
            + "(1 MB); raise producer.max.request.size and the topic's max.message.bytes before raising it.";
    public static final String CLOSE_INACTIVE_CONFIG = "close.inactive.ms";
    private static final String CLOSE_INACTIVE_DOC = "A file that has a newer file in its stream is "
            + "finished, and its handle closed, once it has not grown for this long. Until then lines "
            + "appended to it are still sent. It bounds open handles; it never delays the stream.";
    public static final String POLL_INTERVAL_CONFIG = "poll.interval.ms";
    private static final String POLL_INTERVAL_DOC = "The most poll() waits when no file has new data "
            + "(it returns as soon as one of the files changes, where the system notifies changes) "
            + "or too many records are in flight.";
    public static final String SCAN_INTERVAL_CONFIG = "scan.interval.ms";
    private static final String SCAN_INTERVAL_DOC = "How often the directories are listed in full (a "
            + "stat of every matching file) for new, rotated or re-grown files. In between, when a "
            + "stream's files are all at their end, a cheap check every poll.interval.ms (the matching "
            + "names, and the inode behind each file being read) starts a listing as soon as something moved.";
    public static final String BATCH_MAX_RECORDS_CONFIG = "batch.max.records";
    private static final String BATCH_MAX_RECORDS_DOC = "Most records returned by one poll().";
    public static final String INCLUDE_LINES_CONFIG = "include.lines";
    private static final String INCLUDE_LINES_DOC = "Java regular expressions, comma-separated; when any is "
            + "given, only lines (or multiline events) in which one of them is found are kept. Applied before "
            + "the format and exclude.lines; dropped lines are counted in LinesDropped.";
    public static final String EXCLUDE_LINES_CONFIG = "exclude.lines";
    private static final String EXCLUDE_LINES_DOC = "Java regular expressions, comma-separated; lines (or "
            + "multiline events) in which one of them is found are dropped, after include.lines, before the "
            + "format. Dropped lines are counted in LinesDropped.";
    public static final String RECORD_KEY_CONFIG = "record.key";
    private static final String RECORD_KEY_DOC = "The record key: 'stream' (the stream's glob pattern, "
            + "so with the default partitioner each stream's lines land in one partition in the order "
            + "written, across rotations), 'path' (the file path: rolled files may land in different "
            + "partitions) or 'none' (null key: spread over partitions, no order).";
    public static final String HEADERS_CONFIG = "headers";
    public static final String HEADER_PATH = "path";
    public static final String HEADER_OFFSET = "offset";
    public static final String HEADER_HOST = "host";
    private static final String HEADERS_DOC = "The headers each record carries, any of 'path' (thor.file.path), "
            + "'offset' (thor.file.offset, the byte offset of the line's first byte) and 'host' (thor.host); "
            + "empty for none. thor.line.continued marks the later parts of a split line whatever this says.";
    public static final String HOST_NAME_CONFIG = "host.name";
    private static final String HOST_NAME_DOC = "Host name put into the thor.host header and the json "
            + "format; empty means the name of the machine the task runs on.";

    public static final String MULTILINE_PATTERN_CONFIG = "multiline.pattern";
    private static final String MULTILINE_PATTERN_DOC = "A Java regular expression that marks the lines of "
            + "multiline events (found anywhere in the line, as Filebeat's multiline.pattern). Empty: every "
            + "line is a record. The lines of an event are joined with '\\n' into one record; its "
            + "thor.file.offset header is the offset of the event's first line, its source offset the "
            + "position after its last line. An event never spans two files.";
    public static final String MULTILINE_NEGATE_CONFIG = "multiline.negate";
    private static final String MULTILINE_NEGATE_DOC = "Whether lines that do NOT match multiline.pattern are "
            + "the ones that continue an event (Filebeat's negate).";
    public static final String MULTILINE_MATCH_CONFIG = "multiline.match";
    private static final String MULTILINE_MATCH_DOC = "'after': a (negate-adjusted) matching line is appended "
            + "to the line before it; 'before': a matching line is followed by the lines up to and including "
            + "the next line that does not match. As Filebeat's multiline.match.";
    public static final String MULTILINE_MAX_LINES_CONFIG = "multiline.max.lines";
    private static final String MULTILINE_MAX_LINES_DOC = "Most lines in one event. Further continuation lines "
            + "start a new event (nothing is dropped), which carries the header thor.line.continued=true. "
            + "A line longer than max.line.bytes is joined back whole in its event; each of its parts counts here.";
    public static final String MULTILINE_MAX_BYTES_CONFIG = "multiline.max.bytes";
    private static final String MULTILINE_MAX_BYTES_DOC = "Largest event, in characters of its decoded text "
            + "(one byte each for ASCII). A longer event is split like one of more than multiline.max.lines: "
            + "the rest starts a new event with the header thor.line.continued=true; nothing is dropped. The default "
            + "keeps a record within Kafka's default message size (1 MB), as for max.line.bytes.";
    public static final String MULTILINE_TIMEOUT_CONFIG = "multiline.timeout.ms";
    private static final String MULTILINE_TIMEOUT_DOC = "An event is sent when no continuation line came for "
            + "this long.";

    /**
     * The default longest line and event: a record of it, with its key and headers, fits Kafka's
     * default message size (the producer's max.request.size of 1 MiB, the broker's message.max.bytes
     * of 1 MB); a larger record fails the task in Connect with RecordTooLargeException.
     */
    static final int FITS_KAFKA_DEFAULTS = 512 * 1024;

    public static final long DEFAULT_SCAN_INTERVAL_MS = 5_000L;

    public static final String MATCH_AFTER = "after";
    public static final String MATCH_BEFORE = "before";
    public static final String READ_FROM_BEGINNING = "beginning";
    public static final String READ_FROM_END = "end";
    public static final String READ_FROM_TIME = "time";
    public static final String KEY_STREAM = "stream";
    public static final String KEY_PATH = "path";
    public static final String KEY_NONE = "none";

    private static final String GROUP_FILES = "Files";
    private static final String GROUP_RECORDS = LineFormat.CONFIG_GROUP;
    private static final String GROUP_FLOW = "Flow";
    private static final String GROUP_MULTILINE = "Multiline";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(FILES_CONFIG, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, ConfigChecks::validatePatterns,
                    Importance.HIGH, FILES_DOC, GROUP_FILES, 1, ConfigDef.Width.LONG, "Files")
            .define(EXCLUDE_CONFIG, Type.LIST, "*.bz2,*.xz,*.zst,*.zip", ConfigChecks::validateGlobs,
                    Importance.LOW, EXCLUDE_DOC, GROUP_FILES, 2, ConfigDef.Width.LONG, "Excluded names")
            .define(READ_FROM_CONFIG, Type.STRING, READ_FROM_BEGINNING, ValidString.in(READ_FROM_BEGINNING, READ_FROM_END, READ_FROM_TIME),
                    Importance.MEDIUM, READ_FROM_DOC, GROUP_FILES, 3, ConfigDef.Width.SHORT, "Read from")
            .define(READ_FROM_TIME_CONFIG, Type.STRING, "", ConfigChecks::validateInstant,
                    Importance.MEDIUM, READ_FROM_TIME_DOC, GROUP_FILES, 8, ConfigDef.Width.MEDIUM, "Read from time")
            .define(CHARSET_CONFIG, Type.STRING, "UTF-8", ConfigChecks::validateCharset,
                    Importance.MEDIUM, CHARSET_DOC, GROUP_FILES, 4, ConfigDef.Width.SHORT, "Charset")
            .define(MAX_LINE_BYTES_CONFIG, Type.INT, FITS_KAFKA_DEFAULTS, ConfigDef.Range.between(16, 64 * 1024 * 1024),
                    Importance.LOW, MAX_LINE_BYTES_DOC, GROUP_FILES, 5, ConfigDef.Width.SHORT, "Max line bytes")
            .define(CLOSE_INACTIVE_CONFIG, Type.LONG, Duration.ofMinutes(5).toMillis(), ConfigDef.Range.atLeast(0),
                    Importance.MEDIUM, CLOSE_INACTIVE_DOC, GROUP_FILES, 6, ConfigDef.Width.SHORT, "Close inactive (ms)")
            .define(SCAN_INTERVAL_CONFIG, Type.LONG, DEFAULT_SCAN_INTERVAL_MS, ConfigDef.Range.atLeast(1),
                    Importance.LOW, SCAN_INTERVAL_DOC, GROUP_FILES, 7, ConfigDef.Width.SHORT, "Scan interval (ms)")
            .define(COPIES_CONFIG, Type.STRING, COPIES_BESIDE, ValidString.in(COPIES_BESIDE, COPIES_MATCHED),
                    Importance.MEDIUM, COPIES_DOC, GROUP_FILES, 9, ConfigDef.Width.SHORT, "Copytruncate copies")
            .define(TOPIC_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyStringWithoutControlChars(),
                    Importance.HIGH, TOPIC_DOC, GROUP_RECORDS, 1, ConfigDef.Width.MEDIUM, "Topic")
            .define(FORMAT_CONFIG, Type.STRING, "raw", new ConfigDef.NonEmptyStringWithoutControlChars(),
                    Importance.MEDIUM, FORMAT_DOC, GROUP_RECORDS, 2, ConfigDef.Width.SHORT, "Format")
            .define(INCLUDE_LINES_CONFIG, Type.LIST, "", ConfigChecks::validateRegexes,
                    Importance.MEDIUM, INCLUDE_LINES_DOC, GROUP_RECORDS, 9, ConfigDef.Width.LONG, "Include lines")
            .define(EXCLUDE_LINES_CONFIG, Type.LIST, "", ConfigChecks::validateRegexes,
                    Importance.MEDIUM, EXCLUDE_LINES_DOC, GROUP_RECORDS, 10, ConfigDef.Width.LONG, "Exclude lines")
            .define(RECORD_KEY_CONFIG, Type.STRING, KEY_STREAM, ValidString.in(KEY_STREAM, KEY_PATH, KEY_NONE),
                    Importance.LOW, RECORD_KEY_DOC, GROUP_RECORDS, 3, ConfigDef.Width.SHORT, "Record key")
            .define(HOST_NAME_CONFIG, Type.STRING, "", Importance.LOW, HOST_NAME_DOC,
                    GROUP_RECORDS, 4, ConfigDef.Width.MEDIUM, "Host name")
            .define(HEADERS_CONFIG, Type.LIST, String.join(",", HEADER_PATH, HEADER_OFFSET, HEADER_HOST),
                    ConfigDef.ValidList.in(true, HEADER_PATH, HEADER_OFFSET, HEADER_HOST),
                    Importance.LOW, HEADERS_DOC, GROUP_RECORDS, 6, ConfigDef.Width.MEDIUM, "Headers")
            .define(MAX_IN_FLIGHT_CONFIG, Type.INT, 10_000, ConfigDef.Range.atLeast(1),
                    Importance.MEDIUM, MAX_IN_FLIGHT_DOC, GROUP_FLOW, 1, ConfigDef.Width.SHORT, "Max in-flight records")
            .define(MAX_IN_FLIGHT_BYTES_CONFIG, Type.LONG, 64L * 1024 * 1024, ConfigDef.Range.atLeast(1024),
                    Importance.MEDIUM, MAX_IN_FLIGHT_BYTES_DOC, GROUP_FLOW, 4, ConfigDef.Width.SHORT, "Max in-flight bytes")
            .define(BATCH_MAX_RECORDS_CONFIG, Type.INT, 2_000, ConfigDef.Range.atLeast(1),
                    Importance.LOW, BATCH_MAX_RECORDS_DOC, GROUP_FLOW, 2, ConfigDef.Width.SHORT, "Batch max records")
            .define(POLL_INTERVAL_CONFIG, Type.LONG, 200L, ConfigDef.Range.between(1, 60_000),
                    Importance.LOW, POLL_INTERVAL_DOC, GROUP_FLOW, 3, ConfigDef.Width.SHORT, "Poll interval (ms)")
            .define(MULTILINE_PATTERN_CONFIG, Type.STRING, "", ConfigChecks::validateRegex,
                    Importance.MEDIUM, MULTILINE_PATTERN_DOC, GROUP_MULTILINE, 1, ConfigDef.Width.LONG, "Multiline pattern")
            .define(MULTILINE_NEGATE_CONFIG, Type.BOOLEAN, false,
                    Importance.MEDIUM, MULTILINE_NEGATE_DOC, GROUP_MULTILINE, 2, ConfigDef.Width.SHORT, "Multiline negate")
            .define(MULTILINE_MATCH_CONFIG, Type.STRING, MATCH_AFTER, ValidString.in(MATCH_AFTER, MATCH_BEFORE),
                    Importance.MEDIUM, MULTILINE_MATCH_DOC, GROUP_MULTILINE, 3, ConfigDef.Width.SHORT, "Multiline match")
            .define(MULTILINE_MAX_LINES_CONFIG, Type.INT, 500, ConfigDef.Range.atLeast(1),
                    Importance.LOW, MULTILINE_MAX_LINES_DOC, GROUP_MULTILINE, 4, ConfigDef.Width.SHORT, "Multiline max lines")
            .define(MULTILINE_MAX_BYTES_CONFIG, Type.INT, FITS_KAFKA_DEFAULTS, ConfigDef.Range.atLeast(16),
                    Importance.LOW, MULTILINE_MAX_BYTES_DOC, GROUP_MULTILINE, 6, ConfigDef.Width.SHORT, "Multiline max bytes")
            .define(MULTILINE_TIMEOUT_CONFIG, Type.LONG, 5_000L, ConfigDef.Range.atLeast(0),
                    Importance.LOW, MULTILINE_TIMEOUT_DOC, GROUP_MULTILINE, 5, ConfigDef.Width.SHORT, "Multiline timeout (ms)");

    public final List<String> files;
    public final List<String> exclude;
    /** copytruncate.copies=beside. */
    public final boolean copiesBeside;
    public final String topic;
    public final boolean readFromEnd;
    /** For read.from=time: files last modified before this (epoch ms) are skipped; else Long.MIN_VALUE. */
    public final long readFromTimeMillis;
    public final String format;
    public final int maxInFlightRecords;
    public final long maxInFlightBytes;
    public final Charset charset;
    public final int maxLineBytes;
    public final long closeInactiveMs;
    public final long pollIntervalMs;
    public final long scanIntervalMs;
    public final int batchMaxRecords;
    public final String recordKey;
    public final String hostName;
    /** The headers of {@value #HEADERS_CONFIG}. */
    public final Set<String> headers;
    /** include.lines and exclude.lines. */
    public final LineFilter lineFilter;
    public final String multilinePattern;
    public final boolean multilineNegate;
    public final boolean multilineAfter;
    public final int multilineMaxLines;
    public final int multilineMaxBytes;
    public final long multilineTimeoutMs;

    public LogFileSourceConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
        files = getList(FILES_CONFIG).stream().map(String::trim).distinct().toList();
        exclude = getList(EXCLUDE_CONFIG);
        copiesBeside = COPIES_BESIDE.equals(getString(COPIES_CONFIG));
        topic = getString(TOPIC_CONFIG);
        readFromEnd = READ_FROM_END.equals(getString(READ_FROM_CONFIG));
        String fromTime = getString(READ_FROM_TIME_CONFIG).trim();
        if (READ_FROM_TIME.equals(getString(READ_FROM_CONFIG))) {
            if (fromTime.isEmpty()) {
                throw new ConfigException(READ_FROM_TIME_CONFIG, fromTime, "read.from=time needs an ISO-8601 instant");
            }
            readFromTimeMillis = java.time.Instant.parse(fromTime).toEpochMilli();
        } else {
            readFromTimeMillis = Long.MIN_VALUE;
        }
        format = getString(FORMAT_CONFIG).trim();
        maxInFlightRecords = getInt(MAX_IN_FLIGHT_CONFIG);
        maxInFlightBytes = getLong(MAX_IN_FLIGHT_BYTES_CONFIG);
        charset = Charset.forName(getString(CHARSET_CONFIG));
        maxLineBytes = getInt(MAX_LINE_BYTES_CONFIG);
        closeInactiveMs = getLong(CLOSE_INACTIVE_CONFIG);
        pollIntervalMs = getLong(POLL_INTERVAL_CONFIG);
        scanIntervalMs = getLong(SCAN_INTERVAL_CONFIG);
        batchMaxRecords = getInt(BATCH_MAX_RECORDS_CONFIG);
        recordKey = getString(RECORD_KEY_CONFIG);
        hostName = getString(HOST_NAME_CONFIG).trim();
        headers = Set.copyOf(getList(HEADERS_CONFIG));
        lineFilter = LineFilter.of(getList(INCLUDE_LINES_CONFIG), getList(EXCLUDE_LINES_CONFIG));
        multilinePattern = getString(MULTILINE_PATTERN_CONFIG);
        multilineNegate = getBoolean(MULTILINE_NEGATE_CONFIG);
        multilineAfter = MATCH_AFTER.equals(getString(MULTILINE_MATCH_CONFIG));
        multilineMaxLines = getInt(MULTILINE_MAX_LINES_CONFIG);
        multilineMaxBytes = getInt(MULTILINE_MAX_BYTES_CONFIG);
        multilineTimeoutMs = getLong(MULTILINE_TIMEOUT_CONFIG);
    }

    /** A joiner for one stream, or null when multiline.pattern is empty. */
    public <F> MultilineJoiner<F> newJoiner() {
        if (multilinePattern.isEmpty()) {
            return null;
        }
        return new MultilineJoiner<>(java.util.regex.Pattern.compile(multilinePattern), multilineNegate,
                multilineAfter, multilineMaxLines, multilineMaxBytes, multilineTimeoutMs);
    }
}
