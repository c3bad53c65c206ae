package org.thor.deb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The [Service] section of a systemd unit file: each directive with its values in order. */
final class UnitFile {

    private final Map<String, List<String>> service;

    private UnitFile(Map<String, List<String>> service) {
        this.service = service;
    }

    static UnitFile read(Path file) throws IOException {
        Map<String, List<String>> service = new LinkedHashMap<>();
        String section = "";
        for (String raw : Files.readAllLines(file)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                section = line;
                continue;
            }
            int equals = line.indexOf('=');
            if ("[Service]".equals(section) && equals > 0) {
                service.computeIfAbsent(line.substring(0, equals).strip(), key -> new ArrayList<>())
                        .add(line.substring(equals + 1).strip());
            }
        }
        return new UnitFile(service);
    }

    java.util.Set<String> directives() {
        return service.keySet();
    }

    /** The last value of a directive (systemd's rule for single-valued ones), or null. */
    String value(String directive) {
        List<String> values = service.get(directive);
        return values == null ? null : values.get(values.size() - 1);
    }

    List<String> values(String directive) {
        return service.getOrDefault(directive, List.of());
    }

    /**
     * The assignments of {@code Environment=} lines: space-separated, each optionally in double
     * quotes (the forms this project's unit uses; systemd knows more).
     */
    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String line : values("Environment")) {
            for (String word : words(line)) {
                int equals = word.indexOf('=');
                environment.put(word.substring(0, equals), word.substring(equals + 1));
            }
        }
        return environment;
    }

    /** Splits at spaces outside double quotes and drops the quotes. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ' ' && !quoted) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }
}
