package org.thor.testing;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * log4j2's RollingFileAppender as an application sets it up, as the writer of a log, run in a
 * process of its own: {@code app.log} rolled at 1 MB to {@code app-<time>-<i>.log.gz} (log4j2
 * renames the file, compresses it in the background, then deletes the renamed file), each file
 * beginning with the header line {@value #HEADER}. A new run appends to {@code app.log}, as a
 * restarted application does.
 */
public final class Log4jRolling {

    public static final String HEADER = "# app header";
    /** The pattern of the files it writes, in their directory. */
    public static final String FILES = "app*.log*";

    private Log4jRolling() {
    }

    /**
     * Starts writing the lines {@code first} to {@code end - 1} into {@code directory}, each
     * {@code line} (a {@link String#format} of the number), as fast as it can or pausing
     * {@code pauseMillis} after every 1,000; its output goes to {@code output}.
     */
    public static Process start(Path directory, String line, int first, int end, long pauseMillis, Path output)
            throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", classPath(), Log4jRolling.class.getName(), directory.toString(), line,
                String.valueOf(first), String.valueOf(end), String.valueOf(pauseMillis))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    /** This class and log4j2, from the classpath of the process that starts it. */
    private static String classPath() throws IOException {
        try {
            String self = Path.of(Log4jRolling.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            return Stream.concat(Stream.of(self), Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                            .filter(entry -> entry.contains("log4j-api") || entry.contains("log4j-core")))
                    .collect(Collectors.joining(File.pathSeparator));
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        String dir = args[0];
        String line = args[1];
        int first = Integer.parseInt(args[2]);
        int end = Integer.parseInt(args[3]);
        long pauseMillis = Long.parseLong(args[4]);
        ConfigurationBuilder<BuiltConfiguration> builder = ConfigurationBuilderFactory.newConfigurationBuilder();
        builder.add(builder.newAppender("rolling", "RollingFile")
                .addAttribute("fileName", dir + "/app.log")
                .addAttribute("filePattern", dir + "/app-%d{yyyyMMdd-HHmmss}-%i.log.gz")
                .add(builder.newLayout("PatternLayout").addAttribute("pattern", "%m%n")
                        .addAttribute("header", HEADER + "%n"))
                .addComponent(builder.newComponent("Policies")
                        .addComponent(builder.newComponent("SizeBasedTriggeringPolicy").addAttribute("size", "1MB")))
                .addComponent(builder.newComponent("DefaultRolloverStrategy").addAttribute("max", "10000")));
        builder.add(builder.newRootLogger(Level.INFO).add(builder.newAppenderRef("rolling")));
        try (LoggerContext context = Configurator.initialize(builder.build())) {
            Logger log = context.getLogger("writer");
            for (int i = first; i < end; i++) {
                log.info(String.format(line, i));
                if (pauseMillis > 0 && i % 1000 == 999) {
                    Thread.sleep(pauseMillis);
                }
            }
        }
    }
}
