/**
 * Configuration admin drives the connectors. Each configuration of the factory PID
 * {@code org.thor.connector} (file {@code etc/org.thor.connector-NAME.cfg}) is one connector:
 * {@code name} defaults to NAME, {@code connector.class} to {@code org.thor.file.LogFileSourceConnector},
 * and every key is passed to the connector as its Connect configuration. Creating, editing and
 * deleting the file creates, reconfigures (its tasks restart from their offsets) and deletes the
 * connector; other connectors are not touched. A configuration the connector's {@code ConfigDef}
 * rejects is reported in the log and by {@code thor:status}, naming the file and the key, and not
 * applied: the previous version keeps running.
 * <p>
 * Configuration admin is the source of truth, since a standalone worker forgets its connectors:
 * connectors created, changed or deleted through the Connect REST API are written back
 * ({@link org.thor.runtime.deploy.RestWriteBack}), and the deployment that this write-back updates
 * finds the connector running that configuration already, so it does not restart it again.
 */
package org.thor.runtime.deploy;
