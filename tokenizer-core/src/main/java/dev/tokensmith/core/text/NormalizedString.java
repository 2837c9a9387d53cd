package dev.tokensmith.core.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/**
 * A string being normalized, with the alignment of every normalized UTF-16 unit back to a range of the
 * original text, so that token offsets survive normalization (HF tokenizers' {@code NormalizedString}).
 *
 * <p>Alignments are kept per UTF-16 unit of the normalized text and point at UTF-16 ranges of {@link
 * #original()}; {@link #originalShift()} is where that original sits in the full input. All units of one
 * code point share one alignment. Instances are per-call working objects: mutable and not thread-safe; the
 * pipeline stages that act on them are immutable and shared.
 */
public final class NormalizedString {
    private final String original;
    private final int originalShift;
    private String normalized;
    private int[] alignStart;
    private int[] alignEnd;

    private NormalizedString(String original, int originalShift, String normalized, int[] alignStart, int[] alignEnd) {
        this.original = original;
        this.originalShift = originalShift;
        this.normalized = normalized;
        this.alignStart = alignStart;
        this.alignEnd = alignEnd;
    }

    /** A string not yet normalized: every unit aligned with its code point in the original. */
    public static NormalizedString of(String text) {
        return of(text, 0);
    }

    /** As {@link #of(String)}, for a piece that starts at {@code shift} in the full input. */
    public static NormalizedString of(String text, int shift) {
        int n = text.length();
        int[] starts = new int[n];
        int[] ends = new int[n];
        for (int i = 0; i < n; ) {
            int width = Character.charCount(text.codePointAt(i));
            for (int k = 0; k < width; k++) {
                starts[i + k] = i;
                ends[i + k] = i + width;
            }
            i += width;
        }
        return new NormalizedString(text, shift, text, starts, ends);
    }

    public String get() {
        return normalized;
    }

    public String original() {
        return original;
    }

    public int originalShift() {
        return originalShift;
    }

    /** Length of the normalized text in UTF-16 units. */
    public int length() {
        return normalized.length();
    }

    public boolean isEmpty() {
        return normalized.isEmpty();
    }

    /** Start in the full input of the original text aligned with normalized unit {@code i}. */
    public int alignedStart(int i) {
        return originalShift + alignStart[i];
    }

    /** End in the full input of the original text aligned with normalized unit {@code i}. */
    public int alignedEnd(int i) {
        return originalShift + alignEnd[i];
    }

    /**
     * Offsets in the full input covered by normalized range {@code [start, end)}: {start, end}. An empty range
     * maps to an empty range at the aligned position of {@code start} (HF: the range is returned as is).
     */
    public int[] toOriginal(int start, int end) {
        if (start >= end) {
            if (normalized.isEmpty()) {
                return new int[] {originalShift, originalShift + original.length()};
            }
            int at = start < alignStart.length
                    ? alignStart[start]
                    : (alignEnd.length == 0 ? 0 : alignEnd[alignEnd.length - 1]);
            return new int[] {originalShift + at, originalShift + at};
        }
        return new int[] {originalShift + alignStart[start], originalShift + alignEnd[end - 1]};
    }

    /**
     * Replaces normalized range {@code [start, end)} with new code points, each with a change code as in HF
     * tokenizers: {@code 0} replaces the next code point of the range, {@code 1} inserts a code point that takes
     * the alignment of the one before it, {@code -n} replaces the next one and removes the {@code n} after it.
     * {@code initialOffset} code points at the start of the range are removed before the first new one.
     */
    public void transformRange(int start, int end, int[] codePoints, int[] changes, int count, int initialOffset) {
        int pos = start;
        for (int k = 0; k < initialOffset && pos < end; k++) {
            pos += Character.charCount(normalized.codePointAt(pos));
        }
        StringBuilder out = new StringBuilder(Math.max(16, count + 4));
        IntList starts = new IntList(count + 4);
        IntList ends = new IntList(count + 4);
        for (int k = 0; k < count; k++) {
            int c = codePoints[k];
            int change = changes[k];
            int aStart;
            int aEnd;
            if (change > 0) {
                if (pos < 1) {
                    aStart = 0;
                    aEnd = 0;
                } else {
                    aStart = alignStart[pos - 1];
                    aEnd = alignEnd[pos - 1];
                }
            } else {
                aStart = alignStart[pos];
                aEnd = alignEnd[pos];
                pos += Character.charCount(normalized.codePointAt(pos));
                for (int r = 0; r < -change && pos < end; r++) {
                    pos += Character.charCount(normalized.codePointAt(pos));
                }
            }
            out.appendCodePoint(c);
            int width = Character.charCount(c);
            for (int w = 0; w < width; w++) {
                starts.add(aStart);
                ends.add(aEnd);
            }
        }
        splice(start, end, out.toString(), starts.toArray(), ends.toArray());
    }

