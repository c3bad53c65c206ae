/**
 * The {@code thor:} shell commands: {@code thor:list}, {@code thor:status NAME},
 * {@code thor:pause NAME}, {@code thor:resume NAME}, {@code thor:restart NAME} and
 * {@code thor:offsets NAME}, with connector names completed. Each delegates to the
 * {@link org.thor.runtime.ThorWorker} service and prints a table.
 */
package org.thor.runtime.command;
