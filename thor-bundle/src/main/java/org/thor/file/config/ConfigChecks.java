package org.thor.file.config;

import org.apache.kafka.common.config.ConfigException;

import java.nio.charset.Charset;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;

/** The checks of the connector's keys' values, for {@link LogFileSourceConfig#CONFIG_DEF}: each names the key and value at fault. */
final class ConfigChecks {

    private ConfigChecks() {
    }

    static void validatePatterns(String name, Object value) {
        @SuppressWarnings("unchecked")
        List<String> patterns = (List<String>) value;
        if (patterns == null || patterns.isEmpty()) {
            throw new ConfigException(name, value, "at least one glob pattern is needed");
        }
        for (String pattern : patterns) {
            if (!Path.of(pattern.trim()).isAbsolute()) {
                throw new ConfigException(name, pattern, "the pattern must be an absolute path");
            }
        }
        validateGlobs(name, value);
    }

    static void validateGlobs(String name, Object value) {
        @SuppressWarnings("unchecked")
        List<String> patterns = (List<String>) value;
        for (String pattern : patterns) {
            try {
                FileSystems.getDefault().getPathMatcher("glob:" + pattern.trim());
            } catch (RuntimeException e) {
                throw new ConfigException(name, pattern, "not a valid glob: " + e.getMessage());
            }
        }
    }

    static void validateRegex(String name, Object value) {
        try {
            java.util.regex.Pattern.compile((String) value);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new ConfigException(name, value, e.getDescription());
        }
    }

    static void validateRegexes(String name, Object value) {
        @SuppressWarnings("unchecked")
        List<String> regexes = (List<String>) value;
        for (String regex : regexes) {
            validateRegex(name, regex);
        }
    }

    static void validateInstant(String name, Object value) {
        String text = ((String) value).trim();
        if (!text.isEmpty()) {
            try {
                java.time.Instant.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                throw new ConfigException(name, value, "not an ISO-8601 instant such as 2026-11-25T10:00:00Z");
            }
        }
    }

    static void validateCharset(String name, Object value) {
        try {
            Charset.forName((String) value);
        } catch (RuntimeException e) {
            throw new ConfigException(name, value, "not a charset this JVM supports");
        }
    }
}
