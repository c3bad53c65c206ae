package org.thor.runtime.command;

import org.thor.runtime.ConnectorStatus;
import org.thor.runtime.StreamFigures;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The frames of {@code thor:top}: from two samples of the streams' counters, rates per connector
 * and per stream. Errors are the lines a format failed on plus the lines with invalid bytes.
 */
final class TopView {

    /** One look at the connectors and their streams, at {@code nanos}. */
    record Sample(long nanos, List<ConnectorStatus> connectors, List<StreamFigures> streams) {
    }

    private static final String COLUMNS = " %-10s %12s %10s %11s %11s %8s";
    /** The first column is as wide as its longest name, within these bounds; a longer name loses its start. */
    private static final int MIN_NAME = 24;
    private static final int MAX_NAME = 48;

    private Sample previous;

    /** The frame of {@code next}, its rates measured since the sample before it (none for the first). */
    List<String> frame(Sample next, long uptimeMillis, int width) {
        Map<String, StreamFigures> before = new HashMap<>();
        if (previous != null) {
            previous.streams().forEach(stream -> before.put(key(stream), stream));
        }
        double seconds = previous == null ? 0 : (next.nanos() - previous.nanos()) / 1e9;
        previous = next;
        int nameWidth = MIN_NAME;
        for (ConnectorStatus connector : next.connectors()) {
            nameWidth = Math.max(nameWidth, connector.name().length());
        }
        for (StreamFigures stream : next.streams()) {
            nameWidth = Math.max(nameWidth, stream.stream().length() + 2);
        }
        nameWidth = Math.min(nameWidth, MAX_NAME);
        String layout = "%-" + nameWidth + "s" + COLUMNS;

        List<String> rows = new ArrayList<>();
        double totalLines = 0;
        double totalBytes = 0;
        long totalBehind = 0;
        long totalLost = 0;
        int running = 0;
        for (ConnectorStatus connector : next.connectors()) {
            running += connector.state().equals("RUNNING") ? 1 : 0;
            List<String> streamRows = new ArrayList<>();
            double lines = 0;
            double bytes = 0;
            long behind = 0;
            long lost = 0;
            long errors = 0;
            for (StreamFigures stream : next.streams()) {
                if (!stream.connector().equals(connector.name())) {
                    continue;
                }
                StreamFigures earlier = before.get(key(stream));
                double streamLines = rate(stream.linesRead(), earlier == null ? -1 : earlier.linesRead(), seconds);
                double streamBytes = rate(stream.bytesRead(), earlier == null ? -1 : earlier.bytesRead(), seconds);
                long streamErrors = stream.formatFailures() + stream.linesInvalid();
                streamRows.add(String.format(Locale.ROOT, layout, "  " + cut(stream.stream(), nameWidth - 2), "", perSecond(streamLines),
                        megabytes(streamBytes), size(stream.bytesBehind()), size(stream.bytesLost()), count(streamErrors)));
                lines += Math.max(0, streamLines);
                bytes += Math.max(0, streamBytes);
                behind += stream.bytesBehind();
                lost += stream.bytesLost();
                errors += streamErrors;
            }
            rows.add(String.format(Locale.ROOT, layout, cut(connector.name(), nameWidth), connector.state(), perSecond(seconds > 0 ? lines : -1),
                    megabytes(seconds > 0 ? bytes : -1), size(behind), size(lost), count(errors)));
            rows.addAll(streamRows);
            totalLines += lines;
            totalBytes += bytes;
            totalBehind += behind;
            totalLost += lost;
        }
        List<String> frame = new ArrayList<>();
        frame.add(fit(String.format(Locale.ROOT, "thor:top  up %s  connectors %d (%d running)  streams %d  %s lines/s  %s MB/s  "
                        + "behind %s  lost %s", uptime(uptimeMillis), next.connectors().size(), running, next.streams().size(),
                perSecond(seconds > 0 ? totalLines : -1).trim(), megabytes(seconds > 0 ? totalBytes : -1).trim(),
                size(totalBehind).trim(), size(totalLost).trim()), width));
        frame.add("");
        frame.add(fit(String.format(Locale.ROOT, layout, "CONNECTOR / STREAM", "STATE", "LINES/S", "MB/S", "BEHIND", "LOST", "ERRORS"), width));
        rows.forEach(row -> frame.add(fit(row, width)));
        return frame;
    }

    private static String key(StreamFigures stream) {
        return stream.connector() + "\n" + stream.task() + "\n" + stream.stream();
    }

    /** Per second since the sample before, or -1 when there is none to compare with (or the counter restarted). */
    private static double rate(long now, long before, double seconds) {
        return before < 0 || seconds <= 0 || now < before ? -1 : (now - before) / seconds;
    }

    private static String perSecond(double rate) {
        return rate < 0 ? "-" : String.format(Locale.ROOT, "%,.0f", rate);
    }

    private static String megabytes(double bytesPerSecond) {
        return bytesPerSecond < 0 ? "-" : String.format(Locale.ROOT, "%.2f", bytesPerSecond / 1e6);
    }

    private static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /** 0 B, 12.3 KiB, 4.5 MiB, 1.2 GiB. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    private static String uptime(long millis) {
        long seconds = millis / 1000;
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    /** The end of {@code name} in at most {@code width} characters: a path's end tells most. */
    private static String cut(String name, int width) {
        return name.length() <= width ? name : "…" + name.substring(name.length() - width + 1);
    }

    private static String fit(String line, int width) {
        return width > 0 && line.length() > width ? line.substring(0, width) : line;
    }
}
