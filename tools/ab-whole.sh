#!/usr/bin/env bash
# Compares two ways of running the whole 20-million-request reference run, paired.
#
# On a shared, noisy machine two sets of runs taken minutes apart can differ by more than most
# changes do.
# This runs A and B alternately, swapping which goes first in every round, and summarises the
# differences within rounds: their median and a bootstrap 90% interval. A change is shown to
# help when the whole interval lies below zero.
#
#   tools/ab-whole.sh ROUNDS "A|java options A" "B|java options B"
#
# Each side is a label, '|', and everything java needs before `run`, for example two jars with
# their own class-data archives (made as the launcher makes them, see ./lbsim):
#
#   tools/ab-whole.sh 25 \
#       "old|-XX:+UseParallelGC -XX:SharedArchiveFile=/tmp/old.jsa -Xlog:cds*=off -jar /tmp/old.jar" \
#       "new|-XX:+UseParallelGC -XX:SharedArchiveFile=/tmp/new.jsa -Xlog:cds*=off -jar /tmp/new.jar"
#
# 25 rounds take about two minutes.
set -euo pipefail
[ $# -eq 3 ] || { sed -n '2,18p' "$0" >&2; exit 2; }
rounds=$1
cd "$(dirname "${BASH_SOURCE[0]}")/.."
for round in $(seq 1 "$rounds"); do
    if (( round % 2 )); then order=("$2" "$3"); else order=("$3" "$2"); fi
    for side in "${order[@]}"; do
        label=${side%%|*}
        read -r -a options <<<"${side#*|}"
        start=$EPOCHREALTIME
        java "${options[@]}" run scenarios/bench.yaml --set duration=12500s --quiet >/dev/null 2>&1
        end=$EPOCHREALTIME
        echo "$round $label $start $end"
    done
done | python3 -c '
import collections, random, statistics, sys
seconds = collections.defaultdict(dict)
labels = []
for line in sys.stdin:
    round_, label, start, end = line.split()
    seconds[int(round_)][label] = float(end) - float(start)
    if label not in labels: labels.append(label)
a, b = labels
diffs = [r[b] - r[a] for r in seconds.values()]
random.seed(1)
boot = sorted(statistics.median(random.choices(diffs, k=len(diffs))) for _ in range(2000))
print("%s median %.3f s, %s median %.3f s; %s - %s paired: median %+.3f s, 90%% interval [%+.3f, %+.3f], %d rounds"
      % (a, statistics.median(r[a] for r in seconds.values()), b, statistics.median(r[b] for r in seconds.values()),
         b, a, statistics.median(diffs), boot[100], boot[1899], len(diffs)))
'
