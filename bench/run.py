"""`make bench`: run every benchmark on PostgreSQL and write its figures into docs/BENCHMARKS.md.

Each benchmark module offers `run()` and `format_report(report)`; its section of the docs lies
between `<!-- bench:<name> -->` and `<!-- /bench:<name> -->` and is replaced on every run, so one
module can be re-run alone (`python -m bench.run imports`) without touching the others.
"""

import argparse
import importlib
import platform
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "BENCHMARKS.md"
FIRST = ["imports"]  # then every other module of bench/ offering run() and format_report()
NOT_BENCHMARKS = ("__init__", "run", "locustfile")  # locust's users, loaded by bench.load in locust's process


def bench_names():
    found = sorted(p.stem for p in Path(__file__).parent.glob("*.py") if p.stem not in NOT_BENCHMARKS)
    return [n for n in FIRST if n in found] + [n for n in found if n not in FIRST]


def machine():
    import os

    return f"{platform.node()} · {os.cpu_count()} CPUs · Python {platform.python_version()}"


def write_section(name, text):
    DOCS.parent.mkdir(exist_ok=True)
    content = DOCS.read_text() if DOCS.exists() else "# Benchmarks\n"
    start, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    block = f"{start}\n{text}\n{end}"
    if start in content and end in content:
        content = re.sub(re.escape(start) + r".*?" + re.escape(end), lambda _m: block, content, flags=re.S)
    else:
        content = content.rstrip("\n") + f"\n\n## {name}\n\n{block}\n"
    DOCS.write_text(content)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*")
    args = parser.parse_args(argv)
    failures = 0
    for name in args.names or bench_names():
        module = importlib.import_module(f"bench.{name}")
        if not (hasattr(module, "run") and hasattr(module, "format_report")):
            print(f"[bench] {name}: no run()/format_report(), skipped")
            continue
        print(f"[bench] {name} …", flush=True)
        started = time.perf_counter()
        try:
            report = module.run()
        except SystemExit as error:
            print(f"[bench] {name} failed: {error}")
            failures += 1
            continue
        text = module.format_report(report)
        stamp = time.strftime("%d/%m/%Y %H:%M", time.localtime())
        write_section(name, f"{text}\n\n_Measured {stamp} on {machine()} in {time.perf_counter() - started:.0f} s._")
        print(text, flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
