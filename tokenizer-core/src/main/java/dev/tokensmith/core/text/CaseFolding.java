package dev.tokensmith.core.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Oniguruma's case-insensitive equivalence of single characters: two characters match each other under
 * {@code (?i)} when they have the same Unicode simple case folding. Java offers no case folding, and its own
 * case-insensitive matching also pairs i and I with U+0130 and U+0131 (which Unicode folds to nothing
 * simple) but misses U+1E9E with U+00DF; the regex translation therefore expands characters itself.
 */
final class CaseFolding {
    /** Characters that fold together with at least one other, ascending. */
    private static final int[] CASED;
    /** For each fold key, its characters ascending. */
    private static final Map<Integer, int[]> GROUPS;

    static {
        Map<Integer, List<Integer>> byKey = new HashMap<>();
        // Cased characters all lie in planes 0 and 1 (the higher planes hold ideographs, tags and private use).
        for (int c = 0; c < 0x20000; c++) {
            int key = key(c);
            if (key != c || Character.toUpperCase(c) != c || Character.toTitleCase(c) != c) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
            }
        }
        GROUPS = new HashMap<>();
        List<Integer> cased = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> e : byKey.entrySet()) {
            List<Integer> members = e.getValue();
            if (!members.contains(e.getKey())) {
                members.add(e.getKey());
            }
            if (members.size() < 2) {
                continue;
            }
            int[] group = members.stream().mapToInt(Integer::intValue).sorted().toArray();
            GROUPS.put(e.getKey(), group);
            for (int m : group) {
                cased.add(m);
            }
        }
        CASED = cased.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
    }

    private CaseFolding() {}

    /** Simple case folding as Java's case mappings give it, with the Turkic dotted/dotless i kept apart. */
    private static int key(int c) {
        if (c == 0x130 || c == 0x131) {
            return c;
        }
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /** The characters that match {@code c} case-insensitively, {@code c} included, ascending. */
    static int[] equivalents(int c) {
        int[] group = GROUPS.get(key(c));
        return group == null || Arrays.binarySearch(group, c) < 0 ? new int[] {c} : group;
    }

    /** The characters that {@code members} does not match but that match one of its members case-insensitively. */
    static int[] closureAdditions(java.util.regex.Pattern members) {
        List<Integer> extra = new ArrayList<>();
        for (int c : CASED) {
            if (members.matcher(Character.toString(c)).matches()) {
                for (int x : equivalents(c)) {
                    if (!members.matcher(Character.toString(x)).matches()) {
                        extra.add(x);
                    }
                }
            }
        }
        return extra.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
    }
}
