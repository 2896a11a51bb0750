"""Keyboard, focus, storage and navigation details of the real handbook in
Chromium (network blocked as in conftest): visible focus on every control in
light and dark, where focus goes after answering, role-plays in stage tests,
Material with broken storage, search without key events, instant navigation
in copies built without site_url, option order kept on reload, the home
page's header, and code sample colours."""

from __future__ import annotations

import os
import subprocess

import pytest

from answering import answer, question_ids, quiz_key, scenario_path
from conftest import MKDOCS, ROOT, serve
from test_engine_browser import tab_to

QUIZ_PAGE = "visits/retail-visit.html"          # every question type and two checklists
TEST_PAGE = "probation/index.html"              # a stage test (考试模式) with role-plays


@pytest.fixture(params=["light", "dark"])
def scheme_page(request, browser):
    """A page of a context in the light or the dark colour scheme, at tablet size."""
    ctx = browser.new_context(viewport={"width": 768, "height": 1024}, locale="zh-CN",
                              color_scheme=request.param)
    page = ctx.new_page()
    page.js_errors = []
    page.on("pageerror", lambda exc: page.js_errors.append(str(exc)))
    page.scheme = request.param
    yield page
    ctx.close()


# ---------------------------------------------------------------- contrast

def _linear(v: float) -> float:
    v /= 255
    return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4


def contrast(a: list[float], b: list[float]) -> float:
    la, lb = (0.2126 * _linear(c[0]) + 0.7152 * _linear(c[1]) + 0.0722 * _linear(c[2]) for c in (a, b))
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


# Colours in the browser: "rgb(…)" / "rgba(…)" parsed, a colour composited over
# what is behind an element (its ancestors' backgrounds, down to the page).
COLOUR_JS = """
window.__hbColour = (text) => { const m = text.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
window.__hbOver = (c, under) => [0, 1, 2].map(i => c[i] * c[3] + under[i] * (1 - c[3]));
window.__hbBehind = (node) => {
  const layers = [];
  for (let n = node; n; n = n.parentElement) {
    const c = __hbColour(getComputedStyle(n).backgroundColor);
    if (c[3] > 0) layers.push(c);
    if (c[3] >= 1) break;
  }
  return layers.reverse().reduce((under, c) => __hbOver(c, under), [255, 255, 255]);
};
"""

# The focus indicator of the focused control: the element from the focused
# one up to its question or checklist that draws an outline (>= 2 px) or a
# box-shadow, with the colour of the ring and of what the ring is drawn on.
RING_JS = COLOUR_JS + """
(() => {
  const el = document.activeElement;
  const stop = el.closest('[data-question], [data-checklist], [data-quiz]');
  for (let n = el; n && n !== stop; n = n.parentElement) {
    const s = getComputedStyle(n);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
    if (!outline && s.boxShadow === 'none') continue;
    const under = __hbBehind(n.parentElement);
    const colour = outline ? s.outlineColor : s.boxShadow.match(/rgba?\\([^)]*\\)/)[0];
    return { tag: n.tagName + '.' + n.className, width: outline ? parseFloat(s.outlineWidth) : 2,
             colour: __hbOver(__hbColour(colour), under), under: under };
  }
  return { tag: el.tagName + '.' + el.className, width: 0 };
})()
"""


def focus_ring(page) -> dict:
    return page.evaluate(RING_JS)


def assert_visible_ring(page, what: str):
    ring = focus_ring(page)
    assert ring["width"] >= 2, f"{what}: no focus indicator of 2 px or more on {ring['tag']}"
    ratio = contrast(ring["colour"], ring["under"])
    assert ratio >= 3, f"{what}: focus ring {ring['colour']} on {ring['under']} is {ratio:.2f}:1"


def tab_within(page, q, target, limit: int = 40):
    """Tab to ``target`` starting from question (or checklist) ``q``'s heading."""
    q.locator(".hb-question__label, .hb-checklist__title").first.click()
    tab_to(page, target, limit=limit)


