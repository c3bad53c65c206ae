package org.thor.file.format;

import org.apache.kafka.common.config.ConfigDef;
import org.thor.format.LineFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Finds a {@link LineFormat} by name: among OSGi services when this class runs inside an OSGi
 * framework, else (and for the built-ins in any case) with {@link ServiceLoader}.
 */
public final class Formats {

    private Formats() {
    }

    /** A format and the handle that releases it; call {@link Lease#close()} when the task stops. */
    public record Lease(LineFormat format, AutoCloseable release) implements AutoCloseable {
        @Override
        public void close() {
            try {
                release.close();
            } catch (Exception e) {
                // releasing an OSGi service reference never fails in a way a caller could handle
            }
        }
    }

    public static Optional<Lease> find(String name) {
        if (insideOsgi()) {
            Optional<Lease> service = OsgiFormats.find(Formats.class, name);
            if (service.isPresent()) {
                return service;
            }
        }
        return ServiceLoader.load(LineFormat.class, Formats.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .filter(format -> format.name().equals(name))
                .findFirst()
                .map(format -> new Lease(format, () -> { }));
    }

    /** The keys each format there is now declares: the built-in ones, and inside OSGi every format service. */
    public static List<ConfigDef> configs() {
        List<ConfigDef> configs = new ArrayList<>();
        ServiceLoader.load(LineFormat.class, Formats.class.getClassLoader()).forEach(format -> configs.add(format.config()));
        if (insideOsgi()) {
            configs.addAll(OsgiFormats.configs(Formats.class));
        }
        return configs;
    }

    /** Whether formats can come from bundles that are added later, so a missing one is worth waiting for. */
    public static boolean insideOsgi() {
        try {
            Class.forName("org.osgi.framework.FrameworkUtil", false, Formats.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        return OsgiFormats.inBundle(Formats.class);
    }
}
