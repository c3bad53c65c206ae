package org.thor.file.format;

import groovy.lang.Binding;
import groovy.lang.Script;

/**
 * The base class of every format=groovy script: the script body is its {@code run()}, and
 * {@code line} is the line being formatted.
 */
public abstract class LineScript extends Script {

    private static final String LINE = "line";

    private ScriptLine line;

    protected LineScript() {
        super(new Binding());
    }

    public ScriptLine getLine() {
        return line;
    }

    /**
     * Also a binding variable: a dynamically compiled script looks names up in its binding first,
     * and a miss there costs an exception per line.
     */
    Object run(ScriptLine next) {
        line = next;
        getBinding().setVariable(LINE, next);
        return run();
    }
}
