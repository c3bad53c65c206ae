package org.thor.file.find;

import java.nio.file.Path;

/**
 * The directory a glob pattern's files lie under: its longest leading run of names without glob
 * characters ({@code /var/log/app} for {@code /var/log/app/app.log*} and for
 * {@code /var/log/app/app.log}). Positions are stored by this directory, not by the pattern, so
 * editing a pattern keeps them.
 */
public record PatternRoot(Path directory, int depth) {

    public static PatternRoot of(String pattern) {
        Path full = Path.of(pattern);
        Path literal = full.getRoot();
        int i = 0;
        for (; i < full.getNameCount() - 1 && !hasGlob(full.getName(i).toString()); i++) {
            literal = literal.resolve(full.getName(i));
        }
        return new PatternRoot(literal, full.getNameCount() - i);
    }

    private static boolean hasGlob(String element) {
        return element.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{' || c == '\\');
    }
}
