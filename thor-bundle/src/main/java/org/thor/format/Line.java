package org.thor.format;

/**
 * One line of a log file and where it came from.
 *
 * @param text   the line, decoded, without its line terminator
 * @param path   the file's path when the line was read
 * @param offset the byte offset of the line's first byte in the file
 * @param host   the host name of the machine that read it
 * @param stream the glob pattern of the stream the file belongs to
 */
public record Line(String text, String path, long offset, String host, String stream) {
}
