package dev.tokensmith.core.pretokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.text.PreTokenizedString;
import dev.tokensmith.core.text.SplitBehavior;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetaspaceTest {
    private static final Split ISOLATE_S_TAGS = Split.regex("(<s>)", SplitBehavior.ISOLATED, false);

    @Test
    void replacesSpacesAndSplitsBeforeEachReplacement() {
        // HF metaspace.rs tests::basic
        assertThat(SplitsOf.run(new Metaspace(), "Hey friend!").described())
                .containsExactly("▁Hey@0-3", "▁friend!@3-11");
    }

    @Test
    void eachSpaceOfARunStartsASplit() {
        // HF metaspace.rs tests::multiple_spaces
        assertThat(SplitsOf.run(new Metaspace(), "Hey   friend!").described())
                .containsExactly("▁Hey@0-3", "▁@3-4", "▁@4-5", "▁friend!@5-13");
    }

    @Test
    void firstSchemePrependsOnlyAtTheStartOfTheInput() {
        // HF metaspace.rs tests::non_legacy_meta_space
        Metaspace first = new Metaspace(Metaspace.DEFAULT_REPLACEMENT, PrependScheme.FIRST, false);
        assertThat(texts("Hey my friend <s>how▁are you", ISOLATE_S_TAGS, first))
                .containsExactly("▁Hey▁my▁friend▁", "<s>", "how▁are▁you");
        assertThat(texts(" Hey <s>how", ISOLATE_S_TAGS, first)).containsExactly("▁Hey▁", "<s>", "how");
        assertThat(texts(" Hey <s>how <s>are <s> you", ISOLATE_S_TAGS, first))
                .containsExactly("▁Hey▁", "<s>", "how▁", "<s>", "are▁", "<s>", "▁you");
    }

    @Test
    void alwaysSchemePrependsToEverySplit() {
        // HF metaspace.rs tests::non_legacy_meta_space, second part
        Metaspace first = new Metaspace(Metaspace.DEFAULT_REPLACEMENT, PrependScheme.FIRST, false);
        assertThat(texts("Hey my friend <s>how▁are you", ISOLATE_S_TAGS, first, new Metaspace()))
                .containsExactly("▁Hey", "▁my", "▁friend", "▁", "▁<s>", "▁how", "▁are", "▁you");
    }

    @Test
    void neverSchemeOnlyReplaces() {
        assertThat(SplitsOf.run(new Metaspace('_', PrependScheme.NEVER, true), "Hey friend")
                        .texts())
                .containsExactly("Hey", "_friend");
    }

    private static List<String> texts(String input, PreTokenizer... steps) {
        PreTokenizedString s = PreTokenizedString.of(input);
        for (PreTokenizer p : steps) {
            p.preTokenize(s);
        }
        List<String> out = new ArrayList<>();
        s.splits().forEach(split -> out.add(split.normalized().get()));
        return out;
    }
}
