package dev.tokensmith.core.processor;

import dev.tokensmith.core.pretokenizer.ByteLevelConfig;
import dev.tokensmith.core.text.ByteLevelAlphabet;
import dev.tokensmith.core.text.UnicodeProps;
import java.util.ArrayList;
import java.util.List;

/**
 * The byte-level post-processor: adds no tokens; with {@code trimOffsets} shrinks each token's offsets so they
 * exclude the whitespace (the byte-level space {@code Ġ} or a real whitespace character) at the token's
 * start and end. A single leading space on the first token is kept when {@code addPrefixSpace} is set, since
 * the pre-tokenizer added it. Each input gets its index as sequence id.
 */
public record ByteLevel(ByteLevelConfig config) implements PostProcessor {
    private static final int SPACE = ByteLevelAlphabet.charOf(' ');

    @Override
    public int addedTokens(boolean isPair) {
        return 0;
    }

    @Override
    public List<ProcessingEncoding> processEncodings(List<ProcessingEncoding> encodings, boolean addSpecialTokens) {
        List<ProcessingEncoding> out = new ArrayList<>(encodings.size());
        for (int i = 0; i < encodings.size(); i++) {
            ProcessingEncoding e = encodings.get(i);
            if (config.trimOffsets()) {
                e = trimOffsetsDeep(e, config.addPrefixSpace());
            }
            out.add(e.withSequenceId(i));
        }
        return out;
    }

    /** Trims the offsets of {@code e} and of its overflowing parts (HF's process_offsets on each). */
    static ProcessingEncoding trimOffsetsDeep(ProcessingEncoding e, boolean addPrefixSpace) {
        List<ProcessingEncoding> over = new ArrayList<>(e.overflowing().size());
        for (ProcessingEncoding o : e.overflowing()) {
            over.add(trimOffsets(o, addPrefixSpace));
        }
        return trimOffsets(e, addPrefixSpace).withOverflowing(over);
    }

    /**
     * HF's {@code process_offsets}. Counting whitespace in code points and moving UTF-16 offsets by that count
     * agrees with HF's character offsets because every whitespace character (and {@code Ġ}) is one UTF-16
     * unit.
     */
    static ProcessingEncoding trimOffsets(ProcessingEncoding e, boolean addPrefixSpace) {
        int[] offsets = e.offsets();
        for (int i = 0; i < e.size(); i++) {
            String token = e.tokenAt(i);
            int leading = leadingSpaces(token);
            int trailing = trailingSpaces(token);
            if (leading == 0 && trailing == 0) {
                continue;
            }
            int start = offsets[2 * i];
            int end = offsets[2 * i + 1];
            if (leading > 0) {
                // Pre-tokenized input can start a later token at offset 0 too: it counts as a first token.
                boolean isFirst = i == 0 || start == 0;
                if (isFirst && addPrefixSpace && leading == 1) {
                    leading = 0;
                }
                start = Math.min(start + leading, end);
            }
            if (trailing > 0 && end >= trailing) {
                end = Math.max(end - trailing, start);
            }
            offsets[2 * i] = start;
            offsets[2 * i + 1] = end;
        }
        return e.withOffsets(offsets);
    }

    private static boolean isSpace(int c) {
        return c == SPACE || UnicodeProps.isWhiteSpace(c);
    }

    private static int leadingSpaces(String token) {
        int count = 0;
        for (int i = 0; i < token.length(); ) {
            int c = token.codePointAt(i);
            if (!isSpace(c)) {
                break;
            }
            count++;
            i += Character.charCount(c);
        }
        return count;
    }

    private static int trailingSpaces(String token) {
        int count = 0;
        for (int i = token.length(); i > 0; ) {
            int c = token.codePointBefore(i);
            if (!isSpace(c)) {
                break;
            }
            count++;
            i -= Character.charCount(c);
        }
        return count;
    }
}
