/**
 * The log-file connectors' streams as the runtime shows them: the {@link org.thor.runtime.LogStreams}
 * services of their bundles taken as one, for {@code /metrics}, the unknown-key check and the fleet.
 */
package org.thor.runtime.streams;
