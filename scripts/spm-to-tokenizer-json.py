#!/usr/bin/env python3
"""Converts a SentencePiece unigram model (spm_train output) to an HF tokenizer.json, as HF's converters lay
it out for XLM-R/T5-style models, except that the normalizer is left out (no precompiled charsmap): the file
exercises the Unigram model and Metaspace. Reads the model protobuf directly (no protobuf package needed).

Used to make tokenizer-core/src/test/resources/dev/tokensmith/core/model/unigram-spm8k.json:
  (for f in $DATA/corpora/nl/*.txt.xz; do xz -dc $f | head -c 150000 | iconv -f utf-8 -t utf-8 -c; echo; done) > train.txt
  spm_train --input=train.txt --model_prefix=uni8k --vocab_size=8000 --model_type=unigram \
    --character_coverage=0.9995 --byte_fallback=true --max_sentence_length=20000
  scripts/spm-to-tokenizer-json.py uni8k.model > unigram-spm8k.json
(Debian bookworm's sentencepiece 0.1.97.)
"""
import json
import struct
import sys


def fields(buf):
    i = 0
    while i < len(buf):
        key, i = varint(buf, i)
        num, wire = key >> 3, key & 7
        if wire == 0:
            v, i = varint(buf, i)
        elif wire == 1:
            v, i = buf[i:i + 8], i + 8
        elif wire == 2:
            n, i = varint(buf, i)
            v, i = buf[i:i + n], i + n
        elif wire == 5:
            v, i = buf[i:i + 4], i + 4
        else:
            raise ValueError("wire type %d" % wire)
        yield num, wire, v


def varint(buf, i):
    shift = result = 0
    while True:
        b = buf[i]
        i += 1
        result |= (b & 0x7F) << shift
        if not b & 0x80:
            return result, i
        shift += 7


def main(path):
    data = open(path, "rb").read()
    pieces = []
    unk_id = 0
    byte_fallback = False
    for num, wire, v in fields(data):
        if num == 1:  # SentencePiece
            piece, score, kind = None, 0.0, 1
            for n, w, x in fields(v):
                if n == 1:
                    piece = x.decode("utf-8")
                elif n == 2:
                    score = struct.unpack("<f", x)[0]
                elif n == 3:
                    kind = x
            pieces.append([piece, score])
            if kind == 2:
                unk_id = len(pieces) - 1
            if kind == 6:
                byte_fallback = True
    meta = {"type": "Metaspace", "replacement": "\u2581", "prepend_scheme": "always", "split": True}
    out = {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [],
        "normalizer": None,
        "pre_tokenizer": meta,
        "post_processor": None,
        "decoder": meta,
        "model": {"type": "Unigram", "unk_id": unk_id, "vocab": pieces, "byte_fallback": byte_fallback},
    }
    json.dump(out, sys.stdout, ensure_ascii=False, indent=None, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
