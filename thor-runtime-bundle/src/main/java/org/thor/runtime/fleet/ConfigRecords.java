package org.thor.runtime.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The value of a configuration topic record: a connector configuration as one JSON object. Strings
 * are taken as they are, numbers and booleans as their text, an array of them as a comma-separated
 * list ({@code "files": ["/var/log/a.log", "/var/log/b.log"]}); anything else is refused.
 */
final class ConfigRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigRecords() {
    }

    static Map<String, String> read(byte[] value) {
        JsonNode root;
        try {
            root = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the value is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the value is not a JSON object of connector keys");
        }
        Map<String, String> config = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            config.put(field.getKey(), text(field.getKey(), field.getValue()));
        }
        return config;
    }

    static byte[] write(Map<String, String> config) {
        try {
            return JSON.writeValueAsBytes(new TreeMap<>(config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String key, JsonNode value) {
        if (value.isValueNode() && !value.isNull()) {
            return value.asText();
        }
        if (value.isArray()) {
            StringJoiner joined = new StringJoiner(",");
            for (JsonNode element : value) {
                if (!element.isValueNode() || element.isNull()) {
                    throw new IllegalArgumentException("key '" + key + "': an array may hold only strings, numbers and booleans");
                }
                joined.add(element.asText());
            }
            return joined.toString();
        }
        throw new IllegalArgumentException("key '" + key + "': a value is a string, a number, a boolean or an array of them");
    }
}
