"""YAML loading that remembers where every value came from.

Mappings load as ``LineDict`` and sequences as ``LineList``: ordinary dicts and
lists (pydantic accepts them) that also know the 1-based line of themselves
and of each of their keys or items, so every error can point at a line.
"""

from __future__ import annotations

from typing import Any

import yaml


class LineDict(dict):
    line: int = 0
    lines: dict


class LineList(list):
    line: int = 0
    lines: list


# libyaml's parser when available (ten times faster); the constructors below are ours.
_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineLoader(_BASE):
    """SafeLoader whose mappings and sequences carry line numbers."""

    def construct_mapping(self, node, deep=False):
        own = {id(k) for k, _ in node.value if k.tag != "tag:yaml.org,2002:merge"}
        self.flatten_mapping(node)
        result = LineDict()
        result.line = node.start_mark.line + 1
        result.lines = {}
        merged: set = set()                 # keys that came from a << merge: the mapping's own key overrides them
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise yaml.constructor.ConstructorError(
                    None, None, "键必须是文字或数字", key_node.start_mark)
            if id(key_node) not in own:
                merged.add(key)
                if key in result:
                    continue
            elif key in result and key not in merged:
                raise DuplicateKeyError(str(key), key_node.start_mark.line + 1)
            result[key] = self.construct_object(value_node, deep=True)
            result.lines[key] = key_node.start_mark.line + 1
        return result

    def construct_sequence(self, node, deep=False):
        result = LineList(self.construct_object(child, deep=True) for child in node.value)
        result.line = node.start_mark.line + 1
        result.lines = [child.start_mark.line + 1 for child in node.value]
        return result


LineLoader.add_constructor("tag:yaml.org,2002:map", LineLoader.construct_mapping)
LineLoader.add_constructor("tag:yaml.org,2002:seq", LineLoader.construct_sequence)


class DuplicateKeyError(Exception):
    def __init__(self, key: str, line: int):
        super().__init__(key)
        self.key, self.line = key, line


class TooComplex(Exception):
    """A document whose references (&anchor / *alias) expand beyond reason."""

    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.line = line


MAX_NODES = 200_000          # values after expanding every alias: the real bank has about 20,000
MAX_DEPTH = 40               # nesting levels: the deepest real value is about 10 down


def _check_size(root) -> None:
    """Expanded size and depth of a composed document, in one pass over its
    distinct nodes (an alias is counted as often as it is used, not walked
    again), so an alias bomb or a self-reference is refused before anything
    is built from it."""
    size: dict[int, int] = {}
    depth: dict[int, int] = {}
    on_path: set[int] = set()
    stack = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        children = ([n for pair in node.value for n in pair] if isinstance(node, yaml.MappingNode)
                    else list(node.value) if isinstance(node, yaml.SequenceNode) else [])
        if done:
            on_path.discard(key)
            size[key] = 1 + sum(size[id(c)] for c in children)
            depth[key] = 1 + max((depth[id(c)] for c in children), default=0)
            if size[key] > MAX_NODES:
                raise TooComplex(f"内容展开后太大(超过 {MAX_NODES} 项)：检查 & 和 * 引用是否层层嵌套", node.start_mark.line + 1)
            if depth[key] > MAX_DEPTH:
                raise TooComplex(f"嵌套太深(超过 {MAX_DEPTH} 层)：检查缩进或 [ ] 是否写错", node.start_mark.line + 1)
            continue
        if key in size:
            continue
        if key in on_path:
            raise TooComplex("引用(*)指向了包含它自己的内容，无法展开", node.start_mark.line + 1)
        on_path.add(key)
        stack.append((node, True))
        stack.extend((c, False) for c in children if id(c) not in size)


def load(text: str) -> Any:
    """Parse YAML text into LineDict / LineList values (may raise yaml.YAMLError
    or TooComplex)."""
    loader = LineLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_size(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def line_of(data: Any, loc: tuple) -> int | None:
    """Line of the value at ``loc`` (keys and indices), or of its nearest parent."""
    line = getattr(data, "line", None)
    node = data
    for part in loc:
        if isinstance(node, LineDict) and part in node:
            line = node.lines.get(part, line)
            node = node[part]
        elif isinstance(node, LineList) and isinstance(part, int) and 0 <= part < len(node):
            line = node.lines[part]
            node = node[part]
        elif isinstance(node, LineDict) and isinstance(part, str) and node.get("type") == part:
            continue  # pydantic's tag of a discriminated union: not in the data
        else:
            break
    return line


def node_at(data: Any, loc: tuple) -> list[Any]:
    """The chain of values along ``loc`` (same walk as ``line_of``)."""
    chain = [data]
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        elif isinstance(node, dict) and node.get("type") == part:
            continue
        else:
            break
        chain.append(node)
    return chain
