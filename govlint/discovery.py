"""Which files a run checks: folders walked for the suffixes the loaders claim, minus what is
excluded.

As in ruff: ``exclude`` (glob patterns, gitignore syntax, replacing the defaults below) and
``extend-exclude`` (added to them) apply to what a walk finds and prune whole folders; the
``.gitignore`` files of the repository are respected unless ``respect-gitignore`` is off;
a file named on the command line is checked even when a pattern excludes it, unless
``force-exclude`` is on (pre-commit names every changed file, so a hook needs it).
Patterns match paths relative to the project root (the config's folder, else the working
directory). Matching is by ``pathspec`` (gitignore semantics, negations included).
"""

from __future__ import annotations

import os
from pathlib import Path

from govlint.record import Record

#: folders and files no report repository wants checked (build output, tool caches, VCS)
DEFAULT_EXCLUDE = (
    ".git", ".hg", ".svn", ".bzr", ".venv", "venv", ".tox", ".nox", "__pycache__", ".mypy_cache",
    ".pytest_cache", ".ruff_cache", ".govlint_cache", "node_modules", "build", "dist", "_build",
    "*.egg-info", ".eggs", "site-packages",
)


class Selection(Record):
    """The file-selection settings of a run."""

    __slots__ = _fields = ("root", "exclude", "extend_exclude", "respect_gitignore", "force_exclude")

    def __init__(self, root: Path | None = None, exclude: tuple[str, ...] = DEFAULT_EXCLUDE,
                 extend_exclude: tuple[str, ...] = (), respect_gitignore: bool = True,
                 force_exclude: bool = False) -> None:
        self.root = Path.cwd() if root is None else root
        self.exclude = exclude
        self.extend_exclude = extend_exclude
        self.respect_gitignore = respect_gitignore
        self.force_exclude = force_exclude


class _Ignored:
    """gitignore-style matching: the exclude patterns against paths relative to the root, and
    each ``.gitignore`` against paths relative to its own folder (deeper files decide last)."""

    def __init__(self, selection: Selection):
        import pathspec

        self.pathspec = pathspec
        self.root = Path(os.path.abspath(selection.root))
        self.patterns = pathspec.GitIgnoreSpec.from_lines(selection.exclude + selection.extend_exclude)
        self.use_gitignore = selection.respect_gitignore
        self._tops: dict[Path, Path | None] = {}
        self._chains: dict[Path, tuple] = {}

    def _git_top(self, start: Path) -> Path | None:
        """The repository a folder belongs to (remembered per folder: a walk asks once each)."""
        if start not in self._tops:
            parent = start.parent
            if (start / ".git").exists():
                self._tops[start] = start
            else:
                self._tops[start] = None if parent == start else self._git_top(parent)
        return self._tops[start]

    def _specs_above(self, folder: Path) -> tuple:
        """(folder, spec) of every ``.gitignore`` from the repository's top down to ``folder``,
        worked out once per folder (a walk asks for each of its files)."""
        found = self._chains.get(folder)
        if found is None:
            top = self._git_top(folder)
            if top is None:
                found = ()
            else:
                above = () if folder == top or folder.parent == folder else self._specs_above(folder.parent)
                spec = self._spec_of(folder)
                found = above + (((folder, spec),) if spec is not None else ())
            self._chains[folder] = found
        return found

    def _spec_of(self, directory: Path):
        """The folder's own ``.gitignore``, or None (read once: ``_specs_above`` remembers it)."""
        candidate = directory / ".gitignore"
        try:
            if candidate.is_file():
                lines = candidate.read_text(encoding="utf-8", errors="replace").splitlines()
                return self.pathspec.GitIgnoreSpec.from_lines(lines)
        except OSError:
            pass
        return None

    def __call__(self, path: Path, is_dir: bool) -> bool:
        absolute = Path(os.path.abspath(path))  # no symlink resolution: a lookup per file is enough
        suffix = "/" if is_dir else ""
        try:
            relative = absolute.relative_to(self.root).as_posix()
        except ValueError:
            relative = None
        if relative not in (None, ".") and self.patterns.match_file(relative + suffix):
            return True
        # a pattern without a slash names a folder or file anywhere: also test the bare name
        if relative is None and self.patterns.match_file(absolute.name + suffix):
            return True
        if not self.use_gitignore:
            return False
        decided = False
        # from the repository's top down: deeper files decide last
        for directory, spec in self._specs_above(absolute.parent):
            result = spec.check_file(absolute.relative_to(directory).as_posix() + suffix)
            if result.include is not None:
                decided = result.include
        return decided


def discover(paths, suffixes: set[str], selection: Selection | None = None) -> list[str]:
    """Files to check: given files as they are (unless ``force_exclude`` excludes them),
    directories walked for claimed suffixes without their excluded folders and files."""
    selection = selection or Selection()
    matcher: list[_Ignored] = []

    def ignored(path: Path, is_dir: bool) -> bool:
        # built on first need: a file named on the command line needs no patterns (and no pathspec)
        if not matcher:
            matcher.append(_Ignored(selection))
        return matcher[0](path, is_dir)

    out: list[str] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            if ignored(path, True) and selection.force_exclude:
                continue
            for dirpath, dirnames, filenames in os.walk(path):
                here = Path(dirpath)
                dirnames[:] = sorted(d for d in dirnames
                                     if not d.startswith(".") and not ignored(here / d, True))
                for name in sorted(filenames):
                    if Path(name).suffix.lower() in suffixes and not ignored(here / name, False):
                        out.append(os.path.join(dirpath, name))
        elif not (selection.force_exclude and ignored(path, False)):
            out.append(str(given))
    # the same file named twice (a.txt and ./a.txt, or a file inside a given folder) is checked once
    seen: set[str] = set()
    unique = []
    for file in out:
        key = os.path.realpath(file)
        if key not in seen:
            seen.add(key)
            unique.append(file)
    return unique
