package org.thor.benchmark;

import org.thor.kraft.KraftBroker;
import org.thor.kraft.TopicReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the Thor distribution costs while nothing is written: one connector following
 * {@code streams} logs (one pattern each, each in a directory of its own), every line of them sent,
 * then, after 30 s for the JVM to settle, the CPU its JVM uses over {@code seconds} of quiet, as a
 * share of one core, and its RSS.
 */
final class IdleRun {

    private static final int SETTLE_SECONDS = 30;

    record Idle(int streams, int seconds, double cpuSeconds, long rssMegabytes) {

        @Override
        public String toString() {
            return String.format("%d idle streams for %d s: %.2f CPU s, %.2f %% of a core; RSS %,d MB", streams, seconds,
                    cpuSeconds, 100 * cpuSeconds / seconds, rssMegabytes);
        }
    }

    private IdleRun() {
    }

    static Idle measure(KraftBroker broker, Path work, Path archive, int streams, int seconds) throws Exception {
        String topic = "bench-idle";
        broker.createTopic(topic, 1);
        List<String> patterns = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            Path log = Files.createDirectories(work.resolve("idle").resolve("app-" + i)).resolve("app.log");
            Files.writeString(log, "the one line of log " + i + "\n");
            patterns.add(log.toString());
        }
        try (ThorDistribution thor = ThorDistribution.start(archive, work.resolve(topic), broker.bootstrapServers());
             TopicReader reader = new TopicReader(broker.bootstrapServers(), topic)) {
            thor.deployConnector(topic, Map.of("files", String.join(",", patterns), "topic", topic));
            int received = reader.read(streams, Duration.ofMinutes(2)).size();
            if (received < streams) {
                throw new IllegalStateException(received + " of the " + streams + " lines arrived");
            }
            // the JVM goes on compiling what the start ran for a while: that is not what idle costs
            TimeUnit.SECONDS.sleep(SETTLE_SECONDS);
            ProcessStats before = thor.stats();
            TimeUnit.SECONDS.sleep(seconds); // the quiet being measured
            ProcessStats after = thor.stats().since(before);
            return new Idle(streams, seconds, after.cpuSeconds(), after.rssMegabytes());
        }
    }
}
