package org.thor.itests;

import org.ops4j.pax.exam.ExamSystem;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.TestContainer;
import org.ops4j.pax.exam.karaf.options.KarafDistributionBaseConfigurationOption;
import org.ops4j.pax.exam.karaf.options.LogLevelOption;
import org.ops4j.pax.exam.spi.PaxExamRuntime;
import org.thor.testing.LoopbackPorts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

/**
 * A stock Karaf 4.4 booted by Pax Exam with the {@code thor} feature installed from the features
 * repository, the way an operator would, and seen from outside as an operator sees it: its
 * {@code etc/} files, its Karaf shell (through {@code bin/client}), Thor's REST API and the log.
 */
final class ThorKaraf implements AutoCloseable {

    static final String THOR_VERSION = System.getProperty("thor.version");
    static final String KARAF_VERSION = System.getProperty("karaf.version");

    private final TestContainer container;
    private final Path home;
    private final int sshPort;
    private final int restPort;
    /** Karaf started again by {@link #killAndStartAgain()}, outside Pax Exam. */
    private Process startedAgain;

    private ThorKaraf(TestContainer container, Path home, int sshPort, int restPort) {
        this.container = container;
        this.home = home;
        this.sshPort = sshPort;
        this.restPort = restPort;
    }

    /**
     * Boots a stock Karaf under {@code directory}, installs the {@code thor} feature from Thor's
     * features repository and points Thor at {@code bootstrapServers}; returns once Karaf is up.
     */
    static ThorKaraf boot(Path directory, String bootstrapServers, Option... extra) throws IOException {
        List<Option> options = new ArrayList<>(List.of(extra));
        options.add(features(maven().groupId("org.thor").artifactId("thor-features").type("xml").classifier("features")
                .version(THOR_VERSION), "thor"));
        return boot(karafDistributionConfiguration()
                .frameworkUrl(maven().groupId("org.apache.karaf").artifactId("apache-karaf").type("tar.gz").version(KARAF_VERSION))
                .unpackDirectory(directory.toFile())
                .useDeployFolder(false), bootstrapServers, options);
    }

    /** Boots the Thor distribution, which has Thor installed already, pointed at {@code bootstrapServers}. */
    static ThorKaraf bootDistribution(Path directory, String bootstrapServers) throws IOException {
        return boot(karafDistributionConfiguration()
                .frameworkUrl(maven().groupId("org.thor").artifactId("karaf-assembly").type("tar.gz").version(THOR_VERSION))
                .karafVersion(KARAF_VERSION)
                .name("Thor")
                .unpackDirectory(directory.toFile())
                .useDeployFolder(false), bootstrapServers, List.of());
    }

