package dev.tokensmith.corpora;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * A named part of a corpus (a language, a programming language, a domain) with what its manifest says about it.
 * It reads as its source does.
 *
 * @param name the category's name, such as {@code nl/en} or {@code python}
 * @param source where its documents come from
 * @param license the licence(s) of its text, when stated
 * @param origin where the text comes from (free text), when stated
 * @param statedBytes the UTF-8 bytes of its documents (separators not counted), when stated
 * @param statedDocuments the number of its documents, when stated
 */
public record Category(
        String name,
        TextSource source,
        Optional<String> license,
        Optional<String> origin,
        OptionalLong statedBytes,
        OptionalLong statedDocuments)
        implements TextSource {

    public Category {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(license, "license");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(statedBytes, "statedBytes");
        Objects.requireNonNull(statedDocuments, "statedDocuments");
    }

    /** A category with nothing stated about it. */
    public static Category of(String name, TextSource source) {
        return new Category(
                name, source, Optional.empty(), Optional.empty(), OptionalLong.empty(), OptionalLong.empty());
    }

    @Override
    public OptionalLong sizeBytes() {
        return source.sizeBytes();
    }

    @Override
    public Stream<String> documents() {
        return source.documents();
    }

    @Override
    public List<? extends TextSource> parts() {
        return source.parts();
    }
}
