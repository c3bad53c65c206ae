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
     * there is none (too many records or too many bytes in flight).
     */
    synchronized int room(long waitMillis) throws InterruptedException {
        long deadline = System.nanoTime() + waitMillis * 1_000_000;
        while (inFlight >= max || bytesInFlight >= maxBytes) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return 0;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return max - inFlight;
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
        boolean wasFull = inFlight >= max || bytesInFlight >= maxBytes;
        if (inFlight > 0) {
            inFlight--;
        }
        bytesInFlight = Math.max(0, bytesInFlight - bytes);
        if (wasFull && inFlight < max && bytesInFlight < maxBytes || inFlight == 0) {
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
