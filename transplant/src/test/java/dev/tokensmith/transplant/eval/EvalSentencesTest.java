package dev.tokensmith.transplant.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The evaluation sentences: English prose from the shared corpora, reproducible from the seed. */
class EvalSentencesTest {
    static final Path DATA = Path.of(System.getProperty("tokensmith.data", "../shared/data"));

    @Test
    void theSameSeedGivesTheSameSentencesFromEverySource() {
        assertThat(Files.isDirectory(DATA.resolve("corpora")))
                .as("the shared data (set -Dtokensmith.data) must hold corpora/")
                .isTrue();
        List<String> a = EvalSentences.load(DATA, 60, 3);
        assertThat(a).hasSize(60).doesNotHaveDuplicates();
        assertThat(EvalSentences.load(DATA, 60, 3)).isEqualTo(a);
        assertThat(EvalSentences.load(DATA, 60, 4)).isNotEqualTo(a);
        for (String s : a) {
            assertThat(s.split(" +").length).isBetween(8, 40);
            assertThat(s).doesNotContain("\t").doesNotContain("\n");
        }
    }
}
