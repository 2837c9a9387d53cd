package dev.tokensmith.transplant.align;

import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.text.IntList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which tokens of a source tokenizer (the model's old one) and a target tokenizer (its new one) stand for the same
 * thing: ordinary tokens when their canonical bytes are equal ({@link TokenSpelling}), special tokens by role, then
 * by exact text. Every target token is either shared (it has a source token) or new; every source token whose
 * bytes no target token has is dropped. Every special token of either side keeps a row of its own, even when
 * several take their start from one source token.
 *
 * <pre>{@code
 * VocabAlignment a = VocabAlignment.between(Tokenizers.load("cl100k_base"), Tokenizers.load("o200k_base"));
 * int source = a.sourceOf(targetId); // -1: a new token
 * }</pre>
 */
public final class VocabAlignment {
    /** How a special row was matched. */
    public enum Match {
        /** Both tokens play the same role. */
        ROLE,
        /** Both sides have a special token with this exact text. */
        TEXT,
        /** The source token plays the stand-in role ({@code cls} for {@code bos}, {@code sep} for {@code eos}). */
        STAND_IN_ROLE,
        /** A target special token with no source. */
        NEW,
        /** A source special token no target row takes. */
        DROPPED
    }

    /**
     * One special token's row.
     *
     * @param targetId the target token, or -1 for a dropped source token
     * @param targetToken its text, or null
     * @param sourceId the source token it starts from, or -1 for a new token
     * @param sourceToken its text, or null
     * @param roles the roles of the target token (of the source token for a dropped row)
     * @param match how the row was matched
     */
    public record SpecialRow(
            int targetId, String targetToken, int sourceId, String sourceToken, Set<SpecialRole> roles, Match match) {
        public SpecialRow {
            roles = Collections.unmodifiableSet(roles);
        }
    }

    private final CanonicalVocab from;
    private final CanonicalVocab to;
    private final int[] sourceOfTarget;
    private final int[] targetOfSource;
    private final int[] sharedTargets;
    private final int[] newTargets;
    private final int[] droppedSources;
    private final List<SpecialRow> specialRows;

    private VocabAlignment(
            CanonicalVocab from,
            CanonicalVocab to,
            int[] sourceOfTarget,
            int[] targetOfSource,
            int[] sharedTargets,
            int[] newTargets,
            int[] droppedSources,
            List<SpecialRow> specialRows) {
        this.from = from;
        this.to = to;
        this.sourceOfTarget = sourceOfTarget;
        this.targetOfSource = targetOfSource;
        this.sharedTargets = sharedTargets;
        this.newTargets = newTargets;
        this.droppedSources = droppedSources;
        this.specialRows = List.copyOf(specialRows);
    }

    /** Aligns two tokenizers with their detected special roles. */
    public static VocabAlignment between(Tokenizer from, Tokenizer to) {
        return between(CanonicalVocab.of(from, Map.of()), CanonicalVocab.of(to, Map.of()));
    }

    /** Aligns two canonical vocabularies (built with the role overrides each side needs). */
    public static VocabAlignment between(CanonicalVocab from, CanonicalVocab to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        int[] sourceOfTarget = new int[to.idLimit()];
        int[] targetOfSource = new int[from.idLimit()];
        Arrays.fill(sourceOfTarget, -1);
        Arrays.fill(targetOfSource, -1);
        IntList shared = new IntList();
        IntList added = new IntList();
        for (int t = 0; t < to.idLimit(); t++) {
            if (!to.has(t) || to.isSpecial(t)) {
                continue;
            }
            int s = from.primaryId(CanonicalVocab.key(to.bytesUnsafe(t)));
            sourceOfTarget[t] = s;
            (s >= 0 ? shared : added).add(t);
        }
        IntList dropped = new IntList();
        for (int s = 0; s < from.idLimit(); s++) {
            if (!from.has(s) || from.isSpecial(s)) {
                continue;
            }
            int t = to.primaryId(CanonicalVocab.key(from.bytesUnsafe(s)));
            targetOfSource[s] = t;
            if (t < 0) {
                dropped.add(s);
            }
        }
        List<SpecialRow> rows = specialRows(from, to);
        for (SpecialRow r : rows) {
            if (r.targetId() >= 0) {
                sourceOfTarget[r.targetId()] = r.sourceId();
            }
            if (r.sourceId() >= 0 && r.targetId() >= 0 && targetOfSource[r.sourceId()] < 0) {
                targetOfSource[r.sourceId()] = r.targetId();
            }
        }
        return new VocabAlignment(
                from, to, sourceOfTarget, targetOfSource, shared.toArray(), added.toArray(), dropped.toArray(), rows);
    }

    private static List<SpecialRow> specialRows(CanonicalVocab from, CanonicalVocab to) {
        SpecialTokens fs = from.specials();
        SpecialTokens ts = to.specials();
        List<SpecialRow> rows = new ArrayList<>();
        Set<Integer> usedSources = new HashSet<>();
        for (Map.Entry<Integer, String> e : ts.tokens().entrySet()) {
            int t = e.getKey();
            Set<SpecialRole> roles = ts.rolesOf(t);
            int s = -1;
            Match match = Match.NEW;
            for (SpecialRole r : roles) {
                SpecialTokens.RoleToken rt = fs.roles().get(r);
                if (rt != null) {
                    s = rt.id();
                    match = Match.ROLE;
                    break;
                }
            }
            if (s < 0) {
                int same = from.tokenizer().tokenToId(e.getValue());
                if (same >= 0 && fs.isSpecial(same)) {
                    s = same;
                    match = Match.TEXT;
                }
            }
            if (s < 0) {
                for (SpecialRole r : roles) {
                    SpecialTokens.RoleToken rt = fs.forRole(r);
                    if (rt != null) {
                        s = rt.id();
                        match = Match.STAND_IN_ROLE;
                        break;
                    }
                }
            }
            if (s >= 0) {
                usedSources.add(s);
            }
            rows.add(new SpecialRow(t, e.getValue(), s, s >= 0 ? from.token(s) : null, roles, match));
        }
        for (Map.Entry<Integer, String> e : fs.tokens().entrySet()) {
            if (!usedSources.contains(e.getKey())) {
                rows.add(new SpecialRow(-1, null, e.getKey(), e.getValue(), fs.rolesOf(e.getKey()), Match.DROPPED));
            }
        }
        return rows;
    }

    public CanonicalVocab from() {
        return from;
    }

    public CanonicalVocab to() {
        return to;
    }

    /** The source token a target token starts from, or -1 when it is new (or no such id). */
    public int sourceOf(int targetId) {
        return targetId >= 0 && targetId < sourceOfTarget.length ? sourceOfTarget[targetId] : -1;
    }

    /**
     * The target token with the same bytes as a source token (the primary one), or for a special source token the
     * first row that takes it; -1 when the source token is dropped (or no such id).
     */
    public int targetOf(int sourceId) {
        return sourceId >= 0 && sourceId < targetOfSource.length ? targetOfSource[sourceId] : -1;
    }

    /** Ordinary target tokens that have a source token, in id order. */
    public int[] sharedTargetIds() {
        return sharedTargets.clone();
    }

    /** The source token of each of {@link #sharedTargetIds()}, in the same order: the rows to copy. */
    public int[] sharedSourceIds() {
        int[] out = new int[sharedTargets.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = sourceOfTarget[sharedTargets[i]];
        }
        return out;
    }

    /** Ordinary target tokens without a source token, in id order. */
    public int[] newTargetIds() {
        return newTargets.clone();
    }

    /** Ordinary source tokens whose bytes no target token has, in id order. */
    public int[] droppedSourceIds() {
        return droppedSources.clone();
    }

    /** One row per special token of either side: target rows in target id order, then dropped source rows. */
    public List<SpecialRow> specialRows() {
        return specialRows;
    }
}
