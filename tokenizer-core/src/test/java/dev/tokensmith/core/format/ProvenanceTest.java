package dev.tokensmith.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {
    private static final String SHA256_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void recordsInputsDigestsConfigurationAndVersions(@TempDir Path dir) throws IOException {
        Path corpus = Files.writeString(dir.resolve("corpus.txt"), "abc");
        Path artifact = dir.resolve("tokenizer.json");

        Provenance p =
                Provenance.of("train", Map.of("vocabSize", 32000), List.of(Provenance.Input.of("corpus", corpus)));
        Path written = p.writeBeside(artifact);

        assertThat(written).isEqualTo(dir.resolve("tokenizer.provenance.json"));
        Provenance back = Provenance.fromJson(Json.MAPPER.readTree(written.toFile()));
        assertThat(back).isEqualTo(p);
        assertThat(back.inputs().getFirst().sha256()).isEqualTo(SHA256_ABC);
        assertThat(back.inputs().getFirst().bytes()).isEqualTo(3);
        assertThat(back.tokensmithVersion()).isNotBlank().isNotEqualTo("unknown");
        assertThat(back.java()).contains(System.getProperty("java.version"));
        assertThat(back.createdAt()).isNotBlank();
    }

    @Test
    void anInputDirectoryIsEveryRegularFileUnderItInSortedOrderByRelativePath(@TempDir Path dir) throws IOException {
        Path model = Files.createDirectories(dir.resolve("model"));
        Files.writeString(model.resolve("config.json"), "abc");
        Files.createDirectories(model.resolve("sub/deeper"));
        Files.writeString(model.resolve("sub/deeper/b.bin"), "");
        Files.writeString(model.resolve("a.safetensors"), "xy");
        Files.createDirectories(model.resolve("empty"));

        List<Provenance.Input> inputs = Provenance.Input.ofTree("base", model);

        assertThat(inputs)
                .extracting(Provenance.Input::role)
                .containsExactly("base/a.safetensors", "base/config.json", "base/sub/deeper/b.bin");
        assertThat(inputs.get(1)).isEqualTo(Provenance.Input.of("base/config.json", model.resolve("config.json")));
        assertThat(inputs.get(1).sha256()).isEqualTo(SHA256_ABC);
        assertThat(inputs.get(2).path())
                .isEqualTo(model.resolve("sub/deeper/b.bin").toString());
    }

    @Test
    void anInputTreeThatIsASingleFileIsThatFileUnderItsRole(@TempDir Path dir) throws IOException {
        Path onnx = Files.writeString(dir.resolve("model.onnx"), "abc");

        assertThat(Provenance.Input.ofTree("base", onnx)).containsExactly(Provenance.Input.of("base", onnx));
    }

    @Test
    void anUnreadableInputIsAOneLineErrorNamingTheFile(@TempDir Path dir) {
        Path missing = dir.resolve("missing.txt");

        assertThatThrownBy(() -> Provenance.Input.of("corpus", missing))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot read " + missing + ": no such file");
        assertThatThrownBy(() -> Provenance.Input.ofTree("base", missing))
                .hasMessage("cannot read " + missing + ": no such file");
    }

    @Test
    void aFolderArtifactGetsItsProvenanceInsideUnderAFixedName(@TempDir Path dir) throws IOException {
        Path model = Files.createDirectories(dir.resolve("out"));
        Provenance p = Provenance.of("tokensmith transplant", Map.of("method", "fvt"), List.of());

        Path written = p.writeInto(model);

        assertThat(written).isEqualTo(model.resolve("tokensmith-provenance.json"));
        assertThat(Provenance.fromJson(Json.MAPPER.readTree(written.toFile()))).isEqualTo(p);
        try (var listing = Files.list(model)) {
            assertThat(listing).containsExactly(written);
        }
    }
}
