package org.thor.file.read;

import org.apache.kafka.connect.header.ConnectHeaders;

/** The headers of a line's record: those {@code headers} names, and the mark of a split line's later parts. */
public final class LineHeaders {

    public static final String PATH_HEADER = "thor.file.path";
    public static final String OFFSET_HEADER = "thor.file.offset";
    public static final String HOST_HEADER = "thor.host";
    public static final String CONTINUED_HEADER = "thor.line.continued";

    private final boolean path;
    private final boolean offset;
    private final String host;

    /** {@code host}: null when the host header is not chosen. */
    public LineHeaders(boolean path, boolean offset, String host) {
        this.path = path;
        this.offset = offset;
        this.host = host;
    }

    public ConnectHeaders of(String filePath, long lineStart, boolean continued) {
        ConnectHeaders headers = new ConnectHeaders();
        if (path) {
            headers.addString(PATH_HEADER, filePath);
        }
        if (offset) {
            headers.addLong(OFFSET_HEADER, lineStart);
        }
        if (host != null) {
            headers.addString(HOST_HEADER, host);
        }
        if (continued) {
            headers.addBoolean(CONTINUED_HEADER, true);
        }
        return headers;
    }
}
