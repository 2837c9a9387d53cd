package dev.tokensmith.cli.bench;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.List;
import java.util.Optional;

/**
 * JTokkit's encoders for one of OpenAI's encodings. Only {@link Encoders} touches this class, after checking that
 * JTokkit is on the class path. The {@code Ordinary} methods treat special tokens as plain text; Tokensmith (like
 * HF) matches them, so the two differ only on texts that contain a special token, which the agreement check shows.
 */
final class JtokkitEncoders {
    static final String PROBE_CLASS = "com.knuddels.jtokkit.Encodings";

    private JtokkitEncoders() {}

    /** The encoders for built-in encoding {@code name}, empty when JTokkit does not have it. */
    static Optional<List<BenchEncoder>> forEncoding(String name) {
        Optional<EncodingType> type = EncodingType.fromName(name);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        Encoding encoding = Encodings.newDefaultEncodingRegistry().getEncoding(type.get());
        return Optional.of(List.of(new EncodeOrdinary(encoding), new CountOrdinary(encoding)));
    }

    record EncodeOrdinary(Encoding encoding) implements BenchEncoder {
        @Override
        public String name() {
            return "jtokkit encodeOrdinary";
        }

        @Override
        public Library library() {
            return Library.JTOKKIT;
        }

        @Override
        public Operation operation() {
            return Operation.ENCODE;
        }

        @Override
        public int encode(String text) {
            return encoding.encodeOrdinary(text).size();
        }
    }

    record CountOrdinary(Encoding encoding) implements BenchEncoder {
        @Override
        public String name() {
            return "jtokkit countTokensOrdinary";
        }

        @Override
        public Library library() {
            return Library.JTOKKIT;
        }

        @Override
        public Operation operation() {
            return Operation.COUNT;
        }

        @Override
        public int encode(String text) {
            return encoding.countTokensOrdinary(text);
        }
    }
}
