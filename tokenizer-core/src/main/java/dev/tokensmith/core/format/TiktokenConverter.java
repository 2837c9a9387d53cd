package dev.tokensmith.core.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensmith.core.text.ByteLevelAlphabet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts a tiktoken encoding into an HF tokenizer.json that HF tokenizers encodes exactly as tiktoken's {@code
 * encode(text, allowed_special="all")} does. The layout is the one HF transformers' {@code TikTokenConverter}
 * writes (as in Meta's Llama 3 tokenizer.json): no normalizer; a {@code Split} on the pattern (isolated) followed
 * by a {@code ByteLevel} pre-tokenizer without its own regex; a byte-level {@code BPE} with {@code ignore_merges}
 * (tiktoken looks a whole piece up before merging); {@code ByteLevel} post-processor and decoder.
 *
 * <p>Differences from that converter, each needed for exactness:
 *
 * <ul>
 *   <li>merges: one per token, the split tiktoken always builds the token from (the last merge when its own
 *       bytes are merged), ordered by the token's rank, so that HF's merge-by-priority replays tiktoken's
 *       choices. HF transformers instead emits every split whose halves are tokens; where two different splits
 *       of one token sit next to each other in a word, their order then decides the tie, not position as in
 *       tiktoken. Where every token's halves rank below it (all of OpenAI's and Anthropic's released
 *       vocabularies), this split is the one of merging the token's bytes with only the ranks below its own,
 *       the rule behind the released GPT-4o tokenizer.json;
 *   <li>the special tokens are also put in the model's vocabulary at their ids: HF gives an added token the
 *       model's id when the model knows it, and otherwise the next free id after the vocabulary, which is wrong
 *       for vocabularies with gaps (cl100k_base leaves 100256 and 100261..100275 unused);
 *   <li>the pattern is rewritten where Oniguruma (Ruby syntax) reads fancy-regex syntax differently: a
 *       possessive counted repetition becomes an atomic group, {@code $} and {@code ^} become {@code \z} and
 *       {@code \A}.
 * </ul>
 *
 * Like every HF tokenizer, the result always recognises the special tokens in the input; and text the pattern
 * does not match is encoded by HF ({@code Isolated}) but dropped by tiktoken; tiktoken's own patterns match
 * everything.
 */
public final class TiktokenConverter {
    private TiktokenConverter() {}

    /**
     * The tokenizer.json for {@code encoding}.
     *
     * @throws IllegalArgumentException when the encoding cannot be expressed in HF's format: a special token that
     *     collides with a rank or another special token, or a pattern with no Oniguruma equivalent
     */
    public static ObjectNode toTokenizerJson(TiktokenEncoding encoding) {
        MergeableRanks ranks = encoding.ranks();
        checkSpecials(encoding);
        String pattern = FancyRegexToOniguruma.translate(encoding.pattern());

        ObjectNode root = Json.object();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        root.set("added_tokens", addedTokens(encoding));
        root.putNull("normalizer");
        root.set("pre_tokenizer", preTokenizer(pattern));
        root.set("post_processor", byteLevel(true, false, true));
        root.set("decoder", byteLevel(true, true, true));
        root.set("model", model(encoding, ranks));
        return root;
    }

    /**
     * The merges of the conversion, as pairs of token ranks {left, right}, in merge priority order (the rank of
     * the merged token). Each token gets the one split tiktoken builds it from ({@link TiktokenBpe#lastMerge});
     * tokens whose own bytes do not merge into them get none: tiktoken only produces those by looking a whole
     * piece up, which {@code ignore_merges} reproduces.
     */
    public static List<int[]> mergePairs(MergeableRanks ranks) {
        List<int[]> merges = new ArrayList<>(ranks.size());
        for (int e = 0; e < ranks.size(); e++) {
            if (ranks.lengthAt(e) < 2) {
                continue;
            }
            byte[] token = ranks.bytesAt(e);
            int split = TiktokenBpe.lastMerge(ranks, token);
            if (split < 0) {
                continue;
            }
            int left = ranks.rank(token, 0, split);
            int right = ranks.rank(token, split, token.length);
            if (left >= 0 && right >= 0) {
                merges.add(new int[] {left, right});
            }
        }
        return merges;
    }

