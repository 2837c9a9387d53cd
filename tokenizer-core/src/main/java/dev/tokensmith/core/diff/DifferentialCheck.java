package dev.tokensmith.core.diff;

import dev.tokensmith.core.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Runs a tokenizer under test and a reference over the same inputs and reports where they disagree: token ids
 * first, then (if asked) offsets and the decoded text. This is how Tokensmith proves it reproduces HF tokenizers
 * and tiktoken exactly.
 *
 * <pre>{@code
 * DifferentialResult r = DifferentialCheck.withDefaults().run(ours, djl, inputs);
 * if (!r.passed()) System.out.println(r.report());
 * }</pre>
 *
 * <p>An input the reference throws on is counted as not comparable, not as a mismatch: the references have
 * limits of their own (DJL cannot pass unpaired surrogates to Rust unchanged). Throwing where the reference did
 * not is a mismatch of kind {@link MismatchKind#ERROR}. Immutable and thread-safe; one run is sequential.
 */
public final class DifferentialCheck {

    /**
     * What to compare.
     *
     * @param compareOffsets compare offsets when both sides report them
     * @param compareDecode decode the (agreed) ids with both sides and compare the texts
     * @param stopAtFirstMismatch stop reading inputs after the first mismatch (otherwise count them all)
     * @param addSpecialTokens let the post-processor add its special tokens when encoding
     * @param skipSpecialTokensInDecode drop special tokens when decoding
     * @param window tokens shown either side of a mismatch
     */
    public record Options(
            boolean compareOffsets,
            boolean compareDecode,
            boolean stopAtFirstMismatch,
            boolean addSpecialTokens,
            boolean skipSpecialTokensInDecode,
            int window) {
        public Options {
            if (window < 0) {
                throw new IllegalArgumentException("window must not be negative: " + window);
            }
        }

        /** Offsets and decode compared, every mismatch counted, no special tokens added, a window of 8 tokens. */
        public static Options defaults() {
            return new Options(true, true, false, false, false, 8);
        }

        public Options withCompareOffsets(boolean v) {
            return new Options(
                    v, compareDecode, stopAtFirstMismatch, addSpecialTokens, skipSpecialTokensInDecode, window);
        }

        public Options withCompareDecode(boolean v) {
            return new Options(
                    compareOffsets, v, stopAtFirstMismatch, addSpecialTokens, skipSpecialTokensInDecode, window);
        }

        public Options withStopAtFirstMismatch(boolean v) {
            return new Options(compareOffsets, compareDecode, v, addSpecialTokens, skipSpecialTokensInDecode, window);
        }

        public Options withAddSpecialTokens(boolean v) {
            return new Options(
                    compareOffsets, compareDecode, stopAtFirstMismatch, v, skipSpecialTokensInDecode, window);
        }

        public Options withSkipSpecialTokensInDecode(boolean v) {
            return new Options(compareOffsets, compareDecode, stopAtFirstMismatch, addSpecialTokens, v, window);
        }

        public Options withWindow(int v) {
            return new Options(
                    compareOffsets, compareDecode, stopAtFirstMismatch, addSpecialTokens, skipSpecialTokensInDecode, v);
        }
    }

    private static final int TEXT_RADIUS = 40;
    private static final int STACK_FRAMES = 6;

    private final Options options;

    public DifferentialCheck(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public static DifferentialCheck withDefaults() {
        return new DifferentialCheck(Options.defaults());
    }

    public Options options() {
        return options;
    }

    /** Compares a Tokensmith tokenizer (named {@code tokensmith}) with {@code reference}. */
    public DifferentialResult run(Tokenizer ours, ReferenceTokenizer reference, Iterable<LabeledText> inputs) {
        return run(ReferenceTokenizer.of("tokensmith", ours), reference, inputs);
    }

    public DifferentialResult run(ReferenceTokenizer ours, ReferenceTokenizer reference, Stream<LabeledText> inputs) {
        return run(ours, reference, (Iterable<LabeledText>) inputs::iterator);
    }

    /** Compares over unlabeled texts; they are labeled {@code #0, #1, ...}. */
    public DifferentialResult runTexts(ReferenceTokenizer ours, ReferenceTokenizer reference, Iterable<String> texts) {
        return run(ours, reference, () -> new Iterator<>() {
            private final Iterator<String> it = texts.iterator();
            private long n;

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public LabeledText next() {
                return new LabeledText("#" + n++, it.next());
            }
        });
    }

    public DifferentialResult run(ReferenceTokenizer ours, ReferenceTokenizer reference, Iterable<LabeledText> inputs) {
        Objects.requireNonNull(ours, "ours");
        Objects.requireNonNull(reference, "reference");
        Tally t = new Tally();
        long index = 0;
        Iterator<LabeledText> it = inputs.iterator();
        while (it.hasNext()) {
            LabeledText in = it.next();
            t.inputs++;
            t.chars += in.text().length();
            Mismatch m = compare(ours, reference, index, in, t);
            if (m != null) {
                t.mismatches++;
                t.byKind.merge(m.kind(), 1L, Long::sum);
                if (t.first == null) {
                    t.first = m;
                }
                if (options.stopAtFirstMismatch()) {
                    t.stoppedEarly = it.hasNext();
                    break;
                }
            }
            index++;
        }
        return new DifferentialResult(
                ours.name(),
                reference.name(),
                options,
                t.inputs,
                t.chars,
                t.tokens,
                t.oursTokens,
                t.mismatches,
                t.byKind,
                t.notComparable,
                t.firstNotComparable,
                t.first,
                t.stoppedEarly,
                t.oursNanos,
                t.referenceNanos);
    }

    private static final class Tally {
        long inputs;
        long chars;
        long tokens;
        long oursTokens;
        long mismatches;
        final Map<MismatchKind, Long> byKind = new EnumMap<>(MismatchKind.class);
        long notComparable;
        String firstNotComparable;
        Mismatch first;
        boolean stoppedEarly;
        long oursNanos;
        long referenceNanos;

        void notComparable(LabeledText in, String what, Throwable e) {
            notComparable++;
            if (firstNotComparable == null) {
                firstNotComparable = in.label() + ": reference " + what + " failed: " + e;
            }
        }
    }

    /** The mismatch on this input, or null when both sides agree (or the input is not comparable). */
    private Mismatch compare(
            ReferenceTokenizer ours, ReferenceTokenizer reference, long index, LabeledText in, Tally t) {
        String text = in.text();
        boolean add = options.addSpecialTokens();
        ReferenceTokenizer.Encoded r;
        long t0 = System.nanoTime();
        try {
            r = reference.encode(text, add);
        } catch (RuntimeException | StackOverflowError e) {
            t.notComparable(in, "encode", e);
            return null;
        } finally {
            t.referenceNanos += System.nanoTime() - t0;
        }
        ReferenceTokenizer.Encoded o;
        t0 = System.nanoTime();
        try {
            o = ours.encode(text, add);
        } catch (RuntimeException | StackOverflowError e) {
            t.tokens += r.size();
            return error(index, in, -1, r, "encode threw " + describe(e));
        } finally {
            t.oursNanos += System.nanoTime() - t0;
        }
        t.tokens += r.size();
        t.oursTokens += o.size();

        int common = Math.min(o.size(), r.size());
        int p = Arrays.mismatch(o.ids(), 0, common, r.ids(), 0, common);
        if (p >= 0) {
            return tokenMismatch(MismatchKind.ID, index, in, p, o, r, reference, "token ids differ");
        }
        if (o.size() != r.size()) {
            return tokenMismatch(
                    MismatchKind.LENGTH,
                    index,
                    in,
                    common,
                    o,
                    r,
                    reference,
                    (o.size() > r.size() ? "we produce " : "the reference produces ")
                            + Math.abs(o.size() - r.size())
                            + " more tokens after an identical prefix");
        }
        if (options.compareOffsets() && o.offsets() != null && r.offsets() != null) {
            int q = Arrays.mismatch(o.offsets(), r.offsets());
            if (q >= 0) {
                int tok = q / 2;
                return tokenMismatch(
                        MismatchKind.OFFSETS,
                        index,
                        in,
                        tok,
                        o,
                        r,
                        reference,
                        String.format(
                                "offsets of token %d differ: ours (%d, %d), reference (%d, %d)",
                                tok,
                                o.offsets()[2 * tok],
                                o.offsets()[2 * tok + 1],
                                r.offsets()[2 * tok],
                                r.offsets()[2 * tok + 1]));
            }
        }
        if (options.compareDecode()) {
            boolean skip = options.skipSpecialTokensInDecode();
            String rd;
            t0 = System.nanoTime();
            try {
                rd = reference.decode(r.ids(), skip);
            } catch (RuntimeException | StackOverflowError e) {
                t.notComparable(in, "decode", e);
                return null;
            } finally {
                t.referenceNanos += System.nanoTime() - t0;
            }
            String od;
            t0 = System.nanoTime();
            try {
                od = ours.decode(r.ids(), skip);
            } catch (RuntimeException | StackOverflowError e) {
                return error(index, in, o.size(), r, "decode threw " + describe(e));
            } finally {
                t.oursNanos += System.nanoTime() - t0;
            }
            if (!od.equals(rd)) {
                return decodeMismatch(index, in, o, r, od, rd);
            }
        }
        return null;
    }

    private Mismatch error(long index, LabeledText in, int oursCount, ReferenceTokenizer.Encoded r, String detail) {
        String text = in.text();
        return new Mismatch(
                MismatchKind.ERROR,
                index,
                in.label(),
                text.length(),
                -1,
                oursCount,
                r.size(),
                0,
                new int[0],
                new int[0],
                null,
                null,
                null,
                null,
                0,
                Visible.around(text, 0, 2 * TEXT_RADIUS),
                -1,
                null,
                null,
                detail);
    }

    private Mismatch tokenMismatch(
            MismatchKind kind,
            long index,
            LabeledText in,
            int p,
            ReferenceTokenizer.Encoded o,
            ReferenceTokenizer.Encoded r,
            ReferenceTokenizer reference,
            String detail) {
        String text = in.text();
        int from = Math.max(0, p - options.window());
        int[] located = locate(text, p, o, r, reference);
        int pos = located[0];
        int tokenEnd = Math.max(pos, located[1]);
        int a = Visible.widen(text, Math.max(0, pos - TEXT_RADIUS));
        int z = Visible.narrow(text, Math.min(text.length(), tokenEnd + TEXT_RADIUS));
        String around = (a > 0 ? "…" : "")
                + Visible.of(text.substring(a, pos))
                + "⟦"
                + Visible.of(text.substring(pos, tokenEnd))
                + "⟧"
                + Visible.of(text.substring(tokenEnd, z))
                + (z < text.length() ? "…" : "");
        if (located[2] != 0) {
            detail += " (text position estimated from the decoded prefix)";
        }
        return new Mismatch(
                kind,
                index,
                in.label(),
                text.length(),
                p,
                o.size(),
                r.size(),
                from,
                window(o.ids(), from, p),
                window(r.ids(), from, p),
                tokens(o, from, p),
                tokens(r, from, p),
                offsets(o, from, p),
                offsets(r, from, p),
                pos,
                around,
                -1,
                null,
                null,
                detail);
    }

    /**
     * Where in the input the outputs part ways: {position, end of the reference's token there, estimated?}. The
     * position is the furthest end offset before token {@code p}, which skips the (0, 0) of added special tokens.
     */
    private static int[] locate(
            String text, int p, ReferenceTokenizer.Encoded o, ReferenceTokenizer.Encoded r, ReferenceTokenizer ref) {
        ReferenceTokenizer.Encoded side = r.offsets() != null ? r : o.offsets() != null ? o : null;
        if (side != null) {
            int[] off = side.offsets();
            int pos = 0;
            for (int i = 0; i < Math.min(p, side.size()); i++) {
                pos = Math.max(pos, off[2 * i + 1]);
            }
            int end = p < side.size() ? off[2 * p + 1] : pos;
            return new int[] {clamp(pos, text), clamp(end, text), 0};
        }
        int pos;
        try {
            pos = ref.decode(Arrays.copyOf(r.ids(), Math.min(p, r.size())), false)
                    .length();
        } catch (RuntimeException e) {
            pos = 0;
        }
        return new int[] {clamp(pos, text), clamp(pos, text), 1};
    }

    private static int clamp(int i, String text) {
        return Math.max(0, Math.min(i, text.length()));
    }

    private Mismatch decodeMismatch(
            long index,
            LabeledText in,
            ReferenceTokenizer.Encoded o,
            ReferenceTokenizer.Encoded r,
            String od,
            String rd) {
        int at = 0;
        int n = Math.min(od.length(), rd.length());
        while (at < n && od.charAt(at) == rd.charAt(at)) {
            at++;
        }
        return new Mismatch(
                MismatchKind.DECODE,
                index,
                in.label(),
                in.text().length(),
                -1,
                o.size(),
                r.size(),
                0,
                new int[0],
                new int[0],
                null,
                null,
                null,
                null,
                -1,
                "",
                at,
                Visible.around(od, at, TEXT_RADIUS),
                Visible.around(rd, at, TEXT_RADIUS),
                "decoding the same " + r.size() + " ids gives different text (ours " + od.length()
                        + " chars, reference " + rd.length() + ")");
    }

    private int[] window(int[] ids, int from, int p) {
        int to = Math.min(ids.length, p + options.window() + 1);
        return from >= to ? new int[0] : Arrays.copyOfRange(ids, from, to);
    }

    private List<String> tokens(ReferenceTokenizer.Encoded e, int from, int p) {
        if (e.tokens() == null) {
            return null;
        }
        int to = Math.min(e.size(), p + options.window() + 1);
        return from >= to
                ? List.of()
                : new ArrayList<>(Arrays.asList(e.tokens()).subList(from, to));
    }

    private int[] offsets(ReferenceTokenizer.Encoded e, int from, int p) {
        if (e.offsets() == null) {
            return null;
        }
        int to = Math.min(e.size(), p + options.window() + 1);
        return from >= to ? new int[0] : Arrays.copyOfRange(e.offsets(), 2 * from, 2 * to);
    }

    private static String describe(Throwable e) {
        StringBuilder b = new StringBuilder(e.toString());
        StackTraceElement[] st = e.getStackTrace();
        for (int i = 0; i < Math.min(STACK_FRAMES, st.length); i++) {
            b.append(i == 0 ? " at " : " < ").append(st[i]);
        }
        Throwable c = e.getCause();
        if (c != null && c != e) {
            b.append("; caused by ").append(c);
        }
        return b.toString();
    }
}
