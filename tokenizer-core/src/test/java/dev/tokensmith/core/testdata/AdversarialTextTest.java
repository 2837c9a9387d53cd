package dev.tokensmith.core.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.diff.LabeledText;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AdversarialTextTest {
    @Test
    void everyGeneratorContributesUniquelyLabeledTexts() {
        List<LabeledText> all = AdversarialText.all();

        Set<String> labels = all.stream().map(LabeledText::label).collect(Collectors.toSet());
        Set<String> generators =
                labels.stream().map(l -> l.substring(0, l.indexOf('#'))).collect(Collectors.toSet());
        assertThat(labels).hasSize(all.size());
        assertThat(generators).hasSize(21);
    }

    @Test
    void isDeterministic() {
        assertThat(AdversarialText.all()).isEqualTo(AdversarialText.all());
    }

    @Test
    void bmpChunksHoldEveryBmpCodePointExceptSurrogatesOnce() {
        BitSet seen = new BitSet(0x10000);
        int count = 0;
        for (String chunk : AdversarialText.bmpChunks()) {
            for (int cp : chunk.codePoints().toArray()) {
                assertThat(seen.get(cp)).isFalse();
                seen.set(cp);
                count++;
            }
        }

        assertThat(count).isEqualTo(0x10000 - 0x800);
        assertThat(seen.get(0xD800)).isFalse();
    }

    @Test
    void whitespaceCoversExactlyUnicodeWhiteSpace() {
        Pattern whiteSpace = Pattern.compile("\\p{IsWhite_Space}");
        int[] expected = IntStream.rangeClosed(0, Character.MAX_CODE_POINT)
                .filter(cp -> whiteSpace.matcher(Character.toString(cp)).matches())
                .toArray();

        assertThat(AdversarialText.WHITE_SPACE).containsExactly(expected);
    }

    @Test
    void runsAreOneMegabyteOfOneCharacter() {
        for (String run : AdversarialText.oneMegabyteRuns()) {
            assertThat(ParityCorpus.utf8Length(run)).isBetween(999_997L, 1_000_000L);
            assertThat(run.codePoints().distinct().count()).isEqualTo(1);
        }
    }

    @Test
    void longWordsHaveNoSpaces() {
        assertThat(AdversarialText.longWords())
                .allSatisfy(w -> assertThat(w)
                        .hasSizeGreaterThanOrEqualTo(AdversarialText.WORD_CHARS - 100)
                        .doesNotContain(" "));
    }

    @Test
    void loneSurrogatesAreUnpaired() {
        assertThat(AdversarialText.loneSurrogates())
                .allSatisfy(s -> assertThat(hasUnpairedSurrogate(s)).as(s).isTrue());
    }

    private static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void categoryBoundariesCoverEveryChangeOfGeneralCategory() {
        long boundaries = IntStream.rangeClosed(1, Character.MAX_CODE_POINT)
                .filter(cp -> Character.getType(cp) != Character.getType(cp - 1))
                .filter(cp -> Character.getType(cp) != Character.SURROGATE
                        && Character.getType(cp - 1) != Character.SURROGATE)
                .count();

        long lines = AdversarialText.categoryBoundaries().stream()
                .mapToLong(s -> s.chars().filter(c -> c == '\n').count())
                .sum();

        assertThat(lines).isEqualTo(boundaries).isGreaterThan(3000);
    }
}
