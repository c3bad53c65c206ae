package org.thor.file.read;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Joins the lines of one stream (of files {@code F}) into multiline events, with Filebeat's semantics: a line "matches"
 * when {@code pattern} is found in it, inverted by {@code negate}. With {@code after} a matching
 * line continues the event before it; with {@code before} a matching line is continued by the
 * line after it (a line that does not match ends the event). An event never spans two files, holds
 * at most {@code maxLines} lines and {@code maxChars} characters (further continuations start a new
 * event, nothing is dropped) and
 * is flushed when no continuation came for {@code timeoutMs}. The event carries the offset that
 * came with its last line, so it is committed only once the whole event is acknowledged. The parts
 * of a line longer than max.line.bytes are put back together in the event (the line's first part
 * decides whether it matches); each part counts as a line towards {@code maxLines}.
 */
public final class MultilineJoiner<F> {

    /** One complete event. */
    public record Event<F>(F file, String text, long firstOffset, Map<String, Object> offset, int lines,
                 boolean continued) {
    }

    public interface EventSink<F> {
        void event(Event<F> event);
    }

    private final Pattern pattern;
    private final boolean negate;
    private final boolean after;
    private final int maxLines;
    private final int maxChars;
    private final long timeoutMs;

    private F file;
    private final StringBuilder text = new StringBuilder();
    private long firstOffset;
    private Map<String, Object> offset;
    private int lines;
    private boolean continued;
    private long lastLineMillis;
    /** With {@code before}: the line being added does not match, so the event ends with it. */
    private boolean endsWithLine;

    public MultilineJoiner(Pattern pattern, boolean negate, boolean after, int maxLines, int maxChars, long timeoutMs) {
        this.pattern = pattern;
        this.negate = negate;
        this.after = after;
        this.maxLines = maxLines;
        this.maxChars = maxChars;
        this.timeoutMs = timeoutMs;
    }

    /**
     * Adds one line, or one part of an overlong line ({@code part}: not its first; {@code ends}:
     * its last); hands complete events to the sink.
     */
    public void add(F lineFile, String line, boolean part, boolean ends, long lineOffset,
             Map<String, Object> lineOffsetAfter, long now, EventSink<F> sink) {
        boolean joinsLine = part && lines > 0 && lineFile == file;
        if (!joinsLine) {
            boolean matches = pattern.matcher(line).find() != negate;
            boolean continuation = lines > 0 && (after ? matches : true);
            if (lines > 0 && (lineFile != file || !continuation)) {
                flush(sink);
            }
            endsWithLine = !after && !matches;
        }
        boolean overflow = false;
        if (lines >= maxLines || lines > 0 && text.length() + 1 + line.length() > maxChars) {
            flush(sink);
            overflow = true;
        }
        if (lines == 0) {
            file = lineFile;
            firstOffset = lineOffset;
            continued = overflow || part;
        } else if (!joinsLine) {
            text.append('\n');
        }
        text.append(line);
        lines++;
        offset = lineOffsetAfter;
        lastLineMillis = now;
        if (endsWithLine && ends) {
            flush(sink);
        }
    }

    /** Flushes the held event if no continuation came for the timeout. */
    public void expire(long now, EventSink<F> sink) {
        if (lines > 0 && now - lastLineMillis >= timeoutMs) {
            flush(sink);
        }
    }

    boolean holdsEvent() {
        return lines > 0;
    }

    private void flush(EventSink<F> sink) {
        if (lines == 0) {
            return;
        }
        Event<F> event = new Event<>(file, text.toString(), firstOffset, offset, lines, continued);
        text.setLength(0);
        lines = 0;
        file = null;
        offset = null;
        continued = false;
        sink.event(event);
    }
}
