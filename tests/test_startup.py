"""Start-up cost: --version and --help import neither rich nor lxml and load no plugins; no
regular expression of govlint compiles at import, and a run compiles only those of the rules it
runs."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("rich", "lxml", "pluggy", "ruamel", "govlint.plugin_host", "govlint.parser", "jsonschema",
         # nothing of a command runs: no stored dataclass code is installed, no logging set up
         "dataclasses", "logging", "json",
         # nor any record, store, baseline or suppression of a run
         "govlint.record", "sqlite3", "govlint.store", "govlint.baseline", "govlint.suppressions")


def imported_modules(*args) -> set[str]:
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "govlint", *args],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    modules = set()
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            modules.add(line.rsplit("|", 1)[1].strip())
    assert "govlint.cli" in modules  # the measurement itself works
    return modules


@pytest.mark.parametrize("args", [("--version",), ("--help",), ("check", "--help")])
def test_light_commands_import_nothing_heavy(args):
    modules = imported_modules(*args)
    heavy = sorted(m for m in modules if m.split(".")[0] in HEAVY or m in HEAVY)
    assert heavy == []


#: what a check of one named file never needs: the corpus rules' numbers (nothing to compare),
#: the pattern matcher of directory walks, the TOML reader (no pyproject names govlint here),
#: the browser, spreadsheet and cluster libraries of other formats and executors
ONE_FILE_NEVER = ("numpy", "datasketch", "scipy", "pathspec", "tomllib", "xlsxwriter", "dask",
                  "distributed", "selenium")


#: what a plain check of one report without findings needs none of (govlint's own modules):
#: the store (a temporary SQLite file without a cache), baselines, suppression directives,
#: fixes, table excerpts, the reporters of other formats; and of the standard library, the
#: logging machinery (no library logs) and dataclasses (records are plain classes)
ONE_FILE_PLAIN_NEVER = ("sqlite3", "tempfile", "hashlib", "logging", "dataclasses", "govlint.store", "govlint.baseline",
                        "govlint.suppressions", "govlint.fixes", "govlint.fixer", "govlint.reporters.table_view",
                        "govlint.reporters.json", "govlint.reporters.sarif", "govlint.reporters.html",
                        "govlint.reporters.xlsx", "govlint.reporters.terminal", "govlint.reporters.github")


#: runs ``govlint ARGS`` in this interpreter and prints every module imported by its end
#: (``-X importtime`` misses modules imported with ``importlib.import_module``)
MODULES_PROBE = """
import sys
from govlint.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print("\\n".join(sorted(sys.modules)), file=sys.stderr)
"""


def modules_after(cwd, *args) -> set[str]:
    proc = subprocess.run([sys.executable, "-c", MODULES_PROBE, *args], capture_output=True, text=True, cwd=cwd)
    modules = set(proc.stderr.split())
    assert "govlint.parser" in modules, proc.stderr[-2000:]  # the file was checked
    return modules


def one_file_check_modules(tmp_path, report: Path, *args) -> set[str]:
    target = tmp_path / report.name
    target.write_bytes(report.read_bytes())
    return modules_after(tmp_path, "check", str(target), "--no-cache", "-q", "-f", "concise", *args)


def test_a_one_file_check_imports_only_what_it_uses(tmp_path):
    modules = one_file_check_modules(tmp_path, Path(__file__).parent / "fixtures" / "corpus" / "2024_pingtan_jsp.html")
    assert sorted(m for m in modules if m.split(".")[0] in ONE_FILE_NEVER) == []
    never = set(ONE_FILE_PLAIN_NEVER)
    if "importlib.metadata" in modules:  # the entry-point cache missed (the working folder is new
        never.discard("tempfile")        # on sys.path): reading the metadata imports tempfile
    assert sorted(m for m in modules if m in never or m.startswith(("govlint.store.", "sqlite3."))) == []


def test_what_a_plain_check_leaves_out_comes_when_asked_for(tmp_path):
    """The same check with a cache, a baseline and the JSON format imports what they need (so
    the guard above sees real imports, not modules renamed away)."""
    (tmp_path / "baseline.json").write_text('{"govlint-baseline": 1, "findings": {}}', encoding="utf-8")
    report = Path(__file__).parent / "fixtures" / "corpus" / "2024_pingtan_jsp.html"
    (tmp_path / report.name).write_bytes(report.read_bytes())
    modules = modules_after(tmp_path, "check", report.name, "--baseline", "baseline.json", "-q", "-f", "json",
                            "--cache-dir", str(tmp_path / "cache"))
    assert {"sqlite3", "govlint.store.database", "govlint.baseline", "govlint.reporters.json"} <= modules


def test_a_directive_brings_the_suppression_machinery(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("一、总体情况\n<!-- govlint: disable=GL101 -->\n正文。\n", encoding="utf-8")
    assert "govlint.suppressions" in one_file_check_modules(tmp_path, report)


def test_lazy_reporters_name_the_format_their_reporter_writes():
    import importlib

    from govlint.reporters import BUILTIN_REPORTERS

    for name, target in BUILTIN_REPORTERS:
        module, _, cls = target.partition(":")
        assert getattr(importlib.import_module(module), cls).name == name


def test_silenced_logging_is_silent_once_a_library_imports_it(tmp_path):
    """Quiet, the root logger gets its NullHandler when ``logging`` is first imported, so that
    a library's warning is not printed by Python's last-resort handler."""
    probe = ("import sys\nfrom govlint.verbosity import quiet_libraries\nquiet_libraries(False)\n"
             "assert 'logging' not in sys.modules\nimport logging\n"
             "logging.getLogger('lib').warning('library noise')\n"
             "print(type(logging.getLogger().handlers[0]).__name__)\n")
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert (proc.stdout.strip(), proc.stderr) == ("NullHandler", "")


# -- regular expressions compile on first use --------------------------------------------------
#: run in a fresh interpreter: records, for every regular expression compiled (in this process
#: and in the worker it forks), the file of the code that asked for it, then runs the command;
#: with an empty cache directory, so that every pattern is parsed
PROBE = r"""
import os, re._parser as parser, sys
log, args = sys.argv[1], sys.argv[2:]
original = parser.parse

