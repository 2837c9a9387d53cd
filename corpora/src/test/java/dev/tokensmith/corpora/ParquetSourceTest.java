package dev.tokensmith.corpora;

import static dev.tokensmith.corpora.Fixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Parquet files written by the reference writer (parquet-java), read through Corpora. */
class ParquetSourceTest {
    private static final MessageType SCHEMA = MessageTypeParser.parseMessageType(
            "message doc { required int64 id; optional binary text (STRING); optional binary title (STRING); }");

    @TempDir
    Path dir;

    private Path write(String name, CompressionCodecName codec, long rowGroupBytes, List<Binary> texts)
            throws IOException {
        Path file = dir.resolve(name);
        SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration())
                .withType(SCHEMA)
                .withCompressionCodec(codec)
                .withRowGroupSize(rowGroupBytes)
                .withPageSize(1024)
                .build()) {
            for (int i = 0; i < texts.size(); i++) {
                Group g = groups.newGroup().append("id", (long) i).append("title", "title " + i);
                if (texts.get(i) != null) {
                    g.append("text", texts.get(i));
                }
                writer.write(g);
            }
        }
        return file;
    }

    private static List<Binary> strings(List<String> texts) {
        List<Binary> out = new ArrayList<>();
        for (String t : texts) {
            out.add(t == null ? null : Binary.fromString(t));
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(
            value = CompressionCodecName.class,
            names = {"UNCOMPRESSED", "SNAPPY", "GZIP", "ZSTD"})
    void theTextColumnIsReadWithEachCommonCodec(CompressionCodecName codec) throws IOException {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            texts.add(i % 7 == 3 ? null : "document " + i + " — ünïcödé 😀");
        }
        Path file = write("docs-" + codec + ".parquet", codec, 4096, strings(texts));
        List<String> expected = texts.stream().filter(t -> t != null).toList();
        assertThat(read(Corpora.open(file))).containsExactlyElementsOf(expected);
    }

    @Test
    void anotherColumnCanBeChosenAndEmptyValuesAreSkipped() throws IOException {
        Path file = write("docs.parquet", CompressionCodecName.SNAPPY, 1 << 20, strings(List.of("a", "", "c")));
        assertThat(read(Corpora.open(file))).containsExactly("a", "c");
        TextSource titles = Corpora.open(SourceOptions.DEFAULT.withParquetColumn("title"), List.of(file.toString()));
        assertThat(read(titles)).containsExactly("title 0", "title 1", "title 2");
    }

    @Test
    void parquetIsRecognisedByItsMagicWhateverTheName() throws IOException {
        Path file = write("docs.bin", CompressionCodecName.UNCOMPRESSED, 1 << 20, strings(List.of("x")));
        assertThat(read(Corpora.open(file))).containsExactly("x");
    }

    @Test
    void aMissingColumnIsAnErrorListingTheColumns() throws IOException {
        Path file = write("docs.parquet", CompressionCodecName.SNAPPY, 1 << 20, strings(List.of("a")));
        TextSource source = Corpora.open(SourceOptions.DEFAULT.withParquetColumn("body"), List.of(file.toString()));
        assertThatThrownBy(() -> read(source))
                .isInstanceOf(CorpusException.class)
                .hasMessage(file + ": no column \"body\"; the file has id, text, title");
    }

    @Test
    void aNonStringColumnIsAnError() throws IOException {
        Path file = write("docs.parquet", CompressionCodecName.SNAPPY, 1 << 20, strings(List.of("a")));
        TextSource source = Corpora.open(SourceOptions.DEFAULT.withParquetColumn("id"), List.of(file.toString()));
        assertThatThrownBy(() -> read(source))
                .isInstanceOf(CorpusException.class)
                .hasMessage(file + ": column \"id\" is REQUIRED INT64, not a single string per row");
    }

    @Test
    void invalidUtf8InAValueIsAnErrorNamingTheRow() throws IOException {
        List<Binary> texts = new ArrayList<>(strings(List.of("fine", "also fine")));
        texts.add(Binary.fromConstantByteArray(new byte[] {'o', 'k', (byte) 0xc3, '!'}));
        Path file = write("bad.parquet", CompressionCodecName.ZSTD, 1 << 20, texts);
        assertThatThrownBy(() -> read(Corpora.open(file)))
                .isInstanceOf(CorpusException.class)
                .hasMessage(file + ": row 2 of column \"text\": invalid UTF-8 at byte offset 2 of the value");
    }

    @Test
    void aCodecWhoseLibraryIsNotShippedIsAnErrorNamingTheFile() throws IOException {
        Path file = write("lz4.parquet", CompressionCodecName.LZ4_RAW, 1 << 20, strings(List.of("a", "b")));
        assertThatThrownBy(() -> read(Corpora.open(file)))
                .isInstanceOf(CorpusException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining("lz4");
    }
}
