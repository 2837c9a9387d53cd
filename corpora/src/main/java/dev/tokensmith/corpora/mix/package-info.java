/**
 * Reproducible selections of documents, decided by a per-document key (SHA-256 of a purpose, a seed and the text):
 * byte-exact samples ({@link dev.tokensmith.corpora.mix.ByteSample}), mixtures with exact byte proportions
 * ({@link dev.tokensmith.corpora.mix.Mixture}) and train / held-out splits ({@link dev.tokensmith.corpora.mix.Split}).
 */
package dev.tokensmith.corpora.mix;
