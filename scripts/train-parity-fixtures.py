#!/usr/bin/env python3
"""Records what HF tokenizers' BpeTrainer learns on small corpora, as fixtures for BpeTrainerParityTest.

Run where python `tokenizers` is installed (the GPU machine has 0.23):
    python3 scripts/train-parity-fixtures.py CORPUS_DIR OUT_DIR
CORPUS_DIR holds <kind>/<category>.txt (or .txt.xz) files as in ../shared/data/corpora; only the beginning
of each file is read (PER_FILE_BYTES of whole documents), so a prefix of each file is enough.
Each case writes OUT_DIR/<case>.json.xz: the settings, the corpus (files, document count, sha256) and the
tokenizer.json HF saved. The Java test rebuilds the same documents from the full corpus files, checks the
sha256, trains with the same settings and compares vocabulary ids and merges.
"""
import hashlib
import json
import lzma
import os
import sys
import time

import tokenizers
from tokenizers import Regex, Tokenizer, models, normalizers, pre_tokenizers, trainers

PER_FILE_BYTES = 200_000
LLAMA3 = (r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*"
          r"|\s*[\r\n]+|\s+(?!\S)|\s+")
QWEN2 = (r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*"
         r"|\s*[\r\n]+|\s+(?!\S)|\s+")
KL3M_SPECIALS = ["<|start|>", "<|end|>", "<|pad|>", "<|unk|>", "<|sep|>", "<|cls|>", "<|mask|>",
                 "<|system|>", "</|system|>", "<|user|>", "</|user|>", "<|instruction|>", "</|instruction|>"]
EN = ["nl/en", "domain/tech-python-docs"]
MULTI = ["nl/en", "nl/de", "nl/fr", "nl/ru", "nl/zh-cn", "nl/ja", "nl/ar", "code/python", "code/c", "code/java"]

# name: (template, corpus files, trainer settings); settings use HF's names and values
CASES = {
    "gpt2-en-2k": ("byte-level", EN, dict(vocab_size=2000, min_frequency=2, special_tokens=["<|endoftext|>"])),
    "gpt2-multi-8k-maxlen5": ("byte-level", MULTI,
                              dict(vocab_size=8000, special_tokens=["<|endoftext|>"], max_token_length=5)),
    "llama3-multi-16k": ("llama3", MULTI,
                         dict(vocab_size=16000, special_tokens=["<|begin_of_text|>", "<|end_of_text|>"])),
    "qwen2-multi-4k": ("qwen2", MULTI, dict(vocab_size=4000, min_frequency=3, special_tokens=["<|endoftext|>"])),
    "kl3m-char-4k": ("char-level", MULTI,
                     dict(vocab_size=4096 - 13, min_frequency=2, special_tokens=KL3M_SPECIALS, max_token_length=4)),
    "kl3m-char-16k": ("char-level", MULTI,
                      dict(vocab_size=16384 - 13, min_frequency=2, special_tokens=KL3M_SPECIALS, max_token_length=5)),
    "minfreq-stop": ("byte-level", EN, dict(vocab_size=100000, min_frequency=40)),
    "whitespace-limit-alphabet": ("whitespace", MULTI, dict(vocab_size=3000, limit_alphabet=400,
                                                            special_tokens=["[UNK]", "[PAD]"])),
    "whitespace-prefix-suffix": ("whitespace", EN, dict(vocab_size=2000, continuing_subword_prefix="##",
                                                        end_of_word_suffix="</w>")),
}


def read_text(path):
    if os.path.exists(path + ".xz"):
        data = lzma.open(path + ".xz").read()
    else:
        data = open(path, "rb").read()
    return data.decode("utf-8", errors="ignore")


def documents(corpus_dir, name):
    """Blank-line-separated documents from the file's start, whole ones only, up to PER_FILE_BYTES."""
    text = read_text(os.path.join(corpus_dir, name + ".txt"))
    docs, total = [], 0
    for doc in text.split("\n\n"):
        if not doc:
            continue
        n = len(doc.encode("utf-8"))
        if total + n > PER_FILE_BYTES:
            break
        docs.append(doc)
        total += n
    return docs


def pipeline(template):
    tok = Tokenizer(models.BPE())
    if template in ("byte-level", "char-level"):
        tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    elif template in ("llama3", "qwen2"):
        tok.pre_tokenizer = pre_tokenizers.Sequence([
            pre_tokenizers.Split(Regex(LLAMA3 if template == "llama3" else QWEN2), behavior="isolated"),
            pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False)])
    elif template == "whitespace":
        tok.pre_tokenizer = pre_tokenizers.Whitespace()
    if template == "qwen2":
        tok.normalizer = normalizers.NFC()
    if template == "char-level":
        tok.normalizer = normalizers.Sequence([normalizers.NFKC()])
    return tok


def main(corpus_dir, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    for name, (template, files, settings) in CASES.items():
        docs = [d for f in files for d in documents(corpus_dir, f)]
        digest = hashlib.sha256("\n\n".join(docs).encode("utf-8")).hexdigest()
        alphabet = []
        if template in ("byte-level", "llama3", "qwen2"):
            alphabet = pre_tokenizers.ByteLevel.alphabet()
        elif template == "char-level":
            alphabet = [chr(i) for i in range(0, 255)]
        runs = []
        for _ in range(2):  # twice: HF is not deterministic everywhere; the fixture says whether it was here
            tok = pipeline(template)
            trainer = trainers.BpeTrainer(show_progress=False, initial_alphabet=alphabet, **settings)
            start = time.time()
            tok.train_from_iterator(docs, trainer=trainer)
            runs.append((json.loads(tok.to_str()), time.time() - start))
        fixture = {
            "case": name,
            "template": template,
            "settings": settings,
            "initial_alphabet": "bytelevel" if template in ("byte-level", "llama3", "qwen2")
            else ("U+0000..U+00FE" if template == "char-level" else "none"),
            "corpus": {"files": files, "per_file_bytes": PER_FILE_BYTES, "documents": len(docs),
                       "sha256_of_documents_joined_by_blank_lines": digest},
            "tokenizers_version": tokenizers.__version__,
            "deterministic": runs[0][0] == runs[1][0],
            "train_seconds": round(runs[0][1], 3),
            "tokenizer": runs[0][0],
        }
        with lzma.open(os.path.join(out_dir, name + ".json.xz"), "wt", encoding="utf-8") as f:
            json.dump(fixture, f, ensure_ascii=False)
        model = runs[0][0]["model"]
        print(f"{name}: {len(docs)} docs, vocab {len(model['vocab'])}, merges {len(model['merges'])}, "
              f"deterministic {fixture['deterministic']}, {fixture['train_seconds']} s")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
