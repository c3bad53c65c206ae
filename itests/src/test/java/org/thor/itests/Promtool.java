package org.thor.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus' own linter, {@code promtool check metrics}, run on a scrape. CI installs it ({@code .ci/run},
 * Debian package {@code prometheus}); without it the check fails rather than passes unseen.
 */
final class Promtool {

    private static final long TIMEOUT_SECONDS = 60;

    private Promtool() {
    }

    /** @return what promtool reports about the exposition: empty when it finds no problem */
    static String checkMetrics(String exposition) throws IOException, InterruptedException {
        Path input = Files.createTempFile("thor-scrape", ".prom");
        try {
            Files.writeString(input, exposition, StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(executable(), "check", "metrics")
                    .redirectInput(input.toFile())
                    .redirectErrorStream(true)
                    .start();
            String report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("promtool check metrics did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return process.exitValue() == 0 ? report.strip() : "exit " + process.exitValue() + ": " + report.strip();
        } finally {
            Files.deleteIfExists(input);
        }
    }

    private static String executable() {
        for (String directory : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(directory, "promtool");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException("promtool is not installed (Debian: apt-get install prometheus); "
                + ".ci/run installs it for this check");
    }
}
