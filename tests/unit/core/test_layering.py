"""The package imports only downward, layer by layer, and never in a cycle.

Every module of briefing/ has a layer, the folder it lives in (a package's modules take the
package's layer):

    core < ingest < text < analyse < brief < output < app (cli, tui)

core holds the shared data model and plumbing; ingest turns files into cleaned, dated
articles; text is language data and sentence splitting; analyse finds duplicates, stories,
summaries, figures and quotes; brief assembles and curates the brief; output renders it.
A module may import its own layer or any lower one. Imports are read with `ast`, those inside
functions included. A new module must be given a layer here; an import inside a function must
be listed in LAZY with the reason it is not at the top.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[3] / "briefing"

ORDER = ("core", "ingest", "text", "analyse", "brief", "output", "app")

#: Module (or package: all its modules) -> layer. The layers are the package's folders, so a
#: newcomer reads the pipeline from `ls briefing/`; only the version and the app stay on top.
LAYERS = {
    "briefing": "core",  # the version
    "briefing.core": "core",
    "briefing.ingest": "ingest",
    "briefing.text": "text",
    "briefing.analyse": "analyse",
    "briefing.brief": "brief",
    "briefing.output": "output",
    "briefing.cli": "app",
    "briefing.watch": "app",  # the watch loop behind `briefing watch` and the desk's folder follower
    "briefing.__main__": "app",
    "briefing.tui": "app",
}


def test_every_folder_is_a_layer():
    """A module outside the layer folders (apart from the app on top) would hide its place."""
    loose = [m for m in MODULES if m.count(".") == 1 and m not in LAYERS]
    assert not loose, f"put these in a layer folder: {loose}"


#: Upward imports that stay, with the reason.
EXCEPTIONS = {
    ("briefing.ingest.load", "briefing.analyse.analysis"): "the loader's worker processes compute each article's dedup and "
    "grouping features while they parse (seconds of parallel work on a large folder), through one call",
}

#: Import cycles that stay (each edge of the cycle listed), with the reason.
KNOWN_CYCLES = {
    ("briefing.analyse.quotes.names", "briefing.analyse.quotes.speakers"): "inside one package: the name list asks the speaker "
    "finder for a sentence's subject, the speaker finder reads the name list to resolve pronouns",
    ("briefing.brief.extras", "briefing.brief.build"): "both lazy, one layer: brief_to_dict adds the extras' JSON fields, and "
    "since-last compares quotes with the brief's own quote matcher (_same_quote)",
}

#: Imports of our own modules inside a function: (importer, imported) -> why not at the top.
LAZY = {
    ("briefing.analyse.analysis", "briefing.analyse.figures"): "heavy pattern tables: not for the loader's workers, which import analysis",
    ("briefing.analyse.analysis", "briefing.analyse.quotes"): "heavy pattern tables: not for the loader's workers, which import analysis",
    ("briefing.brief.build", "briefing.analyse.figures"): "heavy: a warm run (its brief cached) never loads it",
    ("briefing.brief.build", "briefing.analyse.quotes"): "heavy: a warm run (its brief cached) never loads it",
    ("briefing.brief.build", "briefing.analyse.summarize"): "heavy (numpy, scipy, sumy): a warm run never loads it",
    ("briefing.ingest.load", "briefing.analyse.analysis"): "see EXCEPTIONS",
    ("briefing.ingest.html.dates", "briefing.ingest.dates"): "only for dates in the page's URL, the last resort",
    ("briefing.brief.build", "briefing.brief.extras"): "see KNOWN_CYCLES",
    ("briefing.brief.extras", "briefing.brief.build"): "see KNOWN_CYCLES",
    ("briefing.output.formats", "briefing.output.formats.markdown"): "each format's renderer loads on first use",
    ("briefing.output.formats", "briefing.output.formats.html"): "each format's renderer loads on first use",
    ("briefing.output.formats", "briefing.output.formats.slack"): "each format's renderer loads on first use",
    ("briefing.output.formats", "briefing.output.formats.text"): "each format's renderer loads on first use",
    ("briefing.output.formats", "briefing.brief.build"): "the JSON document is built only when JSON is asked for",
    ("briefing.analyse.quotes.names", "briefing.analyse.quotes.speakers"): "see KNOWN_CYCLES",
    ("briefing.ingest.readers", "briefing.ingest.readers.feed"): "reader modules load on first use: `briefing --help` stays fast",
    ("briefing.ingest.readers", "briefing.ingest.readers.html"): "reader modules load on first use",
    ("briefing.ingest.readers", "briefing.ingest.readers.structured"): "reader modules load on first use",
    ("briefing.ingest.readers", "briefing.ingest.readers.text"): "reader modules load on first use",
    ("briefing.ingest.readers.html", "briefing.ingest.html.dates"): "HTML parsing (lxml, trafilatura) only when a page is read",
    ("briefing.ingest.readers.html", "briefing.ingest.html.extract"): "HTML parsing (lxml, trafilatura) only when a page is read",
    "briefing.cli": "each command imports what it runs: `briefing --help` and `inspect` stay fast",
    "briefing.tui": "the desk starts drawing before the engine's modules are loaded",
    "briefing.watch": "imported by the CLI's watch command and the desk; each round imports what it runs",
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def layer_of(module: str) -> str | None:
    while module:
        if module in LAYERS:
            return LAYERS[module]
        module = module.rpartition(".")[0]
    return None


def _targets(module: str, node: ast.Import | ast.ImportFrom) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names if alias.name.split(".")[0] == "briefing"]
    if node.level:
        base = module.split(".")
        if not MODULES[module].name == "__init__.py":
            base.pop()
        base = base[: len(base) - (node.level - 1)]
        target = ".".join(base + ([node.module] if node.module else []))
    else:
        target = node.module or ""
    if target.split(".")[0] != "briefing":
        return []
    # `from . import x` names a submodule when there is one
    return [f"{target}.{a.name}" if f"{target}.{a.name}" in MODULES else target for a in node.names]


def imports(module: str) -> list[tuple[str, bool]]:
    """(imported module, inside a function) for every import of ours in `module`."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found: list[tuple[str, bool]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                found.extend((target, in_function) for target in _targets(module, child) if target != module)
            visit(child, in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)))

    visit(tree, False)
    return found


