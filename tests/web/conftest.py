"""Browser tests: Debian's Chromium driven by Playwright against the live application.

Every page visited is checked with axe-core (WCAG 2.2 AA and axe's best practices, such as all
content inside landmarks: no violations allowed) and saved as a screenshot under
``var/test-artifacts/screenshots/``. The browser is ``/usr/bin/chromium``
(``apt-get install chromium``); no test tool downloads one.
"""

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from nrm.accounts.models import User

CHROMIUM = os.environ.get("NRM_TEST_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "var" / "test-artifacts" / "screenshots"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PASSWORD = "correct-horse-battery-staple-42"

# The live server and the browser run in threads of this process; Django allows it for tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install it with `apt-get install chromium`")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    created = browser.new_context(viewport={"width": 1200, "height": 900})
    yield created
    created.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


class Checked:
    """Visits pages, checks each with axe and keeps a screenshot."""

    def __init__(self, test_name: str) -> None:
        self.test_name = re.sub(r"[^\w.-]+", "_", test_name)
        self.count = 0
        self.axe = Axe()

    def __call__(self, page: Page, label: str) -> None:
        self.count += 1
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        slug = re.sub(r"[^\w-]+", "_", label)
        name = f"{self.test_name}-{self.count:02d}-{slug}.png"
        page.screenshot(path=str(ARTIFACTS / name), full_page=True)
        results = self.axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        violations = results.response["violations"]
        assert violations == [], (label, page.url, results.generate_report())


@pytest.fixture
def check(request: pytest.FixtureRequest) -> Checked:
    return Checked(request.node.name)


@pytest.fixture
def web_user(make_user: Callable[..., User]) -> Callable[..., User]:
    """A user with a password and a confirmed authenticator (TOTP device)."""

    def make(*args: Any, **kwargs: Any) -> User:
        user = make_user(*args, **kwargs)
        user.set_password(PASSWORD)
        user.save()
        TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
        return user

    return make


def current_code(user: User) -> str:
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    value = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{value:0{device.digits}d}"


def sign_in(page: Page, base_url: str, user: User, check: Checked | None = None) -> None:
    """Sign in through the real pages: password, then the authenticator code."""
    page.goto(f"{base_url}/sign-in/")
    if check:
        check(page, "sign-in")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Continue").click()
    if check:
        check(page, "two-factor")
    page.get_by_label(re.compile("code", re.I)).fill(current_code(user))
    page.get_by_role("button", name="Sign in").click()
