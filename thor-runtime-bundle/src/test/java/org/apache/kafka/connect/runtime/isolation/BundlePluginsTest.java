package org.apache.kafka.connect.runtime.isolation;

import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.storage.StringConverter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guards Thor's use of Connect's plugin isolation internals: if a Kafka upgrade changes them, this
 * fails (or does not compile) and {@code BundlePlugins} must be adapted.
 */
class BundlePluginsTest {

    private static final String CONNECTOR = "org.thor.testplugin.EchoSourceConnector";
    private static final String TASK = "org.thor.testplugin.EchoSourceTask";

    private ClassLoader runtimeLoader;
    private URLClassLoader pluginLoader;

    @BeforeEach
    void pluginInItsOwnLoader() throws URISyntaxException, IOException {
        Path testClasses = Path.of(BundlePluginsTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        runtimeLoader = new HidingClassLoader(BundlePluginsTest.class.getClassLoader(), "org.thor.testplugin.");
        pluginLoader = new URLClassLoader(new URL[]{
                testClasses.resolve("testplugin").toUri().toURL(), testClasses.toUri().toURL()}, runtimeLoader);
    }

    @AfterEach
    void close() throws IOException {
        pluginLoader.close();
    }

    @Test
    void aPluginLoaderIsScannedAndItsConnectorKeepsItsLoader() {
        Plugins plugins = BundlePlugins.create(Map.of("plugin.discovery", "service_load"), runtimeLoader, List.of(pluginLoader));

        PluginDesc<?> connector = plugins.sourceConnectors().stream()
                .filter(desc -> desc.className().equals(CONNECTOR)).findFirst().orElseThrow();
        assertSame(pluginLoader, connector.loader());
        Connector instance = plugins.newConnector("EchoSourceConnector");
        assertSame(pluginLoader, instance.getClass().getClassLoader());
    }

    @Test
    void classesOfAPluginThatAreNotPluginsLoadThroughTheDelegatingLoader() throws ClassNotFoundException {
        Plugins plugins = BundlePlugins.create(Map.of("plugin.discovery", "service_load"), runtimeLoader, List.of(pluginLoader));

        Class<?> task = plugins.delegatingLoader().loadClass(TASK);
        assertSame(pluginLoader, task.getClassLoader());
    }

    @Test
    void connectsOwnPluginsComeFromTheRuntimeLoader() {
        ClassLoader connectsLoader = StringConverter.class.getClassLoader();
        Plugins plugins = BundlePlugins.create(Map.of("plugin.discovery", "service_load"), connectsLoader, List.of());

        assertTrue(plugins.converters().stream().anyMatch(desc -> desc.className().equals(StringConverter.class.getName())));
        assertTrue(plugins.sourceConnectors().stream().noneMatch(desc -> desc.className().equals(CONNECTOR)));
    }

    /** The runtime's view: the plugin's classes are not visible to it, as in OSGi. */
    private static final class HidingClassLoader extends ClassLoader {
        private final String hiddenPrefix;

        HidingClassLoader(ClassLoader parent, String hiddenPrefix) {
            super(parent);
            this.hiddenPrefix = hiddenPrefix;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith(hiddenPrefix)) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }
    }
}
