"""The ``govlint`` command line (click).

Start-up is kept cheap: this module imports only click and govlint's light modules; plugins,
rich and lxml are loaded by the commands that need them, so ``govlint --version`` and
``govlint --help`` scan no entry points.
"""

from __future__ import annotations

import os
import sys

import click

from govlint import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _fail(message: str) -> "click.exceptions.Exit":
    click.echo(f"govlint: 错误: {message}", err=True)
    return click.exceptions.Exit(EXIT_USAGE)


class GovlintGroup(click.Group):
    """Loads plugin commands only when an unknown subcommand is asked for."""

    def get_command(self, ctx, name):
        command = super().get_command(ctx, name)
        if command is None and not getattr(self, "_plugin_commands_loaded", False):
            self._plugin_commands_loaded = True
            from govlint.config import ConfigError, find_config, load_config
            from govlint.plugin_host import load_plugins

            try:  # repo-local plugins named in the config may add commands too
                local = load_config(find_config()).plugins
            except ConfigError:
                local = []
            registry = load_plugins(local)
            try:
                registry.manager.hook.govlint_add_commands(cli=self)
            except Exception as exc:  # noqa: BLE001 - a broken plugin command must not take govlint down
                click.echo(f"govlint: 警告: 插件命令加载失败: {exc}", err=True)
            command = super().get_command(ctx, name)
        return command


@click.group(cls=GovlintGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="govlint", message="%(prog)s %(version)s")
def cli():
    """govlint: 政府信息公开工作年度报告检查工具 (a linter for government information disclosure annual reports)."""


# -- shared set-up ------------------------------------------------------------------------
def _split_codes(values) -> tuple[str, ...]:
    out = []
    for value in values or ():
        out.extend(part.strip().upper() for part in value.split(",") if part.strip())
    return tuple(out)


def _run_groups(make):
    """The run-scope findings (made by ``make()`` once every file is done), one group a path."""
    from govlint.reporters.base import by_path

    yield from by_path(make())


def _source_reader(registry, options, real_paths=None):
    """``source(path)`` for excerpts: the file read again and decoded by its loader
    (``real_paths`` maps a shown name to the file behind it, for standard input)."""
    from govlint.engine import DEFAULT_MAX_FILE_SIZE

    limit = options.get("max-file-size", DEFAULT_MAX_FILE_SIZE)

    def source(path: str):
        import stat

        path = (real_paths or {}).get(path, path)

        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
        loader = registry.loader_for(path, data[:1024])
        if loader is None or len(data) > limit:
            return None
        return loader.source_text(path, data)
    return source


def _stdin_file(name: str | None, options) -> tuple[object, str]:
    """Standard input (up to the size limit and one byte more, so that an oversized input is
    still reported as too large) written to a temporary folder under ``name``'s file name."""
    import tempfile

    from govlint.engine import DEFAULT_MAX_FILE_SIZE

    limit = options.get("max-file-size", DEFAULT_MAX_FILE_SIZE)
    data = sys.stdin.buffer.read(limit + 1)
    folder = tempfile.TemporaryDirectory(prefix="govlint-stdin-")
    # without a name, a page that starts with markup is HTML and anything else a text extraction
    base = os.path.basename(name or "") or ("stdin.html" if data.lstrip()[:1] == b"<" else "stdin.txt")
    path = os.path.join(folder.name, base)
    with open(path, "wb") as handle:
        handle.write(data)
    return folder, path


def _file_selection(config, exclude, extend_exclude, respect_gitignore, force_exclude):
    """The run's file selection: options replace the config's values, as elsewhere."""
    from govlint.discovery import DEFAULT_EXCLUDE, Selection

    patterns = _split_patterns(exclude)
    return Selection(
        root=config.root,
        exclude=patterns if exclude else (config.exclude if config.exclude is not None else DEFAULT_EXCLUDE),
        extend_exclude=tuple(config.extend_exclude) + _split_patterns(extend_exclude),
        respect_gitignore=config.respect_gitignore if respect_gitignore is None else respect_gitignore,
        force_exclude=bool(force_exclude) or config.force_exclude)


