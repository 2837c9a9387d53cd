package dev.tokensmith.corpora;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Passes bytes through while validating them as UTF-8; the first invalid byte fails with a one-line message. */
final class StrictUtf8InputStream extends FilterInputStream {
    private final Utf8Validator validator = new Utf8Validator();
    private final String name;
    private final boolean decompressed;

    StrictUtf8InputStream(InputStream in, String name, boolean decompressed) {
        super(in);
        this.name = name;
        this.decompressed = decompressed;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        long bad = n < 0 ? validator.finish() : validator.feed(b, off, n);
        if (bad >= 0) {
            throw new CorpusException(
                    name + ": invalid UTF-8 at byte offset " + bad + (decompressed ? " of the decompressed text" : ""));
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skipping would leave bytes unvalidated");
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
