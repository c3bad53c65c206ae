package org.thor.file.format;

/**
 * The parent of the loader of compiled scripts. A script's bytecode names Groovy's runtime classes,
 * which Thor's bundle does not import, and {@link LineScript}, which Groovy's bundle cannot see: in
 * OSGi the two come from different loaders, so a class is looked up in Thor's, then in Groovy's
 * (which imports whatever is exported, so a script can use any package the container offers).
 */
final class ScriptClassLoader extends ClassLoader {

    private final ClassLoader groovy;

    private ScriptClassLoader(ClassLoader thor, ClassLoader groovy) {
        super(thor);
        this.groovy = groovy;
    }

    static ClassLoader of(ClassLoader thor, ClassLoader groovy) {
        return thor == groovy ? thor : new ScriptClassLoader(thor, groovy);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        return groovy.loadClass(name);
    }
}
