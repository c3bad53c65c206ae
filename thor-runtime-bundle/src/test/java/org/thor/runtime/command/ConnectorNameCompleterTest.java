package org.thor.runtime.command;

import org.apache.karaf.shell.api.console.CommandLine;
import org.junit.jupiter.api.Test;
import org.thor.runtime.FakeThorWorker;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConnectorNameCompleterTest {

    @Test
    void namesOfRunningAndOfRejectedConnectorsAreOffered() {
        FakeThorWorker worker = new FakeThorWorker();
        worker.putConnector("web-access", Map.of());
        worker.putConnector("api", Map.of());
        worker.reportConfigError("web-errors", "Invalid configuration in etc/org.thor.connector-web-errors.cfg: files: missing");
        ConnectorNameCompleter completer = new ConnectorNameCompleter();
        completer.worker = worker;
        List<String> candidates = new ArrayList<>();

        completer.complete(null, typed("we"), candidates);

        assertEquals(List.of("web-access", "web-errors"), candidates.stream().map(String::trim).sorted().toList());
    }

    @Test
    void aWorkerThatIsRestartingOffersNothing() {
        FakeThorWorker worker = new FakeThorWorker();
        worker.running = false;
        ConnectorNameCompleter completer = new ConnectorNameCompleter();
        completer.worker = worker;
        List<String> candidates = new ArrayList<>();

        completer.complete(null, typed("we"), candidates);

        assertEquals(List.of(), candidates);
    }

    // "thor:status we" with the cursor after "we"
    private static CommandLine typed(String argument) {
        String buffer = "thor:status " + argument;
        return (CommandLine) Proxy.newProxyInstance(CommandLine.class.getClassLoader(), new Class<?>[] {CommandLine.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getCursorArgument" -> argument;
                    case "getArgumentPosition" -> argument.length();
                    case "getCursorArgumentIndex" -> 1;
                    case "getBufferPosition" -> buffer.length();
                    case "getBuffer" -> buffer;
                    case "getArguments" -> new String[] {"thor:status", argument};
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
