package dev.tokensmith.corpora;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/** Where one stream of bytes comes from: a file, or a resource on the class path (the embedded sample corpus). */
sealed interface Input {
    String name();

    InputStream open() throws IOException;

    OptionalLong size();

    /** The file, for readers that need random access (Parquet). */
    Optional<Path> path();

    record FileInput(Path file) implements Input {
        @Override
        public String name() {
            return file.toString();
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }

        @Override
        public OptionalLong size() {
            try {
                return OptionalLong.of(Files.size(file));
            } catch (IOException e) {
                return OptionalLong.empty();
            }
        }

        @Override
        public Optional<Path> path() {
            return Optional.of(file);
        }
    }

    record ResourceInput(ClassLoader loader, String resource) implements Input {
        @Override
        public String name() {
            return "classpath:" + resource;
        }

        @Override
        public InputStream open() throws IOException {
            InputStream in = loader.getResourceAsStream(resource);
            if (in == null) {
                throw new NoSuchFileException(name());
            }
            return in;
        }

        @Override
        public OptionalLong size() {
            return OptionalLong.empty();
        }

        @Override
        public Optional<Path> path() {
            return Optional.empty();
        }
    }
}
