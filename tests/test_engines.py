"""The handbook is not welded to one engine: ProperDocs (the maintained
drop-in fork of MkDocs 1.x, pinned in requirements-dev.txt) builds the same
pages as MkDocs, compared file by file with tools/compare_builds.py."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SITE_PORT

PROPERDOCS = Path(sys.executable).with_name("properdocs")


def test_properdocs_builds_the_same_pages(site_dir, tmp_path):
    assert PROPERDOCS.is_file(), "properdocs is pinned in requirements-dev.txt"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_SITE_URL": f"http://127.0.0.1:{SITE_PORT}/"}
    other = tmp_path / "site-properdocs"
    built = subprocess.run([str(PROPERDOCS), "build", "--strict", "-f", "mkdocs.yml", "-d", str(other)],
                           cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr
    compared = subprocess.run([sys.executable, "tools/compare_builds.py", str(site_dir), str(other)],
                              cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert compared.returncode == 0, compared.stdout + compared.stderr
    assert "SAME:" in compared.stderr


def test_the_comparison_sees_a_changed_page(site_dir, tmp_path):
    """The comparison can fail: one changed word in one page is reported."""
    import shutil

    other = tmp_path / "site"
    shutil.copytree(site_dir, other)
    page = other / "pre-job" / "objections.html"
    page.write_text(page.read_text(encoding="utf-8").replace("异议", "意见", 1), encoding="utf-8")
    compared = subprocess.run([sys.executable, "tools/compare_builds.py", str(site_dir), str(other)],
                              cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert compared.returncode == 1
    assert compared.stdout.startswith("pre-job/objections.html: at char")
