/** The per-token quality report of a transplant: row norms and outliers, OMP residuals and coefficients. */
package dev.tokensmith.transplant.report;