def _apply_fixes(files, checker, registry, settings, unsafe: bool, diff: bool) -> int:
    """``--fix`` (write) or ``--diff`` (print): fix every file in passes; say what was fixed and
    which files cannot be fixed. Returns the number of files changed."""
    from collections import Counter

    from govlint.engine import display_path, time_limit_for
    from govlint.fixer import fix_file, write

    limit = time_limit_for(settings)
    fixed, files_changed, unfixable = Counter(), 0, []
    for path in sorted(files, key=lambda p: settings.display_names.get(p) or display_path(p)):
        shown = settings.display_names.get(path) or display_path(path)
        loader = registry.loader_for(path)
        if loader is None or not getattr(loader, "fixable", False):
            if loader is not None:
                unfixable.append(shown)
            continue
        result = fix_file(checker, path, shown, unsafe, limit(path))
        if result is None or not result.changed:
            continue
        files_changed += 1
        fixed.update(result.codes)
        if diff:
            click.echo(result.diff(), nl=False)
        else:
            try:
                write(result)
            except OSError as exc:
                click.echo(f"govlint: 无法写入 {shown}: {exc.strerror or exc}", err=True)
    count = sum(fixed.values())
    what = "，".join(f"{code} {n} 个" for code, n in sorted(fixed.items()))
    verb = "可修复" if diff else "已修复"
    if count:
        click.echo(f"govlint: {verb} {count} 个问题（{files_changed} 个文件；{what}）", err=True)
    else:
        click.echo("govlint: 没有可自动修复的问题", err=True)
    if unfixable:
        click.echo(f"govlint: Word 和 PDF 等格式不能自动修复，已跳过 {len(unfixable)} 个文件", err=True)
    return files_changed


def _show_settings(shown: str, cfg, run_config, settings) -> None:
    """``--show-settings``: each key's value for one file and where it came from."""
    from govlint.config_keys import KEYS

    def origin(c, name):
        if name in c.key_positions:
            line, col = c.key_positions[name]
            return f"{c.path}:{line}:{col}"
        return "默认值"

    click.echo(f"{shown}")
    click.echo(f"  配置文件: {cfg.path or '无（默认设置）'}"
               + ("" if cfg is run_config else f"（运行配置: {run_config.path or '无'}）"))
    shown_values = {"select": settings.selection.select, "extend-select": settings.selection.extend_select,
                    "ignore": settings.selection.ignore, "timeout": settings.timeout,
                    "options": settings.options}
    for key in KEYS:
        source = run_config if key.run_wide else cfg
        value = shown_values.get(key.name, getattr(source, key.attribute))
        if isinstance(value, tuple):
            value = list(value)
        elif isinstance(value, dict):
            value = {str(k): (str(v) if hasattr(v, "name") else v) for k, v in value.items()}
        elif hasattr(value, "name") and not isinstance(value, (str, bytes)):
            value = str(value)
        click.echo(f"  {key.name} = {value}    # {origin(source, key.name)}")


def _split_patterns(values) -> tuple[str, ...]:
    return tuple(p.strip() for value in values for p in value.split(",") if p.strip())


def _setup(config_path, strict_plugins: bool):
    """Config and plugins, or exit 2 with a clear message."""
    from pathlib import Path

    from govlint.config import ConfigError, find_config, load_config, validate_options, validate_selectors
    from govlint.plugin_host import PluginError, load_plugins

    try:
        config = load_config(Path(config_path) if config_path else find_config())
    except ConfigError as exc:
        raise _fail(str(exc))
    strict = strict_plugins or config.strict_plugins
    try:
        registry = load_plugins(config.plugins, strict=strict)
    except PluginError as exc:
        problems = str(exc).replace("，已跳过", "")
        raise _fail(f"插件加载失败，按 --strict-plugins 停止运行:\n{problems}")
    for warning in registry.warnings:
        click.echo(f"govlint: 警告: {warning}", err=True)
    try:
        validate_selectors(config, registry.rules)
        options = validate_options(config, registry.options)
    except ConfigError as exc:
        raise _fail(str(exc))
    return config, registry, options


def _open_store(config, checker, options, cache_dir, no_cache):
    """The run's store (``govlint.store``): the cache, or a temporary one with ``--no-cache``."""
    from govlint.engine import DEFAULT_MAX_FILE_SIZE
    from govlint.store.opening import open_run_store

    return open_run_store(config, checker, options.get("max-file-size", DEFAULT_MAX_FILE_SIZE),
                          cache_dir, no_cache, lambda message: click.echo(f"govlint: 警告: {message}", err=True))


