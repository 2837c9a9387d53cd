package dev.tokensmith.core.fast;

import dev.tokensmith.core.model.ByteLevelBpe;
import dev.tokensmith.core.text.IntList;
import dev.tokensmith.core.text.UnicodeProps;
import dev.tokensmith.core.text.scan.AsciiBytes;
import dev.tokensmith.core.text.scan.PieceScanner;
import java.util.Objects;

/**
 * Byte-level BPE behind a split pattern with a hand-written scanner (GPT-2, cl100k, o200k, Llama 3, Qwen2 and
 * the like): each piece is answered from the thread's caches of recent pieces (short ASCII pieces keyed straight
 * from the window's {@link AsciiBytes} view, others through UTF-8 in a reused buffer), else looked up whole, and
 * only otherwise merged. Offsets
 * are those of HF's byte-level pre-tokenizer: a token covers the characters its first and last bytes belong to.
 */
final class ByteLevelSegmentEncoder implements SegmentEncoder {
    private final PieceScanner scanner;
    private final ByteLevelBpe bpe;
    /** Chars copied for scanning at a time (a copy of up to 128 KB per thread). */
    static final int WINDOW = 1 << 16;

    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    ByteLevelSegmentEncoder(PieceScanner scanner, ByteLevelBpe bpe) {
        this.scanner = Objects.requireNonNull(scanner, "scanner");
        this.bpe = Objects.requireNonNull(bpe, "bpe");
    }

    @Override
    public void encode(String text, int from, int to, TokenSink out) {
        Scratch s = scratch.get();
        for (int at = from; at < to; ) {
            int stop = windowEnd(text, at, to);
            char[] chars = s.chars(text, at, stop);
            int n = stop - at;
            for (int p = 0; p < n; ) {
                int e = scanner.pieceEnd(chars, s.ascii, p, n);
                int len = s.utf8WithUnits(chars, p, e);
                int k = s.encode(bpe, len);
                int first = 0;
                for (int t = 0; t < k; t++) {
                    int last = s.ends[t] - 1;
                    out.add(s.ids[t], at + s.unitStart[first], at + s.unitEnd[last]);
                    first = last + 1;
                }
                out.endWord();
                p = e;
            }
            at = stop;
        }
    }

    @Override
    public void encodeIds(String text, int from, int to, IntList out) {
        Scratch s = scratch.get();
        for (int at = from; at < to; ) {
            int stop = windowEnd(text, at, to);
            char[] chars = s.chars(text, at, stop);
            int n = stop - at;
            for (int p = 0; p < n; ) {
                int e = scanner.pieceEnd(chars, s.ascii, p, n);
                int k = s.asciiTokens(p, e);
                if (k == 1) {
                    out.add(s.cache.firstId());
                    p = e;
                    continue;
                }
                if (k > 1) {
                    s.cache.copy(k, s.ids, s.ends);
                } else if (k == Scratch.MISSED) {
                    k = s.mergeAscii(bpe, p, e);
                } else {
                    k = s.encode(bpe, s.utf8(chars, p, e));
                }
                out.addAll(s.ids, 0, k);
                p = e;
            }
            at = stop;
        }
    }

    @Override
    public int count(String text, int from, int to) {
        Scratch s = scratch.get();
        int total = 0;
        for (int at = from; at < to; ) {
            int stop = windowEnd(text, at, to);
            char[] chars = s.chars(text, at, stop);
            int n = stop - at;
            for (int p = 0; p < n; ) {
                int e = scanner.pieceEnd(chars, s.ascii, p, n);
                int k = s.asciiTokens(p, e);
                if (k == Scratch.MISSED) {
                    k = s.mergeAscii(bpe, p, e);
                } else if (k < 0) {
                    k = s.count(bpe, s.utf8(chars, p, e));
                }
                total += k;
                p = e;
            }
            at = stop;
        }
        return total;
    }

    /**
     * True: the scanners give a lone surrogate (category Cs) and U+FFFD (So) the same class, none of letter,
     * mark, number or white space, and take each alone; UTF-8 conversion writes U+FFFD's bytes for a lone
     * surrogate; a window is never cut next to a surrogate.
     */
    @Override
    public boolean readsLoneSurrogatesAsReplacement() {
        return true;
    }

