package org.thor.runtime.command;

import org.apache.karaf.shell.support.table.ShellTable;
import org.thor.runtime.fleet.DesiredConfigurations;
import org.thor.runtime.fleet.HostStatus;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The tables of {@code thor:fleet list} and {@code thor:fleet status}. */
final class FleetTables {

    /** A host that has not written for more than this many of its intervals is flagged. */
    static final int SILENT_INTERVALS = 3;

    private FleetTables() {
    }

    /** The configuration topic's records by target, then connector. */
    static ShellTable desired(List<DesiredConfigurations.Desired> records) {
        ShellTable table = new ShellTable();
        table.column("Target");
        table.column("Connector");
        table.column("Offset").alignRight();
        table.column("Configuration");
        for (DesiredConfigurations.Desired record : records) {
            String shown = record.config() == null ? "unreadable: " + record.error()
                    : record.config().entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                    .collect(Collectors.joining(", "));
            table.addRow().addContent(record.key().target(), record.key().connector(), record.offset(), shown);
        }
        return table;
    }

    /** One row per host: when it last wrote, what it applied, its connectors, behind and lost, and whether it went silent. */
    static ShellTable hosts(Map<String, HostStatus> hosts, long now) {
        ShellTable table = new ShellTable();
        table.column("Host");
        table.column("Last seen").alignRight();
        table.column("Applied offset").alignRight();
        table.column("Running").alignRight();
        table.column("Failed").alignRight();
        table.column("Behind").alignRight();
        table.column("Lost").alignRight();
        table.column("Problem");
        hosts.values().forEach(host -> {
            long running = host.connectors().values().stream().filter(report -> "RUNNING".equals(report.state())).count();
            long failed = host.connectors().values().stream()
                    .filter(report -> "FAILED".equals(report.state()) || "REJECTED".equals(report.state())).count();
            long behind = host.connectors().values().stream().mapToLong(HostStatus.ConnectorReport::bytesBehind).sum();
            long lost = host.connectors().values().stream().mapToLong(HostStatus.ConnectorReport::bytesLost).sum();
            table.addRow().addContent(host.host(), age(now - host.time()), host.appliedOffset(), running, failed,
                    TopView.size(behind), TopView.size(lost), problem(host, now));
        });
        return table;
    }

    static String problem(HostStatus host, long now) {
        if (now - host.time() > SILENT_INTERVALS * host.intervalMs()) {
            return "SILENT for more than " + SILENT_INTERVALS + " intervals";
        }
        return host.errors().isEmpty() ? "" : host.errors().size() + " rejected: " + Format.firstLine(host.errors().get(0));
    }

    static String age(long millis) {
        long seconds = Math.max(0, millis / 1000);
        return seconds < 120 ? seconds + " s ago" : seconds < 7200 ? seconds / 60 + " min ago" : seconds / 3600 + " h ago";
    }
}
