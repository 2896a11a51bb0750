"""The calculators' formula language: small, safe, checked at build.

Trainers write formulas such as ``ceil(sold * factor - stock_now)``. This
module parses them (a hand-written recursive-descent parser: no Python
``eval``, no ``ast`` of Python), checks every name against the inputs and the
earlier steps, and emits the tree as JSON for the browser, where
``fieldkit/runtime/fieldkit.js`` walks it (no ``eval``, no ``new Function``).

Grammar (``×`` ``÷`` ``−`` and full-width brackets are accepted too)::

    formula := compare
    compare := sum [("<" | "<=" | ">" | ">=" | "==" | "!=") sum]
    sum     := product {("+" | "-") product}
    product := unary {("*" | "/") unary}
    unary   := "-" unary | atom
    atom    := number | name | name "(" formula {"," formula} ")" | "(" formula ")"

Tree nodes (lists, as JSON): ``["num", 1.5]``, ``["var", "sold"]``,
``["neg", x]``, ``["op", "+", a, b]``, ``["cmp", "<", a, b]``,
``["fn", "max", [a, b]]``. ``evaluate`` and ``show`` below and the browser's
interpreter give the same numbers and the same written-out working.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

# name → (Chinese name shown in the working, least arguments, most arguments)
FUNCTIONS = {
    "min": ("取小", 2, 9), "max": ("取大", 2, 9), "round": ("四舍五入", 1, 2),
    "ceil": ("向上取整", 1, 1), "floor": ("向下取整", 1, 1), "abs": ("绝对值", 1, 1),
    "if": ("如果", 3, 3),
}
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
NUMBER = re.compile(r"\d+(?:\.\d+)?")
SAME = {"×": "*", "÷": "/", "−": "-", "（": "(", "）": ")", "，": ",", "＜": "<", "＞": ">"}
OPERATORS = ("<=", ">=", "==", "!=", "<", ">", "+", "-", "*", "/", "(", ")", ",")
SHOWN = {"+": "+", "-": "−", "*": "×", "/": "÷", "<": "<", "<=": "≤", ">": ">", ">=": "≥", "==": "=", "!=": "≠"}
PRECEDENCE = {"cmp": 1, "+": 2, "-": 2, "*": 3, "/": 3, "neg": 4}


class FormulaError(Exception):
    """A formula that cannot be used; the message is for trainers, in Chinese."""


@dataclass
class Token:
    kind: str        # "num", "name", "op", "end"
    text: str
    col: int         # 1-based character position in the formula


def tokens(source: str) -> list[Token]:
    out, i = [], 0
    text = "".join(SAME.get(ch, ch) for ch in source)
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        for kind, pattern in (("num", NUMBER), ("name", NAME)):
            match = pattern.match(text, i)
            if match:
                out.append(Token(kind, match.group(0), i + 1))
                i = match.end()
                break
        else:
            op = next((o for o in OPERATORS if text.startswith(o, i)), None)
            if op is None:
                raise FormulaError(f"第 {i + 1} 个字符 “{source[i]}” 不能用在公式里"
                                   f"(可用 + − × ÷ 和括号，以及 {'、'.join(FUNCTIONS)} 函数)")
            out.append(Token("op", op, i + 1))
            i += len(op)
    out.append(Token("end", "", len(text) + 1))
    return out


class Parser:
    def __init__(self, source: str):
        self.source = source
        self.items = tokens(source)
        self.at = 0

    def peek(self) -> Token:
        return self.items[self.at]

    def take(self) -> Token:
        token = self.items[self.at]
        self.at += 1
        return token

    def expect(self, text: str) -> None:
        token = self.take()
        if token.text != text:
            where = "公式在这里就结束了" if token.kind == "end" else f"第 {token.col} 个字符是 “{token.text}”"
            raise FormulaError(f"缺少 “{text}”({where})")

    def formula(self) -> list:
        tree = self.compare()
        token = self.peek()
        if token.kind != "end":
            extra = "多出的右括号 “)”" if token.text == ")" else f"多出的 “{token.text}”"
            raise FormulaError(f"第 {token.col} 个字符处有{extra}(是否少了运算符或括号?)")
        return tree

    def compare(self) -> list:
        left = self.sum()
        token = self.peek()
        if token.text in ("<", "<=", ">", ">=", "==", "!="):
            self.take()
            return ["cmp", token.text, left, self.sum()]
        return left

    def sum(self) -> list:
        tree = self.product()
        while self.peek().text in ("+", "-"):
            tree = ["op", self.take().text, tree, self.product()]
        return tree

    def product(self) -> list:
        tree = self.unary()
        while self.peek().text in ("*", "/"):
            tree = ["op", self.take().text, tree, self.unary()]
        return tree

    def unary(self) -> list:
        if self.peek().text == "-":
            self.take()
            return ["neg", self.unary()]
        return self.atom()

    def atom(self) -> list:
        token = self.take()
        if token.kind == "num":
            return ["num", float(token.text) if "." in token.text else int(token.text)]
        if token.kind == "name":
            if self.peek().text != "(":
                return ["var", token.text]
            if token.text not in FUNCTIONS:
                raise FormulaError(f"不认识的函数 “{token.text}”(可用的函数：{'、'.join(FUNCTIONS)})")
            self.take()
            args = [self.compare()]
            while self.peek().text == ",":
                self.take()
                args.append(self.compare())
            self.expect(")")
            _, least, most = FUNCTIONS[token.text]
            if not least <= len(args) <= most:
                want = str(least) if least == most else f"{least}～{most}"
                raise FormulaError(f"函数 {token.text} 需要 {want} 个参数(现有 {len(args)} 个)")
            return ["fn", token.text, args]
        if token.text == "(":
            tree = self.compare()
            self.expect(")")
            return tree
        if token.kind == "end":
            raise FormulaError("公式不完整：最后缺少数字或名称")
        raise FormulaError(f"第 {token.col} 个字符 “{token.text}” 的位置应该是数字、名称或左括号")


def parse(source: str) -> list:
    """The tree of ``source``; FormulaError (Chinese) when it is not a formula."""
    if not source.strip():
        raise FormulaError("公式是空的")
    return Parser(source).formula()


def names(tree: list) -> list[str]:
    """Every variable the formula reads, in order of appearance."""
    kind = tree[0]
    if kind == "var":
        return [tree[1]]
    if kind == "neg":
        return names(tree[1])
    if kind in ("op", "cmp"):
        return names(tree[2]) + names(tree[3])
    if kind == "fn":
        return [n for arg in tree[2] for n in names(arg)]
    return []


# --------------------------------------------------------------------------
# Evaluating and writing out the working (the browser does the same)
# --------------------------------------------------------------------------

def half_up(value: float, digits: int = 0) -> float:
    """Round half away from zero, as the browser's interpreter does."""
    scale = 10 ** digits
    return math.copysign(math.floor(abs(value) * scale + 0.5 + 1e-9) / scale, value)


