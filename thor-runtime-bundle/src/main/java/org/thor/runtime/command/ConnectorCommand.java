package org.thor.runtime.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.thor.runtime.OffsetDescriber;
import org.thor.runtime.ThorWorker;

import java.io.PrintStream;

/** A {@code thor:} command about one connector, named by its first argument (completed from the worker's connectors). */
abstract class ConnectorCommand implements Action {

    @Reference
    ThorWorker worker;

    /** The log-file connector's, when its bundle runs: it shows stored offsets per file. */
    @Reference(optional = true)
    OffsetDescriber offsetDescriber;

    @Argument(index = 0, name = "name", description = "The connector's name", required = true)
    @Completion(ConnectorNameCompleter.class)
    String name;

    // Karaf gives each session its own System.out; tests set their own.
    PrintStream out = System.out;

    @Override
    public Object execute() throws Exception {
        run(out == null ? System.out : out);
        return null;
    }

    abstract void run(PrintStream out) throws Exception;
}
