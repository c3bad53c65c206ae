package org.thor.file;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

class InFlightLimitTest {

    @Test
    void aFullLimitGivesRoomOnceHalfIsAcknowledgedNotForEachRecord() throws Exception {
        InFlightLimit limit = new InFlightLimit(10, 1_000_000);
        limit.sent(10, 100);
        AtomicReference<Thread> poller = new AtomicReference<>();
        CompletableFuture<Integer> room = CompletableFuture.supplyAsync(() -> {
            poller.set(Thread.currentThread());
            try {
                return limit.room(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(10))
                .until(() -> poller.get() != null && poller.get().getState() == Thread.State.TIMED_WAITING);

        for (int record = 0; record < 5; record++) {
            limit.acknowledged(10);
        }

        assertEquals(5, room.get(10, TimeUnit.SECONDS), "room is given when half the records are acknowledged");
    }

    @Test
    void bytesInFlightAloneFillTheLimit() throws Exception {
        InFlightLimit limit = new InFlightLimit(1_000, 100);
        limit.sent(2, 100);

        assertEquals(0, limit.room(0), "no room while the bytes in flight reach the limit");
        limit.acknowledged(50);
        assertEquals(999, limit.room(0), "half the bytes acknowledged: room again");
    }
}
