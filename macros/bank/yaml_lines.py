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
        self.flatten_mapping(node)
        result = LineDict()
        result.line = node.start_mark.line + 1
        result.lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise yaml.constructor.ConstructorError(
                    None, None, "键必须是文字或数字", key_node.start_mark)
            if key in result:
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


def load(text: str) -> Any:
    """Parse YAML text into LineDict / LineList values (may raise yaml.YAMLError)."""
    return yaml.load(text, Loader=LineLoader)  # noqa: S506 - SafeLoader subclass


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
