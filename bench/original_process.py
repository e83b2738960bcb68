#!/usr/bin/env python3
"""The farm's original monitoring script as a whole process, for benchmark figure 9.

What the script did on each run, with the Python standard library only: fetch the legacy
f2pool v1 reply (GET {pool}/{currency}/{user}) with urllib, then check() from
original_check.py (json.loads, strptime and mktime per worker, the 600 s and 28 800 s
comparisons; the same algorithm figure 2 times alone). The benchmark times the whole process,
the interpreter's start included, as an operator waits for it.

Prints "<fetch ms> <check ms> <offline> <retired>" on one line.
"""
import sys
import time
import urllib.request

from original_check import check


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: original_process.py URL")
    start = time.perf_counter()
    with urllib.request.urlopen(sys.argv[1], timeout=300) as reply:
        body = reply.read()
    fetched = time.perf_counter()
    offline, retired = check(body)
    done = time.perf_counter()
    print(f"{(fetched - start) * 1000:.0f} {(done - fetched) * 1000:.0f} {len(offline)} {retired}")


if __name__ == "__main__":
    main()
