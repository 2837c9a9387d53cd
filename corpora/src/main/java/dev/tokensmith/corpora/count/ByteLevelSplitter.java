package dev.tokensmith.corpora.count;

import dev.tokensmith.core.text.scan.AsciiBytes;
import dev.tokensmith.core.text.scan.PieceScanner;

/**
 * The fast path for byte-level pipelines whose pre-tokens are exactly one split pattern's matches (see {@link
 * PreTokenPipeline}): a hand-written scanner tiles the document and each piece goes out as raw UTF-8. The sink's
 * keys are therefore raw pieces; {@link SortedTable} rewrites them into the byte-level alphabet once per distinct
 * key instead of once per occurrence.
 */
final class ByteLevelSplitter implements PreTokenSplitter {
    private final PieceScanner scanner;
    private final Utf8Scratch scratch = new Utf8Scratch();

    ByteLevelSplitter(PieceScanner scanner) {
        this.scanner = scanner;
    }

    @Override
    public long split(String document, PieceSink sink) {
        String doc = Utf8Scratch.withoutLoneSurrogates(document);
        int n = doc.length();
        char[] chars = doc.toCharArray();
        byte[] ascii = AsciiBytes.of(chars);
        long bytes = 0;
        for (int start = 0; start < n; ) {
            int end = scanner.pieceEnd(chars, ascii, start, n);
            int length = scratch.encode(doc, start, end);
            sink.piece(scratch.bytes, 0, length);
            bytes += length;
            start = end;
        }
        return bytes;
    }
}
