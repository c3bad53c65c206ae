package org.thor.runtime.command;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.thor.runtime.ThorWorker;

import java.util.List;

/** Completes the names of the worker's connectors, and of those whose configuration was rejected. */
@Service
public class ConnectorNameCompleter implements Completer {

    @Reference
    ThorWorker worker;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        try {
            names.getStrings().addAll(worker.connectors());
            names.getStrings().addAll(worker.configErrors().keySet());
        } catch (RuntimeException e) {
            // the worker is restarting: nothing to offer
        }
        return names.complete(session, commandLine, candidates);
    }
}
