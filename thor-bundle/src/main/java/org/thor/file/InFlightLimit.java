package org.thor.file;

/**
 * Counts records handed to Connect until Kafka acknowledged them (Connect calls commitRecord),
 * so that a task stops reading, not buffering, when Kafka is slow or away.
 */
final class InFlightLimit {

    private final int max;
    private int inFlight;
    private int peak;

    InFlightLimit(int max) {
        this.max = max;
    }

    /** How many records may be handed out now, waiting up to {@code waitMillis} for room. */
    synchronized int room(long waitMillis) throws InterruptedException {
        long deadline = System.nanoTime() + waitMillis * 1_000_000;
        while (inFlight >= max) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return 0;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return max - inFlight;
    }

    synchronized void sent(int records) {
        inFlight += records;
        peak = Math.max(peak, inFlight);
    }

    synchronized void acknowledged() {
        if (inFlight > 0) {
            inFlight--;
        }
        if (inFlight == max - 1 || inFlight == 0) {
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

    synchronized int peak() {
        return peak;
    }
}
