package dev.tokensmith.core.normalizer;

import dev.tokensmith.core.text.IntList;
import dev.tokensmith.core.text.NormalizedString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SentencePiece's compiled normalization rules ({@code precompiled_charsmap}), applied as HF does.
 *
 * <p>The blob is a little-endian u32 byte size of a darts-clone double-array trie, that trie (u32 units), then
 * NUL-terminated UTF-8 replacement strings. The trie maps UTF-8 byte strings to the offset of their
 * replacement. HF walks the text by extended grapheme cluster: a cluster of fewer than 6 UTF-8 bytes is looked
 * up whole, and when any of its prefixes is a key, the shortest one's replacement stands for the whole cluster
 * (HF's {@code spm_precompiled} quirk, kept); otherwise each code point is looked up on its own. Replacing n
 * code points by m gives the last {@code m - n} new ones change 1 when growing, and puts {@code m - n} on the
 * last code point emitted so far when shrinking.
 */
public final class Precompiled implements Normalizer {
    private final byte[] charsmap;
    private final int[] trie;
    private final byte[] replacements;
    private final ConcurrentHashMap<Integer, int[]> decoded = new ConcurrentHashMap<>();

    /**
     * @throws IllegalArgumentException when the blob is too short for its trie or its strings are not UTF-8
     */
    public Precompiled(byte[] charsmap) {
        this.charsmap = charsmap.clone();
        if (charsmap.length < 4) {
            throw new IllegalArgumentException("precompiled_charsmap is shorter than its 4-byte header");
        }
        ByteBuffer buf = ByteBuffer.wrap(charsmap).order(ByteOrder.LITTLE_ENDIAN);
        long trieBytes = Integer.toUnsignedLong(buf.getInt());
        long units = trieBytes / 4;
        if (units * 4 > charsmap.length - 4L) {
            throw new IllegalArgumentException(
                    "precompiled_charsmap announces a " + trieBytes + "-byte trie but has " + (charsmap.length - 4));
        }
        trie = new int[(int) units];
        for (int i = 0; i < trie.length; i++) {
            trie[i] = buf.getInt();
        }
        replacements = Arrays.copyOfRange(charsmap, 4 + trie.length * 4, charsmap.length);
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(replacements));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("precompiled_charsmap replacement strings are not UTF-8", e);
        }
    }

    /** A copy of the blob, as tokenizer.json holds it (base64-decoded). */
    public byte[] charsmap() {
        return charsmap.clone();
    }

    @Override
    public void normalize(NormalizedString text) {
        String s = text.get();
        if (s.isEmpty()) {
            return;
        }
        IntList cps = new IntList(s.length() + 8);
        IntList changes = new IntList(s.length() + 8);
        byte[] key = new byte[16];
        boolean modified = false;
        BreakIterator graphemes = BreakIterator.getCharacterInstance(Locale.ROOT);
        graphemes.setText(s);
        int start = graphemes.first();
        for (int end = graphemes.next(); end != BreakIterator.DONE; start = end, end = graphemes.next()) {
            int length = utf8Length(s, start, end);
            if (length < 6) {
                key = utf8(s, start, end, key);
                int at = firstPrefixValue(key, length);
                if (at >= 0) {
                    replace(cps, changes, s.codePointCount(start, end), replacement(at));
                    modified = true;
                    continue;
                }
            }
            for (int i = start; i < end; ) {
                int c = s.codePointAt(i);
                int next = i + Character.charCount(c);
                key = utf8(s, i, next, key);
                int at = firstPrefixValue(key, utf8Length(s, i, next));
                if (at >= 0) {
                    replace(cps, changes, 1, replacement(at));
                    modified = true;
                } else {
                    cps.add(c);
                    changes.add(0);
                }
                i = next;
            }
        }
        if (modified) {
            text.transform(cps.toArray(), changes.toArray(), cps.size(), 0);
        }
    }

    private static void replace(IntList cps, IntList changes, int oldCount, int[] replacement) {
        for (int c : replacement) {
            cps.add(c);
            changes.add(0);
        }
        int diff = replacement.length - oldCount;
        if (diff > 0) {
            for (int k = changes.size() - diff; k < changes.size(); k++) {
                changes.set(k, 1);
            }
        } else if (diff < 0 && !changes.isEmpty()) {
            changes.set(changes.size() - 1, changes.get(changes.size() - 1) + diff);
        }
    }

    /**
     * darts-clone's common prefix search, first (shortest) hit only: the replacement offset, or -1. A NUL byte
     * ends the key; a malformed trie that points outside itself finds nothing (HF would panic).
     */
    int firstPrefixValue(byte[] key, int length) {
        if (trie.length == 0) {
            return -1;
        }
        int node = offset(trie[0]);
        for (int i = 0; i < length; i++) {
            int c = key[i] & 0xFF;
            if (c == 0) {
                return -1;
            }
            node ^= c;
            if (node < 0 || node >= trie.length) {
                return -1;
            }
            int unit = trie[node];
            if ((unit & 0x800000FF) != c) {
                return -1;
            }
            node ^= offset(unit);
            if (((unit >>> 8) & 1) == 1) {
                if (node < 0 || node >= trie.length) {
                    return -1;
                }
                return trie[node] & 0x7FFFFFFF;
            }
        }
        return -1;
    }

    private static int offset(int unit) {
        return (unit >>> 10) << ((unit & 0x200) >>> 6);
    }

    private int[] replacement(int at) {
        return decoded.computeIfAbsent(at, i -> {
            int end = i;
            while (end < replacements.length && replacements[end] != 0) {
                end++;
            }
            int from = Math.min(i, replacements.length);
            return new String(replacements, from, end - from, StandardCharsets.UTF_8)
                    .codePoints()
                    .toArray();
        });
    }

    private static int utf8Length(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; ) {
            int c = s.codePointAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
            i += Character.charCount(c);
        }
        return n;
    }

    private static byte[] utf8(String s, int from, int to, byte[] buf) {
        int need = (to - from) * 3;
        byte[] out = buf.length >= need ? buf : new byte[need];
        int n = 0;
        for (int i = from; i < to; ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x80) {
                out[n++] = (byte) c;
            } else if (c < 0x800) {
                out[n++] = (byte) (0xC0 | (c >> 6));
                out[n++] = (byte) (0x80 | (c & 0x3F));
            } else if (c < 0x10000) {
                out[n++] = (byte) (0xE0 | (c >> 12));
                out[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[n++] = (byte) (0x80 | (c & 0x3F));
            } else {
                out[n++] = (byte) (0xF0 | (c >> 18));
                out[n++] = (byte) (0x80 | ((c >> 12) & 0x3F));
                out[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[n++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Precompiled p && Arrays.equals(p.charsmap, charsmap);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(charsmap);
    }

    @Override
    public String toString() {
        return "Precompiled[" + charsmap.length + " bytes]";
    }
}
