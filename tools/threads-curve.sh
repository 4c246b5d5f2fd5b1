#!/usr/bin/env bash
# Prints how many replications a second lbsim runs on 1, 2, 4, 8, 16 threads (as many as the
# machine has cores), and the speed-up over one thread.
#
#   tools/threads-curve.sh [ROUNDS] [SCENARIO]        (defaults: 5 rounds, scenarios/two-instances.yaml)
#
# Three figures per thread count, each the median over the rounds:
# - "whole": 100 replications divided by the wall time of the whole `lbsim run --replications 100`
#   process, the JVM's start and the JIT compiler's warm-up included;
# - "marginal": the 400 extra replications of `--replications 500` over `--replications 100`,
#   divided by the extra wall time. Start and the JIT compiler's warm-up (which takes about as
#   much CPU as 100 replications) cancel out, so this is the rate at which the cores turn out
#   runs once the code is compiled.
# - "steady": the threads divided by a run's own wall time (the JSON's engine.wallSeconds, median
#   over the last 200 runs of the 500): how fast the runs go with every thread busy, whatever
#   the process does before and after them.
# Within a round the thread counts and the two sizes run in alternating order, so that a burst
# of other work on a shared machine does not always land on the same one. Run it on a quiet
# machine: every figure is a wall-clock time.
set -euo pipefail
rounds=${1:-5}
scenario=${2:-scenarios/two-instances.yaml}
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cores=$(getconf _NPROCESSORS_ONLN)
counts=()
for t in 1 2 4 8 16; do (( t <= cores )) && counts+=("$t"); done
./lbsim validate "$scenario" >/dev/null   # builds the jar and its class-data archive once, untimed

results=$(mktemp)
trap 'rm -f "$results"' EXIT
seconds() { # THREADS REPLICATIONS: the wall time of one whole run, in seconds
    local start=$EPOCHREALTIME
    ./lbsim run "$scenario" --replications "$2" --threads "$1" --quiet --json "$results" >/dev/null
    python3 -c "print($EPOCHREALTIME - $start)"
}
steady() { # THREADS: runs per second from the last 200 runs' own wall times in the latest results
    python3 -c "
import json, statistics, sys
runs = json.load(open(sys.argv[1]))['runs'][-200:]
print($1 / statistics.median(run['engine']['wallSeconds'] for run in runs))" "$results"
}

for round in $(seq 1 "$rounds"); do
    order=("${counts[@]}")
    (( round % 2 )) || order=($(printf '%s\n' "${counts[@]}" | tac))
    for t in "${order[@]}"; do
        if (( round % 2 )); then small=$(seconds "$t" 100); big=$(seconds "$t" 500); rate=$(steady "$t")
        else big=$(seconds "$t" 500); rate=$(steady "$t"); small=$(seconds "$t" 100); fi
        echo "$t $small $big $rate"
    done
done | python3 -c '
import collections, statistics, sys
whole, marginal, steady = (collections.defaultdict(list) for _ in range(3))
for line in sys.stdin:
    t, small, big, rate = line.split()
    whole[int(t)].append(100 / float(small))
    marginal[int(t)].append(400 / max(float(big) - float(small), 1e-9))
    steady[int(t)].append(float(rate))
print("%7s %13s %9s %16s %9s %14s %9s" % ("threads", "runs/s whole", "speed-up", "runs/s marginal", "speed-up",
                                           "runs/s steady", "speed-up"))
base = [statistics.median(figure[1]) for figure in (whole, marginal, steady)]
for t in sorted(whole):
    w, m, s = (statistics.median(figure[t]) for figure in (whole, marginal, steady))
    print(f"{t:>7} {w:>13.1f} {w / base[0]:>8.2f}x {m:>16.1f} {m / base[1]:>8.2f}x {s:>14.1f} {s / base[2]:>8.2f}x")
'