def _lazy_allowed(module: str, target: str) -> bool:
    for key in LAZY:
        if isinstance(key, str) and (module == key or module.startswith(key + ".")):
            return True
        if isinstance(key, tuple) and key[0] == module and (target == key[1] or target.startswith(key[1] + ".")):
            return True
    return False


def test_every_module_has_a_layer():
    missing = [module for module in MODULES if layer_of(module) is None]
    assert not missing, f"give these modules a layer in LAYERS: {missing}"
    assert set(LAYERS.values()) <= set(ORDER)


def test_no_module_imports_upward():
    upward = []
    for module in MODULES:
        for target, _ in imports(module):
            if ORDER.index(layer_of(target)) > ORDER.index(layer_of(module)) and (module, target) not in EXCEPTIONS:
                upward.append(f"{module} ({layer_of(module)}) imports {target} ({layer_of(target)})")
    assert not upward, "upward imports:\n" + "\n".join(upward)


def test_imports_inside_functions_have_a_reason():
    unlisted = sorted(
        f"{module} imports {target} inside a function"
        for module in MODULES for target, inside in imports(module) if inside and not _lazy_allowed(module, target)
    )
    assert not unlisted, "move these to the top, or list them in LAZY with a reason:\n" + "\n".join(unlisted)


def _package_edge(source: str, target: str) -> bool:
    """A module importing a package it is inside (re-exports), or a package its own modules."""
    return source.startswith(target + ".") or target.startswith(source + ".")


def test_no_import_cycles():
    graph: dict[str, set[str]] = {
        module: {t for t, _ in imports(module) if t in MODULES and not _package_edge(module, t) and (module, t) not in KNOWN_CYCLES}
        for module in MODULES
    }
    cycles, state = [], dict.fromkeys(graph, 0)  # 0 new, 1 on the path, 2 done

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(graph[module]):
            if state[target] == 1:
                cycles.append(" -> ".join(path[path.index(target):] + [module, target]) if target in path else f"{module} -> {target}")
            elif state[target] == 0:
                visit(target, path + [module])
        state[module] = 2

    for module in sorted(graph):
        if state[module] == 0:
            visit(module, [])
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_the_lists_name_real_modules():
    """A renamed or removed module must leave the tables too (no stale exceptions)."""
    named = {m for key in (*EXCEPTIONS, *KNOWN_CYCLES) for m in key} | set(LAYERS)
    named |= {m for key in LAZY for m in ((key,) if isinstance(key, str) else key)}
    assert not [m for m in named if m not in MODULES], [m for m in named if m not in MODULES]
    for source, target in (*EXCEPTIONS, *KNOWN_CYCLES):
        assert (target, False) in imports(source) or (target, True) in imports(source), (source, target)
