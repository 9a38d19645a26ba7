"""The engine: files → loader → parser → rules → findings, serially or in worker processes.

Every failure is contained: an unreadable file is GL001, a loader, parser or rule that
raises becomes GL000 for that file, and the other rules and files still run. Findings are
sorted by (path, line, column, code), so a parallel run prints exactly what a serial run does.
"""

from __future__ import annotations

import fnmatch
import os
import stat
from pathlib import Path

from govlint.config import Config
from govlint.findings import Finding, Severity
from govlint.record import Record
from govlint.rule import RuleContext
from govlint.selection import Selection

DEFAULT_MAX_FILE_SIZE = 50 * 1024 * 1024
#: loader plugins that govlint ships in plugins/, named in the GL001 for a file nobody claims
LOADER_PLUGINS = {".docx": "govlint-docx", ".pdf": "govlint-pdf"}
#: findings about the run itself: a selection never hides them, only an explicit ignore
ALWAYS_REPORTED = ("GL000", "GL001")
#: ``Checker._finish``'s suppressions when the caller has not read them (None: the file has none)
_UNREAD = object()


class Settings(Record):
    """What a worker needs to check a file: picklable, so it can cross to a process."""

    __slots__ = _fields = ("selection", "severity", "per_file_ignores", "options", "root", "plugins",
                           "agencies", "summaries", "sketch", "facts", "timeout", "verbose", "display_names",
                           "excerpts")

    def __init__(self, selection: Selection | None = None, severity: dict[str, Severity] | None = None,
                 per_file_ignores: dict[str, tuple[str, ...]] | None = None,
                 options: dict | None = None, root: str = ".", plugins: tuple[str, ...] = (),
                 agencies: dict[str, list[str]] | None = None,
                 summaries: dict[str, list[str]] | None = None, sketch: bool = True, facts: bool = False,
                 timeout: float | None = None, verbose: bool = False,
                 display_names: dict[str, str] | None = None, excerpts: bool = True) -> None:
        self.selection = Selection() if selection is None else selection
        self.severity = {} if severity is None else severity
        self.per_file_ignores = {} if per_file_ignores is None else per_file_ignores
        self.options = {} if options is None else options
        self.root = root
        self.plugins = plugins
        #: config ``agencies``: canonical agency name → its other names (``govlint.corpus.agency``)
        self.agencies = {} if agencies is None else agencies
        #: config ``summaries``: parent agency → its child agencies (names as written)
        self.summaries = {} if summaries is None else summaries
        #: whether the facts may carry the prose sketch (when a run rule reads it): a run of one
        #: file has nothing to compare it with
        self.sketch = sketch
        #: whether each file's facts are wanted when no corpus rule reads them: the record's
        #: metadata (agency, year, title, …; ``govlint.corpus.facts``) for a reporter that shows
        #: it or a result cache that keeps it. Off, and with no corpus rule, no facts are extracted
        self.facts = facts
        #: seconds allowed per file (``timeout`` key or ``--timeout``); None: ``workers.default_timeout``
        #: (10 s plus 2 s per MB)
        self.timeout = timeout
        #: let third-party libraries' warnings reach standard error (``check -v``)
        self.verbose = verbose
        #: the name a file is shown under when it is not its path (standard input: ``--stdin-filename``)
        self.display_names = {} if display_names is None else display_names
        #: whether a finding on table cells carries its excerpt (``Finding.table``, built from the
        #: parsed report here): off when the reporter shows none and no cache keeps the result
        self.excerpts = excerpts

    @classmethod
    def from_config(cls, config: Config, options: dict, selection: Selection,
                    timeout: float | None = None) -> "Settings":
        """The settings of a run: ``timeout`` (from ``--timeout``) replaces the config's."""
        return cls(selection=selection, severity=dict(config.severity),
                   per_file_ignores=dict(config.per_file_ignores), options=options,
                   root=str(config.root), plugins=tuple(str(p) for p in config.plugins),
                   agencies=dict(config.agencies), summaries=dict(config.summaries),
                   timeout=config.timeout if timeout is None else float(timeout))


