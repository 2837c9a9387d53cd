#!/usr/bin/env python3
"""Writes the OMP conformance fixtures of embedding-math (src/test/resources/omp/<case>/).

Each case: dictionary.npy (n x d float32), targets.npy (t x d float32), and the expected result of
scikit-learn's orthogonal_mp_gram on Gram = D @ D.T and Xy = D @ Y.T (computed in float64 from the float32
data, then cast to float32, so scikit-learn works in float32 like our kernels):
expected_atoms.npy (t x k int32, selection order, -1 padded), expected_coefs.npy (t x k float64, 0 padded),
expected_counts.npy (t int32), and case.properties (parameters and which generator made it).

    python3 scripts/omp-fixtures.py                      # scikit-learn (the GPU machine has it)
    python3 scripts/omp-fixtures.py --solver reference   # scripts/omp_reference.py, numpy only

Deterministic: fixed seeds; no network; writes atomically per file (temp + rename).
"""

import argparse
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "..", "embedding-math", "src", "test", "resources", "omp")


def unit_rows(a):
    return a / np.linalg.norm(a, axis=1, keepdims=True)


def case_gaussian(k):
    rng = np.random.default_rng(20250101)
    d = rng.standard_normal((256, 64)) / 8.0
    y = rng.standard_normal((50, 64)) / 8.0
    return d, y, dict(k=k, description=f"Gaussian dictionary 256x64, 50 dense Gaussian targets, k={k}")


def case_correlated():
    rng = np.random.default_rng(20250102)
    common = rng.standard_normal(64)
    d = unit_rows(common + rng.standard_normal((256, 64)))  # pairwise cosine about 0.5
    coef = np.zeros((50, 256))
    for t in range(50):
        atoms = rng.choice(256, size=6, replace=False)
        coef[t, atoms] = rng.uniform(0.5, 2.0, size=6) * rng.choice([-1, 1], size=6)
    y = coef @ d + 0.05 * rng.standard_normal((50, 64))
    return d, y, dict(k=12, description="correlated unit atoms (shared component), targets = 6-atom mixes + noise, k=12")


def case_rank_deficient():
    rng = np.random.default_rng(20250103)
    basis = rng.standard_normal((12, 64)) / 8.0
    d = rng.standard_normal((96, 12)) @ basis / 3.0  # 96 atoms spanning a 12-dim subspace
    d = np.vstack([d, d[:16]])  # and 16 exact duplicates
    in_span = rng.standard_normal((20, 12)) @ basis
    generic = rng.standard_normal((20, 64)) / 8.0
    y = np.vstack([in_span, generic])
    return d, y, dict(k=24, description="112 atoms of rank 12 (16 duplicated), k=24 > rank: early stops")


def case_ties():
    rng = np.random.default_rng(20250104)
    d = rng.standard_normal((128, 32)) / 6.0
    d[30] = d[0]  # exact duplicates: scikit-learn's swapped scan order decides which one is taken
    d[100] = d[7]
    d[77] = d[5]
    targets = []
    for t in range(24):
        big = [57, 64, 90, 3][t % 4]
        twin = [0, 7, 5][t % 3]
        y = 3.0 * d[big] + rng.uniform(1.0, 2.0) * d[twin] + 0.02 * rng.standard_normal(32)
        targets.append(y)
    return d, np.array(targets), dict(k=6, description="duplicate atoms (0=30, 7=100, 5=77), targets built on them, k=6")


def case_tolerance():
    rng = np.random.default_rng(20250105)
    d = unit_rows(rng.standard_normal((200, 48)))
    coef = np.zeros((40, 200))
    for t in range(40):
        n_atoms = 2 + t % 6
        atoms = rng.choice(200, size=n_atoms, replace=False)
        coef[t, atoms] = rng.uniform(0.5, 1.5, size=n_atoms) * rng.choice([-1, 1], size=n_atoms)
    y = coef @ d + 0.01 * rng.standard_normal((40, 48))
    return d, y, dict(tol=0.02, description="unit atoms, targets = 2..7-atom mixes + noise; stop at residual^2 <= 0.02")


