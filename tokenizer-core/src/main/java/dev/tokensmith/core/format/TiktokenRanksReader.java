package dev.tokensmith.core.format;

import dev.tokensmith.core.TokenizerFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * Reads tiktoken rank text in its two forms. Plain ({@code .tiktoken} files): one token a line, {@code
 * "<base64 bytes> <rank>"}, blank lines skipped. Compressed (the {@code bpe_ranks} string of the JSON encodings
 * that js-tiktoken and the tiktoken npm package ship, recognised by a leading {@code '!'}): each line is {@code
 * "<ignored> <first rank> <base64> <base64> ..."}, the tokens taking consecutive ranks. Every error names the
 * source and the line.
 */
final class TiktokenRanksReader {
    private static final int QUOTE_LIMIT = 40;

    private final String source;
    private final String pathPrefix;

    /**
     * @param source the file name errors carry (may be null)
     * @param pathPrefix what stands before "line N" in an error's location, e.g. a JSON path (may be null)
     */
    TiktokenRanksReader(String source, String pathPrefix) {
        this.source = source;
        this.pathPrefix = pathPrefix;
    }

    /** Reads rank text in either form. */
    MergeableRanks readText(String text) {
        if (text.startsWith("!")) {
            return readCompressed(text);
        }
        return readPlain(new BufferedReader(new StringReader(text)), 1 << 10);
    }

    /** Reads the plain form, one {@code "<base64> <rank>"} a line. */
    MergeableRanks readPlain(BufferedReader in, int expectedSize) {
        MergeableRanks.Builder builder = MergeableRanks.builder(expectedSize);
        int lineNo = 0;
        try {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isEmpty()) {
                    continue;
                }
                int tokenStart = skipSpace(line, 0);
                int tokenEnd = skipNonSpace(line, tokenStart);
                int rankStart = skipSpace(line, tokenEnd);
                int rankEnd = skipNonSpace(line, rankStart);
                if (tokenStart == tokenEnd || rankStart == rankEnd || skipSpace(line, rankEnd) != line.length()) {
                    throw error(lineNo, "expected \"<base64 token> <rank>\", found " + quote(line));
                }
                byte[] token = decode(line.substring(tokenStart, tokenEnd), lineNo, null);
                int rank = parseRank(line.substring(rankStart, rankEnd), lineNo, "rank");
                add(builder, token, rank, lineNo, null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return builder.build();
    }

    private MergeableRanks readCompressed(String text) {
        MergeableRanks.Builder builder = MergeableRanks.builder(text.length() / 8);
        int lineNo = 0;
        int pos = 0;
        while (pos < text.length()) {
            int end = text.indexOf('\n', pos);
            if (end < 0) {
                end = text.length();
            }
            lineNo++;
            String line = text.substring(pos, end);
            pos = end + 1;
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split(" ", -1);
            if (fields.length < 2) {
                throw error(lineNo, "expected \"<marker> <first rank> <base64 token>...\", found " + quote(line));
            }
            int offset = parseRank(fields[1], lineNo, "first rank");
            for (int i = 2; i < fields.length; i++) {
                int tokenNo = i - 1;
                long rank = (long) offset + tokenNo - 1;
                if (rank > Integer.MAX_VALUE) {
                    throw error(lineNo, "token " + tokenNo + ": rank " + rank + " is out of range");
                }
                byte[] token = decode(fields[i], lineNo, tokenNo);
                add(builder, token, (int) rank, lineNo, tokenNo);
            }
        }
        return builder.build();
    }

    private byte[] decode(String base64, int lineNo, Integer tokenNo) {
        if (base64.isEmpty()) {
            throw error(lineNo, where(tokenNo) + "empty token");
        }
        if (base64.length() % 4 != 0) {
            throw error(lineNo, where(tokenNo) + "invalid base64 " + quote(base64) + " (length not a multiple of 4)");
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw error(lineNo, where(tokenNo) + "invalid base64 " + quote(base64) + " (" + e.getMessage() + ")");
        }
    }

    private int parseRank(String digits, int lineNo, String what) {
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw error(lineNo, what + " " + quote(digits) + " is not a non-negative integer");
            }
        }
        if (digits.isEmpty()) {
            throw error(lineNo, "missing " + what);
        }
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw error(lineNo, what + " " + quote(digits) + " is out of range");
        }
    }

    private void add(MergeableRanks.Builder builder, byte[] token, int rank, int lineNo, Integer tokenNo) {
        try {
            builder.add(token, rank);
        } catch (IllegalArgumentException e) {
            throw error(lineNo, where(tokenNo) + e.getMessage());
        }
    }

    private TokenizerFormatException error(int lineNo, String problem) {
        String location = pathPrefix == null ? "line " + lineNo : pathPrefix + " line " + lineNo;
        return new TokenizerFormatException(source, location, problem);
    }

    private static String where(Integer tokenNo) {
        return tokenNo == null ? "" : "token " + tokenNo + ": ";
    }

    private static String quote(String s) {
        String shown = s.length() > QUOTE_LIMIT ? s.substring(0, QUOTE_LIMIT) + "..." : s;
        return "\"" + shown + "\"";
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipNonSpace(String s, int i) {
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
