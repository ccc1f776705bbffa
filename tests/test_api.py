"""The public surface: every module's ``__all__`` names what it defines, and the package API."""

from __future__ import annotations

import importlib
import io
import pkgutil

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
