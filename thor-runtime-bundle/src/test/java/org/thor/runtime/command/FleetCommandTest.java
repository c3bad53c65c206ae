package org.thor.runtime.command;

import org.junit.jupiter.api.Test;
import org.thor.runtime.fleet.DesiredConfigurations;
import org.thor.runtime.fleet.Fleet;
import org.thor.runtime.fleet.FleetKey;
import org.thor.runtime.fleet.HostStatus;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FleetCommandTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final List<String> written = new ArrayList<>();
    private final Map<String, HostStatus> hosts = new java.util.TreeMap<>();

    @Test
    void pushTakesTheTargetAfterTheActionAsTheIssueWritesIt() throws Exception {
        run("push", "--target", "label:web", "nginx", "topic=nginx", "files=/var/log/nginx/*.log");
        run("delete", "-t", "host:web-1", "nginx");

        assertEquals(List.of("label:web/nginx {files=/var/log/nginx/*.log, topic=nginx}", "host:web-1/nginx null"), written);
        assertTrue(output().contains("Pushed label:web/nginx at offset 7"), output());
        assertTrue(output().contains("Deleted host:web-1/nginx (tombstone at offset 7)"), output());
    }

    @Test
    void statusFlagsAHostSilentForMoreThanThreeIntervals() throws Exception {
        long now = System.currentTimeMillis();
        hosts.put("web-1", new HostStatus("web-1", "1", List.of("web"), 12, 1000, now, Map.of(), List.of()));
        hosts.put("web-2", new HostStatus("web-2", "1", List.of("web"), 9, 1000, now - 3_500, Map.of(), List.of()));

        run("status");

        List<String> lines = output().lines().toList();
        assertTrue(lines.stream().anyMatch(line -> line.matches("web-1\\s*\\|\\s*0 s ago\\s*\\|\\s*12\\s*\\|.*\\|\\s*")), output());
        assertTrue(lines.stream().anyMatch(line -> line.matches("web-2\\s*\\|\\s*3 s ago\\s*\\|\\s*9\\s*\\|.*SILENT.*")), output());
    }

    private void run(String... arguments) throws Exception {
        FleetCommand command = new FleetCommand();
        command.fleet = fleet();
        command.out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        command.action = arguments[0];
        command.arguments = List.of(arguments).subList(1, arguments.length);
        command.execute();
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private Fleet fleet() {
        return new Fleet() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public long push(FleetKey key, Map<String, String> config) {
                written.add(key + " " + config);
                return 7;
            }

            @Override
            public long delete(FleetKey key) {
                written.add(key + " null");
                return 7;
            }

            @Override
            public List<DesiredConfigurations.Desired> desired() {
                return List.of();
            }

            @Override
            public Map<String, HostStatus> hosts() {
                return hosts;
            }
        };
    }
}
