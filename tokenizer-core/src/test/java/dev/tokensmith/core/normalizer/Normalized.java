package dev.tokensmith.core.normalizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.text.NormalizedString;
import java.util.ArrayList;
import java.util.List;

/** Test helper: runs a normalizer and shows, per normalized code point, the original range it aligns with. */
final class Normalized {
    private Normalized() {}

    static NormalizedString run(Normalizer n, String input) {
        NormalizedString s = NormalizedString.of(input);
        n.normalize(s);
        return s;
    }

    /** "start..end" (UTF-16 units of the input) for each code point of the normalized text. */
    static List<String> offsets(NormalizedString s) {
        List<String> out = new ArrayList<>();
        String t = s.get();
        for (int i = 0; i < t.length(); i += Character.charCount(t.codePointAt(i))) {
            out.add(s.alignedStart(i) + ".." + s.alignedEnd(i));
        }
        return out;
    }

    /** Asserts the normalized text and the per-code-point offsets. */
    static void check(Normalizer n, String input, String text, String... offsets) {
        NormalizedString s = run(n, input);
        assertThat(s.get()).isEqualTo(text);
        assertThat(offsets(s)).containsExactly(offsets);
    }

    /** Asserts that HF tokenizers (DJL's binding) gives the same text and offsets as ours for every input. */
    static void matchesHf(Normalizer n, List<String> inputs) {
        List<List<HfOracle.Piece>> hf = HfOracle.hfAll(n, inputs);
        for (int i = 0; i < inputs.size(); i++) {
            assertThat(HfOracle.ours(n, inputs.get(i)))
                    .as("%s on %s", n, HfOracle.escape(inputs.get(i)))
                    .isEqualTo(hf.get(i));
        }
    }
}
