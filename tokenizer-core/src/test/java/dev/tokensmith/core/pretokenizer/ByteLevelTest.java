package dev.tokensmith.core.pretokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.text.NormalizedString;
import dev.tokensmith.core.text.PreTokenizedString;
import org.junit.jupiter.api.Test;

class ByteLevelTest {
    private static final ByteLevel NO_PREFIX = new ByteLevel(false, true, true);

    @Test
    void splitsWithGpt2RegexAndMapsSpacesToG() {
        // HF byte_level.rs tests::pre_tokenization
        assertThat(SplitsOf.run(NO_PREFIX, "Hello my friend, how is your day going?")
                        .described())
                .containsExactly(
                        "Hello@0-5",
                        "Ġmy@5-8",
                        "Ġfriend@8-15",
                        ",@15-16",
                        "Ġhow@16-20",
                        "Ġis@20-23",
                        "Ġyour@23-28",
                        "Ġday@28-32",
                        "Ġgoing@32-38",
                        "?@38-39");
    }

    @Test
    void withoutRegexTheWholeTextIsOneSplit() {
        // HF byte_level.rs tests::pre_tokenization_no_regex (default: add_prefix_space on)
        assertThat(SplitsOf.run(new ByteLevel(true, true, false), "Hello my friend, how is your day going?")
                        .described())
                .containsExactly("ĠHelloĠmyĠfriend,ĠhowĠisĠyourĠdayĠgoing?@0-39");
    }

    @Test
    void prefixSpaceIsAddedOnlyWhenMissing() {
        // HF byte_level.rs tests::add_prefix_space: both inputs give the same normalized splits
        ByteLevel withPrefix = new ByteLevel(ByteLevelConfig.DEFAULT);
        for (String s :
                new String[] {" Hello my friend, how is your day going?", "Hello my friend, how is your day going?"}) {
            assertThat(SplitsOf.run(withPrefix, s).texts())
                    .containsExactly("ĠHello", "Ġmy", "Ġfriend", ",", "Ġhow", "Ġis", "Ġyour", "Ġday", "Ġgoing", "?");
        }
    }

    @Test
    void prependedSpaceIsAlignedWithTheFirstCharacter() {
        assertThat(SplitsOf.run(new ByteLevel(ByteLevelConfig.DEFAULT), "Hello world")
                        .described())
                .containsExactly("ĠHello@0-5", "Ġworld@5-11");
    }

    @Test
    void newlinesAreSplitOff() {
        // HF byte_level.rs tests::handling_of_newlines
        assertThat(SplitsOf.run(NO_PREFIX, "Hello there\nHello there").described())
                .containsExactly("Hello@0-5", "Ġthere@5-11", "Ċ@11-12", "Hello@12-17", "Ġthere@17-23");
    }

    @Test
    void runsOfSpacesKeepTheLastOneForTheNextWord() {
        // HF byte_level.rs tests::handling_of_multiple_whitespaces
        assertThat(SplitsOf.run(NO_PREFIX, "Hello there       dear").described())
                .containsExactly("Hello@0-5", "Ġthere@5-11", "ĠĠĠĠĠĠ@11-17", "Ġdear@17-22");
    }

    @Test
    void everyByteOfACharacterKeepsTheCharactersOffsets() {
        // HF byte_level.rs tests::offsets_when_char_split_up: ⭢ is 3 UTF-8 bytes, 1 UTF-16 unit
        PreTokenizedString s = PreTokenizedString.of("i⭢j");
        NO_PREFIX.preTokenize(s);
        assertThat(s.splits()).hasSize(3);
        NormalizedString arrow = s.splits().get(1).normalized();
        assertThat(arrow.get()).isEqualTo("âŃ¢");
        assertThat(arrow.toOriginal(0, 1)).containsExactly(1, 2);
        assertThat(arrow.toOriginal(1, 2)).containsExactly(1, 2);
        assertThat(arrow.toOriginal(2, 3)).containsExactly(1, 2);
        assertThat(SplitsOf.run(NO_PREFIX, "i⭢j").described()).containsExactly("i@0-1", "âŃ¢@1-2", "j@2-3");
    }

    @Test
    void supplementaryCharactersBecomeFourBytes() {
        assertThat(SplitsOf.run(NO_PREFIX, "a😀").described()).containsExactly("a@0-1", "ðŁĺĢ@1-3");
    }

    @Test
    void configIsSharedWithTheOtherByteLevelRoles() {
        assertThat(new ByteLevel(true, false, true).config()).isEqualTo(new ByteLevelConfig(true, false, true));
        assertThat(ByteLevelConfig.DEFAULT).isEqualTo(new ByteLevelConfig(true, true, true));
    }
}
