package org.thor.runtime.deploy;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One connector, as configuration admin holds it (file {@code etc/org.thor.connector-NAME.cfg}).
 * The keys listed here are the ones operators set most; every key of the configuration, listed or
 * not, is passed to the connector as its Connect configuration.
 */
@ObjectClassDefinition(
        id = ConnectorProperties.FACTORY_PID,
        name = "Thor connector",
        description = "One Kafka Connect connector. Every key, listed here or not, is passed to the connector "
                + "unchanged, so any key of the connector class or of Connect (transforms.*, producer.override.*) works.")
public @interface ConnectorConfiguration {

    @AttributeDefinition(name = "Connector name", required = false,
            description = "The connector's name in Connect. Empty means the part of the file name after 'org.thor.connector-'.")
    String name() default "";

    @AttributeDefinition(name = "Connector class", required = false,
            description = "The Kafka Connect connector class.")
    String connector_class() default ConnectorProperties.DEFAULT_CONNECTOR_CLASS;

    @AttributeDefinition(name = "Maximum tasks", required = false,
            description = "The most tasks the connector may run.")
    int tasks_max() default 1;

    @AttributeDefinition(name = "Topic", required = false,
            description = "The Kafka topic the lines go to (log-file connector).")
    String topic();

    @AttributeDefinition(name = "Files", required = false,
            description = "Comma-separated paths or glob patterns of the log files to read (log-file connector).")
    String files();

    @AttributeDefinition(name = "Line format", required = false,
            description = "How each line becomes a record value (log-file connector), e.g. raw or json.")
    String format();
}
