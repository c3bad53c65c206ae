package org.thor.runtime;

import java.util.List;

/**
 * The figures of one stream (one pattern of {@code files}) of a log-file connector's task, as a
 * {@link LogStreams} service reports them: the source of {@code /metrics}, {@code thor:top} and
 * {@code thor:status}. Counters count since the task started; {@code bytesBehind} and
 * {@code filesOpen} are as they are now; {@code unreadableFiles} names the files of the stream that
 * cannot be read now (their mode, a symlink loop), retried until they open; {@code copiesReadLate}
 * counts copies whose lines were sent after lines of a newer file of the stream (they turned up late).
 */
public record StreamFigures(String connector, String task, String stream, long linesRead, long bytesRead,
                            long bytesBehind, long filesOpen, long rotations, long bytesLost, long copiesReadLate,
                            long linesOverlong,
                            long linesInvalid, long linesDropped, long formatFailures, List<String> unreadableFiles) {
}
