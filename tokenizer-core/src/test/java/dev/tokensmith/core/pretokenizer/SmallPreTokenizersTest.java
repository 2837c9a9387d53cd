package dev.tokensmith.core.pretokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.core.text.SplitBehavior;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Digits, Punctuation, CharDelimiterSplit, FixedLength and Sequence. */
class SmallPreTokenizersTest {
    @Test
    void digitsKeepsRunsOfNumbersTogether() {
        // HF digits.rs tests::numbers
        assertThat(SplitsOf.run(new Digits(false), "Hey 123 friend!").described())
                .containsExactly("Hey @0-4", "123@4-7", " friend!@7-15");
    }

    @Test
    void individualDigitsSplitsEveryDigit() {
        // HF digits.rs tests::individual_digits
        assertThat(SplitsOf.run(new Digits(true), "Hey 123 friend!").described())
                .containsExactly("Hey @0-4", "1@4-5", "2@5-6", "3@6-7", " friend!@7-15");
    }

    @Test
    void digitsAreAllNumericCharacters() {
        assertThat(SplitsOf.run(new Digits(false), "x²½٣Ⅻy").texts()).containsExactly("x", "²½٣Ⅻ", "y");
    }

    @Test
    void punctuationIsIsolatedByDefault() {
        // HF punctuation.rs tests::punctuation_basic
        assertThat(SplitsOf.run(new Punctuation(), "Hey friend!     How are you?!?")
                        .described())
                .containsExactly(
                        "Hey friend@0-10", "!@10-11", "     How are you@11-27", "?@27-28", "!@28-29", "?@29-30");
    }

    @Test
    void punctuationFollowsItsBehavior() {
        assertThat(SplitsOf.run(new Punctuation(SplitBehavior.MERGED_WITH_PREVIOUS), "a,b.c")
                        .texts())
                .containsExactly("a,", "b.", "c");
    }

    @Test
    void charDelimiterSplitDropsTheDelimiter() {
        assertThat(SplitsOf.run(new CharDelimiterSplit('|'), "a|bc||d").described())
                .containsExactly("a@0-1", "bc@2-4", "d@6-7");
        assertThat(SplitsOf.run(new CharDelimiterSplit(0x1F600), "a😀b").described())
                .containsExactly("a@0-1", "b@3-4");
    }

    @Test
    void fixedLengthCutsCodePointChunks() {
        // HF fixed_length.rs tests::basic, custom_length, utf8_characters
        assertThat(SplitsOf.run(new FixedLength(5), "Hello world").described())
                .containsExactly("Hello@0-5", " worl@5-10", "d@10-11");
        assertThat(SplitsOf.run(new FixedLength(5), "").described()).isEmpty();
        assertThat(SplitsOf.run(new FixedLength(3), "Hello world").texts()).containsExactly("Hel", "lo ", "wor", "ld");
        assertThat(SplitsOf.run(new FixedLength(3), "Hello 👋 world").described())
                .containsExactly("Hel@0-3", "lo @3-6", "👋 w@6-10", "orl@10-13", "d@13-14");
    }

    @Test
    void fixedLengthMustBePositive() {
        assertThatThrownBy(() -> new FixedLength(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sequenceAppliesItsPreTokenizersInOrder() {
        // HF sequence.rs tests::sequence_basic
        Sequence seq = new Sequence(List.of(new WhitespaceSplit(), new Punctuation()));
        assertThat(SplitsOf.run(seq, "Hey friend!     How are you?!?").described())
                .containsExactly(
                        "Hey@0-3",
                        "friend@4-10",
                        "!@10-11",
                        "How@16-19",
                        "are@20-23",
                        "you@24-27",
                        "?@27-28",
                        "!@28-29",
                        "?@29-30");
    }
}
