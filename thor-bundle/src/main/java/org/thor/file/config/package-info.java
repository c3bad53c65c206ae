/**
 * The connector's configuration: its keys, their defaults and checks ({@link org.apache.kafka.common.config.ConfigDef}),
 * and the values a task reads. May use {@code read} (the filters and multiline joiner it builds).
 */
package org.thor.file.config;