class FileResult(Record):
    """One file's outcome as a worker sends it back: its findings and its facts
    (``govlint.corpus.facts``: a small JSON-serialisable dict, never the parsed report)."""

    __slots__ = _fields = ("path", "findings", "facts")

    def __init__(self, path: str, findings: list[Finding], facts: dict | None = None) -> None:
        self.path = path
        self.findings = findings
        self.facts = facts


def discover(paths, suffixes: set[str], selection=None):
    """Files to check (``govlint.discovery``: walks, excludes, ``.gitignore``)."""
    from govlint.discovery import discover as find

    return find(paths, suffixes, selection)


def display_path(path: str) -> str:
    """The path as findings show it: relative to the working directory where possible."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel == ".." or rel.startswith(".." + os.sep) else rel


class Checker:
    """Checks files with one registry of plugins and one set of settings."""

    def __init__(self, registry, settings: Settings, nested: dict[str, Settings] | None = None,
                 config_of: dict[str, str] | None = None):
        self.registry = registry
        self.settings = settings
        #: the settings of nested configs, by config path, and each file's config (files that
        #: follow the run's own config are not listed): see ``govlint.nearest_config``
        self.nested = nested or {}
        self.config_of = config_of or {}
        self._children: dict[str, "Checker"] = {}
        self.rules = [r for code, r in sorted(registry.rules.items()) if self.enabled(code)]
        self.report_rules = [r for r in self.rules if r.scope == "report"]
        self.run_rules = [r for r in self.rules if r.scope == "run"]
        #: each report rule with the name of its stage (``on_stage``), made once, not per file
        self._report_stages = [(r, f"规则 {r.code}（{r.plugin}）") for r in self.report_rules]
        self.context = RuleContext(options=dict(settings.options))
        from govlint.corpus.agency import alias_map, summary_map

        self.aliases = alias_map(settings.agencies)
        self.context.summaries = summary_map(settings.summaries, self.aliases)
        #: the prose sketch costs a MinHash per report: computed only when a corpus rule reads it
        self.sketch = settings.sketch and any(getattr(r, "uses_sketch", False) for r in self.run_rules)
        #: what each file's facts hold: "corpus" (the whole record) when a corpus rule reads
        #: them, "meta" (no tables, signature or sketch) when only a reporter or the cache does,
        #: None (no facts at all) otherwise
        self.facts = "corpus" if self.run_rules else "meta" if settings.facts else None
        #: called with the name of each stage before it starts (a worker records it, so that a
        #: file that runs out of time names where it stopped)
        self.on_stage = None

    def enabled(self, code: str) -> bool:
        rule = self.registry.rules.get(code)
        explicit_only = rule is not None and not rule.default_enabled
        return self.settings.selection.enabled(code, explicit_only=explicit_only)

    def for_path(self, path: str) -> "Checker":
        """The checker with the settings of the config nearest ``path``."""
        key = self.config_of.get(path)
        if key is None:
            return self
        child = self._children.get(key)
        if child is None:
            child = self._children[key] = Checker(self.registry, self.nested[key])
            # the run's corpus rules compare this file with the others: its facts are the run's
            child.facts = self.facts if self.facts == "corpus" else child.facts
        child.on_stage = self.on_stage
        return child

    # -- one file -----------------------------------------------------------------------
    def check_file(self, path: str) -> FileResult:
        checker = self.for_path(path)
        if checker is not self:
            return checker.check_file(path)
        from govlint.gc_pause import collector_paused

        shown = self.settings.display_names.get(path) or display_path(path)
        with collector_paused():  # the model is acyclic: nothing for the collector to find
            findings, report, source = self._check(path, shown)
            suppressions = _directives(source, self._known_code)
            facts = self._facts(report, suppressions.to_data() if suppressions is not None and self.facts else [],
                                shown, findings)
            findings = self._finish(findings, shown, source, suppressions)
            # freed while the collector is paused: resuming, it meets only what the result keeps
            # (the parsed report still held here was a fifth of a millisecond of collecting)
            del report, source, suppressions
        return FileResult(shown, findings, facts)

    def _facts(self, report, suppressions: list, shown: str, findings: list[Finding]) -> dict | None:
        """The facts of the file (``govlint.corpus.facts``), None when nobody reads them
        (``self.facts``); a failure is GL000 for the file."""
        if self.facts is None:
            return None
        from govlint.corpus import facts

        if report is None:
            return facts.empty(shown, suppressions)
        if self.on_stage:
            self.on_stage("事实提取")
        try:
            return facts.extract(report, self.aliases, sketch=self.sketch, suppressions=suppressions,
                                 corpus=self.facts == "corpus")
        except (Exception, SystemExit) as exc:  # noqa: BLE001 - contained like a rule's crash
            findings.append(_internal("事实提取", exc))
            return facts.empty(shown, suppressions)

    def check_data(self, path: str, data: bytes) -> tuple[list[Finding], str]:
        """The final findings of ``path`` as if it held ``data``, and the decoded source, in
        this process (``govlint.fixer`` checks its fixed text before writing it)."""
        checker = self.for_path(path)
        shown = checker.settings.display_names.get(path) or display_path(path)
        findings, _report, source = checker._check(path, shown, data)
        return checker._finish(findings, shown, source), source

    def _check(self, path: str, shown: str, data: bytes | None = None):
        max_size = self.settings.options.get("max-file-size", DEFAULT_MAX_FILE_SIZE)
        if data is not None:
            return self._check_data(path, shown, data[:max_size + 1], max_size)
        try:
            status = os.stat(path)
            if not stat.S_ISREG(status.st_mode):  # a FIFO or device would block or never end
                return [Finding("不是普通文件（设备、管道或目录），未检查", code="GL001")], None, ""
            from govlint.regular_file import read_at_most

            with open(path, "rb") as handle:
                data = read_at_most(handle, max_size, status.st_size)
        except OSError as exc:
            return [Finding(f"无法读取文件: {exc.strerror or exc}", code="GL001")], None, ""
        return self._check_data(path, shown, data, max_size)

    def _check_data(self, path: str, shown: str, data: bytes, max_size: int):
        if len(data) > max_size:
            return [Finding(f"文件过大（超过上限 {max_size} 字节），未检查", code="GL001",
                            properties={"limit": max_size})], None, ""
        if not data.strip():
            return [Finding("文件为空", code="GL001")], None, ""
        loader = self.registry.loader_for(path, data[:1024])
        if loader is None:
            suffix = Path(path).suffix.lower()
            hint = f"；安装 {LOADER_PLUGINS[suffix]} 插件后可检查" if suffix in LOADER_PLUGINS else ""
            return [Finding(f"不支持的文件类型（{suffix or '无扩展名'}），没有加载器认领此文件{hint}",
                            code="GL001")], None, ""
        if self.on_stage:
            self.on_stage(f"加载器 {loader.name}（{loader.plugin}）")
        try:
            document = loader.load(shown, data)
        except (Exception, SystemExit) as exc:  # noqa: BLE001 - a loader bug is reported, not raised
            return [_internal(f"加载器 {loader.name}（{loader.plugin}）", exc)], None, ""
        findings = list(document.problems)
        if any(f.code == "GL001" for f in findings):
            return findings, None, document.source
        if self.on_stage:
            self.on_stage("报告解析器")
        try:
            from govlint.parser import parse

            report = parse(document)
        except (Exception, SystemExit) as exc:  # noqa: BLE001
            return findings + [_internal("报告解析器", exc)], None, document.source
        recognised = bool(report.sections or report.tables or report.template)
        for rule, stage in self._report_stages:
            if (rule.needs_report and not recognised) or not rule.applies_to(report):
                continue
            if self.on_stage:
                self.on_stage(stage)
            try:
                for finding in rule.check(report, self.context) or ():
                    findings.append(_stamp(finding, rule))
            except (Exception, SystemExit) as exc:  # noqa: BLE001 - one rule's crash is one finding
                findings.append(_internal(f"规则 {rule.code}（{rule.plugin}）", exc))
        if self.settings.excerpts:
            findings.extend(_table_excerpts(findings, report))
        if any(f.fix is not None for f in findings):
            _usable_fixes(findings, loader, document)
        return findings, report, document.source

    def _finish(self, findings: list[Finding], shown: str, source: str,
                suppressions=_UNREAD, later: bool = False) -> list[Finding]:
        """Findings with path, name and severity filled in, less those suppressed by the file's
        comments (``suppressions`` when the caller has them, None for none; else parsed from
        ``source``: looking for them costs a scan of the whole text).
        ``later``: run-scope findings, made after the file's own pass, which already reported
        the file's directive problems (GL004) and unused directives (GL005)."""
        if suppressions is _UNREAD:
            suppressions = _directives(source, self._known_code)
        if suppressions is not None:
            from govlint.suppressions import UNSUPPRESSIBLE, UNUSED_SUPPRESSION, suppression_problems
        if suppressions is not None and not later:
            findings = findings + suppression_problems(suppressions, self.enabled)
        used: set[tuple[int, str]] = set()
        ignored = self._per_file_ignores(shown)
        out = []
        anchor = _project_path(shown, self.settings.root)
        for f in findings:
            rule = self.registry.rules.get(f.code)
            f.path = shown
            f.root_path = anchor
            if rule is not None and not f.name:
                f.name = rule.name
            if f.severity is None:
                f.severity = rule.default_severity if rule is not None else Severity.ERROR
            if f.code in self.settings.severity:
                f.severity = self.settings.severity[f.code]
            wanted = self.enabled(f.code) or (f.code in ALWAYS_REPORTED
                                              and not self.settings.selection.ignores(f.code))
            if not wanted or any(f.code.startswith(p) for p in ignored):
                continue
            if suppressions and f.code not in UNSUPPRESSIBLE:
                hit = suppressions.match(f.code, f.line, f.column)
                if hit is not None:
                    used.add(hit)
                    continue
            out.append(f)
        if suppressions and self.enabled(UNUSED_SUPPRESSION) and not later:
            from govlint.suppressions import unused_suppressions

            for f in unused_suppressions(suppressions, used, self._checked_here):
                f.path, f.root_path, f.name = shown, anchor, self.registry.rules[f.code].name
                f.severity = self.settings.severity.get(f.code, self.registry.rules[f.code].default_severity)
                out.append(f)
        out.sort(key=Finding.sort_key)
        return out

    def _known_code(self, token: str) -> bool:
        return token == "ALL" or any(code.startswith(token) for code in self.registry.rules)

    def _checked_here(self, token: str) -> bool:
        """Whether this file's run could have produced a finding with ``token``: a directive
        naming only rules that are off, or run-scope rules (whose findings come later), is not
        called unused."""
        return any(code.startswith(token) and self.enabled(code) and rule.scope == "report"
                   for code, rule in self.registry.rules.items()) or token == "ALL"

    def _per_file_ignores(self, shown: str) -> set[str]:
        if not self.settings.per_file_ignores:
            return set()
        candidates = {shown.replace(os.sep, "/")}
        try:
            candidates.add(os.path.relpath(os.path.abspath(shown), self.settings.root).replace(os.sep, "/"))
        except ValueError:
            pass
        codes: set[str] = set()
        for pattern, ignored in self.settings.per_file_ignores.items():
            if any(fnmatch.fnmatch(c, pattern) for c in candidates):
                codes.update(ignored)
        return codes

    # -- the whole run --------------------------------------------------------------------
    def check_run(self, facts) -> list[Finding]:
        """The corpus rules' findings over ``facts`` (a ``govlint.corpus.provider.Facts``), each
        finding kept or suppressed by the comments of the file it is reported on."""
        findings = []
        for rule in self.run_rules:
            try:
                for finding in rule.check_run(facts, self.context) or ():
                    findings.append(_stamp(finding, rule))
            except (Exception, SystemExit) as exc:  # noqa: BLE001
                findings.append(_internal(f"规则 {rule.code}（{rule.plugin}）", exc))
        by_path: dict[str, list[Finding]] = {}
        for f in findings:
            by_path.setdefault(f.path, []).append(f)
        out = []
        for path, group in by_path.items():
            record = facts.get(path) if path else None
            data = (record or {}).get("suppressions")
            suppressions = None
            if data:
                from govlint.suppressions import Suppressions

                suppressions = Suppressions.from_data(data)
            out.extend(self.for_path(path)._finish(group, path, "", suppressions, later=True))
        return out


