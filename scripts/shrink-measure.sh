#!/usr/bin/env bash
# Measures `kvrepl shrink` on ten failing recorded runs (docs/shrinking.md): six fault campaigns
# at replicas=1 followed by wiped disks and `check`, four expectations that a fault makes false,
# and one campaign ten times larger (B1).
# Each script is run with --record, and the recording (chaos already expanded) is shrunk.
# Prints a Markdown table: recorded lines and commands, shrunk commands, candidates run, time.
# Uses the release build (SCRATCH=.build-NAME picks the scratch path; JOBS=N passes --jobs N).
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${SCRATCH:-.build}
swift build -c release --product kvrepl --scratch-path "$scratch" >/dev/null
kvrepl=$PWD/$scratch/release/kvrepl
jobs=${JOBS:+--jobs $JOBS}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

write() { cat > "$work/$1.kvs"; }
write L1 <<'KVS'
config replicas=1 read=1 write=1
add n1 n2 n3 n4
chaos 20s ops=100 keys=8 streams=1
kill n2 wipe
restart n2
check
KVS
write L2 <<'KVS'
config replicas=1 read=1 write=1
add n1 n2 n3 n4 n5
chaos 30s ops=200 keys=10 streams=2
kill n3 wipe
restart n3
check
KVS
write L3 <<'KVS'
config replicas=1 read=1 write=1
add n1 n2 n3 n4 n5
chaos 1m ops=400 keys=20 streams=3
kill n1 wipe
kill n4 wipe
restart n1
restart n4
check
KVS
write L4 <<'KVS'
config replicas=1 read=1 write=1
add n1 n2 n3
chaos 10s ops=50 keys=5
kill n3 wipe
restart n3
check
KVS
write L5 <<'KVS'
config replicas=1 read=1 write=1
add n1 n2 n3 n4 n5 n6
chaos 2m ops=600 keys=30 streams=2
kill n5 wipe
restart n5
check
KVS
write L6 <<'KVS'
config replicas=1 read=1 write=1
add n1 n2 n3 n4
chaos 15s ops=80 keys=6 streams=1
kill n1 wipe
restart n1
chaos 15s ops=80 keys=6
kill n2 wipe
restart n2
check
KVS
write E1 <<'KVS'
add n1 n2 n3 n4 n5
chaos 20s ops=100 keys=10 streams=1
put k a=1
isolate n2
advance 8s
expect n1 sees n2 up
KVS
write E2 <<'KVS'
add n1 n2 n3
chaos 20s ops=120 keys=8
put k a=1
kill n1
kill n2
expect get k a=1 via n3
KVS
write E3 <<'KVS'
add n1 n2 n3 n4
chaos 20s ops=150 keys=8 streams=2
isolate n1
expect ok put k a=1 via n1
KVS
write E4 <<'KVS'
add n1 n2 n3 n4 n5
chaos 30s ops=150 keys=10
partition n1 n2 | n3 n4 n5
put k a=1 via n1
advance 2s
expect converged
KVS
# Not one of the ten: a campaign ten times larger, to see how the time grows.
write B1 <<'KVS'
config replicas=1 read=1 write=1
add n1 n2 n3 n4 n5 n6 n7 n8
chaos 10m ops=3000 keys=50 streams=4
kill n5 wipe
kill n2 wipe
restart n5
restart n2
check
KVS

echo "| run | seed | failure kept | recorded lines | commands | shrunk to | candidates | time |"
echo "|---|---|---|---|---|---|---|---|"
seed=0
for name in L1 L2 L3 L4 L5 L6 E1 E2 E3 E4 B1; do
    seed=$((seed + 1))
    script=$work/$name.kvs recording=$work/$name.rec.kvs shrunk=$work/$name.small.kvs
    status=0
    "$kvrepl" --quiet --seed "$seed" --record "$recording" "$script" >/dev/null || status=$?
    [[ $status == 1 ]] || { echo "$name did not fail on seed $seed (status $status)" >&2; exit 1; }
    start=$(date +%s%N)
    # shellcheck disable=SC2086
    "$kvrepl" shrink "$recording" --seed "$seed" -o "$shrunk" $jobs 2>"$work/err"
    end=$(date +%s%N)
    kept=$(sed -n 's/^# failure kept: \(.*\) (in the original.*/\1/p; t; s/^# failure kept: //p' "$shrunk")
    before=$(sed -n 's/^# [0-9]* commands*, from \([0-9]*\) commands*.*/\1/p' "$shrunk")
    after=$(sed -n 's/^# \([0-9]*\) commands*, from.*/\1/p' "$shrunk")
    candidates=$(sed -n 's/.*, \([0-9]*\) candidates run in.*/\1/p' "$work/err")
    ms=$(( (end - start) / 1000000 ))
    echo "| $name | $seed | $kept | $(wc -l < "$recording") | $before | $after | $candidates | ${ms} ms |"
done
