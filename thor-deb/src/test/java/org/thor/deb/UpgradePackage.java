package org.thor.deb;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * A package of a higher version made from the one the build made: the same files, but Thor's
 * connector bundle carries a marker entry, so the test can tell whether Karaf runs the new bundle
 * or the copy in its cache.
 */
final class UpgradePackage {

    static final String MARKER = "META-INF/thor-deb-upgrade-marker";

    private UpgradePackage() {
    }

    /** Builds it under {@code work}; returns the new package file. */
    static Path build(Path original, String version, Path work) throws IOException {
        Path root = work.resolve("upgrade-root");
        Commands.run("dpkg-deb", "-R", original.toString(), root.toString()).requireSuccess();
        Path bundle = thorBundle(root);
        try (FileSystem jar = FileSystems.newFileSystem(URI.create("jar:" + bundle.toUri()), Map.of())) {
            Files.writeString(jar.getPath(MARKER), version + "\n");
        }
        Path control = root.resolve("DEBIAN/control");
        Files.writeString(control, Files.readString(control).replaceFirst("(?m)^Version: .*$", "Version: " + version));
        String relative = root.relativize(bundle).toString();
        Path md5sums = root.resolve("DEBIAN/md5sums");
        Files.writeString(md5sums, Files.readString(md5sums)
                .replaceFirst("(?m)^[0-9a-f]{32}  " + Pattern.quote(relative) + "$",
                        Matcher.quoteReplacement(md5(bundle) + "  " + relative)));
        Path deb = work.resolve("thor_" + version + "_all.deb");
        // fast compression: this package only lives for the test
        Commands.run("dpkg-deb", "--root-owner-group", "-Zgzip", "-z1", "-b", root.toString(), deb.toString())
                .requireSuccess();
        return deb;
    }

    /** Whether a jar in Karaf's bundle cache under {@code cache} carries the marker. */
    static boolean inCache(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(cache)) {
            for (Path jar : files.filter(file -> file.getFileName().toString().equals("bundle.jar")).toList()) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    if (zip.getEntry(MARKER) != null) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static Path thorBundle(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("usr/share/thor/system/org/thor/thor-bundle"))) {
            List<Path> jars = files.filter(file -> file.getFileName().toString().endsWith(".jar")).toList();
            if (jars.size() != 1) {
                throw new AssertionError("Expected one thor-bundle jar in the package, found " + jars);
            }
            return jars.get(0);
        }
    }

    private static String md5(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
