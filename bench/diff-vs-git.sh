#!/usr/bin/env bash
# Times `git diff --no-index --word-diff` over the same corpus pairs the JMH benchmark diffs,
# in one loop of one shell, and prints its pairs per second beside the diff engine's.
#
#   ./mvnw -B -q -pl bench -am package -DskipTests
#   bench/diff-vs-git.sh [corpus folder]       (default: ../shared/corpus/terms)
#
# SKIP_JMH=1 leaves out the (short) JMH run and prints git's figure alone.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${1:-$root/../shared/corpus/terms}"
jar="$root/bench/target/benchmarks.jar"
[ -f "$jar" ] || { echo "build first: ./mvnw -B -q -pl bench -am package -DskipTests" >&2; exit 2; }

pairs_dir="$(mktemp -d)"
trap 'rm -rf "$pairs_dir"' EXIT
count="$(java -cp "$jar" dev.palimpsest.bench.ExportPairs "$corpus" "$pairs_dir")"

start="$(date +%s.%N)"
for old in "$pairs_dir"/*.old.txt; do
  # Exit status 1 means "the files differ", which is the point.
  git diff --no-index --word-diff "$old" "${old%.old.txt}.new.txt" >/dev/null || [ $? -eq 1 ]
done
end="$(date +%s.%N)"
git_rate="$(echo "$count / ($end - $start)" | bc -l)"
printf 'git diff --no-index --word-diff: %d pairs in %.2f s = %.1f pairs/s\n' \
  "$count" "$(echo "$end - $start" | bc -l)" "$git_rate"

if [ "${SKIP_JMH:-0}" != 1 ]; then
  result="$pairs_dir/jmh.json"
  java -Dpalimpsest.corpus="$corpus" -jar "$jar" 'DiffBenchmark.corpusPairs' \
    -wi 2 -i 3 -f 1 -rf json -rff "$result" >/dev/null
  jmh_rate="$(grep -o '"score" *: *[0-9.E]*' "$result" | head -1 | sed 's/.*: *//')"
  printf 'Palimpsest diff engine (JMH):   %.1f pairs/s (%.1fx git)\n' \
    "$jmh_rate" "$(echo "$jmh_rate / $git_rate" | bc -l)"
fi
