package org.thor.runtime.internal;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.util.Callback;
import org.apache.kafka.connect.util.FutureCallback;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** Waits for the answer of a herder call that reports through a callback. */
final class HerderCalls {

    private static final long TIMEOUT_SECONDS = 90;

    private HerderCalls() {
    }

    static <T> T await(Consumer<Callback<T>> call) {
        FutureCallback<T> callback = new FutureCallback<>();
        call.accept(callback);
        try {
            return callback.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while waiting for the worker", e);
        } catch (TimeoutException e) {
            throw new ConnectException("The worker did not answer within " + TIMEOUT_SECONDS + " s", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ConnectException(cause.getMessage(), cause);
        }
    }
}
