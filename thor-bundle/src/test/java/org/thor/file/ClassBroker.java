package org.thor.file;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.thor.kraft.KraftBroker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One KRaft broker on 127.0.0.1 for the tests of a class: started before the first, stopped (and
 * its data removed) after the last. Register it as a static field with {@code @RegisterExtension}.
 */
final class ClassBroker implements BeforeAllCallback, AfterAllCallback {

    private Path directory;
    private KraftBroker broker;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        directory = Files.createTempDirectory("thor-broker-");
        broker = KraftBroker.start(directory);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (broker != null) {
            broker.close();
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    void createTopic(String topic, int partitions) {
        broker.createTopic(topic, partitions);
    }

    Admin admin() {
        return broker.admin();
    }
}
