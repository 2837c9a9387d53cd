package dev.tokensmith.core.format;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A tiktoken encoding, as tiktoken's {@code Encoding} constructor takes it: a name, the split pattern (in
 * tiktoken's fancy-regex syntax), the mergeable ranks (token bytes to rank; a rank is both the token id and the
 * merge priority), the special tokens (text to id) and, for some encodings, the vocabulary size tiktoken checks
 * the rest against ({@code explicit_n_vocab}).
 *
 * <p>The special tokens are kept sorted by id. Nothing here checks {@code explicitVocabSize} against the ranks:
 * released files disagree with it (Anthropic's claude.json states 64739 but uses ids 0 to 64999), so the check
 * tiktoken makes is left to {@link #explicitVocabSizeHolds()}.
 */
public record TiktokenEncoding(
        String name,
        String pattern,
        MergeableRanks ranks,
        Map<String, Integer> specialTokens,
        OptionalInt explicitVocabSize) {

    public TiktokenEncoding {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(ranks, "ranks");
        Objects.requireNonNull(explicitVocabSize, "explicitVocabSize");
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(specialTokens.size());
        for (Map.Entry<String, Integer> e : specialTokens.entrySet()) {
            String text = Objects.requireNonNull(e.getKey(), "special token text");
            int id = Objects.requireNonNull(e.getValue(), "special token id");
            if (text.isEmpty()) {
                throw new IllegalArgumentException("empty special token");
            }
            if (id < 0) {
                throw new IllegalArgumentException("special token " + text + " has negative id " + id);
            }
            entries.add(Map.entry(text, id));
        }
        entries.sort(Map.Entry.comparingByValue());
        Map<String, Integer> sorted = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : entries) {
            sorted.put(e.getKey(), e.getValue());
        }
        specialTokens = Collections.unmodifiableMap(sorted);
    }

    /** An encoding without an explicit vocabulary size. */
    public TiktokenEncoding(String name, String pattern, MergeableRanks ranks, Map<String, Integer> specialTokens) {
        this(name, pattern, ranks, specialTokens, OptionalInt.empty());
    }

    /** tiktoken's {@code n_vocab}: the largest id in use, rank or special, plus one. */
    public int vocabSize() {
        int max = ranks.maxRank();
        for (int id : specialTokens.values()) {
            max = Math.max(max, id);
        }
        return max + 1;
    }

    /**
     * tiktoken's check of {@code explicit_n_vocab}: the ranks and the special tokens together number exactly
     * that many, and the largest id is one less. True when there is no explicit size.
     */
    public boolean explicitVocabSizeHolds() {
        if (explicitVocabSize.isEmpty()) {
            return true;
        }
        int n = explicitVocabSize.getAsInt();
        return ranks.size() + specialTokens.size() == n && vocabSize() == n;
    }
}