    /**
     * Where the window of text starting at {@code at} ends: the scanners read a char array, and a long text is
     * copied into one a window at a time, cut where pieces never cross ({@link #lastSafeCut}), so that the copy
     * stays small. A stretch without such a cut (one long piece) is taken whole.
     */
    private int windowEnd(String text, int at, int to) {
        if (to - at <= WINDOW) {
            return to;
        }
        int cut = lastSafeCut(text, at, at + WINDOW);
        if (cut > at) {
            return cut;
        }
        cut = firstSafeCut(text, at + WINDOW, to);
        return cut > at ? cut : to;
    }

    private static int firstSafeCut(String text, int from, int to) {
        for (int p = from + 1; p < to - 1; p++) {
            if (isSafeCut(text, p)) {
                return p;
            }
        }
        return -1;
    }

    /**
     * Two kinds of cut, each where the piece holding the character before ends in every scanned pattern and the
     * piece after starts, so that encoding the two sides apart gives what encoding the whole gives:
     *
     * <ul>
     *   <li>before a space between two ASCII letters or digits: letter and digit runs stop at a space, no
     *       contraction starts with one, and a match starting at the space looks only forward;
     *   <li>between a letter and a character that is no letter, mark, number, white space, line break or
     *       apostrophe (punctuation and symbols: the cuts of text without spaces, such as Chinese or Japanese).
     *       Whatever piece holds the letter is a word, and a word stops at such a character (o200k's words take
     *       marks, and contractions after them, so neither is a cut); the scanners read no further than that
     *       character to end it, so a limit there ends it the same way, and the piece from it looks only forward.
     * </ul>
     *
     * Both sides are BMP characters (no surrogates), so a cut never splits a pair.
     */
    @Override
    public int lastSafeCut(String text, int from, int to) {
        for (int p = to - 2; p > from; p--) {
            if (isSafeCut(text, p)) {
                return p;
            }
        }
        return -1;
    }

    private static boolean isSafeCut(String text, int p) {
        char c = text.charAt(p);
        char before = text.charAt(p - 1);
        if (c == ' ') {
            return isAsciiAlnum(before) && isAsciiAlnum(text.charAt(p + 1));
        }
        return Character.isLetter(before) && startsItsOwnPiece(c);
    }

