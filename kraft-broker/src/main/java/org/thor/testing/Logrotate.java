package org.thor.testing;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * The real logrotate program rotating one log with copytruncate, compress and delaycompress,
 * every rotated file kept, the way Debian's /etc/logrotate.d entries for applications that cannot
 * reopen their log do it. Its configuration and state file live in their own directory, away from
 * the logs the connector reads.
 */
public final class Logrotate {

    public static final String INSTALL_HINT = "the logrotate program is not installed; on Debian or Ubuntu: apt-get install logrotate";

    private final Path program;
    private final Path configuration;
    private final Path state;
    private final Path output;

    private Logrotate(Path program, Path directory) {
        this.program = program;
        this.configuration = directory.resolve("logrotate.conf");
        this.state = directory.resolve("logrotate.state");
        this.output = directory.resolve("logrotate.out");
    }

    /** logrotate on the PATH, else where Debian puts it (/usr/sbin is often not on a user's PATH). */
    public static Optional<Path> find() {
        List<Path> candidates = new ArrayList<>();
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!directory.isEmpty()) {
                candidates.add(Path.of(directory, "logrotate"));
            }
        }
        candidates.add(Path.of("/usr/sbin/logrotate"));
        candidates.add(Path.of("/sbin/logrotate"));
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /** Writes the configuration for {@code log} under {@code directory}. */
    public static Logrotate copytruncate(Path program, Path log, Path directory) throws IOException {
        Logrotate logrotate = new Logrotate(program, Files.createDirectories(directory));
        Files.writeString(logrotate.configuration, String.join("\n",
                "\"" + log + "\" {",
                "    copytruncate",
                "    compress",
                "    delaycompress",
                "    rotate 1000",
                "    missingok",
                "}",
                ""), StandardCharsets.UTF_8);
        // logrotate ignores a configuration that group or others may write, whatever the umask made it
        Files.setPosixFilePermissions(logrotate.configuration, PosixFilePermissions.fromString("rw-r--r--"));
        return logrotate;
    }

    /** One forced rotation ({@code -f}: not waiting for a daily/weekly period); fails with logrotate's own words. */
    public void rotate() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(program.toString(), "-f", "-s", state.toString(), configuration.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(program + " did not finish within 30 s: " + Files.readString(output).strip());
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(program + " -f -s " + state + " " + configuration + " exited with "
                    + process.exitValue() + ": " + Files.readString(output).strip());
        }
    }

    /**
     * The application: {@code lines} lines ({@code line.apply(i)}) appended through one handle it
     * never reopens, {@code perWrite} lines a write every {@code pace}, logrotate run after every
     * {@code perRotation} lines (between two writes: a write landing between logrotate's copy and
     * its truncation would be lost by logrotate itself, which no reader can help).
     */
    public void appendAndRotate(Path log, IntFunction<String> line, int lines, int perWrite, int perRotation,
                                Duration pace) throws IOException, InterruptedException {
        try (FileChannel out = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            StringBuilder chunk = new StringBuilder();
            for (int i = 0; i < lines; i++) {
                chunk.append(line.apply(i)).append('\n');
                if ((i + 1) % perWrite == 0 || i + 1 == lines) {
                    out.write(ByteBuffer.wrap(chunk.toString().getBytes(StandardCharsets.UTF_8)));
                    chunk.setLength(0);
                    if ((i + 1) % perRotation == 0 && i + 1 < lines) {
                        rotate();
                    }
                    Thread.sleep(pace.toMillis()); // the application's pace, not a synchronisation
                }
            }
        }
    }
}
