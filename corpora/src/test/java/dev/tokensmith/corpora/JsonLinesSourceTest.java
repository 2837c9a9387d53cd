package dev.tokensmith.corpora;

import static dev.tokensmith.corpora.Fixtures.read;
import static dev.tokensmith.corpora.Fixtures.utf8;
import static dev.tokensmith.corpora.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesSourceTest {
    private static final String LINES = """
            {"id": 1, "text": "first\\ndocument", "meta": {"text": "nested, not this"}}
            {"id": 2, "meta": [1, {"a": "b"}], "text": "😀 second"}
            {"id": 3, "text": null}
            {"id": 4}
            {"id": 5, "text": ""}

            {"text": "last", "content": "other field"}
            """;

    @TempDir
    Path dir;

    @Test
    void theTextFieldOfEachRecordIsADocument() {
        Path f = write(dir.resolve("docs.jsonl"), LINES);
        assertThat(read(Corpora.open(f))).containsExactly("first\ndocument", "😀 second", "last");
    }

    @Test
    void anotherFieldCanBeChosen() {
        Path f = write(dir.resolve("docs.ndjson"), LINES);
        TextSource source = Corpora.open(SourceOptions.DEFAULT.withJsonField("content"), List.of(f.toString()));
        assertThat(read(source)).containsExactly("other field");
    }

    @Test
    void compressedJsonLinesAreRecognisedByTheNameBeforeTheCompressionSuffix() {
        Path f = write(dir.resolve("docs.jsonl.zst"), Fixtures.zstd(utf8(LINES)));
        assertThat(read(Corpora.open(f))).hasSize(3);
    }

    @Test
    void theFormatCanBeForcedForOtherNames() {
        Path f = write(dir.resolve("docs.data"), LINES);
        TextSource source =
                Corpora.open(SourceOptions.DEFAULT.withFormat(SourceFormat.JSON_LINES), List.of(f.toString()));
        assertThat(read(source)).hasSize(3);
    }

    @Test
    void aFieldThatNoRecordHasIsAnError() {
        Path f = write(dir.resolve("docs.jsonl"), LINES);
        TextSource source = Corpora.open(SourceOptions.DEFAULT.withJsonField("txt"), List.of(f.toString()));
        assertThatThrownBy(() -> read(source))
                .isInstanceOf(CorpusException.class)
                .hasMessage(f + ": no record has the field \"txt\" (6 records)");
    }

    @Test
    void aNonStringValueIsAnErrorNamingTheLine() {
        Path f = write(dir.resolve("docs.jsonl"), "{\"text\": \"ok\"}\n{\"text\": 42}\n");
        assertThatThrownBy(() -> read(Corpora.open(f)))
                .isInstanceOf(CorpusException.class)
                .hasMessage(f + ": line 2: field \"text\" is VALUE_NUMBER_INT, not a string");
    }

    @Test
    void malformedJsonIsAnErrorNamingTheLine() {
        Path f = write(dir.resolve("docs.jsonl"), "{\"text\": \"ok\"}\n{\"text\": \"unterminated}\n");
        assertThatThrownBy(() -> read(Corpora.open(f)))
                .isInstanceOf(CorpusException.class)
                .hasMessageStartingWith(f + ": line ")
                .hasMessageContaining("malformed JSON");
    }

    @Test
    void unpairedSurrogateEscapesAreRejected() {
        Path f = write(dir.resolve("docs.jsonl"), "{\"text\": \"a\\ud800b\"}\n");
        assertThatThrownBy(() -> read(Corpora.open(f)))
                .isInstanceOf(CorpusException.class)
                .hasMessageContaining("unpaired surrogate (\\ud800)");
    }

    @Test
    void invalidUtf8BytesAreRejectedWithTheirOffset() {
        byte[] bytes = utf8("{\"text\": \"ok\"}\n{\"text\": \"b?d\"}\n");
        bytes[26] = (byte) 0xff;
        Path f = write(dir.resolve("docs.jsonl"), bytes);
        assertThatThrownBy(() -> read(Corpora.open(f)))
                .isInstanceOf(CorpusException.class)
                .hasMessage(f + ": invalid UTF-8 at byte offset 26");
    }
}
