package org.thor.deb;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.thor.kraft.KraftBroker;
import org.thor.kraft.TopicReader;
import org.thor.testing.LoopbackPorts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Debian package as an operator meets it, on this machine: lintian, dpkg -i, the layout,
 * systemd-analyze verify, the unit's ExecStart run as thor (see {@link ServiceProcess}) against a
 * real broker on 127.0.0.1, a stop and start, an upgrade while lines are written, remove and purge.
 * <p>
 * The steps are one package's life, so they run in order and each builds on the one before.
 * The test installs a package system-wide: it needs root and dpkg, fails (does not skip) without
 * them, and refuses to run where a thor package or user already exists.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DebianPackageIT {

    private static final Path UNIT = Path.of("/lib/systemd/system/thor.service");
    private static final Path ETC = Path.of("/etc/thor");
    private static final Path KARAF_LOG = Path.of("/var/log/thor/karaf.log");
    private static final Path CACHE = Path.of("/var/lib/thor/data/cache");
    private static final Path OFFSETS = Path.of("/var/lib/thor/data/thor/connect.offsets");
    private static final Duration ARRIVAL = Duration.ofMinutes(2);

    private final Path target = Path.of(System.getProperty("thor.deb.directory", "target"));
    private final String topic = "thor-deb-" + System.nanoTime();
    private final List<String> received = new ArrayList<>();
    private Path work;
    private Path deb;
    private String version;
    private Path logs;
    private PacedLog app;
    private KraftBroker broker;
    private TopicReader reader;
    private ServiceProcess thor;
    private boolean installed;
    private String listeners;

    @BeforeAll
    void preconditions() throws IOException {
        assertTrue(Commands.installed("dpkg"), "dpkg is missing: this test installs Thor's Debian package and "
                + "runs only on Debian or Ubuntu (CI runs it there)");
        assertEquals("root", System.getProperty("user.name"), "This test installs a package, makes a user and "
                + "runs Thor as that user: it needs root");
        Commands.Result status = Commands.run("dpkg-query", "-W", "-f=${Status}", "thor");
        assertFalse(status.status() == 0 && !status.output().isBlank(), "A thor package is on this machine ("
                + status.output() + "); the test will not replace it. Remove it with: dpkg --purge thor");
        assertFalse(Commands.run("getent", "passwd", "thor").status() == 0, "A user thor exists on this machine; "
                + "purging the package would delete it, so the test does not run");

        try (Stream<Path> files = Files.list(target)) {
            List<Path> debs = files.filter(file -> file.getFileName().toString().matches("thor_.*_all\\.deb")).toList();
            assertEquals(1, debs.size(), "Expected the one package the build made in " + target + ": " + debs);
            deb = debs.get(0);
        }
        version = Commands.run("dpkg-deb", "-f", deb.toString(), "Version").requireSuccess().output().strip();
        work = Files.createDirectories(target.resolve("deb-it-" + System.nanoTime()));
        broker = KraftBroker.start(work.resolve("broker"));
        broker.createTopic(topic, 1);
        reader = new TopicReader(broker.bootstrapServers(), topic);
    }

    @AfterAll
    void cleanUp() throws Exception {
        try {
            if (thor != null) {
                thor.kill();
            }
            if (installed) {
                Commands.run("dpkg", "--purge", "thor");
            }
            if (logs != null) {
                Commands.run("rm", "-rf", logs.toString());
            }
            // the JVM's perf data, which PrivateTmp would have thrown away with the service's /tmp
            Commands.run("rm", "-rf", "/tmp/hsperfdata_thor");
        } finally {
            if (reader != null) {
                reader.close();
            }
            if (broker != null) {
                broker.close();
            }
        }
    }

    @Test
    @Order(1)
    void lintianFindsNoErrorsAndNoWarnings() {
        assertTrue(Commands.installed("lintian"), "lintian is missing: apt-get install lintian (.ci/run does)");
        Commands.run("lintian", "--fail-on", "error,warning", deb.toString()).requireSuccess();
    }

    @Test
    @Order(2)
    void installsTheProgramReadOnlyAndGivesThorItsConfigurationStateAndLogs() {
        Commands.run("dpkg", "-i", deb.toString()).requireSuccess();
        installed = true;

        assertStat("/usr/share/thor/bin/karaf", "root root 755");
        assertStat("/usr/share/thor/system", "root root 755");
        assertStat("/etc/thor", "thor thor 750");
        assertStat("/var/lib/thor", "thor thor 750");
        assertStat("/var/lib/thor/data", "thor thor 750");
        assertStat("/var/log/thor", "thor adm 2750");
        assertStat(UNIT.toString(), "root root 644");

        String[] passwd = Commands.run("getent", "passwd", "thor").requireSuccess().output().strip().split(":");
        assertTrue(Integer.parseInt(passwd[2]) < 1000, "thor is a system user: " + String.join(":", passwd));
        assertEquals("/var/lib/thor", passwd[5]);
        assertEquals("/usr/sbin/nologin", passwd[6]);
        Set<String> groups = Set.of(Commands.run("id", "-nG", "thor").requireSuccess().output().strip().split(" "));
        assertEquals(Set.of("thor", "adm"), groups);

        Set<String> conffiles = Arrays.stream(Commands.run("dpkg-query", "-W", "-f=${Conffiles}", "thor")
                        .requireSuccess().output().split("\n"))
                .map(String::strip).filter(line -> !line.isEmpty()).map(line -> line.split(" ")[0])
                .collect(Collectors.toSet());
        assertTrue(conffiles.contains("/etc/default/thor"), "/etc/default/thor is a conffile: " + conffiles);
        for (String file : Commands.run("find", ETC.toString(), "-type", "f").requireSuccess().output().split("\n")) {
            assertTrue(conffiles.contains(file), file + " is a conffile");
        }

        // nothing the package installs is writable by other users, nothing of the program by thor
        String writable = Commands.run("find", "/usr/share/thor", "/etc/thor", "/var/lib/thor", "/var/log/thor",
                "/etc/default/thor", UNIT.toString(), "!", "-type", "l", "(", "-perm", "-o+w", "-o", "-path", "/usr/share/thor/*",
                "(", "-perm", "-g+w", "-o", "!", "-user", "root", ")", ")", "-print").requireSuccess().output();
        assertEquals("", writable, "writable by others, or program files writable by others than root");
    }

    @Test
    @Order(3)
    void unitPassesSystemdAnalyzeVerify() {
        assertTrue(Commands.installed("systemd-analyze"), "systemd-analyze is missing: apt-get install systemd "
                + "(.ci/run does)");
        Commands.Result verify = Commands.run("systemd-analyze", "verify", UNIT.toString()).requireSuccess();
        assertFalse(verify.output().contains("thor.service"), verify.output());
    }

    @Test
    @Order(4)
    void collectsALogReadableByAdmAndReportsARootOnlyFileBesideIt() throws Exception {
        pointAtTheBrokerOnFreePorts();
        logs = Path.of("/var/log/thor-deb-it-" + System.nanoTime());
        Commands.run("install", "-d", "-o", "root", "-g", "adm", "-m", "0750", logs.toString()).requireSuccess();
        Path appLog = logs.resolve("app.log");
        Path secret = logs.resolve("secret.log");
        Commands.run("install", "-o", "root", "-g", "adm", "-m", "0640", "/dev/null", appLog.toString()).requireSuccess();
        Files.writeString(secret, "secret line 1\n");
        Commands.run("chmod", "0600", secret.toString()).requireSuccess();
        app = new PacedLog(appLog);
        app.append(2_000);
        dropConnector("packaged", "files = " + appLog + "," + secret + "\ntopic = " + topic + "\n");

        thor = new ServiceProcess(UnitFile.read(UNIT), work.resolve("thor.journal"));
        thor.start();
        assertEveryLineOnce(app.written());
        await("the root-only file reported in " + KARAF_LOG).atMost(ARRIVAL).until(() -> Files.exists(KARAF_LOG)
                && Files.readString(KARAF_LOG).lines()
                .anyMatch(line -> line.contains(secret.toString()) && line.contains("AccessDeniedException")));
        await("thor_files_unreadable 1 for " + secret + " on /metrics").atMost(ARRIVAL)
                .until(() -> metrics().contains(unreadableSample(secret, 1)));
    }

    @Test
    @Order(5)
    void stopsOnSigtermAndResumesWhereItStopped() throws Exception {
        thor.stop();
        app.append(2_000);
        thor.start();
        assertEveryLineOnce(app.written());

        Path secret = logs.resolve("secret.log");
        Commands.run("chown", "root:adm", secret.toString()).requireSuccess();
        Commands.run("chmod", "0640", secret.toString()).requireSuccess();
        List<String> expected = new ArrayList<>(app.written());
        expected.add("secret line 1");
        assertEveryLineOnce(expected);
        assertTrue(metrics().contains(unreadableSample(secret, 0)), "thor_files_unreadable back to 0 for " + secret);
    }

    @Test
    @Order(6)
    void upgradesWhileLinesAreWrittenLosingAndRepeatingNothingAndKeepingEdits() throws Exception {
        String higher = version + "+upgrade1";
        Path upgrade = UpgradePackage.build(deb, higher, work);

        app.startPace(50, 25); // 2,000 lines/s through the stop, the upgrade and the start
        thor.stop(); // what the prerm does under systemd
        Commands.run("dpkg", "-i", upgrade.toString()).requireSuccess();
        assertFalse(Files.exists(CACHE), "the postinst empties Karaf's bundle cache");
        thor.start(); // what the postinst does under systemd
        int writtenAtStart = app.written().size();
        await("Thor reading again after the upgrade").atMost(ARRIVAL).until(() -> {
            received.addAll(TopicReader.values(reader.read(1, Duration.ofMillis(500))));
            List<String> written = app.written();
            return written.size() > writtenAtStart && received.contains(written.get(writtenAtStart));
        });
        app.stopPace();

        List<String> expected = new ArrayList<>(app.written());
        expected.add("secret line 1");
        assertEveryLineOnce(expected);
        assertEquals(higher, Commands.run("dpkg-query", "-W", "-f=${Version}", "thor").requireSuccess().output());
        assertTrue(Files.readString(ETC.resolve("org.thor.worker.cfg")).contains("\n" + listeners + "\n"),
                "the edited org.thor.worker.cfg is kept");
        assertTrue(UpgradePackage.inCache(CACHE), "Karaf runs the upgraded bundle, not its cached copy");
    }

    @Test
    @Order(7)
    void removeKeepsConfigurationAndOffsetsAndPurgeRemovesThemAndTheUser() throws Exception {
        thor.stop();
        assertEquals(List.of(), filesOfThorOutside(UnitFile.read(UNIT).value("ReadWritePaths")),
                "thor wrote where ProtectSystem=strict would not let it");
        Commands.run("dpkg", "--remove", "thor").requireSuccess();
        assertFalse(Files.exists(Path.of("/usr/share/thor")), "the program is removed");
        assertFalse(Files.exists(UNIT), "the unit is removed");
        assertTrue(Files.exists(ETC.resolve("org.thor.worker.cfg")), "remove keeps the configuration");
        assertTrue(Files.exists(OFFSETS), "remove keeps the offsets");

        Commands.run("dpkg", "--purge", "thor").requireSuccess();
        installed = false;
        for (String path : List.of("/etc/thor", "/var/lib/thor", "/var/log/thor", "/etc/default/thor")) {
            assertFalse(Files.exists(Path.of(path)), "purge removes " + path);
        }
        assertFalse(Commands.run("getent", "passwd", "thor").status() == 0, "purge removes the user thor");
        assertFalse(Commands.run("getent", "group", "thor").status() == 0, "purge removes the group thor");
        assertFalse(Commands.run("getent", "group", "adm").requireSuccess().output().contains("thor"),
                "thor is no longer in adm");
        assertFalse(Commands.run("dpkg-statoverride", "--list").requireSuccess().output().contains("thor"),
                "purge removes the statoverrides");
    }

    /**
     * Files owned by thor outside the unit's ReadWritePaths, where systemd would have made them
     * fail (its private /tmp and /var/tmp aside, which PrivateTmp throws away).
     */
    private static List<String> filesOfThorOutside(String readWritePaths) {
        List<String> command = new ArrayList<>(List.of("find", "/etc", "/var", "/srv", "/opt", "/run", "-xdev",
                "-user", "thor", "-not", "-path", "/var/tmp/*"));
        for (String path : UnitFile.words(readWritePaths)) {
            command.addAll(List.of("-not", "-path", path, "-not", "-path", path + "/*"));
        }
        return Commands.run(command).output().lines().filter(line -> line.startsWith("/")).toList();
    }

    /** Edits the conffiles as an operator would: the broker, and ports no other test uses. */
    private void pointAtTheBrokerOnFreePorts() throws IOException {
        listeners = "listeners = http://127.0.0.1:" + LoopbackPorts.free();
        setKey(ETC.resolve("org.thor.worker.cfg"), "bootstrap.servers", broker.bootstrapServers());
        setKey(ETC.resolve("org.thor.worker.cfg"), "listeners", listeners.substring("listeners = ".length()));
        setKey(ETC.resolve("org.apache.karaf.shell.cfg"), "sshPort", Integer.toString(LoopbackPorts.free()));
        setKey(ETC.resolve("org.apache.karaf.management.cfg"), "rmiRegistryPort", Integer.toString(LoopbackPorts.free()));
        setKey(ETC.resolve("org.apache.karaf.management.cfg"), "rmiServerPort", Integer.toString(LoopbackPorts.free()));
    }

    private static void setKey(Path file, String key, String value) throws IOException {
        String content = Files.readString(file);
        String edited = content.replaceFirst("(?m)^" + key.replace(".", "\\.") + " *=.*$", key + " = " + value);
        assertFalse(edited.equals(content), key + " in " + file);
        Files.writeString(file, edited);
    }

    private static void dropConnector(String name, String content) throws IOException {
        Path temporary = ETC.resolve("org.thor.connector-" + name + ".cfg.tmp");
        Files.writeString(temporary, content);
        Files.move(temporary, ETC.resolve("org.thor.connector-" + name + ".cfg"));
    }

    /** Reads until the topic holds as many records as {@code expected}, then checks each is there once. */
    private void assertEveryLineOnce(List<String> expected) throws IOException {
        received.addAll(TopicReader.values(reader.read(expected.size() - received.size(), ARRIVAL)));
        received.addAll(TopicReader.values(reader.readUntilQuiet(Duration.ofSeconds(2))));
        Set<String> wanted = Set.copyOf(expected);
        Set<String> seen = Set.copyOf(received);
        List<String> lost = expected.stream().filter(line -> !seen.contains(line)).toList();
        List<String> unexpected = received.stream().filter(line -> !wanted.contains(line)).distinct().toList();
        assertEquals(List.of(), first(lost), lost.size() + " lines lost" + diagnostics());
        assertEquals(List.of(), first(unexpected), unexpected.size() + " lines not written arrived");
        assertEquals(expected.size(), received.size(), (received.size() - seen.size()) + " lines duplicated");
    }

    /** A scrape of the service's Prometheus endpoint, as an operator's Prometheus makes it. */
    private String metrics() throws IOException, InterruptedException {
        URI uri = URI.create(listeners.substring("listeners = ".length()) + "/metrics");
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? response.body() : "";
    }

    private static String unreadableSample(Path file, int files) {
        return "thor_files_unreadable{connector=\"packaged\",stream=\"" + file + "\",task=\"0\"} " + files + ".0";
    }

    private static List<String> first(List<String> lines) {
        return lines.subList(0, Math.min(5, lines.size()));
    }

    private String diagnostics() throws IOException {
        StringBuilder text = new StringBuilder();
        for (Path file : List.of(work.resolve("thor.journal"), KARAF_LOG)) {
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file);
                text.append("\n--- ").append(file).append(" (end) ---\n")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
            }
        }
        return text.toString();
    }

    private static void assertStat(String path, String ownerGroupMode) {
        assertEquals(ownerGroupMode, Commands.run("stat", "-c", "%U %G %a", path).requireSuccess().output().strip(),
                path);
    }

}