#: formats whose --statistics is the per-rule table alone
TEXT_FORMATS = ("terminal", "concise")
#: formats that end with a count line on standard error (the terminal prints its own summary)
COUNTED_FORMATS = ("concise", "github")


def _default_format() -> str:
    if os.environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    return "terminal" if sys.stdout.isatty() else "concise"


# -- check --------------------------------------------------------------------------------
@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "-f", "fmt", metavar="FORMAT",
              help="terminal, concise, json, jsonl, sarif, github, html or xlsx (default: terminal on a TTY, concise otherwise, github in GitHub Actions)")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write the report to FILE.")
@click.option("--select", multiple=True, help="Codes or prefixes to check (e.g. GL2,GL301); replaces the config.")
@click.option("--extend-select", multiple=True, help="Codes or prefixes to add to the selection.")
@click.option("--ignore", multiple=True, help="Codes or prefixes to skip.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file (default: .govlint.yaml found upward).")
@click.option("--jobs", "-j", type=click.IntRange(0), default=1, show_default=True, help="Worker processes (0 = all cores).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are reported.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), help="Lowest severity that fails the run (default: warning).")
@click.option("--statistics", is_flag=True, help="Show only the number of findings per rule (terminal, concise); add counts to json and sarif.")
@click.option("--exclude", multiple=True, metavar="PATTERNS",
              help="Glob patterns (gitignore syntax) a directory walk skips; replaces the defaults and the config's.")
@click.option("--extend-exclude", multiple=True, metavar="PATTERNS", help="Patterns to skip in addition.")
@click.option("--respect-gitignore/--no-respect-gitignore", default=None,
              help="Skip what .gitignore files ignore (default: on).")
@click.option("--force-exclude", is_flag=True, default=None,
              help="Apply the exclusions to files named on the command line too (pre-commit).")
@click.option("--show-files", is_flag=True, help="List the files that would be checked, and exit.")
@click.option("--show-settings", is_flag=True,
              help="Print the settings each given file is checked with, and where each comes from, and exit.")
@click.option("--stdin-filename", metavar="NAME",
              help="With PATH '-': the name of the report read from standard input (its suffix picks the loader).")
@click.option("--fix", "fix", is_flag=True, help="Apply safe fixes to the files, then report what remains.")
@click.option("--unsafe-fixes", is_flag=True, help="Also apply fixes that change what a report states.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff and write nothing.")
@click.option("--report-unused-suppressions", is_flag=True,
              help="Report suppression comments that suppress nothing (GL005).")
@click.option("--quiet", "-q", is_flag=True, help="Print the findings only: no summary, count line or progress.")
@click.option("--baseline", type=click.Path(dir_okay=False), help="Hide the findings recorded in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), help="Record the current findings in FILE and exit 0.")
@click.option("--strict-plugins", is_flag=True, help="Exit 2 when a plugin fails to load.")
@click.option("--no-color", is_flag=True, help="No colours in terminal output (also NO_COLOR=1).")
@click.option("--timeout", type=float, metavar="SECONDS",
              help="Per-file time limit; replaces the config's timeout "
                   "(default: 10 s plus 2 s per MB).")
@click.option("--verbose", "-v", is_flag=True, help="Show warnings of the libraries and plugins govlint runs.")
@click.option("--executor", default="local", show_default=True, metavar="NAME",
              help="What checks the files: local (worker processes of --jobs) or one a plugin adds (dask).")
@click.option("--scheduler", metavar="ADDRESS",
              help="Scheduler address for executors that use one (dask: tcp://host:8786; default: a local cluster).")
@click.option("--cache-dir", envvar="GOVLINT_CACHE_DIR",
              help="Folder of the result cache (default: .govlint_cache next to the config, else here).")
@click.option("--no-cache", is_flag=True, help="Check every file again; read and write no cache.")
def check(paths, fmt, output, select, extend_select, ignore, config_path, jobs, exit_zero, fail_on,
          statistics, exclude, extend_exclude, respect_gitignore, force_exclude, show_files, show_settings,
          stdin_filename, fix, unsafe_fixes, diff, report_unused_suppressions, quiet, baseline, write_baseline, strict_plugins, no_color, timeout, verbose,
          executor, scheduler, cache_dir, no_cache):
    """Check report files and directories."""
    from govlint.verbosity import quiet_libraries

    quiet_libraries(verbose)
    import itertools
    from contextlib import closing, nullcontext

    from govlint.engine import Checker, Settings, discover, display_path, iter_results, run_findings
    from govlint.findings import Severity
    from govlint.reporters.base import RunInfo
    from govlint.selection import Selection

    missing = [p for p in paths if p != "-" and not os.path.exists(p)]
    if missing:
        raise _fail(f"路径不存在: {', '.join(missing)}")
    if stdin_filename and "-" not in paths:
        raise _fail("--stdin-filename 只与路径 -（标准输入）一起使用")
    if timeout is not None:
        from govlint.config import timeout_problem

        problem = timeout_problem(timeout)
        if problem:
            raise _fail(f"--timeout {problem}")
    config, registry, options = _setup(config_path, strict_plugins)
    fmt = fmt or _default_format()
    if executor not in registry.executors:
        raise _fail(f"未知的执行器 {executor!r}（可用: {', '.join(sorted(registry.executors))}）")
    if fmt not in registry.reporters:
        raise _fail(f"未知的输出格式 {fmt!r}（可用: {', '.join(sorted(registry.reporters))}）")

    cli_select = _split_codes(select)
    if select and not cli_select:
        raise _fail("--select 需要至少一个规则代码或前缀（ALL 表示全部）")
    for target in (output, write_baseline):
        if target and not os.path.isdir(os.path.dirname(os.path.abspath(target))):
            raise _fail(f"无法写入 {target}: 目录不存在")

    def selection_for(cfg):
        # --select replaces the config's selection, extend-select included (as in ruff)
        return Selection(select=cli_select or cfg.select,
                         ignore=cfg.ignore + _split_codes(ignore),
                         extend_select=(() if cli_select else cfg.extend_select) + _split_codes(extend_select)
                         + (("GL005",) if report_unused_suppressions else ()))

    selection = selection_for(config)
    for code in cli_select + _split_codes(extend_select) + _split_codes(ignore):
        if code != "ALL" and not any(c.startswith(code) for c in registry.rules):
            raise _fail(f"选择器 {code} 不匹配任何规则（govlint rules 列出所有规则）")

    baseline_path = None if write_baseline else baseline or config.baseline
    known: set[str] = set()
    if baseline_path:  # read before the run, so that a bad baseline costs no checking
        from govlint.baseline import BaselineError, is_known, read_baseline

        try:
            known = read_baseline(baseline_path)
        except BaselineError as exc:
            raise _fail(str(exc))

    settings = Settings.from_config(config, options, selection, timeout=timeout)
    settings.verbose = verbose
    stdin_dir = None
    if "-" in paths:  # standard input becomes a file of its own name, read like any other
        stdin_dir, stdin_path = _stdin_file(stdin_filename, options)
        settings.display_names[stdin_path] = stdin_filename or "-"
        paths = [stdin_path if p == "-" else p for p in paths]
    files = discover(paths, registry.suffixes, _file_selection(config, exclude, extend_exclude,
                                                               respect_gitignore, force_exclude))
    # each file's nearest config (per-file keys); --config makes the run's config apply to all
    from govlint.config import ConfigError, validate_options, validate_selectors
    from govlint.nearest_config import Configs

    configs = Configs(config, explicit=bool(config_path))
    config_of: dict[str, str] = {}

    def config_for(file):  # standard input is governed by the config of the name it is given
        return configs.for_file(settings.display_names.get(file) or file)

    try:
        for file in files:
            shown = settings.display_names.get(file) or file
            cfg = config_for(file)
            if cfg is not config:
                config_of[file] = config_of[display_path(shown)] = str(cfg.path)
        nested = {}
        for cfg in configs.nested():
            validate_selectors(cfg, registry.rules)
            nested[str(cfg.path)] = Settings.from_config(cfg, validate_options(cfg, registry.options),
                                                         selection_for(cfg), timeout=settings.timeout)
            nested[str(cfg.path)].verbose = verbose
            nested[str(cfg.path)].display_names = settings.display_names
    except ConfigError as exc:
        raise _fail(str(exc))
    if show_settings:
        for file in files:
            _show_settings(settings.display_names.get(file) or display_path(file),
                           config_for(file), config, nested.get(config_of.get(file, "")) or settings)
        raise click.exceptions.Exit(EXIT_OK)
    if show_files:
        for file in sorted(settings.display_names.get(f) or display_path(f) for f in files):
            click.echo(file)
        raise click.exceptions.Exit(EXIT_OK)
    settings.sketch = len(files) > 1  # one report is a copy of nothing: no prose sketch to compute
    # each file's facts (agency, year, …) only for a reporter that shows them or a cache that keeps them
    settings.facts = not no_cache or getattr(registry.reporters[fmt], "reads_facts", True)
    # and the table excerpts of findings only for a reporter that draws them, a cache that keeps
    # them or a plugin that is handed every finding at the end
    settings.excerpts = (not no_cache or getattr(registry.reporters[fmt], "reads_tables", True)
                         or bool(registry.manager.hook.govlint_run_finished.get_hookimpls()))
    for child in nested.values():  # run-wide: one agency key and one summary map for the run
        child.agencies, child.summaries, child.sketch = settings.agencies, settings.summaries, settings.sketch
        child.facts, child.excerpts = settings.facts, settings.excerpts
    checker = Checker(registry, settings, nested=nested, config_of=config_of)
    if fix or diff:
        if fix and not diff and stdin_dir is not None:
            raise _fail("--fix 不能改写标准输入；请用 --diff 查看修复")
        changed = _apply_fixes(files, checker, registry, settings, unsafe_fixes, diff)
        if diff:
            raise click.exceptions.Exit(EXIT_FINDINGS if changed and not exit_zero else EXIT_OK)
    jobs = jobs or os.cpu_count() or 1
    # without a cache, the facts of one file (or of a run no corpus rule reads) stay in memory:
    # the store on disk is there to keep a long run's facts out of memory
    store = None if no_cache and (len(files) <= 1 or not checker.run_rules) \
        else _open_store(config, checker, options, cache_dir, no_cache)

    # the whole list of findings is kept only when something needs it; otherwise each file's
    # findings are written as soon as they are final, and only counts stay in memory
    hook = registry.manager.hook.govlint_run_finished
    keep_all = bool(write_baseline) or bool(hook.get_hookimpls())
    kept: list = []
    hidden = 0
    threshold = Severity.parse(fail_on) if fail_on else config.fail_on
    failed = False

    color = not no_color and not os.environ.get("NO_COLOR") and not output
    info = RunInfo(rules=registry.rules, files=len(files), root=os.getcwd(),
                   statistics=statistics, color=color, version=__version__, quiet=quiet,
                   source=_source_reader(registry, options,
                                         {shown: real for real, shown in settings.display_names.items()}))
    reporter = registry.reporters[fmt]
    problem = reporter.missing() if hasattr(reporter, "missing") else None
    if problem:
        raise _fail(problem)
    binary = getattr(reporter, "binary", False)
    if binary and not output and not write_baseline and sys.stdout.isatty():
        raise _fail(f"{fmt} 是二进制格式，不能写到终端：请用 --output 指定文件（如 -o 结果.{fmt}）")
    from govlint.reporters.statistics import StatisticsSink, Tally, count_line

    def open_sink(out):
        # --statistics in a text format is the per-rule table alone, as in ruff
        if statistics and fmt in TEXT_FORMATS:
            return StatisticsSink(info, out)
        return reporter.open(info, out)

    tally = Tally()  # for the closing count line

    from govlint.reporters.progress import progress

    def report(sink) -> None:
        nonlocal hidden, failed
        facts = None
        if store is not None:
            from govlint.store.facts import StoreFacts

            facts = StoreFacts(store.store)
        results = iter_results(files, checker, jobs=jobs, progress=advance, facts=facts,
                               executor=registry.executors[executor], scheduler=scheduler, cache=store)
        # each file's facts reach the sink just before that file's findings, files without findings too
        groups = ((result.findings, result) for result in results)
        run_groups = ((group, None) for group in _run_groups(lambda: run_findings(checker, results.facts)))
        for group, result in itertools.chain(groups, run_groups):
            if known:
                shown = [f for f in group if not is_known(f, known)]
                hidden += len(group) - len(shown)
                group = shown
            failed = failed or any(f.severity is not None and f.severity >= threshold for f in group)
            tally.add(group)
            if keep_all:
                kept.extend(group)
            if sink is not None:
                if result is not None:
                    sink.file(result.path, result.facts)
                sink.add(group)

    with progress(len(files), fmt == "terminal" and not output and not quiet) as advance, \
            (nullcontext() if store is None else closing(store)):
        if write_baseline:
            report(None)
        elif output:
            try:
                with (open(output, "wb") if binary else open(output, "w", encoding="utf-8", newline="\n")) as out:
                    sink = open_sink(out)
                    report(sink)
                    sink.close()
            except OSError as exc:
                raise _fail(f"无法写入 {output}: {exc.strerror or exc}")
        else:
            sink = open_sink(sys.stdout.buffer if binary else sys.stdout)
            report(sink)
            sink.close()

    if write_baseline:
        from govlint.baseline import write_baseline as save_baseline

        try:
            count = save_baseline(write_baseline, kept)
        except OSError as exc:
            raise _fail(f"无法写入基线 {write_baseline}: {exc.strerror or exc}")
        click.echo(f"govlint: 已将 {count} 个问题写入基线 {write_baseline}", err=True)
        raise click.exceptions.Exit(EXIT_OK)
    if fmt in COUNTED_FORMATS and not quiet and not statistics:
        # on standard error, so that standard output stays one finding per line
        click.echo(count_line(len(files), tally), err=True)
    if hidden:
        click.echo(f"govlint: 基线 {baseline_path} 隐藏了 {hidden} 个已记录的问题", err=True)
    if keep_all:
        try:
            hook(findings=kept)
        except Exception as exc:  # noqa: BLE001
            click.echo(f"govlint: 警告: 插件 govlint_run_finished 出错: {exc}", err=True)

    raise click.exceptions.Exit(EXIT_FINDINGS if failed and not exit_zero else EXIT_OK)


# -- parse --------------------------------------------------------------------------------
@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["json", "terminal", "csv", "jsonl"]), default="json", show_default=True,
              help="json/terminal: everything read; csv/jsonl: one dataset row per report (docs/output.md).")
