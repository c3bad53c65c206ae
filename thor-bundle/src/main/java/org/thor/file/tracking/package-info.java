/**
 * A stream's files and their life: each tracked file with its position and what was seen of it,
 * the stream's files in order, and what rotation counts. May use {@code identity}, {@code find},
 * {@code read} and {@code offset}.
 */
package org.thor.file.tracking;
