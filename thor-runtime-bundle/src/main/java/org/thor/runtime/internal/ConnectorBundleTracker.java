package org.thor.runtime.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Enumeration;

/**
 * The plugin extender: a started bundle that declares Connect plugins in
 * {@code META-INF/services/org.apache.kafka.connect.*} (no OSGi code needed) is a plugin source
 * whose class loader is the bundle's own.
 */
final class ConnectorBundleTracker extends BundleTracker<Bundle> {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorBundleTracker.class);

    /** Told of plugin bundles as they start and stop; the bundle is passed as an opaque key. */
    interface Listener {
        void pluginAdded(Object bundle, ClassLoader loader);

        void pluginRemoved(Object bundle);
    }

    private final Listener listener;
    private final long ownBundleId;

    ConnectorBundleTracker(BundleContext context, Listener listener) {
        super(context, Bundle.ACTIVE, null);
        this.listener = listener;
        this.ownBundleId = context.getBundle().getBundleId();
    }

    @Override
    public Bundle addingBundle(Bundle bundle, BundleEvent event) {
        if (bundle.getBundleId() == ownBundleId || !declaresConnectPlugins(bundle)) {
            return null;
        }
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null || wiring.getClassLoader() == null) {
            return null;
        }
        LOG.info("Connect plugins found in bundle {} [{}]", bundle.getSymbolicName(), bundle.getBundleId());
        listener.pluginAdded(bundle, wiring.getClassLoader());
        return bundle;
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, Bundle tracked) {
        LOG.info("Connect plugins of bundle {} [{}] are going away", bundle.getSymbolicName(), bundle.getBundleId());
        listener.pluginRemoved(bundle);
    }

    private static boolean declaresConnectPlugins(Bundle bundle) {
        Enumeration<String> entries = bundle.getEntryPaths("META-INF/services/");
        while (entries != null && entries.hasMoreElements()) {
            if (entries.nextElement().startsWith("META-INF/services/org.apache.kafka.connect.")) {
                return true;
            }
        }
        return false;
    }
}
