"""QTI 2.1 content package: ``imsmanifest.xml`` and one assessmentItem per question.

- choice data → ``choiceInteraction`` (``maxChoices`` 1, or 0 = any number when
  several may be ticked), per-option feedback as ``feedbackInline``;
- order data → ``orderInteraction`` (response ``ordered``);
- match data → ``matchInteraction`` with two ``simpleMatchSet``s (left items;
  right items and distractors), response ``directedPair``.

Scoring is all or nothing, as in the handbook: ``SCORE`` 1 when the response
matches ``correctResponse`` (the ``match_correct`` rule written out, so the
explanation can be shown as ``modalFeedback`` after answering).
Options are listed in a fixed shuffled order (never the answer order);
``shuffle`` follows the quiz.

No maintained package ships the QTI 2.1 XSDs (PyPI and npm checked), so
``tests/test_exports.py`` reads the package with lxml and checks it against
the QTI 2.1 information model instead of the schema.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from ..assessments.html import stable_shuffle
from .bank import CHOICE, MATCH, ORDER, Entry, Outcome, not_held
from .text import XML_HEAD, html_block, html_inline, plain, xhtml_into

NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ITEM_TYPE = "imsqti_item_xmlv2p1"


def q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs) -> ET.Element:
    node = ET.SubElement(parent, q(tag), {k.rstrip("_"): str(v) for k, v in attrs.items()})
    if text is not None:
        node.text = text
    return node


def identifier(text: str) -> str:
    """An xsd:NCName from a handbook id (ids may start with a digit)."""
    return text if text[:1].isalpha() else f"q-{text}"


def item_root(entry: Entry) -> ET.Element:
    root = ET.Element(q("assessmentItem"), {
        f"{{{XSI}}}schemaLocation": f"{NS} {XSD}", "identifier": identifier(entry.id),
        "title": plain(entry.prompt)[:60], "adaptive": "false", "timeDependent": "false", XML_LANG: "zh-CN"})
    return root


def declare_response(root: ET.Element, cardinality: str, base_type: str, values: list[str]) -> None:
    decl = sub(root, "responseDeclaration", identifier="RESPONSE", cardinality=cardinality, baseType=base_type)
    correct = sub(decl, "correctResponse")
    for value in values:
        sub(correct, "value", value)


def declare_outcomes(root: ET.Element, choice_feedback: str | None = None) -> None:
    score = sub(root, "outcomeDeclaration", identifier="SCORE", cardinality="single", baseType="float")
    sub(sub(score, "defaultValue"), "value", "0")
    sub(root, "outcomeDeclaration", identifier="FEEDBACK", cardinality="single", baseType="identifier")
    if choice_feedback:
        sub(root, "outcomeDeclaration", identifier="FEEDBACK_CHOICE", cardinality=choice_feedback,
            baseType="identifier")


def processing(root: ET.Element, choice_feedback: bool) -> None:
    """match_correct, plus the outcomes that show the feedback."""
    rp = sub(root, "responseProcessing")
    cond = sub(rp, "responseCondition")
    if_ = sub(cond, "responseIf")
    match = sub(if_, "match")
    sub(match, "variable", identifier="RESPONSE")
    sub(match, "correct", identifier="RESPONSE")
    sub(sub(if_, "setOutcomeValue", identifier="SCORE"), "baseValue", "1", baseType="float")
    sub(sub(sub(cond, "responseElse"), "setOutcomeValue", identifier="SCORE"), "baseValue", "0", baseType="float")
    sub(sub(rp, "setOutcomeValue", identifier="FEEDBACK"), "baseValue", "EXPLANATION", baseType="identifier")
    if choice_feedback:
        sub(sub(rp, "setOutcomeValue", identifier="FEEDBACK_CHOICE"), "variable", identifier="RESPONSE")


def explanation(root: ET.Element, entry: Entry) -> None:
    feedback = sub(root, "modalFeedback", outcomeIdentifier="FEEDBACK", identifier="EXPLANATION", showHide="show",
                   title="解析")
    xhtml_into(sub(feedback, "div"), html_block(entry.explanation), NS)


BLOCK = re.compile(r"<(p|ul|ol|div|table|pre|blockquote|h[1-6]|hr)\b")


def prompt(body: ET.Element, interaction: ET.Element, entry: Entry) -> None:
    """The prompt inside the interaction (inline content only), or before it."""
    fragment = html_inline(entry.prompt)
    if BLOCK.search(fragment):
        div = ET.Element(q("div"))
        xhtml_into(div, fragment, NS)
        body.insert(list(body).index(interaction), div)
    else:
        xhtml_into(sub(interaction, "prompt"), fragment, NS)


def inline(parent: ET.Element, text: str) -> None:
    """Inline content (feedbackInline, match choices): plain text when it has blocks."""
    fragment = html_inline(text)
    if BLOCK.search(fragment):
        parent.text = plain(text)
    else:
        xhtml_into(parent, fragment, NS)


def choice_item(entry: Entry) -> ET.Element:
    data = entry.data
    ids = [f"C{i + 1}" for i in range(len(data["options"]))]
    feedback = [f for f in data.get("feedback") or [] if f]
    cardinality = "multiple" if data.get("multiple") else "single"
    root = item_root(entry)
    declare_response(root, cardinality, "identifier", [ids[i] for i in data["correct"]])
    declare_outcomes(root, cardinality if feedback else None)
    body = sub(root, "itemBody")
    interaction = sub(body, "choiceInteraction", responseIdentifier="RESPONSE", shuffle=str(entry.shuffle).lower(),
                      maxChoices=0 if data.get("multiple") else 1)
    prompt(body, interaction, entry)
    for ident, text, note in zip(ids, data["options"], data.get("feedback") or [None] * len(ids)):
        choice = sub(interaction, "simpleChoice", identifier=ident)
        xhtml_into(choice, html_inline(text), NS)
        if note:
            feedback_node = sub(choice, "feedbackInline", outcomeIdentifier="FEEDBACK_CHOICE", identifier=ident,
                         showHide="show")
            inline(feedback_node, note)
    processing(root, bool(feedback))
    explanation(root, entry)
    return root


def order_item(entry: Entry) -> ET.Element:
    items = entry.data["items"]
    ids = [f"S{i + 1}" for i in range(len(items))]       # S1 … in the right order
    root = item_root(entry)
    declare_response(root, "ordered", "identifier", ids)
    declare_outcomes(root)
    body = sub(root, "itemBody")
    interaction = sub(body, "orderInteraction", responseIdentifier="RESPONSE", shuffle="true")
    prompt(body, interaction, entry)
    for ident, text in stable_shuffle(list(zip(ids, items)), entry.id):
        xhtml_into(sub(interaction, "simpleChoice", identifier=ident), html_inline(text), NS)
    processing(root, False)
    explanation(root, entry)
    return root


def match_item(entry: Entry) -> ET.Element:
    pairs, distractors = entry.data["pairs"], entry.data.get("distractors") or []
    lefts = [(f"L{i + 1}", left) for i, (left, _) in enumerate(pairs)]
    # Right items and distractors alike: R1 … in a fixed shuffled order.
    shown = stable_shuffle([right for _, right in pairs] + list(distractors), entry.id)
    rights = [(f"R{i + 1}", text) for i, text in enumerate(shown)]
    root = item_root(entry)
    declare_response(root, "multiple", "directedPair",
                     [f"L{i + 1} R{shown.index(right) + 1}" for i, (_, right) in enumerate(pairs)])
    declare_outcomes(root)
    body = sub(root, "itemBody")
    interaction = sub(body, "matchInteraction", responseIdentifier="RESPONSE",
                      shuffle=str(entry.shuffle).lower(), maxAssociations=len(pairs))
    prompt(body, interaction, entry)
    for group in (lefts, rights):
        match_set = sub(interaction, "simpleMatchSet")
        for ident, text in group:
            inline(sub(match_set, "simpleAssociableChoice", identifier=ident, matchMax=1), text)
    processing(root, False)
    explanation(root, entry)
    return root


WRITERS = {CHOICE: choice_item, ORDER: order_item, MATCH: match_item}


def manifest(items: list[tuple[str, str]]) -> ET.Element:
    root = ET.Element(f"{{{CP}}}manifest", {"identifier": "MANIFEST-handbook-qti",
                                            f"{{{XSI}}}schemaLocation": f"{CP} {CP_XSD} {NS} {XSD}"})
    meta = ET.SubElement(root, f"{{{CP}}}metadata")
    ET.SubElement(meta, f"{{{CP}}}schema").text = "QTIv2.1 Package"
    ET.SubElement(meta, f"{{{CP}}}schemaversion").text = "1.0.0"
    ET.SubElement(root, f"{{{CP}}}organizations")
    resources = ET.SubElement(root, f"{{{CP}}}resources")
    for ident, href in items:
        res = ET.SubElement(resources, f"{{{CP}}}resource",
                            {"identifier": f"RES-{ident}", "type": ITEM_TYPE, "href": href})
        ET.SubElement(res, f"{{{CP}}}file", {"href": href})
    return root


def xml_bytes(root: ET.Element) -> bytes:
    ET.indent(root)
    return XML_HEAD + ET.tostring(root, encoding="unicode").encode("utf-8") + b"\n"


def write(entries: list[Entry], target: Path) -> Outcome:
    ET.register_namespace("", NS)
    ET.register_namespace("xsi", XSI)
    outcome = Outcome("QTI 2.1 题目包", target.name)
    files: list[tuple[str, bytes]] = []
    listed: list[tuple[str, str]] = []
    for entry in entries:
        writer = WRITERS.get(entry.shape)
        if writer is None:
            outcome.skipped.append((entry, not_held(entry)))
            continue
        href = f"items/{entry.id}.xml"
        files.append((href, xml_bytes(writer(entry))))
        listed.append((identifier(entry.id), href))
        outcome.written[entry.label] += 1
    ET.register_namespace("", CP)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("imsmanifest.xml", xml_bytes(manifest(listed)))
        for href, data in files:
            archive.writestr(href, data)
    return outcome
