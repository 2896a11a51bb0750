"""The handbook builds strictly, and mistakes stop the build with a message a
trainer can act on (file, line, problem) instead of a traceback."""

from __future__ import annotations

from pathlib import Path

import yaml

from conftest import ROOT, run_mkdocs_build


def test_handbook_builds_strictly(site_dir: Path):
    assert (site_dir / "index.html").is_file()
    assert (site_dir / "search" / "search_index.js").is_file()


def test_every_nav_page_is_built(site_dir: Path):
    for md in (ROOT / "docs").rglob("*.md"):
        html = site_dir / md.relative_to(ROOT / "docs").with_suffix(".html")
        assert html.is_file(), f"{md} was not built"


def test_company_name_comes_from_the_site_variable(site_dir: Path):
    company = yaml.safe_load(
        (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nplugins:")[0]
        .replace("!ENV", "")
    )["extra"]["company"]
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    assert f"欢迎加入{company}销售团队" in home
    literal = [str(p.relative_to(ROOT)) for p in (ROOT / "docs").rglob("*.md")
               if company in p.read_text(encoding="utf-8")]
    assert literal == [], f"pages write the company name literally: {literal}"


def _break(project: Path, page: str, text: str) -> None:
    path = project / "docs" / page
    path.write_text(path.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")


def _assert_readable_failure(result, *expected: str) -> None:
    output = result.stdout + result.stderr
    assert result.returncode != 0, "the build should have failed"
    assert "Traceback" not in output, output
    for fragment in expected:
        assert fragment in output, f"{fragment!r} not in:\n{output}"


def test_broken_link_fails_the_build(project_copy: Path):
    _break(project_copy, "trial/index.md", "[下一步](../no-such-page.md)")
    result = run_mkdocs_build(project_copy, project_copy / "site")
    _assert_readable_failure(result, "trial/index.md", "no-such-page.md")


def test_broken_anchor_fails_the_build(project_copy: Path):
    _break(project_copy, "trial/index.md", "[评价](../hiring/index.md#no-such-anchor)")
    result = run_mkdocs_build(project_copy, project_copy / "site")
    _assert_readable_failure(result, "trial/index.md", "#no-such-anchor")


def test_undefined_variable_fails_the_build(project_copy: Path):
    _break(project_copy, "trial/index.md", "欢迎来到{{ compnay }}")
    result = run_mkdocs_build(project_copy, project_copy / "site")
    _assert_readable_failure(result, "trial/index.md", "compnay")


def test_failing_macro_fails_the_build(project_copy: Path):
    _break(project_copy, "trial/index.md", "{{ learning_path(1, 2, 3) }}")
    result = run_mkdocs_build(project_copy, project_copy / "site")
    _assert_readable_failure(result, "trial/index.md", "learning_path")


def test_bad_front_matter_names_file_line_and_field(project_copy: Path):
    page = project_copy / "docs" / "trial" / "index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("minutes:", "minuts:", 1),
                    encoding="utf-8")
    line = next(i for i, text in enumerate(page.read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith("minuts:"))
    result = run_mkdocs_build(project_copy, project_copy / "site")
    _assert_readable_failure(result, f"docs/trial/index.md:{line}: 页面信息“minuts”：不认识这一项")


def test_no_source_maps_or_unused_search_languages(site_dir: Path):
    assert not list(site_dir.rglob("*.map"))
    assert not (site_dir / "assets" / "javascripts" / "lunr").exists()


def test_plain_tables_come_wrapped_as_materials_bundle_would(site_dir, tmp_path):
    """Markdown tables are wrapped for sideways scrolling in the page itself
    (Material's bundle would do it after the page is drawn); tables with a
    class of their own (the handbook's) are left as they are; a second run
    of the post-build step wraps nothing twice."""
    from macros.postbuild.trim import TABLE_CLOSE, TABLE_OPEN, minify_pages, wrap_tables

    page = (site_dir / "glossary.html").read_text(encoding="utf-8")
    assert page.count("<table>") == page.count(TABLE_OPEN + "<table>") > 0
    assert page.count("<table>") == page.count("</table>" + TABLE_CLOSE)
    html = '<p>x</p><table><tr><td><b>a</b></td></tr></table><table class="hb-x"><tr><td>b</td></tr></table>'
    assert wrap_tables(html) == ('<p>x</p>' + TABLE_OPEN + '<table><tr><td><b>a</b></td></tr></table>' + TABLE_CLOSE
                                 + '<table class="hb-x"><tr><td>b</td></tr></table>')
    (tmp_path / "p.html").write_text(html, encoding="utf-8")
    minify_pages(tmp_path)
    minify_pages(tmp_path)
    assert (tmp_path / "p.html").read_text(encoding="utf-8") == wrap_tables(html)


def test_a_material_bundle_the_patches_do_not_recognise_stops_the_build(tmp_path):
    """After a Material upgrade the bundle patches (lazy search index, quiet
    first palette) must say which one no longer fits, not ship a half-patched site."""
    import pytest as _pytest

    from macros.postbuild.trim import defer_search_index, quiet_first_palette

    folder = tmp_path / "assets" / "javascripts"
    folder.mkdir(parents=True)
    (folder / "bundle.0123abcd.min.js").write_text("console.log(1)", encoding="utf-8")
    for patch, name in ((defer_search_index, "defer_search_index"), (quiet_first_palette, "quiet_first_palette")):
        with _pytest.raises(RuntimeError, match=name):
            patch(tmp_path)
    assert (folder / "bundle.0123abcd.min.js").read_text(encoding="utf-8") == "console.log(1)"
