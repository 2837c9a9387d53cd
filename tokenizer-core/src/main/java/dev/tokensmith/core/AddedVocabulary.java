package dev.tokensmith.core;

import dev.tokensmith.core.model.Model;
import dev.tokensmith.core.normalizer.Normalizer;
import dev.tokensmith.core.text.IntList;
import dev.tokensmith.core.text.LongIntMap;
import dev.tokensmith.core.text.NormalizedString;
import dev.tokensmith.core.text.PreTokenizedString;
import dev.tokensmith.core.text.Token;
import dev.tokensmith.core.text.UnicodeProps;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The added tokens of a tokenizer and how they are cut out of the input before normalization (HF's
 * AddedVocabulary): non-normalized tokens are matched in the original text, normalized ones in the normalized
 * text, each leftmost-longest.
 */
final class AddedVocabulary {
    private final Map<String, Integer> idsByContent = new HashMap<>();
    private final Map<Integer, AddedToken> tokensById = new LinkedHashMap<>();
    private final Map<Integer, String> normalizedContent = new HashMap<>();
    private final Set<String> specialContents = new HashSet<>();
    private final TokenTrie rawTrie;
    private final TokenTrie normalizedTrie;
    // The tokens by id without boxing, for matching (which must not allocate: countTokens allocates nothing).
    private final LongIntMap indexById;
    private final AddedToken[] byIndex;

    /** Adds {@code tokens} in order, assigning ids as HF does on load. */
    AddedVocabulary(List<AddedToken> tokens, Model model, Normalizer normalizer) {
        for (AddedToken token : tokens) {
            add(token, model, normalizer);
        }
        Map<String, Integer> raw = new LinkedHashMap<>();
        Map<String, Integer> normalizedPatterns = new LinkedHashMap<>();
        for (Map.Entry<Integer, AddedToken> e : tokensById.entrySet()) {
            AddedToken t = e.getValue();
            if (t.normalized()) {
                normalizedPatterns.put(normalizedContent.getOrDefault(e.getKey(), t.content()), e.getKey());
            } else {
                raw.put(t.content(), e.getKey());
            }
        }
        rawTrie = raw.isEmpty() ? null : new TokenTrie(raw);
        normalizedTrie = normalizedPatterns.isEmpty() ? null : new TokenTrie(normalizedPatterns);
        indexById = new LongIntMap(tokensById.size());
        byIndex = new AddedToken[tokensById.size()];
        int index = 0;
        for (Map.Entry<Integer, AddedToken> e : tokensById.entrySet()) {
            indexById.put(e.getKey(), index, -1);
            byIndex[index++] = e.getValue();
        }
    }

    private void add(AddedToken token, Model model, Normalizer normalizer) {
        if (token.content().isEmpty()) {
            return;
        }
        Integer known = idsByContent.get(token.content());
        if (known != null) {
            AddedToken existing = tokensById.get(known);
            if (existing != null && existing.sameProperties(token)) {
                return;
            }
        }
        int id;
        if (known != null) {
            id = known;
        } else if (model.tokenToId(token.content()) >= 0) {
            id = model.tokenToId(token.content());
        } else {
            id = nextId(model);
        }
        if (token.normalized() && normalizer != null) {
            NormalizedString s = NormalizedString.of(token.content());
            normalizer.normalize(s);
            if (!s.get().equals(token.content())) {
                normalizedContent.put(id, s.get());
            }
        }
        idsByContent.put(token.content(), id);
        if (token.special()) {
            specialContents.add(token.content());
        }
        tokensById.put(
                id,
                new AddedToken(
                        id,
                        token.content(),
                        token.singleWord(),
                        token.lstrip(),
                        token.rstrip(),
                        token.normalized(),
                        token.special()));
    }

    private int nextId(Model model) {
        int vocabSize = model.vocabSize();
        int max = -1;
        for (int id : tokensById.keySet()) {
            max = Math.max(max, id);
        }
        if (max < 0) {
            return vocabSize;
        }
        return (max >= vocabSize || vocabSize == 0) ? max + 1 : vocabSize;
    }

