"""A headless Chromium for the browser tests, driven by Selenium, or a clear reason to skip.

Needs the Debian packages ``chromium`` and ``chromium-driver`` (``/usr/bin/chromium``,
``/usr/bin/chromedriver``) and the PyPI package ``selenium``. :func:`chromium` yields a driver
whose console log (``goog:loggingPrefs``) the test can read with :func:`console_errors`.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
DRIVER_NAMES = ("chromedriver",)

#: Flags for a quiet, sandbox-free headless run in a container, with no network chatter.
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1280,1600",
)


def _which(names: tuple[str, ...]) -> str | None:
    return next((path for name in names if (path := shutil.which(name))), None)


def skip_reason() -> str | None:
    """Why the browser test cannot run here, or None when it can."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install selenium)"
    if _which(CHROMIUM_NAMES) is None:
        return "chromium is not installed (apt-get install chromium chromium-driver)"
    if _which(DRIVER_NAMES) is None:
        return "chromedriver is not installed (apt-get install chromium-driver)"
    return None


@contextmanager
def chromium(*, javascript: bool = True) -> Iterator[Any]:
    """A headless Chromium driven by Selenium (with JavaScript turned off if asked), quit and
    cleaned up afterwards."""
    reason = skip_reason()
    if reason is not None:
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(_which(CHROMIUM_NAMES))
    with tempfile.TemporaryDirectory(prefix="treatydiff-chromium-") as profile:
        for flag in (*FLAGS, f"--user-data-dir={profile}"):
            options.add_argument(flag)
        # The console log is how the test sees JavaScript errors.
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        if not javascript:
            options.add_experimental_option(
                "prefs", {"profile.managed_default_content_settings.javascript": 2}
            )
        service = Service(executable_path=str(_which(DRIVER_NAMES)))
        driver = webdriver.Chrome(service=service, options=options)
        try:
            yield driver
        finally:
            driver.quit()


def open_file(driver: Any, path: Path) -> None:
    """Open a local file, as a person would from disk."""
    driver.get(path.resolve().as_uri())


def console_errors(driver: Any) -> list[str]:
    """The console messages of level SEVERE (JavaScript errors, failed loads) since last read."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
