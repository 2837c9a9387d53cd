package dev.tokensmith.transplant.align;

import dev.tokensmith.core.AddedToken;
import dev.tokensmith.core.Padding;
import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.model.Bpe;
import dev.tokensmith.core.model.Model;
import dev.tokensmith.core.model.Unigram;
import dev.tokensmith.core.model.WordLevel;
import dev.tokensmith.core.model.WordPiece;
import dev.tokensmith.core.processor.BertProcessing;
import dev.tokensmith.core.processor.Piece;
import dev.tokensmith.core.processor.PostProcessor;
import dev.tokensmith.core.processor.RobertaProcessing;
import dev.tokensmith.core.processor.TemplateProcessing;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A tokenizer's special tokens and the roles they play. Special are: added tokens marked special, the model's
 * unknown token, tokens the post-processor inserts, WordPiece's bracketed placeholders ({@code [unused0]}), and
 * tokens a user names for a role. Roles come, first found first, from the user's overrides, the post-processor
 * (what it puts before the sequence is {@code bos}, or {@code cls} when so named; after it {@code eos} or {@code
 * sep}), the model's unknown token, the padding token, then common names ({@code <s>}, {@code </s>}, {@code
 * [CLS]}, {@code <|endoftext|>}, {@code <|begin_of_text|>}, ...).
 *
 * <pre>{@code
 * SpecialTokens s = SpecialTokens.detect(tokenizer, Map.of(SpecialRole.EOS, "<|eot_id|>"));
 * int eos = s.roles().get(SpecialRole.EOS);
 * }</pre>
 */
public final class SpecialTokens {
    private static final Pattern BRACKETED = Pattern.compile("\\[[A-Za-z_]+[0-9]*\\]");

    private static final Map<String, SpecialRole> NAMES = Map.ofEntries(
            Map.entry("<s>", SpecialRole.BOS),
            Map.entry("<bos>", SpecialRole.BOS),
            Map.entry("<|bos|>", SpecialRole.BOS),
            Map.entry("[bos]", SpecialRole.BOS),
            Map.entry("<sos>", SpecialRole.BOS),
            Map.entry("<|begin_of_text|>", SpecialRole.BOS),
            Map.entry("<|startoftext|>", SpecialRole.BOS),
            Map.entry("</s>", SpecialRole.EOS),
            Map.entry("<eos>", SpecialRole.EOS),
            Map.entry("<|eos|>", SpecialRole.EOS),
            Map.entry("[eos]", SpecialRole.EOS),
            Map.entry("<eot>", SpecialRole.EOS),
            Map.entry("<|end_of_text|>", SpecialRole.EOS),
            Map.entry("<|endoftext|>", SpecialRole.EOS),
            Map.entry("<pad>", SpecialRole.PAD),
            Map.entry("<|pad|>", SpecialRole.PAD),
            Map.entry("[pad]", SpecialRole.PAD),
            Map.entry("<|padding|>", SpecialRole.PAD),
            Map.entry("<unk>", SpecialRole.UNK),
            Map.entry("<|unk|>", SpecialRole.UNK),
            Map.entry("[unk]", SpecialRole.UNK),
            Map.entry("[cls]", SpecialRole.CLS),
            Map.entry("<cls>", SpecialRole.CLS),
            Map.entry("<|cls|>", SpecialRole.CLS),
            Map.entry("[sep]", SpecialRole.SEP),
            Map.entry("<sep>", SpecialRole.SEP),
            Map.entry("<|sep|>", SpecialRole.SEP),
            Map.entry("[mask]", SpecialRole.MASK),
            Map.entry("<mask>", SpecialRole.MASK),
            Map.entry("<|mask|>", SpecialRole.MASK));

    /** Where a role's token was found. */
    public enum Source {
        OVERRIDE,
        POST_PROCESSOR,
        MODEL_UNKNOWN,
        PADDING,
        NAME
    }

    /** A role's token and where it was found. */
    public record RoleToken(int id, String token, Source source) {}

    private final SortedMap<Integer, String> tokens;
    private final Map<SpecialRole, RoleToken> roles;

    private SpecialTokens(SortedMap<Integer, String> tokens, Map<SpecialRole, RoleToken> roles) {
        this.tokens = Collections.unmodifiableSortedMap(tokens);
        this.roles = Collections.unmodifiableMap(roles);
    }

