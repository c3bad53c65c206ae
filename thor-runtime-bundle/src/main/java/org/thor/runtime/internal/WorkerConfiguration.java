package org.thor.runtime.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * The Connect worker keys operators change most. Every other key of the {@code org.thor.worker}
 * configuration (worker keys, {@code producer.*}, {@code admin.*} …) is passed to Connect unchanged.
 */
@ObjectClassDefinition(
        id = WorkerComponent.PID,
        name = "Thor worker",
        description = "Kafka Connect worker properties. Keys not listed here are passed to Connect unchanged.")
public @interface WorkerConfiguration {

    @AttributeDefinition(name = "Kafka bootstrap servers",
            description = "Comma-separated host:port pairs of the Kafka cluster that the connectors write to.")
    String bootstrap_servers() default "localhost:9092";

    @AttributeDefinition(name = "REST listeners",
            description = "Comma-separated URLs the Connect REST API listens on, e.g. http://127.0.0.1:8083.")
    String listeners() default "http://127.0.0.1:8083";

    @AttributeDefinition(name = "Offsets file",
            description = "File where source offsets are stored. Empty means ${karaf.data}/thor/connect.offsets.")
    String offset_storage_file_filename() default "";

    @AttributeDefinition(name = "Offset flush interval (ms)",
            description = "How often the worker commits the offsets of acknowledged records.")
    long offset_flush_interval_ms() default 10_000L;

    @AttributeDefinition(name = "Key converter",
            description = "Converter class for record keys.")
    String key_converter() default "org.apache.kafka.connect.storage.StringConverter";

    @AttributeDefinition(name = "Value converter",
            description = "Converter class for record values.")
    String value_converter() default "org.apache.kafka.connect.storage.StringConverter";

    @AttributeDefinition(name = "REST authentication",
            description = "auto: HTTP Basic against the JAAS realm as soon as a listener binds beyond the loopback "
                    + "interface, none when all are on loopback; basic: always; none: never (the API answers anyone "
                    + "who can reach it). Role viewer reads, role admin also changes.",
            options = {
                    @Option(value = "auto", label = "auto"),
                    @Option(value = "basic", label = "basic"),
                    @Option(value = "none", label = "none")})
    String thor_rest_auth() default "auto";

    @AttributeDefinition(name = "REST authentication realm",
            description = "The Karaf JAAS realm that checks REST users and gives their roles (karaf: etc/users.properties).")
    String thor_rest_auth_realm() default "karaf";
}
