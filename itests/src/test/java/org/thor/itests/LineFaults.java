package org.thor.itests;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What went wrong with the numbered lines of a {@link RollingLog}, counted: lines never received,
 * lines received more than once, steps back in the numbering, and values that are no line at all.
 */
record LineFaults(int lost, int duplicated, int outOfOrder, int garbled) {

    static LineFaults count(List<String> received, int lines) {
        Set<Integer> seen = new HashSet<>();
        int duplicated = 0;
        int outOfOrder = 0;
        int garbled = 0;
        int previous = -1;
        for (String value : received) {
            if (!value.matches("line \\d{7} of the rolling log *")) {
                garbled++;
                continue;
            }
            int number = RollingLog.number(value);
            if (!seen.add(number)) {
                duplicated++;
            }
            if (number < previous) {
                outOfOrder++;
            }
            previous = number;
        }
        seen.removeIf(number -> number >= lines);
        return new LineFaults(lines - seen.size(), duplicated, outOfOrder, garbled);
    }

    static String of(List<String> received, int lines) {
        return count(received, lines).toString();
    }

    @Override
    public String toString() {
        return String.format("lost %d, duplicated %d, out of order %d, garbled %d", lost, duplicated, outOfOrder, garbled);
    }
}
