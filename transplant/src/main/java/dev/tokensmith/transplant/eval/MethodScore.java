package dev.tokensmith.transplant.eval;

/**
 * One method's numbers in one experiment.
 *
 * @param rowCosine mean cosine between rebuilt and true rows of the new tokens (NaN where there is no truth)
 * @param sentenceCosine mean cosine between the original and the rebuilt model's sentence embeddings
 * @param spearman Spearman correlation of the two models' pairwise sentence similarities
 * @param outliers new tokens the quality report flags
 */
public record MethodScore(double rowCosine, double sentenceCosine, double spearman, int outliers) {}
