package dev.tokensmith.transplant.method;

import dev.tokensmith.core.train.TrainingProgress;
import dev.tokensmith.math.FloatMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;

/**
 * TokenAdapt's auxiliary embedding space: a vector for each new token and each old token in a space where
 * both can be compared (cosine). Pluggable: {@link #textEncoder} embeds the tokens' texts with a sentence
 * encoder (TokenAdapt's own choice); {@link #table} reads rows of a model's embedding table that has both
 * vocabularies (the held-out experiment uses the donor's).
 *
 * <pre>{@code
 * AuxiliarySpace aux = AuxiliarySpace.textEncoder("all-MiniLM-L6-v2", encoder::encode, splitter::text);
 * }</pre>
 */
public interface AuxiliarySpace {
    /** A short description for reports and provenance. */
    String name();

    /** One vector per new token, in {@link TransplantProblem#newIds()} order; long work reports to {@code progress}. */
    FloatMatrix embedNew(TransplantProblem problem, TrainingProgress progress);

    /** One vector per old token, in {@link TransplantProblem#oldIds()} order (same width as {@link #embedNew}). */
    FloatMatrix embedOld(TransplantProblem problem, TrainingProgress progress);

    /** This space, embedding each side once however many tables (input embeddings, output head) ask. */
    default AuxiliarySpace cached() {
        AuxiliarySpace inner = this;
        return new AuxiliarySpace() {
            private FloatMatrix newRows;
            private FloatMatrix oldRows;

            @Override
            public String name() {
                return inner.name();
            }

            @Override
            public synchronized FloatMatrix embedNew(TransplantProblem p, TrainingProgress progress) {
                if (newRows == null) {
                    newRows = inner.embedNew(p, progress);
                }
                return newRows;
            }

            @Override
            public synchronized FloatMatrix embedOld(TransplantProblem p, TrainingProgress progress) {
                if (oldRows == null) {
                    oldRows = inner.embedOld(p, progress);
                }
                return oldRows;
            }
        };
    }

    /**
     * Rows of {@code table}: new id {@code i} reads row {@code newRow(i)}, old id {@code j} row {@code oldRow(j)}.
     */
    static AuxiliarySpace table(String name, FloatMatrix table, IntUnaryOperator newRow, IntUnaryOperator oldRow) {
        return new AuxiliarySpace() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public FloatMatrix embedNew(TransplantProblem p, TrainingProgress progress) {
                return Rows.gather(
                        table, java.util.Arrays.stream(p.newIds()).map(newRow).toArray());
            }

            @Override
            public FloatMatrix embedOld(TransplantProblem p, TrainingProgress progress) {
                return Rows.gather(
                        table, java.util.Arrays.stream(p.oldIds()).map(oldRow).toArray());
            }
        };
    }

    /**
     * Texts embedded by {@code encoder} (e.g. a {@code SentenceEncoder}'s {@code encode}): new tokens by their
     * surface text, old tokens by {@code oldText} (e.g. {@link OldTokenSplitter#text}). Leading and trailing
     * whitespace is trimmed first; an empty text embeds as a zero vector. Texts go to the encoder in chunks of
     * {@value #CHUNK}, each reported to the progress listener.
     */
    static AuxiliarySpace textEncoder(
            String name, Function<List<String>, float[][]> encoder, java.util.function.IntFunction<String> oldText) {
        return new AuxiliarySpace() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public FloatMatrix embedNew(TransplantProblem p, TrainingProgress progress) {
                return embed(encoder, List.of(p.newTexts()), progress, "embedding new token texts");
            }

            @Override
            public FloatMatrix embedOld(TransplantProblem p, TrainingProgress progress) {
                List<String> texts = new ArrayList<>(p.oldIds().length);
                for (int id : p.oldIds()) {
                    texts.add(oldText.apply(id));
                }
                return embed(encoder, texts, progress, "embedding old token texts");
            }
        };
    }

    /** Texts a text encoder gets at once: big enough for its batching, small enough for a moving progress bar. */
    int CHUNK = 1024;

    private static FloatMatrix embed(
            Function<List<String>, float[][]> encoder, List<String> texts, TrainingProgress progress, String stage) {
        List<String> nonEmpty = new ArrayList<>();
        int[] at = new int[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i).strip();
            at[i] = t.isEmpty() ? -1 : nonEmpty.size();
            if (!t.isEmpty()) {
                nonEmpty.add(t);
            }
        }
        progress.stage(stage, nonEmpty.size());
        float[][] vectors = new float[nonEmpty.size()][];
        for (int from = 0; from < nonEmpty.size(); from += CHUNK) {
            int to = Math.min(nonEmpty.size(), from + CHUNK);
            float[][] part = encoder.apply(nonEmpty.subList(from, to));
            System.arraycopy(part, 0, vectors, from, part.length);
            progress.advance(to - from);
        }
        int width = vectors.length == 0 ? 1 : vectors[0].length;
        FloatMatrix out = FloatMatrix.zeros(texts.size(), width);
        for (int i = 0; i < at.length; i++) {
            if (at[i] >= 0) {
                out.setRow(i, vectors[at[i]]);
            }
        }
        return out;
    }
}