CASES = {
    "gaussian-k8": lambda: case_gaussian(8),
    "gaussian-k32": lambda: case_gaussian(32),
    "correlated": case_correlated,
    "rank-deficient": case_rank_deficient,
    "ties": case_ties,
    "tolerance": case_tolerance,
}


def solve(solver, gram, xy, params, norms_squared):
    """(atoms in selection order, coefficients) per target."""
    k, tol = params.get("k"), params.get("tol")
    if solver == "reference":
        sys.path.insert(0, HERE)
        import omp_reference
        return omp_reference.orthogonal_mp_gram(gram, xy, n_nonzero_coefs=k, tol=tol, norms_squared=norms_squared)
    import warnings
    from sklearn.linear_model import orthogonal_mp_gram
    out = []
    for t in range(xy.shape[1]):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # "ended prematurely" is part of some cases
            path, n_iter = orthogonal_mp_gram(
                gram, xy[:, t], n_nonzero_coefs=k, tol=tol,
                norms_squared=None if tol is None else np.array([norms_squared[t]]),
                return_path=True, return_n_iter=True)
        path = np.asarray(path).reshape(len(gram), -1)[:, :n_iter]
        atoms, seen = [], set()
        for step in range(n_iter):
            new = [a for a in np.flatnonzero(path[:, step]) if a not in seen]
            if len(new) != 1:
                raise SystemExit(f"cannot read the selection order of target {t} at step {step}: {new}")
            atoms.append(new[0])
            seen.add(new[0])
        atoms = np.array(atoms, dtype=np.int64)
        out.append((atoms, path[atoms, n_iter - 1] if n_iter else np.empty(0)))
    return out


def save_atomic(path, write):
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        write(f)
    os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--solver", choices=["sklearn", "reference"], default="sklearn")
    ap.add_argument("--out", default=DEFAULT_OUT)
    args = ap.parse_args()
    if args.solver == "sklearn":
        import sklearn
        generator = f"scikit-learn {sklearn.__version__} orthogonal_mp_gram (numpy {np.__version__})"
    else:
        generator = f"scripts/omp_reference.py, numpy-only re-implementation (numpy {np.__version__})"
    for name, make in CASES.items():
        d, y, params = make()
        d = np.ascontiguousarray(d, dtype=np.float32)
        y = np.ascontiguousarray(y, dtype=np.float32)
        d64, y64 = d.astype(np.float64), y.astype(np.float64)
        gram = (d64 @ d64.T).astype(np.float32)
        xy = (d64 @ y64.T).astype(np.float32)
        norms_squared = (y64 ** 2).sum(axis=1).astype(np.float32)
        results = solve(args.solver, gram, xy, params, norms_squared)
        width = params["k"] if "k" in params else len(d)
        width = max(1, max([len(a) for a, _ in results] + [1])) if "tol" in params else width
        atoms = np.full((len(y), width), -1, dtype=np.int32)
        coefs = np.zeros((len(y), width), dtype=np.float64)
        counts = np.zeros(len(y), dtype=np.int32)
        for t, (a, c) in enumerate(results):
            atoms[t, :len(a)] = a
            coefs[t, :len(a)] = c
            counts[t] = len(a)
        folder = os.path.join(args.out, name)
        os.makedirs(folder, exist_ok=True)
        for file, array in [("dictionary.npy", d), ("targets.npy", y), ("expected_atoms.npy", atoms),
                            ("expected_coefs.npy", coefs), ("expected_counts.npy", counts)]:
            save_atomic(os.path.join(folder, file), lambda f, a=array: np.save(f, a))
        props = [f"# written by scripts/omp-fixtures.py --solver {args.solver}", f"generator={generator}",
                 f"description={params['description']}", f"dictionary={d.shape[0]}x{d.shape[1]}",
                 f"targets={y.shape[0]}"]
        props += [f"k={params['k']}"] if "k" in params else [f"tolerance={params['tol']!r}"]
        save_atomic(os.path.join(folder, "case.properties"), lambda f: f.write(("\n".join(props) + "\n").encode()))
        print(f"{name}: {len(y)} targets, atoms per target {counts.min()}..{counts.max()}; {generator}")
    save_atomic(os.path.join(args.out, "cases.txt"), lambda f: f.write(("\n".join(CASES) + "\n").encode()))


if __name__ == "__main__":
    main()
