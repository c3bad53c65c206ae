package org.thor.runtime.internal;

import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.rest.errors.BadRequestException;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.util.Callback;
import org.thor.runtime.ThorWorkerListener;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The herder as the REST resources see it: every call goes to the real herder, and a connector
 * configuration that the REST API created, changed or deleted is reported once it took effect.
 * A log-file connector's configuration with a key nobody knows ({@link UnknownKeys}) is refused.
 * Thor's own calls use the real herder and are not reported, so writing a REST change back to
 * configuration admin cannot come around again as a second change.
 */
final class RestObservedHerder implements InvocationHandler {

    private static final String PUT = connectorCall("putConnectorConfig");
    private static final String PATCH = connectorCall("patchConnectorConfig");
    private static final String DELETE = connectorCall("deleteConnectorConfig");

    private final Herder herder;
    private final ThorWorkerListener listener;
    private final UnknownKeys unknownKeys;

    private RestObservedHerder(Herder herder, ThorWorkerListener listener, UnknownKeys unknownKeys) {
        this.herder = herder;
        this.listener = listener;
        this.unknownKeys = unknownKeys;
    }

    static Herder wrap(Herder herder, ThorWorkerListener listener, UnknownKeys unknownKeys) {
        return (Herder) Proxy.newProxyInstance(Herder.class.getClassLoader(), new Class<?>[] {Herder.class},
                new RestObservedHerder(herder, listener, unknownKeys));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (args != null && args.length > 1 && args[0] instanceof String connector
                && args[args.length - 1] instanceof Callback<?> callback) {
            if (PUT.equals(name) || PATCH.equals(name)) {
                args[args.length - 1] = observed(callback, result -> configured(connector, result));
            } else if (DELETE.equals(name)) {
                args[args.length - 1] = observed(callback, result -> listener.deletedThroughRest(connector));
            }
            if (PUT.equals(name) && args[1] instanceof Map<?, ?> config) {
                callUnlessUnknownKeys(method, args, castConfig(config), callback);
                return null;
            }
            if (PATCH.equals(name) && args[1] instanceof Map<?, ?> changes) {
                patchUnlessUnknownKeys(method, args, connector, castConfig(changes), callback);
                return null;
            }
        }
        return call(method, args);
    }

    /**
     * The name of a {@link Herder} method that takes the connector's name first and a callback
     * last, as {@link #invoke} expects: checked when the class loads, so that a Connect that
     * renamed or reshaped it fails at once rather than leaving REST changes unreported.
     */
    private static String connectorCall(String name) {
        boolean found = Arrays.stream(Herder.class.getMethods()).anyMatch(method -> method.getName().equals(name)
                && method.getParameterCount() > 1 && method.getParameterTypes()[0] == String.class
                && method.getParameterTypes()[method.getParameterCount() - 1] == Callback.class);
        if (!found) {
            throw new IllegalStateException("Kafka Connect's Herder has no " + name + "(String, ..., Callback)");
        }
        return name;
    }

    /** The patch applied to the connector's configuration is checked for unknown keys as a put is. */
    private void patchUnlessUnknownKeys(Method patch, Object[] args, String connector, Map<String, String> changes,
                                        Callback<?> callback) {
        herder.connectorConfig(connector, (error, current) -> {
            Map<String, String> patched = new HashMap<>(error == null ? current : Map.of());
            changes.forEach((key, value) -> {
                if (value == null) {
                    patched.remove(key);
                } else {
                    patched.put(key, value);
                }
            });
            callUnlessUnknownKeys(patch, args, patched, callback);
        });
    }

    /** Refuses with 400 a log-file connector's configuration with a key nobody knows; else makes the call. */
    private void callUnlessUnknownKeys(Method call, Object[] args, Map<String, String> config, Callback<?> callback) {
        @SuppressWarnings("unchecked")
        Callback<Object> refused = (Callback<Object>) callback;
        herder.validateConnectorConfig(config, (error, validated) -> {
            List<String> unknown = error == null ? unknownKeys.of(config, validated) : List.of();
            if (!unknown.isEmpty()) {
                refused.onCompletion(new BadRequestException(unknown.stream().map(key -> UnknownKeys.message(key, config))
                        .collect(Collectors.joining("; "))), null);
                return;
            }
            try {
                call(call, args);
            } catch (Throwable e) {
                refused.onCompletion(e, null);
            }
        });
    }

    private Object call(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(herder, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> castConfig(Map<?, ?> config) {
        return (Map<String, String>) config;
    }

    private void configured(String connector, Object result) {
        if (result instanceof Herder.Created<?> created && created.result() instanceof ConnectorInfo info) {
            listener.configuredThroughRest(connector, Map.copyOf(info.config()));
        }
    }

    @SuppressWarnings("unchecked")
    private static Callback<Object> observed(Callback<?> callback, java.util.function.Consumer<Object> onSuccess) {
        Callback<Object> original = (Callback<Object>) callback;
        return (error, result) -> {
            if (error == null) {
                onSuccess.accept(result);
            }
            original.onCompletion(error, result);
        };
    }
}
