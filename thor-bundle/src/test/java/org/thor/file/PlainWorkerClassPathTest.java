package org.thor.file;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Connect worker's class path has no org.osgi classes at all; formats must still be found. */
class PlainWorkerClassPathTest {

    @Test
    void formatsAreFoundWhereNoOsgiClassExists() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.contains("osgi")) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("org.osgi.framework.FrameworkUtil"));
            Class<?> formats = loader.loadClass("org.thor.file.format.Formats");
            assertEquals(false, formats.getMethod("insideOsgi").invoke(null));
            Method find = formats.getMethod("find", String.class);
            for (String name : List.of("raw", "json", "regex")) {
                assertTrue(((Optional<?>) find.invoke(null, name)).isPresent(), name);
            }
        }
    }
}
