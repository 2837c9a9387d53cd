package dev.tokensmith.transplant.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsCheckpointTest {
    @TempDir
    Path tmp;

    @Test
    void readsANumpyMadeShardedCheckpointThroughItsIndex() {
        try (SafetensorsCheckpoint c = SafetensorsCheckpoint.open(Fixtures.resource("sharded"))) {
            assertThat(c.sharded()).isTrue();
            assertThat(c.names()).containsExactly("a", "b", "c");
            assertThat(c.readMatrix("a").row(3)).containsExactly(9, 10, 11);
            assertThat(c.readFloats("b")).containsExactly(-0f, -1, -2, -3, -4, -5);
            assertThat(c.fileOf("c").path().getFileName()).hasToString("model-00002-of-00002.safetensors");
            assertThat(c.shardLayout()).containsKeys("model-00001-of-00002.safetensors");
        }
    }

    @Test
    void writesOneFileWhenEverythingFitsInAShard() throws Exception {
        List<Path> files = SafetensorsCheckpoint.write(tmp, tensors(4), Map.of("format", "pt"), 1 << 20);
        assertThat(files).containsExactly(tmp.resolve("model.safetensors"));
        try (SafetensorsCheckpoint c = SafetensorsCheckpoint.open(tmp)) {
            assertThat(c.sharded()).isFalse();
            assertThat(c.names()).hasSize(4);
            assertThat(c.metadata()).containsEntry("format", "pt");
        }
    }

    @Test
    void splitsIntoShardsWithAnIndexWrittenLast() throws Exception {
        List<TensorData> ts = tensors(5); // 5 tensors of 40 bytes
        List<Path> files = SafetensorsCheckpoint.write(tmp, ts, Map.of("format", "pt"), 100);
        assertThat(files.stream().map(p -> p.getFileName().toString()))
                .containsExactly(
                        "model-00001-of-00003.safetensors",
                        "model-00002-of-00003.safetensors",
                        "model-00003-of-00003.safetensors",
                        "model.safetensors.index.json");
        String index = Files.readString(tmp.resolve("model.safetensors.index.json"));
        assertThat(index).contains("\"total_size\" : 200");
        try (SafetensorsCheckpoint c = SafetensorsCheckpoint.open(tmp)) {
            assertThat(c.sharded()).isTrue();
            for (TensorData t : ts) {
                assertThat(c.readFloats(t.name())).containsExactly(t.values());
            }
            assertThat(c.fileOf("t4").path().getFileName()).hasToString("model-00003-of-00003.safetensors");
        }
    }

    @Test
    void namesTheMissingShard() throws Exception {
        SafetensorsCheckpoint.write(tmp, tensors(3), Map.of(), 50);
        Files.delete(tmp.resolve("model-00002-of-00003.safetensors"));
        Path index = tmp.resolve("model.safetensors.index.json");
        assertThatThrownBy(() -> SafetensorsCheckpoint.open(tmp))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage(index + ": shard 'model-00002-of-00003.safetensors' (of tensor 't1') does not exist");
    }

    @Test
    void namesATensorTheIndexListsButTheShardLacks() throws Exception {
        SafetensorsCheckpoint.write(tmp, tensors(3), Map.of(), 50);
        Path index = tmp.resolve("model.safetensors.index.json");
        Files.writeString(index, Files.readString(index).replace("\"t2\"", "\"t9\""));
        assertThatThrownBy(() -> SafetensorsCheckpoint.open(tmp))
                .hasMessage(tmp.resolve("model-00003-of-00003.safetensors")
                        + ": missing tensor 't9' (listed in model.safetensors.index.json)");
    }

    @Test
    void namesAFolderWithoutWeights() {
        assertThatThrownBy(() -> SafetensorsCheckpoint.open(tmp))
                .hasMessage(tmp + ": no model.safetensors or model.safetensors.index.json"
                        + " (only safetensors weights are read)");
    }

    private static List<TensorData> tensors(int n) {
        List<TensorData> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] v = new float[10];
            for (int j = 0; j < v.length; j++) {
                v[j] = i * 100 + j;
            }
            out.add(TensorData.of("t" + i, DType.F32, new long[] {2, 5}, v));
        }
        return out;
    }
}
