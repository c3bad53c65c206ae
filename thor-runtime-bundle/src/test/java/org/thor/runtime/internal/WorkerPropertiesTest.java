package org.thor.runtime.internal;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.lang.annotation.Annotation;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class WorkerPropertiesTest {

    private static final File DATA = new File("/var/thor-data");

    @Test
    void defaultsWorkWithoutAnyConfiguration() {
        Map<String, String> props = WorkerProperties.from(defaults(), Map.of(), DATA);

        assertEquals("localhost:9092", props.get("bootstrap.servers"));
        assertEquals("http://127.0.0.1:8083", props.get("listeners"));
        assertEquals(new File(DATA, "connect.offsets").getAbsolutePath(), props.get("offset.storage.file.filename"));
        assertEquals("org.apache.kafka.connect.storage.StringConverter", props.get("value.converter"));
        assertEquals("service_load", props.get("plugin.discovery"));
        assertEquals("org.thor.runtime.rest.ThorRestExtension", props.get("rest.extension.classes"));
        assertEquals("auto", props.get("thor.rest.auth"));
        assertEquals("karaf", props.get("thor.rest.auth.realm"));
    }

    @Test
    void thorsRestExtensionComesFirstBeforeTheOperatorsOwn() {
        Map<String, String> props = WorkerProperties.from(defaults(),
                Map.of("rest.extension.classes", "com.example.AuditExtension"), DATA);

        assertEquals("org.thor.runtime.rest.ThorRestExtension,com.example.AuditExtension", props.get("rest.extension.classes"));
    }

    @Test
    void everyOtherKeyPassesThroughAndContainerKeysDoNot() {
        Map<String, Object> configured = Map.of(
                "bootstrap.servers", "kafka-1:9092,kafka-2:9092",
                "producer.linger.ms", 5,
                "admin.request.timeout.ms", "3000",
                "service.pid", "org.thor.worker",
                "component.name", "org.thor.runtime.internal.WorkerComponent",
                "felix.fileinstall.filename", "file:/etc/org.thor.worker.cfg");

        Map<String, String> props = WorkerProperties.from(defaults(), configured, DATA);

        assertEquals("kafka-1:9092,kafka-2:9092", props.get("bootstrap.servers"));
        assertEquals("5", props.get("producer.linger.ms"));
        assertEquals("3000", props.get("admin.request.timeout.ms"));
        assertFalse(props.containsKey("service.pid"));
        assertFalse(props.containsKey("component.name"));
        assertFalse(props.containsKey("felix.fileinstall.filename"));
    }

    @Test
    void aConfiguredOffsetsFileWins() {
        Map<String, String> props = WorkerProperties.from(defaults(),
                Map.of("offset.storage.file.filename", "/srv/thor/offsets"), DATA);

        assertEquals("/srv/thor/offsets", props.get("offset.storage.file.filename"));
    }

    @Test
    void aValueOfTheWrongTypeGoesToConnectWhichNamesTheKey() {
        WorkerConfiguration typedThatThrows = new ThrowingNumbers(defaults());

        Map<String, String> props = WorkerProperties.from(typedThatThrows, Map.of("offset.flush.interval.ms", "soon"), DATA);

        assertEquals("soon", props.get("offset.flush.interval.ms"));
    }

    /** As DS does for a value it cannot convert: the typed accessor throws. */
    private record ThrowingNumbers(WorkerConfiguration delegate) implements WorkerConfiguration {
        @Override
        public Class<? extends Annotation> annotationType() {
            return WorkerConfiguration.class;
        }

        @Override
        public String bootstrap_servers() {
            return delegate.bootstrap_servers();
        }

        @Override
        public String listeners() {
            return delegate.listeners();
        }

        @Override
        public String offset_storage_file_filename() {
            return delegate.offset_storage_file_filename();
        }

        @Override
        public long offset_flush_interval_ms() {
            throw new NumberFormatException("For input string: \"soon\"");
        }

        @Override
        public String key_converter() {
            return delegate.key_converter();
        }

        @Override
        public String value_converter() {
            return delegate.value_converter();
        }

        @Override
        public String thor_rest_auth() {
            return delegate.thor_rest_auth();
        }

        @Override
        public String thor_rest_auth_realm() {
            return delegate.thor_rest_auth_realm();
        }
    }

    private static WorkerConfiguration defaults() {
        return new WorkerConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return WorkerConfiguration.class;
            }

            @Override
            public String bootstrap_servers() {
                return "localhost:9092";
            }

            @Override
            public String listeners() {
                return "http://127.0.0.1:8083";
            }

            @Override
            public String offset_storage_file_filename() {
                return "";
            }

            @Override
            public long offset_flush_interval_ms() {
                return 10_000L;
            }

            @Override
            public String key_converter() {
                return "org.apache.kafka.connect.storage.StringConverter";
            }

            @Override
            public String value_converter() {
                return "org.apache.kafka.connect.storage.StringConverter";
            }

            @Override
            public String thor_rest_auth() {
                return "auto";
            }

            @Override
            public String thor_rest_auth_realm() {
                return "karaf";
            }
        };
    }
}
