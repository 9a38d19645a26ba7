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
         "dataclasses", "logging", "json")


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


def test_a_one_file_check_imports_only_what_it_uses(tmp_path):
    report = Path(__file__).parent / "fixtures" / "corpus" / "2024_pingtan_jsp.html"
    target = tmp_path / report.name
    target.write_bytes(report.read_bytes())
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "govlint", "check", str(target),
                           "--no-cache", "-q", "-f", "concise"], capture_output=True, text=True, cwd=tmp_path)
    modules = {line.rsplit("|", 1)[1].strip() for line in proc.stderr.splitlines()
               if line.startswith("import time:") and "|" in line}
    assert "govlint.parser" in modules  # the file was checked
    assert sorted(m for m in modules if m.split(".")[0] in ONE_FILE_NEVER) == []


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
