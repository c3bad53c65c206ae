package org.thor.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A system user made for the tests, so that what only an unprivileged reader meets (a file whose
 * mode denies it) is tested where the suite runs as root, as CI does. Root reads every file
 * whatever its mode; this user does not.
 */
final class UnprivilegedUser {

    static final String NAME = "thor-unprivileged-test";

    private UnprivilegedUser() {
    }

    /**
     * The user, made now if it does not exist yet, when this JVM is root and the user can reach
     * each of {@code paths} (every folder above it open to others); empty otherwise.
     */
    static Optional<String> ensure(Path... paths) throws IOException, InterruptedException {
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.empty();
        }
        for (Path path : paths) {
            for (Path folder = path.toAbsolutePath().getParent(); folder != null; folder = folder.getParent()) {
                if (!Files.getPosixFilePermissions(folder).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    System.out.println("An unprivileged user cannot reach " + path + " (" + folder + " is closed to others)");
                    return Optional.empty();
                }
            }
        }
        if (run(List.of("id", "-u", NAME)) == 0) {
            return Optional.of(NAME);
        }
        int made = run(List.of("useradd", "--system", "--user-group", "--no-create-home",
                "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", NAME));
        // another build may have made it meanwhile
        return made == 0 || run(List.of("id", "-u", NAME)) == 0 ? Optional.of(NAME) : Optional.empty();
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            return -1;
        }
        return process.exitValue();
    }
}
