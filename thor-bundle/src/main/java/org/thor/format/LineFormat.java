package org.thor.format;

import org.apache.kafka.common.config.ConfigDef;

import java.util.Map;

/**
 * A named way of turning lines into record values; the connector's {@code format} key names one.
 * <p>
 * One instance serves every connector that uses the name (inside OSGi it is a shared service), so
 * per-connector settings go into the {@link LineFormatter} that {@link #create} returns.
 */
public interface LineFormat {

    /** The group of the connector's keys a format's keys are shown in. */
    String CONFIG_GROUP = "Records";

    /** The OSGi service property that carries the name a connector's {@code format} key refers to. */
    String NAME_PROPERTY = "thor.format.name";

    /** The name used with {@link java.util.ServiceLoader}; inside OSGi the service property wins. */
    String name();

    /**
     * A formatter for one task.
     *
     * @param config the connector's whole configuration, so a format can read its own keys
     *               (by convention {@code format.<name>.*}, e.g. {@code format.regex.pattern})
     * @throws org.apache.kafka.common.config.ConfigException if its keys are missing or invalid
     */
    LineFormatter create(Map<String, String> config);

    /**
     * The keys it reads, with their documentation, defaults and checks: the connector adds them to
     * its own for validation, its documentation and the check for unknown keys. None by default.
     */
    default ConfigDef config() {
        return new ConfigDef();
    }
}
