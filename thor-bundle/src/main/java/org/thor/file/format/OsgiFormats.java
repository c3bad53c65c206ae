package org.thor.file.format;

import org.apache.kafka.common.config.ConfigDef;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.thor.format.LineFormat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The only class that touches OSGi; {@link Formats} loads it only once it knows the framework
 * classes are there, so the connector also runs in a plain Connect worker.
 */
final class OsgiFormats {

    private OsgiFormats() {
    }

    static boolean inBundle(Class<?> type) {
        return FrameworkUtil.getBundle(type) != null;
    }

    /** The highest-ranked service named {@code name}, held until the lease is closed. */
    static Optional<Formats.Lease> find(Class<?> caller, String name) {
        Bundle bundle = FrameworkUtil.getBundle(caller);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        if (context == null) {
            return Optional.empty();
        }
        Collection<ServiceReference<LineFormat>> references;
        try {
            references = context.getServiceReferences(LineFormat.class,
                    "(" + LineFormat.NAME_PROPERTY + "=" + escape(name) + ")");
        } catch (InvalidSyntaxException e) {
            return Optional.empty();
        }
        for (ServiceReference<LineFormat> reference : references.stream().sorted(Comparator.reverseOrder()).toList()) {
            LineFormat format = context.getService(reference);
            if (format != null) {
                return Optional.of(new Formats.Lease(format, () -> context.ungetService(reference)));
            }
        }
        return Optional.empty();
    }

    /** The keys every format service declares. */
    static List<ConfigDef> configs(Class<?> caller) {
        Bundle bundle = FrameworkUtil.getBundle(caller);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        List<ConfigDef> configs = new ArrayList<>();
        if (context == null) {
            return configs;
        }
        try {
            for (ServiceReference<LineFormat> reference : context.getServiceReferences(LineFormat.class, null)) {
                LineFormat format = context.getService(reference);
                if (format != null) {
                    try {
                        configs.add(format.config());
                    } finally {
                        context.ungetService(reference);
                    }
                }
            }
        } catch (InvalidSyntaxException e) {
            // no filter given: cannot happen
        }
        return configs;
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").replace("*", "\\*");
    }
}
