package org.thor.file;

import org.apache.kafka.connect.header.ConnectHeaders;

import java.util.Set;

/** The headers of a line's record: those {@code headers} names, and the mark of a split line's later parts. */
final class LineHeaders {

    private final boolean path;
    private final boolean offset;
    private final String host;

    /** {@code chosen}: any of path, offset, host ({@link LogFileSourceConfig#HEADERS_CONFIG}). */
    LineHeaders(Set<String> chosen, String host) {
        this.path = chosen.contains(LogFileSourceConfig.HEADER_PATH);
        this.offset = chosen.contains(LogFileSourceConfig.HEADER_OFFSET);
        this.host = chosen.contains(LogFileSourceConfig.HEADER_HOST) ? host : null;
    }

    ConnectHeaders of(String filePath, long lineStart, boolean continued) {
        ConnectHeaders headers = new ConnectHeaders();
        if (path) {
            headers.addString(LogFileSourceTask.PATH_HEADER, filePath);
        }
        if (offset) {
            headers.addLong(LogFileSourceTask.OFFSET_HEADER, lineStart);
        }
        if (host != null) {
            headers.addString(LogFileSourceTask.HOST_HEADER, host);
        }
        if (continued) {
            headers.addBoolean(LogFileSourceTask.CONTINUED_HEADER, true);
        }
        return headers;
    }
}
