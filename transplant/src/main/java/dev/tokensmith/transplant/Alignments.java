package dev.tokensmith.transplant;

import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.transplant.align.VocabAlignment;
import dev.tokensmith.transplant.method.VocabMapping;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a {@link VocabAlignment} into what the methods need: ordinary tokens shared on their canonical bytes and
 * special tokens matched by role or text become {@code (oldId, newId)} pairs (their rows are copied); ordinary
 * new tokens and new special tokens need estimated rows, with their canonical bytes as surface text.
 *
 * <pre>{@code
 * VocabMapping m = Alignments.mapping(oldTokenizer, newTokenizer);
 * }</pre>
 */
public final class Alignments {
    private Alignments() {}

    /** Aligns the two tokenizers (detected special roles) and maps the result. */
    public static VocabMapping mapping(Tokenizer oldTokenizer, Tokenizer newTokenizer) {
        return mapping(VocabAlignment.between(oldTokenizer, newTokenizer));
    }

    public static VocabMapping mapping(VocabAlignment a) {
        List<Integer> sharedOld = new ArrayList<>();
        List<Integer> sharedNew = new ArrayList<>();
        int[] shared = a.sharedTargetIds();
        for (int t : shared) {
            sharedOld.add(a.sourceOf(t));
            sharedNew.add(t);
        }
        List<Integer> added =
                new ArrayList<>(Arrays.stream(a.newTargetIds()).boxed().toList());
        List<String> texts = new ArrayList<>();
        for (int t : a.newTargetIds()) {
            byte[] b = a.to().bytes(t);
            texts.add(b == null ? "" : new String(b, StandardCharsets.UTF_8));
        }
        for (VocabAlignment.SpecialRow r : a.specialRows()) {
            if (r.targetId() < 0) {
                continue;
            }
            if (r.sourceId() >= 0) {
                sharedOld.add(r.sourceId());
                sharedNew.add(r.targetId());
            } else {
                added.add(r.targetId());
                texts.add(r.targetToken());
            }
        }
        return new VocabMapping(
                a.to().idLimit(),
                sharedOld.stream().mapToInt(Integer::intValue).toArray(),
                sharedNew.stream().mapToInt(Integer::intValue).toArray(),
                added.stream().mapToInt(Integer::intValue).toArray(),
                texts.toArray(String[]::new));
    }
}
