/**
 * Text sources ({@link dev.tokensmith.corpora.Corpora}, {@link dev.tokensmith.corpora.TextSource}): files,
 * directories and globs of plain text, JSON Lines and Parquet, gzip/xz/zstd-compressed, read as streams of
 * documents; corpora of named categories ({@link dev.tokensmith.corpora.Corpus}) from a directory layout or a
 * manifest; the embedded {@link dev.tokensmith.corpora.SampleCorpus}. Sampling, mixtures and splits are in
 * {@code .mix}; pre-token counting in {@code .count}.
 */
package dev.tokensmith.corpora;
