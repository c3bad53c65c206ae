package org.thor.kraft;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a KRaft broker on 127.0.0.1 until the JVM is stopped (Ctrl-C): {@code KraftBrokerMain DIR [PORT]}.
 * Prints {@code bootstrap.servers=HOST:PORT} once the broker answers.
 */
public final class KraftBrokerMain {

    private KraftBrokerMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: KraftBrokerMain DIRECTORY [PORT]");
            System.exit(2);
        }
        Path directory = Path.of(args[0]);
        KraftBroker broker = args.length == 2
                ? KraftBroker.create(directory, Integer.parseInt(args[1]))
                : KraftBroker.create(directory);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.stop();
            stopped.countDown();
        }, "kraft-broker-stop"));
        broker.start();
        System.out.println("bootstrap.servers=" + broker.bootstrapServers());
        stopped.await();
    }
}
