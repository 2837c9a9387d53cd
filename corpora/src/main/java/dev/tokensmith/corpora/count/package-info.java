/**
 * Pre-token counting: {@link dev.tokensmith.corpora.count.PreTokenCounter} runs a tokenizer's normalizer and
 * pre-tokenizer over documents in parallel with bounded memory (spilling sorted runs to disk) and produces
 * {@link dev.tokensmith.core.train.PreTokenCounts} or a counts file; {@link
 * dev.tokensmith.corpora.count.PreTokenCountsMerger} merges counts files.
 */
package dev.tokensmith.corpora.count;
