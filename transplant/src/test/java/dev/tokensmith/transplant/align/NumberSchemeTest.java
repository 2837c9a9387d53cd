package dev.tokensmith.transplant.align;

import static dev.tokensmith.transplant.align.ReleasedTokenizers.vocab;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.Tokenizers;
import dev.tokensmith.transplant.align.NumberScheme.Direction;
import dev.tokensmith.transplant.align.NumberScheme.Kind;
import org.junit.jupiter.api.Test;

/** Number schemes probed on the released tokenizers and on tokenizers built to group from the right. */
class NumberSchemeTest {
    @Test
    void cl100kGroupsUpToThreeDigitsFromTheLeft() {
        NumberScheme s = NumberScheme.probe(vocab("cl100k_base"));
        assertThat(s.kind()).isEqualTo(Kind.FIXED_GROUPS);
        assertThat(s.groupSize()).isEqualTo(3);
        assertThat(s.direction()).isEqualTo(Direction.LEFT_TO_RIGHT);
        assertThat(s.example()).isEqualTo("123|456|7");
        assertThat(s.wholeUpTo()).isEqualTo(3);
    }

    @Test
    void llama3GroupsLikeCl100k() {
        assertThat(NumberScheme.probe(vocab("llama3"))).isEqualTo(NumberScheme.probe(vocab("cl100k_base")));
    }

    @Test
    void llama2SplitsSingleDigits() {
        NumberScheme s = NumberScheme.probe(vocab("llama2"));
        assertThat(s.kind()).isEqualTo(Kind.SINGLE_DIGITS);
        assertThat(s.example()).isEqualTo("1|2|3|4|5|6|7");
        assertThat(s.longestNumberToken()).isEqualTo(1);
    }

    @Test
    void bertAndGpt2HaveWholeNumberTokens() {
        NumberScheme bert = NumberScheme.probe(vocab("bert"));
        assertThat(bert.kind()).isEqualTo(Kind.WHOLE_NUMBERS);
        assertThat(bert.longestNumberToken()).isEqualTo(4); // years: "1990"
        NumberScheme gpt2 = NumberScheme.probe(vocab("r50k_base"));
        assertThat(gpt2.kind()).isEqualTo(Kind.WHOLE_NUMBERS);
        assertThat(gpt2.wholeUpTo()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void groupsFromTheRightAreFound() {
        // a pre-tokenizer cutting digits into threes counted from the right, as in "1|234|567"
        StringBuilder vocab = new StringBuilder("\"<unk>\": 0");
        for (int i = 0; i < 1000; i++) {
            vocab.append(", \"").append(i).append("\": ").append(i + 1);
        }
        for (int i = 0; i < 100; i++) {
            vocab.append(", \"").append(String.format("%02d", i)).append("\": ").append(1001 + i);
        }
        for (int i = 0; i < 10; i++) {
            vocab.append(", \"").append(String.format("%03d", i)).append("\": ").append(1101 + i);
        }
        for (int i = 10; i < 100; i++) {
            vocab.append(", \"").append(String.format("%03d", i)).append("\": ").append(1101 + i);
        }
        var t = Tokenizers.fromJsonString("""
                {"version": "1.0", "added_tokens": [], "normalizer": null,
                 "pre_tokenizer": {"type": "Split", "pattern": {"Regex": "\\\\d{1,3}(?=(?:\\\\d{3})*(?!\\\\d))"},
                                   "behavior": "Isolated", "invert": false},
                 "post_processor": null, "decoder": null,
                 "model": {"type": "WordLevel", "unk_token": "<unk>", "vocab": {%s}}}
                """.formatted(vocab));
        NumberScheme s = NumberScheme.probe(CanonicalVocab.of(t));
        assertThat(s.kind()).isEqualTo(Kind.FIXED_GROUPS);
        assertThat(s.direction()).isEqualTo(Direction.RIGHT_TO_LEFT);
        assertThat(s.example()).isEqualTo("1|234|567");
        assertThat(s.differsFrom(NumberScheme.probe(vocab("cl100k_base")))).isTrue();
    }

    @Test
    void fixedGroupsAreCutAsTheirDirectionSays() {
        assertThat(NumberScheme.fixedGroups(7, 3, true)).containsExactly(3, 3, 1);
        assertThat(NumberScheme.fixedGroups(7, 3, false)).containsExactly(1, 3, 3);
        assertThat(NumberScheme.fixedGroups(6, 3, false)).containsExactly(3, 3);
    }
}