def evaluate(tree: list, values: dict[str, float]) -> float:
    """The value of a checked tree; FormulaError on division by zero."""
    kind = tree[0]
    if kind == "num":
        return tree[1]
    if kind == "var":
        return values[tree[1]]
    if kind == "neg":
        return -evaluate(tree[1], values)
    if kind == "op":
        a, b = evaluate(tree[2], values), evaluate(tree[3], values)
        if tree[1] == "/" and b == 0:
            raise FormulaError("除数为 0")
        return {"+": a + b, "-": a - b, "*": a * b, "/": a / b if b else 0}[tree[1]]
    if kind == "cmp":
        a, b = evaluate(tree[2], values), evaluate(tree[3], values)
        return 1 if {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b,
                     "==": abs(a - b) < 1e-9, "!=": abs(a - b) >= 1e-9}[tree[1]] else 0
    name, args = tree[1], tree[2]
    if name == "if":
        return evaluate(args[1], values) if evaluate(args[0], values) else evaluate(args[2], values)
    got = [evaluate(arg, values) for arg in args]
    if name == "min":
        return min(got)
    if name == "max":
        return max(got)
    if name == "round":
        return half_up(got[0], int(got[1]) if len(got) > 1 else 0)
    if name == "ceil":
        return math.ceil(got[0] - 1e-9)
    if name == "floor":
        return math.floor(got[0] + 1e-9)
    return abs(got[0])


def number(value: float, digits: int = 2) -> str:
    """A number as the working shows it: at most ``digits`` decimals, no
    trailing zeros, thousands separated by commas (6,000)."""
    value = half_up(value, digits)
    if value == 0:
        value = 0.0          # no "-0"
    text = f"{abs(value):.{digits}f}".rstrip("0").rstrip(".") if digits else f"{abs(value):.0f}"
    whole, _, frac = text.partition(".")
    if len(whole) > 3:
        whole = f"{int(whole):,}"
    return ("−" if value < 0 else "") + whole + (f".{frac}" if frac else "")


def show(tree: list, values: dict[str, float] | None = None, parent: int = 0, right: bool = False,
         labels: dict[str, str] | None = None) -> str:
    """The formula written out, with numbers in place of names when
    ``values`` is given (``22 × 1.5 − 8``), or the names' ``labels``."""
    kind = tree[0]
    if kind == "num":
        return number(tree[1], 6)
    if kind == "var":
        if values is not None:
            return number(values[tree[1]])
        return (labels or {}).get(tree[1], tree[1])
    if kind == "fn":
        label = FUNCTIONS[tree[1]][0]
        return f"{label}(" + ", ".join(show(arg, values, labels=labels) for arg in tree[2]) + ")"
    if kind == "neg":
        inner = show(tree[1], values, PRECEDENCE["neg"], labels=labels)
        text = f"−{inner}"
        level = PRECEDENCE["neg"]
    else:
        level = PRECEDENCE["cmp"] if kind == "cmp" else PRECEDENCE[tree[1]]
        left = show(tree[2], values, level, labels=labels)
        rightside = show(tree[3], values, level, right=True, labels=labels)
        text = f"{left} {SHOWN[tree[1]]} {rightside}"
    # a - (b - c), a / (b * c): the right operand of - and / keeps its brackets at equal level
    if level < parent or (right and level == parent and kind != "neg"):
        return f"({text})"
    return text
