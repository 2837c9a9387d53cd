package dev.tokensmith.core.pretokenizer;

import dev.tokensmith.core.text.NormalizedString;
import dev.tokensmith.core.text.PreTokenizedString;
import java.util.ArrayList;
import java.util.List;

/** What a pre-tokenizer made of a text: each split's normalized text and its offsets in the original. */
record SplitsOf(List<String> texts, List<int[]> offsets) {
    static SplitsOf run(PreTokenizer p, String text) {
        PreTokenizedString s = PreTokenizedString.of(text);
        p.preTokenize(s);
        List<String> texts = new ArrayList<>();
        List<int[]> offsets = new ArrayList<>();
        for (PreTokenizedString.Split split : s.splits()) {
            NormalizedString n = split.normalized();
            texts.add(n.get());
            offsets.add(new int[] {
                n.originalShift(), n.originalShift() + n.original().length()
            });
        }
        return new SplitsOf(texts, offsets);
    }

    /** "text@start-end" per split, for readable assertions. */
    List<String> described() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            out.add(texts.get(i) + "@" + offsets.get(i)[0] + "-" + offsets.get(i)[1]);
        }
        return out;
    }

    static List<String> describe(List<int[]> offsets) {
        List<String> out = new ArrayList<>();
        for (int[] o : offsets) {
            out.add(o[0] + "-" + o[1]);
        }
        return out;
    }

    List<String> describedOffsets() {
        return describe(offsets);
    }
}
