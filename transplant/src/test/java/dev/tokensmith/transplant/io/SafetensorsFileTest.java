package dev.tokensmith.transplant.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsFileTest {
    @TempDir
    Path tmp;

    @Test
    void readsEveryDtypeOfTheNumpyFixtureIntoFloat32() {
        try (SafetensorsFile f = SafetensorsFile.open(Fixtures.resource("dtypes.safetensors"))) {
            assertThat(f.metadata()).containsEntry("format", "pt").containsEntry("note", "numpy fixture");
            assertThat(f.readFloats("f16")).containsExactly(f.readFloats("f16_expected"));
            assertThat(f.readFloats("bf16")).containsExactly(f.readFloats("bf16_expected"));
            assertThat(f.readFloats("f64")).containsExactly(f.readFloats("f64_expected"));
            assertThat(f.readFloats("i8")).containsExactly(-128, -1, 0, 1, 127);
            assertThat(f.readFloats("u8")).containsExactly(0, 1, 128, 255);
            assertThat(f.readFloats("i32")).containsExactly(-2147483648f, -7, 0, 7, 16777216);
            assertThat(f.readFloats("i64")).containsExactly(-1099511627776f, -3, 0, 3, 1099511627776f);
            assertThat(f.readFloats("scalar")).containsExactly(2.5f);
            assertThat(f.info("scalar").shape()).isEmpty();
            assertThat(f.readMatrix("empty").rows()).isZero();
            FloatMatrix m = f.readMatrix("f32");
            assertThat(m.rows()).isEqualTo(3);
            assertThat(m.cols()).isEqualTo(5);
        }
    }

    @Test
    void roundsToF16AndBf16BitForBitAsNumpyAndTorch() {
        try (SafetensorsFile f = SafetensorsFile.open(Fixtures.resource("rounding.safetensors"))) {
            float[] src = f.readFloats("source_f32");
            MemorySegment f16 = f.bytes("numpy_f16");
            MemorySegment bf16 = f.bytes("torch_bf16");
            assertThat(src).hasSizeGreaterThan(2000);
            for (int i = 0; i < src.length; i++) {
                short wantF16 = f16.get(DType.I16_LE, 2L * i);
                short wantBf16 = bf16.get(DType.I16_LE, 2L * i);
                assertThat(HalfFloats.toF16(src[i]))
                        .as("f16 of %s (#%d)", src[i], i)
                        .isEqualTo(wantF16);
                assertThat(HalfFloats.toBf16(src[i]))
                        .as("bf16 of %s (#%d)", src[i], i)
                        .isEqualTo(wantBf16);
            }
        }
    }

    @Test
    void writesEachFloatDtypeAndReadsItBack() throws Exception {
        float[] v = {0.1f, -2.5f, 1e-6f, 65519f, 3.14159f, -0f};
        Path file = tmp.resolve("rt.safetensors");
        SafetensorsWriter.write(
                file,
                List.of(
                        TensorData.of("a32", DType.F32, new long[] {2, 3}, v),
                        TensorData.of("b16", DType.F16, new long[] {6}, v),
                        TensorData.of("c16", DType.BF16, new long[] {3, 2}, v)),
                Map.of("format", "pt"));
        try (SafetensorsFile f = SafetensorsFile.open(file)) {
            assertThat(f.metadata()).isEqualTo(Map.of("format", "pt"));
            assertThat(f.readFloats("a32")).containsExactly(v);
            for (int i = 0; i < v.length; i++) {
                assertThat(f.readFloats("b16")[i]).isEqualTo(HalfFloats.fromF16(HalfFloats.toF16(v[i])));
                assertThat(f.readFloats("c16")[i]).isEqualTo(HalfFloats.fromBf16(HalfFloats.toBf16(v[i])));
            }
            assertThat(f.info("c16").shape()).containsExactly(3, 2);
        }
    }

    @Test
    void alignsEveryTensorToItsElementSize() throws Exception {
        Path file = tmp.resolve("align.safetensors");
        SafetensorsWriter.write(
                file,
                List.of(
                        TensorData.of("h", DType.F16, new long[] {3}, new float[] {1, 2, 3}),
                        TensorData.of("f", DType.F32, new long[] {1}, new float[] {1}),
                        TensorData.raw("u", DType.U8, new long[] {1}, MemorySegment.ofArray(new byte[] {7}))),
                Map.of());
        byte[] bytes = Files.readAllBytes(file);
        long headerLen = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat(headerLen % 8).isZero();
        try (SafetensorsFile f = SafetensorsFile.open(file)) {
            for (TensorInfo t : f.tensors()) {
                assertThat(t.begin() % t.dtype().size()).as(t.name()).isZero();
            }
            assertThat(f.bytes("u").get(ValueLayout.JAVA_BYTE, 0)).isEqualTo((byte) 7);
        }
    }

    @Test
    void copiesRawTensorsByteForByte() throws Exception {
        Path out = tmp.resolve("copy.safetensors");
        try (SafetensorsFile f = SafetensorsFile.open(Fixtures.resource("dtypes.safetensors"))) {
            List<TensorData> all = f.tensors().stream()
                    .map(t -> TensorData.copyOf(f, t.name()))
                    .toList();
            SafetensorsWriter.write(out, all, f.metadata());
            try (SafetensorsFile g = SafetensorsFile.open(out)) {
                for (TensorInfo t : f.tensors()) {
                    assertThat(g.bytes(t.name()).toArray(ValueLayout.JAVA_BYTE))
                            .as(t.name())
                            .isEqualTo(f.bytes(t.name()).toArray(ValueLayout.JAVA_BYTE));
                    assertThat(g.info(t.name()).dtype()).isEqualTo(t.dtype());
                }
            }
        }
    }

    @Test
    void rejectsAFileTooShortForAHeader() {
        Path p = Fixtures.write(tmp.resolve("short.safetensors"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> SafetensorsFile.open(p))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage(p + ": too short for a safetensors file (3 bytes)");
    }

    @Test
    void rejectsAHeaderLengthPastTheEndOfTheFile() {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1000);
        Path p = Fixtures.write(tmp.resolve("long.safetensors"), b.array());
        assertThatThrownBy(() -> SafetensorsFile.open(p))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage(p + ": header length 1000 exceeds the file size 16");
    }

    @Test
    void rejectsAHeaderOverTheFormatsLimit() {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(200_000_000L);
        Path p = Fixtures.write(tmp.resolve("huge.safetensors"), b.array());
        assertThatThrownBy(() -> SafetensorsFile.open(p)).hasMessageContaining("over the 100 MB limit");
    }

    @Test
    void rejectsAHeaderThatIsNotJson() {
        Path p = Fixtures.rawSafetensors(tmp, "bad.safetensors", "{\"a\": {", 0);
        assertThatThrownBy(() -> SafetensorsFile.open(p))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageStartingWith(p + ": header is not valid JSON: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void rejectsAnUnknownDtype() {
        Path p = Fixtures.rawSafetensors(
                tmp, "dt.safetensors", "{\"w\":{\"dtype\":\"Q4\",\"shape\":[1],\"data_offsets\":[0,1]}}", 1);
        assertThatThrownBy(() -> SafetensorsFile.open(p)).hasMessage(p + ": tensor 'w': unsupported dtype 'Q4'");
    }

    @Test
    void rejectsOffsetsOutOfBounds() {
        Path p = Fixtures.rawSafetensors(
                tmp, "oob.safetensors", "{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", 8);
        assertThatThrownBy(() -> SafetensorsFile.open(p))
                .hasMessage(p + ": tensor 'w': data_offsets [0,16] are out of bounds (data section is 8 bytes)");
    }

    @Test
    void rejectsOverlappingTensors() {
        Path p = Fixtures.rawSafetensors(
                tmp,
                "ov.safetensors",
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                        + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}",
                12);
        assertThatThrownBy(() -> SafetensorsFile.open(p))
                .hasMessage(p + ": tensors 'a' [0, 8) and 'b' [4, 12) overlap");
    }

    @Test
    void rejectsASizeThatDoesNotMatchShapeTimesDtype() {
        Path p = Fixtures.rawSafetensors(
                tmp, "sz.safetensors", "{\"w\":{\"dtype\":\"F16\",\"shape\":[2,3],\"data_offsets\":[0,8]}}", 8);
        assertThatThrownBy(() -> SafetensorsFile.open(p))
                .hasMessage(p + ": tensor 'w': data_offsets [0,8] hold 8 bytes but shape [2, 3] of F16 needs 12");
    }

    @Test
    void namesTheFileAndTensorWhenATensorIsMissing() {
        Path p = Fixtures.resource("dtypes.safetensors");
        try (SafetensorsFile f = SafetensorsFile.open(p)) {
            assertThatThrownBy(() -> f.readMatrix("lm_head.weight"))
                    .isInstanceOf(ModelFormatException.class)
                    .hasMessage(p + ": missing tensor 'lm_head.weight'");
            assertThatThrownBy(() -> f.readMatrix("u8")).hasMessageContaining("has shape [4], expected a matrix");
        }
    }

    @Test
    void neverLeavesAPartialFileWhenAWriteFails() throws Exception {
        Path file = tmp.resolve("out.safetensors");
        TensorData a = TensorData.of("a", DType.F32, new long[] {1}, new float[] {1});
        assertThatThrownBy(() -> SafetensorsWriter.write(file, List.of(a, a), Map.of()))
                .hasMessage("tensor 'a' is given twice");
        try (var listing = Files.list(tmp)) {
            assertThat(listing).isEmpty();
        }
    }

    @Test
    void refusesToWriteIntegerDtypesFromFloats() {
        assertThatThrownBy(() -> TensorData.of("q", DType.I8, new long[] {1}, new float[] {1}))
                .hasMessageContaining("cannot write I8 from float32 values");
    }
}
