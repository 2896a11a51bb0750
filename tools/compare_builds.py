#!/usr/bin/env python3
"""Compare two built copies of the handbook site, page by page.

    python3 compare_builds.py SITE_A SITE_B [--ignore REGEX ...] [-v]

Exit status: 0 when both sites have the same set of files and every file is the
same after the normalisations below; 1 otherwise (one line per differing file,
with the first differing snippet of each side); 2 on a usage error.

Only the standard library is used. Normalised (each is something that
legitimately differs between two builds of the same sources):

  *.html      <meta name="generator" content="..."> (names the engine and its
              version: "mkdocs-1.6.1" vs "mkdocs-ProperDocs 1.6.7").
  sitemap.xml <lastmod>DATE</lastmod> (the build date, unless SOURCE_DATE_EPOCH).
  *.gz        compared decompressed, so the gzip header (mtime = build date,
              file name) is ignored; the content gets the normaliser of the
              name without ".gz" (sitemap.xml.gz -> sitemap.xml).
  sw.js       the handbook's service worker: VERSION (a hash over all file
              hashes) is masked; FILES (path -> [sha256[:12], bytes]) is
              checked against the files of its own site (each entry must match
              the built file exactly, so a stale or wrong precache list is
              still reported), then only its list of paths is compared, since
              the hashes and sizes of pages change with the generator tag.
  --ignore R  any extra regular expression, masked in every text file.

Everything else is compared byte for byte.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
from pathlib import Path

GENERATOR = re.compile(r'(<meta\s+name="generator"\s+content=")[^"]*(")')
LASTMOD = re.compile(r"(<lastmod>)[^<]*(</lastmod>)")
SW_VERSION = re.compile(r'(const VERSION = ")[^"]*(";)')
SW_FILES = re.compile(r"const FILES = (\{.*?\});", re.S)
SNIPPET = 70          # characters of context shown on each side


class Problem(Exception):
    """A file that cannot be compared as it is (e.g. a precache list that lies)."""


def mask(pattern: re.Pattern, text: str, label: str) -> str:
    return pattern.sub(lambda m: m.group(1) + label + m.group(2), text)


def normalise_sw(text: str, site: Path) -> str:
    text = mask(SW_VERSION, text, "<VERSION>")
    found = SW_FILES.search(text)
    if not found:
        return text
    files = json.loads(found.group(1))
    for rel, (digest, size) in files.items():
        path = site / rel
        if not path.is_file():
            raise Problem(f"FILES lists {rel}, which is not in the site")
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest()[:12] != digest or len(data) != size:
            raise Problem(f"FILES entry for {rel} does not match the built file")
    listing = json.dumps(sorted(files), ensure_ascii=False, indent=0)
    return text[:found.start()] + f"const FILES = <{len(files)} files: {listing}>;" + text[found.end():]


def normalise(rel: str, data: bytes, site: Path, extra: list[re.Pattern]) -> bytes | str:
    """The content of ``rel`` with everything that legitimately differs masked."""
    if rel.endswith(".gz"):
        data = gzip.decompress(data)
        rel = rel[:-3]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return data                                  # binary (images): bytes as they are
    name = rel.rsplit("/", 1)[-1]
    if rel.endswith(".html"):
        text = mask(GENERATOR, text, "<GENERATOR>")
    if name == "sitemap.xml":
        text = mask(LASTMOD, text, "<DATE>")
    if rel == "sw.js":
        text = normalise_sw(text, site)
    for pattern in extra:
        text = pattern.sub("<IGNORED>", text)
    return text


def first_difference(a: bytes | str, b: bytes | str) -> str:
    if type(a) is not type(b):
        return "one side is text, the other binary"
    if len(a) == len(b) == 0:
        return ""
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    start = max(0, i - 20)
    show = (lambda s: repr(s[start:i + SNIPPET]))
    where = f"at {'byte' if isinstance(a, bytes) else 'char'} {i}"
    if isinstance(a, str):
        where += f" (line {a.count(chr(10), 0, i) + 1})"
    return f"{where}: A={show(a)} B={show(b)}"


def files_of(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def compare(site_a: Path, site_b: Path, extra: list[re.Pattern]) -> tuple[list[str], int]:
    files_a, files_b = files_of(site_a), files_of(site_b)
    lines = [f"{rel}: only in A" for rel in sorted(files_a - files_b)]
    lines += [f"{rel}: only in B" for rel in sorted(files_b - files_a)]
    common = sorted(files_a & files_b)
    for rel in common:
        raw_a, raw_b = (site_a / rel).read_bytes(), (site_b / rel).read_bytes()
        if raw_a == raw_b and rel != "sw.js":        # sw.js: still check its FILES list
            continue
        try:
            norm_a = normalise(rel, raw_a, site_a, extra)
            norm_b = normalise(rel, raw_b, site_b, extra)
        except Problem as problem:
            lines.append(f"{rel}: {problem}")
            continue
        except (OSError, EOFError, gzip.BadGzipFile, json.JSONDecodeError, ValueError) as error:
            lines.append(f"{rel}: cannot normalise ({error})")
            continue
        if norm_a != norm_b:
            lines.append(f"{rel}: {first_difference(norm_a, norm_b)}")
    return lines, len(common)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site_a", type=Path)
    parser.add_argument("site_b", type=Path)
    parser.add_argument("--ignore", action="append", default=[], metavar="REGEX",
                        help="also mask this regular expression in every text file")
    parser.add_argument("-v", "--verbose", action="store_true", help="say which files differed only raw")
    args = parser.parse_args(argv)
    for site in (args.site_a, args.site_b):
        if not site.is_dir():
            parser.error(f"{site} is not a directory")
    extra = [re.compile(r) for r in args.ignore]
    lines, compared = compare(args.site_a, args.site_b, extra)
    for line in lines:
        print(line)
    if args.verbose:
        raw = sum(1 for rel in files_of(args.site_a) & files_of(args.site_b)
                  if (args.site_a / rel).read_bytes() != (args.site_b / rel).read_bytes())
        print(f"({raw} files differ byte for byte before normalising)", file=sys.stderr)
    if lines:
        print(f"DIFFERENT: {len(lines)} file(s) differ ({compared} compared)", file=sys.stderr)
        return 1
    print(f"SAME: {compared} files, identical after normalising", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
