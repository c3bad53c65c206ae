package org.thor.runtime;

import org.osgi.annotation.versioning.ProviderType;

import java.net.URI;
import java.util.Collection;
import java.util.List;
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

    /**
     * The state of the connector and its tasks, with the reason its last offered configuration was
     * rejected, if it was; for a connector known only by a rejected configuration, state FAILED.
     */
    ConnectorStatus status(String name);

    /** Checks a connector configuration against its connector's {@code ConfigDef} without applying it; empty when valid. */
    List<ConfigProblem> validate(Map<String, String> config);

    /**
     * Records why a configuration offered for a connector was not applied ({@code null} clears it),
     * for {@link #status} and {@link #configErrors}; a successful put or a delete clears it too.
     */
    void reportConfigError(String name, String error);

    /** The connectors whose last offered configuration was rejected, with the reason. */
    Map<String, String> configErrors();

    /** Pauses the connector and its tasks. */
    void pause(String name);

    /** Resumes a paused connector. */
    void resume(String name);

    /** Restarts the connector and all its tasks; they resume from their committed offsets. */
    ConnectorStatus restart(String name);

    /** The source offsets stored for the connector, one per source partition. */
    List<ConnectorOffset> offsets(String name);

    /**
     * The settings the worker's own Kafka clients connect with: {@code bootstrap.servers}, security,
     * timeouts and the config providers that resolve references in them, as configured in
     * {@code org.thor.worker}. Known while the worker waits for Kafka too.
     */
    Map<String, String> kafkaClientSettings();
}