    /** {@link #transformRange} over the whole normalized text. */
    public void transform(int[] codePoints, int[] changes, int count, int initialOffset) {
        transformRange(0, normalized.length(), codePoints, changes, count, initialOffset);
    }

    private void splice(int start, int end, String replacement, int[] starts, int[] ends) {
        int tail = normalized.length() - end;
        int newLength = start + replacement.length() + tail;
        int[] newStarts = Arrays.copyOf(alignStart, newLength);
        int[] newEnds = Arrays.copyOf(alignEnd, newLength);
        System.arraycopy(starts, 0, newStarts, start, starts.length);
        System.arraycopy(ends, 0, newEnds, start, ends.length);
        System.arraycopy(alignStart, end, newStarts, start + starts.length, tail);
        System.arraycopy(alignEnd, end, newEnds, start + ends.length, tail);
        normalized = normalized.substring(0, start) + replacement + normalized.substring(end);
        alignStart = newStarts;
        alignEnd = newEnds;
    }

    /** Maps every code point to one code point. */
    public void map(IntUnaryOperator mapping) {
        int[] cps = normalized.codePoints().map(mapping).toArray();
        transform(cps, new int[cps.length], cps.length, 0);
    }

    /** Maps every code point to zero or more code points (first replaces, the rest are inserted). */
    public void flatMap(java.util.function.IntFunction<int[]> mapping) {
        IntList cps = new IntList(normalized.length() + 8);
        IntList changes = new IntList(normalized.length() + 8);
        int removedAtStart = 0;
        boolean any = false;
        for (int i = 0; i < normalized.length(); ) {
            int c = normalized.codePointAt(i);
            i += Character.charCount(c);
            int[] mapped = mapping.apply(c);
            if (mapped.length == 0) {
                if (!any) {
                    removedAtStart++;
                } else {
                    changes.set(changes.size() - 1, changes.get(changes.size() - 1) - 1);
                }
                continue;
            }
            for (int k = 0; k < mapped.length; k++) {
                cps.add(mapped[k]);
                changes.add(k == 0 ? 0 : 1);
            }
            any = true;
        }
        transform(cps.toArray(), changes.toArray(), cps.size(), removedAtStart);
    }

    /** Keeps only the code points that {@code keep} accepts. */
    public void filter(IntPredicate keep) {
        flatMap(c -> keep.test(c) ? new int[] {c} : new int[0]);
    }

    /** Inserts {@code text} before the first code point (nothing when empty, as HF). */
    public void prepend(String text) {
        if (normalized.isEmpty() || text.isEmpty()) {
            return;
        }
        int first = normalized.codePointAt(0);
        int[] add = text.codePoints().toArray();
        int[] cps = Arrays.copyOf(add, add.length + 1);
        int[] changes = new int[cps.length];
        cps[add.length] = first;
        for (int k = 1; k < cps.length; k++) {
            changes[k] = 1;
        }
        // HF quirk kept: the prepended text takes the first code point's alignment, and the first code point
        // itself is re-inserted with the same alignment.
        transformRange(0, Character.charCount(first), cps, changes, cps.length, 0);
    }

