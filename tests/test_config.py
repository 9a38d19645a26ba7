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
    ("per-file-ignores:\n  'old/*': [GL8]\n", "2:13", "GL8"),
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
