"""GitHub Actions workflow commands: ``::error file=…,line=…,col=…,title=CODE::message``."""

from __future__ import annotations

from govlint.reporters.base import Reporter

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    name = "github"
    summary = "GitHub Actions annotations"

    def write(self, findings, info, out):
        for f in findings:
            props = [f"file={_escape_property(f.path)}", f"line={f.line}", f"col={f.column}"]
            if f.span:
                props += [f"endLine={f.span.end_line}", f"endColumn={f.span.end_column}"]
            props.append(f"title={_escape_property(f.code + ' ' + f.name)}")
            message = f.message + (f" ({f.location})" if f.location else "")
            out.write(f"::{_LEVEL.get(str(f.severity), 'error')} {','.join(props)}::{_escape_data(message)}\n")