def open_page(page, url: str):
    page.goto(url)
    page.wait_for_selector("[data-quiz] .hb-check")
    if getattr(page, "scheme", None):
        scheme = page.evaluate("document.body.dataset.mdColorScheme")
        assert scheme == ("slate" if page.scheme == "dark" else "default")


# ---------------------------------------------------------------- 1. focus ring

def test_focus_ring_on_every_control(scheme_page, site_url):
    page = scheme_page
    open_page(page, site_url + QUIZ_PAGE)
    quiz = page.locator('[data-quiz][data-mode="practice"]').first
    controls = {"single": "input", "multiple": "input", "truefalse": "input",
                "ordering": "select", "matching": "select", "scenario": ".hb-scene__choice"}
    for kind, selector in controls.items():
        q = quiz.locator(f'[data-type="{kind}"]').first
        tab_within(page, q, q.locator(selector))
        assert page.evaluate("document.activeElement.matches(':focus-visible')")
        assert_visible_ring(page, f"{kind} ({page.scheme})")
    checklist = page.locator("[data-checklist]").first
    tab_within(page, checklist, checklist.locator("input[type=checkbox]"))
    assert_visible_ring(page, f"checklist ({page.scheme})")
    assert page.js_errors == []


# ---------------------------------------------------------------- 2. focus after answering

def active(page) -> dict:
    return page.evaluate("""() => { const a = document.activeElement;
        return { cls: a.className, body: a === document.body, visible: a.matches(':focus-visible'),
                 question: a.closest('[data-question]') ? a.closest('[data-question]').dataset.question : null,
                 text: a.innerText }; }""")


def test_focus_goes_to_the_feedback_and_along_a_role_play(scheme_page, site_url):
    page = scheme_page
    open_page(page, site_url + QUIZ_PAGE)
    quiz_id = page.locator('[data-quiz][data-mode="practice"]').first.get_attribute("data-quiz")
    key = quiz_key(page, quiz_id)
    for i, qid in enumerate(question_ids(page, quiz_id)):
        q = page.locator(f'[data-quiz="{quiz_id}"] [data-question="{qid}"]')
        if key[qid]["type"] == "scenario":
            path = scenario_path(key[qid], success=False)
            q.locator(".hb-question__label").click()
            for step, index in enumerate(path):
                tab_to(page, q.locator(".hb-scene__choices").last.locator(".hb-scene__choice").nth(index), limit=40)
                page.keyboard.press("Enter")
                now = active(page)
                assert now["question"] == qid and now["visible"], f"{qid} step {step}: focus on {now}"
                if step < len(path) - 1:
                    assert "hb-scene__customer" in now["cls"]
                    assert now["text"] == q.locator(".hb-scene__customer").last.inner_text()
                else:
                    assert "hb-scene__end" in now["cls"] and "没有成功" in now["text"]
                assert_visible_ring(page, f"{qid} step {step}")
            continue
        answer(page, quiz_id, qid, right=i % 2 == 0, submit=False)
        tab_within(page, q, q.get_by_role("button", name="提交本题"))
        page.keyboard.press("Enter")
        now = active(page)
        assert not now["body"], f"{qid}: focus fell to <body> after 提交本题"
        assert now["question"] == qid and "hb-feedback" in now["cls"] and now["visible"], now
        assert "回答" in now["text"]                          # the verdict is what has focus
        assert_visible_ring(page, f"{qid} feedback ({page.scheme})")
    # By pointer the result gets focus too (not shown as a ring: no keyboard use).
    page.locator(f'[data-quiz="{quiz_id}"]').get_by_role("button", name="全部重做").click()
    first = question_ids(page, quiz_id)[0]
    answer(page, quiz_id, first, right=True, submit=False)
    page.locator(f'[data-quiz="{quiz_id}"] [data-question="{first}"]').get_by_role("button", name="提交本题").click()
    assert "hb-feedback" in active(page)["cls"]
    assert page.js_errors == []


