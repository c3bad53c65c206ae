/**
 * The fleet: connector configurations that many Thors read from one compacted Kafka topic, and each
 * Thor's status written to another, so that no management server is needed beyond the Kafka cluster
 * the Thors write to. {@link org.thor.runtime.fleet.FleetComponent} (PID {@code org.thor.fleet}) runs
 * {@link org.thor.runtime.fleet.FleetAgent}: {@link org.thor.runtime.fleet.ConfigTopic} reads the
 * records into {@link org.thor.runtime.fleet.DesiredConfigurations}, which resolves what this host
 * takes; {@link org.thor.runtime.fleet.FleetApplier} validates it and writes it to configuration admin
 * as fleet-managed {@code org.thor.connector} configurations, which the connector deployer runs;
 * {@link org.thor.runtime.fleet.StatusReporter} writes the host's status.
 */
package org.thor.runtime.fleet;