@click.option("--cells", is_flag=True, help="Also list every table cell with its source position.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="With csv/jsonl: write the dataset to FILE.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
def parse(paths, fmt, cells, output, config_path):
    """Show what govlint understood of reports: metadata, sections, table cells."""
    import json

    from govlint.engine import discover
    from govlint.parse_view import parse_paths

    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        raise _fail(f"路径不存在: {', '.join(missing)}")
    if output and fmt not in ("csv", "jsonl"):
        raise _fail("--output 仅用于 --format csv 或 jsonl")
    if output and not os.path.isdir(os.path.dirname(os.path.abspath(output))):
        raise _fail(f"无法写入 {output}: 目录不存在")
    config, registry, options = _setup(config_path, False)
    files = discover(paths, registry.suffixes)
    if fmt in ("csv", "jsonl"):
        _export(files, registry, options, fmt, output, config.agencies)
        return
    results = parse_paths(files, registry, cells=cells, max_size=options.get("max-file-size"),
                          agencies=config.agencies)
    if fmt == "json":
        from govlint.reporters.sanitize import json_safe

        # report text goes out JSON-escaped where it holds controls, separators or bidi marks
        click.echo(json_safe(json.dumps(results, ensure_ascii=False, indent=2, default=str)))
    else:
        from govlint.parse_view import print_terminal

        print_terminal(results)


def _export(files, registry, options, fmt, output, agencies) -> None:
    """The dataset rows of ``files``, streamed to ``output`` or standard output."""
    from govlint.export.writers import export

    max_size = options.get("max-file-size")
    if not output:
        sys.stdout.flush()
        export(files, registry, sys.stdout.buffer, fmt, max_size, agencies)
        return
    try:
        with open(output, "wb") as out:
            export(files, registry, out, fmt, max_size, agencies)
    except OSError as exc:
        raise _fail(f"无法写入 {output}: {exc.strerror or exc}")


# -- rules, rule, plugins, init ----------------------------------------------------------------
@cli.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True)
@click.option("--full", is_flag=True, help="With --format markdown: every rule's documentation, not only the table.")
def rules_command(fmt, full):
    """List every rule with its code, name and default severity."""
    if full and fmt != "markdown":
        raise _fail("--full 仅用于 --format markdown")
    _config, registry, _options = _setup(None, False)
    rules = [registry.rules[c] for c in sorted(registry.rules)]
    if fmt == "markdown":
        from govlint.rule_docs import rule_reference, rule_table

        click.echo(rule_reference(rules) if full else rule_table(rules), nl=False)
        return
    if fmt == "json":
        import json

        click.echo(json.dumps([{"code": r.code, "name": r.name, "severity": str(r.default_severity),
                                "summary": r.summary, "plugin": r.plugin,
                                "default_enabled": r.default_enabled} for r in rules],
                              ensure_ascii=False, indent=2))
        return
    width = max((len(r.name) for r in rules), default=10)
    for r in rules:
        off = "" if r.default_enabled else "  (off: enable with --extend-select)"
        click.echo(f"{r.code:<7} {r.name:<{width}}  {str(r.default_severity):<7}  {r.summary}{off}")


