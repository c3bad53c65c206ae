/**
 * Rotation by copytruncate: whether a file is a copy, the cause that proves it (a truncated or
 * removed original), the copies beside a log, and the handover of a file's place to its copy.
 * May use {@code identity}, {@code find}, {@code offset}, {@code config} and {@code tracking}.
 */
package org.thor.file.rotation;
