/**
 * Reading lines: the reader that cuts a file's bytes into lines, their decoding, filters, multiline
 * events and record headers. May use {@code identity} only.
 */
package org.thor.file.read;
