package dev.tokensmith.transplant.method;

import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.model.WordPiece;
import dev.tokensmith.core.text.IntList;
import dev.tokensmith.core.text.PreTokenizedString;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * A WordPiece splitter over a restricted vocabulary: the old tokenizer's normalizer and pre-tokenizer, then
 * WordPiece's greedy longest match over the allowed tokens only (so a vocabulary with tokens held out splits
 * as if they had never been there). A word that cannot be covered contributes no pieces, as WordPiece would
 * map it to the unknown token.
 */
final class WordPieceSplitter implements OldTokenSplitter {
    private final Tokenizer tokenizer;
    private final Map<String, Integer> vocab = new HashMap<>();
    private final String[] texts;
    private final String prefix;
    private final int maxLength;

    WordPieceSplitter(Tokenizer tokenizer, IntPredicate allowed) {
        this.tokenizer = tokenizer;
        this.prefix = WordPiece.DEFAULT_CONTINUING_SUBWORD_PREFIX;
        Map<String, Integer> all = tokenizer.vocab(false);
        int limit = all.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        this.texts = new String[limit];
        int longest = 1;
        for (Map.Entry<String, Integer> e : all.entrySet()) {
            String t = e.getKey();
            texts[e.getValue()] =
                    t.startsWith(prefix) && t.length() > prefix.length() ? t.substring(prefix.length()) : t;
            if (allowed.test(e.getValue())) {
                vocab.put(t, e.getValue());
                longest = Math.max(longest, t.length());
            }
        }
        this.maxLength = longest;
    }

    @Override
    public int[] split(String text) {
        boolean continuation = !text.isEmpty() && startsContinuation(text);
        IntList out = new IntList();
        boolean first = true;
        for (PreTokenizedString.Split s : tokenizer.preTokenize(text)) {
            String word = s.normalized().get();
            if (!word.isEmpty()) {
                matchWord(word, first && continuation, out);
                first = false;
            }
        }
        return out.toArray();
    }

    /** A canonical text without a leading space that starts with a letter or digit continues a word. */
    private static boolean startsContinuation(String text) {
        int cp = text.codePointAt(0);
        return Character.isLetterOrDigit(cp) && Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN;
    }

    private void matchWord(String word, boolean continuation, IntList out) {
        int n = word.length();
        int start = 0;
        IntList pieces0 = new IntList();
        while (start < n) {
            String p = start > 0 || continuation ? prefix : "";
            int end = Math.min(n, start + maxLength);
            Integer found = null;
            int foundEnd = -1;
            for (; end > start; end--) {
                if (end < n && Character.isLowSurrogate(word.charAt(end))) {
                    continue;
                }
                Integer id = vocab.get(p + word.substring(start, end));
                if (id != null) {
                    found = id;
                    foundEnd = end;
                    break;
                }
            }
            if (found == null) {
                return;
            }
            pieces0.add(found);
            start = foundEnd;
        }
        int[] pieces = pieces0.toArray();
        out.addAll(pieces, 0, pieces.length);
    }

    @Override
    public String text(int oldId) {
        return oldId < texts.length && texts[oldId] != null ? texts[oldId] : "";
    }
}
