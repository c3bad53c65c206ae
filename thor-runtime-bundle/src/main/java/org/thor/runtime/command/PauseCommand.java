package org.thor.runtime.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import java.io.PrintStream;

/** {@code thor:pause NAME}. */
@Service
@Command(scope = "thor", name = "pause", description = "Pauses a connector and its tasks")
public class PauseCommand extends ConnectorCommand {

    @Override
    void run(PrintStream out) {
        worker.pause(name);
        out.println("Connector " + name + " paused");
    }
}
