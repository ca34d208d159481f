#!/usr/bin/env bash
# Freezes and compares the simulation's behaviour, byte for byte, across a refactoring:
#   scripts/traces.sh capture DIR   writes the --trace output of every example, every scenario
#                                   in Tests/Scenarios and the stress variants below, seeds 1..N
#   scripts/traces.sh compare DIR   runs the same again and names every run whose bytes differ
# N is 100 (TRACE_SEEDS=N overrides). Uses the release build of kvrepl (built if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-}; dir=${2:-}
[[ ( $mode == capture || $mode == compare ) && -n $dir ]] || { echo "usage: $0 capture|compare DIR" >&2; exit 2; }
seeds=${TRACE_SEEDS:-100}
swift build -c release --product kvrepl >/dev/null
kvrepl=$PWD/.build/release/kvrepl

variants=$(mktemp -d)
trap 'rm -rf "$variants"' EXIT
cat > "$variants/stress-loss.kvs" <<'KVS'
config loss=5% latency=1ms..40ms replicas=3 read=2 write=2
add n1 n2 n3 n4 n5 n6 n7
chaos 60s ops=300 keys=10 streams=6
check within 2m
KVS
cat > "$variants/stress-replicas1.kvs" <<'KVS'
config replicas=1 read=1 write=1 suspect=2s rehash=3s antientropy=2s
add n1 n2 n3 n4
chaos 40s ops=200 keys=6 streams=4
check within 2m
KVS
cat > "$variants/stress-fanout.kvs" <<'KVS'
config fanout=4 gossip=250ms renew=1s
add n1 n2 n3 n4 n5 n6 n7 n8 n9
chaos 30s ops=150 keys=12 streams=3
remove n4
add n10
check within 2m
KVS

files=(examples/*.kvs Tests/Scenarios/*.kvs "$variants"/*.kvs)
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
differ=0; runs=0
for f in "${files[@]}"; do
  base=$(basename "$f" .kvs)
  for seed in $(seq 1 "$seeds"); do
    out="$dir/$base.$seed.trace"
    runs=$((runs + 1))
    # Run from the script's own folder, so that the paths it prints do not depend on where the
    # variants were written; standard output and error apart (their interleaving is not fixed).
    if [[ $mode == capture ]]; then
      (cd "$(dirname "$f")" && "$kvrepl" --trace --seed "$seed" "$base.kvs" > "$out" 2> "$out.err") || true
    else
      (cd "$(dirname "$f")" && "$kvrepl" --trace --seed "$seed" "$base.kvs" > "$variants/out" 2> "$variants/err") || true
      if ! cmp -s "$variants/out" "$out" || ! cmp -s "$variants/err" "$out.err"; then
        echo "differs: $base seed $seed"
        differ=$((differ + 1))
      fi
    fi
  done
done
if [[ $mode == capture ]]; then
  echo "captured $runs runs in $dir"
else
  echo "$runs runs compared, $differ differ"
  [[ $differ -eq 0 ]]
fi