    /** Appends {@code text} after the last code point. */
    public void append(String text) {
        if (text.isEmpty()) {
            return;
        }
        int[] add = text.codePoints().toArray();
        if (normalized.isEmpty()) {
            int[] changes = new int[add.length];
            Arrays.fill(changes, 1);
            transformRange(0, 0, add, changes, add.length, 0);
            return;
        }
        int lastStart = normalized.offsetByCodePoints(normalized.length(), -1);
        int[] cps = new int[add.length + 1];
        int[] changes = new int[cps.length];
        cps[0] = normalized.codePointAt(lastStart);
        for (int k = 0; k < add.length; k++) {
            cps[k + 1] = add[k];
            changes[k + 1] = 1;
        }
        transformRange(lastStart, normalized.length(), cps, changes, cps.length, 0);
    }

    /** Removes leading and/or trailing Unicode White_Space. */
    public void strip(boolean left, boolean right) {
        int from = 0;
        int to = normalized.length();
        if (left) {
            while (from < to && UnicodeProps.isWhiteSpace(normalized.codePointAt(from))) {
                from += Character.charCount(normalized.codePointAt(from));
            }
        }
        if (right) {
            while (to > from && UnicodeProps.isWhiteSpace(normalized.codePointBefore(to))) {
                to -= Character.charCount(normalized.codePointBefore(to));
            }
        }
        if (from == 0 && to == normalized.length()) {
            return;
        }
        keepRange(from, to);
    }

    private void keepRange(int from, int to) {
        normalized = normalized.substring(from, to);
        alignStart = Arrays.copyOfRange(alignStart, from, to);
        alignEnd = Arrays.copyOfRange(alignEnd, from, to);
    }

    /** Replaces every match of {@code pattern} with {@code content}; new code points align with the one before. */
    public void replace(SplitPattern pattern, String content) {
        List<Match> matches = pattern.findMatches(normalized);
        int[] add = content.codePoints().toArray();
        StringBuilder out = new StringBuilder(normalized.length());
        IntList starts = new IntList(normalized.length());
        IntList ends = new IntList(normalized.length());
        int last = 0;
        for (Match m : matches) {
            if (!m.isMatch()) {
                continue;
            }
            out.append(normalized, last, m.start());
            starts.addAll(alignStart, last, m.start());
            ends.addAll(alignEnd, last, m.start());
            // HF: replacement code points are "inserted" after removing the whole match, so each takes the
            // alignment of the unit just before the match's end.
            int idx = m.end();
            int aStart = idx < 1 ? 0 : alignStart[idx - 1];
            int aEnd = idx < 1 ? 0 : alignEnd[idx - 1];
            for (int c : add) {
                out.appendCodePoint(c);
                for (int w = 0; w < Character.charCount(c); w++) {
                    starts.add(aStart);
                    ends.add(aEnd);
                }
            }
            last = m.end();
        }
        out.append(normalized, last, normalized.length());
        starts.addAll(alignStart, last, normalized.length());
        ends.addAll(alignEnd, last, normalized.length());
        normalized = out.toString();
        alignStart = starts.toArray();
        alignEnd = ends.toArray();
    }

    /** A copy of normalized range {@code [start, end)} with its alignments, remembering where it came from. */
    public NormalizedString slice(int start, int end) {
        if (start >= end) {
            // HF returns an empty range as is (in normalized units); only its shift is observable.
            return new NormalizedString("", originalShift + start, "", new int[0], new int[0]);
        }
        int oStart = alignStart[start];
        int oEnd = alignEnd[end - 1];
        int[] starts = new int[end - start];
        int[] ends = new int[end - start];
        for (int i = start; i < end; i++) {
            starts[i - start] = alignStart[i] - oStart;
            ends[i - start] = alignEnd[i] - oStart;
        }
        String originalPart = oStart <= oEnd ? original.substring(oStart, oEnd) : "";
        return new NormalizedString(
                originalPart, originalShift + oStart, normalized.substring(start, end), starts, ends);
    }

    /** Splits on {@code pattern}, treating matched delimiters as {@code behavior} says (HF semantics). */
    public List<NormalizedString> split(SplitPattern pattern, SplitBehavior behavior) {
        List<Match> matches = pattern.findMatches(normalized);
        List<Match> splits = behavior.apply(matches);
        List<NormalizedString> out = new ArrayList<>(splits.size());
        for (Match s : splits) {
            if (!s.isMatch()) {
                out.add(slice(s.start(), s.end()));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "NormalizedString[" + original + " -> " + normalized + " @" + originalShift + "]";
    }
}
