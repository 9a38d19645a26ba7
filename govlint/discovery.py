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
from array import array
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from itertools import accumulate
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

    def files_in(self, folder: str):
        """``__call__(folder/name, False)`` as a function of ``name``, for the files of one
        folder: what depends on the folder alone (its place under the root, the ``.gitignore``
        files above it) is worked out once, so each file costs string joins and pattern matches
        (a walk of a million files asks a million times)."""
        absolute = Path(os.path.abspath(folder))
        try:
            relative = absolute.relative_to(self.root).as_posix()
            prefix = "" if relative == "." else relative + "/"
        except ValueError:
            prefix = None
        match = self.patterns.match_file
        chain = [(absolute.relative_to(directory).as_posix(), spec)
                 for directory, spec in self._specs_above(absolute)] if self.use_gitignore else []
        chain = [("" if below == "." else below + "/", spec) for below, spec in chain]

        def ignored(name: str) -> bool:
            if match(name if prefix is None else prefix + name):
                return True
            decided = False
            for below, spec in chain:  # from the repository's top down: deeper files decide last
                result = spec.check_file(below + name)
                if result.include is not None:
                    decided = result.include
            return decided

        return ignored


def _suffix(name: str) -> str:
    """``Path(name).suffix.lower()`` without making a ``Path``."""
    dot = name.rfind(".")
    return name[dot:].lower() if 0 < dot < len(name) - 1 else ""


class PathList(Sequence):
    """The discovered paths, in order, stored per folder: the folder once, then its file names
    joined in one string with their offsets in an ``array``. A national archive is a million
    files; as a plain list of ``str`` its paths alone would take 150-200 MB in the parent for the
    whole run, stored this way about 30 bytes a file. ``len``, indexing, slicing and iteration
    behave as on the list it stands for."""

    def __init__(self) -> None:
        self._prefixes: list[str] = []  # a folder with its separator ("" for named files)
        self._blobs: list[str] = []  # the group's names joined by NUL (never in a file name)
        self._starts: list[array] = []  # where each name starts in the blob, then one past the end
        self._ends = array("q")  # the number of paths up to and including each group
        self._open: list[str] = []  # named files gathered for the current "" group

    def _close(self) -> None:
        if self._open:
            self._add("", self._open)
            self._open = []

    def _add(self, prefix: str, names: list[str]) -> None:
        if not names:
            return
        starts = array("q", [0])
        starts.extend(accumulate(len(name) + 1 for name in names))
        self._prefixes.append(prefix)
        self._blobs.append("\0".join(names))
        self._starts.append(starts)
        self._ends.append((self._ends[-1] if self._ends else 0) + len(names))

    def add_folder(self, folder: str, names: list[str]) -> None:
        """The files ``names`` of ``folder``, in this order."""
        self.add_prefixed(os.path.join(folder, ""), names)

    def add_prefixed(self, prefix: str, names: list[str]) -> None:
        """Files whose paths are ``prefix`` followed by each of ``names``."""
        self._close()
        self._add(prefix, names)

    def add_file(self, path: str) -> None:
        self._open.append(path)

    def finish(self) -> PathList:
        self._close()
        return self

    def __len__(self) -> int:
        return self._ends[-1] if self._ends else 0

    def _get(self, group: int, k: int) -> str:
        starts = self._starts[group]
        return self._prefixes[group] + self._blobs[group][starts[k]:starts[k + 1] - 1]

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        size = len(self)
        if index < 0:
            index += size
        if not 0 <= index < size:
            raise IndexError("path index out of range")
        group = bisect_right(self._ends, index)
        return self._get(group, index - (self._ends[group - 1] if group else 0))

    def __iter__(self) -> Iterator[str]:
        for prefix, blob in zip(self._prefixes, self._blobs):
            for name in blob.split("\0"):
                yield prefix + name

    def __repr__(self) -> str:
        return f"PathList({list(self)!r})"

    def groups(self) -> Iterator[tuple[str, list[str]]]:
        """(prefix, names) of each group, in order."""
        for prefix, blob in zip(self._prefixes, self._blobs):
            yield prefix, blob.split("\0")


def discover(paths, suffixes: set[str], selection: Selection | None = None) -> PathList:
    """Files to check: given files as they are (unless ``force_exclude`` excludes them),
    directories walked for claimed suffixes without their excluded folders and files. A file
    reached twice (``a.txt`` and ``./a.txt``, a file inside a given folder, a link to a file
    also found) is checked once, where it comes first."""
    selection = selection or Selection()
    matcher: list[_Ignored] = []

    def ignored(path: Path, is_dir: bool) -> bool:
        # built on first need: a file named on the command line needs no patterns (and no pathspec)
        if not matcher:
            matcher.append(_Ignored(selection))
        return matcher[0](path, is_dir)

    out = PathList()
    links = 0  # walked files that are symbolic links: only these can meet a file twice in one walk
    for given in paths:
        path = Path(given)
        if path.is_dir():
            if ignored(path, True) and selection.force_exclude:
                continue
            for dirpath, dirnames, filenames in os.walk(path):
                here = Path(dirpath)
                dirnames[:] = sorted(d for d in dirnames
                                     if not d.startswith(".") and not ignored(here / d, True))
                names = [name for name in sorted(filenames) if _suffix(name) in suffixes]
                if names:
                    if not matcher:
                        matcher.append(_Ignored(selection))
                    file_ignored = matcher[0].files_in(dirpath)
                    names = [name for name in names if not file_ignored(name)]
                links += sum(os.path.islink(os.path.join(dirpath, name)) for name in names)
                out.add_folder(dirpath, names)
        elif not (selection.force_exclude and ignored(path, False)):
            out.add_file(str(given))
    out.finish()
    if len(paths) == 1 and not links:
        return out  # one file, or one folder's walk without links: nothing is reached twice
    return _unique(out, None if len(paths) > 1 else links)


def _unique(found: PathList, links: int | None) -> PathList:
    """``found`` without a file met a second time (same real path), the first kept.

    ``links`` None: anything may repeat (several paths given), so every real path is
    remembered. Otherwise one walk with links: a folder's files are told apart by name, so
    only the real paths of the links can be met twice, and only those are remembered; other
    files' real paths are their folder's, resolved once, and their name."""
    real = os.path.realpath
    targets: set[str] | None = None
    if links is not None:
        targets = {real(prefix + name) for prefix, names in found.groups() for name in names
                   if os.path.islink(prefix + name)}
    seen: set[str] = set()
    unique = PathList()
    for prefix, names in found.groups():
        folder = os.path.join(real(prefix), "") if prefix else None
        kept = []
        for name in names:
            path = prefix + name
            if folder is None or os.path.islink(path):
                key = real(path)
            else:
                key = folder + name
            if targets is not None and key not in targets:
                kept.append(name)  # no link resolves here: met only once
            elif key not in seen:
                seen.add(key)
                kept.append(name)
        if prefix:
            unique.add_prefixed(prefix, kept)
        else:
            for name in kept:
                unique.add_file(name)
    return unique.finish()
