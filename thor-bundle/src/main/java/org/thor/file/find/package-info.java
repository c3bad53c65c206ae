/**
 * Finding files: a pattern's root directory and the files it matches, the copies made beside a
 * log, and the watch that says when names in a directory change. May use {@code identity} only.
 */
package org.thor.file.find;
