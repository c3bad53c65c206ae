package org.thor.file;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven built, from a filtered resource, so that Connect reports the real one. */
final class Version {

    private static final String VERSION = load();

    private Version() {
    }

    static String get() {
        return VERSION;
    }

    private static String load() {
        Properties properties = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("thor-bundle.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // reported as unknown below
        }
        return properties.getProperty("version", "unknown");
    }
}