# ---------------------------------------------------------------- 3. role-play in a stage test

def test_role_play_in_a_stage_test_shows_its_outcome_only_after_submitting(page, site_url):
    page.goto(site_url + TEST_PAGE)
    quiz = page.locator('[data-quiz][data-mode="test"]').filter(has=page.locator('[data-type="scenario"]')).first
    quiz_id = quiz.get_attribute("data-quiz")
    page.wait_for_selector(f'[data-quiz="{quiz_id}"] .hb-submit')
    q = quiz.locator('[data-type="scenario"]').first
    qid = q.get_attribute("data-question")
    key = quiz_key(page, quiz_id)[qid]
    path = scenario_path(key, success=False)

    def hidden_outcome():
        text = q.inner_text()
        assert "这段对话没有成功" not in text and "对话成功结束" not in text
        assert "结果：" not in text                           # no per-reply critique
        assert q.locator(".hb-scene__outcome:visible, .hb-scene__end:visible").count() == 0
        assert q.locator(".hb-feedback").inner_text() == ""
        assert q.locator(".hb-scene__you").count() == len(path)          # the rep's replies
        assert q.locator(".hb-scene__customer").count() == len(path)     # and each next customer line
        assert "交卷后显示结果" in text

    for step, index in enumerate(path):
        q.locator(".hb-scene__choices").last.locator(".hb-scene__choice").nth(index).click()
        if step < len(path) - 1:
            assert q.locator(".hb-scene__outcome:visible").count() == 0
    hidden_outcome()
    assert active(page)["question"] == qid                  # focus kept in the role-play
    page.reload()
    page.wait_for_selector(f'[data-quiz="{quiz_id}"] .hb-submit')
    q = page.locator(f'[data-quiz="{quiz_id}"] [data-question="{qid}"]')
    hidden_outcome()
    # 交卷 (twice: the other questions are unanswered): now it shows as in practice.
    page.locator(f'[data-quiz="{quiz_id}"] .hb-submit').click()
    page.locator(f'[data-quiz="{quiz_id}"]').get_by_role("button", name="仍然交卷").click()
    text = q.inner_text()
    assert "这段对话没有成功" in text and "结果：" in text
    assert q.locator(".hb-scene__outcome:visible").count() == len(path)
    assert "交卷后显示结果" not in text
    assert "✗ 回答错误" in q.locator(".hb-feedback").inner_text()
    page.reload()
    assert "这段对话没有成功" in page.locator(f'[data-quiz="{quiz_id}"] [data-question="{qid}"]').inner_text()
    assert page.js_errors == []


# ---------------------------------------------------------------- 4. Material with broken storage

BLOCKED = """for (const name of ['localStorage', 'sessionStorage'])
    Object.defineProperty(window, name, { get() { throw new DOMException('denied', 'SecurityError'); } });"""


def junk(values: dict) -> str:
    """Values under Material's keys: "<site path>.<name>" ("/.__palette" at the root)."""
    import json

    sets = "".join(f"localStorage.setItem(new URL('.', location.origin + '/').pathname + {json.dumps('.' + k)}, "
                   f"{json.dumps(v)});" for k, v in values.items())
    return f"try {{ {sets} }} catch (e) {{}}"