def _locale_language() -> str:
    """``zh`` when the user's locale is Chinese (LC_ALL, LC_MESSAGES, LANG), else ``en``."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(variable, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


@cli.command("rule")
@click.argument("code")
@click.option("--lang", type=click.Choice(["zh", "en"]),
              help="Language of the documentation (default: zh when the locale is Chinese, else en).")
def rule_command(code, lang):
    """Show a rule's documentation."""
    _config, registry, _options = _setup(None, False)
    rule = registry.rules.get(code.upper())
    if rule is None:
        raise _fail(f"没有规则 {code}（govlint rules 列出所有规则）")
    click.echo(f"{rule.code} {rule.name}")
    click.echo(f"默认级别: {rule.default_severity}    插件: {rule.plugin}")
    click.echo(f"概要: {rule.summary}")
    if rule.options:
        click.echo("选项: " + ", ".join(f"{k} (默认 {v!r})" for k, v in rule.options.items()))
    click.echo("")
    click.echo(rule.docs_in(lang or _locale_language()))


@cli.command("plugins")
def plugins_command():
    """List loaded plugins, their versions and what they contribute."""
    _config, registry, _options = _setup(None, False)
    for info in registry.plugins:
        version = f" {info.version}" if info.version else ""
        click.echo(f"{info.name}{version}" + (f"  [加载失败: {info.error}]" if info.error else ""))
        for kind, items in info.contributes.items():
            click.echo(f"    {kind}: {', '.join(items)}")


