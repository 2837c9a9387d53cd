package dev.tokensmith.core.fast;

import dev.tokensmith.core.model.WordPiece;
import dev.tokensmith.core.normalizer.BertNormalizer;
import dev.tokensmith.core.pretokenizer.BertPreTokenizer;
import dev.tokensmith.core.text.NormalizedString;
import dev.tokensmith.core.text.PreTokenizedString;
import dev.tokensmith.core.text.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * BERT's pipeline in one pass: {@link BertNormalizer} (any options, or none), {@link BertPreTokenizer} and
 * {@link WordPiece}. Each input code point is looked up in a {@link BertCharTable} (its normalized code points
 * and their kinds, aligned with it), words are gathered in a char buffer with the original offsets of every
 * unit, and each word is matched greedily against a {@link WordPieceVocab}. Token offsets are the original range
 * of the token's first and last normalized units, as the general pipeline maps them.
 *
 * <p>A code point the table marks context-dependent (a kept non-starter under accent stripping) sends its chunk
 * (the text between two {@link BertCharTable#BOUNDARY} code points) through the general pipeline; tokens are
 * therefore held per chunk and handed to the sink when the chunk ends.
 */
final class BertSegmentEncoder implements SegmentEncoder {
    private final BertNormalizer normalizer;
    private final BertPreTokenizer preTokenizer;
    private final WordPiece model;
    private final BertCharTable table;
    private final WordPieceVocab vocab;
    private final long maxChars;
    private final int unkId;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    BertSegmentEncoder(BertNormalizer normalizer, BertPreTokenizer preTokenizer, WordPiece model) {
        this.normalizer = normalizer;
        this.preTokenizer = preTokenizer;
        this.model = model;
        boolean strips = normalizer != null
                && (normalizer.stripAccents() != null ? normalizer.stripAccents() : normalizer.lowercase());
        this.table = BertCharTable.of(
                normalizer, preTokenizer, strips ? new BertNormalizer(false, false, true, false) : null);
        this.vocab = new WordPieceVocab(model.vocab(), model.continuingSubwordPrefix());
        this.maxChars = model.maxInputCharsPerWord();
        this.unkId = model.tokenToId(model.unkToken());
    }

    @Override
    public void encode(String text, int from, int to, TokenSink out) {
        run(text, from, to, out);
    }

    @Override
    public int count(String text, int from, int to) {
        return run(text, from, to, null);
    }

    /** Encodes into {@code out} (null: only counts); returns the number of tokens. */
    private int run(String text, int from, int to, TokenSink out) {
        Scratch s = scratch.get();
        s.clear();
        // The segment is read through a char array (faster than String.charAt here), a window at a time.
        char[] chars = s.text;
        int bufStart = from;
        int bufEnd = from;
        int chunkStart = from;
        int i = from;
        while (i < to) {
            if (i + 1 >= bufEnd && bufEnd < to) {
                bufStart = i;
                bufEnd = Math.min(to, i + chars.length);
                text.getChars(bufStart, bufEnd, chars, 0);
            }
            int shift = -bufStart;
            char ch = chars[i + shift];
            int e;
            int w = 1;
            BertCharTable.Page page = null;
            if (ch < 0x80) {
                e = table.ascii(ch);
            } else {
                int cp = ch;
                if (Character.isSurrogate(ch)) {
                    if (Character.isHighSurrogate(ch)
                            && i + 1 < bufEnd
                            && Character.isLowSurrogate(chars[i + 1 + shift])) {
                        cp = Character.toCodePoint(ch, chars[i + 1 + shift]);
                        w = 2;
                    } else {
                        cp = 0xFFFD;
                    }
                }
                page = table.pageOf(cp);
                e = page.entries[cp & 0xFF];
            }
            switch (e & BertCharTable.KIND_MASK) {
                case BertCharTable.WORD -> s.append(e & BertCharTable.CP_MASK, i, i + w);
                case BertCharTable.SPACE -> endWord(s);
                case BertCharTable.PUNCT -> {
                    endWord(s);
                    s.append(e & BertCharTable.CP_MASK, i, i + w);
                    endWord(s);
                }
                case BertCharTable.REMOVED -> {}
                case BertCharTable.MULTI -> multi(s, page.extra, e & BertCharTable.CP_MASK, i, i + w);
                default -> {
                    s.discardChunk();
                    int end = chunkEnd(text, i + w, to);
                    s.flushed += general(text, chunkStart, end, out);
                    chunkStart = end;
                    i = end;
                    bufEnd = i; // read on from here
                    continue;
                }
            }
            if ((e & BertCharTable.BOUNDARY) != 0) {
                s.flush(out);
                chunkStart = i + w;
            }
            i += w;
        }
        endWord(s);
        s.flush(out);
        int count = s.flushed;
        s.trim();
        return count;
    }

    private void multi(Scratch s, int[] extra, int at, int start, int end) {
        int n = extra[at];
        for (int k = 1; k <= n; k++) {
            int e = extra[at + k];
            int c = e & BertCharTable.CP_MASK;
            switch (e & BertCharTable.KIND_MASK) {
                case BertCharTable.WORD -> s.append(c, start, end);
                case BertCharTable.PUNCT -> {
                    endWord(s);
                    s.append(c, start, end);
                    endWord(s);
                }
                default -> endWord(s); // SPACE
            }
        }
    }

    /** Where the chunk holding {@code text[.., from)} ends: at the next boundary code point, or {@code to}. */
    private int chunkEnd(String text, int from, int to) {
        int i = from;
        while (i < to) {
            int cp = text.codePointAt(i);
            int w = Character.charCount(cp);
            if (w == 2 && i + 1 >= to) {
                cp = 0xFFFD;
                w = 1;
            }
            if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
                cp = 0xFFFD;
            }
            int e = cp < 0x80 ? table.ascii(cp) : table.pageOf(cp).entries[cp & 0xFF];
            if ((e & BertCharTable.BOUNDARY) != 0) {
                return i;
            }
            i += w;
        }
        return to;
    }

    /** The general pipeline on {@code text[from, to)}, straight into {@code out}; returns the token count. */
    private int general(String text, int from, int to, TokenSink out) {
        char[] chars = text.substring(from, to).toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (Character.isHighSurrogate(c) && i + 1 < chars.length && Character.isLowSurrogate(chars[i + 1])) {
                i++;
            } else if (Character.isSurrogate(c)) {
                chars[i] = '\uFFFD';
            }
        }
        String sub = new String(chars);
        NormalizedString ns = NormalizedString.of(sub, from);
        if (normalizer != null) {
            normalizer.normalize(ns);
        }
        List<PreTokenizedString.Split> splits = new ArrayList<>(1);
        splits.add(new PreTokenizedString.Split(ns, null));
        PreTokenizedString pts = new PreTokenizedString(sub, splits);
        preTokenizer.preTokenize(pts);
        int count = 0;
        for (PreTokenizedString.Split split : pts.splits()) {
            NormalizedString piece = split.normalized();
            for (Token t : model.tokenize(piece.get())) {
                if (out != null) {
                    int[] o = piece.toOriginal(t.start(), t.end());
                    out.add(t.id(), o[0], o[1]);
                }
                count++;
            }
            if (out != null) {
                out.endWord();
            }
        }
        return count;
    }

    /** WordPiece on the word gathered in {@code s}, then a new word. */
    private void endWord(Scratch s) {
        int n = s.wordLength;
        if (n == 0) {
            return;
        }
        char[] w = s.word;
        int[] ws = s.wordStarts;
        int[] we = s.wordEnds;
        if (s.wordCodePoints > maxChars) {
            s.token(unk(), ws[0], we[n - 1]);
        } else {
            int id = vocab.id(w, 0, n, s.wordHash);
            if (id >= 0) {
                s.token(id, ws[0], we[n - 1]);
            } else {
                pieces(s, w, ws, we, n);
            }
        }
        s.endWord();
    }

    private void pieces(Scratch s, char[] w, int[] ws, int[] we, int n) {
        int mark = s.tokens;
        int start = 0;
        while (start < n) {
            int node = start == 0 ? vocab.fromRoot(w[0]) : vocab.fromPrefix(w[start]);
            int bestEnd = -1;
            int bestId = -1;
            for (int k = start + 1; node >= 0; k++) {
                int v = vocab.value(node);
                if (v >= 0 && (k == n || !Character.isLowSurrogate(w[k]))) {
                    bestEnd = k;
                    bestId = v;
                }
                if (k == n) {
                    break;
                }
                node = vocab.child(node, w[k]);
            }
            if (bestEnd < 0) {
                s.tokens = mark;
                s.token(unk(), ws[0], we[n - 1]);
                return;
            }
            s.token(bestId, ws[start], we[bestEnd - 1]);
            start = bestEnd;
        }
    }

    private int unk() {
        if (unkId < 0) {
            throw new IllegalStateException("WordPiece error: Missing [UNK] token from the vocabulary");
        }
        return unkId;
    }

    /** Per-thread working space: the current word and the tokens of the current chunk. */
    private static final class Scratch {
        char[] word = new char[64];
        int[] wordStarts = new int[64];
        int[] wordEnds = new int[64];
        int wordLength;
        int wordCodePoints;
        int wordHash; // WordPieceVocab.rawHash of the word so far

        final char[] text = new char[4096];

        int[] ids = new int[256];
        int[] starts = new int[256];
        int[] ends = new int[256];
        int tokens;
        int[] wordBounds = new int[64]; // token count at the end of each word of the chunk
        int words;
        int flushed;

        void clear() {
            wordLength = 0;
            wordCodePoints = 0;
            wordHash = 0;
            tokens = 0;
            words = 0;
            flushed = 0;
        }

        void append(int c, int start, int end) {
            if (wordLength + 2 > word.length) {
                int n = word.length * 2;
                word = Arrays.copyOf(word, n);
                wordStarts = Arrays.copyOf(wordStarts, n);
                wordEnds = Arrays.copyOf(wordEnds, n);
            }
            if (c < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
                word[wordLength] = (char) c;
                wordStarts[wordLength] = start;
                wordEnds[wordLength++] = end;
                wordHash = 31 * wordHash + c;
            } else {
                char high = Character.highSurrogate(c);
                char low = Character.lowSurrogate(c);
                word[wordLength] = high;
                wordStarts[wordLength] = start;
                wordEnds[wordLength++] = end;
                word[wordLength] = low;
                wordStarts[wordLength] = start;
                wordEnds[wordLength++] = end;
                wordHash = 31 * (31 * wordHash + high) + low;
            }
            wordCodePoints++;
        }

        void token(int id, int start, int end) {
            if (tokens == ids.length) {
                int n = tokens * 2;
                ids = Arrays.copyOf(ids, n);
                starts = Arrays.copyOf(starts, n);
                ends = Arrays.copyOf(ends, n);
            }
            ids[tokens] = id;
            starts[tokens] = start;
            ends[tokens++] = end;
        }

        void endWord() {
            wordLength = 0;
            wordCodePoints = 0;
            wordHash = 0;
            if (words == wordBounds.length) {
                wordBounds = Arrays.copyOf(wordBounds, words * 2);
            }
            wordBounds[words++] = tokens;
        }

        /** Hands the chunk's tokens to {@code out} (null: only counts them). */
        void flush(TokenSink out) {
            if (out != null) {
                int t = 0;
                for (int k = 0; k < words; k++) {
                    int end = wordBounds[k];
                    for (; t < end; t++) {
                        out.add(ids[t], starts[t], ends[t]);
                    }
                    out.endWord();
                }
            }
            flushed += tokens;
            tokens = 0;
            words = 0;
        }

        /** Drops buffers a huge word or chunk has grown, so that a thread does not keep them. */
        void trim() {
            if (word.length > 1 << 16) {
                word = new char[64];
                wordStarts = new int[64];
                wordEnds = new int[64];
            }
            if (ids.length > 1 << 16) {
                ids = new int[256];
                starts = new int[256];
                ends = new int[256];
            }
            if (wordBounds.length > 1 << 16) {
                wordBounds = new int[64];
            }
        }

        void discardChunk() {
            wordLength = 0;
            wordCodePoints = 0;
            wordHash = 0;
            tokens = 0;
            words = 0;
        }
    }
}