    /** Punctuation and symbols: no letter, mark, number, separator, control, surrogate or apostrophe. */
    private static boolean startsItsOwnPiece(char c) {
        if (c == '\'') {
            return false;
        }
        int type = Character.getType(c);
        return UnicodeProps.isPunctuation(c)
                || type == Character.MATH_SYMBOL
                || type == Character.CURRENCY_SYMBOL
                || type == Character.MODIFIER_SYMBOL
                || type == Character.OTHER_SYMBOL;
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** One thread's buffers, grown to the longest piece seen. */
    private static final class Scratch {
        static final int NOT_SHORT_ASCII = -1;
        static final int MISSED = -2;

        char[] chars = new char[256];
        byte[] bytes = new byte[256];
        int[] ids = new int[256];
        int[] ends = new int[256];
        int[] ranks = new int[256];
        int[] unitStart = new int[256];
        int[] unitEnd = new int[256];

        /** The window's {@link AsciiBytes} view. */
        byte[] ascii = new byte[256 + AsciiBytes.PADDING];

        final PieceCache cache = new PieceCache();
        final LongPieceCache longCache = new LongPieceCache();

        /** The number of tokens of the piece in {@link #bytes}. */
        int count(ByteLevelBpe bpe, int len) {
            return tokens(bpe, len, false);
        }

        /** The tokens of the piece in {@link #bytes}, into {@link #ids} and {@link #ends}. */
        int encode(ByteLevelBpe bpe, int len) {
            return tokens(bpe, len, true);
        }

        /**
         * The token count of the window's piece {@code [from, to)} when it is ASCII, of at most {@link
         * PieceCache#MAX_BYTES} chars and in {@link #cache} (whose {@link PieceCache#firstId} and {@link
         * PieceCache#copy} then give its tokens); {@link #MISSED} when it is such a piece but not remembered (the
         * cache then waits for its tokens: {@link #mergeAscii}); else {@link #NOT_SHORT_ASCII}. The piece's bytes
         * are read as two words straight from {@link #ascii}: most pieces of most text take this path, without a
         * byte copy.
         */
        int asciiTokens(int from, int to) {
            int len = to - from;
            if (len > PieceCache.MAX_BYTES) {
                return NOT_SHORT_ASCII;
            }
            int n = cache.find(ascii, from, len, 0x8080808080808080L);
            return n > 0 ? n : n == PieceCache.REJECTED ? NOT_SHORT_ASCII : MISSED;
        }

        /**
         * The token count of the piece {@code [from, to)} that {@link #asciiTokens} just missed, merged (ids and
         * ends into {@link #ids} and {@link #ends}) and remembered.
         */
        int mergeAscii(ByteLevelBpe bpe, int from, int to) {
            int len = to - from;
            System.arraycopy(ascii, from, bytes, 0, len); // ASCII: the chars are the UTF-8 bytes
            return fromLongCache(bpe, len, true);
        }

        /** From the cache for the piece's length, else merged (and remembered); {@code copy}: ids and ends too. */
        private int tokens(ByteLevelBpe bpe, int len, boolean copy) {
            if (len <= PieceCache.MAX_BYTES) {
                int n = copy ? cache.get(bytes, len, ids, ends) : cache.find(bytes, len);
                return n > 0 ? n : fromLongCache(bpe, len, copy);
            }
            if (len <= LongPieceCache.MAX_BYTES) {
                return fromLongCache(bpe, len, copy);
            }
            return copy ? bpe.encode(bytes, len, ids, ends, ranks) : bpe.count(bytes, len, ids, ends, ranks);
        }

        /**
         * The tokens of the piece in {@link #bytes} from {@link #longCache}, else merged and remembered: there for
         * pieces of 17 to 64 bytes, and for a short piece that {@link #cache} just missed when its tokens do not fit
         * a short slot (such as the pieces of random bytes).
         */
        private int fromLongCache(ByteLevelBpe bpe, int len, boolean copy) {
            boolean isShort = len <= PieceCache.MAX_BYTES;
            int n = copy ? longCache.get(bytes, len, ids, ends) : longCache.get(bytes, len, null, null);
            if (n > 0) {
                if (isShort) {
                    cache.servedElsewhere();
                }
                return n;
            }
            n = bpe.encode(bytes, len, ids, ends, ranks);
            if (!isShort || !cache.put(len, ids, ends, n)) {
                longCache.put(bytes, len, ids, ends, n);
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

        /** {@code text[from, to)} copied to the start of {@link #chars}. */
        char[] chars(String text, int from, int to) {
            if (to - from > chars.length) {
                chars = new char[Math.max(to - from, chars.length * 2)];
            }
            text.getChars(from, to, chars, 0);
            ascii = AsciiBytes.of(chars, to - from, ascii);
            return chars;
        }

        /** UTF-8 of {@code text[from, to)} into {@link #bytes}; returns the byte length. */
        int utf8(char[] text, int from, int to) {
            ensure(3 * (to - from));
            byte[] b = bytes;
            int n = 0;
            int i = from;
            for (; i < to; i++) { // ASCII, the common case, in a loop of its own
                char c = text[i];
                if (c >= 0x80) {
                    break;
                }
                b[n++] = (byte) c;
            }
            for (; i < to; i++) {
                char c = text[i];
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
        int utf8WithUnits(char[] text, int from, int to) {
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
        private static int units(char[] text, int i, int to) {
            return Character.isHighSurrogate(text[i]) && i + 1 < to && Character.isLowSurrogate(text[i + 1]) ? 2 : 1;
        }

        private static int utf8Single(char[] text, int from, int to, byte[] b, int at) {
            char c = text[from];
            int n = at;
            if (c < 0x80) {
                b[n++] = (byte) c;
            } else if (c < 0x800) {
                b[n++] = (byte) (0xC0 | (c >> 6));
                b[n++] = (byte) (0x80 | (c & 0x3F));
            } else if (to - from == 2) {
                int cp = Character.toCodePoint(c, text[from + 1]);
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
