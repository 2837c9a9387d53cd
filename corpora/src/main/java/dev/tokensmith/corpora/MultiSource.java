package dev.tokensmith.corpora;

import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** Several sources read one after another. */
final class MultiSource implements TextSource {
    private final String name;
    private final List<? extends TextSource> parts;

    MultiSource(String name, List<? extends TextSource> parts) {
        this.name = name;
        this.parts = List.copyOf(parts);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public OptionalLong sizeBytes() {
        long total = 0;
        for (TextSource part : parts) {
            OptionalLong size = part.sizeBytes();
            if (size.isEmpty()) {
                return OptionalLong.empty();
            }
            total += size.getAsLong();
        }
        return OptionalLong.of(total);
    }

    @Override
    public Stream<String> documents() {
        return DocumentStreams.concat(parts);
    }

    @Override
    public List<? extends TextSource> parts() {
        return parts;
    }

    @Override
    public String toString() {
        return name;
    }
}
