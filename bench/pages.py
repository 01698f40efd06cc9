"""Server CPU per request of each page type of the load benchmark, one request at a time, in-process.

The same pages, users and parameters as bench/locustfile.py, requested through Django's test client
(no network, no other request competing), each request's thread CPU time measured around it. The
figure survives a noisy machine; `--profile "participant list"` prints where that page type's CPU
goes (cProfile, sorted by cumulative time).

    DATABASE_URL=postgres://… python -m bench.pages [--rounds 20] [--profile PAGE] [--sort tottime]
"""

import argparse
import cProfile
import io
import os
import pstats
import random
import re
import statistics
import time

from bench.dashboards import setup_django

HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')
SEARCH_WORDS = ["nguyen", "Trần", "le van", "Phạm Thị", "hoa", "an"]


def page_mix(config, rng):
    """(page type, method, path, params or data, role) for one round of every page type."""
    manager = rng.choice(config["sessions"]["manager"])
    unit = rng.choice(manager["units"])
    table_unit = rng.choice([u for u in manager["units"] if u is not None])
    participant = rng.choice(config["participants"])
    list_params = rng.choice([{}, {"page": rng.randint(2, 20)}, {"commune": rng.choice(config["communes"])},
                              {"target_group": "farmer"}])
    return [
        ("dashboard", "GET", "/dashboards/country/" if unit is None else f"/dashboards/{unit}/", {}, manager),
        ("dashboard table", "GET", f"/dashboards/{table_unit}/tables/",
         {"view": rng.choice(["children", "month"])}, manager),
        ("participant list", "GET", "/participants/", list_params, "district"),
        ("participant search", "GET", "/participants/", {"q": rng.choice(SEARCH_WORDS)}, "district"),
        ("entry (form)", "GET", "/participants/new/", {}, "district"),
        ("payment (form)", "GET", f"/participants/{participant}/payments/new/", {}, "district"),
    ]


def measure(rounds=20, profile=None, seed=7, show_queries=False):
    setup_django()
    from django.test import Client

    from bench.load import load_config

    config = load_config()
    rng = random.Random(seed)
    clients = {}

    def client_for(session):
        if session["id"] not in clients:
            clients[session["id"]] = Client()
            clients[session["id"]].cookies["sessionid"] = session["id"]
        return clients[session["id"]]

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings, queries, walls = {}, {}, {}
    profiler = cProfile.Profile() if profile else None
    for number in range(rounds + 1):
        for name, _method, path, params, who in page_mix(config, rng):
            session = who if isinstance(who, dict) else config["sessions"][who][0]
            client = client_for(session)
            profiling = profiler is not None and name == profile and number > 0
            with CaptureQueriesContext(connection) as captured:
                started, wall_started = time.thread_time(), time.perf_counter()
                if profiling:
                    profiler.enable()
                response = client.get(path, params)
                if profiling:
                    profiler.disable()
                spent = (time.thread_time() - started) * 1000
                waited = (time.perf_counter() - wall_started) * 1000
            if response.status_code != 200:
                raise SystemExit(f"{name} {path} {params}: HTTP {response.status_code}")
            if number > 0:  # the first round warms caches and connections
                timings.setdefault(name, []).append(spent)
                walls.setdefault(name, []).append(waited)
                queries.setdefault(name, []).append(len(captured))
                if show_queries and name == profile:
                    last = captured.captured_queries
    if show_queries and profile:
        for query in last:
            print(query["sql"][:400])
    return timings, queries, walls, profiler


def summary(rounds, timings, queries, walls):
    return {"rounds": rounds, "load": os.getloadavg()[0], "pages": {name: {
        "median": statistics.median(values), "mean": statistics.fmean(values), "max": max(values),
        "queries": statistics.median(queries[name]), "wall": statistics.median(walls[name])}
        for name, values in timings.items()}}


def run(rounds=20):
    timings, queries, walls, _profiler = measure(rounds)
    return summary(rounds, timings, queries, walls)


def format_report(report):
    lines = [f"Server CPU per request, one request at a time in-process ({report['rounds']} of each page type):", "",
             "| page type | median CPU ms | mean CPU ms | max CPU ms | queries | median wall ms (with the database's time) |",
             "|---|---:|---:|---:|---:|---:|"]
    for name, page in report["pages"].items():
        lines.append(f"| {name} | {page['median']:.1f} | {page['mean']:.1f} | {page['max']:.1f} | {page['queries']:.0f} "
                     f"| {page['wall']:.0f} |")
    lines.append(f"\nMachine load average at the end: {report['load']:.1f} on {os.cpu_count()} cores.")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--profile", help="page type to profile, e.g. 'participant list'")
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--lines", type=int, default=45)
    parser.add_argument("--queries", action="store_true", help="print the queries of the profiled page type's last request")
    args = parser.parse_args(argv)
    timings, queries, walls, profiler = measure(args.rounds, args.profile, show_queries=args.queries)
    print(format_report(summary(args.rounds, timings, queries, walls)))
    if profiler is not None:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats(args.sort).print_stats(args.lines)
        print(out.getvalue())


if __name__ == "__main__":
    main()
