#!/usr/bin/env python3
"""Draws docs/benchmarks/time-windows.png from TimeWindowBenchmarks' own CSV reports (issue 16).

First-page latency against where the window lies in the account's history: before issue 16, with the creation-order
marks alone (ADR 10), and after the id zones (ADR 12), with the EF Core + OFFSET peer and the unfiltered first page of
the same run beside them; one row of panels per account size.

  scripts/time-window-chart.py docs/benchmarks/time-windows docs/benchmarks/time-windows.png

The input folder holds <label>-<rows>.csv, label "before", "marks" or "after": BenchmarkDotNet's
results/ImportsService.Benchmarks.TimeWindowBenchmarks-report.csv of each run, copied under that name.
Needs matplotlib (apt-get install python3-matplotlib, then run it with /usr/bin/python3).
"""
import csv
import pathlib
import re
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

CASES = [
    "created month, id desc",
    "created month, id asc",
    "updated month, id asc",
    "status failed + created month, id asc",
    "created month, updated_at desc",
]
PEER = "peer: EF Core OFFSET, created month, id desc"
UNITS = {"ns": 1e-6, "μs": 1e-3, "us": 1e-3, "ms": 1.0, "s": 1e3}
HISTORY = (2022, 2026)


def milliseconds(text):
    """None for a cell BenchmarkDotNet reports as NA (the request failed: refused by the statement time budget)."""
    match = re.match(r"([\d,.]+)\s*(\S+)", text)
    if match is None:
        return None
    number, unit = match.groups()
    return float(number.replace(",", "")) * UNITS[unit]


def read(path):
    """{case: {position: mean ms}}"""
    table = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            ms = milliseconds(row["Mean"])
            if ms is not None:
                table.setdefault(row["Case"], {})[float(row["Position"])] = ms
    return table


def main(folder, output):
    runs = {}
    for path in sorted(pathlib.Path(folder).glob("*.csv")):
        label, rows = path.stem.rsplit("-", 1)
        runs.setdefault(int(rows), {})[label] = read(path)
    sizes = sorted(runs)
    figure, axes = plt.subplots(len(sizes), len(CASES), figsize=(4.2 * len(CASES), 3.3 * len(sizes)), squeeze=False, sharey=True)
    for r, rows in enumerate(sizes):
        for c, case in enumerate(CASES):
            ax = axes[r][c]
            for label, style, color in (("before", "o-", "C0"), ("marks", "d-", "C1"), ("after", "s-", "C2")):
                run = runs[rows].get(label, {})
                if case in run:
                    points = sorted(run[case].items())
                    ax.plot([HISTORY[0] + p * (HISTORY[1] - HISTORY[0]) for p, _ in points], [ms for _, ms in points], style, color=color, label=f"{label} (keyset)")
            # The peer and the unfiltered page do not change with the branch: drawn from the "after" run.
            after = runs[rows].get("after") or runs[rows].get("before")
            for case_name, style, color, label in ((PEER, "^--", "C3", "EF Core + OFFSET peer"), ("unfiltered", ":", "C4", "unfiltered first page")):
                if case_name in after:
                    points = sorted(after[case_name].items())
                    ax.plot([HISTORY[0] + p * (HISTORY[1] - HISTORY[0]) for p, _ in points], [ms for _, ms in points], style, color=color, label=label, alpha=0.8)
            ax.set_yscale("log")
            ax.set_xticks(range(HISTORY[0], HISTORY[1] + 1))
            ax.set_xlim(HISTORY[0], HISTORY[1])
            ax.grid(True, which="both", alpha=0.3)
            ax.set_title(f"{case}\n{rows:,} imports", fontsize=9)
            if c == 0:
                ax.set_ylabel("first page, ms (log)")
            if r == len(sizes) - 1:
                ax.set_xlabel("window start (year)")
    axes[0][0].legend(fontsize=7, loc="upper right")
    figure.suptitle("Time-window first page vs. the window's position in history (issue 16; TimeWindowBenchmarks, SQLite, in process)", fontsize=10)
    figure.tight_layout()
    figure.savefig(output, dpi=90)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
