"""The public surface: every module's ``__all__`` names what it defines, and the package API."""

from __future__ import annotations

import importlib
import io
import pkgutil
import re
from pathlib import Path

import actorgraph
from actorgraph.cli.coding import _Progress
from actorgraph.records import CodedDocument, Document, Failure


def test_every_module_has_a_truthful_all() -> None:
    modules = [m.name for m in pkgutil.walk_packages(actorgraph.__path__, "actorgraph.")]
    assert len(modules) > 15
    for name in modules:
        module = importlib.import_module(name)
        exported = getattr(module, "__all__", None)
        assert exported is not None, f"{name} has no __all__"
        missing = [n for n in exported if not hasattr(module, n)]
        assert not missing, f"{name}.__all__ names what it lacks: {missing}"
        assert len(set(exported)) == len(exported), f"{name}.__all__ repeats a name"


def _layout_names(readme: str) -> set[str]:
    """The module and package names the README's layout block lists ("quotes.py, relations.py")."""
    block = readme.split("## Layout", 1)[1].split("```")[1]
    names: set[str] = set()
    for line in block.splitlines()[2:]:  # (after the fence's language and the root line)
        if line.startswith("  ") and not line.startswith("   "):
            listed = re.split(r"\s{2,}", line.strip(), maxsplit=1)[0]
            names.update(n.strip() for n in listed.split(","))
    return names


def test_the_readme_layout_lists_every_module_and_only_those() -> None:
    root = Path(actorgraph.__file__).parent
    readme = (root.parents[1] / "README.md").read_text(encoding="utf-8")
    listed = _layout_names(readme)
    present = {p.name + ("/" if p.is_dir() else "") for p in root.iterdir()
               if not p.name.startswith("_") and (p.suffix == ".py" or (p / "__init__.py").exists())}
    assert listed == present, f"only in README: {listed - present}; only in src: {present - listed}"


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def _coded() -> CodedDocument:
    doc = actorgraph.make_document("d", "Russia and Iran met.", None)
    return CodedDocument(doc, (), (), ())


def test_progress_shows_on_a_terminal() -> None:
    stream = _Tty()
    progress = _Progress(stream)
    progress.last -= 10  # as if the last report were long ago
    progress.update(_coded())
    assert "1 documents, 0 events" in stream.getvalue()
    assert "docs/s" in stream.getvalue()


def test_progress_is_quiet_when_piped() -> None:
    stream = io.StringIO()
    progress = _Progress(stream)
    progress.last -= 10
    progress.update(_coded())
    progress.update(Failure("x.txt", "empty document"))
    progress.done()
    assert stream.getvalue() == ""
    assert (progress.docs, progress.failed) == (1, 1)
    assert isinstance(_coded().document, Document)