def _directives(source: str, known):
    """The file's suppression directives (``govlint.suppressions.Suppressions``), or None when
    its source names none: the suppression machinery is imported for such a file only."""
    if not source or "govlint:" not in source:
        return None
    from govlint.suppressions import parse

    return parse(source, known)


def _usable_fixes(findings, loader, document) -> None:
    """Keep only fixes that apply exactly to a text format's source (``govlint.fixes``);
    Word and PDF files are not rewritten."""
    if not getattr(loader, "fixable", False):
        for f in findings:
            f.fix = None
        return
    from govlint.fixes import keep_usable

    keep_usable(findings, document.source, document.line_index())


def _project_path(shown: str, root: str) -> str:
    """The path relative to the project root (the config's folder): what fingerprints use, so
    that a baseline written at the root still matches when govlint runs from a subfolder."""
    try:
        return os.path.relpath(os.path.abspath(shown), os.path.abspath(root)).replace(os.sep, "/")
    except ValueError:  # another drive
        return shown.replace(os.sep, "/")


def _stamp(finding: Finding, rule) -> Finding:
    """The rule's finding with its code filled in, after checking that every field has the type
    the reporters rely on: a malformed finding would make the sort or a reporter raise and lose
    the whole run's output, so it is refused here and becomes GL000 naming the rule."""
    if not isinstance(finding, Finding):
        raise TypeError(f"产生了 {type(finding).__name__}，而不是 Finding")
    problem = _malformed(finding)
    if problem:
        raise TypeError(f"产生的 Finding 无效：{problem}")
    if not finding.code:
        finding.code = rule.code
        finding.name = rule.name
    return finding


