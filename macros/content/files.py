"""Reading the project's own text files safely: never through a symbolic
link (a link under docs/ to .git/config would publish the checkout token),
only UTF-8 text, with a size limit. Problems come back as one Chinese line."""

from __future__ import annotations

from pathlib import Path

from ..errors import HandbookError

MAX_BYTES = 5 * 1024 * 1024          # a data file or page this large is a mistake, not content


def symlinks(root: Path, folders: tuple[str, ...]) -> list[HandbookError]:
    """Every symbolic link under ``root/<folder>`` (links are not followed)."""
    found = []
    for folder in folders:
        base = root / folder
        if base.is_symlink():
            found.append(HandbookError(folder, "是一个符号链接(symlink)：手册不读取链接指向的内容，请放入真正的文件夹"))
            continue
        stack = [base] if base.is_dir() else []
        while stack:
            for entry in sorted(stack.pop().iterdir()):
                rel = entry.relative_to(root).as_posix()
                if entry.is_symlink():
                    found.append(HandbookError(rel, "是一个符号链接(symlink)：手册不读取链接指向的内容，请放入真正的文件"))
                elif entry.is_dir():
                    stack.append(entry)
    return found


def read_text(path: Path, shown: str) -> str:
    """The UTF-8 text of ``path`` (a BOM is dropped); HandbookError otherwise."""
    if path.is_symlink():
        raise HandbookError(shown, "是一个符号链接(symlink)：手册不读取链接指向的内容，请放入真正的文件")
    if path.is_dir():
        raise HandbookError(shown, "这是一个文件夹，不是数据文件(名字不要以 .yml 结尾)")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise HandbookError(shown, f"文件太大({size / 1024 / 1024:.0f} MB，最多 {MAX_BYTES // 1024 // 1024} MB)：请检查是否放错了文件")
    data = path.read_bytes()
    if b"\x00" in data:
        line = data[:data.index(b"\x00")].count(b"\n") + 1
        raise HandbookError(shown, "文件中有空字节(NUL)：它不是文本文件，或者已经损坏", line)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise HandbookError(shown, "文件不是 UTF-8 编码(可能是 GBK)：请在编辑器中选择“UTF-8”重新保存", line) from None
    return text.removeprefix("\ufeff")
