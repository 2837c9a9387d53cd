package dev.tokensmith.core.pretokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WhitespaceTest {
    @Test
    void keepsWordRunsAndPunctuationRunsApart() {
        // HF whitespace.rs tests::basic
        assertThat(SplitsOf.run(new Whitespace(), "Hey man!").described())
                .containsExactly("Hey@0-3", "man@4-7", "!@7-8");
        assertThat(SplitsOf.run(new Whitespace(), "How are you doing?").described())
                .containsExactly("How@0-3", "are@4-7", "you@8-11", "doing@12-17", "?@17-18");
        assertThat(SplitsOf.run(new Whitespace(), "\n").described()).isEmpty();
    }

    @Test
    void joinersAndMarksAreWordCharacters() {
        // Rust regex's \w includes Join_Control (U+200D) and marks; "..." is one non-word run
        assertThat(SplitsOf.run(new Whitespace(), "a\u200Db e\u0301t...x").texts())
                .containsExactly("a\u200Db", "e\u0301t", "...", "x");
    }

    @Test
    void whitespaceSplitKeepsPunctuationAttached() {
        // HF whitespace.rs tests::whitespace_split
        assertThat(SplitsOf.run(new WhitespaceSplit(), "Hey man!").described()).containsExactly("Hey@0-3", "man!@4-8");
        assertThat(SplitsOf.run(new WhitespaceSplit(), "Hey, man, Good?").described())
                .containsExactly("Hey,@0-4", "man,@5-9", "Good?@10-15");
    }

    @Test
    void whitespaceSplitUsesUnicodeWhiteSpace() {
        assertThat(SplitsOf.run(new WhitespaceSplit(), "a\u00A0b\u3000c\u0085d\u001Ce")
                        .texts())
                .containsExactly("a", "b", "c", "d\u001Ce");
    }
}
