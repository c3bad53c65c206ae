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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The herder as the REST resources see it: every call goes to the real herder, and a connector
 * configuration that the REST API created, changed or deleted is reported once it took effect.
 * A log-file connector's configuration with a key nobody knows ({@link UnknownKeys}) is refused.
 * Thor's own calls use the real herder and are not reported, so writing a REST change back to
 * configuration admin cannot come around again as a second change.
 */
final class RestObservedHerder implements InvocationHandler {

    // Each takes the connector name first and its callback last.
    private static final Set<String> CONFIG_CHANGES = Set.of("putConnectorConfig", "patchConnectorConfig");
    private static final String DELETE = "deleteConnectorConfig";
    private static final String PUT = "putConnectorConfig";

    private final Herder herder;
    private final ThorWorkerListener listener;

    private RestObservedHerder(Herder herder, ThorWorkerListener listener) {
        this.herder = herder;
        this.listener = listener;
    }

    static Herder wrap(Herder herder, ThorWorkerListener listener) {
        return (Herder) Proxy.newProxyInstance(Herder.class.getClassLoader(), new Class<?>[] {Herder.class},
                new RestObservedHerder(herder, listener));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (args != null && args.length > 1 && args[0] instanceof String connector
                && args[args.length - 1] instanceof Callback<?> callback) {
            if (CONFIG_CHANGES.contains(name)) {
                args[args.length - 1] = observed(callback, result -> configured(connector, result));
            } else if (DELETE.equals(name)) {
                args[args.length - 1] = observed(callback, result -> listener.deletedThroughRest(connector));
            }
            if (PUT.equals(name) && args[1] instanceof Map<?, ?> config) {
                putUnlessUnknownKeys(method, args, castConfig(config), callback);
                return null;
            }
        }
        return call(method, args);
    }

    /** Refuses with 400 a log-file connector's configuration with a key nobody knows; else puts it. */
    private void putUnlessUnknownKeys(Method put, Object[] args, Map<String, String> config, Callback<?> callback) {
        @SuppressWarnings("unchecked")
        Callback<Object> refused = (Callback<Object>) callback;
        herder.validateConnectorConfig(config, (error, validated) -> {
            List<String> unknown = error == null ? UnknownKeys.of(config, validated) : List.of();
            if (!unknown.isEmpty()) {
                refused.onCompletion(new BadRequestException(unknown.stream().map(UnknownKeys::message)
                        .collect(Collectors.joining("; "))), null);
                return;
            }
            try {
                call(put, args);
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
