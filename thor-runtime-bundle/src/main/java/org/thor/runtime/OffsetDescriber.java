package org.thor.runtime;

import org.osgi.annotation.versioning.ConsumerType;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Says which files a connector's stored offset stands for. A connector's bundle registers one as an
 * OSGi service (the log-file connector does); {@code thor:offsets} and {@code thor:status} show
 * its rows, and any offset it does not know as it is stored.
 */
@ConsumerType
public interface OffsetDescriber {

    /**
     * One file of a stored offset: where it is now (or why it is not found), the position stored for
     * it, its size and the bytes still to read (empty where they cannot be told).
     */
    record FileRow(String file, String position, String size, String behind) {
    }

    /** The files of one stored offset, or empty when the offset is not of this describer's kind. */
    Optional<List<FileRow>> files(Map<String, ?> partition, Map<String, ?> offset);
}