def _table_excerpts(findings: list[Finding], report) -> list[Finding]:
    """Fills ``Finding.table`` from the cells each finding declares, here where the parsed
    report exists; a failure costs the excerpt, not the finding (GL000 says so)."""
    problems = []
    for f in findings:
        if f.cells is not None and f.table is None:
            from govlint.reporters.table_view import excerpt  # only when a finding names cells

            try:
                f.table = excerpt(report, f.cells)
            except Exception as exc:  # noqa: BLE001 - the finding stands without its excerpt
                problems.append(_internal(f"表格摘录（{f.code} {f.location}）", exc))
    return problems


def _malformed(f: Finding) -> str:
    from govlint.span import Span

    if not isinstance(f.message, str) or not f.message:
        return f"message 应为非空字符串，实为 {type(f.message).__name__}"
    if not isinstance(f.location, str):
        return f"location 应为字符串，实为 {type(f.location).__name__}"
    if not isinstance(f.code, str) or not isinstance(f.name, str):
        return "code 与 name 应为字符串"
    if f.severity is not None and not isinstance(f.severity, Severity):
        return f"severity 应为 Severity，实为 {f.severity!r}"
    if f.span is not None:
        if not isinstance(f.span, Span):
            return f"span 应为 Span，实为 {type(f.span).__name__}"
        if not all(type(v) is int and v >= 1 for v in (f.span.line, f.span.column, f.span.end_line, f.span.end_column)):
            return f"span 的行列应为正整数，实为 {f.span!r}"
    if not isinstance(f.properties, dict):
        return f"properties 应为 dict，实为 {type(f.properties).__name__}"
    from govlint.findings import Related, TableCells

    if not isinstance(f.related, (tuple, list)) or not all(
            isinstance(r, Related) and isinstance(r.location, str) and isinstance(r.message, str)
            and (r.span is None or isinstance(r.span, Span)) for r in f.related):
        return "related 应为 Related 的序列"
    if f.cells is not None and not isinstance(f.cells, TableCells):
        return f"cells 应为 TableCells，实为 {type(f.cells).__name__}"
    if f.fix is not None:
        from govlint.fixes import Edit, Fix

        if not isinstance(f.fix, Fix) or not f.fix.edits or not all(
                isinstance(e, Edit) and isinstance(e.span, Span) and isinstance(e.text, str)
                and isinstance(e.old, str) for e in f.fix.edits):
            return "fix 应为 govlint.fixes.Fix（含至少一个 Edit）"
    return ""


