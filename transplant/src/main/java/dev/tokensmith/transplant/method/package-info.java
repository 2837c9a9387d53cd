/**
 * The transplant methods: OMP over a donor's shared rows, TokenAdapt's hybrid heuristic, and the baselines
 * (FVT, first/last subword, mean, zero), over a {@link dev.tokensmith.transplant.method.TransplantProblem}.
 */
package dev.tokensmith.transplant.method;