@cli.command("init")
@click.option("--path", "target", type=click.Path(dir_okay=False), default=".govlint.yaml", show_default=True)
def init_command(target):
    """Write a commented .govlint.yaml (an existing file keeps its content and comments)."""
    from govlint.config import ConfigError
    from govlint.init_config import write_starter

    try:
        added = write_starter(target)
    except ConfigError as exc:
        raise _fail(str(exc))
    if added is None:
        click.echo(f"已创建 {target}")
    elif added:
        click.echo(f"已更新 {target}，补充了: {', '.join(added)}（原有内容与注释保持不变）")
    else:
        click.echo(f"{target} 已包含所有配置项，未作修改")


def main(argv=None):
    """The ``govlint`` program. Called with ``argv`` (from Python: tests, another program) it
    ends as click does, by ``SystemExit``; as the program itself it ends by ``_end``."""
    if argv is not None:
        cli.main(args=argv, prog_name="govlint")
        return
    try:
        cli.main(prog_name="govlint")
    except SystemExit as exc:
        _end(exc.code)
        raise


def _end(code) -> None:
    """End the process now, without tearing down its modules and objects one by one: for a
    one-file check that teardown cost as much as a tenth of the run. What must happen at exit
    still does: the exit handlers run (the caches' saves, a plugin's), and the output is flushed.
    Returns (and the caller exits as usual) when the teardown may matter: another thread still
    runs, the output cannot be flushed, or the code is not a plain exit status."""
    import atexit

    if code is None:
        code = 0
    threading = sys.modules.get("threading")
    if type(code) is not int or (threading is not None and threading.active_count() > 1):
        return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (AttributeError, OSError, ValueError):  # closed or a broken pipe: Python's own exit says so
        return
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (AttributeError, OSError, ValueError):
        return
    os._exit(code)
