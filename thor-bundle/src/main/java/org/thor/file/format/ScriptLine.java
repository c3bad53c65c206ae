package org.thor.file.format;

import org.thor.format.Line;

/**
 * What a format=groovy script sees as {@code line}: {@code line.text}, {@code line.path},
 * {@code line.offset}, {@code line.host}, {@code line.stream}. Getters, because statically compiled
 * Groovy cannot reach a Java record's components as properties.
 */
public final class ScriptLine {

    private final Line line;

    ScriptLine(Line line) {
        this.line = line;
    }

    public String getText() {
        return line.text();
    }

    public String getPath() {
        return line.path();
    }

    public long getOffset() {
        return line.offset();
    }

    public String getHost() {
        return line.host();
    }

    public String getStream() {
        return line.stream();
    }

    @Override
    public String toString() {
        return line.text();
    }
}
