package org.thor.itests;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.thor.kraft.TopicReader;
import org.thor.testing.FileTrees;
import org.thor.testing.Log4jRolling;
import org.thor.testing.Logrotate;
import org.thor.testing.PythonLogging;
import org.thor.testing.UnprivilegedUser;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Thor's fault suite: the Thor distribution at its shipped defaults and a real broker, numbered
 * lines written the way applications and logrotate write them, and what arrived counted at the
 * end (lost, duplicated, out of order; lost must be 0). It prints one table. In {@code mvn -B
 * install} it runs short; {@code -Dthor.faults.scale=10} (see the README) runs it ten times longer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultSuiteIT {

    private static final int SCALE = Integer.getInteger("thor.faults.scale", 1);
    private static final Duration WAIT = Duration.ofSeconds(180 + 60L * SCALE);
    /** A chunk of {@link RollingLog#CHUNK} lines every 50 ms: 20,000 lines/s per log. */
    private static final Duration PACE = Duration.ofMillis(50);
    private static final List<String> BANNER = IntStream.range(0, 24)
            .mapToObj(i -> String.format("# app 1.0 on host-a, layout header line %02d, the same in every file ..", i)).toList();

    /** The connector's default max.line.bytes. */
    private static final int MAX_LINE_BYTES = 512 * 1024;

    private final ConcurrentLinkedQueue<String> table = new ConcurrentLinkedQueue<>();
    private ThorStack stack;

    @BeforeAll
    void bootTheDistributionAgainstABroker() throws Exception {
        stack = ThorStack.bootDistribution("faults");
    }

    @AfterAll
    void printTheTableAndStop() {
        System.out.printf("%nThor fault suite (scale %d), the distribution at its defaults%n%-58s %10s %10s %6s %6s %6s  %s%n",
                SCALE, "scenario", "written", "received", "lost", "dup", "order", "notes");
        table.forEach(System.out::println);
        if (stack != null) {
            stack.close();
        }
    }

    /**
     * Four logs at 20,000 lines/s each, rotated every 10,000 lines by date, by rename, and by
     * copytruncate twice (the exact path, its copies found beside it; and a pattern matching the
     * copies), every file starting with the same 1.6 KiB banner. The connector is paused while the
     * middle 40 % is written, so Thor is four rotations of each log behind when it resumes (where
     * the losses were) and catches up while the logs go on.
     */
    @Test
    void rotationStormWhileBehind() throws Exception {
        int lines = 100_000 * SCALE;
        Map<String, RollingLog> logs = new LinkedHashMap<>();
        Map<String, String> patterns = new LinkedHashMap<>();
        addLog(RollingLog.Rotation.DATE, "app.log.*", logs, patterns);
        addLog(RollingLog.Rotation.CREATE, "app.log*", logs, patterns);
        addLog(RollingLog.Rotation.COPYTRUNCATE, "app.log", logs, patterns);
        addLog(RollingLog.Rotation.COPYTRUNCATE, "app.log*", logs, patterns);
        String topic = connector("storm", String.join(",", logs.keySet()));

        // Thor falls behind by four rotations of each log: paused through REST while 40 % is written
        ThorRest rest = stack.karaf().rest();
        writeAll(logs.values(), lines * 3 / 10);
        assertEquals(202, rest.put("/connectors/storm/pause", "").status());
        await("the storm's task paused").atMost(WAIT).until(() -> rest.get("/connectors/storm/status").body()
                .contains("\"tasks\":[{\"id\":0,\"state\":\"PAUSED\""));
        writeAll(logs.values(), lines * 4 / 10);
        assertEquals(202, rest.put("/connectors/storm/resume", "").status());
        writeAll(logs.values(), lines - lines * 3 / 10 - lines * 4 / 10);
        long wroteMillis = System.currentTimeMillis();

        int files = lines / 10_000;
        List<ConsumerRecord<String, String>> records = read(topic, logs.size() * (lines + files * BANNER.size()));
        long lagMillis = records.get(records.size() - 1).timestamp() - wroteMillis;
        for (Map.Entry<String, String> stream : patterns.entrySet()) {
            List<String> values = TopicReader.values(records.stream().filter(r -> stream.getValue().equals(r.key())).toList());
            long banners = values.stream().filter(v -> v.startsWith("# app 1.0")).count();
            LineFaults faults = LineFaults.count(values.stream().filter(v -> !v.startsWith("# app 1.0")).toList(), lines);
            row("rotation storm, " + stream.getKey(), lines, values.size() - (int) banners, faults,
                    String.format("paused for 40 %%; banner lines %d of %d; last record %d ms after the last line", banners,
                            (long) files * BANNER.size(), lagMillis));
            assertEquals(new LineFaults(0, 0, 0, 0), faults, stream.getKey());
            assertEquals((long) files * BANNER.size(), banners, stream.getKey() + ": one banner per file");
        }
    }

    /**
     * Logs whose files look alike where a weak proof of identity looks, written at 20,000 lines/s
     * each while Thor follows them, rolled every 5,000 lines: a CSV log by date whose every third
     * file holds only its 23-byte header, a date-rolled log and a renamed log of fixed-width lines
     * that end in the same padding, every file beginning with the same banner (so files of one
     * size, equal at their start and before any read position). Every line once, in order.
     */
    @Test
    void filesThatLookAlikeAtFullSpeed() throws Exception {
        int lines = 60_000 * SCALE;
        Map<String, RollingLog> logs = new LinkedHashMap<>();
        Map<String, String> patterns = new LinkedHashMap<>();
        addShapedLog("csv by date, header-only files", "app.log.*", RollingLog.Rotation.DATE,
                List.of("time,level,host,message"), 0, 3, logs, patterns);
        addShapedLog("fixed-width by date", "app.log.*", RollingLog.Rotation.DATE, BANNER, 80, 0, logs, patterns);
        addShapedLog("fixed-width renamed", "app.log*", RollingLog.Rotation.CREATE, BANNER.subList(0, 18), 80, 0,
                logs, patterns);
        String topic = connector("alike", String.join(",", logs.keySet()));
        writeAll(logs.values(), lines);
        int banners = logs.values().stream().mapToInt(log -> log.files() * log.bannerLines()).sum();
        List<ConsumerRecord<String, String>> records = read(topic, logs.size() * lines + banners);
        for (Map.Entry<String, String> stream : patterns.entrySet()) {
            RollingLog log = logs.get(stream.getValue());
            List<String> values = TopicReader.values(records.stream().filter(r -> stream.getValue().equals(r.key())).toList());
            List<String> numbered = values.stream().filter(v -> v.startsWith("line ")).toList();
            LineFaults faults = LineFaults.count(numbered, lines);
            row("files alike, " + stream.getKey(), lines, numbered.size(), faults,
                    String.format("%d files; header lines %d of %d", log.files(), values.size() - numbered.size(),
                            log.files() * log.bannerLines()));
            assertEquals(new LineFaults(0, 0, 0, 0), faults, stream.getKey());
            assertEquals(log.files() * log.bannerLines(), values.size() - numbered.size(), stream.getKey() + ": one header per file");
        }
    }

    /**
     * The real logrotate (copytruncate, compress, delaycompress) every 10,000 lines of a log
     * written at 20,000 lines/s through one handle, with the exact path configured (the copies
     * found beside it): every line once, in order. Skipped where logrotate is not installed.
     */
    @Test
    void realLogrotateCopytruncateCompressDelaycompress() throws Exception {
        Path program = Logrotate.find().orElse(null);
        assumeTrue(program != null, Logrotate.INSTALL_HINT);
        // logrotate refuses to rotate in a directory that group or others may write, whatever the umask made it
        Path directory = Files.createDirectories(stack.work().resolve("logs-logrotate"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path log = directory.resolve("app.log");
        Files.createFile(log);
        Logrotate logrotate = Logrotate.copytruncate(program, log, stack.work().resolve("logrotate"));
        String topic = connector("logrotate", log.toString());
        int lines = 100_000 * SCALE;
        logrotate.appendAndRotate(log, RollingLog::line, lines, RollingLog.CHUNK, 10_000, PACE);
        List<String> values = TopicReader.values(read(topic, lines));
        LineFaults faults = LineFaults.count(values, lines);
        long archives;
        try (var files = Files.list(directory)) {
            archives = files.filter(file -> file.getFileName().toString().endsWith(".gz")).count();
        }
        row("real logrotate: copytruncate, compress, delaycompress", lines, values.size(), faults,
                String.format("%s, %d rotations, %d archives", log.getFileName(), lines / 10_000 - 1, archives));
        assertEquals(new LineFaults(0, 0, 0, 0), faults);
    }

    /**
     * Python's logging handlers as an application sets them up: a log rolled by size
     * ({@code RotatingFileHandler}, renaming a chain {@code app.log.N}) and one rolled every second
     * ({@code TimedRotatingFileHandler}, renaming to a dated suffix), each written at about 20,000
     * lines/s by three runs of the application (a restart reopens the log); the connector is paused
     * through the second run, so Thor is many rotations behind. Every line once, in order. Skipped
     * where python3 is not installed.
     */
    @Test
    void pythonLoggingHandlersWhileBehind() throws Exception {
        PythonLogging python = PythonLogging.find(stack.work().resolve("python-writer")).orElse(null);
        assumeTrue(python != null, PythonLogging.INSTALL_HINT);
        Map<String, Path> logs = new LinkedHashMap<>();
        logs.put(PythonLogging.ROTATING, Files.createDirectories(stack.work().resolve("logs-python-size")).resolve("app.log"));
        logs.put(PythonLogging.TIMED, Files.createDirectories(stack.work().resolve("logs-python-time")).resolve("app.log"));
        String topic = connector("python", String.join(",", logs.values().stream().map(log -> log + "*").toList()));
        int lines = 100_000 * SCALE;
        ThorRest rest = stack.karaf().rest();
        writeWithPython(python, logs, 0, lines * 3 / 10);
        assertEquals(202, rest.put("/connectors/python/pause", "").status());
        await("the python task paused").atMost(WAIT).until(() -> rest.get("/connectors/python/status").body()
                .contains("\"tasks\":[{\"id\":0,\"state\":\"PAUSED\""));
        writeWithPython(python, logs, lines * 3 / 10, lines * 7 / 10);
        assertEquals(202, rest.put("/connectors/python/resume", "").status());
        writeWithPython(python, logs, lines * 7 / 10, lines);
        List<ConsumerRecord<String, String>> records = read(topic, logs.size() * lines);
        for (Map.Entry<String, Path> log : logs.entrySet()) {
            String pattern = log.getValue() + "*";
            List<String> values = TopicReader.values(records.stream().filter(r -> pattern.equals(r.key())).toList());
            LineFaults faults = LineFaults.count(values, lines);
            long files;
            try (var listing = Files.list(log.getValue().getParent())) {
                files = listing.count();
            }
            String handler = log.getKey().substring("logging.handlers.".length(), log.getKey().indexOf('('));
            row("Python " + handler, lines, values.size(), faults,
                    String.format("paused for 40 %%; %d files; three runs of the writer", files));
            assertEquals(new LineFaults(0, 0, 0, 0), faults, handler);
        }
    }

    /**
     * log4j2's RollingFileAppender as an application sets it up: rolled at 1 MB to
     * {@code app-<time>-<i>.log.gz} (renamed, compressed in the background, the renamed file then
     * deleted), a header line first in every file, written at about 20,000 lines/s by three runs of
     * the application; the connector is paused through the second. Every line once, in order: an
     * archive's lines before the live file's.
     */
    @Test
    void log4j2RollingFileAppenderWithGzipWhileBehind() throws Exception {
        Path directory = Files.createDirectories(stack.work().resolve("logs-log4j2"));
        String topic = connector("log4j2", directory.resolve(Log4jRolling.FILES).toString());
        int lines = 100_000 * SCALE;
        ThorRest rest = stack.karaf().rest();
        writeWithLog4j(directory, 0, lines * 3 / 10);
        assertEquals(202, rest.put("/connectors/log4j2/pause", "").status());
        await("the log4j2 task paused").atMost(WAIT).until(() -> rest.get("/connectors/log4j2/status").body()
                .contains("\"tasks\":[{\"id\":0,\"state\":\"PAUSED\""));
        writeWithLog4j(directory, lines * 3 / 10, lines * 7 / 10);
        assertEquals(202, rest.put("/connectors/log4j2/resume", "").status());
        writeWithLog4j(directory, lines * 7 / 10, lines);
        long archives;
        try (var files = Files.list(directory)) {
            archives = files.filter(file -> file.getFileName().toString().endsWith(".gz")).count();
        }
        List<String> values = TopicReader.values(read(topic, lines + (int) archives + 1));
        long headers = values.stream().filter(Log4jRolling.HEADER::equals).count();
        LineFaults faults = LineFaults.count(values.stream().filter(v -> !v.equals(Log4jRolling.HEADER)).toList(), lines);
        row("log4j2 RollingFileAppender, gzip", lines, values.size() - (int) headers, faults,
                String.format("paused for 40 %%; %d archives; header lines %d; three runs of the writer", archives, headers));
        assertEquals(new LineFaults(0, 0, 0, 0), faults);
    }

    private void writeWithLog4j(Path directory, int first, int end) throws Exception {
        Path output = stack.work().resolve("log4j2-writer.out");
        Process writer = Log4jRolling.start(directory, "line %07d of the rolling log", first, end, PACE.toMillis(), output);
        assertEquals(true, writer.waitFor(10, java.util.concurrent.TimeUnit.MINUTES), "the log4j2 writer finished");
        assertEquals(0, writer.exitValue(), Files.readString(output));
    }

    private static void writeWithPython(PythonLogging python, Map<String, Path> logs, int first, int end) throws Exception {
        Map<Path, Process> writers = new LinkedHashMap<>();
        for (Map.Entry<String, Path> log : logs.entrySet()) {
            writers.put(log.getValue(), python.start(log.getKey(), log.getValue(), "line %07d of the rolling log", first, end,
                    PACE.toMillis() / 1000.0));
        }
        for (Map.Entry<Path, Process> writer : writers.entrySet()) {
            python.finish(writer.getValue(), writer.getKey());
        }
    }

    /** The broker stopped twice while a log is written and rotated: every line arrives afterwards, once. */
    @Test
    void brokerStoppedAndRestartedTwice() throws Exception {
        RollingLog log = renamedLog("outage");
        String topic = connector("outage", log.current().getParent().resolve("app.log*").toString());
        int phase = 10_000 * SCALE;
        // the outages last as long as the writer takes for its phase: 4,000 lines/s
        Duration slow = Duration.ofMillis(250);
        log.write(phase, PACE);
        stack.broker().stop();
        log.write(phase, slow);
        stack.broker().start();
        log.write(phase, PACE);
        stack.broker().stop();
        log.write(phase, slow);
        stack.broker().start();
        log.write(phase, PACE);
        int lines = 5 * phase;
        List<String> values = TopicReader.values(read(topic, lines));
        LineFaults faults = LineFaults.count(values, lines);
        row("broker stopped twice while writing", lines, values.size(), faults, "two outages of " + phase / 4_000
                + " s; the producer resends a batch whose acknowledgement the outage cut off (at least once)");
        assertEquals(0, faults.lost(), "lost");
        assertEquals(RollingLog.lines(lines), values.stream().distinct().toList(), "in order, but for batches sent again");
    }

    /**
     * The Karaf JVM killed with kill -9 in the middle of a collection at 20,000 lines/s, lines
     * written on while it is down, then started again: every line arrives; what was sent after the
     * last offset commit is sent again (at least once), after the first copies, which are in order.
     */
    @Test
    void karafKilledAndStartedAgain() throws Exception {
        RollingLog log = renamedLog("killed");
        String topic = connector("killed", log.current().getParent().resolve("app.log*").toString());
        int lines = 100_000 * SCALE;
        int beforeKill = lines * 2 / 5;
        int whileDown = lines * 3 / 10;
        log.write(beforeKill, PACE);
        stack.karaf().killAndStartAgain();
        long killed = System.currentTimeMillis();
        log.write(whileDown, PACE);
        await("Thor's REST API after the restart").atMost(WAIT).until(stack.karaf().rest()::answers);
        long up = System.currentTimeMillis();
        log.write(lines - beforeKill - whileDown, PACE);
        List<String> values = TopicReader.values(read(topic, lines));
        LineFaults faults = LineFaults.count(values, lines);
        row("Karaf killed (kill -9) and started again", lines, values.size(), faults, String.format(
                "killed after %d lines, REST back %.1f s later; sent again: what followed the last offset commit",
                beforeKill, (up - killed) / 1000.0));
        assertEquals(0, faults.lost(), "lost");
        assertEquals(RollingLog.lines(lines), values.stream().distinct().toList(), "in order, but for lines sent again");
    }

    /**
     * Thor stopped (SIGTERM, as for an upgrade) and later killed (kill -9) while three logs are
     * written at 10,000 lines/s and rotated every 10,000 lines, by date, by rename, and by
     * copytruncate of the exact path (its copies found beside it): the rotations made while Thor
     * is down are owed, the copies oldest first. Every line arrives, in order but for what the
     * kill makes Thor send again (what followed the last offset commit).
     */
    @Test
    void stoppedThenKilledWhileCopytruncateRotates() throws Exception {
        int lines = 100_000 * SCALE;
        Duration pace = Duration.ofMillis(100);
        Map<String, RollingLog> logs = new LinkedHashMap<>();
        Map<String, String> patterns = new LinkedHashMap<>();
        addLog(RollingLog.Rotation.DATE, "app.log.*", logs, patterns, "down");
        addLog(RollingLog.Rotation.CREATE, "app.log*", logs, patterns, "down");
        addLog(RollingLog.Rotation.COPYTRUNCATE, "app.log", logs, patterns, "down");
        String topic = connector("down", String.join(",", logs.keySet()));
        ThorRest rest = stack.karaf().rest();
        writeAll(logs.values(), lines * 3 / 10, pace);
        stack.karaf().stopAndStartAgain();
        writeAll(logs.values(), lines * 3 / 10, pace);
        await("Thor's REST API after the stop").atMost(WAIT).until(rest::answers);
        writeAll(logs.values(), lines / 10, pace);
        stack.karaf().killAndStartAgain();
        writeAll(logs.values(), lines * 2 / 10, pace);
        await("Thor's REST API after the kill").atMost(WAIT).until(rest::answers);
        writeAll(logs.values(), lines - lines * 9 / 10, pace);
        List<ConsumerRecord<String, String>> records = read(topic, logs.size() * (lines + lines / 10_000 * BANNER.size()));
        for (Map.Entry<String, String> stream : patterns.entrySet()) {
            List<String> values = TopicReader.values(records.stream().filter(r -> stream.getValue().equals(r.key())).toList())
                    .stream().filter(v -> !v.startsWith("# app 1.0")).toList();
            LineFaults faults = LineFaults.count(values, lines);
            row("stopped, then killed, " + stream.getKey(), lines, values.size(), faults,
                    "stopped after 30 %, 30 % written while down; killed after 70 %, 20 % written while down");
            assertEquals(0, faults.lost(), stream.getKey() + ": lost");
            assertEquals(RollingLog.lines(lines), values.stream().distinct().toList(), stream.getKey() + ": in order, but for lines sent again");
        }
    }

    /**
     * In a stream's directory, a file its mode makes unreadable and a symlink loop that no one can
     * even stat: the other file's lines all arrive; nothing stops; /metrics counts the files it cannot
     * read and thor:status names them. Where the suite runs as root (CI does), Thor is restarted for
     * this row as a system user made for the purpose, which the mode stops (and as root again after
     * it), and the file is read once its mode allows; where root cannot make that user, or it could
     * not reach Karaf's home, the row runs as root, which reads the file, as a collector run as root
     * does, and only the loop is unreadable.
     */
    @Test
    void unreadableFilesStopNothing() throws Exception {
        Path directory = Files.createDirectories(stack.work().resolve("logs-unreadable"));
        int lines = 1_000 * SCALE;
        Path locked = directory.resolve("locked.log");
        Files.writeString(locked, "locked line\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        Path loop = Files.createSymbolicLink(directory.resolve("loop.log"), directory.resolve("loop.log"));
        boolean root = "root".equals(System.getProperty("user.name"));
        String user = root ? UnprivilegedUser.ensure(stack.karaf().home(), directory).orElse("root") : System.getProperty("user.name");
        boolean readsAll = "root".equals(user);
        if (root && !readsAll) {
            restartAs(user);
        }
        try {
            String stream = directory.resolve("*.log").toString();
            String topic = connector("unreadable", stream);
            RollingLog log = new RollingLog(directory, 1_000_000, RollingLog.Rotation.DATE);
            log.write(lines);
            Files.move(directory.resolve("app.log.0000"), directory.resolve("ok.log"));
            List<String> values = new ArrayList<>(TopicReader.values(read(topic, lines + (readsAll ? 1 : 0))));
            boolean lockedRead = values.remove("locked line");
            LineFaults faults = LineFaults.count(values, lines);
            row("unreadable file and a symlink loop beside a log", lines, values.size(), faults,
                    readsAll ? "run as root: the mode-000 file is read too (" + (lockedRead ? "it was" : "IT WAS NOT") + ")"
                            : "run as " + user + ": the mode-000 file is skipped and reported");
            assertEquals(new LineFaults(0, 0, 0, 0), faults);
            assertEquals(readsAll, lockedRead, "root reads a mode-000 file; another user cannot");
            if (!readsAll) {
                String report = locked + " java.nio.file.AccessDeniedException";
                await("the unreadable file reported in karaf.log").atMost(WAIT).until(() -> stack.karaf().log().contains(report));
            }
            List<Path> unreadable = readsAll ? List.of(loop) : List.of(locked, loop);
            awaitUnreadableCounted(stream, unreadable.size());
            String status = stack.karaf().shell("thor:status unreadable");
            for (Path file : unreadable) {
                assertTrue(status.contains("Cannot read " + file + " (stream " + stream + ", task 0)"), status);
            }
            if (!readsAll) {
                Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-r--r--"));
                assertTrue(TopicReader.values(read(topic, lines + 1)).contains("locked line"), "read once its mode allows");
                awaitUnreadableCounted(stream, 1);
            }
        } finally {
            if (root && !readsAll) {
                restartAs("root");
            }
        }
    }

    private void awaitUnreadableCounted(String stream, int files) {
        String sample = "thor_files_unreadable{connector=\"unreadable\",stream=\"" + stream + "\",task=\"0\"} " + files + ".0";
        await("/metrics: " + sample).atMost(WAIT).until(() -> stack.karaf().rest().get("/metrics").body().lines().anyMatch(sample::equals));
    }

    /** Thor stopped (SIGTERM) and started again as {@code user}; returns once its connectors run again. */
    private void restartAs(String user) throws Exception {
        stack.karaf().stopAndStartAgainAs(user);
        await("Thor's REST API after the restart as " + user).atMost(WAIT).until(stack.karaf().rest()::answers);
    }

    /** A stream's directory is deleted and made again; another stream of the connector does not stop. */
    @Test
    void deletedDirectoryAndAnotherStream() throws Exception {
        Path gone = Files.createDirectories(stack.work().resolve("logs-deleted"));
        Path other = Files.createDirectories(stack.work().resolve("logs-other"));
        String gonePattern = gone.resolve("*.log").toString();
        String otherPattern = other.resolve("*.log").toString();
        RollingLog first = new RollingLog(gone, 1_000_000, RollingLog.Rotation.DATE);
        String topic = connector("deleted-dir", gonePattern + "," + otherPattern);
        int lines = 2_000 * SCALE;
        first.write(lines);
        Files.move(gone.resolve("app.log.0000"), gone.resolve("a.log"));
        try (TopicReader reader = new TopicReader(stack.broker().bootstrapServers(), topic)) {
            reader.read(lines, WAIT);
        }
        FileTrees.delete(gone);
        RollingLog second = new RollingLog(other, 1_000_000, RollingLog.Rotation.DATE);
        second.write(lines);
        Files.move(other.resolve("app.log.0000"), other.resolve("b.log"));
        Files.createDirectories(gone);
        first.write(lines);
        Files.move(gone.resolve("app.log.0000"), gone.resolve("c.log"));
        List<ConsumerRecord<String, String>> records = read(topic, 3 * lines);
        List<String> goneStream = TopicReader.values(records.stream().filter(r -> gonePattern.equals(r.key())).toList());
        List<String> otherStream = TopicReader.values(records.stream().filter(r -> otherPattern.equals(r.key())).toList());
        row("directory deleted and made again", 2 * lines, goneStream.size(), LineFaults.count(goneStream, 2 * lines), "");
        row("another stream meanwhile", lines, otherStream.size(), LineFaults.count(otherStream, lines), "");
        assertEquals(RollingLog.lines(2 * lines), goneStream);
        assertEquals(RollingLog.lines(lines), otherStream);
    }

    /** A 10 MB line is sent in parts of max.line.bytes (each fits Kafka's default message size); bytes invalid in UTF-8 become U+FFFD; nothing after them is lost. */
    @Test
    void tenMegabyteLineAndInvalidUtf8() throws Exception {
        Path directory = Files.createDirectories(stack.work().resolve("logs-bad"));
        String longLine = "x".repeat(10 * 1024 * 1024);
        int lines = 1_000 * SCALE;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((RollingLog.line(0) + "\n" + longLine + "\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(RollingLog.line(1).getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {' ', (byte) 0xC3, (byte) 0x28, '\n'});
        for (int i = 2; i < lines; i++) {
            bytes.writeBytes((RollingLog.line(i) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String topic = connector("bad-input", directory.resolve("app.log").toString());
        Files.write(directory.resolve("app.log"), bytes.toByteArray());
        int parts = (longLine.length() + MAX_LINE_BYTES - 1) / MAX_LINE_BYTES;
        List<ConsumerRecord<String, String>> records = read(topic, lines + parts);
        List<String> values = TopicReader.values(records);
        StringBuilder joined = new StringBuilder();
        List<String> numbered = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            if (record.value().startsWith("x")) {
                joined.append(record.value());
            } else {
                numbered.add(record.value().replace(" \uFFFD(", ""));
            }
        }
        long continued = records.stream().filter(r -> header(r, "thor.line.continued") != null).count();
        LineFaults faults = LineFaults.count(numbered, lines);
        row("10 MB line and invalid UTF-8", lines + 1, numbered.size() + (joined.length() == longLine.length() ? 1 : 0), faults,
                String.format("long line in %d records, %d marked continued", values.size() - numbered.size(), continued));
        assertEquals(longLine, joined.toString(), "the long line, put back together from its parts");
        assertEquals(parts - 1, continued, "every part but the first is marked continued");
        assertEquals(RollingLog.line(1) + " \uFFFD(", values.stream().filter(v -> v.startsWith(RollingLog.line(1))).findFirst().orElseThrow());
        assertEquals(RollingLog.lines(lines), numbered);
    }

    /** Fifty connectors of ten files each in one Karaf: every line of every file, once. */
    @Test
    void fiftyConnectorsOfTenFilesEach() throws Exception {
        int connectors = 50;
        int files = 10;
        int linesPerFile = 100 * SCALE;
        String topic = "many-" + System.nanoTime();
        for (int c = 0; c < connectors; c++) {
            Path directory = Files.createDirectories(stack.work().resolve("many/c" + c));
            for (int f = 0; f < files; f++) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < linesPerFile; i++) {
                    text.append(RollingLog.line(f * linesPerFile + i)).append('\n');
                }
                Path file = directory.resolve(String.format("app.log.%02d", f));
                Files.writeString(file, text);
                Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000 + f * 1000L));
            }
            stack.karaf().writeConfig("org.thor.connector-many-" + c + ".cfg", Map.of(
                    "files", directory.resolve("app.log.*").toString(), "topic", topic));
        }
        List<ConsumerRecord<String, String>> records = read(topic, connectors * files * linesPerFile);
        int lost = 0;
        int duplicated = 0;
        int outOfOrder = 0;
        for (int c = 0; c < connectors; c++) {
            String pattern = stack.work().resolve("many/c" + c).resolve("app.log.*").toString();
            LineFaults faults = LineFaults.count(TopicReader.values(records.stream().filter(r -> pattern.equals(r.key())).toList()),
                    files * linesPerFile);
            lost += faults.lost();
            duplicated += faults.duplicated();
            outOfOrder += faults.outOfOrder();
        }
        LineFaults all = new LineFaults(lost, duplicated, outOfOrder, 0);
        row("50 connectors x 10 files", connectors * files * linesPerFile, records.size(), all, "");
        assertEquals(new LineFaults(0, 0, 0, 0), all);
    }

    /** A log in a directory of its own, renamed every 10,000 lines. */
    private RollingLog renamedLog(String name) throws java.io.IOException {
        return new RollingLog(Files.createDirectories(stack.work().resolve("logs-" + name)), 10_000, RollingLog.Rotation.CREATE);
    }

    /** Creates the connector NAME (an etc/ file, as an operator does) and waits for its task; returns its topic. */
    private String connector(String name, String files) throws Exception {
        String topic = name + "-" + System.nanoTime();
        stack.karaf().writeConfig("org.thor.connector-" + name + ".cfg", Map.of("files", files, "topic", topic));
        ThorRest rest = stack.karaf().rest();
        await().atMost(WAIT).until(() -> rest.get("/connectors/" + name + "/status").body()
                .contains("\"tasks\":[{\"id\":0,\"state\":\"RUNNING\""));
        return topic;
    }

    /** Writes the next {@code count} lines of every log at once, each at 20,000 lines/s. */
    private static void writeAll(java.util.Collection<RollingLog> logs, int count) throws Exception {
        writeAll(logs, count, PACE);
    }

    /** Writes the next {@code count} lines of every log at once, a chunk of each every {@code pace}. */
    private static void writeAll(java.util.Collection<RollingLog> logs, int count, Duration pace) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(logs.size());
        try {
            List<Future<?>> writing = new ArrayList<>();
            for (RollingLog log : logs) {
                writing.add(writers.submit(() -> {
                    log.write(count, pace);
                    return null;
                }));
            }
            for (Future<?> done : writing) {
                done.get();
            }
        } finally {
            writers.shutdown();
        }
    }

    private List<ConsumerRecord<String, String>> read(String topic, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (TopicReader reader = new TopicReader(stack.broker().bootstrapServers(), topic)) {
            records.addAll(reader.read(expected, WAIT));
            records.addAll(reader.readUntilQuiet(Duration.ofSeconds(3)));
        }
        return records;
    }

    private void addLog(RollingLog.Rotation rotation, String glob, Map<String, RollingLog> logs, Map<String, String> patterns)
            throws java.io.IOException {
        addLog(rotation, glob, logs, patterns, "storm");
    }

    private void addLog(RollingLog.Rotation rotation, String glob, Map<String, RollingLog> logs, Map<String, String> patterns,
                        String scenario) throws java.io.IOException {
        String name = rotation.name().toLowerCase() + (glob.endsWith("*") ? " (copies matched)" : " (exact path)");
        Path directory = Files.createDirectories(stack.work().resolve(scenario + "-logs-" + name.replaceAll("[^a-z]+", "-")));
        RollingLog log = new RollingLog(directory, 10_000, rotation, BANNER);
        Files.createFile(log.current());
        String pattern = directory.resolve(glob).toString();
        logs.put(pattern, log);
        patterns.put(name, pattern);
    }

    private void addShapedLog(String name, String glob, RollingLog.Rotation rotation, List<String> banner, int padding,
                              int headerOnlyEvery, Map<String, RollingLog> logs, Map<String, String> patterns)
            throws java.io.IOException {
        Path directory = Files.createDirectories(stack.work().resolve("logs-" + name.replaceAll("[^a-z]+", "-")));
        RollingLog log = new RollingLog(directory, 5_000, rotation, banner).shaped(padding, headerOnlyEvery);
        Files.createFile(log.current());
        logs.put(directory.resolve(glob).toString(), log);
        patterns.put(name, directory.resolve(glob).toString());
    }

    private void row(String scenario, int written, int received, LineFaults faults, String notes) {
        table.add(String.format("%-58s %10d %10d %6d %6d %6d  %s", scenario, written, received, faults.lost(),
                faults.duplicated(), faults.outOfOrder(), notes));
    }

    private static Object header(ConsumerRecord<String, String> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : header.value();
    }
}
