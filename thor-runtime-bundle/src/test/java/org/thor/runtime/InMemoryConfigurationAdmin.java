package org.thor.runtime;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.TreeMap;

/** Configuration admin in memory for tests: named factory configurations of {@code org.thor.connector}, which exist once updated. */
public class InMemoryConfigurationAdmin {

    /** The stored configurations by PID ({@code org.thor.connector~NAME}). */
    public final Map<String, Hashtable<String, Object>> store = new TreeMap<>();
    public int updates;

    public ConfigurationAdmin service() {
        return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ConfigurationAdmin.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getFactoryConfiguration" -> configuration(args[0] + "~" + args[1]);
                    case "listConfigurations" -> store.keySet().stream().map(this::configuration).toArray(Configuration[]::new);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private Configuration configuration(String pid) {
        return (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Configuration.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getPid" -> pid;
                    case "getProperties" -> {
                        Hashtable<String, Object> stored = store.get(pid);
                        if (stored == null) {
                            yield null;
                        }
                        Hashtable<String, Object> copy = new Hashtable<>(stored);
                        copy.put("service.pid", pid);
                        copy.put("service.factoryPid", "org.thor.connector");
                        yield copy;
                    }
                    case "update" -> {
                        @SuppressWarnings("unchecked")
                        Dictionary<String, Object> properties = (Dictionary<String, Object>) args[0];
                        Hashtable<String, Object> copy = new Hashtable<>();
                        for (String key : Collections.list(properties.keys())) {
                            copy.put(key, properties.get(key));
                        }
                        store.put(pid, copy);
                        updates++;
                        yield null;
                    }
                    case "delete" -> store.remove(pid) == null ? null : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
