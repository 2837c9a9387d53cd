package dev.tokensmith.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class WorkloadsTest {
    @Test
    void repeatCharIsOneMegabyteOfOneCharacterInOneText() {
        Workload w = Workloads.named("repeat-char", Optional.empty(), 1);
        assertThat(w.texts()).hasSize(1);
        assertThat(w.bytes()).isEqualTo(1_000_000);
        assertThat(w.texts().getFirst()).matches("a+");
    }

    @Test
    void longWordIsOneHundredThousandLettersWithoutASpace() {
        Workload w = Workloads.named("long-word", Optional.empty(), 1);
        String word = w.texts().getFirst();
        assertThat(w.texts()).hasSize(1);
        assertThat(word).hasSize(100_000).matches("[a-z]+");
        assertThat(word.chars().distinct().count()).isEqualTo(26);
    }

    @Test
    void whitespaceHasRunsOfEveryKindUpToTwentyThousandCharacters() {
        String text = Workloads.named("whitespace", Optional.empty(), 1).texts().getFirst();
        assertThat(text.length()).isGreaterThanOrEqualTo(Workloads.WHITESPACE_BYTES);
        int longest = 0;
        Matcher m = Pattern.compile("\\s+").matcher(text);
        while (m.find()) {
            longest = Math.max(longest, m.end() - m.start());
        }
        assertThat(longest).isBetween(10_000, 20_000);
        assertThat(text)
                .contains("\t\t\t", "   ", "\n\n\n", "\r\n\r\n", "    \n    \n")
                .matches("(?s)[a-z].*");
    }

    @Test
    void randomUtf8IsValidTextWithReplacementCharacters() {
        String text =
                Workloads.named("random-utf8", Optional.empty(), 1).texts().getFirst();
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        assertThat(new String(utf8, StandardCharsets.UTF_8)).isEqualTo(text);
        assertThat(text).contains("\uFFFD");
        assertThat(text.chars().filter(c -> c < 0x80).count()).isGreaterThan(50_000);
    }

    @Test
    void generatedWorkloadsAreTheSameInEveryRun() {
        for (String name : Workloads.PATHOLOGICAL) {
            assertThat(Workloads.named(name, Optional.empty(), 1))
                    .as(name)
                    .isEqualTo(Workloads.named(name, Optional.empty(), 1));
        }
    }

    @Test
    void pathologicalSelectsTheFourGeneratedWorkloadsOnce() {
        List<Workload> ws = Workloads.select(List.of("long-word", "pathological"), Optional.empty(), 1);
        assertThat(ws)
                .extracting(Workload::name)
                .containsExactly("long-word", "repeat-char", "whitespace", "random-utf8");
    }

    @Test
    void allWithoutADataDirectoryMeasuresTheSampleThenThePathologicalInputs() {
        List<Workload> ws = Workloads.select(List.of("all"), Optional.empty(), 20_000);
        assertThat(ws)
                .extracting(Workload::name)
                .containsExactly("sample", "repeat-char", "long-word", "whitespace", "random-utf8");
        assertThat(ws.getFirst().bytes()).isBetween(20_000L, 30_000L);
    }

    @Test
    void realTextNeedsTheDataDirectory() {
        assertThatThrownBy(() -> Workloads.named("prose", Optional.empty(), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--data DIR");
    }

    @Test
    void aMissingCorpusFileIsNamed() {
        Path empty = Path.of("no-such-data-dir");
        assertThatThrownBy(() -> Workloads.named("code", Optional.of(empty), 1000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("code/c.txt.xz: missing from the data directory");
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> Workloads.select(List.of("poetry"), Optional.empty(), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown workload \"poetry\" (known: prose, multilingual, code, sample, repeat-char,"
                        + " long-word, whitespace, random-utf8, pathological, all)");
    }

    @Test
    void aUsersTextIsSplitAtBlankLinesOrIntoLines() {
        Workload docs = Workloads.fromText("f.txt", "a b\nc\n\nd\n", false);
        assertThat(docs.texts()).containsExactly("a b\nc", "d");
        assertThat(docs.bytes()).isEqualTo(6);
        assertThat(Workloads.fromText("f.txt", "a b\nc\n\nd\n", true).texts()).containsExactly("a b", "c", "d");
    }

    @Test
    void noCategoryReadIsOneThatMustNotBeShipped() {
        List<String> banned = List.of("finance-accounting", "news-1961", "science-learned", "literature-books");
        for (List<String> categories : List.of(Workloads.PROSE, Workloads.MULTILINGUAL, Workloads.CODE)) {
            assertThat(categories).noneMatch(c -> banned.stream().anyMatch(c::endsWith));
        }
    }
}
