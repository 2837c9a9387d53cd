"""numpy-only re-implementation of scikit-learn's Gram OMP (sklearn/linear_model/_omp.py: _gram_omp and
orthogonal_mp_gram), written from its source so that OMP fixtures can be produced where scikit-learn is not
installed. Same steps, same dtype (float32 in, float32 arithmetic), same thresholds (finfo(dtype).eps), same
tie-break (argmax over the swapped order), same stops. scripts/omp-fixtures.py --solver reference uses it;
the default solver there is scikit-learn itself.
"""

import numpy as np


def _forward_solve(lower, b):
    """x with lower @ x = b, lower triangular, in lower's dtype."""
    x = np.array(b, dtype=lower.dtype, copy=True)
    for i in range(len(x)):
        x[i] = (x[i] - np.dot(lower[i, :i], x[:i])) / lower[i, i]
    return x


def _cholesky_solve(lower, b):
    """x with lower @ lower.T @ x = b (LAPACK potrs with lower=True)."""
    z = _forward_solve(lower, b)
    upper = lower.T
    x = z.copy()
    for i in range(len(x) - 1, -1, -1):
        x[i] = (x[i] - np.dot(upper[i, i + 1:], x[i + 1:])) / upper[i, i]
    return x


def gram_omp(gram, xy, n_nonzero_coefs, tol_0=None, tol=None):
    """One target. Returns (coefficients, atoms in selection order, number of atoms)."""
    gram = np.array(gram, copy=True, order="F")
    xy = np.array(xy, copy=True)
    dtype = gram.dtype
    eps = np.finfo(dtype).eps
    indices = np.arange(len(gram))
    alpha = xy
    tol_curr = tol_0
    delta = 0
    gamma = np.empty(0, dtype=dtype)
    n_active = 0
    max_features = len(gram) if tol is not None else n_nonzero_coefs
    lower = np.empty((max_features, max_features), dtype=dtype)
    lower[0, 0] = 1.0
    while True:
        lam = int(np.argmax(np.abs(alpha)))
        if lam < n_active or alpha[lam] ** 2 < eps:
            break  # the same atom again, or nothing left to explain: "ended prematurely"
        if n_active > 0:
            row = _forward_solve(lower[:n_active, :n_active], gram[lam, :n_active])
            lower[n_active, :n_active] = row
            v = np.dot(row, row)
            lkk = gram[lam, lam] - v
            if lkk <= eps:
                break  # the new atom depends linearly on the selected ones
            lower[n_active, n_active] = np.sqrt(lkk)
        else:
            lower[0, 0] = np.sqrt(gram[lam, lam])
        gram[[n_active, lam], :] = gram[[lam, n_active], :]
        gram[:, [n_active, lam]] = gram[:, [lam, n_active]]
        indices[[n_active, lam]] = indices[[lam, n_active]]
        xy[[n_active, lam]] = xy[[lam, n_active]]
        n_active += 1
        gamma = _cholesky_solve(lower[:n_active, :n_active], xy[:n_active])
        beta = gram[:, :n_active] @ gamma
        alpha = xy - beta
        if tol is not None:
            tol_curr += delta
            delta = np.inner(gamma, beta[:n_active])
            tol_curr -= delta
            if abs(tol_curr) <= tol:
                break
        elif n_active == max_features:
            break
    return gamma, indices[:n_active].copy(), n_active


def orthogonal_mp_gram(gram, xy, n_nonzero_coefs=None, tol=None, norms_squared=None):
    """Many targets: xy has shape (n_features, n_targets). Returns a list of (atoms, coefficients)."""
    if n_nonzero_coefs is None and tol is None:
        n_nonzero_coefs = int(0.1 * len(gram))
    if tol is None and n_nonzero_coefs > len(gram):
        raise ValueError("The number of atoms cannot be more than the number of features")
    out = []
    for t in range(xy.shape[1]):
        gamma, idx, _ = gram_omp(gram, xy[:, t], n_nonzero_coefs,
                                 norms_squared[t] if tol is not None else None, tol)
        out.append((idx, gamma))
    return out
