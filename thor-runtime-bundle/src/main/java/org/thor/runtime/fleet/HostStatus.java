package org.thor.runtime.fleet;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * One Thor's record in the status topic, keyed by its host name, as JSON.
 *
 * @param appliedOffset the offset of the last configuration topic record this Thor has read and applied (-1: none yet)
 * @param intervalMs    how often it writes when nothing changes
 * @param time          when it was written, in milliseconds since the epoch
 * @param connectors    its fleet connectors by name
 * @param errors        the records it did not apply, with the reason
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HostStatus(String host, String version, List<String> labels, long appliedOffset, long intervalMs, long time,
                         Map<String, ConnectorReport> connectors, List<String> errors) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One fleet connector of the host: the record it takes, its state (RUNNING, FAILED …; REJECTED when
     * its record was refused and no version of it runs, PENDING while it is being created), the reason a record was refused, and what
     * its streams read.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ConnectorReport(String target, long offset, String state, String error, long linesPerSecond,
                                  long bytesBehind, long bytesLost) {
    }

    byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HostStatus fromJson(byte[] json) throws IOException {
        return JSON.readValue(json, HostStatus.class);
    }

    /** The same status apart from the figures that move all the time: time, rates, bytes behind and lost. */
    boolean sameStateAs(HostStatus other) {
        return other != null && appliedOffset == other.appliedOffset && labels.equals(other.labels)
                && errors.equals(other.errors) && connectorStates().equals(other.connectorStates());
    }

    private Map<String, List<String>> connectorStates() {
        return connectors.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, entry -> {
            ConnectorReport report = entry.getValue();
            return java.util.Arrays.asList(report.target(), Long.toString(report.offset()), report.state(), report.error());
        }));
    }
}
