package org.thor.deb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the system's programs (dpkg, lintian, systemd-analyze …) as an operator would at a shell. */
final class Commands {

    /** A finished command: its exit status and what it printed, stdout and stderr together. */
    record Result(List<String> command, int status, String output) {
        Result requireSuccess() {
            if (status != 0) {
                throw new AssertionError(String.join(" ", command) + " exited with " + status + ":\n" + output);
            }
            return this;
        }
    }

    private Commands() {
    }

    static Result run(String... command) {
        return run(List.of(command));
    }

    /** Runs a command with stdin closed (so dpkg cannot wait at a prompt) for at most five minutes. */
    static Result run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in five minutes");
            }
            return new Result(command, process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("Could not run " + String.join(" ", command) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while running " + String.join(" ", command), e);
        }
    }

    /** Whether {@code program} is an executable on the usual paths of a Debian system. */
    static boolean installed(String program) {
        for (String dir : List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
