/**
 * Pre-tokenization without regexes: {@link dev.tokensmith.core.text.scan.PieceScanner}s that split text as the
 * released tokenizers' split patterns do, exactly (each is tested against the regex path on every code point),
 * with table lookups in a char loop and no allocation. {@link dev.tokensmith.core.text.scan.PieceScanners} finds
 * the scanner for a pattern; the {@code Split} and {@code ByteLevel} pre-tokenizers and the fast encoders use them.
 */
package dev.tokensmith.core.text.scan;
