"""End to end: two students' pages in real headless Chromium (Debian's chromium and
chromium-driver through selenium) against a real server on 127.0.0.1, and the projector's
board, until the class's plan converges. Skipped, saying why, where no browser is installed
(.ci/run installs one with apt-get)."""

from __future__ import annotations

import shutil
import tempfile
import time

import pytest

from game.classroom.launch import make_classroom
from game.classroom.server import ServerThread
from game.classroom.session import ClassSetup

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)
WAIT = 15.0


def _browser():
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.skip("selenium is not installed (pip install -e '.[dev]')")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if chromium is None or driver is None:
        pytest.skip("no headless browser: install Debian's chromium and chromium-driver (apt-get)")
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for f in FLAGS:
        opts.add_argument(f)
    profile = tempfile.mkdtemp(prefix="parecon-chromium-")
    opts.add_argument(f"--user-data-dir={profile}")
    try:
        return webdriver.Chrome(service=Service(driver), options=opts), profile
    except Exception as exc:  # a browser that cannot start here (no /dev/shm, old driver)
        shutil.rmtree(profile, ignore_errors=True)
        pytest.skip(f"headless chromium could not start: {exc}")


def _wait(driver, pred, what: str, timeout: float = WAIT):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            value = pred(driver)
        except Exception:  # the page is being redrawn between two lookups
            value = None
        if value:
            return value
        time.sleep(0.05)
    said = driver.find_element("id", "status").text
    raise AssertionError(f"timed out waiting for {what}; page said: {said!r}")


def test_two_students_plan_in_real_browsers(coop_level):
    from selenium.webdriver.common.by import By

    room = make_classroom(coop_level, ClassSetup("coop_network", 42, 20, mode="server"), round_seconds=None)
    server = ServerThread(room, "127.0.0.1", 0)
    server.start()
    driver, profile = _browser()
    try:
        url = f"http://127.0.0.1:{server.port}"
        tabs = []
        for name in ("Reds", "Blues"):
            if tabs:
                driver.switch_to.new_window("tab")
            driver.get(url + "/")
            _wait(driver, lambda d: d.find_element(By.ID, "join_button").text == "Join", "the join form")
            driver.find_element(By.ID, "code").send_keys(room.code)
            driver.find_element(By.ID, "name").send_keys(name)
            driver.find_element(By.ID, "join_button").click()
            _wait(driver, lambda d: d.find_element(By.ID, "play").is_displayed(), f"{name} to join")
            tabs.append(driver.current_window_handle)
        driver.switch_to.new_window("tab")
        driver.get(f"{url}/board?key={room.teacher_key}")
        board = driver.current_window_handle
        _wait(driver, lambda d: room.code in d.find_element(By.ID, "join_line").text, "the join code")
        assert "Reds" in driver.find_element(By.ID, "groups").text
        driver.find_element(By.ID, "start").click()
        for rnd in range(1, room.play.max_rounds + 1):
            if room.play.finished:
                break
            for tab in tabs:
                driver.switch_to.window(tab)
                _wait(
                    driver,
                    lambda d, r=rnd: d.find_element(By.ID, "status").text.startswith(f"Round {r}"),
                    f"round {rnd}",
                )
                driver.find_element(By.ID, "suggest").click()
                driver.find_element(By.ID, "send").click()
                _wait(
                    driver,
                    lambda d, r=rnd: (
                        room.play.round > r
                        or room.play.finished
                        or "Proposal sent" in d.find_element(By.ID, "status").text
                    ),
                    f"the proposal of round {rnd}",
                )
        driver.switch_to.window(board)
        _wait(
            driver, lambda d: "The plan is agreed" in d.find_element(By.ID, "status").text, "the agreed plan"
        )
        outcome = driver.find_element(By.ID, "outcome").text
        assert "The class's plan" in outcome and "Reds" in outcome
        assert room.play.status == "converged"
        assert all(g.proposals == len(room.play.history) for g in room.play.groups.values())
        assert room.outcome is not None and room.outcome["class"]["converged"]
        # a student whose page reloads gets its council back
        driver.switch_to.window(tabs[0])
        driver.refresh()
        _wait(driver, lambda d: "Reds" in d.find_element(By.ID, "council").text, "the reconnected council")
    finally:
        driver.quit()
        server.stop()
        shutil.rmtree(profile, ignore_errors=True)
