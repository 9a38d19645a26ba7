"""Configuration: discovery, validation with positions, rule options."""

import pytest
from click.testing import CliRunner

from govlint.cli import cli
from govlint.config import ConfigError, find_config, load_config, validate_options
from govlint.findings import Severity
from govlint.plugin_host import Option


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def error_of(path) -> str:
    with pytest.raises(ConfigError) as info:
        load_config(path)
    return str(info.value)


def test_found_upward_from_working_directory(workdir):
    write(workdir / ".govlint.yaml", "ignore: [GL6]\n")
    nested = workdir / "a" / "b"
    nested.mkdir(parents=True)
    assert find_config(nested) == (workdir / ".govlint.yaml").resolve()


def test_all_keys_load(workdir):
    (workdir / "tools").mkdir()
    write(workdir / "tools" / "p.py", "")
    path = write(workdir / ".govlint.yaml", """
select: [GL2, GL301]
extend-select: [GL7]
ignore: [gl203]
fail-on: error
severity: {GL603: error, GL702: warning}
per-file-ignores:
  "archive/*.html": [GL603]
plugins: [tools/p.py]
strict-plugins: true
baseline: base.json
options: {agency-kind: department}
""")
    config = load_config(path)
    assert config.select == ("GL2", "GL301") and config.ignore == ("GL203",)
    assert config.fail_on is Severity.ERROR
    assert config.severity == {"GL603": Severity.ERROR, "GL702": Severity.WARNING}
    assert config.per_file_ignores == {"archive/*.html": ("GL603",)}
    assert config.plugins == [(workdir / "tools" / "p.py").resolve()]
    assert config.strict_plugins is True and config.baseline == workdir / "base.json"
    assert config.options == {"agency-kind": "department"}


@pytest.mark.parametrize("text, position, words", [
    ("select: [GL2]\nselct: [GL3]\n", "2:1", "未知的配置项 'selct'"),
    ("select: [GL2, 'not a code']\n", "1:15", "不是规则代码或前缀"),
    ("fail-on: fatal\n", "1:1", "error、warning 或 info"),
    ("severity:\n  GL603: loud\n", "2:3", "severity.GL603"),
    ("plugins: [missing.py]\n", "1:11", "插件文件 'missing.py' 不存在"),
    ("select: [GL2\n", "2:1", "YAML 语法错误"),
    ("strict-plugins: yes please\n", "1:1", "true 或 false"),
    ("select: !!python/object:os.system [x]\n", "1:", ""),
])
def test_bad_values_name_file_line_and_column(workdir, text, position, words):
    path = write(workdir / ".govlint.yaml", text)
    message = error_of(path)
    assert message.startswith(f"{path}:{position}")
    assert words in message


def test_custom_tags_are_refused(workdir):
    path = write(workdir / ".govlint.yaml", "options:\n  agency-kind: !evil department\n")
    assert "不允许使用 YAML 标签" in error_of(path)


def test_options_are_checked_against_declared_options(workdir):
    path = write(workdir / ".govlint.yaml", "options:\n  agency-kind: 3\n  unknown-opt: x\n")
    config = load_config(path)
    declared = {"agency-kind": Option("agency-kind", "auto", choices=("auto", "government", "department"))}
    with pytest.raises(ConfigError) as info:
        validate_options(config, declared)
    assert str(info.value).startswith(f"{path}:2:3:") and "str" in str(info.value)
    write(path, "options:\n  agency-kind: township\n")
    with pytest.raises(ConfigError) as info:
        validate_options(load_config(path), declared)
    assert "可选: auto, government, department" in str(info.value)
    write(path, "options:\n  agency-kind: department\n")
    assert validate_options(load_config(path), declared) == {"agency-kind": "department"}


