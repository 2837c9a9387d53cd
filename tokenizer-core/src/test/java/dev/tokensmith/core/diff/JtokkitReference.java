package dev.tokensmith.core.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.GptBytePairEncodingParams;
import com.knuddels.jtokkit.api.IntArrayList;
import dev.tokensmith.core.format.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * tiktoken (as ported to Java by JTokkit) as the reference for the OpenAI encodings and Anthropic's claude.json.
 *
 * <p>Special tokens in the text are recognized, as tiktoken's {@code encode(text, allowed_special="all")} does and
 * as a Tokensmith tokenizer (like HF) always does with its special added tokens: JTokkit's own {@code encode}
 * throws on them and {@code encodeOrdinary} reads them as plain text, so the text is split at special tokens here
 * (leftmost, then longest) and the pieces in between go through {@code encodeOrdinary}. tiktoken adds no tokens of
 * its own, so {@code addSpecialTokens} changes nothing. No offsets: tiktoken has none.
 *
 * <p>Unpaired surrogates become U+FFFD first, as tiktoken's Python {@code encode} does (JTokkit would turn them
 * into {@code ?}). The claude reference also applies NFKC first, as {@code @anthropic-ai/tokenizer}'s
 * {@code countTokens} does. JTokkit matches tiktoken's regexes with {@code java.util.regex} (Unicode classes), an
 * approximation of the Rust regex crates that tiktoken uses; suspicious mismatches on exotic text should be
 * checked against Python tiktoken.
 */
public final class JtokkitReference implements ReferenceTokenizer {
    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

    /** tiktoken's special tokens per built-in encoding (tiktoken_ext/openai_public.py). */
    private static final Map<String, Map<String, Integer>> BUILTIN_SPECIALS = Map.of(
            "r50k_base", Map.of("<|endoftext|>", 50256),
            "p50k_base", Map.of("<|endoftext|>", 50256),
            "p50k_edit",
                    Map.of(
                            "<|endoftext|>", 50256,
                            "<|fim_prefix|>", 50281,
                            "<|fim_middle|>", 50282,
                            "<|fim_suffix|>", 50283),
            "cl100k_base",
                    Map.of(
                            "<|endoftext|>", 100257,
                            "<|fim_prefix|>", 100258,
                            "<|fim_middle|>", 100259,
                            "<|fim_suffix|>", 100260,
                            "<|endofprompt|>", 100276),
            "o200k_base", Map.of("<|endoftext|>", 199999, "<|endofprompt|>", 200018));

    private final String name;
    private final Encoding encoding;
    private final Map<String, Integer> specials;
    private final Map<Integer, String> specialIds = new HashMap<>();
    private final boolean nfkc;

    private JtokkitReference(String name, Encoding encoding, Map<String, Integer> specials, boolean nfkc) {
        this.name = name;
        this.encoding = encoding;
        this.specials = Map.copyOf(specials);
        this.nfkc = nfkc;
        specials.forEach((k, v) -> specialIds.put(v, k));
    }

    /** A built-in encoding: {@code r50k_base}, {@code p50k_base}, {@code p50k_edit}, {@code cl100k_base}, {@code o200k_base}. */
    public static JtokkitReference builtin(String encodingName) {
        Map<String, Integer> specials = BUILTIN_SPECIALS.get(encodingName);
        if (specials == null) {
            throw new IllegalArgumentException("not a tiktoken built-in: " + encodingName);
        }
        Encoding e = REGISTRY.getEncoding(encodingName).orElseThrow();
        return new JtokkitReference(encodingName, e, specials, false);
    }

