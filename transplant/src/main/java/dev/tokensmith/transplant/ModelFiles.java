package dev.tokensmith.transplant;

import dev.tokensmith.transplant.io.FloatMatrix;
import dev.tokensmith.transplant.io.HfModel;
import dev.tokensmith.transplant.onnx.OnnxModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A model given on the command line: a Hugging Face folder (config.json + safetensors) or an ONNX file. Opens
 * it and exposes its vocabulary tables as float32.
 */
sealed interface ModelFiles extends AutoCloseable permits ModelFiles.Hf, ModelFiles.Onnx {
    Path path();

    FloatMatrix inputEmbeddings();

    Optional<FloatMatrix> outputHead();

    /** The tokenizer.json that belongs to the model when none is given: in its folder, or beside the file. */
    Optional<Path> defaultTokenizer();

    @Override
    void close();

    static ModelFiles open(Path path) {
        if (Files.isDirectory(path)) {
            return new Hf(path, HfModel.open(path));
        }
        if (!Files.isRegularFile(path)) {
            throw new TransplantInputException(path + ": no such model (a Hugging Face folder or a .onnx file)");
        }
        if (!path.getFileName().toString().endsWith(".onnx")) {
            throw new TransplantInputException(path + ": not a model (a Hugging Face folder or a .onnx file)");
        }
        return new Onnx(path, OnnxModel.open(path));
    }

    /** A Hugging Face folder. */
    record Hf(Path path, HfModel model) implements ModelFiles {
        @Override
        public FloatMatrix inputEmbeddings() {
            return model.inputEmbeddings();
        }

        @Override
        public Optional<FloatMatrix> outputHead() {
            return model.outputHead();
        }

        @Override
        public Optional<Path> defaultTokenizer() {
            Path t = path.resolve("tokenizer.json");
            return Files.isRegularFile(t) ? Optional.of(t) : Optional.empty();
        }

        @Override
        public void close() {
            model.close();
        }
    }

    /** An ONNX encoder; its table is the one its {@code input_ids} Gather reads. */
    record Onnx(Path path, OnnxModel model) implements ModelFiles {
        @Override
        public FloatMatrix inputEmbeddings() {
            return model.wordEmbeddings().table();
        }

        @Override
        public Optional<FloatMatrix> outputHead() {
            return Optional.empty();
        }

        @Override
        public Optional<Path> defaultTokenizer() {
            String name = path.getFileName().toString();
            Path dir = path.toAbsolutePath().getParent();
            for (Path c : new Path[] {
                dir.resolve(name.substring(0, name.length() - ".onnx".length()) + "-tokenizer.json"),
                dir.resolve("tokenizer.json")
            }) {
                if (Files.isRegularFile(c)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }

        @Override
        public void close() {
            model.close();
        }
    }
}
