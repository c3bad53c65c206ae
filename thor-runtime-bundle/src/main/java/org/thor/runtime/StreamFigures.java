package org.thor.runtime;

/**
 * The figures of one stream (one pattern of {@code files}) of a log-file connector's task, as a
 * {@link LogStreams} service reports them: the source of {@code /metrics}, {@code thor:top} and
 * {@code thor:status}. Counters count since the task started; {@code bytesBehind} and
 * {@code filesOpen} are as they are now.
 */
public record StreamFigures(String connector, String task, String stream, long linesRead, long bytesRead,
                            long bytesBehind, long filesOpen, long rotations, long bytesLost, long linesOverlong,
                            long linesInvalid, long linesDropped, long formatFailures) {
}
