package org.thor.file;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;

/**
 * log4j2's RollingFileAppender as an application sets it up, run in a process of its own by
 * {@link RealWritersTest}: {@code app.log} rolled at 1 MB to {@code app-<time>-<i>.log.gz} (log4j2
 * renames the file, compresses it in the background, then deletes the renamed file), each file
 * beginning with a header; {@code args[1]} numbered lines written as fast as it can.
 */
public final class Log4jRollingWriter {

    private Log4jRollingWriter() {
    }

    public static void main(String[] args) {
        String dir = args[0];
        int lines = Integer.parseInt(args[1]);
        ConfigurationBuilder<BuiltConfiguration> builder = ConfigurationBuilderFactory.newConfigurationBuilder();
        builder.add(builder.newAppender("rolling", "RollingFile")
                .addAttribute("fileName", dir + "/app.log")
                .addAttribute("filePattern", dir + "/app-%d{yyyyMMdd-HHmmss}-%i.log.gz")
                .add(builder.newLayout("PatternLayout").addAttribute("pattern", "%m%n")
                        .addAttribute("header", "# app header%n"))
                .addComponent(builder.newComponent("Policies")
                        .addComponent(builder.newComponent("SizeBasedTriggeringPolicy").addAttribute("size", "1MB")))
                .addComponent(builder.newComponent("DefaultRolloverStrategy").addAttribute("max", "10000")));
        builder.add(builder.newRootLogger(Level.INFO).add(builder.newAppenderRef("rolling")));
        try (LoggerContext context = Configurator.initialize(builder.build())) {
            Logger log = context.getLogger("writer");
            for (int i = 0; i < lines; i++) {
                log.info(LogFiles.line(i));
            }
        }
    }
}
