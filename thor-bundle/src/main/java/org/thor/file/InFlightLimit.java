package org.thor.file;

/**
 * Counts records, and their bytes, handed to Connect until Kafka acknowledged them (Connect calls
 * commitRecord), so that a task stops reading, not buffering, when Kafka is slow or away.
 */
final class InFlightLimit {

    private final int max;
    private final long maxBytes;
    private int inFlight;
    private long bytesInFlight;
    private int peak;

    InFlightLimit(int max, long maxBytes) {
        this.max = max;
        this.maxBytes = maxBytes;
    }

    /**
     * How many records may be handed out now, waiting up to {@code waitMillis} for room; 0 when
     * there is none (too many records or too many bytes in flight). Once full it waits for half to
     * be acknowledged: a poll woken for every record acknowledged would hand out one record at a
     * time, each paying the costs of a whole batch.
     */
    synchronized int room(long waitMillis) throws InterruptedException {
        if (full()) {
            long deadline = System.nanoTime() + waitMillis * 1_000_000;
            while (!drained()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return full() ? 0 : max - inFlight;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
        return max - inFlight;
    }

    private boolean full() {
        return inFlight >= max || bytesInFlight >= maxBytes;
    }

    private boolean drained() {
        return inFlight <= max / 2 && bytesInFlight <= maxBytes / 2;
    }

    /** How many more bytes may be handed out now. */
    synchronized long byteRoom() {
        return Math.max(0, maxBytes - bytesInFlight);
    }

    synchronized void sent(int records, long bytes) {
        inFlight += records;
        bytesInFlight += bytes;
        peak = Math.max(peak, inFlight);
    }

    synchronized void acknowledged(long bytes) {
        boolean wasDrained = drained();
        if (inFlight > 0) {
            inFlight--;
        }
        bytesInFlight = Math.max(0, bytesInFlight - bytes);
        if (!wasDrained && drained()) {
            notifyAll();
        }
    }

    /** Wakes a waiting poll, e.g. because the task stops. */
    synchronized void wakeUp() {
        notifyAll();
    }

    synchronized int inFlight() {
        return inFlight;
    }

    synchronized long bytesInFlight() {
        return bytesInFlight;
    }

    synchronized int peak() {
        return peak;
    }
}
