package dev.tokensmith.core.fast;

import dev.tokensmith.core.model.ByteLevelBpe;
import dev.tokensmith.core.text.IntList;
import dev.tokensmith.core.text.scan.PieceScanner;
import java.util.Objects;

/**
 * Byte-level BPE behind a split pattern with a hand-written scanner (GPT-2, cl100k, o200k, Llama 3, Qwen2 and
 * the like): each piece goes to UTF-8 in a reused buffer, is looked up whole, and only otherwise merged. Offsets
 * are those of HF's byte-level pre-tokenizer: a token covers the characters its first and last bytes belong to.
 */
final class ByteLevelSegmentEncoder implements SegmentEncoder {
    private final PieceScanner scanner;
    private final ByteLevelBpe bpe;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    ByteLevelSegmentEncoder(PieceScanner scanner, ByteLevelBpe bpe) {
        this.scanner = Objects.requireNonNull(scanner, "scanner");
        this.bpe = Objects.requireNonNull(bpe, "bpe");
    }

    @Override
    public void encode(String text, int from, int to, TokenSink out) {
        Scratch s = scratch.get();
        for (int p = from; p < to; ) {
            int e = scanner.pieceEnd(text, p, to);
            int len = s.utf8WithUnits(text, p, e);
            int n = s.encode(bpe, len);
            int first = 0;
            for (int k = 0; k < n; k++) {
                int last = s.ends[k] - 1;
                out.add(s.ids[k], s.unitStart[first], s.unitEnd[last]);
                first = last + 1;
            }
            out.endWord();
            p = e;
        }
    }

    @Override
    public void encodeIds(String text, int from, int to, IntList out) {
        Scratch s = scratch.get();
        for (int p = from; p < to; ) {
            int e = scanner.pieceEnd(text, p, to);
            int len = s.utf8(text, p, e);
            int n = s.encode(bpe, len);
            out.addAll(s.ids, 0, n);
            p = e;
        }
    }

    @Override
    public int count(String text, int from, int to) {
        Scratch s = scratch.get();
        int total = 0;
        for (int p = from; p < to; ) {
            int e = scanner.pieceEnd(text, p, to);
            int len = s.utf8(text, p, e);
            total += s.count(bpe, len);
            p = e;
        }
        return total;
    }

    /**
     * Before a space between two ASCII letters or digits: in every scanned pattern the piece holding the
     * character before ends there (letter and digit runs stop at a space; no contraction starts with one), and a
     * match starting at the space looks only forward.
     */
    @Override
    public int lastSafeCut(String text, int from, int to) {
        for (int p = to - 2; p > from; p--) {
            if (text.charAt(p) == ' ' && isAsciiAlnum(text.charAt(p - 1)) && isAsciiAlnum(text.charAt(p + 1))) {
                return p;
            }
        }
        return -1;
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** One thread's buffers, grown to the longest piece seen. */
    private static final class Scratch {
        byte[] bytes = new byte[256];
        int[] ids = new int[256];
        int[] ends = new int[256];
        int[] ranks = new int[256];
        int[] unitStart = new int[256];
        int[] unitEnd = new int[256];
        final PieceCache cache = new PieceCache();
        final LongPieceCache longCache = new LongPieceCache();

        /** The number of tokens of the piece in {@link #bytes}. */
        int count(ByteLevelBpe bpe, int len) {
            if (len > PieceCache.MAX_BYTES) {
                if (len > LongPieceCache.MAX_BYTES) {
                    return bpe.count(bytes, len, ids, ends, ranks);
                }
                int n = longCache.get(bytes, len, null, null);
                if (n < 0) {
                    n = bpe.encode(bytes, len, ids, ends, ranks);
                    longCache.put(bytes, len, ids, ends, n);
                }
                return n;
            }
            int n = cache.find(bytes, len);
            if (n < 0) {
                n = bpe.encode(bytes, len, ids, ends, ranks);
                cache.put(len, ids, ends, n);
            }
            return n;
        }

        /** The tokens of the piece in {@link #bytes}, into {@link #ids} and {@link #ends}. */
        int encode(ByteLevelBpe bpe, int len) {
            if (len > PieceCache.MAX_BYTES) {
                if (len > LongPieceCache.MAX_BYTES) {
                    return bpe.encode(bytes, len, ids, ends, ranks);
                }
                int n = longCache.get(bytes, len, ids, ends);
                if (n < 0) {
                    n = bpe.encode(bytes, len, ids, ends, ranks);
                    longCache.put(bytes, len, ids, ends, n);
                }
                return n;
            }
            int n = cache.get(bytes, len, ids, ends);
            if (n < 0) {
                n = bpe.encode(bytes, len, ids, ends, ranks);
                cache.put(len, ids, ends, n);
            }
            return n;
        }

        private void ensure(int bytesNeeded) {
            if (bytesNeeded + 16 > bytes.length) {
                int c = Math.max(bytesNeeded + 16, bytes.length * 2);
                bytes = new byte[c];
                ids = new int[c];
                ends = new int[c];
                ranks = new int[c];
                unitStart = new int[c];
                unitEnd = new int[c];
            }
        }

        /** UTF-8 of {@code text[from, to)} into {@link #bytes}; returns the byte length. */
        int utf8(String text, int from, int to) {
            ensure(3 * (to - from));
            byte[] b = bytes;
            int n = 0;
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    b[n++] = (byte) c;
                } else {
                    int units = units(text, i, to);
                    n += utf8Single(text, i, i + units, b, n);
                    i += units - 1;
                }
            }
            return n;
        }

        /** As {@link #utf8}, also recording for each byte the UTF-16 range of its character. */
        int utf8WithUnits(String text, int from, int to) {
            ensure(3 * (to - from));
            int n = 0;
            int[] us = unitStart;
            int[] ue = unitEnd;
            for (int i = from; i < to; ) {
                int units = units(text, i, to);
                int written = utf8Single(text, i, i + units, bytes, n);
                for (int k = n; k < n + written; k++) {
                    us[k] = i;
                    ue[k] = i + units;
                }
                n += written;
                i += units;
            }
            return n;
        }

        /** 2 where a surrogate pair starts at {@code i}, else 1 (a lone surrogate stands for U+FFFD). */
        private static int units(String text, int i, int to) {
            return Character.isHighSurrogate(text.charAt(i))
                            && i + 1 < to
                            && Character.isLowSurrogate(text.charAt(i + 1))
                    ? 2
                    : 1;
        }

        private static int utf8Single(String text, int from, int to, byte[] b, int at) {
            char c = text.charAt(from);
            int n = at;
            if (c < 0x80) {
                b[n++] = (byte) c;
            } else if (c < 0x800) {
                b[n++] = (byte) (0xC0 | (c >> 6));
                b[n++] = (byte) (0x80 | (c & 0x3F));
            } else if (to - from == 2) {
                int cp = Character.toCodePoint(c, text.charAt(from + 1));
                b[n++] = (byte) (0xF0 | (cp >> 18));
                b[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[n++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                char v = Character.isSurrogate(c) ? '\uFFFD' : c;
                b[n++] = (byte) (0xE0 | (v >> 12));
                b[n++] = (byte) (0x80 | ((v >> 6) & 0x3F));
                b[n++] = (byte) (0x80 | (v & 0x3F));
            }
            return n - at;
        }
    }
}
