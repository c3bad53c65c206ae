package org.thor.runtime.jmx;

import javax.management.Attribute;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of each stream of the log-file connector, read now from the MBeans its tasks
 * register ({@code org.thor:type=LogFileStream,connector=…,task=…,stream=…}): the source of
 * {@code /metrics}, {@code thor:top} and {@code thor:status}. The runtime knows the connector only
 * by these public MBean names, not by its classes.
 */
public record StreamFigures(String connector, String task, String stream, long linesRead, long bytesRead,
                            long bytesBehind, long filesOpen, long rotations, long bytesLost, long linesOverlong,
                            long linesInvalid, long linesDropped, long formatFailures, List<String> unreadableFiles) {

    private static final String[] ATTRIBUTES = {"Stream", "LinesRead", "BytesRead", "BytesBehind", "FilesOpen",
            "Rotations", "BytesLostToRotation", "OverlongLines", "InvalidLines", "LinesDropped", "FormatFailures",
            "UnreadableFilePaths"};

    /** Every stream of every running task, or of one connector's when {@code connector} is not null. */
    public static List<StreamFigures> read(String connector) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        List<StreamFigures> figures = new ArrayList<>();
        String pattern = "org.thor:type=LogFileStream," + (connector == null ? "" : "connector=" + ObjectName.quote(connector) + ",") + "*";
        for (ObjectName name : server.queryNames(objectName(pattern), null)) {
            try {
                Map<String, Object> values = new HashMap<>();
                for (Attribute attribute : server.getAttributes(name, ATTRIBUTES).asList()) {
                    values.put(attribute.getName(), attribute.getValue());
                }
                figures.add(new StreamFigures(key(name, "connector"), key(name, "task"), String.valueOf(values.get("Stream")),
                        number(values, "LinesRead"), number(values, "BytesRead"), number(values, "BytesBehind"),
                        number(values, "FilesOpen"), number(values, "Rotations"), number(values, "BytesLostToRotation"),
                        number(values, "OverlongLines"), number(values, "InvalidLines"), number(values, "LinesDropped"),
                        number(values, "FormatFailures"), strings(values, "UnreadableFilePaths")));
            } catch (JMException e) {
                // the task stopped while being read: its figures went with it
            }
        }
        figures.sort(java.util.Comparator.comparing(StreamFigures::connector).thenComparing(StreamFigures::task)
                .thenComparing(StreamFigures::stream));
        return figures;
    }

    /** Records handed to Connect and not yet acknowledged, per connector and task ("connector/task"). */
    public static Map<String, Long> recordsInFlight() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Map<String, Long> inFlight = new HashMap<>();
        for (ObjectName name : server.queryNames(objectName("org.thor:type=LogFileSource,*"), null)) {
            try {
                Object value = server.getAttribute(name, "RecordsInFlight");
                inFlight.put(key(name, "connector") + "/" + key(name, "task"), value instanceof Number n ? n.longValue() : 0L);
            } catch (JMException e) {
                // the task stopped while being read
            }
        }
        return inFlight;
    }

    private static long number(Map<String, Object> values, String attribute) {
        return values.get(attribute) instanceof Number number ? number.longValue() : 0;
    }

    private static List<String> strings(Map<String, Object> values, String attribute) {
        return values.get(attribute) instanceof String[] strings ? List.of(strings) : List.of();
    }

    private static String key(ObjectName name, String key) {
        String value = name.getKeyProperty(key);
        return value != null && value.startsWith("\"") ? ObjectName.unquote(value) : String.valueOf(value);
    }

    private static ObjectName objectName(String pattern) {
        try {
            return new ObjectName(pattern);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(pattern, e);
        }
    }
}
