package org.thor.runtime.command;

import org.junit.jupiter.api.Test;
import org.thor.runtime.ConnectorStatus;
import org.thor.runtime.StreamFigures;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopViewTest {

    private static final List<ConnectorStatus> CONNECTORS = List.of(
            new ConnectorStatus("nginx", "RUNNING", null, List.of(new ConnectorStatus.TaskStatus(0, "RUNNING", null))),
            new ConnectorStatus("app", "FAILED", "boom", List.of()));

    @Test
    void ratesComeFromTwoSamplesAndEachConnectorIsFollowedByItsStreams() {
        TopView view = new TopView();
        List<String> first = view.frame(new TopView.Sample(0, CONNECTORS, List.of(
                stream("/var/log/nginx/access.log*", 1_000, 100_000, 0, 0),
                stream("/var/log/nginx/error.log*", 10, 1_000, 0, 0))), 3_723_000, 0);
        assertTrue(first.get(0).startsWith("thor:top  up 1:02:03  connectors 2 (1 running)  streams 2  - lines/s  - MB/s"), first.get(0));

        List<String> second = view.frame(new TopView.Sample(2_000_000_000L, CONNECTORS, List.of(
                stream("/var/log/nginx/access.log*", 41_000, 4_100_000, 2048, 0),
                stream("/var/log/nginx/error.log*", 30, 3_000, 0, 3))), 3_725_000, 0);

        assertTrue(second.get(0).contains("20,010 lines/s  2.00 MB/s  behind 2.0 KiB  lost 0 B"), second.get(0));
        assertEquals(List.of("CONNECTOR / STREAM", "STATE", "LINES/S", "MB/S", "BEHIND", "LOST", "ERRORS"),
                List.of(second.get(2).trim().split("\\s{2,}|(?<=STREAM)\\s+")));
        assertTrue(second.get(3).matches("nginx\\s+RUNNING\\s+20,010\\s+2\\.00\\s+2\\.0 KiB\\s+0 B\\s+3"), second.get(3));
        assertTrue(second.get(4).matches("\\s+/var/log/nginx/access\\.log\\*\\s+20,000\\s+2\\.00\\s+2\\.0 KiB\\s+0 B\\s+0"), second.get(4));
        assertTrue(second.get(5).matches("\\s+/var/log/nginx/error\\.log\\*\\s+10\\s+0\\.00\\s+0 B\\s+0 B\\s+3"), second.get(5));
        assertTrue(second.get(6).matches("app\\s+FAILED\\s+0\\s+0\\.00\\s+0 B\\s+0 B\\s+0"), second.get(6));
        assertEquals(7, second.size());
    }

    @Test
    void linesAreCutToTheTerminalsWidth() {
        List<String> frame = new TopView().frame(new TopView.Sample(0, CONNECTORS, List.of()), 0, 40);
        assertTrue(frame.stream().allMatch(line -> line.length() <= 40));
    }

    @Test
    void sizesAreShownInBinaryUnits() {
        assertEquals("0 B", TopView.size(0));
        assertEquals("1023 B", TopView.size(1023));
        assertEquals("1.5 KiB", TopView.size(1536));
        assertEquals("3.0 GiB", TopView.size(3L << 30));
    }

    private static StreamFigures stream(String pattern, long lines, long bytes, long behind, long formatFailures) {
        return new StreamFigures("nginx", "0", pattern, lines, bytes, behind, 1, 0, 0, 0, 0, 0, 0, formatFailures, List.of());
    }
}
