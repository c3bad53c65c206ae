package org.thor.itests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Thor distribution as it is unpacked: it boots with Thor running and its configuration in etc/. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistributionIT {

    private ThorStack stack;
    private ThorKaraf karaf;

    @BeforeAll
    void bootTheDistribution() throws Exception {
        stack = ThorStack.bootDistribution("distribution");
        karaf = stack.karaf();
    }

    @AfterAll
    void stopEverything() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void itBootsWithThorRunningAndTheFileConnectorListed() throws Exception {
        ThorRest rest = karaf.rest();

        assertTrue(rest.get("/connector-plugins").body().contains("org.thor.file.LogFileSourceConnector"));
        assertTrue(karaf.shell("feature:list -i").contains("thor "), "feature thor is installed");
    }

    // Pax Exam rewrites the files it edits, so the files as shipped are read from the archive.
    @Test
    void theArchiveShipsTheWorkerConfigurationAndBindsSshAndJmxToLoopback() throws Exception {
        String workerConfig = shipped("etc/org.thor.worker.cfg");
        String shell = shipped("etc/org.apache.karaf.shell.cfg");
        String management = shipped("etc/org.apache.karaf.management.cfg");

        assertTrue(workerConfig.contains("# The Kafka cluster the connectors write to."), "the worker configuration is there, commented");
        assertTrue(shell.contains("sshHost = 127.0.0.1"), shell);
        assertTrue(management.contains("rmiRegistryHost = 127.0.0.1") && management.contains("rmiServerHost = 127.0.0.1"));
    }

    private static String shipped(String file) throws IOException {
        Path archive = Path.of("..", "karaf-assembly", "target", "thor-" + ThorKaraf.THOR_VERSION + ".tar.gz");
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(Files.newInputStream(archive)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.getName().endsWith("/" + file)) {
                    return new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(file + " is not in " + archive);
    }
}
