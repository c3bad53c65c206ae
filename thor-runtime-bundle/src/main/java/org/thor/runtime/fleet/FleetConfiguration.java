package org.thor.runtime.fleet;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * This Thor in a fleet managed through the Kafka cluster. Kafka client keys under {@code fleet.}
 * ({@code fleet.bootstrap.servers}, {@code fleet.sasl.jaas.config} …) override the worker's
 * connection and security settings for the fleet's clients.
 */
@ObjectClassDefinition(
        id = FleetComponent.PID,
        name = "Thor fleet",
        description = "Connector configurations read from a Kafka topic, and this Thor's status written to another. "
                + "Kafka client keys under fleet. override the worker's for the fleet's clients.")
public @interface FleetConfiguration {

    @AttributeDefinition(name = "Enabled",
            description = "Whether this Thor reads the fleet's configuration topic and writes its status.")
    boolean fleet_enabled() default false;

    @AttributeDefinition(name = "Configuration topic",
            description = "Compacted topic of connector configurations: key <target>/<connector> (target all, "
                    + "label:<label> or host:<name>), value a JSON object; a tombstone deletes.")
    String fleet_config_topic() default "thor.fleet.config";

    @AttributeDefinition(name = "Status topic",
            description = "Compacted topic where each Thor writes its status as JSON, keyed by fleet.host.")
    String fleet_status_topic() default "thor.fleet.status";

    @AttributeDefinition(name = "Host", required = false,
            description = "This Thor's name in the fleet (target host:<name>). Empty means the machine's host name; "
                    + "give each Thor on one machine its own.")
    String fleet_host() default "";

    @AttributeDefinition(name = "Labels", required = false,
            description = "Comma-separated labels of this Thor (targets label:<label>), e.g. web,eu-west.")
    String fleet_labels() default "";

    @AttributeDefinition(name = "Status interval (ms)",
            description = "How often the status is written when nothing changes; hosts silent for more than three "
                    + "intervals are flagged by thor:fleet status.")
    long fleet_status_interval_ms() default 30_000L;
}
