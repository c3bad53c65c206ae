package org.thor.format;

import java.util.Map;

/**
 * A named way of turning lines into record values; the connector's {@code format} key names one.
 * <p>
 * One instance serves every connector that uses the name (inside OSGi it is a shared service), so
 * per-connector settings go into the {@link LineFormatter} that {@link #create} returns.
 */
public interface LineFormat {

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
}
