package dev.tokensmith.transplant;

import dev.tokensmith.math.FloatMatrix;
import dev.tokensmith.transplant.report.QualityReport;
import java.util.Optional;

/**
 * A transplant's new tables, one row per new token id, and its quality report.
 *
 * @param inputEmbeddings [new vocab, hidden]
 * @param outputHead [new vocab, hidden] for an untied base; empty for a tied one
 * @param report the per-token quality report (of the input embeddings)
 */
public record TransplantResult(FloatMatrix inputEmbeddings, Optional<FloatMatrix> outputHead, QualityReport report) {}
