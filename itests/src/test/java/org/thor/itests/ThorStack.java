package org.thor.itests;

import org.thor.kraft.KraftBroker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * What an integration test class runs against: a KRaft broker and a Karaf with Thor pointed at it,
 * in a directory of its own under {@code target/}, up and answering on Thor's REST API.
 */
final class ThorStack implements AutoCloseable {

    private static final Duration BOOT_WAIT = Duration.ofSeconds(120);

    private final Path work;
    private final KraftBroker broker;
    private final ThorKaraf karaf;

    private ThorStack(Path work, KraftBroker broker, ThorKaraf karaf) {
        this.work = work;
        this.broker = broker;
        this.karaf = karaf;
    }

    /** A stock Karaf with {@code feature:install thor}. */
    static ThorStack boot(String name) throws IOException {
        return start(name, false);
    }

    /** The Thor distribution, as it is unpacked. */
    static ThorStack bootDistribution(String name) throws IOException {
        return start(name, true);
    }

    Path work() {
        return work;
    }

    KraftBroker broker() {
        return broker;
    }

    ThorKaraf karaf() {
        return karaf;
    }

    /** Installs and starts a bundle of {@code test-bundles} from Maven, as {@code bundle:install -s}; returns its id. */
    String installTestBundle(String artifactId) throws IOException, InterruptedException {
        String output = karaf.shell("bundle:install -s mvn:org.thor/" + artifactId + "/" + ThorKaraf.THOR_VERSION);
        Matcher id = Pattern.compile("Bundle ID: (\\d+)").matcher(output);
        if (!id.find()) {
            throw new IOException("bundle:install of " + artifactId + " said: " + output);
        }
        return id.group(1);
    }

    @Override
    public void close() {
        try {
            karaf.close();
        } finally {
            broker.close();
        }
    }

    /** The Thor distribution against a broker that also listens over TLS with the key in {@code keys}. */
    static ThorStack bootDistributionWithTlsBroker(String name, TlsKeys keys) throws IOException {
        Path work = Files.createDirectories(Path.of("target", name + "-" + System.nanoTime()).toAbsolutePath());
        return start(work, KraftBroker.startWithSsl(work.resolve("broker"), keys.keyStore(), keys.password()), true);
    }

    private static ThorStack start(String name, boolean distribution) throws IOException {
        Path work = Files.createDirectories(Path.of("target", name + "-" + System.nanoTime()).toAbsolutePath());
        return start(work, KraftBroker.start(work.resolve("broker")), distribution);
    }

    private static ThorStack start(Path work, KraftBroker broker, boolean distribution) throws IOException {
        ThorKaraf karaf;
        try {
            karaf = distribution
                    ? ThorKaraf.bootDistribution(work.resolve("karaf"), broker.bootstrapServers())
                    : ThorKaraf.boot(work.resolve("karaf"), broker.bootstrapServers());
        } catch (IOException | RuntimeException e) {
            broker.close();
            throw e;
        }
        ThorStack stack = new ThorStack(work, broker, karaf);
        try {
            await("Thor's REST API").atMost(BOOT_WAIT).until(karaf.rest()::answers);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }
}
