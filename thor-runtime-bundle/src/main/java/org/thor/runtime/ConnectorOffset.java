package org.thor.runtime;

import java.util.Map;

/** One stored source offset of a connector: the source partition and the position stored for it. */
public record ConnectorOffset(Map<String, ?> partition, Map<String, ?> offset) {
}
