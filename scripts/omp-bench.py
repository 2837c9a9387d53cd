#!/usr/bin/env python3
"""Python side of the embedding-math side-by-side benchmark (the Java side is dev.tokensmith.bench.MathSideBySide).

Writes the shared inputs (dictionary.npy, targets.npy: seeded Gaussian float32, tokensurgeon-like shapes), then
times on them, with the same thread count the Java side gets:
  gemm          Y @ D.T (targets x atoms, depth dim), numpy/OpenBLAS float32, best of 3
  sklearn_gram  sklearn.linear_model.orthogonal_mp_gram(D @ D.T, D @ Y.T, n_nonzero_coefs=k) on the first
                --sklearn-targets targets (it copies the atoms x atoms Gram matrix per target, so it is timed on a
                subset and reported per target); its atoms go to sklearn_atoms.npy for the agreement check
  sklearn_omp   sklearn.linear_model.orthogonal_mp(D.T, Y.T, n_nonzero_coefs=k) (no Gram), same subset
  numpy_batch   tokensurgeon's batched OMP algorithm (residual @ D.T per step, Gram-Schmidt) in numpy float32 on
                all targets; its atoms go to numpy_atoms.npy
Results: python.properties in --dir (wall seconds, and process CPU seconds as *_cpu_seconds). No network.

    python3 scripts/omp-bench.py --dir /tmp/ompbench --threads 16
"""

import argparse
import os
import time

import numpy as np


def batch_omp(d, y, k, batch=512):
    n = d.shape[0]
    atoms = np.zeros((len(y), k), dtype=np.int32)
    coefs = np.zeros((len(y), k), dtype=np.float32)
    dt = np.ascontiguousarray(d.T)
    for start in range(0, len(y), batch):
        yb = y[start:start + batch]
        b = len(yb)
        r = yb.copy()
        q = np.zeros((b, k, d.shape[1]), dtype=np.float32)
        rr = np.zeros((b, k, k), dtype=np.float32)
        mask = np.zeros((b, n), dtype=bool)
        rows = np.arange(b)
        for t in range(k):
            c = np.abs(r @ dt)
            c[mask] = -np.inf
            idx = c.argmax(axis=1)
            mask[rows, idx] = True
            atoms[start:start + b, t] = idx
            a = d[idx]
            proj = np.einsum("btd,bd->bt", q[:, :t], a)
            v = a - np.einsum("btd,bt->bd", q[:, :t], proj)
            norm = np.maximum(np.linalg.norm(v, axis=1), 1e-12)
            q[:, t] = v / norm[:, None]
            rr[:, :t, t] = proj
            rr[:, t, t] = norm
            r -= q[:, t] * np.einsum("bd,bd->b", q[:, t], r)[:, None]
        qty = np.einsum("bkd,bd->bk", q, yb)
        coefs[start:start + b] = np.linalg.solve(rr, qty[..., None])[..., 0]
    return atoms, coefs


def timed(fn, repeat=1, cpu=None, key=None):
    """Best wall seconds of `repeat` runs; with `cpu` (a dict) and `key`, that run's process CPU seconds too."""
    best, out = float("inf"), None
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        out = fn()
        wall, used = time.perf_counter() - t0, time.process_time() - c0
        if wall < best:
            best = wall
            if cpu is not None:
                cpu[key] = used
    return best, out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", required=True)
    ap.add_argument("--atoms", type=int, default=30000)
    ap.add_argument("--dim", type=int, default=384)
    ap.add_argument("--targets", type=int, default=5000)
    ap.add_argument("--k", type=int, default=64)
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--sklearn-targets", type=int, default=20)
    ap.add_argument("--skip-sklearn", action="store_true")
    args = ap.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    rng = np.random.default_rng(7)
    d = (rng.standard_normal((args.atoms, args.dim)) / np.sqrt(args.dim)).astype(np.float32)
    y = (rng.standard_normal((args.targets, args.dim)) / np.sqrt(args.dim)).astype(np.float32)
    np.save(os.path.join(args.dir, "dictionary.npy"), d)
    np.save(os.path.join(args.dir, "targets.npy"), y)
    props = {"atoms": args.atoms, "dim": args.dim, "targets": args.targets, "k": args.k, "threads": args.threads,
             "numpy": np.__version__}
    try:
        from threadpoolctl import threadpool_limits
        limiter = threadpool_limits(limits=args.threads)
    except ImportError:
        limiter = None
        props["note"] = "threadpoolctl missing: set OMP_NUM_THREADS/OPENBLAS_NUM_THREADS yourself"
    cpu = {}
    props["gemm_seconds"], _ = timed(lambda: y @ d.T, repeat=3, cpu=cpu, key="gemm_cpu_seconds")
    props["numpy_batch_seconds"], (atoms, _) = timed(lambda: batch_omp(d, y, args.k), cpu=cpu,
                                                     key="numpy_batch_cpu_seconds")
    props.update(cpu)
    np.save(os.path.join(args.dir, "numpy_atoms.npy"), atoms)
    if not args.skip_sklearn:
        import sklearn
        import warnings
        from sklearn.linear_model import orthogonal_mp, orthogonal_mp_gram
        props["sklearn"] = sklearn.__version__
        s = args.sklearn_targets
        t0 = time.perf_counter()
        gram = d @ d.T
        xy = d @ y[:s].T
        props["sklearn_gram_setup_seconds"] = time.perf_counter() - t0
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            secs, coef = timed(lambda: orthogonal_mp_gram(gram, xy, n_nonzero_coefs=args.k))
            props["sklearn_gram_seconds_per_target"] = secs / s
            del gram
            secs, _ = timed(lambda: orthogonal_mp(d.T, y[:s].T, n_nonzero_coefs=args.k))
            props["sklearn_omp_seconds_per_target"] = secs / s
        coef = np.asarray(coef).reshape(args.atoms, s)
        sk_atoms = np.full((s, args.k), -1, dtype=np.int32)
        for t in range(s):
            nz = np.flatnonzero(coef[:, t])
            sk_atoms[t, :len(nz)] = nz  # sorted, not in selection order
        np.save(os.path.join(args.dir, "sklearn_atoms.npy"), sk_atoms)
        props["sklearn_targets"] = s
    if limiter is not None:
        limiter.unregister() if hasattr(limiter, "unregister") else None
    with open(os.path.join(args.dir, "python.properties"), "w") as f:
        for key, value in props.items():
            f.write(f"{key}={value}\n")
    for key, value in props.items():
        print(f"{key}={value}")


if __name__ == "__main__":
    main()
