#!/usr/bin/env bash
# Prints how many replications a second lbsim runs on 1, 2, 4, 8, 16 threads (as many as the
# machine has cores), and the speed-up over one thread.
#
#   tools/threads-curve.sh [ROUNDS] [SCENARIO]        (defaults: 5 rounds, scenarios/two-instances.yaml)
#
# Two figures per thread count, each the median over the rounds:
# - "whole": 100 replications divided by the wall time of the whole `lbsim run --replications 100`
#   process, the JVM's start and the JIT compiler's warm-up included;
# - "marginal": the 400 extra replications of `--replications 500` over `--replications 100`,
#   divided by the extra wall time. Start and the JIT compiler's warm-up (which takes about as
#   much CPU as 100 replications) cancel out, so this is the rate at which the cores turn out
#   runs once the code is compiled.
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

seconds() { # THREADS REPLICATIONS: the wall time of one whole run, in seconds
    local start=$EPOCHREALTIME
    ./lbsim run "$scenario" --replications "$2" --threads "$1" --quiet --json /dev/null >/dev/null
    python3 -c "print($EPOCHREALTIME - $start)"
}

for round in $(seq 1 "$rounds"); do
    order=("${counts[@]}")
    (( round % 2 )) || order=($(printf '%s\n' "${counts[@]}" | tac))
    for t in "${order[@]}"; do
        if (( round % 2 )); then small=$(seconds "$t" 100); big=$(seconds "$t" 500)
        else big=$(seconds "$t" 500); small=$(seconds "$t" 100); fi
        echo "$t $small $big"
    done
done | python3 -c '
import collections, statistics, sys
whole, marginal = collections.defaultdict(list), collections.defaultdict(list)
for line in sys.stdin:
    t, small, big = line.split()
    whole[int(t)].append(100 / float(small))
    marginal[int(t)].append(400 / max(float(big) - float(small), 1e-9))
print("%7s %13s %9s %16s %9s" % ("threads", "runs/s whole", "speed-up", "runs/s marginal", "speed-up"))
base_w, base_m = statistics.median(whole[1]), statistics.median(marginal[1])
for t in sorted(whole):
    w, m = statistics.median(whole[t]), statistics.median(marginal[t])
    print(f"{t:>7} {w:>13.1f} {w / base_w:>8.2f}x {m:>16.1f} {m / base_m:>8.2f}x")
'
