#!/usr/bin/env python3
"""Training side by side: Tokensmith's `train` against python `tokenizers`' BpeTrainer, same corpus, same machine.

    python3 scripts/bench-train.py --xz-dir DIR --replicate R --work /tmp/corpus --vocab 32000,128000 \
        --threads 16 --java "$JAVA -Xmx8g -cp $CP dev.tokensmith.cli.Main"

Decompresses DIR/*.txt.xz into WORK (each file R times, so the corpus reaches the size asked for), then for each
vocabulary size runs, each in its own process (so peak RSS is the process's own): HF from an iterator of the
same blank-line-separated documents Tokensmith reads, HF from the files (its fastest path; it reads lines, so its
pre-tokens differ slightly), and Tokensmith's `train --corpus WORK`. Reports wall seconds, MB/s and peak RSS,
and how many of the first merges HF (documents) and Tokensmith agree on.
"""
import argparse
import glob
import json
import lzma
import os
import resource
import shlex
import subprocess
import sys
import time

HF_CHILD = r'''
import glob, json, os, re, sys, time
from tokenizers import Tokenizer, models, pre_tokenizers, decoders, trainers
work, vocab, mode, out = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
files = sorted(glob.glob(os.path.join(work, "*.txt")))
tok = Tokenizer(models.BPE())
tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
tok.decoder = decoders.ByteLevel()
trainer = trainers.BpeTrainer(vocab_size=vocab, show_progress=False, special_tokens=["<|endoftext|>"],
                              initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
blank = re.compile(r"\n(?:\r?\n)+")
def docs():
    for f in files:
        with open(f, encoding="utf-8") as h:
            text = h.read()
        for d in blank.split(text.rstrip("\n")):
            if d:
                yield d
start = time.time()
if mode == "files":
    tok.train(files, trainer)
else:
    tok.train_from_iterator(docs(), trainer=trainer)
print(json.dumps({"seconds": time.time() - start}))
tok.save(out)
'''


def run_measured(cmd):
    """Runs cmd in a child of a fresh python, which reports the child's wall time and peak RSS."""
    wrapper = ("import resource,subprocess,sys,time,json;t=time.time();p=subprocess.run(sys.argv[1:],"
               "capture_output=True,text=True);w=time.time()-t;"
               "print(json.dumps({'rc':p.returncode,'wall':w,'rss_mb':resource.getrusage(resource.RUSAGE_CHILDREN)"
               ".ru_maxrss/1024,'out':p.stdout[-2000:],'err':p.stderr[-2000:]}))")
    p = subprocess.run([sys.executable, "-c", wrapper] + cmd, capture_output=True, text=True)
    return json.loads(p.stdout)


def merges(path):
    with open(path, encoding="utf-8") as f:
        return [tuple(m) if isinstance(m, list) else tuple(m.split(" ", 1)) for m in json.load(f)["model"]["merges"]]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--xz-dir", required=True)
    ap.add_argument("--replicate", type=int, default=1)
    ap.add_argument("--work", required=True)
    ap.add_argument("--vocab", default="32000,128000")
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--java", required=True)
    ap.add_argument("--skip-hf-files", action="store_true")
    ap.add_argument("--skip-hf", action="store_true", help="run only Tokensmith (HF's outputs from an earlier run stay)")
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    total = 0
    for xz in sorted(glob.glob(os.path.join(a.xz_dir, "*.txt.xz"))):
        data = lzma.open(xz).read()
        name = os.path.basename(xz)[:-len(".txt.xz")]
        for k in range(a.replicate):
            with open(os.path.join(a.work, f"{name}-{k}.txt"), "wb") as f:
                f.write(data)
            total += len(data)
    print(f"corpus: {total / 1e6:.0f} MB in {len(os.listdir(a.work))} files ({a.replicate} copies of each)", flush=True)
    rows = []
    for vocab in [int(v) for v in a.vocab.split(",")]:
        results = {}
        modes = [] if a.skip_hf else ["documents"] + ([] if a.skip_hf_files else ["files"])
        for mode in modes:
            out = f"/tmp/hf-{mode}-{vocab}.json"
            r = run_measured([sys.executable, "-c", HF_CHILD, a.work, str(vocab), mode, out])
            results["hf-" + mode] = (r, out)
            print(f"hf {mode} {vocab}: rc {r['rc']} {r['wall']:.1f} s, {r['rss_mb']:.0f} MB {r['err'][-300:]}", flush=True)
        out = f"/tmp/ours-{vocab}.json"
        cmd = shlex.split(a.java) + ["train", "--corpus", a.work, "--mode", "byte-level", "--vocab-size",
                                     str(vocab), "--threads", str(a.threads), "--out", out, "--json", "--quiet"]
        r = run_measured(cmd)
        results["tokensmith"] = (r, out)
        print(f"tokensmith {vocab}: rc {r['rc']} {r['wall']:.1f} s, {r['rss_mb']:.0f} MB {r['out'][-400:]}"
              f" {r['err'][-600:]}", flush=True)
        agree = None
        try:
            hm, om = merges(f"/tmp/hf-documents-{vocab}.json"), merges(out)
            agree = next((i for i, (x, y) in enumerate(zip(hm, om)) if x != y), min(len(hm), len(om)))
        except Exception as e:  # noqa: BLE001 - a failed run is reported, not fatal
            print("cannot compare merges:", e)
        rows.append((vocab, results, agree))
    print("\n| vocab | tool | wall s | MB/s | peak RSS MB |")
    print("|---|---|---|---|---|")
    for vocab, results, agree in rows:
        for name, (r, _) in results.items():
            print(f"| {vocab} | {name} | {r['wall']:.1f} | {total / 1e6 / r['wall']:.1f} | {r['rss_mb']:.0f} |")
        print(f"| {vocab} | first merges identical (HF documents vs Tokensmith) | {agree} | | |")


if __name__ == "__main__":
    main()
