package dev.tokensmith.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {
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
        assertThat(back.inputs().getFirst().sha256())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(back.inputs().getFirst().bytes()).isEqualTo(3);
        assertThat(back.tokensmithVersion()).isNotBlank().isNotEqualTo("unknown");
        assertThat(back.java()).contains(System.getProperty("java.version"));
    }
}
