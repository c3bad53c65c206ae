package org.thor.file.read;

import java.util.List;
import java.util.regex.Pattern;

/**
 * include.lines and exclude.lines, with Filebeat's meaning: a line is kept when one of the include
 * patterns is found in it (or there are none) and none of the exclude patterns is.
 */
public final class LineFilter {

    private final List<Pattern> include;
    private final List<Pattern> exclude;

    private LineFilter(List<Pattern> include, List<Pattern> exclude) {
        this.include = include;
        this.exclude = exclude;
    }

    public static LineFilter of(List<String> include, List<String> exclude) {
        return new LineFilter(compile(include), compile(exclude));
    }

    public boolean keeps(String text) {
        return (include.isEmpty() || foundIn(include, text)) && (exclude.isEmpty() || !foundIn(exclude, text));
    }

    private static boolean foundIn(List<Pattern> patterns, String text) {
        for (Pattern pattern : patterns) {
            if (pattern.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    private static List<Pattern> compile(List<String> regexes) {
        return regexes.stream().filter(regex -> !regex.isEmpty()).map(Pattern::compile).toList();
    }
}
