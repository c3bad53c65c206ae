/**
 * One stream (one pattern): it lists its files, restores them from stored positions, follows
 * renames and truncations, and reads their lines in order. May use every package but {@code metrics}
 * and the connector's own.
 */
package org.thor.file.stream;
