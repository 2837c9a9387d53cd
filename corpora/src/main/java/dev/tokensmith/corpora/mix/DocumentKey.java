package dev.tokensmith.corpora.mix;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The 64-bit key that sampling and splitting give a document: the first 8 bytes, big-endian, read as an unsigned
 * number, of SHA-256 over {@code purpose} (UTF-8), a zero byte, the seed (8 bytes, big-endian) and the document
 * (UTF-8). It depends only on the purpose, the seed and the document's text, never on where the document is in
 * the corpus, so choices made by key are reproducible elsewhere (e.g. with Python's hashlib) and stable under
 * reordering; identical documents always get the same key. Not thread-safe: one instance per thread.
 *
 * <pre>{@code
 * DocumentKey keys = new DocumentKey("split", 42);
 * long key = keys.of("some document");   // compare with Long.compareUnsigned
 * }</pre>
 */
public final class DocumentKey {
    private final MessageDigest sha256;
    private final byte[] prefix;

    public DocumentKey(String purpose, long seed) {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
        byte[] p = purpose.getBytes(StandardCharsets.UTF_8);
        prefix = new byte[p.length + 1 + 8];
        System.arraycopy(p, 0, prefix, 0, p.length);
        for (int i = 0; i < 8; i++) {
            prefix[p.length + 1 + i] = (byte) (seed >>> (56 - 8 * i));
        }
    }

    /** The key of a document (compare keys with {@link Long#compareUnsigned}). */
    public long of(String document) {
        return of(document.getBytes(StandardCharsets.UTF_8));
    }

    /** The key of a document given as its UTF-8 bytes. */
    public long of(byte[] utf8) {
        sha256.update(prefix);
        byte[] digest = sha256.digest(utf8);
        long key = 0;
        for (int i = 0; i < 8; i++) {
            key = (key << 8) | (digest[i] & 0xff);
        }
        return key;
    }
}
