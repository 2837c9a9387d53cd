package dev.tokensmith.core.fast;

import dev.tokensmith.core.normalizer.Normalizer;
import dev.tokensmith.core.pretokenizer.PreTokenizer;
import dev.tokensmith.core.text.NormalizedString;
import dev.tokensmith.core.text.PreTokenizedString;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a BERT normalizer and pre-tokenizer do to each code point of the input on its own: the normalized code
 * points it becomes, each a word character, a punctuation character (a word of its own) or white space (a word
 * boundary), all aligned with the input code point.
 *
 * <p>The table is not a second implementation of those stages: it is read off the stages themselves, a page of
 * 256 code points at a time on first use, by normalizing and pre-tokenizing the page's code points with a
 * starter ({@code a}) between every two and reading each one's output back through the alignments. That is
 * exact for every code point whose output does not depend on its neighbours. The one stage that looks at
 * neighbours is canonical decomposition (when accents are stripped): it reorders runs of non-starters and so
 * moves alignments among them. Non-starters that the accent filter removes are never seen, so only a code point
 * whose stripped decomposition keeps a non-starter is context-dependent; the table marks it {@link #HARD} and
 * the encoder sends the text around it through the general pipeline.
 *
 * <p>Entries are ints: the kind in bits 21..23, the {@link #BOUNDARY} flag in bit 24 and, for single code
 * points, the output code point below (for {@link #MULTI}, the index of its list). Pages
 * are published through final fields, so racing readers see either no page or a complete one.
 */
final class BertCharTable {
    static final int SHIFT = 21;
    static final int CP_MASK = (1 << SHIFT) - 1;
    static final int KIND_MASK = 7 << SHIFT;
    /** One normalized code point that belongs to the current word. */
    static final int WORD = 1 << SHIFT;
    /** One normalized code point that is a word of its own. */
    static final int PUNCT = 2 << SHIFT;
    /** One normalized white-space code point: ends the current word, and starts no reordering. */
    static final int SPACE = 3 << SHIFT;
    /** Normalized away. */
    static final int REMOVED = 4 << SHIFT;
    /** Several normalized code points: the low bits index the page's {@code extra} array. */
    static final int MULTI = 5 << SHIFT;
    /** Depends on its neighbours: the general pipeline must handle the text around it. */
    static final int HARD = 6 << SHIFT;
    /**
     * Flag: the code point ends a word before and after it (it becomes white space or punctuation, or CJK
     * spacing around an ideograph) and is a starter whose decomposition's tail cannot move anything kept.
     * Normalizing and pre-tokenizing the text between two such code points on its own gives the same tokens
     * as the whole text does there.
     */
    static final int BOUNDARY = 1 << 24;

    private static final Map<List<Object>, BertCharTable> TABLES = new ConcurrentHashMap<>();
    private static final char SEPARATOR = 'a';

    /** One page: 256 entries, and the code point lists of its {@link #MULTI} entries ({@code count, e...}). */
    static final class Page {
        final int[] entries;
        final int[] extra;

        Page(int[] entries, int[] extra) {
            this.entries = entries;
            this.extra = extra;
        }
    }

    private final Normalizer normalizer;
    private final PreTokenizer preTokenizer;
    private final Normalizer stripOnly;
    private final Page[] pages = new Page[(Character.MAX_CODE_POINT + 1) >>> 8];
    private final int[] ascii;
    private final Page latin;

    private BertCharTable(Normalizer normalizer, PreTokenizer preTokenizer, Normalizer stripOnly) {
        this.normalizer = normalizer;
        this.preTokenizer = preTokenizer;
        this.stripOnly = stripOnly;
        this.latin = page(0);
        this.ascii = Arrays.copyOf(latin.entries, 128);
    }

    /**
     * The shared table of a normalizer (null for none) and pre-tokenizer. {@code stripOnly}, when the normalizer
     * decomposes and strips accents, is a normalizer that does only that (no cleaning, no lower-casing): what it
     * keeps of a code point's decomposition tells whether the code point is context-dependent.
     */
    static BertCharTable of(Normalizer normalizer, PreTokenizer preTokenizer, Normalizer stripOnly) {
        Objects.requireNonNull(preTokenizer, "preTokenizer");
        return TABLES.computeIfAbsent(
                Arrays.asList(normalizer, preTokenizer, stripOnly),
                k -> new BertCharTable(normalizer, preTokenizer, stripOnly));
    }

    /** Whether some entry may be {@link #HARD}. */
    boolean mayBeHard() {
        return stripOnly != null;
    }

    /** The entry of an ASCII code point. */
    int ascii(int c) {
        return ascii[c];
    }

    /** The page holding {@code cp}. */
    Page pageOf(int cp) {
        int p = cp >>> 8;
        if (p == 0) {
            return latin;
        }
        Page page = pages[p];
        return page != null ? page : load(p);
    }

    private synchronized Page load(int p) {
        Page page = pages[p];
        if (page == null) {
            page = page(p);
            pages[p] = page;
        }
        return page;
    }

    private Page page(int p) {
        int base = p << 8;
        StringBuilder text = new StringBuilder(1024);
        int[] position = new int[256];
        for (int k = 0; k < 256; k++) {
            int cp = base + k;
            text.append(SEPARATOR);
            position[k] = text.length();
            text.appendCodePoint(Character.isSurrogate((char) cp) && cp <= 0xFFFF ? SEPARATOR : cp);
        }
        text.append(SEPARATOR);
        String input = text.toString();
        int[] owner = new int[input.length()];
        Arrays.fill(owner, -1);
        for (int k = 0; k < 256; k++) {
            owner[position[k]] = k;
        }
        List<int[]> outputs = outputs(input, owner, normalizer);
        boolean[] hard = new boolean[256];
        mark(outputs, hard);
        if (stripOnly != null) {
            List<int[]> stripped = outputs(input, owner, stripOnly);
            mark(stripped, hard);
            for (int k = 0; k < 256; k++) {
                if (stripped.get(k) != null) {
                    for (int c : stripped.get(k)) {
                        if (isNonStarter(c)) {
                            hard[k] = true;
                        }
                    }
                }
            }
        }
        Map<Integer, Integer> kinds = kinds(outputs);
        int[] entries = new int[256];
        IntArray extra = new IntArray();
        for (int k = 0; k < 256; k++) {
            int cp = base + k;
            int[] out = outputs.get(k);
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                entries[k] = HARD; // never looked up: the encoder reads lone surrogates as U+FFFD
            } else if (hard[k] || out == null) {
                entries[k] = HARD;
            } else if (out.length == 0) {
                entries[k] = REMOVED;
            } else if (out.length == 1) {
                int kind = kinds.get(out[0]);
                entries[k] = kind | out[0] | (kind == WORD ? 0 : BOUNDARY);
            } else {
                int head = kinds.get(out[0]);
                int tail = kinds.get(out[out.length - 1]);
                entries[k] = MULTI | extra.size() | (head != WORD && tail != WORD ? BOUNDARY : 0);
                extra.add(out.length);
                for (int c : out) {
                    extra.add(kinds.get(c) | c);
                }
            }
        }
        return new Page(entries, extra.toArray());
    }

    /**
     * Each code point's normalized code points (null where its output is not aligned with it alone, or {@code
     * owner} marks a separator that did not come through as itself).
     */
    private static List<int[]> outputs(String input, int[] owner, Normalizer normalizer) {
        NormalizedString ns = NormalizedString.of(input);
        if (normalizer != null) {
            normalizer.normalize(ns);
        }
        String out = ns.get();
        List<IntArray> lists = new ArrayList<>(256);
        for (int k = 0; k < 256; k++) {
            lists.add(new IntArray());
        }
        boolean[] broken = new boolean[256];
        int last = -1;
        boolean[] closed = new boolean[256];
        for (int i = 0; i < out.length(); ) {
            int c = out.codePointAt(i);
            int start = ns.alignedStart(i);
            int end = ns.alignedEnd(i);
            i += Character.charCount(c);
            int k = start < owner.length ? owner[start] : -1;
            if (k < 0) {
                // A separator: must come through as itself, aligned with itself.
                if (c != SEPARATOR || end != start + 1) {
                    breakAround(owner, start, broken);
                }
                if (last >= 0) {
                    closed[last] = true;
                }
                last = -1;
                continue;
            }
            int width = Character.charCount(input.codePointAt(start));
            if (end != start + width || closed[k]) {
                broken[k] = true;
            }
            if (last >= 0 && last != k) {
                closed[last] = true;
            }
            last = k;
            lists.get(k).add(c);
        }
        List<int[]> result = new ArrayList<>(256);
        for (int k = 0; k < 256; k++) {
            result.add(broken[k] ? null : lists.get(k).toArray());
        }
        return result;
    }

    private static void breakAround(int[] owner, int position, boolean[] broken) {
        for (int q = Math.max(0, position - 2); q < Math.min(owner.length, position + 3); q++) {
            if (owner[q] >= 0) {
                broken[owner[q]] = true;
            }
        }
    }

    private static void mark(List<int[]> outputs, boolean[] hard) {
        for (int k = 0; k < 256; k++) {
            if (outputs.get(k) == null) {
                hard[k] = true;
            }
        }
    }

    /**
     * The kind of every output code point, read off the pre-tokenizer: between two separators a word character
     * joins them, punctuation stands alone, white space leaves a gap.
     */
    private Map<Integer, Integer> kinds(List<int[]> outputs) {
        List<Integer> distinct = new ArrayList<>();
        Map<Integer, Integer> kinds = new HashMap<>();
        for (int[] out : outputs) {
            if (out == null) {
                continue;
            }
            for (int c : out) {
                if (kinds.putIfAbsent(c, 0) == null) {
                    distinct.add(c);
                }
            }
        }
        StringBuilder text = new StringBuilder();
        int[] position = new int[distinct.size()];
        for (int k = 0; k < distinct.size(); k++) {
            text.append(SEPARATOR);
            position[k] = text.length();
            text.appendCodePoint(distinct.get(k));
        }
        text.append(SEPARATOR);
        PreTokenizedString pts = PreTokenizedString.of(text.toString());
        preTokenizer.preTokenize(pts);
        int length = text.length();
        int[] splitStart = new int[length + 1];
        int[] splitEnd = new int[length + 1];
        Arrays.fill(splitStart, -1);
        for (PreTokenizedString.Split s : pts.splits()) {
            NormalizedString n = s.normalized();
            int from = n.alignedStart(0);
            int to = n.alignedEnd(n.length() - 1);
            for (int q = from; q < to; q++) {
                splitStart[q] = from;
                splitEnd[q] = to;
            }
        }
        for (int k = 0; k < distinct.size(); k++) {
            int c = distinct.get(k);
            int q = position[k];
            int kind;
            if (splitStart[q] < 0) {
                kind = SPACE;
            } else if (splitStart[q] == q && splitEnd[q] == q + Character.charCount(c)) {
                kind = PUNCT;
            } else if (splitStart[q] < q && splitEnd[q] > q + Character.charCount(c)) {
                kind = WORD;
            } else {
                throw new IllegalStateException("pre-tokenizer splits U+" + Integer.toHexString(c) + " unexpectedly");
            }
            kinds.put(c, kind);
        }
        return kinds;
    }

    /**
     * Canonical combining class above zero: {@code c} moves before U+0334 (class 1) when its class is above 1,
     * and U+0301 (class 230) moves after it when its class is below 230. Anything that decomposes counts too.
     */
    static boolean isNonStarter(int c) {
        if (c < 0x300) {
            return false;
        }
        String self = Character.toString(c);
        if (!java.text.Normalizer.isNormalized(self, java.text.Normalizer.Form.NFD)) {
            return true;
        }
        String before = java.text.Normalizer.normalize(self + "\u0334", java.text.Normalizer.Form.NFD);
        String after = java.text.Normalizer.normalize("\u0301" + self, java.text.Normalizer.Form.NFD);
        return before.charAt(0) == '\u0334' || after.charAt(0) != '\u0301';
    }

    /** A growable int list for building pages. */
    private static final class IntArray {
        private int[] a = new int[8];
        private int n;

        void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        int size() {
            return n;
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
