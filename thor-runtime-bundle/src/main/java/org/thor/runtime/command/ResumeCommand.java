package org.thor.runtime.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import java.io.PrintStream;

/** {@code thor:resume NAME}. */
@Service
@Command(scope = "thor", name = "resume", description = "Resumes a paused connector and its tasks")
public class ResumeCommand extends ConnectorCommand {

    @Override
    void run(PrintStream out) {
        worker.resume(name);
        out.println("Connector " + name + " resumed");
    }
}
