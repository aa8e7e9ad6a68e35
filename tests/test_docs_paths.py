"""The documentation names only modules and files that exist, so a newcomer who follows it
finds what it describes."""

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def _module_exists(dotted: str) -> bool:
    """A module, or a name defined in one (``nrm.accounts.actors.OPERATOR``)."""
    parts = dotted.split(".")
    for cut in range(len(parts), 1, -1):
        module = ".".join(parts[:cut])
        try:
            spec = importlib.util.find_spec(module)
        except ModuleNotFoundError:
            spec = None
        if spec is None or spec.origin is None:
            continue
        rest = parts[cut:]
        if not rest:
            return True
        text = Path(spec.origin).read_text(encoding="utf-8")
        return re.search(rf"\b{re.escape(rest[0])}\b", text) is not None
    return False


def test_every_module_the_docs_name_exists() -> None:
    missing = set()
    for doc in DOCS:
        for dotted in re.findall(r"`(nrm(?:\.[A-Za-z_][A-Za-z0-9_]*)+)", doc.read_text()):
            if not _module_exists(dotted):
                missing.add(f"{doc.name}: {dotted}")
    assert missing == set()


def test_every_source_path_the_docs_name_exists() -> None:
    missing = set()
    for doc in DOCS:
        for path in re.findall(r"`(src/nrm/[^`\s]*)`", doc.read_text()):
            if not (ROOT / path.rstrip("/")).exists():
                missing.add(f"{doc.name}: {path}")
    assert missing == set()
