package dev.tokensmith.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.cli.Fixtures;
import dev.tokensmith.cli.bench.BenchEncoder.Library;
import dev.tokensmith.cli.bench.Encoders.EncoderSet;
import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.Tokenizers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncodersTest {
    private static final String TINY = Fixtures.tinyBpe().toString();
    private static final Set<Library> BOTH = EnumSet.of(Library.JTOKKIT, Library.HF);

    @TempDir
    Path dir;

    private static Tokenizer tiny() {
        return Tokenizers.load(TINY).withoutTruncationOrPadding();
    }

    @Test
    void aHfTokenizerFileRunsOnTokensmithAndHfButNotJtokkit() {
        try (EncoderSet set = Encoders.open(TINY, tiny(), BOTH, true)) {
            assertThat(set.encoders())
                    .extracting(BenchEncoder::name)
                    .containsExactly("tokensmith encodeIds", "tokensmith countTokens", "hf (djl, ids only)");
            assertThat(set.encoders())
                    .allSatisfy(e -> assertThat(e.encode("hello world")).isEqualTo(3));
            assertThat(set.notes())
                    .anySatisfy(n -> assertThat(n).startsWith("jtokkit: has only OpenAI's built-in encodings"))
                    .anySatisfy(
                            n -> assertThat(n).startsWith("hf: HF tokenizers ").endsWith("fetching only the ids"));
        }
    }

    @Test
    void hfCanAlsoRunThroughDjlsEncode() {
        try (EncoderSet set = Encoders.open(TINY, tiny(), EnumSet.of(Library.HF), false)) {
            BenchEncoder hf = set.encoders().getLast();
            assertThat(hf.name()).isEqualTo("hf (djl encode)");
            assertThat(hf.encode("hello world hello")).isEqualTo(5);
        }
    }

    @Test
    void withNoOtherLibraryOnlyTokensmithRuns() {
        try (EncoderSet set = Encoders.open(TINY, tiny(), EnumSet.noneOf(Library.class), true)) {
            assertThat(set.encoders()).extracting(BenchEncoder::library).containsOnly(Library.TOKENSMITH);
            assertThat(set.notes()).isEmpty();
        }
    }

    @Test
    void severalThreadsAddEachFullEncoderButHfsPinnedToOneThreadAfterTheOthers() {
        try (EncoderSet set = Encoders.open("r50k_base", Tokenizers.builtin("r50k_base"), BOTH, true)) {
            EncoderSet pinned = set.withOneThreadReferences();
            List<String> names =
                    pinned.encoders().stream().map(BenchEncoder::name).toList();
            assertThat(names.subList(0, set.encoders().size()))
                    .containsExactlyElementsOf(
                            set.encoders().stream().map(BenchEncoder::name).toList());
            assertThat(names.subList(set.encoders().size(), names.size()))
                    .containsExactly("tokensmith encodeIds 1 thread", "jtokkit encodeOrdinary 1 thread");
            try (Threads two = Threads.of(2)) {
                List<String> texts = List.of("hello world", "a b c", "x");
                for (BenchEncoder e : pinned.encoders()) {
                    assertThat(e.encodeAll(texts, two)).as(e.name()).isEqualTo(6);
                }
            }
        }
    }

    @Test
    void aBuiltInEncodingRunsOnJtokkitToo() {
        try (EncoderSet set =
                Encoders.open("r50k_base", Tokenizers.builtin("r50k_base"), Set.of(Library.JTOKKIT), true)) {
            assertThat(set.encoders())
                    .extracting(BenchEncoder::name)
                    .containsExactly(
                            "tokensmith encodeIds",
                            "tokensmith countTokens",
                            "jtokkit encodeOrdinary",
                            "jtokkit countTokensOrdinary");
            assertThat(set.encoders())
                    .allSatisfy(e -> assertThat(e.encode("hello world")).isEqualTo(2));
            // Special tokens: one token for Tokensmith (as for HF), plain text for JTokkit's ordinary encoding.
            assertThat(set.encoders().getFirst().encode("<|endoftext|>")).isEqualTo(1);
            assertThat(set.encoders().getLast().encode("<|endoftext|>")).isGreaterThan(1);
        }
    }

    @Test
    void onlyJsonFilesWithAModelAndWithoutTiktokenRanksAreHfTokenizers() throws IOException {
        assertThat(Encoders.isHfTokenizerJson(Fixtures.tinyBpe())).isTrue();
        assertThat(Encoders.isHfTokenizerJson(Files.writeString(dir.resolve("claude.json"), "{\"bpe_ranks\": \"\"}")))
                .isFalse();
        assertThat(Encoders.isHfTokenizerJson(Files.writeString(dir.resolve("bad.json"), "{not json")))
                .isFalse();
        assertThat(Encoders.isHfTokenizerJson(Files.writeString(dir.resolve("cl100k_base.tiktoken"), "")))
                .isFalse();
        assertThat(Encoders.isHfTokenizerJson(dir.resolve("missing.json"))).isFalse();
    }
}
