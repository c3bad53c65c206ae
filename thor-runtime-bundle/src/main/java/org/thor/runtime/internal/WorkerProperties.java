package org.thor.runtime.internal;

import org.thor.runtime.cfg.ProviderReferences;
import org.thor.runtime.rest.ThorRestExtension;

import java.io.File;
import java.lang.reflect.Array;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Supplier;

/** Turns the {@code org.thor.worker} configuration into the string map a Connect worker takes. */
final class WorkerProperties {

    static final String OFFSETS_FILE_NAME = "connect.offsets";
    private static final String REST_EXTENSIONS = "rest.extension.classes";

    private WorkerProperties() {
    }

    /**
     * The typed keys with their defaults, then every other key of the configuration as it is,
     * without the keys that configuration admin and DS add ({@code service.pid}, {@code component.name} …);
     * config provider references as the file writes them.
     *
     * @param defaultDataDirectory where the offsets file goes when none is configured
     */
    static Map<String, String> from(WorkerConfiguration typed, Map<String, ?> all, File defaultDataDirectory) {
        Map<String, String> props = new LinkedHashMap<>();
        // A typed accessor throws on a value of the wrong type: the defaults are read only for keys
        // not set, and a bad value goes to Connect, whose error names the key.
        putDefault(props, all, "bootstrap.servers", typed::bootstrap_servers);
        putDefault(props, all, "listeners", typed::listeners);
        putDefault(props, all, "offset.flush.interval.ms", () -> Long.toString(typed.offset_flush_interval_ms()));
        putDefault(props, all, "key.converter", typed::key_converter);
        putDefault(props, all, "value.converter", typed::value_converter);
        putDefault(props, all, ThorRestExtension.AUTH_CONFIG, typed::thor_rest_auth);
        putDefault(props, all, ThorRestExtension.REALM_CONFIG, typed::thor_rest_auth_realm);
        props.put("plugin.discovery", "service_load");
        all.forEach((key, value) -> {
            if (!isContainerKey(key) && value != null) {
                props.put(key, asString(value));
            }
        });
        String extensions = props.getOrDefault(REST_EXTENSIONS, "").trim();
        props.put(REST_EXTENSIONS, extensions.isEmpty() ? ThorRestExtension.class.getName()
                : ThorRestExtension.class.getName() + "," + extensions);
        String offsets = props.getOrDefault("offset.storage.file.filename", "").trim();
        if (offsets.isEmpty()) {
            offsets = new File(defaultDataDirectory, OFFSETS_FILE_NAME).getAbsolutePath();
        }
        props.put("offset.storage.file.filename", offsets);
        return ProviderReferences.restore(props, all);
    }

    /** Where Thor keeps its files by default: {@code ${karaf.data}/thor}, else the bundle's data area. */
    static File dataDirectory(File bundleDataArea) {
        String karafData = System.getProperty("karaf.data");
        return karafData != null ? new File(karafData, "thor") : bundleDataArea;
    }

    private static void putDefault(Map<String, String> props, Map<String, ?> all, String key, Supplier<String> typedDefault) {
        if (!all.containsKey(key)) {
            props.put(key, typedDefault.get());
        }
    }

    private static boolean isContainerKey(String key) {
        return key.startsWith("service.") || key.startsWith("component.") || key.startsWith("felix.")
                || key.startsWith("osgi.") || key.equals("objectClass");
    }

    private static String asString(Object value) {
        if (!value.getClass().isArray()) {
            return value.toString();
        }
        StringJoiner joined = new StringJoiner(",");
        for (int i = 0; i < Array.getLength(value); i++) {
            joined.add(String.valueOf(Array.get(value, i)));
        }
        return joined.toString();
    }
}
