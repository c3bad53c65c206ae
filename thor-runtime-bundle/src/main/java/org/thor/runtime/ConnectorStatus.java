package org.thor.runtime;

import java.util.List;

/**
 * The state of a connector and its tasks, as Connect's status endpoint reports it.
 *
 * @param name        the connector's name
 * @param state       RUNNING, PAUSED, STOPPED, FAILED, UNASSIGNED or RESTARTING; FAILED also for
 *                    a connector whose only configuration was rejected (then it has no tasks)
 * @param trace       the error that failed it, or {@code null}
 * @param tasks       its tasks, by id
 * @param configError why the last configuration offered for it was rejected (the running
 *                    version, if any, is the previous one), or {@code null}
 */
public record ConnectorStatus(String name, String state, String trace, List<TaskStatus> tasks, String configError) {

    public ConnectorStatus(String name, String state, String trace, List<TaskStatus> tasks) {
        this(name, state, trace, tasks, null);
    }

    /** The state of one task; {@code trace} is the error that failed it, or {@code null}. */
    public record TaskStatus(int id, String state, String trace) {
    }
}