@pytest.mark.parametrize("storage", [
    "blocked",
    {"__palette": "{not json", "__tabs": "[1,", "__announce": "{"},
    {"__palette": '{"index": "x"}', "__tabs": '{"a": 1}'},
    {"__palette": '{"index": 1.5, "color": {"a b": 1}}'},
    {"__palette": '"dark"'},
], ids=["blocked", "not-json", "wrong-index", "bad-color", "string"])
def test_material_survives_blocked_storage_and_junk(browser, site_url, storage):
    ctx = browser.new_context(viewport={"width": 768, "height": 1024}, locale="zh-CN")
    ctx.add_init_script(BLOCKED if storage == "blocked" else junk(storage))
    page = ctx.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto(site_url + "pre-job/objections.html")
        toggle = page.locator("[data-md-component=palette] label:not([hidden])")
        toggle.wait_for()
        assert toggle.count() == 1 and toggle.is_visible()
        before = toggle.get_attribute("for")
        toggle.click()                                        # the toggle still switches
        page.wait_for_function("""(before) => document.querySelector(
            '[data-md-component=palette] label:not([hidden])').htmlFor !== before""", arg=before)
        page.locator("label[for=__search]").first.click()
        box = page.locator("input.md-search__input")
        box.press_sequentially("MAN")
        page.wait_for_function("() => /个符合条件/.test(document.querySelector('.md-search-result__meta').textContent)",
                               timeout=15000)
        assert page.locator(".md-search-result__item").count() > 0
        page.keyboard.press("Escape")
        page.set_viewport_size({"width": 1280, "height": 900})  # sidebars sized by Material
        page.wait_for_function("() => document.querySelector('.md-sidebar--primary .md-sidebar__scrollwrap').style.height !== ''")
        assert errors == []
    finally:
        ctx.close()


@pytest.mark.parametrize("scheme, drawn", [("dark", "slate"), ("light", "default")])
def test_first_visit_is_drawn_in_the_system_scheme_before_any_script(browser, site_url, scheme, drawn):
    """Scripts are deferred, so a page can be drawn before Material's bundle runs:
    on a dark tablet's first visit it must be dark from the first paint, not
    white until the bundle applies the palette."""
    ctx = browser.new_context(viewport={"width": 768, "height": 1024}, locale="zh-CN", color_scheme=scheme)
    try:
        page = ctx.new_page()
        page.route("**/bundle.*.min.js", lambda route: route.abort())     # as drawn before it runs
        page.goto(site_url + "pre-job/index.html")
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == drawn
        page.unroute("**/bundle.*.min.js")
        page.goto(site_url + "glossary.html", wait_until="networkidle")
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == drawn
        assert not page.evaluate("document.body.hasAttribute('data-md-color-switching')")
        # The reader's own choice still wins over the system's on the next page.
        toggle = page.locator("[data-md-component=palette] label:not([hidden])")
        for _ in range(2):                       # 跟随系统 → 浅色 → 深色
            before = toggle.get_attribute("for")
            toggle.click()
            page.wait_for_function("""(before) => document.querySelector(
                '[data-md-component=palette] label:not([hidden])').htmlFor !== before""", arg=before)
        page.route("**/bundle.*.min.js", lambda route: route.abort())
        page.goto(site_url + "pre-job/index.html")
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    finally:
        ctx.close()


CHANGES = """window.__changes = [];
document.addEventListener('readystatechange', () => { if (document.readyState !== 'interactive') return;
  /* the page is parsed; the deferred scripts run next */
  new MutationObserver((records) => { for (const r of records) {
    const t = r.target;
    if (r.type === 'attributes' && r.oldValue !== t.getAttribute(r.attributeName) &&
        (t === document.documentElement || (t.matches && t.matches('link[rel=stylesheet], meta[name=color-scheme]'))))
      window.__changes.push(t.nodeName + ' ' + r.attributeName + ': ' + r.oldValue + ' → ' + t.getAttribute(r.attributeName));
    if (r.type === 'childList') for (const n of r.addedNodes)
      if (n.nodeType === 1 && n.matches('.md-typeset__scrollwrap')) window.__changes.push('a table wrapped after load');
  } }).observe(document, { subtree: true, childList: true, attributes: true, attributeOldValue: true }); });"""


