package org.thor.itests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.thor.kraft.KraftBroker;
import org.thor.kraft.TopicReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code thor:*} shell commands, run through {@code bin/client} as a person at the console
 * would, each output checked: a counting connector for the state changes, the log-file connector
 * (the default class of a connector file) for the per-file view of its offsets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShellCommandsIT {

    private static final String COUNTER = "org.thor.counting.CountingSourceConnector";
    private static final Duration WAIT = Duration.ofSeconds(90);
    // ShellTable draws with box characters on a terminal that has them, with '|' elsewhere
    private static final String BAR = "\\s*[│|]\\s*";

    private final String run = Long.toString(System.nanoTime());
    private final String topic = "shown-" + run;
    private ThorStack stack;
    private KraftBroker broker;
    private ThorKaraf karaf;
    private ThorRest rest;
    private Path logs;

    @BeforeAll
    void bootKarafWithTwoConnectors() throws Exception {
        stack = ThorStack.boot("shell");
        logs = Files.createDirectories(stack.work().resolve("logs"));
        broker = stack.broker();
        karaf = stack.karaf();
        rest = karaf.rest();
        stack.installTestBundle("counting-connector");
        await().atMost(WAIT).until(() -> rest.get("/connector-plugins").body().contains(COUNTER));
        writeConnector("shown", Map.of("connector.class", COUNTER, "topic", topic, "records.per.second", "100"));
        await().atMost(WAIT).until(() -> rest.get("/connectors/shown/status").body().contains("\"state\":\"RUNNING\""));
    }

    @AfterAll
    void stopEverything() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void listShowsEachConnectorWithStateTasksAndTopic() throws Exception {
        String list = shell("thor:list");

        assertTrue(Pattern.compile("Name" + BAR + "State" + BAR + "Tasks" + BAR + "Topic" + BAR + "Problem").matcher(list).find(), list);
        assertTrue(Pattern.compile("shown" + BAR + "RUNNING" + BAR + "1 RUNNING" + BAR + Pattern.quote(topic)).matcher(list).find(), list);
    }

    @Test
    @Order(2)
    void statusShowsStateTasksAndStoredOffsets() throws Exception {
        await().atMost(WAIT).until(() -> shell("thor:status shown").contains("next="));
        String status = shell("thor:status shown");

        assertTrue(Pattern.compile("State" + BAR + "RUNNING").matcher(status).find(), status);
        assertTrue(Pattern.compile("Class" + BAR + Pattern.quote(COUNTER)).matcher(status).find(), status);
        assertTrue(Pattern.compile("Task" + BAR + "State" + BAR + "Error").matcher(status).find(), status);
        assertTrue(Pattern.compile("\\s0" + BAR + "RUNNING").matcher(status).find(), status);
        assertTrue(Pattern.compile(Pattern.quote("counter=" + topic) + BAR + BAR + "next=\\d+").matcher(status).find(), status);
    }

    @Test
    @Order(3)
    void pauseAndResumeStopAndRestartTheFlow() throws Exception {
        assertEquals("Connector shown paused", shell("thor:pause shown").trim());
        await().atMost(WAIT).until(() -> rest.get("/connectors/shown/status").body().contains("\"state\":\"PAUSED\""));
        assertTrue(Pattern.compile("shown" + BAR + "PAUSED" + BAR + "1 PAUSED").matcher(shell("thor:list")).find());
        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), topic)) {
            reader.readUntilQuiet(Duration.ofSeconds(2));
            assertTrue(reader.read(1, Duration.ofSeconds(2)).isEmpty(), "nothing is written while paused");

            assertEquals("Connector shown resumed", shell("thor:resume shown").trim());
            assertFalse(reader.read(1, WAIT).isEmpty(), "the numbers flow again");
        }
        assertTrue(Pattern.compile("shown" + BAR + "RUNNING").matcher(shell("thor:list")).find());
    }

    @Test
    @Order(4)
    void restartRestartsTheConnectorAndItsTasks() throws Exception {
        String restarted = shell("thor:restart shown").trim();

        assertTrue(restarted.matches("Connector shown restarted: (RESTARTING|RUNNING), tasks: 1 (RESTARTING|RUNNING)"), restarted);
        await().atMost(WAIT).until(() -> rest.get("/connectors/shown/status").body().contains("\"state\":\"RUNNING\""));
        assertTrue(karaf.log().contains("Stopping task shown-0") || karaf.log().contains("Stopping connector shown"), "it did restart");
    }

    @Test
    @Order(5)
    void offsetsShowsTheStoredOffsetOfEachPartition() throws Exception {
        String offsets = shell("thor:offsets shown");

        assertTrue(Pattern.compile("Partition" + BAR + "File" + BAR + "Position" + BAR + "Size" + BAR + "Behind").matcher(offsets).find(), offsets);
        assertTrue(Pattern.compile(Pattern.quote("counter=" + topic) + BAR + BAR + "next=\\d+").matcher(offsets).find(), offsets);
    }

    @Test
    @Order(6)
    void offsetsOfTheLogFileConnectorAreShownPerFileWithSizeAndBytesBehind() throws Exception {
        Path log = logs.resolve("app.log");
        Files.writeString(log, List.of("one", "two", "three").stream().collect(Collectors.joining("\n", "", "\n")));
        // no connector.class: a connector file is a log-file connector unless it says otherwise
        writeConnector("applog", Map.of("files", logs + "/app.log*", "topic", "applog-" + run));

        await().atMost(WAIT).until(() -> rest.get("/connectors/applog/status").body().contains("\"state\":\"RUNNING\""));
        await().atMost(WAIT).until(() -> shell("thor:offsets applog").contains(log.toString()));
        String offsets = shell("thor:offsets applog");
        assertTrue(Pattern.compile(Pattern.quote("directory=" + logs) + BAR + Pattern.quote(log.toString())
                + " \\(\\d+:\\d+\\)" + BAR + "14" + BAR + "14" + BAR + "0").matcher(offsets).find(), offsets);

        String status = shell("thor:status applog");
        assertTrue(Pattern.compile("Class" + BAR + "org.thor.file.LogFileSourceConnector").matcher(status).find(), status);
        assertTrue(status.contains(log.toString()), status);
    }

    @Test
    @Order(7)
    void aCommandForAnUnknownConnectorSaysSo() throws Exception {
        String answer;
        try {
            answer = shell("thor:status nosuch");
        } catch (IOException failed) {
            answer = failed.getMessage();
        }
        assertTrue(answer.contains("nosuch") && answer.contains("Error executing command"), answer);
    }

    @Test
    @Order(8)
    void theMetatypeDocumentsTheKeysOfAConnectorConfiguration() throws Exception {
        String meta = shell("config:meta org.thor.connector");

        assertTrue(meta.contains("Meta type informations for factory pid: org.thor.connector"), meta);
        assertTrue(Pattern.compile("connector.class" + BAR + "Connector class" + BAR + "String" + BAR
                + "org.thor.file.LogFileSourceConnector").matcher(meta).find(), meta);
        assertTrue(Pattern.compile("files" + BAR + "Files" + BAR + "String").matcher(meta).find(), meta);
        assertTrue(Pattern.compile("topic" + BAR + "Topic" + BAR + "String").matcher(meta).find(), meta);
    }

    /** The command's output, without what bin/client says about itself. */
    private String shell(String command) throws IOException, InterruptedException {
        return karaf.shell(command).lines().filter(line -> !line.startsWith("client: "))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private void writeConnector(String name, Map<String, String> config) throws IOException {
        karaf.writeConfig("org.thor.connector-" + name + ".cfg", config);
    }
}
