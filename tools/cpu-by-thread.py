#!/usr/bin/env python3
"""Where a JVM process spends its CPU time: seconds per group of threads, median over rounds.

    tools/cpu-by-thread.py [--rounds N] COMMAND...

For example, to see what a second thread changes in a study of 100 replications:

    tools/cpu-by-thread.py --rounds 5 ./lbsim run scenarios/two-instances.yaml --replications 100 --threads 1 --quiet --json /dev/null
    tools/cpu-by-thread.py --rounds 5 ./lbsim run scenarios/two-instances.yaml --replications 100 --threads 2 --quiet --json /dev/null

The groups: "runs" (the main thread, which also runs the replications with --threads 1, and
the replication threads), the JIT compilers C2 and C1, the collector (GC, with the VM thread
that runs its pauses), and "other". Linux only: it reads each thread's CPU time from /proc
every 10 ms while the process lives, so the last 10 ms of a thread may be missed. COMMAND must
be, or exec, the java process (./lbsim does).
"""
import argparse
import collections
import os
import statistics
import subprocess
import time

GROUPS = ("runs", "C2", "C1", "GC", "other")


def group(thread_name):
    if thread_name.startswith("C2 "):
        return "C2"
    if thread_name.startswith("C1 "):
        return "C1"
    if "GC" in thread_name or thread_name == "VM Thread":
        return "GC"
    if thread_name in ("java", "lbsim-replicati"):  # names are cut to 15 characters
        return "runs"
    return "other"


def one_round(command):
    ticks = os.sysconf("SC_CLK_TCK")
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    last = {}  # thread id -> (name, CPU seconds)
    while process.poll() is None:
        try:
            threads = os.listdir(f"/proc/{process.pid}/task")
        except FileNotFoundError:
            break
        for tid in threads:
            try:
                with open(f"/proc/{process.pid}/task/{tid}/comm") as f:
                    name = f.read().strip()
                with open(f"/proc/{process.pid}/task/{tid}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except (FileNotFoundError, ProcessLookupError):
                continue
            last[tid] = (name, (int(fields[11]) + int(fields[12])) / ticks)  # utime + stime
        time.sleep(0.01)
    wall = time.monotonic() - started
    if process.returncode:
        raise SystemExit(f"the command failed with status {process.returncode}")
    seconds = collections.Counter()
    for name, cpu in last.values():
        seconds[group(name)] += cpu
    return wall, seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    if not args.command:
        parser.error("give the command to measure")
    walls, cpu = [], collections.defaultdict(list)
    for _ in range(args.rounds):
        wall, seconds = one_round(args.command)
        walls.append(wall)
        for g in GROUPS:
            cpu[g].append(seconds[g])
        cpu["total"].append(sum(seconds.values()))
    print("%6s %6s" % ("wall s", "CPU s") + "".join(" %6s" % g for g in GROUPS))
    print("%6.2f %6.2f" % (statistics.median(walls), statistics.median(cpu["total"]))
          + "".join(" %6.2f" % statistics.median(cpu[g]) for g in GROUPS))


if __name__ == "__main__":
    main()