@pytest.mark.parametrize("scheme, word", [("dark", "dark"), ("light", "light")])
def test_the_drawn_page_is_not_restyled_when_the_scripts_start(browser, site_url, scheme, word):
    """On a slow tablet each of these, done by Material's bundle on a page
    already drawn, restyles every element of it: the html element's class,
    the stylesheets loaded again (instant navigation rewrites their URLs), the
    colour-scheme meta tag filled in, the tables wrapped for scrolling. The
    page comes with all of them done; the scripts change none of them. Instant
    navigation still keeps one copy of each stylesheet."""
    ctx = browser.new_context(viewport={"width": 768, "height": 1024}, locale="zh-CN", color_scheme=scheme)
    try:
        page = ctx.new_page()
        page.add_init_script(CHANGES)
        page.goto(site_url + "glossary.html", wait_until="networkidle")
        page.wait_for_timeout(300)
        assert page.evaluate("window.__changes") == []
        assert page.evaluate("document.documentElement.className") == "js js-focus-visible"
        metas = page.evaluate("[...document.querySelectorAll('meta[name=color-scheme]')].map((m) => m.content)")
        assert metas == [word]
        assert page.evaluate("getComputedStyle(document.querySelector('header')).colorScheme") == word
        tables = page.evaluate("""() => [...document.querySelectorAll('article table:not([class])')].map((t) =>
            t.parentElement.className + ' < ' + t.parentElement.parentElement.className + ' < ' +
            t.parentElement.parentElement.parentElement.nodeName)""")
        assert tables and set(tables) == {"md-typeset__table < md-typeset__scrollwrap < ARTICLE"}
        sheets = page.evaluate("[...document.querySelectorAll('link[rel=stylesheet]')].map((l) => l.href)")
        assert not any(h.startswith("http") for h in page.evaluate(
            "[...document.querySelectorAll('link[rel=stylesheet]')].map((l) => l.getAttribute('href'))"))
        # instant navigation to a page one folder down, and on to another
        page.locator(".md-content a[href*='pre-job/objections.html#']").first.click()
        page.wait_for_function("() => location.pathname.endsWith('/pre-job/objections.html')")
        page.wait_for_selector("article h1")
        assert page.evaluate("performance.getEntriesByType('navigation')[0].name").endswith("/glossary.html")
        assert page.evaluate("[...document.querySelectorAll('link[rel=stylesheet]')].map((l) => l.href)") == sheets
        assert page.evaluate("[...document.querySelectorAll('meta[name=color-scheme]')].map((m) => m.content)") == [word]
        tables = page.evaluate("[...document.querySelectorAll('article table:not([class])')].map((t) => t.parentElement.className)")
        assert tables and set(tables) == {"md-typeset__table"}
        assert page.evaluate("document.querySelectorAll('.md-typeset__table .md-typeset__table').length") == 0
    finally:
        ctx.close()


# ---------------------------------------------------------------- 5. search without key events

def test_search_follows_text_put_in_without_keys(page, site_url):
    page.goto(site_url + "index.html")
    page.locator("label[for=__search]").first.click()
    page.locator("input.md-search__input").wait_for()
    page.wait_for_timeout(300)
    # Dictation or a paste from the context menu: the value changes, one input event, no keys.
    page.evaluate("""() => { const box = document.querySelector('input.md-search__input');
        box.value = '成交'; box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: '成交' })); }""")
    page.wait_for_function("() => /个符合条件/.test(document.querySelector('.md-search-result__meta').textContent)",
                           timeout=15000)
    assert page.locator(".md-search-result__item").count() > 0
    # Cleared the same way: back to the prompt.
    page.evaluate("""() => { const box = document.querySelector('input.md-search__input');
        box.value = ''; box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'deleteContentBackward' })); }""")
    page.wait_for_function("() => /键入以开始搜索/.test(document.querySelector('.md-search-result__meta').textContent)")
    assert page.js_errors == []


# ---------------------------------------------------------------- 6. instant navigation anywhere

