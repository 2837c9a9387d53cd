package dev.tokensmith.core.pretokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.Character.UnicodeScript;
import org.junit.jupiter.api.Test;

class UnicodeScriptsTest {
    @Test
    void splitsWhereTheScriptChanges() {
        // HF unicode_scripts/pre_tokenizer.rs tests::basic (Hiragana and Han together)
        assertThat(SplitsOf.run(new UnicodeScripts(), "どこで生れ。Yes").described())
                .containsExactly("どこで生れ@0-5", "。@5-6", "Yes@6-9");
    }

    @Test
    void spacesJoinTheScriptBeforeThem() {
        // HF unicode_scripts/pre_tokenizer.rs tests::spaces_are_included_in_every_script
        assertThat(SplitsOf.run(new UnicodeScripts(), "Apples are りんご 林檎").described())
                .containsExactly("Apples are @0-11", "りんご 林檎@11-17");
    }

    @Test
    void leadingCharactersOfScriptAnyAreDropped() {
        // As in HF: the first split starts at the first character of a real script.
        assertThat(SplitsOf.run(new UnicodeScripts(), "  ab").described()).containsExactly("ab@2-4");
        assertThat(SplitsOf.run(new UnicodeScripts(), "   ").described()).isEmpty();
    }

    @Test
    void kanaAndTheProlongedSoundMarkCountAsHan() {
        // HF unicode_scripts/pre_tokenizer.rs tests::test_unicode_script
        int han = UnicodeScript.HAN.ordinal();
        assertThat(Scripts.of('京')).isEqualTo(han);
        assertThat(Scripts.of('い')).isEqualTo(han);
        assertThat(Scripts.of('グ')).isEqualTo(han);
        assertThat(Scripts.of('ー')).isEqualTo(han);
        assertThat(Scripts.of('a')).isEqualTo(UnicodeScript.LATIN.ordinal());
        assertThat(Scripts.of('$')).isEqualTo(UnicodeScript.COMMON.ordinal());
        assertThat(Scripts.of(' ')).isEqualTo(Scripts.ANY);
    }

    @Test
    void charactersEncodedAfterUnicode9AreAny() {
        assertThat(Scripts.of(0x0560)).isEqualTo(Scripts.ANY); // ARMENIAN SMALL LETTER TURNED AYB, Unicode 11
        assertThat(Scripts.of(0x1F970)).isEqualTo(Scripts.ANY); // an emoji of Unicode 11
        assertThat(Scripts.of(0x11D00)).isEqualTo(Scripts.ANY); // Masaram Gondi, a script of Unicode 10
        assertThat(Scripts.of(0x0589)).isEqualTo(UnicodeScript.COMMON.ordinal()); // Armenian since Unicode 11
    }
}
