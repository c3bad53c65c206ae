package org.thor.runtime.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.thor.runtime.ConnectorStatus;
import org.thor.runtime.LogStreams;
import org.thor.runtime.StreamFigures;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * {@code thor:status NAME}: the connector's state, a rejected configuration, its tasks with their
 * errors, and what it has read: per stream for the log-file connector (the figures of thor:top and
 * /metrics, once, and the files it cannot read by name), and per file (position, size, bytes behind).
 */
@Service
@Command(scope = "thor", name = "status", description = "Shows a connector's state, its tasks, its last error and the files it reads")
public class StatusCommand extends ConnectorCommand {

    /** The log-file connector's, when its bundle runs: it shows what each stream has read. */
    @Reference(optional = true)
    LogStreams logStreams;

    @Override
    void run(PrintStream out) {
        ConnectorStatus status = worker.status(name);
        Map<String, String> config = configOrEmpty();
        ShellTable summary = new ShellTable().noHeaders();
        summary.column("Key");
        summary.column("Value");
        summary.addRow().addContent("Connector", name);
        summary.addRow().addContent("State", status.state());
        summary.addRow().addContent("Class", config.getOrDefault("connector.class", ""));
        summary.addRow().addContent("Topic", config.getOrDefault("topic", config.getOrDefault("topics", "")));
        if (status.configError() != null) {
            summary.addRow().addContent("Config error", status.configError());
        }
        if (status.trace() != null) {
            summary.addRow().addContent("Error", Format.firstLine(status.trace()));
        }
        summary.print(out);

        out.println();
        ShellTable tasks = new ShellTable();
        tasks.column("Task").alignRight();
        tasks.column("State");
        tasks.column("Error");
        for (ConnectorStatus.TaskStatus task : status.tasks()) {
            tasks.addRow().addContent(task.id(), task.state(), Format.firstLine(task.trace()));
        }
        tasks.print(out);

        List<StreamFigures> streams = logStreams == null ? List.of() : logStreams.figures(name);
        if (!streams.isEmpty()) {
            out.println();
            ShellTable figures = new ShellTable();
            figures.column("Stream");
            figures.column("Task").alignRight();
            figures.column("Lines read").alignRight();
            figures.column("Bytes read").alignRight();
            figures.column("Behind").alignRight();
            figures.column("Lost").alignRight();
            figures.column("Files open").alignRight();
            figures.column("Unreadable").alignRight();
            figures.column("Rotations").alignRight();
            figures.column("Dropped").alignRight();
            figures.column("Errors").alignRight();
            for (StreamFigures stream : streams) {
                figures.addRow().addContent(stream.stream(), stream.task(), String.format("%,d", stream.linesRead()),
                        TopView.size(stream.bytesRead()), TopView.size(stream.bytesBehind()), TopView.size(stream.bytesLost()),
                        stream.filesOpen(), stream.unreadableFiles().size(), stream.rotations(), String.format("%,d", stream.linesDropped()),
                        String.format("%,d", stream.formatFailures() + stream.linesInvalid()));
            }
            figures.print(out);
            for (StreamFigures stream : streams) {
                stream.unreadableFiles().forEach(file -> out.println("Cannot read " + file + " (stream " + stream.stream()
                        + ", task " + stream.task() + "), retried until it opens; the reason is in karaf.log"));
            }
        }

        List<OffsetRows.Row> rows = offsetRows();
        if (!rows.isEmpty()) {
            out.println();
            OffsetRows.table(rows).print(out);
        }
    }

    private Map<String, String> configOrEmpty() {
        try {
            return worker.connectorConfig(name);
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    private List<OffsetRows.Row> offsetRows() {
        try {
            return OffsetRows.of(worker.offsets(name), offsetDescriber);
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