def _internal(what: str, exc: BaseException) -> Finding:
    import traceback

    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f"（{Path(frame.filename).name}:{frame.lineno}）" if frame else ""
    return Finding(f"{what} 运行出错: {type(exc).__name__}: {exc}{where}", code="GL000",
                   location="内部错误", properties={"exception": type(exc).__name__})


# -- the whole run ---------------------------------------------------------------------------
class RunResult(Record):
    __slots__ = _fields = ("findings", "files")

    def __init__(self, findings: list[Finding], files: int) -> None:
        self.findings = findings
        self.files = files


def run(paths: list[str], checker: Checker, jobs: int = 1, progress=None) -> RunResult:
    """Check every file and return every finding, sorted as the reporters write them."""
    results = iter_results(paths, checker, jobs, progress)
    findings = [f for result in results for f in result.findings]
    findings.extend(run_findings(checker, results.facts))
    return RunResult(findings, len(paths))


class iter_results:
    """Each file's result in path order, as soon as it and every file before it are done.

    Files are checked in worker processes (``workers``; a run of one file in this process),
    each bounded by the per-file time limit; ``progress(done, total)`` is called after each
    file if given. Each file's facts go into ``facts`` (a ``govlint.corpus.provider.Facts``; in
    memory unless another provider is given) when run-scope rules will read them. Iterate once.
    """

    def __init__(self, paths: list[str], checker: Checker, jobs: int = 1, progress=None, facts=None,
                 executor=None, scheduler: str | None = None, cache=None):
        from govlint.corpus.provider import MemoryFacts

        # path order is the order findings are written in: sort by the path they show
        names = checker.settings.display_names
        self.paths = sorted(paths, key=lambda p: names.get(p) or display_path(p))
        self.checker, self.jobs, self.progress = checker, jobs, progress
        self.facts = facts if facts is not None else MemoryFacts()
        #: ``govlint.executors.Executor`` (None: ``local``) and the ``--scheduler`` it may use
        self.executor, self.scheduler = executor, scheduler
        #: ``govlint.store.incremental.Incremental``: answers unchanged files from the store
        self.cache = cache

    def __iter__(self):
        from govlint.executors import ExecutorOptions

        if not self.paths:
            return
        checker = self.checker
        if self.executor is None:
            from govlint.executors.local import LocalExecutor

            self.executor = LocalExecutor()
        options = ExecutorOptions(jobs=self.jobs, scheduler=self.scheduler)

        def check(paths):
            return self.executor.check(paths, checker, options)

        results = check(self.paths) if self.cache is None \
            else self.cache.results(self.paths, check, checker.settings.display_names)
        keep = bool(checker.run_rules)
        for done, result in enumerate(results, 1):
            if keep and result.facts is not None:
                self.facts.add(result.facts)
            if self.progress:
                self.progress(done, len(self.paths))
            yield result


