#!/usr/bin/env python3
"""How fast the HTML chart becomes interactive, and how fast it answers, for BENCHMARKS.md.

Drives headless Chromium through the DevTools protocol over a pipe (--remote-debugging-pipe: no
port, no extra package). For each page given: opens it RUNS times in a fresh tab and reads
`window.organigram.readyAt` (performance.now() when the chart is drawn and every handler
attached, from navigation start); then times, in the page, a search that reveals a match, a
selection (card filled), expanding every unit and collapsing back; and counts the elements drawn.
Each time runs up to the next frame drawn. Reports any console error, exception or network request, which the page must not make.

    python3 bench/html_page.py [--runs 5] PAGE.html...
"""
import argparse
import base64
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    "--remote-debugging-pipe", "--window-size=1400,900",
]


class Chrome:
    """One headless Chromium, one page, spoken to over fds 3 and 4."""

    def __init__(self):
        to_chrome, self.out = os.pipe()
        self.inp, from_chrome = os.pipe()

        def pipes():
            a, b = os.dup(to_chrome), os.dup(from_chrome)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.profile = tempfile.mkdtemp()
        self.proc = subprocess.Popen(
            [os.environ.get("CHROMIUM", "chromium"), *FLAGS, "--user-data-dir=" + self.profile, "about:blank"],
            preexec_fn=pipes, close_fds=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome)
        os.close(from_chrome)
        self.next_id = 0
        self.buffer = b""
        self.events = []
        targets = self.call("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self.session = self.call("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(domain + ".enable", session=True)

    def message(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.inp, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe")
            self.buffer += chunk
        text, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(text)

    def call(self, method, session=False, **params):
        self.next_id += 1
        request = {"id": self.next_id, "method": method, "params": params}
        if session:
            request["sessionId"] = self.session
        os.write(self.out, json.dumps(request).encode() + b"\0")
        while True:
            reply = self.message()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(reply["error"])
                return reply["result"]
            self.events.append(reply)

    def js(self, expression):
        result = self.call("Runtime.evaluate", session=True, expression=expression,
                           returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def open(self, url, timeout=30):
        self.call("Page.navigate", session=True, url=url)
        end = time.time() + timeout
        while time.time() < end:
            try:
                if self.js("!!(window.organigram && window.organigram.ready)"):
                    return self.js("window.organigram.readyAt")
            except RuntimeError:
                pass
            time.sleep(0.02)
        raise RuntimeError(f"{url} did not become ready in {timeout} s")

    def problems(self):
        found = []
        for event in self.events:
            method, params = event.get("method", ""), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                found.append("exception: " + str(params["exceptionDetails"].get("exception", {}).get("description")))
            elif method == "Runtime.consoleAPICalled" and params["type"] in ("error", "warning"):
                found.append("console: " + json.dumps(params["args"]))
            elif method == "Log.entryAdded" and params["entry"]["level"] in ("error", "warning"):
                found.append("log: " + params["entry"]["text"])
            elif method == "Network.requestWillBeSent":
                url = params["request"]["url"]
                if not url.startswith(("file:", "data:", "blob:", "about:")):
                    found.append("request: " + url)
        return found

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", session=True, format="png")["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def close(self):
        self.proc.kill()
        self.proc.wait()


# Timed in the page, up to the next frame drawn (so the browser's style, layout and paint of
# what changed are counted): each returns milliseconds.
FRAME = "await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));"
TIMED = {
    "search": "organigram.search(LAST_NAME);",
    "select": "organigram.select(LAST_ID);",
    "expand all": "document.querySelector('[data-action=expand-all]').click();",
    "collapse all": "document.querySelector('[data-action=collapse-all]').click();",
}
TIMED = {name: "(async () => { const t = performance.now(); %s %s return performance.now() - t; })()"
         % (action, FRAME) for name, action in TIMED.items()}
SETUP = """const LAST = organigram.data.units[organigram.data.units.length - 1];
    var LAST_ID = LAST.id, LAST_NAME = LAST.name;"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--screenshot", help="a PNG of the first page as it opens")
    parser.add_argument("pages", nargs="+")
    args = parser.parse_args()
    failed = False
    print("| page | units | size | ready (median of %d) | min–max | elements at open | search | select | expand all (elements) | collapse all |" % args.runs)
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for number, page in enumerate(args.pages):
        url = "file://" + os.path.abspath(page)
        chrome = Chrome()
        try:
            ready = [chrome.open(url) for _ in range(args.runs)]
            if args.screenshot and number == 0:
                chrome.screenshot(args.screenshot)
            units = chrome.js("organigram.data.units.length")
            drawn = chrome.js("document.querySelectorAll('[data-unit]').length")
            chrome.js(SETUP)
            times = {name: chrome.js(expr) for name, expr in TIMED.items() if name != "collapse all"}
            expanded = chrome.js("document.querySelectorAll('[data-unit]').length")
            times["collapse all"] = chrome.js(TIMED["collapse all"])
            problems = chrome.problems()
        finally:
            chrome.close()
        print(f"| {os.path.basename(page)} | {units:,} | {os.path.getsize(page) / 1e6:.2f} MB "
              f"| {statistics.median(ready):.0f} ms | {min(ready):.0f}–{max(ready):.0f} ms | {drawn:,} "
              f"| {times['search']:.0f} ms | {times['select']:.0f} ms "
              f"| {times['expand all']:.0f} ms ({expanded:,}) | {times['collapse all']:.0f} ms |")
        for problem in problems:
            failed = True
            print(f"  {page}: {problem}", file=sys.stderr)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
