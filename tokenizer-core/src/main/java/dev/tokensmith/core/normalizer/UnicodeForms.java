package dev.tokensmith.core.normalizer;

import dev.tokensmith.core.text.IntList;
import dev.tokensmith.core.text.NormalizedString;
import java.util.Arrays;
import java.util.HashMap;

/**
 * The four Unicode normalization forms with HF's alignments. The text comes from {@link java.text.Normalizer};
 * the per-code-point change codes are those HF's {@code unicode-normalization-alignments} crate yields:
 *
 * <ul>
 *   <li>decomposition: every source code point gives its full decomposition, the first code point replacing it
 *       (change 0) and the others inserted after it (change 1); canonical reordering then moves these pairs
 *       around as a whole (a stable sort by combining class within each run of non-starters);
 *   <li>composition (on that decomposed stream): when a code point is absorbed into the starter before it, the
 *       starter's change becomes {@code starter + absorbed - 1}; code points left alone keep theirs.
 * </ul>
 *
 * <p>Neither step needs combining classes here: Java's output is the reordered (or composed) sequence, and the
 * pairs are matched back to it. In a stable sort equal code points never pass each other, so the k-th
 * occurrence of a code point in the reordered text is its k-th occurrence before reordering; and a composed
 * code point's canonical decomposition is its starter followed by the code points it absorbed, in order.
 *
 * <p>The crate's tables are Unicode 9.0: code points assigned later (that matter, see {@link UnicodeAges}) are
 * left alone and cut the text into pieces normalized separately, as they are inert starters to the crate.
 */
final class UnicodeForms {
    enum Form {
        NFD(java.text.Normalizer.Form.NFD, false),
        NFKD(java.text.Normalizer.Form.NFKD, false),
        NFC(java.text.Normalizer.Form.NFC, true),
        NFKC(java.text.Normalizer.Form.NFKC, true);

        final java.text.Normalizer.Form jdk;
        final boolean composes;

        Form(java.text.Normalizer.Form jdk, boolean composes) {
            this.jdk = jdk;
            this.composes = composes;
        }

        java.text.Normalizer.Form decomposition() {
            return this == NFC || this == NFD ? java.text.Normalizer.Form.NFD : java.text.Normalizer.Form.NFKD;
        }
    }

    private UnicodeForms() {}

