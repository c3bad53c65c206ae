/**
 * The counters of a task and of each stream, registered as JMX MBeans that the runtime's
 * {@code /metrics} and {@code thor:status} read. May use {@code stream} and {@code tracking}.
 */
package org.thor.file.metrics;
