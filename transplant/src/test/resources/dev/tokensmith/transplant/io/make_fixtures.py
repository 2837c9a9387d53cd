#!/usr/bin/env python3
"""Writes the safetensors fixtures the Java tests read back: numpy makes the values (float16 by numpy's own
conversion, bfloat16 by torch's rounding rule, checked against an independent nearest-even search), and the
file format is written here by hand from the spec, not by the Java code under test.

Run from this folder: python3 make_fixtures.py  (numpy 2; no network)."""
import json
import struct

import numpy as np

rng = np.random.default_rng(20240607)


def bf16_bits_torch(x):
    """torch's float -> bfloat16: add 0x7FFF plus the lowest kept bit, keep the top 16 bits; NaN -> 0x7FC0."""
    u = np.asarray(x, dtype=np.float32).view(np.uint32).astype(np.uint64)
    rounded = ((u + 0x7FFF + ((u >> 16) & 1)) >> 16).astype(np.uint16)
    return np.where(np.isnan(x), np.uint16(0x7FC0), rounded)


def bf16_bits_search(x):
    """Independent check: pick the nearer of the two bf16 neighbours in float64, ties to the even one."""
    out = []
    for v in np.asarray(x, dtype=np.float32):
        if np.isnan(v):
            out.append(0x7FC0)
            continue
        u = int(np.float32(v).view(np.uint32))
        lo = u & 0xFFFF0000
        hi = lo + 0x10000
        flo = float(np.uint32(lo).view(np.float32))
        fhi = float(np.uint32(hi).view(np.float32))
        if (hi & 0x7FFFFFFF) == 0x7F800000:  # the step past the largest finite value: 2^128 for rounding
            fhi = float(np.sign(v)) * 2.0**128
        if (lo >> 16) & 0x7F80 == 0x7F80:  # already inf: stays
            out.append(lo >> 16)
            continue
        dlo, dhi = abs(float(v) - flo), abs(fhi - float(v))  # exact: doubles hold these sums
        if dlo < dhi or (dlo == dhi and ((lo >> 16) & 1) == 0):
            out.append(lo >> 16)
        else:
            out.append((hi >> 16) & 0xFFFF)
    return np.array(out, dtype=np.uint16)


def write_safetensors(path, tensors, metadata=None):
    """tensors: list of (name, dtype string, numpy array); data laid out in the given order, header unpadded
    except to 8 bytes."""
    header = {}
    if metadata:
        header["__metadata__"] = metadata
    blobs = []
    offset = 0
    for name, dtype, arr in tensors:
        raw = np.ascontiguousarray(arr).astype(arr.dtype.newbyteorder("<")).tobytes()
        header[name] = {"dtype": dtype, "shape": list(arr.shape), "data_offsets": [offset, offset + len(raw)]}
        offset += len(raw)
        blobs.append(raw)
    h = json.dumps(header).encode()
    h += b" " * (-len(h) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)


# Values that exercise rounding: random over many magnitudes, exact ties, subnormals, overflow, specials.
one = np.float32(1.0)
ties = np.array(
    [
        1 + 2.0**-11, 1 + 3 * 2.0**-11, 1 + 2.0**-8, 1 + 3 * 2.0**-8, -(1 + 2.0**-11), -(1 + 3 * 2.0**-8),
        2.0**-25, 3 * 2.0**-25, 2.0**-24, 2.0**-14, 65504, 65519.996, 65520, 70000, 3.4e38, 1e-45,
        0.0, -0.0, np.inf, -np.inf, np.nan, 0.1, -0.1, 1 / 3,
    ],
    dtype=np.float32,
)
rand = (rng.standard_normal(2000) * np.exp2(rng.integers(-30, 20, 2000))).astype(np.float32)
src = np.concatenate([ties, rand]).astype(np.float32)
with np.errstate(over="ignore"):
    f16 = src.astype(np.float16)
bf16 = bf16_bits_torch(src)
assert np.array_equal(bf16, bf16_bits_search(src)), "bf16 rounding rules disagree"

write_safetensors(
    "rounding.safetensors",
    [
        ("source_f32", "F32", src),
        ("numpy_f16", "F16", f16),
        ("torch_bf16", "BF16", bf16),
    ],
    {"made_by": "make_fixtures.py"},
)

# One tensor per readable dtype, each with its expected float32 values beside it.
m = rng.standard_normal((3, 5)).astype(np.float32)
tensors = [
    ("f32", "F32", m),
    ("f16", "F16", m.astype(np.float16)),
    ("f16_expected", "F32", m.astype(np.float16).astype(np.float32)),
    ("bf16", "BF16", bf16_bits_torch(m.ravel()).reshape(m.shape)),
    ("bf16_expected", "F32", (bf16_bits_torch(m.ravel()).astype(np.uint32) << 16).view(np.float32).reshape(m.shape)),
    ("f64", "F64", m.astype(np.float64) * 3),
    ("f64_expected", "F32", (m.astype(np.float64) * 3).astype(np.float32)),
    ("i8", "I8", np.array([[-128, -1, 0, 1, 127]], dtype=np.int8)),
    ("u8", "U8", np.array([0, 1, 128, 255], dtype=np.uint8)),
    ("i32", "I32", np.array([-(2**31), -7, 0, 7, 2**24], dtype=np.int32)),
    ("i64", "I64", np.array([-(2**40), -3, 0, 3, 2**40], dtype=np.int64)),
    ("scalar", "F32", np.array(2.5, dtype=np.float32)),
    ("empty", "F32", np.zeros((0, 4), dtype=np.float32)),
]
write_safetensors("dtypes.safetensors", tensors, {"format": "pt", "note": "numpy fixture"})

# A two-shard checkpoint with its index, as HF's save_pretrained lays it out.
a = np.arange(12, dtype=np.float32).reshape(4, 3)
b = np.arange(6, dtype=np.float32).reshape(2, 3) * -1
c = np.arange(3, dtype=np.float32)
write_safetensors("sharded/model-00001-of-00002.safetensors", [("a", "F32", a)], {"format": "pt"})
write_safetensors("sharded/model-00002-of-00002.safetensors", [("b", "F32", b), ("c", "F32", c)], {"format": "pt"})
with open("sharded/model.safetensors.index.json", "w") as f:
    json.dump(
        {
            "metadata": {"total_size": a.nbytes + b.nbytes + c.nbytes},
            "weight_map": {
                "a": "model-00001-of-00002.safetensors",
                "b": "model-00002-of-00002.safetensors",
                "c": "model-00002-of-00002.safetensors",
            },
        },
        f,
        indent=2,
    )
print("wrote rounding.safetensors, dtypes.safetensors, sharded/")
