package org.thor.file.stream;

import org.thor.file.read.ReadLine;
import org.thor.file.tracking.TrackedFile;

import java.util.Map;

/** Receives each line a stream reads, with the stream's offset after it. */
public interface LineSink {

    void line(TrackedFile file, ReadLine line, Map<String, Object> offset);

    /** Whether the sink takes no more lines now (its batch holds as many bytes as may be in flight). */
    boolean full();
}
