package org.thor.file.format;

import java.util.Arrays;
import java.util.Map;

/** Writes JSON (RFC 8259 escaping): string literals for format=json, whole values for format=groovy. */
final class JsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    /**
     * A value a script returned: maps as objects (keys as strings), lists, sets and arrays as
     * arrays, numbers and booleans as themselves (a non-finite number as a string), anything else as
     * the string of its {@code toString()}.
     */
    static void appendValue(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                appendString(out, entry.getKey() instanceof String key ? key : String.valueOf(entry.getKey()));
                out.append(':');
                appendValue(out, entry.getValue());
            }
            out.append('}');
        } else if (value instanceof Iterable<?> items) {
            appendArray(out, items);
        } else if (value instanceof Object[] items) {
            appendArray(out, Arrays.asList(items));
        } else if (value instanceof String text) {
            appendString(out, text);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            out.append(((Number) value).longValue()); // the digits written straight in, no String made
        } else if (value instanceof Boolean || value instanceof Number number && finite(number)) {
            out.append(value);
        } else {
            appendString(out, value.toString());
        }
    }

    private static void appendArray(StringBuilder out, Iterable<?> items) {
        out.append('[');
        boolean first = true;
        for (Object item : items) {
            if (!first) {
                out.append(',');
            }
            first = false;
            appendValue(out, item);
        }
        out.append(']');
    }

    private static boolean finite(Number number) {
        return !(number instanceof Double || number instanceof Float) || Double.isFinite(number.doubleValue());
    }

    static void appendString(StringBuilder out, String value) {
        out.append('"');
        int plain = plainPrefix(value);
        if (plain == value.length()) {
            // most values need no escape: appended whole, which copies arrays rather than characters
            out.append(value).append('"');
            return;
        }
        out.append(value, 0, plain);
        for (int i = plain; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    // U+2028/2029 are valid JSON but break JavaScript consumers that eval lines.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF])
                                .append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** How many characters at the start of {@code value} need no escape. */
    private static int plainPrefix(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c == '\u2028' || c == '\u2029') {
                return i;
            }
        }
        return value.length();
    }
}
