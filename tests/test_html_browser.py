"""The HTML report in a real browser: it loads with no request and no error, the filters and the
search box hide and show findings, and with scripts off everything is still there.

Screenshots of the overview and of one report are saved (to ``GOVLINT_SCREENSHOTS`` when set,
else to the test's temporary directory) so that a person can look at what the browser drew.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from browser import chromium, unavailable

from govlint.testing import run_cli

pytestmark = pytest.mark.skipif(unavailable() is not None, reason=unavailable() or "")

FINDINGS = "li.finding"
SHOWN = "return Array.from(document.querySelectorAll(arguments[0])).filter(e => e.checkVisibility())"


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """The page for the corpus fixtures and the examples, and the same run as JSON."""
    root = Path(__file__).parent.parent
    paths = [str(root / "tests" / "fixtures" / "corpus"), str(root / "examples")]
    target = tmp_path_factory.mktemp("html") / "报告.html"
    made = run_cli("check", "--format", "html", "--output", str(target), "--exit-zero", *paths)
    assert made.returncode == 0, made.stderr
    doc = json.loads(run_cli("check", "--format", "json", "--exit-zero", *paths).stdout)
    return target, doc["findings"]


@pytest.fixture(scope="module")
def browser():
    with chromium() as driver:
        yield driver


@pytest.fixture
def page(browser, report):
    browser.get(report[0].as_uri())
    return browser


def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("GOVLINT_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def shown(driver, selector=FINDINGS):
    return driver.execute_script(SHOWN, selector)


def choose(driver, name, value):
    from selenium.webdriver.support.ui import Select

    Select(driver.find_element("css selector", f"#filters select[name={name}]")).select_by_value(value)


def test_the_page_loads_without_requests_or_errors(page, report):
    assert page.execute_script("return performance.getEntriesByType('resource').length") == 0
    problems = [e for e in page.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    assert problems == []  # a blocked request or a policy violation would be logged here
    assert page.find_element("id", "filters").is_displayed()
    assert len(shown(page)) == len(report[1])
    assert page.find_element("id", "shown").text.endswith(f"{len(report[1])} / {len(report[1])} 个问题")


def test_the_severity_filter_shows_only_that_severity(page, report):
    choose(page, "severity", "error")
    visible = shown(page)
    assert {li.get_attribute("data-severity") for li in visible} == {"error"}
    assert len(visible) == sum(f["severity"] == "error" for f in report[1])
    for section in shown(page, "section.report"):  # a report shown has an error to show
        assert any(li.is_displayed() for li in section.find_elements("css selector", FINDINGS))
    page.find_element("css selector", "#filters button[type=reset]").click()
    time.sleep(0.1)
    assert len(shown(page)) == len(report[1])


def test_rule_agency_and_year_filters_combine(page, report):
    rule = max({f["code"] for f in report[1]}, key=lambda c: sum(f["code"] == c for f in report[1]))
    choose(page, "rule", rule)
    assert len(shown(page)) == sum(f["code"] == rule for f in report[1])
    choose(page, "year", "2022")
    sections = shown(page, "section.report")
    assert sections and {s.get_attribute("data-year") for s in sections} == {"2022"}
    assert {li.get_attribute("data-rule") for li in shown(page)} == {rule}
    agency = sections[0].get_attribute("data-agency")
    choose(page, "agency", agency)
    assert {s.get_attribute("data-agency") for s in shown(page, "section.report")} == {agency}
    choose(page, "rule", "")
    choose(page, "agency", "")
    choose(page, "year", "")
    assert len(shown(page)) == len(report[1])


def test_the_search_box_finds_text_in_findings(page, report):
    box = page.find_element("css selector", "#filters input[name=q]")
    box.send_keys("自然人")
    time.sleep(0.4)  # the search waits for typing to pause
    visible, every = shown(page), page.find_elements("css selector", FINDINGS)
    assert 0 < len(visible) < len(every)
    assert all("自然人" in li.get_attribute("textContent") for li in visible)
    hidden = [li for li in every if li not in visible]
    assert not any("自然人" in li.get_attribute("textContent") for li in hidden)


def test_a_rule_in_the_overview_sets_the_rule_filter(page, report):
    code = page.find_element("css selector", "#overview .set[data-set=rule]")
    rule = code.get_attribute("data-value")
    code.click()
    assert {li.get_attribute("data-rule") for li in shown(page)} == {rule}


def test_screenshots_of_the_overview_and_of_one_report(page, report, tmp_path):
    folder = shots(tmp_path)
    page.save_screenshot(str(folder / "html-overview.png"))
    section = max(page.find_elements("css selector", "section.report"),
                  key=lambda s: len(s.find_elements("css selector", FINDINGS)))
    page.execute_script("arguments[0].scrollIntoView()", section)
    page.save_screenshot(str(folder / "html-report.png"))
    for name in ("html-overview.png", "html-report.png"):
        data = (folder / name).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000  # a drawn page, not a blank one


def test_with_scripts_off_every_finding_is_still_shown(report):
    with chromium(scripts=False) as driver:
        driver.get(report[0].as_uri())
        assert not driver.find_element("id", "filters").is_displayed()
        assert "js" not in (driver.find_element("tag name", "html").get_attribute("class") or "")
        assert len(shown(driver)) == len(report[1])
        assert driver.find_element("id", "overview").is_displayed()
        assert "筛选和搜索需要启用脚本" in driver.find_element("tag name", "body").text


def test_run_scope_findings_join_their_report_and_follow_its_filters(browser, tmp_path):
    from test_html_report import finding, page as html_page

    late = finding(path="r/2022_b.txt", code="GL801", message="上年结转与上一年度的结转下年度不符")
    facts = {"r/2021_a.txt": {"agency": "甲局", "year": 2021}, "r/2022_b.txt": {"agency": "乙局", "year": 2022}}
    target = tmp_path / "run.html"
    target.write_text(html_page([("r/2021_a.txt", [finding(path="r/2021_a.txt")]), ("r/2022_b.txt", []), (None, [late])],
                                facts=facts), encoding="utf-8")
    browser.get(target.as_uri())
    assert browser.find_elements("css selector", "section.run-scope") == []
    moved = browser.find_element("css selector", "li[data-rule=GL801]")
    assert browser.execute_script("return arguments[0].closest('section').dataset.agency", moved) == "乙局"
    assert not browser.find_element("css selector", f"section[data-agency=乙局] p.clean").is_displayed()
    choose(browser, "agency", "乙局")
    assert [li.get_attribute("data-rule") for li in shown(browser)] == ["GL801"]
