"""First open of each dashboard level in Chromium with an empty browser cache: time until every chart is drawn.

Serves the application as production does (gunicorn with deploy/gunicorn.conf.py, DEBUG off, static files collected with hashed,
compressed names and served by WhiteNoise), opens the national, a province, a district and a commune
dashboard in Debian's Chromium (through Playwright, as tests/e2e do), each time in a new browser context
(empty cache), and reads the page's own timings: the HTML's response end and the marks static/js/dashboard.js
sets once the charts of the first screen are drawn (`view-charts-drawn`) and once every chart is
(`charts-drawn`), and the renderer's main-thread CPU time. The first open of each
level also meets a cold server cache; the others a warm one (the figures are cached until they change).

Also measured apart: loading and running each plotly.js bundle alone on a blank page (the partial bundle
the pages use, and the full bundle the Python package ships, for comparison).

    DATABASE_URL=postgres://… python -m bench.run first_open      (target: charts drawn in under 1 s)
"""

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.dashboards import bench_users, session_cookie, setup_django, start_server, synthetic_snapshots

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
OPENS = 6  # per level: the first meets a cold server cache
TARGET_MS = 1000

TIMINGS_JS = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const drawn = performance.getEntriesByName("charts-drawn")[0];
  const first = performance.getEntriesByName("first-chart-drawn")[0];
  const view = performance.getEntriesByName("view-charts-drawn")[0];
  const resources = performance.getEntriesByType("resource");
  return {
    response: nav.responseEnd, dom: nav.domContentLoadedEventEnd, drawn: drawn ? drawn.startTime : null,
    first: first ? first.startTime : null, view: view ? view.startTime : (drawn ? drawn.startTime : null),
    charts: document.querySelectorAll("[data-chart]").length,
    bytes: nav.transferSize + resources.reduce((sum, r) => sum + (r.transferSize || 0), 0),
    decoded: nav.decodedBodySize + resources.reduce((sum, r) => sum + (r.decodedBodySize || 0), 0),
  };
}"""


def load():
    try:
        return os.getloadavg()
    except OSError:
        return (float("nan"),) * 3


def collect_static():
    """collectstatic as a deployment runs it (hashed, compressed names), so the pages load what production does."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--no-input", "--clear", "-v0"], cwd=ROOT,
                   check=True, env={**os.environ, "STATICFILES_BACKEND": "bhxh_targets.storage.StaticFilesStorage"})
    return time.perf_counter() - started


def open_page(browser, port, cookie, path):
    name, value = cookie.split("=", 1)
    context = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh",
                                  viewport={"width": 1366, "height": 768})
    context.add_cookies([{"name": name, "value": value, "url": f"http://127.0.0.1:{port}"}])
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # The renderer's main-thread time (tasks, of which script): CPU time, steadier than the clock on a busy machine.
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable", {"timeDomain": "threadTicks"})
    page.goto(f"http://127.0.0.1:{port}{path}")
    page.locator("[data-chart]").first.wait_for(state="attached")
    page.locator("[data-chart]:not([data-rendered])").first.wait_for(state="detached", timeout=60_000)
    timings = page.evaluate(TIMINGS_JS)
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    timings["task_ms"] = metrics.get("TaskDuration", 0) * 1000
    timings["script_ms"] = metrics.get("ScriptDuration", 0) * 1000
    context.close()
    if errors:
        raise RuntimeError(f"{path}: {errors[0]}")
    return timings


def bundle_alone(browser, bundle):
    """ms to load and run one plotly.js bundle on a blank page (read from disk: no network)."""
    context = browser.new_context()
    page = context.new_page()
    page.goto("about:blank")
    started = time.perf_counter()
    page.add_script_tag(path=str(bundle))
    page.wait_for_function("() => typeof Plotly !== 'undefined'")
    elapsed = (time.perf_counter() - started) * 1000
    context.close()
    return elapsed