def run_findings(checker: Checker, facts) -> list[Finding]:
    """The run-scope rules' findings, after every file's: in path order, each path's sorted."""
    if not checker.run_rules:
        return []
    findings = checker.check_run(facts)
    findings.sort(key=Finding.sort_key)
    return findings


def time_limit_for(settings: Settings):
    """``limit(path)``: the seconds a file may take (the configured timeout, or by its size)."""
    if settings.timeout is not None:
        return lambda path: settings.timeout
    from govlint.workers import default_timeout

    def limit(path: str) -> float:
        try:
            return default_timeout(os.stat(path).st_size)
        except OSError:
            return default_timeout(0)
    return limit


def lost_result(checker: Checker, path: str, limit: float, stage: str, exitcode: int | None) -> FileResult:
    """The result of a file whose worker ran out of time or died: GL000 naming where it was."""
    where = f"，停在{stage}" if stage else ""
    if exitcode is None:
        message = f"检查超时：超过 {limit:g} 秒仍未完成{where}；本文件的其他结果未能给出"
        props = {"limit": limit, "stage": stage}
    else:
        how = f"信号 {-exitcode}" if exitcode < 0 else f"退出码 {exitcode}"
        message = f"检查进程意外退出（{how}）{where}；本文件的其他结果未能给出"
        props = {"exitcode": exitcode, "stage": stage}
    from govlint.corpus.facts import empty

    shown = display_path(path)
    finding = Finding(message, code="GL000", location="内部错误", properties=props)
    return FileResult(shown, checker._finish([finding], shown, ""), empty(shown) if checker.facts else None)
