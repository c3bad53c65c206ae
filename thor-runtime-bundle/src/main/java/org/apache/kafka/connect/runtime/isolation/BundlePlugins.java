package org.apache.kafka.connect.runtime.isolation;

import java.net.URL;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place where Thor reaches into Connect's plugin isolation internals (package-private
 * constructors of this package), so that a Kafka upgrade that changes them breaks here, and in
 * {@code BundlePluginsTest}, loudly.
 * <p>
 * Connect finds plugins in "plugin sources", each a class loader, and keeps a discovered plugin
 * only when its class was defined by that source's loader. An OSGi bundle's wiring class loader is
 * such a source: it is scanned with {@code ServiceLoader} like the class path, and the delegating
 * loader falls back to the bundles' loaders for classes that the runtime bundle cannot see
 * (a connector's task class, for example).
 */
public final class BundlePlugins extends Plugins {

    private BundlePlugins(Map<String, String> workerProps, ClassLoader parent, BundleLoaderFactory factory) {
        super(workerProps, parent, factory);
    }

    /**
     * Plugins from the class loader {@code parent} (the runtime's own, with Connect's converters and
     * transforms) and from each of {@code pluginLoaders}, scanned once, now.
     */
    public static Plugins create(Map<String, String> workerProps, ClassLoader parent, Collection<ClassLoader> pluginLoaders) {
        return new BundlePlugins(workerProps, parent, new BundleLoaderFactory(List.copyOf(pluginLoaders)));
    }

    // Called from Plugins' constructor, once the delegating loader exists: the scan result is fixed here.
    @Override
    public PluginScanResult initLoaders(Set<PluginSource> pluginSources, PluginDiscoveryMode discoveryMode) {
        Set<PluginSource> sources = new LinkedHashSet<>(pluginSources);
        for (ClassLoader loader : ((FallbackDelegatingClassLoader) delegatingLoader()).fallbacks()) {
            sources.add(new PluginSource(null, PluginSource.Type.CLASSPATH, loader, new URL[0]));
        }
        return super.initLoaders(sources, discoveryMode);
    }

    private static final class BundleLoaderFactory extends ClassLoaderFactory {
        private final List<ClassLoader> pluginLoaders;

        BundleLoaderFactory(List<ClassLoader> pluginLoaders) {
            this.pluginLoaders = pluginLoaders;
        }

        @Override
        public DelegatingClassLoader newDelegatingClassLoader(ClassLoader parent) {
            return new FallbackDelegatingClassLoader(parent, pluginLoaders);
        }
    }

    private static final class FallbackDelegatingClassLoader extends DelegatingClassLoader {
        static {
            ClassLoader.registerAsParallelCapable();
        }

        private final List<ClassLoader> fallbacks;

        FallbackDelegatingClassLoader(ClassLoader parent, List<ClassLoader> fallbacks) {
            super(parent);
            this.fallbacks = fallbacks;
        }

        List<ClassLoader> fallbacks() {
            return fallbacks;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            for (ClassLoader loader : fallbacks) {
                try {
                    return loader.loadClass(name);
                } catch (ClassNotFoundException e) {
                    // not in this plugin: try the next one
                }
            }
            throw new ClassNotFoundException(name);
        }

        @Override
        public URL findResource(String name) {
            for (ClassLoader loader : fallbacks) {
                URL url = loader.getResource(name);
                if (url != null) {
                    return url;
                }
            }
            return null;
        }
    }
}
