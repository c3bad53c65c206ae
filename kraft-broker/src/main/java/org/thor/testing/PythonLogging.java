package org.thor.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Python's own logging handlers as an application's writer, each run a python3 process: numbered
 * lines through a handler that rotates the way it does. {@link #ROTATING} renames a chain
 * {@code app.log.N} on every roll; {@link #TIMED} renames {@code app.log} to a dated suffix every
 * second. A new run opens the log again, as a restarted application does.
 */
public final class PythonLogging {

    public static final String INSTALL_HINT = "python3 is not installed; on Debian or Ubuntu: apt-get install python3-minimal";
    /** Rolls at 300 kB, renaming the chain {@code app.log.1}, {@code app.log.2} and so on. */
    public static final String ROTATING = "logging.handlers.RotatingFileHandler(path, maxBytes=300000, backupCount=100000)";
    /** Rolls every second to {@code app.log.<date>_<time>}. */
    public static final String TIMED = "logging.handlers.TimedRotatingFileHandler(path, when='S', interval=1, backupCount=100000)";

    private static final String SCRIPT = String.join("\n",
            "import logging, logging.handlers, sys, time",
            "path, handler, line, first, end, pause = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6])",
            "h = eval(handler)",
            "h.setFormatter(logging.Formatter('%(message)s'))",
            "log = logging.getLogger('writer'); log.addHandler(h); log.setLevel(logging.INFO)",
            "for i in range(first, end):",
            "    log.info(line, i)",
            "    if pause > 0 and i % 1000 == 999: time.sleep(pause)",
            "h.close()", "");

    private final Path python;
    private final Path script;

    private PythonLogging(Path python, Path script) {
        this.python = python;
        this.script = script;
    }

    /** The writer, with its script in {@code directory}; empty where python3 is not installed. */
    public static Optional<PythonLogging> find(Path directory) throws IOException {
        for (String candidate : List.of("/usr/bin/python3", "/usr/local/bin/python3")) {
            Path python = Path.of(candidate);
            if (Files.isExecutable(python)) {
                Files.createDirectories(directory);
                return Optional.of(new PythonLogging(python, Files.writeString(directory.resolve("writer.py"), SCRIPT)));
            }
        }
        return Optional.empty();
    }

    /**
     * Starts writing the lines {@code first} to {@code end - 1}, each {@code line} (a Python
     * %-format of the number) through {@code handler} into {@code log}, pausing {@code pauseSeconds}
     * after every 1,000 lines. {@link #finish} waits for it.
     */
    public Process start(String handler, Path log, String line, int first, int end, double pauseSeconds) throws IOException {
        return new ProcessBuilder(python.toString(), script.toString(), log.toString(), handler, line,
                String.valueOf(first), String.valueOf(end), String.valueOf(pauseSeconds))
                .redirectErrorStream(true).redirectOutput(output(log).toFile())
                .start();
    }

    /** Waits for a writer to finish; fails with what it printed when it did not finish well. */
    public void finish(Process writer, Path log) throws IOException, InterruptedException {
        if (!writer.waitFor(10, TimeUnit.MINUTES)) {
            writer.destroyForcibly();
            throw new IOException("the Python writer of " + log + " did not finish in 10 minutes");
        }
        if (writer.exitValue() != 0) {
            throw new IOException("the Python writer of " + log + " failed: "
                    + Files.readString(output(log)));
        }
    }

    /** Where a writer's output goes: beside the script, not among the logs the connector reads. */
    private Path output(Path log) {
        return script.resolveSibling(log.toString().replaceAll("[^A-Za-z0-9]+", "-") + ".out");
    }
}
