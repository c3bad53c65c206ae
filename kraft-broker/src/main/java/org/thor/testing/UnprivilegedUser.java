package org.thor.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A system user made for the tests, so that what only an unprivileged reader meets (a file whose
 * mode denies it) is tested even where the build runs as root, as CI does. Root reads every file
 * whatever its mode; this user does not.
 */
public final class UnprivilegedUser {

    public static final String NAME = "thor-unprivileged-test";

    private UnprivilegedUser() {
    }

    public static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /**
     * The user, made now if it does not exist yet, when this JVM is root and the user can reach
     * each of {@code paths} (every folder above it open to others); empty otherwise.
     */
    public static Optional<String> ensure(Path... paths) throws IOException, InterruptedException {
        if (!runningAsRoot()) {
            return Optional.empty();
        }
        for (Path path : paths) {
            if (!reachable(path)) {
                return Optional.empty();
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

    private static boolean reachable(Path path) throws IOException {
        for (Path folder = path.toAbsolutePath().getParent(); folder != null; folder = folder.getParent()) {
            if (!Files.getPosixFilePermissions(folder).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                System.out.println("An unprivileged user cannot reach " + path + " (" + folder + " is closed to others)");
                return false;
            }
        }
        return true;
    }

    /** Hands {@code path} (and everything under it) to the user. */
    public static void own(Path path) throws IOException, InterruptedException {
        if (run(List.of("chown", "-R", NAME + ":" + NAME, path.toString())) != 0) {
            throw new IOException("chown " + NAME + " " + path + " failed");
        }
    }

    /**
     * A copy of this JVM's class path that the user can read (the build's own may lie under root's
     * home), in {@code into}; returns it as a class path.
     */
    private static String readableClassPath(Path into) throws IOException {
        List<String> entries = new ArrayList<>();
        int i = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path source = Path.of(entry);
            if (!Files.exists(source)) {
                continue;
            }
            Path target = into.resolve(i++ + "-" + source.getFileName());
            if (Files.isDirectory(source)) {
                try (Stream<Path> tree = Files.walk(source)) {
                    for (Path file : (Iterable<Path>) tree::iterator) {
                        Path copy = target.resolve(source.relativize(file).toString());
                        if (Files.isDirectory(file)) {
                            Files.createDirectories(copy);
                        } else {
                            Files.copy(file, copy);
                        }
                    }
                }
            } else {
                Files.copy(source, target);
            }
            entries.add(target.toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * Runs the class {@code main} of the test class path in a JVM of its own as the user (setpriv,
     * no supplementary groups), with {@code args}; returns its exit code and what it printed.
     */
    public static Result runAsUser(Path work, Class<?> main, String... args) throws IOException, InterruptedException {
        Path classes = Files.createDirectories(work.resolve("classpath"));
        String classPath = readableClassPath(classes);
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path output = work.resolve("output.txt");
        List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=" + NAME, "--regid=" + NAME, "--clear-groups",
                "--reset-env", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:-UsePerfData", "-cp", classPath, main.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            return new Result(-1, Files.readString(output) + "\n(timed out after 2 minutes)");
        }
        return new Result(process.exitValue(), Files.readString(output));
    }

    public record Result(int exitCode, String output) {
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
