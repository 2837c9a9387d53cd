#!/usr/bin/env python3
"""Training side by side with SentencePiece's BPE trainer (the library behind `spm_train --model_type=bpe`).

    python3 scripts/bench-train-spm.py --files 'DIR/*.txt' --vocab 32000 --threads 16 \
        --java "$JAVA -Xmx2g -XX:+UseParallelGC -cp $CP dev.tokensmith.cli.Main"

Both read the same files line by line (SentencePiece's unit; Tokensmith with --documents line) and learn a
vocabulary of the same size; each runs in its own process so that peak RSS is its own. The tokenizations differ
(SentencePiece splits on whitespace with ▁ and keeps rare characters out by character_coverage; Tokensmith's
byte-level template uses GPT-2's regex over bytes), so this compares throughput and memory only.
"""
import argparse
import glob
import json
import shlex
import subprocess
import sys

SPM_CHILD = r'''
import sys, time, sentencepiece as spm
files, vocab, threads = sys.argv[1].split(","), int(sys.argv[2]), int(sys.argv[3])
start = time.time()
spm.SentencePieceTrainer.train(input=",".join(files), model_prefix="/tmp/spm-bench", vocab_size=vocab,
                               model_type="bpe", num_threads=threads, input_sentence_size=0,
                               max_sentence_length=16384, minloglevel=2)
print(time.time() - start)
'''

WRAPPER = ("import resource,subprocess,sys,time,json;t=time.time();p=subprocess.run(sys.argv[1:],"
           "capture_output=True,text=True);w=time.time()-t;"
           "print(json.dumps({'rc':p.returncode,'wall':w,'rss_mb':resource.getrusage(resource.RUSAGE_CHILDREN)"
           ".ru_maxrss/1024,'out':p.stdout[-500:],'err':p.stderr[-500:]}))")


def measured(cmd):
    return json.loads(subprocess.run([sys.executable, "-c", WRAPPER] + cmd, capture_output=True, text=True).stdout)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", required=True)
    ap.add_argument("--vocab", type=int, default=32000)
    ap.add_argument("--threads", type=int, default=16)
    ap.add_argument("--java", required=True)
    a = ap.parse_args()
    files = sorted(glob.glob(a.files))
    size = sum(len(open(f, "rb").read()) for f in files)
    print(f"corpus: {size / 1e6:.0f} MB in {len(files)} files", flush=True)
    spm_run = measured([sys.executable, "-c", SPM_CHILD, ",".join(files), str(a.vocab), str(a.threads)])
    print("sentencepiece:", spm_run, flush=True)
    ours = measured(shlex.split(a.java) + ["train", "--corpus"] + files + [
        "--documents", "line", "--mode", "byte-level", "--vocab-size", str(a.vocab), "--threads", str(a.threads),
        "--out", "/tmp/ours-spm-bench.json", "--json", "--quiet"])
    print("tokensmith:", ours, flush=True)
    print("\n| tool | wall s | MB/s | peak RSS MB |\n|---|---|---|---|")
    for name, r in (("sentencepiece bpe", spm_run), ("tokensmith byte-level", ours)):
        print(f"| {name} | {r['wall']:.1f} | {size / 1e6 / r['wall']:.1f} | {r['rss_mb']:.0f} |")


if __name__ == "__main__":
    main()