    /**
     * Anthropic's legacy tokenizer from its claude.json ({@code pat_str}, {@code special_tokens}, and
     * {@code bpe_ranks} in the js-tiktoken form: lines of "{@code <text> <first rank> <base64 token>...}").
     */
    public static synchronized JtokkitReference claude(Path claudeJson) {
        String encodingName = "claude-" + claudeJson.toAbsolutePath();
        Encoding e = REGISTRY.getEncoding(encodingName).orElse(null);
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(claudeJson.toFile());
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + claudeJson, ex);
        }
        Map<String, Integer> specials = new LinkedHashMap<>();
        root.get("special_tokens")
                .properties()
                .forEach(en -> specials.put(en.getKey(), en.getValue().asInt()));
        if (e == null) {
            Map<byte[], Integer> ranks = new HashMap<>();
            Base64.Decoder b64 = Base64.getDecoder();
            for (String line : root.get("bpe_ranks").asText().split("\n")) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] parts = line.split(" ");
                int offset = Integer.parseInt(parts[1]);
                for (int i = 2; i < parts.length; i++) {
                    ranks.put(b64.decode(parts[i]), offset + i - 2);
                }
            }
            Pattern pattern = Pattern.compile(root.get("pat_str").asText(), Pattern.UNICODE_CHARACTER_CLASS);
            // JTokkit insists that special tokens look like <|...|>; this class handles them itself anyway.
            REGISTRY.registerGptBytePairEncoding(new GptBytePairEncodingParams(encodingName, pattern, ranks, Map.of()));
            e = REGISTRY.getEncoding(encodingName).orElseThrow();
        }
        return new JtokkitReference("claude", e, specials, true);
    }

    @Override
    public String name() {
        return "jtokkit:" + name;
    }

    @Override
    public boolean supportsOffsets() {
        return false;
    }

    public Map<String, Integer> specialTokens() {
        return specials;
    }

    @Override
    public Encoded encode(String text, boolean addSpecialTokens) {
        String s = replaceUnpairedSurrogates(text);
        if (nfkc) {
            String current = Normalizer.normalize(s, Normalizer.Form.NFKC);
            // Tokensmith's NFKC is HF's, whose tables are Unicode 9; the JS reference normalizes with today's
            // Unicode. Where the two versions disagree (marks and compatibility characters assigned since), the
            // input is not comparable: a documented divergence, not a tokenizer bug.
            dev.tokensmith.core.text.NormalizedString hf = dev.tokensmith.core.text.NormalizedString.of(s);
            new dev.tokensmith.core.normalizer.Nfkc().normalize(hf);
            if (!hf.get().equals(current)) {
                throw new IllegalArgumentException(
                        "NFKC differs between Unicode 9 (HF) and the current Unicode on this input");
            }
            s = current;
        }
        IntArrayList out = new IntArrayList(Math.max(8, s.length() / 3));
        int from = 0;
        while (from <= s.length()) {
            int at = -1;
            String special = null;
            for (String sp : specials.keySet()) {
                int i = s.indexOf(sp, from);
                if (i >= 0 && (at < 0 || i < at || (i == at && sp.length() > special.length()))) {
                    at = i;
                    special = sp;
                }
            }
            int end = at < 0 ? s.length() : at;
            if (end > from) {
                IntArrayList piece = encoding.encodeOrdinary(s.substring(from, end));
                for (int i = 0; i < piece.size(); i++) {
                    out.add(piece.get(i));
                }
            }
            if (at < 0) {
                break;
            }
            out.add(specials.get(special));
            from = at + special.length();
        }
        return Encoded.idsOnly(out.toArray());
    }

    @Override
    public String decode(int[] ids, boolean skipSpecialTokens) {
        // Bytes first, text last: a special token may sit between the byte tokens of one character.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(ids.length * 4);
        IntArrayList run = new IntArrayList(ids.length);
        for (int id : ids) {
            String special = specialIds.get(id);
            if (special == null) {
                run.add(id);
                continue;
            }
            bytes.writeBytes(encoding.decodeBytes(run));
            run.clear();
            if (!skipSpecialTokens) {
                bytes.writeBytes(special.getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.writeBytes(encoding.decodeBytes(run));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** {@code s} with every surrogate that is not half of a pair replaced by U+FFFD. */
    static String replaceUnpairedSurrogates(String s) {
        int bad = DjlReference.firstUnpairedSurrogate(s);
        if (bad < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                b.append('\uFFFD');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return name();
    }
}
