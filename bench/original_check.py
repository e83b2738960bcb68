#!/usr/bin/env python3
"""The farm's original monitoring script's algorithm, for benchmark figure 2.

Reads a legacy f2pool v1 reply (GET /{currency}/{user}) from a file and classifies every worker
exactly as the script did: json.loads, then per worker time.strptime of the ISO last-share time,
time.mktime, and a comparison against 600 s (offline) and 28 800 s (retired, ignored).

Only the algorithm is timed (not the interpreter's start-up or reading the file). Prints
"<median ms> <offline> <retired>" on one line.
"""
import argparse
import json
import statistics
import time


def check(body):
    data = json.loads(body)
    now = time.time()
    offline = []
    retired = 0
    for worker in data["workers"]:
        last = time.mktime(time.strptime(worker[6], "%Y-%m-%dT%H:%M:%S.%fZ"))
        age = now - last
        if age > 28800:
            retired += 1
        elif age > 600:
            offline.append(worker[0])
    return offline, retired


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("reply")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with open(args.reply, "rb") as f:
        body = f.read()
    times = []
    offline, retired = [], 0
    for _ in range(max(1, args.repeat)):
        start = time.perf_counter()
        offline, retired = check(body)
        times.append((time.perf_counter() - start) * 1000.0)
    print(f"{statistics.median(times):.1f} {len(offline)} {retired}")


if __name__ == "__main__":
    main()