    /**
     * Finds the special tokens of {@code tokenizer} and their roles.
     *
     * @param overrides role to token text; the token must be in the tokenizer (it becomes special if it was not)
     * @throws IllegalArgumentException when an override names a token the tokenizer does not have
     */
    public static SpecialTokens detect(Tokenizer tokenizer, Map<SpecialRole, String> overrides) {
        SortedMap<Integer, String> tokens = new TreeMap<>();
        for (AddedToken a : tokenizer.addedTokens()) {
            if (a.special()) {
                tokens.put(tokenizer.tokenToId(a.content()), a.content());
            }
        }
        Model model = tokenizer.model();
        String unk = unknownToken(model);
        if (unk != null && tokenizer.tokenToId(unk) >= 0) {
            tokens.put(tokenizer.tokenToId(unk), unk);
        }
        if (model instanceof WordPiece) {
            for (Map.Entry<String, Integer> e : model.vocab().entrySet()) {
                if (BRACKETED.matcher(e.getKey()).matches()) {
                    tokens.put(e.getValue(), e.getKey());
                }
            }
        }
        Map<SpecialRole, RoleToken> roles = new EnumMap<>(SpecialRole.class);
        for (Map.Entry<SpecialRole, String> o : overrides.entrySet()) {
            int id = tokenizer.tokenToId(o.getValue());
            if (id < 0) {
                throw new IllegalArgumentException("the " + o.getKey().label() + " override names \"" + o.getValue()
                        + "\", which is not a token of this tokenizer");
            }
            tokens.put(id, o.getValue());
            roles.put(o.getKey(), new RoleToken(id, o.getValue(), Source.OVERRIDE));
        }
        tokenizer.postProcessor().ifPresent(p -> fromProcessor(p, tokenizer, tokens, roles));
        if (unk != null && tokenizer.tokenToId(unk) >= 0) {
            roles.putIfAbsent(SpecialRole.UNK, new RoleToken(tokenizer.tokenToId(unk), unk, Source.MODEL_UNKNOWN));
        }
        Padding padding = tokenizer.padding().orElse(null);
        if (padding != null && padding.padToken() != null && tokenizer.tokenToId(padding.padToken()) >= 0) {
            int id = tokenizer.tokenToId(padding.padToken());
            tokens.put(id, padding.padToken());
            roles.putIfAbsent(SpecialRole.PAD, new RoleToken(id, padding.padToken(), Source.PADDING));
        }
        for (Map.Entry<Integer, String> e : tokens.entrySet()) {
            SpecialRole r = NAMES.get(e.getValue().toLowerCase(Locale.ROOT));
            if (r != null) {
                roles.putIfAbsent(r, new RoleToken(e.getKey(), e.getValue(), Source.NAME));
            }
        }
        return new SpecialTokens(tokens, roles);
    }

    /** The special tokens, id to text, in id order. */
    public SortedMap<Integer, String> tokens() {
        return tokens;
    }

    /** The roles found, each with its token. */
    public Map<SpecialRole, RoleToken> roles() {
        return roles;
    }

    public boolean isSpecial(int id) {
        return tokens.containsKey(id);
    }

    /** The roles token {@code id} plays, in role order. */
    public Set<SpecialRole> rolesOf(int id) {
        Set<SpecialRole> out = EnumSet.noneOf(SpecialRole.class);
        roles.forEach((r, t) -> {
            if (t.id() == id) {
                out.add(r);
            }
        });
        return out;
    }

    /** The token playing {@code role}, or that of its stand-in role; null when neither is found. */
    public RoleToken forRole(SpecialRole role) {
        RoleToken t = roles.get(role);
        if (t == null && role.standIn() != null) {
            t = roles.get(role.standIn());
        }
        return t;
    }

    private static String unknownToken(Model model) {
        return switch (model) {
            case Bpe b -> b.unkToken();
            case WordPiece w -> w.unkToken();
            case WordLevel w -> w.unkToken();
            case Unigram u -> u.unkId() >= 0 ? u.idToToken(u.unkId()) : null;
        };
    }

    private static void fromProcessor(
            PostProcessor p, Tokenizer t, SortedMap<Integer, String> tokens, Map<SpecialRole, RoleToken> roles) {
        switch (p) {
            case dev.tokensmith.core.processor.Sequence s ->
                s.processors().forEach(x -> fromProcessor(x, t, tokens, roles));
            case BertProcessing b -> {
                put(t, b.cls(), SpecialRole.CLS, tokens, roles);
                put(t, b.sep(), SpecialRole.SEP, tokens, roles);
            }
            case RobertaProcessing r -> {
                put(t, r.cls(), SpecialRole.CLS, tokens, roles);
                put(t, r.cls(), SpecialRole.BOS, tokens, roles);
                put(t, r.sep(), SpecialRole.SEP, tokens, roles);
                put(t, r.sep(), SpecialRole.EOS, tokens, roles);
            }
            case TemplateProcessing tp -> fromTemplate(tp, t, tokens, roles);
            default -> {}
        }
    }

    private static void fromTemplate(
            TemplateProcessing tp, Tokenizer t, SortedMap<Integer, String> tokens, Map<SpecialRole, RoleToken> roles) {
        boolean afterSequence = false;
        List<Piece> single = tp.single();
        for (Piece piece : single) {
            if (piece instanceof Piece.Sequence) {
                afterSequence = true;
                continue;
            }
            Piece.SpecialToken st = (Piece.SpecialToken) piece;
            var special = tp.specialTokens().get(st.id());
            if (special == null || special.tokens().size() != 1) {
                continue;
            }
            String token = special.tokens().getFirst();
            String lower = token.toLowerCase(Locale.ROOT);
            SpecialRole role = afterSequence
                    ? (lower.contains("sep") ? SpecialRole.SEP : SpecialRole.EOS)
                    : (lower.contains("cls") ? SpecialRole.CLS : SpecialRole.BOS);
            put(t, token, role, tokens, roles);
        }
    }

    private static void put(
            Tokenizer t,
            String token,
            SpecialRole role,
            SortedMap<Integer, String> tokens,
            Map<SpecialRole, RoleToken> roles) {
        int id = t.tokenToId(token);
        if (id < 0) {
            return;
        }
        tokens.put(id, token);
        roles.putIfAbsent(role, new RoleToken(id, token, Source.POST_PROCESSOR));
    }
}
