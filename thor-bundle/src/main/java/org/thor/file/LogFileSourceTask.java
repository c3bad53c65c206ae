package org.thor.file;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thor.file.config.LogFileSourceConfig;
import org.thor.file.find.ChangeWatch;
import org.thor.file.format.Formats;
import org.thor.file.metrics.StreamMetrics;
import org.thor.file.metrics.TaskMetrics;
import org.thor.file.metrics.TaskMetricsMBean;
import org.thor.file.offset.DirectoryPartition;
import org.thor.file.offset.StoredPositions;
import org.thor.file.read.HostName;
import org.thor.file.read.LineDecoder;
import org.thor.file.read.LineHeaders;
import org.thor.file.read.MultilineJoiner;
import org.thor.file.read.ReadLine;
import org.thor.file.read.RecordBytes;
import org.thor.file.stream.FileStream;
import org.thor.file.stream.LineSink;
import org.thor.file.stream.StreamRestore;
import org.thor.file.tracking.TrackedFile;
import org.thor.format.Line;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the task's streams and hands their lines to Connect, at most max.in.flight.records
 * unacknowledged at a time. Headers ({@link LineHeaders}, those the {@code headers} key names):
 * {@value LineHeaders#PATH_HEADER}, {@value LineHeaders#OFFSET_HEADER} (byte offset of the line's start),
 * {@value LineHeaders#HOST_HEADER}, and always {@value LineHeaders#CONTINUED_HEADER} on the later parts of a split overlong line.
 */
public class LogFileSourceTask extends SourceTask {

    private static final Logger log = LoggerFactory.getLogger(LogFileSourceTask.class);

    private final TaskMetrics metrics = new TaskMetrics();
    private final boolean[] invalid = new boolean[1];
    private LogFileSourceConfig config;
    private List<FileStream> streams;
    private InFlightLimit inFlight;
    private LineDecoder decoder;
    private String host;
    private LineHeaders lineHeaders;
    private ChangeWatch changes;
    private TaskFormat format;
    private int nextStream;
    /** Per stream, its counters. */
    private final Map<FileStream, StreamMetrics> counters = new LinkedHashMap<>();
    /** Per stream, when multiline.pattern is set. */
    private final Map<FileStream, MultilineJoiner<TrackedFile>> joiners = new HashMap<>();
    /** The records of the poll under way. */
    private PollBatch batch;
    private volatile boolean stopping;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new LogFileSourceConfig(props);
        host = config.hostName.isEmpty() ? HostName.local() : config.hostName;
        decoder = new LineDecoder(config.charset);
        lineHeaders = new LineHeaders(config.headers.contains(LogFileSourceConfig.HEADER_PATH),
                config.headers.contains(LogFileSourceConfig.HEADER_OFFSET),
                config.headers.contains(LogFileSourceConfig.HEADER_HOST) ? host : null);
        inFlight = new InFlightLimit(config.maxInFlightRecords, config.maxInFlightBytes);
        format = new TaskFormat(config);
        if (!format.found() && !Formats.insideOsgi()) {
            throw new ConnectException("No line format named '" + config.format + "' is installed");
        }
        changes = ChangeWatch.open("Connector " + props.getOrDefault("name", "log-file-source") + " task "
                + props.getOrDefault(LogFileSourceConnector.TASK_INDEX_CONFIG, "0"));
        streams = new ArrayList<>();
        List<String> allPatterns = java.util.Arrays.stream(props.getOrDefault(LogFileSourceConnector.TASK_ALL_FILES_CONFIG,
                String.join(",", config.files)).split(",")).map(String::trim).distinct().toList();
        counters.clear();
        for (String pattern : config.files) {
            int index = allPatterns.indexOf(pattern);
            StreamMetrics counts = new StreamMetrics(pattern);
            FileStream stream = new FileStream(pattern, index < 0 ? List.of() : allPatterns.subList(0, index), config, counts, changes);
            counts.watch(stream);
            streams.add(stream);
            counters.put(stream, counts);
        }
        joiners.clear();
        for (FileStream stream : streams) {
            MultilineJoiner<TrackedFile> joiner = config.newJoiner();
            if (joiner != null) {
                joiners.put(stream, joiner);
            }
        }
        startStreams(System.currentTimeMillis());
        metrics.watch(List.copyOf(counters.values()), inFlight::inFlight, inFlight::peak);
        metrics.register(props.getOrDefault("name", "log-file-source"),
                props.getOrDefault(LogFileSourceConnector.TASK_INDEX_CONFIG, "0"));
    }

    /**
     * Matches the files each stream finds to the positions stored under their directories (every
     * stream by inode first, then by content), and starts the streams from there.
     */
    private void startStreams(long now) {
        List<StreamRestore> restores = streams.stream().map(stream -> stream.listForRestore(now)).toList();
        Map<Path, List<FileStream>> byRoot = new LinkedHashMap<>();
        streams.forEach(stream -> byRoot.computeIfAbsent(stream.root, root -> new ArrayList<>()).add(stream));
        Set<Path> directories = new HashSet<>();
        restores.forEach(restore -> directories.addAll(restore.directories()));
        StoredPositions positions = StoredPositions.of(context.offsetStorageReader()
                .offsets(StoredPositions.partitions(byRoot.keySet(), directories, config.files)), byRoot.keySet());
        restores.forEach(restore -> restore.claimByKey(positions));
        restores.forEach(restore -> restore.claimByContent(positions));
        Map<Path, DirectoryPartition> partitions = new HashMap<>();
        byRoot.forEach((root, rooted) -> partitions.put(root,
                new DirectoryPartition(root, rooted.stream().map(stream -> stream.pattern).toList())));
        for (int i = 0; i < streams.size(); i++) {
            FileStream stream = streams.get(i);
            stream.start(restores.get(i), positions, partitions.get(stream.root));
        }
        // an owned partition is a stream's root or, stored before, its pattern: the first such stream counts it
        StreamRestore.reportUnclaimed(positions, partitionName -> counters.get(streams.stream()
                .filter(stream -> stream.pattern.equals(partitionName) || stream.root.toString().equals(partitionName))
                .findFirst().orElseThrow()));
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (!format.found()) {
            pause();
            return null;
        }
        int room = inFlight.room(config.pollIntervalMs);
        if (room == 0) {
            // Kafka is behind: read nothing, but keep following rotations and the metrics
            maintain(System.currentTimeMillis());
            return null;
        }
        synchronized (this) {
            if (stopping) {
                return null;
            }
            long now = System.currentTimeMillis();
            batch = new PollBatch(Math.min(room, config.batchMaxRecords), inFlight.byteRoom(), now);
            int max = Math.min(room, config.batchMaxRecords);
            int consumed;
            do {
                // lines joined into a held multiline event, or dropped, give no record: read on rather than wait
                consumed = 0;
                for (int i = 0; i < streams.size() && batch.size() < max && !batch.full(); i++) {
                    FileStream stream = streams.get((nextStream + i) % streams.size());
                    consumed += stream.read(max - batch.size(), new LineSink() {
                        @Override
                        public void line(TrackedFile file, ReadLine line, Map<String, Object> offset) {
                            add(stream, file, line, offset);
                        }

                        @Override
                        public boolean full() {
                            return batch.full();
                        }
                    }, now);
                }
            } while (batch.size() == 0 && consumed > 0 && !stopping
                    && System.currentTimeMillis() - now < config.pollIntervalMs);
            nextStream = (nextStream + 1) % streams.size();
            for (FileStream stream : streams) {
                MultilineJoiner<TrackedFile> joiner = joiners.get(stream);
                if (joiner != null) {
                    joiner.expire(now, event -> addEvent(stream, event));
                }
            }
        }
        maintain(System.currentTimeMillis());
        if (batch.size() == 0) {
            pause();
            return null;
        }
        inFlight.sent(batch.size(), batch.bytes());
        return batch.records();
    }

    private synchronized void maintain(long now) {
        if (!stopping) {
            for (FileStream stream : streams) {
                stream.maintain(now);
            }
        }
    }

    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) {
        inFlight.acknowledged(RecordBytes.of(record));
    }

    @Override
    public void stop() {
        stopping = true;
        if (inFlight != null) {
            inFlight.wakeUp();
        }
        if (changes != null) {
            changes.close();
        }
        synchronized (this) {
            if (streams != null) {
                streams.forEach(FileStream::close);
            }
            if (format != null) {
                format.close();
            }
        }
        metrics.close();
    }

    TaskMetricsMBean metrics() {
        return metrics;
    }

    private void add(FileStream stream, TrackedFile file, ReadLine line, Map<String, Object> offset) {
        String text = decoder.decode(line.lineBytes(), line.lineOffset(), line.lineLength(), invalid);
        counters.get(stream).lineRead(line.lineEnd() - line.lineStart(), invalid[0], line.lineSplit());
        MultilineJoiner<TrackedFile> joiner = joiners.get(stream);
        if (joiner != null) {
            joiner.add(file, text, line.lineContinued(), line.lineEnds(), line.lineStart(), offset, batch.startMillis(),
                    event -> addEvent(stream, event));
            return;
        }
        addRecord(stream, file, text, line.lineStart(), offset, line.lineContinued());
    }

    private void addEvent(FileStream stream, MultilineJoiner.Event<TrackedFile> event) {
        addRecord(stream, event.file(), event.text(), event.firstOffset(), event.offset(), event.continued());
    }

    private void addRecord(FileStream stream, TrackedFile file, String text, long lineStart, Map<String, Object> offset,
                           boolean continued) {
        StreamMetrics counts = counters.get(stream);
        if (!config.lineFilter.keeps(text)) {
            counts.lineDropped();
            return;
        }
        String path = file.path().toString();
        SchemaAndValue value = format.format(new Line(text, path, lineStart, host, stream.pattern), counts);
        if (value == null) {
            counts.lineDropped();
            return;
        }
        ConnectHeaders headers = lineHeaders.of(path, lineStart, continued);
        String key = switch (config.recordKey) {
            case LogFileSourceConfig.KEY_PATH -> path;
            case LogFileSourceConfig.KEY_NONE -> null;
            default -> stream.pattern;
        };
        SourceRecord record = new SourceRecord(stream.partition(), offset, config.topic, null,
                Schema.OPTIONAL_STRING_SCHEMA, key, value.schema(), value.value(), null, headers);
        batch.add(record);
    }

    /** Waits for a change to one of the streams' files, at most poll.interval.ms. */
    private void pause() throws InterruptedException {
        if (stopping) {
            return;
        }
        Set<Path> directories = new HashSet<>();
        synchronized (this) {
            streams.forEach(stream -> stream.addDirectories(directories));
        }
        changes.watch(directories);
        changes.await(config.pollIntervalMs, this::follows);
    }

    /** Whether one of the streams tracks the file at {@code path} now (package-private: tests wait on it). */
    synchronized boolean follows(Path path) {
        return streams.stream().anyMatch(stream -> stream.follows(path));
    }
}
