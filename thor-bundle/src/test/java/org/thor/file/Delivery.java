package org.thor.file;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Checks what arrived in a topic against the lines written, the way at-least-once allows. */
final class Delivery {

    private Delivery() {
    }

    /** The same lines in the same order; on failure says where they part, not the whole lists. */
    static void assertSameSequence(List<String> expected, List<String> actual) {
        int i = 0;
        while (i < expected.size() && i < actual.size() && expected.get(i).equals(actual.get(i))) {
            i++;
        }
        if (i < expected.size() || i < actual.size()) {
            fail("the lines part at index " + i + " of " + expected.size() + " expected, " + actual.size()
                    + " arrived: expected " + window(expected, i) + " but got " + window(actual, i));
        }
    }

    /** What arrived, counted against what was written; a line that was never written counts in none. */
    record Counts(int received, int lost, int duplicated, int outOfOrder) {
    }

    /**
     * A repeated line counts as duplicated; a line arriving after a line written later than it
     * counts as out of order.
     */
    static Counts count(List<String> expected, List<String> actual) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < expected.size(); i++) {
            index.put(expected.get(i), i);
        }
        BitSet seen = new BitSet(expected.size());
        int duplicated = 0;
        int outOfOrder = 0;
        int latest = -1;
        for (String line : actual) {
            Integer i = index.get(line);
            if (i == null) {
                continue;
            }
            if (seen.get(i)) {
                duplicated++;
            } else if (i < latest) {
                outOfOrder++;
            } else {
                latest = i;
            }
            seen.set(i);
        }
        return new Counts(actual.size(), expected.size() - seen.cardinality(), duplicated, outOfOrder);
    }

    private static List<String> window(List<String> lines, int at) {
        return lines.subList(Math.min(at, lines.size()), Math.min(at + 5, lines.size()));
    }

    /**
     * The topic must hold every expected line, in order, where a restart may have sent one
     * contiguous stretch again (the lines not yet acknowledged when the worker died). Returns how
     * many lines were sent twice.
     */
    static int assertInOrderWithOneReplay(List<String> expected, List<String> actual) {
        int k = 0;
        while (k < actual.size() && k < expected.size() && actual.get(k).equals(expected.get(k))) {
            k++;
        }
        if (k == actual.size()) {
            assertEquals(expected.size(), actual.size(), "lines are missing after " + k);
            return 0;
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < k; i++) {
            index.put(expected.get(i), i);
        }
        Integer j = index.get(actual.get(k));
        if (j == null) {
            fail("line " + k + " of the topic is '" + actual.get(k) + "', expected '" + expected.get(k) + "'");
        }
        List<String> rest = actual.subList(k, actual.size());
        List<String> owed = expected.subList(j, expected.size());
        assertEquals(owed.size(), rest.size(), "after the replay from line " + j + " the topic holds the wrong number of lines");
        assertTrue(owed.equals(rest), "after the replay from line " + j + " the lines differ from what was written");
        return k - j;
    }
}