    private static ThorKaraf boot(Option distribution, String bootstrapServers, List<Option> extra) throws IOException {
        int sshPort = LoopbackPorts.free();
        int restPort = LoopbackPorts.free();
        Path directory = ((KarafDistributionBaseConfigurationOption) distribution).getUnpackDirectory().toPath();
        List<Option> options = new ArrayList<>(List.of(
                distribution,
                keepRuntimeFolder(),
                configureConsole().ignoreLocalConsole(),
                logLevel(LogLevelOption.LogLevel.INFO),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshHost", "127.0.0.1"),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(sshPort)),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryHost", "127.0.0.1"),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerHost", "127.0.0.1"),
                editConfigurationFilePut("etc/users.properties", "karaf", "karaf,_g_:admingroup"),
                editConfigurationFilePut("etc/users.properties", "_g_:admingroup", "group,admin,manager,viewer,systembundles,ssh"),
                editConfigurationFilePut("etc/org.thor.worker.cfg", "bootstrap.servers", bootstrapServers),
                editConfigurationFilePut("etc/org.thor.worker.cfg", "listeners", "http://127.0.0.1:" + restPort),
                // Pax Exam adds its own boot features; installed in the features bundle's activator (the
                // default), the refresh they cause deadlocked a boot on the bundle lock that activator holds
                editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "featuresBootAsynchronous", "true")));
        options.addAll(extra);
        ExamSystem system = PaxExamRuntime.createServerSystem(options.toArray(Option[]::new));
        TestContainer container = PaxExamRuntime.createContainer(system);
        container.start();
        return new ThorKaraf(container, findHome(directory), sshPort, restPort);
    }

    Path home() {
        return home;
    }

    int restPort() {
        return restPort;
    }

    ThorRest rest() {
        return new ThorRest(restPort);
    }

    /** Runs a Karaf shell command through {@code bin/client}, as a person at the console would; returns its output. */
    String shell(String command) throws IOException, InterruptedException {
        Process client = new ProcessBuilder(home.resolve("bin/client").toString(),
                "-h", "127.0.0.1", "-a", Integer.toString(sshPort), "-u", "karaf", "-p", "karaf", "-r", "30", "-d", "1", command)
                .redirectErrorStream(true)
                .start();
        byte[] output = client.getInputStream().readAllBytes();
        if (!client.waitFor(120, TimeUnit.SECONDS)) {
            client.destroyForcibly();
            throw new IOException("bin/client did not finish: " + command);
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (client.exitValue() != 0) {
            throw new IOException("bin/client failed (" + client.exitValue() + ") for '" + command + "': " + text);
        }
        return text;
    }

    /** Sets a key in a file of {@code etc/}, the way an operator edits it (configuration admin picks it up). */
    void editConfig(String file, String key, String value) throws IOException {
        editConfig(file, java.util.Map.of(key, value));
    }

    /** Sets several keys in one save, so the file is picked up once. */
    void editConfig(String file, java.util.Map<String, String> settings) throws IOException {
        Path path = home.resolve("etc").resolve(file);
        List<String> lines = Files.exists(path) ? new ArrayList<>(Files.readAllLines(path)) : new ArrayList<>();
        settings.forEach((key, value) -> {
            lines.removeIf(line -> line.matches("\\s*" + java.util.regex.Pattern.quote(key) + "\\s*[=:].*"));
            lines.add(key + " = " + value);
        });
        Path temporary = path.resolveSibling(file + ".tmp");
        Files.write(temporary, lines);
        Files.move(temporary, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Writes a whole file of {@code etc/} at once, as an editor saves it (configuration admin sees it complete). */
    void writeConfig(String file, java.util.Map<String, String> properties) throws IOException {
        Path path = home.resolve("etc").resolve(file);
        Path temporary = path.resolveSibling(file + ".tmp");
        List<String> lines = new ArrayList<>();
        properties.forEach((key, value) -> lines.add(key + " = " + value));
        Files.write(temporary, lines);
        Files.move(temporary, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    String log() throws IOException {
        return Files.readString(home.resolve("data/log/karaf.log"));
    }

    /**
     * Kills Karaf's JVM the way {@code kill -9} does (no shutdown hook, no last offset commit), then
     * starts it again from its home with {@code bin/karaf server}, as an init system would. Returns
     * once the old JVM is gone; the new one is then booting.
     */
    void killAndStartAgain() throws IOException, InterruptedException {
        endAndStartAgain(true);
    }

    /**
     * Stops Karaf with SIGTERM, as an init system does for an upgrade (its shutdown hook stops the
     * framework, and the worker commits its offsets), then starts it again as {@link #killAndStartAgain()} does.
     */
    void stopAndStartAgain() throws IOException, InterruptedException {
        endAndStartAgain(false);
    }

    private void endAndStartAgain(boolean kill) throws IOException, InterruptedException {
        end(kill);
        startAgain();
    }

    /** Stops Karaf with SIGTERM, as an init system does, and returns once its JVM is gone; {@link #startAgain()} starts it. */
    void stop() throws IOException, InterruptedException {
        end(false);
    }

    /** Starts a Karaf that was stopped or killed again from its home with {@code bin/karaf server}, as an init system would. */
    void startAgain() throws IOException {
        startedAgain = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .redirectErrorStream(true).redirectOutput(home.resolve("started-again.out").toFile()).start();
    }

    private void end(boolean kill) throws IOException, InterruptedException {
        List<ProcessHandle> running = karafProcesses();
        if (running.isEmpty()) {
            throw new IOException("No Karaf process runs from " + home);
        }
        running.forEach(kill ? ProcessHandle::destroyForcibly : ProcessHandle::destroy);
        for (ProcessHandle process : running) {
            try {
                process.onExit().get(kill ? 30 : 90, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IOException("Karaf process " + process.pid() + " did not die", e);
            }
        }
    }

    /**
     * Stops Karaf with SIGTERM and starts it again from its home as {@code user} (its home handed
     * to that user first, and back to root for {@code "root"}), with setpriv and no supplementary
     * groups, as a service run by its own user is. Returns once the old JVM is gone.
     */
    void stopAndStartAgainAs(String user) throws IOException, InterruptedException {
        end(false);
        Process chown = new ProcessBuilder("chown", "-R", user + ":" + user, home.toString()).inheritIO().start();
        if (!chown.waitFor(2, TimeUnit.MINUTES) || chown.exitValue() != 0) {
            throw new IOException("chown -R " + user + " " + home + " failed");
        }
        startedAgain = new ProcessBuilder("setpriv", "--reuid=" + user, "--regid=" + user, "--clear-groups",
                home.resolve("bin/karaf").toString(), "server")
                .redirectErrorStream(true).redirectOutput(home.resolve("started-again-as-" + user + ".out").toFile()).start();
    }

    /** The processes running from this Karaf's home: the JVM, and the bin/karaf script that started it. */
    private List<ProcessHandle> karafProcesses() {
        String karafHome = home.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains(karafHome)).orElse(false))
                .toList();
    }

    /**
     * Stops Karaf; if Pax Exam cannot (a boot that never finished leaves it no remote bundle
     * context to ask), its JVM is killed, so that no Karaf outlives the test holding ports and CPU.
     */
    @Override
    public void close() {
        if (startedAgain != null) {
            stopStartedAgain();
            return;
        }
        try {
            container.stop();
        } catch (RuntimeException e) {
            karafProcesses().forEach(ProcessHandle::destroyForcibly);
            throw e;
        }
    }

    /** SIGTERM, as an init system stops it (Karaf's shutdown hook stops the framework); killed after a minute. */
    private void stopStartedAgain() {
        List<ProcessHandle> running = karafProcesses();
        running.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : running) {
            try {
                process.onExit().get(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                process.destroyForcibly();
            }
        }
        startedAgain.destroyForcibly();
    }


    private static Path findHome(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory, 3)) {
            return paths.filter(path -> Files.isRegularFile(path.resolve("bin/client")))
                    .findFirst()
                    .orElseThrow(() -> new IOException("No Karaf under " + directory));
        }
    }
}