def run(opens=OPENS):
    setup_django()
    from django.utils import timezone
    from playwright.sync_api import sync_playwright

    from enrollment.models import ProgressSnapshot

    day = ProgressSnapshot.objects.filter(unit__isnull=True).order_by("-date").values_list("date", flat=True).first()
    if day is None:
        day = timezone.localdate()
        synthetic_snapshots(day)
    users, province, district, commune = bench_users()
    cookies = {name: session_cookie(user) for name, user in users.items()}
    levels = [("national", "/dashboards/country/", cookies["bench_national"]),
              ("province", f"/dashboards/{province.pk}/", cookies["bench_province"]),
              ("district", f"/dashboards/{district.pk}/", cookies["bench_district"]),
              ("commune", f"/dashboards/{commune.pk}/", cookies["bench_district"])]
    collect_seconds = collect_static()
    import plotly

    full_bundle = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    basic_bundle = ROOT / "static" / "js" / "plotly-basic.min.js"
    load_before = load()
    cpu_before = os.times()
    server, port = start_server(None, wait_seconds=120, production=True)  # a loaded machine starts it slowly
    results = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, path, cookie in levels:
                results[name] = [open_page(browser, port, cookie, f"{path}?date={day.isoformat()}")
                                 for _n in range(opens)]
            bundles = {"basic": [bundle_alone(browser, basic_bundle) for _n in range(5)],
                       "full": [bundle_alone(browser, full_bundle) for _n in range(5)]}
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    cpu_after = os.times()
    return {
        "day": day, "levels": results, "bundles": bundles, "load_before": load_before, "load_after": load(),
        "cpus": os.cpu_count(), "collect_seconds": collect_seconds,
        "bundle_sizes": {"basic": basic_bundle.stat().st_size, "full": full_bundle.stat().st_size},
        "children_cpu": (cpu_after.children_user + cpu_after.children_system)
        - (cpu_before.children_user + cpu_before.children_system),
    }


def _ms(value):
    return f"{value:,.0f}".replace(",", " ")


def format_report(report):
    lines = [
        f"Figures of {report['day']:%d/%m/%Y}; Chromium 1366×768, a new browser context (empty cache) for each of "
        f"{len(next(iter(report['levels'].values())))} opens per level; gunicorn as deploy/gunicorn.conf.py runs it, DEBUG off, static "
        f"files collected (hashed names, gzip/brotli). Load average before {report['load_before'][0]:.2f} / after "
        f"{report['load_after'][0]:.2f} on {report['cpus']} CPUs: the machine is shared, so the wall-clock columns "
        "move with the load; the CPU columns (the renderer's main thread) much less.",
        "",
        "| level | charts | transferred (KB) | HTML received (ms) | charts of the first screen drawn (ms) | "
        "under 1 s | all charts drawn (ms) | all drawn, 1st open, cold server cache (ms) | worst (ms) | "
        "main-thread CPU, all charts (ms) | of which script (ms) |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, opens in report["levels"].items():
        warm = opens[1:] or opens

        def median(key, rows=warm):
            return statistics.median(o[key] for o in rows)

        lines.append(
            f"| {name} | {opens[0]['charts']} | {opens[0]['bytes'] / 1024:,.0f} | {_ms(median('response'))} | "
            f"{_ms(median('view'))} | {'yes' if median('view') < TARGET_MS else 'no'} | {_ms(median('drawn'))} | "
            f"{_ms(opens[0]['drawn'])} | {_ms(max(o['drawn'] for o in opens))} | "
            f"{_ms(median('task_ms'))} | {_ms(median('script_ms'))} |")
    sizes, bundles = report["bundle_sizes"], report["bundles"]
    lines += [
        "",
        "Medians of the opens after the first. plotly.js alone on a blank page (load and run, median of 5): "
        f"basic bundle {sizes['basic'] / 1e6:.1f} MB {_ms(statistics.median(bundles['basic']))} ms; "
        f"full bundle {sizes['full'] / 1e6:.1f} MB {_ms(statistics.median(bundles['full']))} ms. "
        f"collectstatic took {report['collect_seconds']:.0f} s; the server used {report['children_cpu']:.1f} s of CPU.",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(format_report(run()))
