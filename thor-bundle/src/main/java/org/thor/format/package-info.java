/**
 * The line-formatting SPI of Thor's log-file source connector: a {@link org.thor.format.LineFormat}
 * turns each line read from a file into a Kafka Connect record value.
 * <p>
 * Outside OSGi, implementations are found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.thor.format.LineFormat}). Inside OSGi, register an implementation
 * as a service of type {@link org.thor.format.LineFormat} with the service property
 * {@value org.thor.format.LineFormat#NAME_PROPERTY}, for example with Declarative Services:
 * <pre>
 * &#64;Component(service = LineFormat.class, property = LineFormat.NAME_PROPERTY + "=syslog")
 * </pre>
 * and set {@code format=syslog} in a connector's configuration.
 */
@org.osgi.annotation.versioning.Version("1.2.0")
package org.thor.format;
