package org.thor.itests;

import org.junit.jupiter.api.Test;
import org.thor.kraft.TopicReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * format=groovy in the Thor distribution, as an operator uses it: a script file under etc/, a
 * connector in a .cfg file, the script edited while lines are written; a script that does not
 * compile is refused with its key and line, through REST and in a .cfg file.
 */
class ScriptedFormatIT extends ThorStackTest {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @Override
    ThorStack boot() throws Exception {
        return ThorStack.bootDistribution("scripted");
    }

    @Test
    void anEditedScriptTakesOverWhileTheConnectorRunsAndEveryLineArrivesOnce() throws Exception {
        Path script = Files.createDirectories(karaf.home().resolve("etc/scripts")).resolve("access.groovy");
        save(script, "line.text.contains('/health') ? null : [v: 1, line: line.text, offset: line.offset]");
        Path log = Files.createDirectories(stack.work().resolve("logs-scripted")).resolve("access.log");
        String topic = "scripted-" + System.nanoTime();
        karaf.writeConfig("org.thor.connector-scripted.cfg", Map.of("files", log.toString(), "topic", topic,
                "format", "groovy", "format.groovy.file", script.toString(), "scan.interval.ms", "500"));
        List<String> written = new ArrayList<>();
        List<String> received = new ArrayList<>();
        try (TopicReader reader = new TopicReader(stack.broker().bootstrapServers(), topic)) {
            write(log, written, 2_000);
            received.addAll(TopicReader.values(reader.read(kept(written), WAIT)));

            save(script, "line.text.contains('/health') ? null : 'v2 ' + line.text");
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (received.isEmpty() || !received.get(received.size() - 1).startsWith("v2 ")) {
                assertTrue(System.nanoTime() < deadline, "the edit was not picked up");
                write(log, written, 100);
                received.addAll(TopicReader.values(reader.read(kept(written) - received.size(), WAIT)));
            }
            write(log, written, 2_000);
            received.addAll(TopicReader.values(reader.read(kept(written) - received.size(), WAIT)));
            received.addAll(TopicReader.values(reader.readUntilQuiet(Duration.ofSeconds(2))));
        }

        List<String> expected = new ArrayList<>();
        long offset = 0;
        boolean edited = false;
        for (String line : written) {
            if (!line.contains("/health")) {
                edited |= received.get(expected.size()).startsWith("v2 ");
                expected.add(edited ? "v2 " + line : "{\"v\":1,\"line\":\"" + line + "\",\"offset\":" + offset + "}");
            }
            offset += line.length() + 1;
        }
        assertEquals(expected, received, "every line once, in order, each formatted by the version running when it was read");
        assertTrue(received.get(0).startsWith("{") && received.get(received.size() - 1).startsWith("v2 "));
    }

    @Test
    void aScriptThatDoesNotCompileIsRefusedNamingItsKeyAndLine() throws Exception {
        Path script = Files.createDirectories(karaf.home().resolve("etc/scripts")).resolve("broken.groovy");
        save(script, "// one line of comment\n[message: line.text,, broken]\n");
        Path log = stack.work().resolve("logs-broken").resolve("app.log");

        ThorRest.Response refused = karaf.rest().put("/connectors/broken-script/config", "{"
                + "\"connector.class\":\"org.thor.file.LogFileSourceConnector\","
                + "\"files\":\"" + log + "\",\"topic\":\"broken\",\"format\":\"groovy\","
                + "\"format.groovy.file\":\"" + script + "\"}");
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("format.groovy.file") && refused.body().contains("@ line 2"), refused.body());

        karaf.writeConfig("org.thor.connector-badscript.cfg", Map.of("files", log.toString(), "topic", "broken",
                "format", "groovy", "format.groovy.file", script.toString()));
        await().atMost(WAIT).until(() -> karaf.log().contains("org.thor.connector-badscript.cfg: format.groovy.file"));
        String status = karaf.shell("thor:status badscript");
        assertTrue(status.contains("format.groovy.file") && status.contains("@ line 2"), status);
        String list = karaf.shell("thor:list");
        assertTrue(list.lines().anyMatch(line -> line.startsWith("badscript") && line.contains("configuration rejected")), list);
    }

    /** Appends {@code count} access-log lines, every tenth a health check. */
    private static void write(Path log, List<String> written, int count) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int n = written.size();
            String line = "GET " + (n % 10 == 9 ? "/health" : "/page/" + n) + " 200";
            written.add(line);
            text.append(line).append('\n');
        }
        Files.writeString(log, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static int kept(List<String> written) {
        return (int) written.stream().filter(line -> !line.contains("/health")).count();
    }

    /** Saves a script whole, as an editor does. */
    private static void save(Path script, String text) throws IOException {
        Path temporary = script.resolveSibling(script.getFileName() + ".tmp");
        Files.writeString(temporary, text);
        Files.move(temporary, script, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