    /**
     * Whether cutting the input before a space between two ASCII letters or digits keeps the added-token matches:
     * no token contains a space or strips whitespace around it.
     */
    boolean allowsCutsAtSpaces() {
        for (AddedToken t : tokensById.values()) {
            if (t.lstrip() || t.rstrip() || t.content().indexOf(' ') >= 0) {
                return false;
            }
        }
        for (String normalized : normalizedContent.values()) {
            if (normalized.indexOf(' ') >= 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether some added token is matched in normalized text (then cutting needs the normalizer's output). */
    boolean hasNormalizedTokens() {
        return normalizedTrie != null;
    }

    boolean isEmpty() {
        return tokensById.isEmpty();
    }

    /** The added tokens by id, in the order they were added, with the ids actually assigned. */
    List<AddedToken> tokens() {
        return List.copyOf(tokensById.values());
    }

    int idOf(String content) {
        Integer id = idsByContent.get(content);
        return id == null ? -1 : id;
    }

    /** The token string for {@code id} (its normalized form when normalization changed it), or null. */
    String contentOf(int id) {
        AddedToken t = tokensById.get(id);
        if (t == null) {
            return null;
        }
        return normalizedContent.getOrDefault(id, t.content());
    }

    boolean isSpecial(String content) {
        return specialContents.contains(content);
    }

    Map<String, Integer> vocab() {
        return Map.copyOf(idsByContent);
    }

    /** Cuts added tokens out of {@code text} and normalizes what is left (HF's extract_and_normalize). */
    PreTokenizedString extractAndNormalize(Normalizer normalizer, String text) {
        PreTokenizedString pts = PreTokenizedString.of(text);
        pts.splitToSplits((index, piece) -> splitOn(piece, rawTrie));
        pts.splitToSplits((index, piece) -> {
            if (normalizer != null) {
                normalizer.normalize(piece);
            }
            return splitOn(piece, normalizedTrie);
        });
        return pts;
    }

    private List<PreTokenizedString.Split> splitOn(NormalizedString piece, TokenTrie trie) {
        List<PreTokenizedString.Split> out = new ArrayList<>();
        String s = piece.get();
        if (trie == null || s.isEmpty()) {
            out.add(new PreTokenizedString.Split(piece, null));
            return out;
        }
        IntList ranges = new IntList();
        segments(s, 0, s.length(), trie, ranges);
        for (int r = 0; r < ranges.size(); r += 3) {
            int start = ranges.get(r);
            int stop = ranges.get(r + 1);
            int id = ranges.get(r + 2);
            NormalizedString part = piece.slice(start, stop);
            if (id < 0) {
                out.add(new PreTokenizedString.Split(part, null));
            } else {
                String value = part.get();
                out.add(new PreTokenizedString.Split(part, List.of(new Token(id, value, 0, value.length()))));
            }
        }
        return out;
    }

    /**
     * For a tokenizer without normalizer, or without normalized added tokens: cuts {@code text} into added tokens and the text between them, appending
     * to {@code out} triples {@code (start, end, id)} with id -1 for text; empty stretches are left out. The same
     * cuts as {@link #extractAndNormalize}, without building normalized strings.
     */
    void segments(String text, IntList out) {
        out.clear();
        if (rawTrie == null && normalizedTrie == null) {
            if (!text.isEmpty()) {
                out.add(0);
                out.add(text.length());
                out.add(-1);
            }
            return;
        }
        if (rawTrie == null) {
            segments(text, 0, text.length(), normalizedTrie, out);
            return;
        }
        segments(text, 0, text.length(), rawTrie, out);
        if (normalizedTrie == null) {
            return;
        }
        int n = out.size();
        int[] first = new int[n];
        for (int i = 0; i < n; i++) {
            first[i] = out.get(i);
        }
        out.clear();
        for (int r = 0; r < n; r += 3) {
            if (first[r + 2] >= 0) {
                out.add(first[r]);
                out.add(first[r + 1]);
                out.add(first[r + 2]);
            } else {
                segments(text, first[r], first[r + 1], normalizedTrie, out);
            }
        }
    }

    /**
     * HF's split on added tokens within {@code s[from, to)} (the range standing for a whole string): appends
     * {@code (start, end, id)} triples, id -1 for the text between matches; empty text ranges are left out.
     */
    private void segments(String s, int from, int to, TokenTrie trie, IntList out) {
        int startOffset = from;
        int at = from;
        long found;
        while ((found = trie.leftmostLongest(s, at, to)) >= 0) {
            int start = (int) (found >>> 32);
            int id = (int) found;
            int stop = start + trie.lengthOf(id);
            at = stop;
            AddedToken token = byIndex[indexById.get(id, -1)];
            if (token.singleWord()) {
                boolean startSpace = start == from || !endsWithWordChar(s, start);
                boolean stopSpace = stop == to || !startsWithWordChar(s, stop);
                if (!startSpace || !stopSpace) {
                    continue;
                }
            }
            if (token.lstrip()) {
                int newStart = start;
                while (newStart > from && UnicodeProps.isWhiteSpace(s.codePointBefore(newStart))) {
                    newStart -= Character.charCount(s.codePointBefore(newStart));
                }
                start = Math.max(newStart, startOffset);
            }
            if (token.rstrip()) {
                while (stop < to && UnicodeProps.isWhiteSpace(s.codePointAt(stop))) {
                    stop += Character.charCount(s.codePointAt(stop));
                }
            }
            if (startOffset < start) {
                out.add(startOffset);
                out.add(start);
                out.add(-1);
            }
            out.add(start);
            out.add(stop);
            out.add(id);
            startOffset = stop;
        }
        if (startOffset != to) {
            out.add(startOffset);
            out.add(to);
            out.add(-1);
        }
    }

    /** Rust regex {@code \w$} on the text before {@code at}. */
    private static boolean endsWithWordChar(String s, int at) {
        return isWordChar(s.codePointBefore(at));
    }

    /** Rust regex {@code ^\w} on the text from {@code at}. */
    private static boolean startsWithWordChar(String s, int at) {
        return isWordChar(s.codePointAt(at));
    }

    /** Unicode {@code \w} as Rust's regex crate defines it (UTS#18 word characters). */
    static boolean isWordChar(int c) {
        if (Character.isAlphabetic(c)) {
            return true;
        }
        int t = Character.getType(c);
        return t == Character.NON_SPACING_MARK
                || t == Character.ENCLOSING_MARK
                || t == Character.COMBINING_SPACING_MARK
                || t == Character.DECIMAL_DIGIT_NUMBER
                || t == Character.CONNECTOR_PUNCTUATION
                || c == 0x200C
                || c == 0x200D;
    }
}
