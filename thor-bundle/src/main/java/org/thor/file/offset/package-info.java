/**
 * Stored positions: the form of a source offset (one codec, {@link org.thor.file.offset.StreamOffset}), a record's
 * offset built lazily, the positions read back at start, and their description for {@code thor:offsets}.
 * May use {@code identity} and {@code find}.
 */
package org.thor.file.offset;
