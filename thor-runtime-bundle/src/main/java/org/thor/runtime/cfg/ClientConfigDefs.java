package org.thor.runtime.cfg;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;

import java.util.List;

/**
 * The {@code ConfigDef}s of Kafka's admin client, producer and consumer. Their defaults name classes,
 * which Kafka loads through the thread's context class loader when the definitions are first built:
 * that must be this bundle's, whichever thread (a shell session's, configuration admin's) comes first.
 */
public final class ClientConfigDefs {

    /** Admin, producer, consumer. */
    public static final List<ConfigDef> ALL = load();

    private ClientConfigDefs() {
    }

    private static List<ConfigDef> load() {
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        thread.setContextClassLoader(ClientConfigDefs.class.getClassLoader());
        try {
            return List.of(AdminClientConfig.configDef(), ProducerConfig.configDef(), ConsumerConfig.configDef());
        } finally {
            thread.setContextClassLoader(saved);
        }
    }
}
