package org.thor.runtime;

import org.osgi.annotation.versioning.ProviderType;

import java.net.URI;
import java.util.Collection;
import java.util.Map;

/**
 * The Kafka Connect worker running in this container, registered as an OSGi service while it is up.
 * Each call is answered by the worker's herder; a call made while the worker restarts fails with
 * {@link IllegalStateException}.
 */
@ProviderType
public interface ThorWorker {

    /** The URL of the Connect REST API, as the worker advertises it. */
    URI restUrl();

    /** The names of the connectors the worker runs. */
    Collection<String> connectors();

    /** The configuration of a connector, or an exception naming it if there is none. */
    Map<String, String> connectorConfig(String name);

    /** Creates the connector, or replaces its configuration; the configuration is validated first. */
    void putConnector(String name, Map<String, String> config);

    /** Deletes the connector; its stored offsets stay. */
    void deleteConnector(String name);

    /** The state of the connector and its tasks. */
    ConnectorStatus status(String name);
}