@pytest.fixture(scope="module")
def local_build(tmp_path_factory):
    """The handbook as ./handbook build makes it: no HANDBOOK_SITE_URL."""
    target = tmp_path_factory.mktemp("local") / "site"
    env = {k: v for k, v in os.environ.items() if k != "HANDBOOK_SITE_URL"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    result = subprocess.run([*MKDOCS, "build", "--strict", "-d", str(target)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "<url>" not in (target / "sitemap.xml").read_text(encoding="utf-8")   # what Material reads
    return target


@pytest.mark.parametrize("copy", ["built without site_url", "served on another port"])
def test_instant_navigation_in_a_copy_served_elsewhere(browser, copy, request):
    directory = request.getfixturevalue("local_build" if copy.startswith("built") else "site_dir")
    server = serve(directory)                               # a random free port
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN", service_workers="block")
    page = ctx.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto(base + "index.html")
        page.wait_for_load_state("networkidle")
        page.evaluate("window.__sameDocument = true")
        page.locator(".md-nav--primary a.md-nav__link[href$='glossary.html']").first.click()
        page.wait_for_url(base + "glossary.html")
        page.wait_for_function("() => document.querySelector('article h1').textContent.includes('术语表')")
        assert page.evaluate("window.__sameDocument === true"), "the page was loaded in full"
        # Onwards to a page with a quiz: it is set up after the instant navigation.
        page.locator(".md-nav--primary a.md-nav__link[href$='objections.html']").first.click()
        page.wait_for_selector('[data-quiz] .hb-check')
        assert page.url == base + "pre-job/objections.html"
        assert page.evaluate("window.__sameDocument === true")
        page.go_back()
        page.wait_for_url(base + "glossary.html")
        page.wait_for_function("() => document.querySelector('article h1').textContent.includes('术语表')")
        assert page.evaluate("window.__sameDocument === true")
        assert errors == []
    finally:
        ctx.close()
        server.shutdown()


# ---------------------------------------------------------------- 7. option order on reload

# Math.random seeded differently on each load of the tab (window.name survives
# reloads), so the test is repeatable and every load shuffles anew.
SEEDED_RANDOM = """(() => {
  let seed = (parseInt(window.name, 10) || 0) + 1;
  window.name = String(seed);
  seed *= 2654435761;
  Math.random = () => { seed |= 0; seed = seed + 0x6D2B79F5 | 0; let t = Math.imul(seed ^ seed >>> 15, 1 | seed);
    t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t; return ((t ^ t >>> 14) >>> 0) / 4294967296; };
})();"""

ORDER_JS = """(q) => [['.hb-options', '.hb-option input'], ['.hb-order', '.hb-order__item > select'],
                      ['.hb-match select', 'option:not([value=""])']]
    .flatMap(([box, item]) => [...q.querySelectorAll(box)].map(b =>
        [...b.querySelectorAll(item)].map(x => x.dataset.token || x.value)))"""


def shown_order(page, quiz_id: str, qid: str) -> list:
    return page.locator(f'[data-quiz="{quiz_id}"] [data-question="{qid}"]').evaluate(ORDER_JS)


def test_options_keep_the_order_they_were_answered_in(context, site_url):
    context.add_init_script(SEEDED_RANDOM)
    page = context.new_page()
    page.js_errors = []
    page.on("pageerror", lambda exc: page.js_errors.append(str(exc)))
    page.goto(site_url + QUIZ_PAGE)
    quiz_id = "retail-visit"
    page.wait_for_selector(f'[data-quiz="{quiz_id}"] .hb-check')
    key = quiz_key(page, quiz_id)
    qids = [q for q in question_ids(page, quiz_id) if key[q]["type"] != "scenario"]
    answered = {}
    for qid in qids:
        answered[qid] = shown_order(page, quiz_id, qid)
        answer(page, quiz_id, qid, right=False)
    # Without JavaScript's shuffle the page has another order: the test can tell.
    # (A context of its own with JavaScript off: in this one the service worker
    # may already serve the scripts, and a new page would shuffle with the same seed.)
    plain = page.context.browser.new_context(java_script_enabled=False)
    built = plain.new_page()
    built.goto(site_url + QUIZ_PAGE)
    assert any(shown_order(built, quiz_id, qid) != answered[qid] for qid in qids)
    plain.close()
    for _ in range(2):
        page.reload()
        page.wait_for_selector(f'[data-quiz="{quiz_id}"] .hb-verdict')
        for qid in qids:
            assert shown_order(page, quiz_id, qid) == answered[qid], f"{qid}: options moved on reload"
    # A test's unsubmitted answers (drafts) keep their order too.
    page.goto(site_url + TEST_PAGE)
    test_id = "stage-probation"
    page.wait_for_selector(f'[data-quiz="{test_id}"] .hb-submit')
    key = quiz_key(page, test_id)
    drafts = [q for q in question_ids(page, test_id) if key[q]["type"] in ("single", "multiple", "ordering", "matching")]
    assert drafts
    drafted = {}
    for qid in drafts:
        drafted[qid] = shown_order(page, test_id, qid)
        answer(page, test_id, qid, right=True, submit=False)
    for _ in range(2):
        page.reload()
        page.wait_for_selector(f'[data-quiz="{test_id}"] .hb-submit')
        for qid in drafts:
            assert shown_order(page, test_id, qid) == drafted[qid], f"{qid}: options of a draft moved on reload"
    page.locator(f'[data-quiz="{test_id}"] .hb-submit').click()
    if page.get_by_role("button", name="仍然交卷").count():
        page.get_by_role("button", name="仍然交卷").click()
    page.wait_for_selector(f'[data-quiz="{test_id}"] .hb-verdict')
    for qid in drafts:
        assert "✓ 回答正确" in page.locator(f'[data-quiz="{test_id}"] [data-question="{qid}"] .hb-feedback').inner_text()
    page.reload()
    page.wait_for_selector(f'[data-quiz="{test_id}"] .hb-verdict')
    for qid in drafts:
        assert shown_order(page, test_id, qid) == drafted[qid]
    assert page.js_errors == []


# ---------------------------------------------------------------- 8. home page header

def test_home_page_header_sits_below_its_heading(page, site_url):
    for rel in ("index.html", "glossary.html", "pre-job/objections.html"):
        page.goto(site_url + rel)
        h1 = page.locator("article h1").first.bounding_box()
        meta = page.locator("article .hb-intro__meta").bounding_box()
        assert meta["y"] >= h1["y"] + h1["height"] - 1, f"{rel}: the page information is above the heading"
        assert page.evaluate("""() => { const h = document.querySelector('article h1'), m = document.querySelector('article .hb-intro');
            return !!(h.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING); }"""), rel
        assert page.locator("article h1").count() == 1


# ---------------------------------------------------------------- 9. code sample colours

HL = ["comment", "constant", "function", "generic", "keyword", "name", "number",
      "operator", "punctuation", "special", "string", "variable"]


def test_code_sample_colours_meet_aa_on_the_code_background(scheme_page, site_url):
    page = scheme_page
    page.goto(site_url + "trainers/format.html")
    page.evaluate(COLOUR_JS)
    found = page.evaluate("""(names) => {
        const code = document.querySelector('.md-typeset .highlight pre > code');
        const under = __hbBehind(code), out = {};
        const probe = code.appendChild(document.createElement('span'));
        probe.style.backgroundColor = 'var(--md-code-hl-color--light)';   // a highlighted line
        const line = __hbOver(__hbColour(getComputedStyle(probe).backgroundColor), under);
        probe.remove();
        for (const n of names) {
            const s = code.appendChild(document.createElement('span'));
            s.style.color = `var(--md-code-hl-${n}-color)`;
            const c = __hbColour(getComputedStyle(s).color);
            out[n] = [__hbOver(c, under), __hbOver(c, line)];
            s.remove();
        }
        return { under, line, out };
    }""", HL)
    low = {n: round(min(contrast(fg, found["under"]), contrast(fg_line, found["line"])), 2)
           for n, (fg, fg_line) in found["out"].items()
           if min(contrast(fg, found["under"]), contrast(fg_line, found["line"])) < 4.5}
    assert low == {}, f"{page.scheme}: code colours below 4.5:1 (also on a highlighted line): {low}"
