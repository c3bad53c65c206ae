package org.thor.runtime.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import java.io.PrintStream;

/** {@code thor:offsets NAME}: the offsets stored for a connector, one row per file for the log-file connector. */
@Service
@Command(scope = "thor", name = "offsets", description = "Shows the source offsets stored for a connector (per file for the log-file connector)")
public class OffsetsCommand extends ConnectorCommand {

    @Override
    void run(PrintStream out) {
        OffsetRows.table(OffsetRows.of(worker.offsets(name), offsetDescriber)).print(out);
    }
}
