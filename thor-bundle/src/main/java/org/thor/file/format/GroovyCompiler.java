package org.thor.file.format;

import groovy.lang.GroovyClassLoader;
import groovy.lang.GroovyCodeSource;
import groovy.lang.GroovyObject;
import groovy.transform.CompileStatic;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.customizers.ASTTransformationCustomizer;

import java.io.IOException;

/**
 * Compiles a format=groovy script into a {@link LineScript} class, once per change: statically
 * (plain method calls, as fast as Java) where the script type-checks, dynamically where it does not
 * (it uses undeclared variables, for instance), so that every valid Groovy script runs.
 */
final class GroovyCompiler {

    /** A compiled script and the loader that holds its classes; closing it releases them. */
    record Compiled(Class<? extends LineScript> type, boolean statically, GroovyClassLoader loader) implements AutoCloseable {

        LineScript newScript() {
            try {
                return type.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("A compiled script could not be made: " + e, e);
            }
        }

        @Override
        public void close() {
            closeQuietly(loader);
        }
    }

    private GroovyCompiler() {
    }

    /**
     * @param name the script's file name, which the compiler's messages begin with
     * @throws CompilationFailedException with the messages of the dynamic compilation, which are
     *                                    about the script's syntax rather than its types
     */
    static Compiled compile(String name, String source) {
        try {
            return compile(name, source, true);
        } catch (CompilationFailedException notStatic) {
            return compile(name, source, false);
        }
    }

    private static Compiled compile(String name, String source, boolean statically) {
        CompilerConfiguration configuration = new CompilerConfiguration();
        configuration.setScriptBaseClass(LineScript.class.getName());
        if (statically) {
            configuration.addCompilationCustomizers(new ASTTransformationCustomizer(CompileStatic.class));
        }
        GroovyClassLoader loader = new GroovyClassLoader(
                ScriptClassLoader.of(LineScript.class.getClassLoader(), GroovyObject.class.getClassLoader()), configuration);
        try {
            Class<?> type = loader.parseClass(new GroovyCodeSource(source, name, "/groovy/thor"), false);
            return new Compiled(type.asSubclass(LineScript.class), statically, loader);
        } catch (RuntimeException e) {
            closeQuietly(loader);
            throw e;
        }
    }

    /** The compiler's messages without its "startup failed:" preamble; they give the line and column. */
    static String message(CompilationFailedException e) {
        return e.getMessage().replaceFirst("^startup failed:\\s*", "").strip();
    }

    private static void closeQuietly(GroovyClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            // it held no files: scripts are compiled from text
        }
    }
}
