"""Runs a build command several times; prints median wall time, pages/s and peak RSS."""
import argparse
import re
import resource
import statistics
import subprocess
import time


def run_once(command):
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"build failed:\n{proc.stderr}")
    pages = int(re.search(r"Built (\d+) pages", proc.stdout).group(1))
    # ru_maxrss of children is the maximum over all children so far (KiB on Linux).
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return elapsed, pages, peak


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--label", default="build")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = [c for c in args.command if c != "--"]
    results = [run_once(command) for _ in range(args.runs)]
    times = [r[0] for r in results]
    pages = results[-1][1]
    median = statistics.median(times)
    peak_mib = max(r[2] for r in results) / 1024
    print(
        f"{args.label}: {pages} pages, median {median * 1000:.0f} ms "
        f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}, {args.runs} runs), "
        f"{pages / median:.0f} pages/s, peak RSS {peak_mib:.0f} MiB"
    )


if __name__ == "__main__":
    main()
