#!/usr/bin/env python3
"""Reference sentence embeddings for the Java SentenceEncoder, from python onnxruntime + HF tokenizers on the
same files (no network). Mean pooling over the attention mask, then L2 normalisation, as sentence-transformers.

usage: python3 minilm_reference.py MODEL.onnx TOKENIZER.json SENTENCES.txt OUT.tsv [--max-length 512]
OUT.tsv: one line per sentence, 384 (or hidden) floats separated by tabs, in input order."""
import argparse

import numpy as np
import onnxruntime as ort
from tokenizers import Tokenizer

p = argparse.ArgumentParser()
p.add_argument("model")
p.add_argument("tokenizer")
p.add_argument("sentences")
p.add_argument("out")
p.add_argument("--max-length", type=int, default=512)
a = p.parse_args()

tok = Tokenizer.from_file(a.tokenizer)
tok.no_padding()
tok.enable_truncation(a.max_length)
sess = ort.InferenceSession(a.model, providers=["CPUExecutionProvider"])
names = {i.name for i in sess.get_inputs()}
with open(a.sentences, encoding="utf-8") as f:
    sentences = [line.rstrip("\n") for line in f if line.strip()]
with open(a.out, "w") as out:
    for s in sentences:  # one at a time: no padding at all
        ids = np.array([tok.encode(s).ids], dtype=np.int64)
        feed = {"input_ids": ids}
        if "attention_mask" in names:
            feed["attention_mask"] = np.ones_like(ids)
        if "token_type_ids" in names:
            feed["token_type_ids"] = np.zeros_like(ids)
        h = sess.run(None, feed)[0][0].astype(np.float64)
        e = h.mean(axis=0)
        e /= max(np.linalg.norm(e), 1e-12)
        out.write("\t".join(repr(float(x)) for x in e) + "\n")
print(f"wrote {len(sentences)} embeddings to {a.out}")