    static void apply(NormalizedString text, Form form) {
        String s = text.get();
        if (isUnchanged(s, form)) {
            return;
        }
        // Code points Unicode 9.0 did not have are inert starters to the crate: normalize around them.
        IntList cps = new IntList(s.length() + 8);
        IntList changes = new IntList(s.length() + 8);
        int segment = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            int next = i + Character.charCount(c);
            if (UnicodeAges.after9(c)) {
                normalizeSegment(s.substring(segment, i), form, cps, changes);
                cps.add(c);
                changes.add(0);
                segment = next;
            }
            i = next;
        }
        normalizeSegment(s.substring(segment), form, cps, changes);
        text.transform(cps.toArray(), changes.toArray(), cps.size(), 0);
    }

    private static void normalizeSegment(String s, Form form, IntList cps, IntList changes) {
        if (s.isEmpty()) {
            return;
        }
        Stream decomposed = decompose(s, form.decomposition());
        Stream result = form.composes ? compose(decomposed, java.text.Normalizer.normalize(s, form.jdk)) : decomposed;
        cps.addAll(result.cps, 0, result.cps.length);
        changes.addAll(result.changes, 0, result.changes.length);
    }

    /**
     * True when the crate would give every code point back unchanged: all of them are their own decomposition
     * (so nothing moves and no flag is set) and, for the composing forms, nothing composes either.
     */
    private static boolean isUnchanged(String s, Form form) {
        if (isAscii(s)) {
            return true;
        }
        return java.text.Normalizer.isNormalized(s, form.decomposition())
                && (!form.composes || java.text.Normalizer.isNormalized(s, form.jdk));
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Code points and their HF change codes. */
    private record Stream(int[] cps, int[] changes) {}

    private static Stream decompose(String s, java.text.Normalizer.Form form) {
        // The crate's stream before reordering: each code point's decomposition, flagged 0 then 1, 1...
        int[] pre = new int[s.length() * 4 + 4];
        int[] preFlags = new int[pre.length];
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x80) {
                if (n == pre.length) {
                    pre = Arrays.copyOf(pre, n * 2);
                    preFlags = Arrays.copyOf(preFlags, n * 2);
                }
                pre[n] = c;
                preFlags[n++] = 0;
                continue;
            }
            int[] d = java.text.Normalizer.normalize(Character.toString(c), form)
                    .codePoints()
                    .toArray();
            if (n + d.length > pre.length) {
                pre = Arrays.copyOf(pre, Math.max(n * 2, n + d.length));
                preFlags = Arrays.copyOf(preFlags, pre.length);
            }
            for (int k = 0; k < d.length; k++) {
                pre[n] = d[k];
                preFlags[n++] = k == 0 ? 0 : 1;
            }
        }
        int[] post = java.text.Normalizer.normalize(s, form).codePoints().toArray();
        if (post.length != n) {
            throw new IllegalStateException("decomposition of " + escape(s) + " is not a reordering of its parts");
        }
        int[] flags = new int[n];
        int i = 0;
        while (i < n) {
            if (pre[i] == post[i]) {
                flags[i] = preFlags[i];
                i++;
                continue;
            }
            // A reordered window: it ends where both sides hold the same multiset of code points again.
            int end = windowEnd(pre, post, i, n);
            boolean[] used = new boolean[end - i];
            for (int j = i; j < end; j++) {
                int k = i;
                while (used[k - i] || pre[k] != post[j]) {
                    k++;
                }
                used[k - i] = true;
                flags[j] = preFlags[k];
            }
            i = end;
        }
        return new Stream(post, flags);
    }

    /** The smallest {@code end > start} at which {@code pre[start, end)} and {@code post[start, end)} balance. */
    private static int windowEnd(int[] pre, int[] post, int start, int n) {
        HashMap<Integer, Integer> balance = new HashMap<>();
        int open = 0;
        for (int j = start; j < n; j++) {
            open += bump(balance, pre[j], 1);
            open += bump(balance, post[j], -1);
            if (open == 0) {
                return j + 1;
            }
        }
        throw new IllegalStateException("unbalanced reordering");
    }

    /** Adds {@code delta} to the count of {@code c}; returns the change in the number of unbalanced keys. */
    private static int bump(HashMap<Integer, Integer> balance, int c, int delta) {
        int before = balance.getOrDefault(c, 0);
        int after = before + delta;
        if (after == 0) {
            balance.remove(c);
        } else {
            balance.put(c, after);
        }
        return (after != 0 ? 1 : 0) - (before != 0 ? 1 : 0);
    }

    private static Stream compose(Stream d, String composed) {
        int[] out = composed.codePoints().toArray();
        int[] changes = new int[out.length];
        int n = d.cps.length;
        boolean[] consumed = new boolean[n];
        int next = 0;
        for (int j = 0; j < out.length; j++) {
            while (next < n && consumed[next]) {
                next++;
            }
            int c = out[j];
            int[] parts = c < 0x80 ? new int[] {c} : canonicalDecomposition(c);
            if (next >= n || d.cps[next] != parts[0]) {
                throw new IllegalStateException(
                        "composition of the decomposed text does not start at its next code point");
            }
            consumed[next] = true;
            int change = d.changes[next];
            int from = next + 1;
            for (int k = 1; k < parts.length; k++) {
                int q = from;
                while (q < n && (consumed[q] || d.cps[q] != parts[k])) {
                    q++;
                }
                if (q == n) {
                    throw new IllegalStateException("composed code point absorbs a code point that is not there");
                }
                consumed[q] = true;
                change += d.changes[q] - 1;
                from = q + 1;
            }
            changes[j] = change;
        }
        return new Stream(out, changes);
    }

    private static int[] canonicalDecomposition(int c) {
        return java.text.Normalizer.normalize(Character.toString(c), java.text.Normalizer.Form.NFD)
                .codePoints()
                .toArray();
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(c -> sb.append(String.format("\\u{%X}", c)));
        return sb.toString();
    }
}