def test_cli_reports_config_error_with_exit_2(workdir):
    write(workdir / ".govlint.yaml", "ignore: GL2\nbogus: 1\n")
    (workdir / "r.txt").write_text("一、总体情况\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "r.txt"])
    assert result.exit_code == 2
    assert ".govlint.yaml:2:1:" in result.output and "bogus" in result.output


def test_cli_rejects_unknown_rule_option(workdir):
    write(workdir / ".govlint.yaml", "options:\n  no-such-option: 1\n")
    (workdir / "r.txt").write_text("一、总体情况\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "r.txt"])
    assert result.exit_code == 2 and ".govlint.yaml:2:3:" in result.output


def test_per_file_ignores_and_severity_override_apply(local_plugin):
    base = local_plugin.parent
    (base / "archive").mkdir()
    report = "一、总体情况\n这里有错误。\n"
    (base / "archive" / "old.txt").write_text(report, encoding="utf-8")
    (base / "new.txt").write_text(report, encoding="utf-8")
    write(base / ".govlint.yaml", "plugins: [local_rules.py]\nselect: [TS001]\n"
          "per-file-ignores: {'archive/*': [TS001]}\nseverity: {TS001: error}\n")
    import json

    result = CliRunner().invoke(cli, ["check", "--format", "json", "archive", "new.txt"])
    findings = json.loads(result.stdout)["findings"]
    assert [(f["path"], f["severity"]) for f in findings] == [("new.txt", "error")]


@pytest.mark.parametrize("text, position, selector", [
    ("select: [GL2, GL21]\n", "1:15", "GL21"),
    ("ignore: [GL9999]\n", "1:10", "GL9999"),
    ("extend-select:\n  - XX1\n", "2:5", "XX1"),
    ("severity: {GL2: error}\n", "1:12", "GL2"),
    ("per-file-ignores:\n  'old/*': [GL9]\n", "2:13", "GL9"),
])
def test_selectors_that_match_no_installed_rule_stop_the_run(workdir, text, position, selector):
    write(workdir / ".govlint.yaml", text)
    (workdir / "r.txt").write_text("一、总体情况\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "r.txt"])
    assert result.exit_code == 2
    assert f".govlint.yaml:{position}:" in result.output and selector in result.output


def test_rule_validates_its_own_option_values(workdir):
    write(workdir / ".govlint.yaml", "options:\n  agency-kind: departmnet\n")
    (workdir / "r.txt").write_text("一、总体情况\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "r.txt"])
    assert result.exit_code == 2
    assert ".govlint.yaml:2:3:" in result.output and "departmnet" in result.output
    write(workdir / ".govlint.yaml", "options:\n  deadline-department: '02-30'\n")
    result = CliRunner().invoke(cli, ["check", "r.txt"])
    assert result.exit_code == 2 and "MM-DD" in result.output


# -- the key table drives the loader, govlint init and docs/config.md -------------------------
from govlint.config import _READERS, Config  # noqa: E402
from govlint.config_keys import KEYS, KINDS, yaml_value  # noqa: E402

#: per kind of value: an invalid value, and the text in it where the error is reported
#: (None: at the key itself)
INVALID = {
    "codes": ("[GL2, 'not a code']", "'not a code'"),
    "severity": ("fatal", None),
    "code-severities": ("{GL603: loud}", "GL603"),
    "glob-codes": ('{"archive/*": [GL6, 7]}', "7"),
    "plugin-files": ("[tools/p.py, missing.py]", "missing.py"),
    "flag": ("yes please", None),
    "globs": ("{build: 1}", None),
    "path": ("[a.json, b.json]", None),
    "rule-options": ("[agency-kind]", None),
    "seconds": ("-5", None),
    "name-lists": ("{某局: [某处, 3]}", "某局"),
}


def test_every_kind_has_a_reader_and_an_invalid_sample():
    assert set(KINDS) == set(_READERS) == set(INVALID)
    assert {key.kind for key in KEYS} <= set(KINDS)


def _plugin_files(workdir):
    (workdir / "tools").mkdir(exist_ok=True)
    for name in ("p.py", "local_rules.py"):
        write(workdir / "tools" / name, "")


@pytest.mark.parametrize("key", KEYS, ids=lambda key: key.name)
def test_each_key_takes_its_example_and_its_default(workdir, key):
    _plugin_files(workdir)
    defaults = Config()
    if key.default is not None:  # the default, written out, reads as Config's default
        config = load_config(write(workdir / ".govlint.yaml", f"{key.name}: {yaml_value(key.default)}\n"))
        assert getattr(config, key.attribute) == getattr(defaults, key.attribute)
    assert key.example is not None or key.default is not None
    if key.example is not None:  # the documented example is accepted and changes the value
        config = load_config(write(workdir / ".govlint.yaml", f"{key.name}: {key.example}\n"))
        assert getattr(config, key.attribute) != getattr(defaults, key.attribute)


@pytest.mark.parametrize("key", KEYS, ids=lambda key: key.name)
def test_each_key_refuses_a_bad_value_with_its_position(workdir, key):
    _plugin_files(workdir)
    text, culprit = INVALID[key.kind]
    line = f"{key.name}: {text}"
    path = write(workdir / ".govlint.yaml", f"# {key.help}\n{line}\n")
    column = 1 if culprit is None else line.index(culprit) + 1
    assert error_of(path).startswith(f"{path}:2:{column}: ")


def test_unknown_key_lists_the_table(workdir):
    message = error_of(write(workdir / ".govlint.yaml", "select: [GL2]\nexclud: [build]\n"))
    assert message.startswith(f"{workdir / '.govlint.yaml'}:2:1: ")
    assert all(key.name in message for key in KEYS)


def test_whole_number_options_refuse_infinity_and_fractions(workdir):
    declared = {"max-file-size": Option("max-file-size", 50 * 1024 * 1024)}
    for value in (".inf", "1.5"):
        path = write(workdir / ".govlint.yaml", f"options:\n  max-file-size: {value}\n")
        with pytest.raises(ConfigError) as info:
            validate_options(load_config(path), declared)
        assert str(info.value).startswith(f"{path}:2:3:") and "int" in str(info.value)
    path = write(workdir / ".govlint.yaml", "options:\n  max-file-size: 1000\n")
    assert validate_options(load_config(path), declared) == {"max-file-size": 1000}


def _comment_above(lines: list[str], entry: str) -> str:
    """The comment lines right above the line that starts with ``entry``, joined."""
    at = next(i for i, line in enumerate(lines) if line.startswith(entry))
    above = []
    for line in reversed(lines[:at]):
        if not line.startswith("#"):
            break
        above.insert(0, line[1:].strip())
    return " ".join(above)


def test_init_writes_every_key_of_the_table_with_its_help(workdir):
    from govlint.init_config import starter_text

    lines = starter_text().splitlines()
    for key in KEYS:
        entry = f"{key.name}: " if key.default is not None else f"# {key.name}: {key.example}"
        assert key.help in _comment_above(lines, entry)
    config = load_config(write(workdir / ".govlint.yaml", starter_text()))
    defaults = Config()
    assert all(getattr(config, k.attribute) == getattr(defaults, k.attribute) for k in KEYS)


def test_init_adds_missing_keys_with_their_help_and_keeps_the_rest(workdir):
    from govlint.init_config import write_starter

    path = write(workdir / ".govlint.yaml", "# 本单位\nfail-on: error  # 只拦错误\n")
    added = write_starter(path)
    assert added == [k.name for k in KEYS if k.default is not None and k.name != "fail-on"]
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# 本单位\nfail-on: error  # 只拦错误\n")
    lines = text.splitlines()
    assert all(key.help in _comment_above(lines, f"{key.name}: ") for key in KEYS if key.name in added)
    assert load_config(path).fail_on is Severity.ERROR
    assert write_starter(path) == []


def test_docs_config_md_is_generated_from_the_table():
    from conftest import ROOT

    from govlint.config_docs import render

    page = (ROOT / "docs" / "config.md").read_text(encoding="utf-8")
    assert page == render(), "docs/config.md is stale: python -m govlint.config_docs > docs/config.md"
    assert all(f"### `{key.name}`" in page and key.help in page for key in KEYS)


def test_key_table_and_docs_import_no_yaml_library():
    import subprocess
    import sys

    code = ("import sys, govlint.config, govlint.config_keys, govlint.init_config, govlint.config_docs; "
            "print(sorted(m for m in sys.modules if m.startswith('ruamel')))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


# -- config files that are not small regular files: refused before anything is read ---------------
def test_config_over_the_size_limit_is_not_read(workdir):
    from govlint.config import MAX_CONFIG_BYTES

    path = workdir / ".govlint.yaml"
    with open(path, "wb") as handle:  # sparse: 100 MB that take no disk
        handle.write(b"ignore: [GL6]\n")
        handle.truncate(100 * 1024 * 1024)
    assert "配置文件过大" in error_of(path)
    write(path, "ignore: [GL6]\n" + "#" * (MAX_CONFIG_BYTES - 14))
    assert load_config(path).ignore == ("GL6",)  # exactly at the limit: read


# -- paths that are not regular files: refused at once, in a real process that may not hang -----
def _run_with_deadline(workdir, *args):
    import subprocess
    import sys

    (workdir / "r.txt").write_text("一、总体情况\n", encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "govlint", "check", *args, "r.txt"], cwd=workdir,
                          capture_output=True, text=True, timeout=60)


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no FIFOs on this platform")
def test_config_that_is_a_fifo_is_refused_without_blocking(workdir):
    import os

    os.mkfifo(workdir / "fifo.yaml")
    proc = _run_with_deadline(workdir, "--config", "fifo.yaml")
    assert proc.returncode == 2 and "fifo.yaml: 配置文件不是普通文件" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.skipif(not __import__("os").path.exists("/dev/zero"), reason="no /dev/zero")
def test_config_that_is_a_device_is_refused_without_reading(workdir):
    proc = _run_with_deadline(workdir, "--config", "/dev/zero")
    assert proc.returncode == 2 and "/dev/zero: 配置文件不是普通文件" in proc.stderr
    assert "Traceback" not in proc.stderr


# -- hostile config files: a config error with its position, never a traceback or a hang ------
from govlint.yaml_guard import MAX_DEPTH, MAX_INTEGER_DIGITS, MAX_NODES, check_events  # noqa: E402


def _laughs(levels: int) -> str:
    """A "billion laughs": each level lists nine aliases of the one before (9**levels leaves)."""
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, levels):
        lines.append(f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]")
    return "\n".join(lines) + "\n"


def _counted(events, seen: list):
    for event in events:
        seen.append(event)
        yield event


def _events_read_before_refusal(text: str) -> int:
    from ruamel.yaml import YAML

    from govlint.yaml_guard import YamlLimit

    seen: list = []
    with pytest.raises(YamlLimit):
        check_events(_counted(YAML(typ="rt").parse(text), seen))
    return len(seen)


def test_billion_laughs_is_refused_before_anything_is_expanded(workdir):
    text = _laughs(9)
    message = error_of(write(workdir / ".govlint.yaml", text))
    assert "节点过多" in message and str(MAX_NODES) in message
    line, column = message.split(": ")[0].split(":")[-2:]
    assert text.splitlines()[int(line) - 1][int(column) - 1] == "*"  # at the alias that went over
    # work: the guard reads no more events than the file has, however deep the laughs go
    small, large = _events_read_before_refusal(_laughs(9)), _events_read_before_refusal(_laughs(36))
    assert small < 200 and large == small


def test_legitimate_aliases_still_load(workdir):
    config = load_config(write(workdir / ".govlint.yaml",
                               "per-file-ignores: {'a/*': &old [GL6, GL7], 'b/*': *old}\n"))
    assert config.per_file_ignores == {"a/*": ("GL6", "GL7"), "b/*": ("GL6", "GL7")}


@pytest.mark.parametrize("text, position, words", [
    # 50,000 nested brackets: refused where the depth goes over, not a RecursionError
    pytest.param("options:\n  x: " + "[" * 50_000 + "]" * 50_000 + "\n",
                 f"2:{len('  x: ') + MAX_DEPTH - 2 + 1}", "嵌套过深", id="deep-brackets"),
    pytest.param("options:\n" + "".join("  " * n + f"k{n}:\n" for n in range(1, 200)),
                 f"{MAX_DEPTH}:", "嵌套过深", id="deep-indentation"),
    # an alias's depth counts where it is used
    pytest.param("options:\n  deep: &d " + "[" * 30 + "]" * 30 + "\n  again: " + "[" * 20 + "*d" + "]" * 20 + "\n",
                 "3:", "嵌套过深", id="deep-through-alias"),
    pytest.param("ignore: &a [*a]\n", "1:13", "别名 *a", id="alias-cycle"),
    pytest.param("select: &s GL2\nignore: &s [*s]\n", "2:13", "别名 *s", id="alias-cycle-reused-name"),
    pytest.param("ignore: [*nowhere]\n", "1:10", "别名 *nowhere", id="alias-undefined"),
    pytest.param("options:\n  max-file-size: " + "9" * 5000 + "\n", "2:18", "整数位数过多", id="long-decimal"),
    pytest.param("options:\n  max-file-size: 0x" + "f" * 5000 + "\n", "2:18", "整数位数过多", id="long-hex"),
    pytest.param("options:\n  agency-kind: !!python/name:os.system department\n", "2:16", "YAML 标签",
                 id="tag-on-scalar"),
])
def test_hostile_yaml_is_a_config_error_with_its_position(workdir, text, position, words):
    path = write(workdir / ".govlint.yaml", text)
    message = error_of(path)
    assert message.startswith(f"{path}:{position}") and words in message


def test_integers_up_to_the_limit_still_load(workdir):
    digits = "9" * MAX_INTEGER_DIGITS
    config = load_config(write(workdir / ".govlint.yaml", f"options:\n  x: {digits}\n"))
    assert config.options == {"x": int(digits)}


@pytest.mark.parametrize("value", ["0", "-1", "-1048576", ".inf", "1.5", str(2 ** 30 + 1)])
def test_max_file_size_must_be_a_positive_whole_number_of_bytes(workdir, value):
    write(workdir / ".govlint.yaml", f"options:\n  max-file-size: {value}\n")
    (workdir / "r.txt").write_text("一、总体情况\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "r.txt"])
    assert result.exit_code == 2
    assert ".govlint.yaml:2:3:" in result.output and "max-file-size" in result.output
    assert "Traceback" not in result.output


def test_max_file_size_of_one_byte_is_accepted(workdir):
    write(workdir / ".govlint.yaml", "options:\n  max-file-size: 1\n")
    (workdir / "r.txt").write_text("一、总体情况\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--format", "concise", "r.txt"])
    assert result.exit_code == 1 and "GL001" in result.output and "超过上限 1 字节" in result.output


# -- timeout: the key, --timeout, and the value the engine is given ------------------------------
@pytest.mark.parametrize("value", ["0", "-1", ".inf", "-.inf", ".nan", "true", "30s", "[30]", "86401"])
def test_timeout_must_be_a_positive_number_of_seconds(workdir, value):
    path = write(workdir / ".govlint.yaml", f"ignore: [GL6]\ntimeout: {value}\n")
    message = error_of(path)
    assert message.startswith(f"{path}:2:1: ") and "'timeout'" in message and "秒" in message


@pytest.mark.parametrize("value, seconds", [("30", 30.0), ("2.5", 2.5), ("86400", 86400.0)])
def test_timeout_is_read_as_seconds(workdir, value, seconds):
    config = load_config(write(workdir / ".govlint.yaml", f"timeout: {value}\n"))
    assert config.timeout == seconds and isinstance(config.timeout, float)


def _settings_of_run(monkeypatch, *args):
    """The engine settings ``govlint check`` would run with (the run itself is skipped)."""
    import govlint.engine

    captured = {}

    class FakeResults:
        def __init__(self, files, checker, jobs=1, progress=None, **executor_and_store):
            from govlint.corpus.provider import MemoryFacts

            captured["settings"] = checker.settings
            self.facts = MemoryFacts()

        def __iter__(self):
            return iter(())

    monkeypatch.setattr(govlint.engine, "iter_results", FakeResults)
    result = CliRunner().invoke(cli, ["check", "--format", "concise", *args, "r.txt"])
    assert result.exit_code == 0, result.output
    return captured["settings"]


def test_timeout_reaches_the_engine_and_the_option_overrides_the_config(workdir, monkeypatch):
    (workdir / "r.txt").write_text("一、总体情况\n", encoding="utf-8")
    assert _settings_of_run(monkeypatch).timeout is None
    write(workdir / ".govlint.yaml", "timeout: 30\n")
    assert _settings_of_run(monkeypatch).timeout == 30.0
    assert _settings_of_run(monkeypatch, "--timeout", "2.5").timeout == 2.5


@pytest.mark.parametrize("value", ["0", "-3", "inf", "nan", "86401"])
def test_bad_timeout_option_is_a_usage_error(workdir, value):
    (workdir / "r.txt").write_text("一、总体情况\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", f"--timeout={value}", "r.txt"])
    assert result.exit_code == 2 and "--timeout" in result.output and "秒" in result.output


def test_default_time_limit_is_the_documented_one():
    """docs/config.md and --help state the default from config_keys; the workers apply it."""
    from govlint.config_keys import DEFAULT_TIMEOUT, TIMEOUT_PER_MB
    from govlint.workers import default_timeout

    mb = 1024 * 1024
    assert default_timeout(0) == DEFAULT_TIMEOUT
    assert default_timeout(5 * mb) == DEFAULT_TIMEOUT + 5 * TIMEOUT_PER_MB
    # --help spells the figures out (the command line does not import the key table to start)
    result = CliRunner().invoke(cli, ["check", "--help"])
    assert f"{DEFAULT_TIMEOUT:g} s plus {TIMEOUT_PER_MB:g} s per MB" in " ".join(result.output.split())


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="needs named pipes")
def test_a_config_that_is_a_pipe_or_a_folder_is_an_error_not_skipped(workdir):
    import os

    os.mkfifo(workdir / ".govlint.yaml")
    with pytest.raises(ConfigError, match="不是普通文件"):
        find_config(workdir)
    os.unlink(workdir / ".govlint.yaml")
    (workdir / ".govlint.yaml").mkdir()
    with pytest.raises(ConfigError, match="不是普通文件"):
        find_config(workdir)
