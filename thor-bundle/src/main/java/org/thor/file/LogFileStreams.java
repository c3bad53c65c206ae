package org.thor.file;

import org.osgi.service.component.annotations.Component;
import org.thor.file.metrics.StreamMetricsMBean;
import org.thor.file.metrics.TaskMetrics;
import org.thor.file.metrics.TaskMetricsMBean;
import org.thor.runtime.LogStreams;
import org.thor.runtime.StreamFigures;

import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The streams of this bundle's running tasks, for {@code thor:status}, {@code thor:top} and
 * {@code /metrics}: read from the MBeans the tasks register (Connect makes the tasks, so JMX is
 * where they publish), through their own interfaces.
 */
@Component(service = LogStreams.class)
public final class LogFileStreams implements LogStreams {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @Override
    public Set<String> connectorClasses() {
        return Set.of(LogFileSourceConnector.class.getName());
    }

    @Override
    public List<StreamFigures> figures(String connector) {
        List<StreamFigures> figures = new ArrayList<>();
        for (ObjectName name : server.queryNames(pattern(TaskMetrics.STREAM_TYPE, connector), null)) {
            StreamMetricsMBean stream = JMX.newMBeanProxy(server, name, StreamMetricsMBean.class);
            try {
                figures.add(new StreamFigures(key(name, "connector"), key(name, "task"), stream.getStream(),
                        stream.getLinesRead(), stream.getBytesRead(), stream.getBytesBehind(), stream.getFilesOpen(),
                        stream.getRotations(), stream.getBytesLostToRotation(), stream.getCopiesReadLate(), stream.getOverlongLines(),
                        stream.getInvalidLines(), stream.getLinesDropped(), stream.getFormatFailures(),
                        List.of(stream.getUnreadableFilePaths())));
            } catch (UndeclaredThrowableException e) {
                // the task stopped while being read: its figures went with it
            }
        }
        return figures;
    }

    @Override
    public Map<String, Map<String, Long>> recordsInFlight() {
        Map<String, Map<String, Long>> inFlight = new HashMap<>();
        for (ObjectName name : server.queryNames(pattern(TaskMetrics.TASK_TYPE, null), null)) {
            try {
                long records = JMX.newMBeanProxy(server, name, TaskMetricsMBean.class).getRecordsInFlight();
                inFlight.computeIfAbsent(key(name, "connector"), connector -> new HashMap<>()).put(key(name, "task"), records);
            } catch (UndeclaredThrowableException e) {
                // the task stopped while being read
            }
        }
        return inFlight;
    }

    private static ObjectName pattern(String type, String connector) {
        try {
            return new ObjectName(type + (connector == null ? "" : ",connector=" + ObjectName.quote(connector)) + ",*");
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(type, e);
        }
    }

    private static String key(ObjectName name, String key) {
        String value = name.getKeyProperty(key);
        return value != null && value.startsWith("\"") ? ObjectName.unquote(value) : String.valueOf(value);
    }
}
