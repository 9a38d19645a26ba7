"""Headless Chromium from the system's packages (``chromium``, ``chromium-driver``), driven by
Selenium through the system's driver, so that nothing is downloaded when the tests run.

``.ci/run`` installs both packages where they are missing; ``unavailable()`` says why the
browser cannot run here (the browser tests are skipped with that reason, and only then).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = ("--headless", "--no-sandbox", "--disable-background-networking", "--disable-gpu", "--no-first-run",
         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage")


def unavailable() -> str | None:
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not os.access(path, os.X_OK):
            return f"{path} is missing: install the Debian package {package} (.ci/run does)"
    return None


@contextmanager
def chromium(scripts: bool = True, width: int = 1280, height: int = 1000):
    """A WebDriver for a fresh headless Chromium with an empty profile; scripts on or off."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must not look for a driver
    profile = tempfile.mkdtemp(prefix="govlint-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS + (f"--user-data-dir={profile}", f"--window-size={width},{height}"):
        options.add_argument(flag)
    if not scripts:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
