package org.thor.runtime.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.thor.runtime.fleet.Fleet;
import org.thor.runtime.fleet.FleetKey;
import org.thor.runtime.fleet.FleetTarget;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * {@code thor:fleet push|delete|list|status}: the fleet's configuration topic and the status of its
 * hosts, from any Thor with {@code fleet.enabled = true}.
 */
@Service
@Command(scope = "thor", name = "fleet", description = "Pushes connector configurations to the fleet, deletes them, lists them, "
        + "and shows the status of every host")
public class FleetCommand implements Action {

    @Reference(optional = true)
    Fleet fleet;

    @Argument(index = 0, name = "action", required = true,
            description = "push NAME KEY=VALUE... | delete NAME | list | status")
    @Completion(value = StringsCompleter.class, values = {"push", "delete", "list", "status"})
    String action;

    @Argument(index = 1, name = "arguments", multiValued = true,
            description = "NAME KEY=VALUE... (push) or NAME (delete); --target and --file may also follow the action")
    List<String> arguments;

    @Option(name = "--target", aliases = "-t", description = "all (default), label:<label> or host:<name>")
    String target = "all";

    @Option(name = "--file", aliases = "-f", description = "Push the keys of this .cfg file (push)")
    String file;

    private String name;
    private final List<String> settings = new ArrayList<>();

    // Karaf gives each session its own System.out; tests set their own.
    PrintStream out = System.out;

    @Override
    public Object execute() throws Exception {
        PrintStream to = out == null ? System.out : out;
        if (fleet == null || !fleet.enabled()) {
            to.println("The fleet is not enabled here: set fleet.enabled = true in etc/org.thor.fleet.cfg");
            return null;
        }
        readArguments();
        switch (action) {
            case "push" -> to.println("Pushed " + key() + " at offset " + fleet.push(key(), config()));
            case "delete" -> to.println("Deleted " + key() + " (tombstone at offset " + fleet.delete(key()) + ")");
            case "list" -> FleetTables.desired(fleet.desired()).print(to);
            case "status" -> FleetTables.hosts(fleet.hosts(), System.currentTimeMillis()).print(to);
            default -> throw new IllegalArgumentException("Unknown action '" + action + "': push, delete, list or status");
        }
        return null;
    }

    // Karaf takes options only before the first argument, and thor:fleet push --target ... comes after it.
    private void readArguments() {
        List<String> remaining = arguments == null ? List.of() : arguments;
        for (int i = 0; i < remaining.size(); i++) {
            String argument = remaining.get(i);
            boolean takesValue = i + 1 < remaining.size();
            if (takesValue && (argument.equals("--target") || argument.equals("-t"))) {
                target = remaining.get(++i);
            } else if (takesValue && (argument.equals("--file") || argument.equals("-f"))) {
                file = remaining.get(++i);
            } else if (name == null) {
                name = argument;
            } else {
                settings.add(argument);
            }
        }
    }

    private FleetKey key() {
        if (name == null) {
            throw new IllegalArgumentException(action + " needs the connector's name");
        }
        return new FleetKey(FleetTarget.parse(target), name);
    }

    private Map<String, String> config() throws IOException {
        Map<String, String> config = new TreeMap<>();
        if (file != null) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            properties.stringPropertyNames().forEach(key -> config.put(key, properties.getProperty(key).trim()));
        }
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("'" + setting + "' is not KEY=VALUE");
            }
            config.put(setting.substring(0, equals).trim(), setting.substring(equals + 1).trim());
        }
        if (config.isEmpty()) {
            throw new IllegalArgumentException("push needs the connector's keys: KEY=VALUE... or --file FILE.cfg");
        }
        return config;
    }
}
