package org.thor.runtime.cfg;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * References to Connect's config providers ({@code ${file:/etc/thor/kafka.properties:password}},
 * {@code ${env:KAFKA_PASSWORD}}) as they are written in a {@code .cfg} file. Karaf's file install
 * interpolates every {@code ${...}} of the file itself before configuration admin sees it: a
 * {@code ${file:...}} it does not know becomes empty, and {@code ${env:NAME}} becomes the variable's
 * value. Connect must see the reference instead, to resolve it with its providers and to keep it, not
 * the secret, in what it shows; so the value of such a key is taken back from the file as written.
 */
public final class ProviderReferences {

    /** The key file install adds: the {@code .cfg} file a configuration was read from. */
    public static final String FILE_NAME = "felix.fileinstall.filename";

    // ${provider:path:key} or ${provider:key}; ${name:-default} is file install's own default syntax
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{[A-Za-z][A-Za-z0-9_]*:(?!-)[^}]*}");

    private ProviderReferences() {
    }

    /** Whether the text holds a reference to a config provider. */
    public static boolean holdsReference(String text) {
        return text != null && REFERENCE.matcher(text).find();
    }

    /**
     * The configuration with each value that its file writes as a provider reference taken from the
     * file; values that hold a reference already (written {@code $\{...}} or set through configuration
     * admin) and configurations without a readable file are left as they are.
     *
     * @param config the configuration's values, as strings
     * @param properties the configuration as configuration admin holds it, for its {@link #FILE_NAME}
     */
    public static Map<String, String> restore(Map<String, String> config, Map<String, ?> properties) {
        Path file = file(properties.get(FILE_NAME));
        if (file == null || !Files.isReadable(file)) {
            return config;
        }
        Properties written = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            written.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            // a file being replaced or not in properties form: file install's values stand
            return config;
        }
        Map<String, String> restored = new LinkedHashMap<>(config);
        config.forEach((key, value) -> {
            String raw = written.getProperty(key);
            if (!holdsReference(value) && holdsReference(raw)) {
                restored.put(key, raw.trim());
            }
        });
        return restored;
    }

    /** The file of a {@link #FILE_NAME} value: a {@code file:} URL, as file install writes it, or a path. */
    public static Path file(Object fileName) {
        if (fileName == null) {
            return null;
        }
        String text = fileName.toString();
        try {
            return text.startsWith("file:") ? Path.of(URI.create(text)) : Path.of(text);
        } catch (RuntimeException e) {
            return Path.of(text.replaceFirst("^file:", ""));
        }
    }
}
