package org.thor.runtime;

import java.util.List;

/**
 * The state of a connector and its tasks, as Connect's status endpoint reports it.
 *
 * @param name      the connector's name
 * @param state     RUNNING, PAUSED, STOPPED, FAILED, UNASSIGNED or RESTARTING
 * @param trace     the error that failed it, or {@code null}
 * @param tasks     its tasks, by id
 */
public record ConnectorStatus(String name, String state, String trace, List<TaskStatus> tasks) {

    /** The state of one task; {@code trace} is the error that failed it, or {@code null}. */
    public record TaskStatus(int id, String state, String trace) {
    }
}
