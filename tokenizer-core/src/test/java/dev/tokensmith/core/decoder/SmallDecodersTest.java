package dev.tokensmith.core.decoder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.pretokenizer.PrependScheme;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fuse, Strip, BPEDecoder, WordPiece, Metaspace, Replace; expected values from the HF unit tests cited. */
class SmallDecodersTest {

    @Test
    void fuseJoinsEverything() {
        // HF decoders/fuse.rs decode
        assertThat(new Fuse().decodeChain(List.of("Hey", " friend!"))).containsExactly("Hey friend!");
        assertThat(new Fuse().decodeChain(List.of())).containsExactly("");
    }

    @Test
    void stripRemovesUpToStartLeadingCharacters() {
        // HF decoders/strip.rs decode
        assertThat(new Strip('H', 1, 0).decodeChain(List.of("Hey", " friend!", "HHH")))
                .containsExactly("ey", " friend!", "HH");
    }

    @Test
    void stripRemovesUpToStopTrailingCharacters() {
        // HF decoders/strip.rs decode
        assertThat(new Strip('y', 0, 1).decodeChain(List.of("Hey", " friend!"))).containsExactly("He", " friend!");
        assertThat(new Strip(' ', 0, 2).decodeChain(List.of("a   "))).containsExactly("a ");
    }

    @Test
    void stripGivesAnEmptyStringWhereHfWouldPanic() {
        assertThat(new Strip(' ', 0, 1).decodeChain(List.of(""))).containsExactly("");
        assertThat(new Strip('y', 0, 3).decodeChain(List.of("yy"))).containsExactly("");
        assertThat(new Strip('H', 1, 1).decodeChain(List.of("H"))).containsExactly("");
    }

    @Test
    void stripCountsCodePoints() {
        assertThat(new Strip(0x1F600, 1, 1).decodeChain(List.of("😀x😀"))).containsExactly("x");
    }

    @Test
    void bpeDecoderTurnsTheSuffixIntoSpacesExceptInTheLastToken() {
        assertThat(BPEDecoder.defaults().decodeChain(List.of("hel", "lo</w>", "wor", "ld</w>")))
                .containsExactly("hel", "lo ", "wor", "ld");
        assertThat(BPEDecoder.defaults().decodeChain(List.of())).isEmpty();
    }

    @Test
    void wordPieceJoinsContinuationsAndSpacesWords() {
        // HF decoders/wordpiece.rs wordpiece_decoder
        WordPiece decoder = new WordPiece("##", false);

        assertThat(decoder.decode(List.of("##uelo", "Ara", "##új", "##o", "No", "##guera")))
                .isEqualTo("##uelo Araújo Noguera");
    }

    @Test
    void wordPieceCleanupRemovesSpacesBeforePunctuationAndContractions() {
        // Cleanup runs per token, so it never sees "do not" across two tokens.
        List<String> tokens = List.of("hello", ",", "i", "do", "not", "know", "it", "'", "s", "you", "'", "re", "!");

        assertThat(WordPiece.defaults().decode(tokens)).isEqualTo("hello, i do not know it ' s you ' re!");
        assertThat(WordPiece.cleanup("it 's a do not , he n't ' x")).isEqualTo("it's a don't, hen't'x");
    }

    @Test
    void metaspaceDropsTheFirstTokensReplacementsUnlessPrependingNever() {
        // HF pre_tokenizers/metaspace.rs decode
        List<String> tokens = List.of("▁Hey", "▁friend!");

        assertThat(new Metaspace('▁', PrependScheme.ALWAYS, true).decodeChain(tokens))
                .containsExactly("Hey", " friend!");
        assertThat(new Metaspace('▁', PrependScheme.NEVER, true).decodeChain(tokens))
                .containsExactly(" Hey", " friend!");
        assertThat(new Metaspace('▁', PrependScheme.FIRST, true).decodeChain(List.of("▁a▁b", "▁c")))
                .containsExactly("ab", " c");
    }

    @Test
    void replaceSubstitutesALiteral() {
        // HF normalizers/replace.rs test_replace_decode
        assertThat(Replace.literal("_", " ").decodeChain(List.of("hello", "_hello")))
                .containsExactly("hello", " hello");
    }

    @Test
    void replaceSubstitutesRegexMatches() {
        assertThat(Replace.regex("\\s+", " ").decodeChain(List.of("a  b\t\tc"))).containsExactly("a b c");
        assertThat(Replace.literal(".", "!").decodeChain(List.of("a.b"))).containsExactly("a!b");
    }

    @Test
    void replaceSkipsAnEmptyMatchRightAfterAMatchAsOnigurumaDoes() {
        // java.util.regex alone would also match the empty string between "a" and "b".
        assertThat(Replace.regex("a*", "-").decodeChain(List.of("ab", "baa"))).containsExactly("-b-", "-b-");
        assertThat(Replace.literal("", "-").decodeChain(List.of("ab", ""))).containsExactly("-a-b-", "");
    }

    @Test
    void ctcCollapsesRepeatsAndDropsPadding() {
        // HF decoders/ctc.rs handmade_sample and handmade_with_delimiter_sample
        CTC ctc = CTC.defaults();

        assertThat(ctc.decodeChain(split("<pad> <pad> h e e l l <pad> l o o o <pad>")))
                .containsExactly("h", "e", "l", "l", "o");
        assertThat(
                        ctc.decodeChain(
                                split(
                                        "<pad> <pad> h e e l l <pad> l o o o <pad> <pad> | <pad> w o o o r <pad> <pad> l l d <pad> <pad> <pad> <pad>")))
                .containsExactly("h", "e", "l", "l", "o", " ", "w", "o", "r", "l", "d");
    }

    @Test
    void ctcKeepsTheDelimiterWithoutCleanup() {
        assertThat(new CTC("<pad>", "|", false).decodeChain(split("a a | <pad> b")))
                .containsExactly("a", "|", "b");
    }

    @Test
    void sequenceChainsDecoders() {
        // HF decoders/sequence.rs sequence_basic
        Sequence sequence = new Sequence(List.of(CTC.defaults(), Metaspace.defaults()));

        assertThat(sequence.decode(List.of("▁", "▁", "H", "H", "i", "i", "▁", "y", "o", "u")))
                .isEqualTo("Hi you");
    }

    @Test
    void sequencePropagatesRawMode() {
        Sequence sequence = new Sequence(List.of(new ByteFallback(), new Fuse()));

        assertThat(sequence.decodeChainRaw(List.of("<0xFF>", "x"))).containsExactly("\uDCFFx");
        assertThat(sequence.decodeChain(List.of("<0xFF>", "x"))).containsExactly("\uFFFDx");
    }

    private static List<String> split(String s) {
        return Arrays.asList(s.split(" "));
    }
}