    private static void checkSpecials(TiktokenEncoding encoding) {
        Map<Integer, String> byId = new HashMap<>();
        for (Map.Entry<String, Integer> e : encoding.specialTokens().entrySet()) {
            int id = e.getValue();
            String other = byId.put(id, e.getKey());
            if (other != null) {
                throw new IllegalArgumentException("special tokens " + other + " and " + e.getKey() + " share id " + id
                        + "; a tokenizer.json gives each id one token");
            }
            if (encoding.ranks().containsRank(id)) {
                throw new IllegalArgumentException("special token " + e.getKey() + " has id " + id
                        + ", which is also the rank of an ordinary token");
            }
            byte[] asBytes = ByteLevelAlphabet.decode(e.getKey());
            if (asBytes != null && encoding.ranks().rank(asBytes) >= 0) {
                throw new IllegalArgumentException("special token " + e.getKey()
                        + " reads as the byte-level form of an ordinary token; HF would give it that token's id");
            }
        }
    }

    private static ArrayNode addedTokens(TiktokenEncoding encoding) {
        ArrayNode added = Json.array();
        for (Map.Entry<String, Integer> e : encoding.specialTokens().entrySet()) {
            ObjectNode t = added.addObject();
            t.put("id", e.getValue());
            t.put("content", e.getKey());
            t.put("single_word", false);
            t.put("lstrip", false);
            t.put("rstrip", false);
            t.put("normalized", false);
            t.put("special", true);
        }
        return added;
    }

    private static ObjectNode preTokenizer(String pattern) {
        ObjectNode split = Json.typed("Split");
        split.putObject("pattern").put("Regex", pattern);
        split.put("behavior", "Isolated");
        split.put("invert", false);
        ObjectNode sequence = Json.typed("Sequence");
        ArrayNode steps = sequence.putArray("pretokenizers");
        steps.add(split);
        steps.add(byteLevel(false, true, false));
        return sequence;
    }

    private static ObjectNode byteLevel(boolean addPrefixSpace, boolean trimOffsets, boolean useRegex) {
        ObjectNode n = Json.typed("ByteLevel");
        n.put("add_prefix_space", addPrefixSpace);
        n.put("trim_offsets", trimOffsets);
        n.put("use_regex", useRegex);
        return n;
    }

    private static ObjectNode model(TiktokenEncoding encoding, MergeableRanks ranks) {
        ObjectNode model = Json.typed("BPE");
        model.putNull("dropout");
        model.putNull("unk_token");
        model.putNull("continuing_subword_prefix");
        model.putNull("end_of_word_suffix");
        model.put("fuse_unk", false);
        model.put("byte_fallback", false);
        model.put("ignore_merges", true);

        // the vocabulary in id order, as HF writes it: ranks and special tokens interleaved
        ObjectNode vocab = model.putObject("vocab");
        List<Map.Entry<String, Integer>> specials =
                new ArrayList<>(encoding.specialTokens().entrySet());
        int s = 0;
        for (int e = 0; e < ranks.size(); e++) {
            int rank = ranks.rankAt(e);
            while (s < specials.size() && specials.get(s).getValue() < rank) {
                vocab.put(specials.get(s).getKey(), specials.get(s).getValue());
                s++;
            }
            byte[] token = ranks.bytesAt(e);
            vocab.put(ByteLevelAlphabet.encode(token, 0, token.length), rank);
        }
        for (; s < specials.size(); s++) {
            vocab.put(specials.get(s).getKey(), specials.get(s).getValue());
        }

        ArrayNode merges = model.putArray("merges");
        for (int[] pair : mergePairs(ranks)) {
            ArrayNode m = merges.addArray();
            m.add(byteLevelString(ranks, pair[0]));
            m.add(byteLevelString(ranks, pair[1]));
        }
        return model;
    }

    private static String byteLevelString(MergeableRanks ranks, int rank) {
        byte[] b = ranks.bytes(rank);
        return ByteLevelAlphabet.encode(b, 0, b.length);
    }
}
