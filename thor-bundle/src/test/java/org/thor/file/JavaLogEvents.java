package org.thor.file;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.thor.file.LogFiles.append;

/** A Java application's log, for multiline tests: numbered events, every third with a stack trace. */
final class JavaLogEvents {

    /** Joins the lines of one stack trace to the line before them. */
    static final String STACK_TRACE_PATTERN = "^\\s+at |^Caused by: |^\\s+\\.\\.\\. ";

    private JavaLogEvents() {
    }

    /** A log line and, every third one, a stack trace of {@code depth} frames. */
    static String event(int i, int depth) {
        StringBuilder text = new StringBuilder("2026-11-25 event " + i);
        if (i % 3 == 0) {
            text.append(" failed: java.lang.IllegalStateException: boom ").append(i);
            for (int f = 0; f < depth; f++) {
                text.append("\n\tat org.thor.Example.method").append(f).append("(Example.java:").append(f).append(')');
            }
            text.append("\nCaused by: java.io.IOException: disk ").append(i).append("\n\t... ").append(depth).append(" more");
        }
        return text.toString();
    }

    static List<String> events(int from, int to, int depth) {
        List<String> events = new ArrayList<>();
        for (int i = from; i < to; i++) {
            events.add(event(i, depth));
        }
        return events;
    }

    static void appendEvents(Path file, int from, int to, int depth) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            text.append(event(i, depth)).append('\n');
        }
        append(file, text.toString());
    }
}
