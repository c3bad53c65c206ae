package org.thor.runtime.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.thor.runtime.ConnectorStatus;
import org.thor.runtime.ThorWorker;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeSet;

/** {@code thor:list}: every connector with its state, its tasks and its topic. */
@Service
@Command(scope = "thor", name = "list", description = "Lists the connectors with their state, tasks and topic")
public class ListCommand implements Action {

    @Reference
    ThorWorker worker;

    PrintStream out = System.out;

    @Override
    public Object execute() {
        TreeSet<String> names = new TreeSet<>(worker.connectors());
        names.addAll(worker.configErrors().keySet());
        ShellTable table = new ShellTable();
        table.column("Name");
        table.column("State");
        table.column("Tasks");
        table.column("Topic");
        table.column("Problem");
        for (String name : names) {
            ConnectorStatus status = worker.status(name);
            table.addRow().addContent(name, status.state(), Format.taskSummary(status), topicOf(name), Format.problem(status));
        }
        table.print(out == null ? System.out : out);
        return null;
    }

    private String topicOf(String name) {
        try {
            Map<String, String> config = worker.connectorConfig(name);
            return config.getOrDefault("topic", config.getOrDefault("topics", ""));
        } catch (RuntimeException e) {
            return "";
        }
    }
}
