package org.thor.runtime.command;

import org.junit.jupiter.api.Test;
import org.thor.runtime.ConnectorOffset;
import org.thor.runtime.FakeThorWorker;
import org.thor.runtime.LogStreams;
import org.thor.runtime.OffsetDescriber;
import org.thor.runtime.StreamFigures;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandsTest {

    private final FakeThorWorker worker = new FakeThorWorker();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void listShowsEveryConnectorWithStateTasksAndTopicAndTheRejectedOnes() {
        worker.putConnector("web", Map.of("connector.class", "X", "topic", "web-lines"));
        worker.reportConfigError("bad", "Invalid configuration in /etc/org.thor.connector-bad.cfg: files: missing");
        ListCommand list = new ListCommand();
        list.worker = worker;
        list.out = out;

        list.execute();

        List<String> lines = output().lines().toList();
        assertTrue(lines.get(0).matches("Name\\s*\\| State\\s*\\| Tasks\\s*\\| Topic\\s*\\| Problem\\s*"), lines.get(0));
        assertTrue(lines.stream().anyMatch(line -> line.matches("web\\s*\\| RUNNING\\s*\\| 1 RUNNING\\s*\\| web-lines\\s*\\|\\s*")), output());
        assertTrue(lines.stream().anyMatch(line -> line.matches("bad\\s*\\| FAILED\\s*\\| none\\s*\\|\\s*\\| configuration rejected.*")), output());
    }

    @Test
    void statusShowsStateTasksAndTheRejectedConfiguration() throws Exception {
        worker.putConnector("web", Map.of("connector.class", "org.thor.X", "topic", "web-lines"));
        worker.reportConfigError("web", "Invalid configuration in /etc/org.thor.connector-web.cfg: topic: empty");
        worker.offsets.put("web", List.of(new ConnectorOffset(Map.of("counter", "web-lines"), Map.of("next", 42))));

        command(new StatusCommand(), "web");

        String text = output();
        assertTrue(text.contains("State        | RUNNING"), text);
        assertTrue(text.contains("Config error | Invalid configuration in /etc/org.thor.connector-web.cfg: topic: empty"), text);
        assertTrue(text.matches("(?s).*\\s+0 \\| RUNNING.*"), text);
        assertTrue(text.contains("counter=web-lines | "), text);
        assertTrue(text.contains("next=42"), text);
    }

    @Test
    void statusNamesTheFilesAStreamCannotRead() throws Exception {
        worker.putConnector("syslog", Map.of("connector.class", "org.thor.X", "topic", "t"));
        StatusCommand status = new StatusCommand();
        status.logStreams = new LogStreams() {
            @Override
            public Set<String> connectorClasses() {
                return Set.of("org.thor.X");
            }

            @Override
            public List<StreamFigures> figures(String connector) {
                return List.of(new StreamFigures(connector, "0", "/var/log/*.log", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                        List.of("/var/log/root-only.log")));
            }

            @Override
            public Map<String, Map<String, Long>> recordsInFlight() {
                return Map.of();
            }
        };

        command(status, "syslog");

        String text = output();
        assertTrue(text.lines().anyMatch(line -> line.matches("Stream\\s*\\|.*\\| Files open \\| Unreadable \\|.*")), text);
        assertTrue(text.lines().anyMatch(line -> line.matches("/var/log/\\*\\.log\\s*\\|.*\\|\\s+0 \\|\\s+1 \\|.*")), text);
        assertTrue(text.contains("Cannot read /var/log/root-only.log (stream /var/log/*.log, task 0), retried until it opens"), text);
    }

    @Test
    void offsetsAreShownPerFileWhereTheConnectorsBundleDescribesThemAndAsStoredElsewhere() throws Exception {
        worker.putConnector("app", Map.of("connector.class", "org.thor.X", "topic", "t"));
        worker.offsets.put("app", List.of(
                new ConnectorOffset(Map.of("directory", "/var/log/app"), Map.of("files", "8:1,64,5,400,-1")),
                new ConnectorOffset(Map.of("counter", "c"), Map.of("next", 42))));
        OffsetDescriber describer = (partition, offset) -> partition.containsKey("directory")
                ? Optional.of(List.of(new OffsetDescriber.FileRow("/var/log/app/app.log (8:1)", "400", "1000", "600"),
                        new OffsetDescriber.FileRow("8:2 (not found)", "7", "", "")))
                : Optional.empty();

        OffsetsCommand offsets = new OffsetsCommand();
        offsets.offsetDescriber = describer;
        command(offsets, "app");

        List<String> lines = output().lines().toList();
        assertEquals(5, lines.size(), output());
        assertTrue(lines.get(2).matches("directory=/var/log/app\\s*\\| /var/log/app/app.log \\(8:1\\)\\s*\\|\\s+400 \\|\\s+1000 \\|\\s+600"), lines.get(2));
        assertTrue(lines.get(3).matches("directory=/var/log/app\\s*\\| 8:2 \\(not found\\)\\s*\\|\\s+7 \\|\\s*\\|\\s*"), lines.get(3));
        assertTrue(lines.get(4).matches("counter=c\\s*\\|\\s*\\|\\s+next=42\\s*\\|\\s*\\|\\s*"), lines.get(4));
    }

    @Test
    void pauseResumeAndRestartSayWhatTheyDid() throws Exception {
        worker.putConnector("web", Map.of("connector.class", "X", "topic", "t"));

        command(new PauseCommand(), "web");
        assertEquals("PAUSED", worker.status("web").state());
        command(new ResumeCommand(), "web");
        assertEquals("RUNNING", worker.status("web").state());
        command(new RestartCommand(), "web");

        assertEquals(List.of("Connector web paused", "Connector web resumed", "Connector web restarted: RUNNING, tasks: 1 RUNNING"),
                output().lines().toList());
    }

    private void command(ConnectorCommand command, String name) throws Exception {
        command.worker = worker;
        command.name = name;
        command.out = out;
        command.execute();
    }

    private String output() {
        // ShellTable draws with box characters on a terminal that has them, with '|' elsewhere
        return bytes.toString(StandardCharsets.UTF_8).replace('│', '|');
    }
}
