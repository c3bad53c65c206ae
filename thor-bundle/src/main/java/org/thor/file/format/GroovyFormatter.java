package org.thor.file.format;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.codehaus.groovy.control.CompilationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thor.format.Line;
import org.thor.format.LineFormatter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one task's format=groovy script on each line, and, for a script file, swaps in its new
 * version between two lines once it compiles.
 */
final class GroovyFormatter implements LineFormatter, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroovyFormatter.class);

    /** The file to follow, or null for an inline script. */
    private final ScriptFile file;
    private GroovyCompiler.Compiled compiled;
    private LineScript script;
    private boolean unreadableLogged;

    private GroovyFormatter(GroovyCompiler.Compiled compiled, ScriptFile file) {
        this.file = file;
        use(compiled);
    }

    /** A formatter of an inline script, which never changes. */
    static GroovyFormatter inline(String script) {
        return new GroovyFormatter(compile(GroovyFormat.SCRIPT_CONFIG, "(the script)", "script.groovy", script), null);
    }

    /** A formatter of a script file, looked at again every {@code intervalMs} for edits. */
    static GroovyFormatter file(Path path, long intervalMs) {
        if (!path.isAbsolute()) {
            throw new ConfigException(GroovyFormat.FILE_CONFIG, path.toString(), "the path must be absolute");
        }
        ScriptFile file;
        try {
            file = ScriptFile.read(path, intervalMs);
        } catch (IOException e) {
            throw new ConfigException(GroovyFormat.FILE_CONFIG, path.toString(), "the script cannot be read: " + e);
        }
        GroovyCompiler.Compiled compiled = compile(GroovyFormat.FILE_CONFIG, path.toString(), path.getFileName().toString(),
                file.text());
        log.info("Script {} compiled {}", path, compiled.statically() ? "statically" : "dynamically");
        return new GroovyFormatter(compiled, file);
    }

    private static GroovyCompiler.Compiled compile(String key, String value, String name, String source) {
        try {
            return GroovyCompiler.compile(name, source);
        } catch (CompilationFailedException e) {
            throw new ConfigException(key, value, "the script does not compile: " + GroovyCompiler.message(e));
        }
    }

    @Override
    public SchemaAndValue format(Line line) {
        if (file != null) {
            reloadIfEdited();
        }
        Object result;
        try {
            result = script.run(new ScriptLine(line));
        } catch (StackOverflowError e) {
            throw new IllegalStateException("The script recursed too deep", e);
        }
        return value(result);
    }

    /** What the record's value becomes: a String as it is, a Map as a JSON object, null drops the line. */
    static SchemaAndValue value(Object result) {
        if (result == null) {
            return null;
        }
        if (result instanceof CharSequence text) {
            return new SchemaAndValue(Schema.OPTIONAL_STRING_SCHEMA, text.toString());
        }
        if (result instanceof Map<?, ?> map) {
            StringBuilder json = new StringBuilder(512);
            JsonText.appendValue(json, map);
            return new SchemaAndValue(Schema.OPTIONAL_STRING_SCHEMA, json.toString());
        }
        throw new IllegalArgumentException("The script returned a " + result.getClass().getName()
                + "; a script returns a String, a Map or null (to drop the line)");
    }

    private void reloadIfEdited() {
        Optional<String> edited;
        try {
            edited = file.changed();
            unreadableLogged = false;
        } catch (IOException e) {
            if (!unreadableLogged) {
                unreadableLogged = true;
                log.warn("Script {} cannot be read ({}); the version read before keeps running", file.path(), e.toString());
            }
            return;
        }
        if (edited.isEmpty()) {
            return;
        }
        try {
            GroovyCompiler.Compiled next = GroovyCompiler.compile(file.path().getFileName().toString(), edited.get());
            GroovyCompiler.Compiled previous = compiled;
            use(next);
            previous.close();
            log.info("Script {} changed: the lines read from now on are formatted by the new version (compiled {})",
                    file.path(), next.statically() ? "statically" : "dynamically");
        } catch (CompilationFailedException e) {
            log.warn("Script {} was edited but does not compile; the previous version keeps running:\n{}",
                    file.path(), GroovyCompiler.message(e));
        }
    }

    private void use(GroovyCompiler.Compiled next) {
        compiled = next;
        script = next.newScript();
    }

    @Override
    public void close() {
        compiled.close();
    }
}