def recording(pattern, flags=0, state=None):
    frame = sys._getframe(1)
    while frame and (os.sep + "re" + os.sep in frame.f_code.co_filename
                     or frame.f_code.co_filename.endswith(("lazy_re.py", "regex_cache.py"))):
        frame = frame.f_back
    with open(log, "a", encoding="utf-8") as out:
        out.write((frame.f_code.co_filename if frame else "?") + "\n")
    return original(pattern, flags, state)

parser.parse = recording
if args == ["import"]:
    import govlint.cli, govlint.loaders, govlint.reporters, govlint_example_rules
    from govlint_rules.registry import rule_classes
    rule_classes()
    for name in ("concise", "github", "json", "sarif", "terminal"):
        __import__("govlint.reporters." + name)
else:
    from govlint.cli import main
    try:
        main(args)
    except SystemExit:
        pass
"""


def compiled_in(tmp_path, *args) -> list[str]:
    """The files (of govlint, its rule pack and the example plugin) that compiled a pattern."""
    import govlint
    import govlint_example_rules
    import govlint_rules

    import tempfile

    run = Path(tempfile.mkdtemp(dir=tmp_path))  # a cache of its own: nothing compiled before
    log = run / "compiled.log"
    log.write_text("")
    env = dict(os.environ, XDG_CACHE_HOME=str(run / "cache"))
    proc = subprocess.run([sys.executable, "-c", PROBE, str(log), *args], capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr[-2000:]
    ours = [os.path.dirname(m.__file__) + os.sep for m in (govlint, govlint_rules, govlint_example_rules)]
    return [line for line in log.read_text().splitlines() if any(line.startswith(d) for d in ours)]


@pytest.mark.parametrize("args", [("import",), ("--version",), ("--help",), ("check", "--help")])
def test_importing_compiles_no_pattern(tmp_path, args):
    """Importing the CLI, every built-in plugin and every rule module compiles no pattern of ours."""
    assert compiled_in(tmp_path, *args) == []


def test_unselected_rules_compile_nothing(tmp_path):
    import govlint_rules

    example = os.path.join(os.path.dirname(__file__), os.pardir, "examples", "2024_pingtan_jsp.html")
    everything = compiled_in(tmp_path, "check", "--select", "ALL", example)
    selected = compiled_in(tmp_path, "check", "--select", "GL201", example)
    rules_dir = os.path.dirname(govlint_rules.__file__) + os.sep
    assert any(f.startswith(rules_dir) for f in everything)  # the probe sees the rules' patterns
    rule_files = {f for f in selected if f.startswith(rules_dir)}
    assert rule_files <= {os.path.join(rules_dir, "tables", "gl201_table3_balance.py")}, rule_files


# -- the end of the program ------------------------------------------------------------------------
ENDING_PLUGIN = '''
import atexit, threading, time
from pathlib import Path
from govlint.api import Finding, Rule, hookimpl

atexit.register(lambda: Path("atexit.done").write_text("yes"))

class Ending(Rule):
    """Starts a thread that finishes after the check, when the report asks for it."""
    code = "HX009"
    name = "ending"
    severity = "warning"
    summary = "测试程序结束"
    needs_report = False

    def check(self, report, context):
        if "THREAD" in report.document.source:
            def later():
                time.sleep(0.5)
                Path("thread.done").write_text("yes")
            threading.Thread(target=later).start()
        yield Finding("正常的发现")

@hookimpl
def govlint_register_rules(register):
    register(Ending())
'''


@pytest.mark.parametrize("thread", [False, True])
def test_the_program_ends_with_its_output_exit_handlers_and_threads(tmp_path, thread):
    """``govlint`` ends without tearing its modules down, yet writes all its output, runs the exit
    handlers, keeps its exit status, and waits for a thread a plugin left running."""
    import json

    (tmp_path / "ending_plugin.py").write_text(ENDING_PLUGIN, encoding="utf-8")
    (tmp_path / ".govlint.yaml").write_text("plugins: [ending_plugin.py]\nselect: [HX]\n", encoding="utf-8")
    (tmp_path / "r.txt").write_text(("THREAD\n" if thread else "") + "一、总体情况\n正文。\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "govlint", "check", "--format", "json", "r.txt"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert [f["code"] for f in json.loads(proc.stdout)["findings"]] == ["HX009"]
    assert (tmp_path / "atexit.done").exists()
    assert (tmp_path / "thread.done").exists() is thread
