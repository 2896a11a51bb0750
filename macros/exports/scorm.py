"""SCORM 1.2 package: a built site plus ``imsmanifest.xml`` at the zip's root.

One organization with one item, launching one SCO (``index.html``) whose
resource lists every file of the site. No ``adlcp:masteryscore``: the
handbook decides passed / failed itself (``runtime/scorm.js``), so the
platform does not override it from the score.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from urllib.parse import quote

from .text import XML_HEAD

CP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = (f"{CP} imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd "
                   f"{ADLCP} adlcp_rootv1p2.xsd")
LAUNCH = "index.html"
MANIFEST = "imsmanifest.xml"


def site_files(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def manifest(files: list[str], title: str, version: str) -> ET.Element:
    def el(parent, tag, attrs=None, text=None):
        node = ET.SubElement(parent, f"{{{CP}}}{tag}", attrs or {})
        if text is not None:
            node.text = text
        return node

    ident = "handbook-" + (re.sub(r"[^A-Za-z0-9]+", "-", version).strip("-") or "local")
    root = ET.Element(f"{{{CP}}}manifest", {"identifier": ident, "version": "1.2",
                                            f"{{{XSI}}}schemaLocation": SCHEMA_LOCATION})
    meta = el(root, "metadata")
    el(meta, "schema", text="ADL SCORM")
    el(meta, "schemaversion", text="1.2")
    orgs = el(root, "organizations", {"default": "ORG-handbook"})
    org = el(orgs, "organization", {"identifier": "ORG-handbook"})
    el(org, "title", text=title)
    item = el(org, "item", {"identifier": "ITEM-handbook", "identifierref": "RES-handbook", "isvisible": "true"})
    el(item, "title", text=title)
    resources = el(root, "resources")
    resource = el(resources, "resource", {"identifier": "RES-handbook", "type": "webcontent",
                                          f"{{{ADLCP}}}scormtype": "sco", "href": LAUNCH})
    for name in files:
        el(resource, "file", {"href": quote(name, safe="/")})
    return root


def write(site: Path, target: Path, title: str, version: str) -> int:
    """Pack ``site`` with its manifest into ``target``; the number of site files."""
    if not (site / LAUNCH).is_file():
        raise FileNotFoundError(site / LAUNCH)
    files = [f for f in site_files(site) if f != MANIFEST]
    ET.register_namespace("", CP)
    ET.register_namespace("adlcp", ADLCP)
    ET.register_namespace("xsi", XSI)
    root = manifest(files, title, version)
    ET.indent(root)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, XML_HEAD + ET.tostring(root, encoding="unicode").encode("utf-8") + b"\n")
        for name in files:
            archive.write(site / name, name)
    return len(files)
