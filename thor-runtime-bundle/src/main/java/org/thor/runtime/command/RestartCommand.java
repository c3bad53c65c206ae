package org.thor.runtime.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.thor.runtime.ConnectorStatus;

import java.io.PrintStream;

/** {@code thor:restart NAME}: restarts the connector and all its tasks, which resume from their committed offsets. */
@Service
@Command(scope = "thor", name = "restart", description = "Restarts a connector and all its tasks; they resume from their committed offsets")
public class RestartCommand extends ConnectorCommand {

    @Override
    void run(PrintStream out) {
        ConnectorStatus status = worker.restart(name);
        out.println("Connector " + name + " restarted: " + status.state() + ", tasks: " + Format.taskSummary(status));
    }
}
