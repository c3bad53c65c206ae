package org.thor.deb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Starts a unit's {@code ExecStart} the way systemd would where systemd is not PID 1: as its
 * {@code User} and {@code Group} with exactly its {@code SupplementaryGroups}, its environment
 * (systemd's own variables, {@code Environment=}, {@code EnvironmentFile=}), working directory,
 * umask, file limit and no-new-privileges; and stops it with its {@code KillSignal} within
 * {@code TimeoutStopSec}, accepting its {@code SuccessExitStatus}.
 * <p>
 * The sandboxing directives need systemd's namespaces and are checked by
 * {@code systemd-analyze verify} instead. A directive this class neither applies nor lists there
 * fails the test, so the unit cannot gain a setting the test silently ignores.
 */
final class ServiceProcess {

    private static final Set<String> APPLIED = Set.of("User", "Group", "SupplementaryGroups", "Environment",
            "EnvironmentFile", "WorkingDirectory", "ExecStart", "UMask", "LimitNOFILE", "NoNewPrivileges",
            "KillSignal", "TimeoutStopSec", "SuccessExitStatus");
    private static final Set<String> LEFT_TO_SYSTEMD = Set.of("Type", "Restart", "RestartSec", "KillMode",
            "ProtectSystem", "ReadWritePaths", "ProtectHome", "PrivateTmp", "PrivateDevices", "ProtectKernelTunables",
            "ProtectKernelModules", "ProtectControlGroups", "RestrictSUIDSGID", "LockPersonality");
    private static final String SYSTEMD_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private final UnitFile unit;
    private final Path output;
    private Process process;

    /** {@code output} receives what the service prints, as the journal would. */
    ServiceProcess(UnitFile unit, Path output) {
        this.unit = unit;
        this.output = output;
        for (String directive : unit.directives()) {
            if (!APPLIED.contains(directive) && !LEFT_TO_SYSTEMD.contains(directive)) {
                throw new AssertionError("The unit sets " + directive + ", which ServiceProcess does not know: "
                        + "apply it there or list it as left to systemd");
            }
        }
        if (!"SIGTERM".equals(unit.value("KillSignal"))) {
            throw new AssertionError("ServiceProcess stops with SIGTERM (Process.destroy); the unit says "
                    + unit.value("KillSignal"));
        }
    }

    synchronized void start() throws IOException {
        if (isRunning()) {
            throw new IllegalStateException("already running");
        }
        List<String> command = new ArrayList<>();
        command.add("prlimit");
        long files = Math.min(Long.parseLong(unit.value("LimitNOFILE")), hardFileLimit());
        command.add("--nofile=" + files + ":" + files);
        command.add("setpriv");
        command.add("--reuid=" + unit.value("User"));
        command.add("--regid=" + unit.value("Group"));
        command.add("--groups=" + String.join(",", UnitFile.words(unit.value("SupplementaryGroups"))));
        if ("yes".equals(unit.value("NoNewPrivileges"))) {
            command.add("--no-new-privs");
        }
        command.add("--");
        command.addAll(List.of("/bin/sh", "-c", "umask " + unit.value("UMask") + " && exec \"$@\"", "sh"));
        command.addAll(UnitFile.words(unit.value("ExecStart")));

        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(Path.of(unit.value("WorkingDirectory")).toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment());
        process = builder.start();
    }

    synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * Sends SIGTERM and waits for the exit, at most {@code TimeoutStopSec}; fails when the
     * process needed longer or exited with a status the unit does not count as success.
     */
    synchronized void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        Duration timeout = Duration.ofSeconds(Long.parseLong(unit.value("TimeoutStopSec")));
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            process = null;
            throw new AssertionError("Thor did not stop within TimeoutStopSec=" + timeout.toSeconds() + "s of SIGTERM");
        }
        int status = process.exitValue();
        process = null;
        List<String> success = new ArrayList<>(List.of("0"));
        success.addAll(UnitFile.words(unit.value("SuccessExitStatus")));
        if (!success.contains(Integer.toString(status))) {
            throw new AssertionError("Thor exited with " + status + " after SIGTERM; the unit counts " + success
                    + " as success");
        }
    }

    /** Stops without checks, for clean-up after a failure. */
    synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            process = null;
        }
    }

    private Map<String, String> environment() throws IOException {
        String user = unit.value("User");
        String[] passwd = Commands.run("getent", "passwd", user).requireSuccess().output().strip().split(":");
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", SYSTEMD_PATH);
        environment.put("USER", user);
        environment.put("LOGNAME", user);
        environment.put("HOME", passwd[5]);
        environment.put("SHELL", passwd[6]);
        environment.putAll(unit.environment());
        for (String file : unit.values("EnvironmentFile")) {
            boolean optional = file.startsWith("-");
            Path path = Path.of(optional ? file.substring(1) : file);
            if (optional && !Files.exists(path)) {
                continue;
            }
            environment.putAll(readEnvironmentFile(path));
        }
        return environment;
    }

    private static Map<String, String> readEnvironmentFile(Path file) throws IOException {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String raw : Files.readAllLines(file)) {
            String line = raw.strip();
            int equals = line.indexOf('=');
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";") || equals < 1) {
                continue;
            }
            String value = line.substring(equals + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            environment.put(line.substring(0, equals).strip(), value);
        }
        return environment;
    }

    /** This machine's hard limit on open files, which root in a container may not raise. */
    private static long hardFileLimit() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
            if (line.startsWith("Max open files")) {
                String hard = line.substring("Max open files".length()).strip().split("\\s+")[1];
                return "unlimited".equals(hard) ? Long.MAX_VALUE : Long.parseLong(hard);
            }
        }
        return Long.MAX_VALUE;
    }
}
