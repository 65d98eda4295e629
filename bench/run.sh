#!/usr/bin/env bash
# Times Palimpsest site builds in the default mode, as users run them, and Hugo and git over the
# same work.
#
#   bench/run.sh [--sizes 1000,10000] [--versions 10] [--repeat 3]
#
# For each size, a synthetic corpus of documents x versions, then four steps:
#   1. full build: no site, no build cache;
#   2. no-op rebuild: nothing changed;
#   3. one new capture: one document (the first) gains a snapshot an hour after the newest of
#      the corpus, its latest text with a paragraph added;
#   4. a day of captures: 1 % of the documents (every 100th, not the one of step 3) gain a
#      snapshot each, over the 24 hours after step 3's, their latest text with a word changed or
#      a paragraph added.
# Palimpsest runs as README says, `generator/target/palimpsest build CORPUS --out SITE --quiet`,
# without --now: "now" is the newest snapshot's time. The same steps run again with
# `java $BENCH_JAVA_OPTS -jar generator/target/palimpsest.jar`, the JVM's defaults, into a site
# of their own. In the first run, after steps 2 to 4, the same input is built from scratch into
# another folder and both rebuilt sites are compared with it (diff -r); a difference stops the
# script (exit 1). Hugo renders as many Markdown pages of the same texts (bench/hugo_site.py);
# `git diff --no-index --word-diff` runs over every consecutive pair of snapshots in one shell
# loop. Each step is timed under /usr/bin/time (wall time, peak RSS) after a sync; the tools
# take turns over --repeat runs, and each step's best time is kept. The tables and the targets
# go to bench/results/latest.md after each size.
#
# Environment: BENCH_WORK, where corpora and sites go (default bench/work); BENCH_JAVA_OPTS, the
# JAVA_OPTS of every build (default -Xmx256m); SYNTH, the corpus writer (default
# shared/bench/synth.py in the folder that holds this project).
set -euo pipefail

usage() { awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; }

cd "$(dirname "$0")/.."
root=$PWD
sizes=1000,10000
versions=10
repeat=3
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes=${2:?--sizes needs a value}; shift 2 ;;
    --versions) versions=${2:?--versions needs a value}; shift 2 ;;
    --repeat) repeat=${2:?--repeat needs a value}; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$sizes,$versions,$repeat" in
  *[!0-9,]* | *,,* | ,* | *, | 0* | *,0*)
    echo "--sizes, --versions and --repeat take positive whole numbers" >&2; exit 2 ;;
esac

work=${BENCH_WORK:-$root/bench/work}
# The folder that holds this project holds shared/ too, wherever it was cloned.
synth=${SYNTH:-$(dirname "$root")/shared/bench/synth.py}
# The heap a scheduled build would be given; peak RSS is measured with it.
java_opts=${BENCH_JAVA_OPTS:--Xmx256m}
export JAVA_OPTS=$java_opts
# The default mode: "now" is the newest snapshot's time, not a fixed one from the environment.
unset SOURCE_DATE_EPOCH
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
jar=$root/generator/target/palimpsest.jar
launcher=$root/generator/target/palimpsest
mkdir -p "$work" bench/results

install() {
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq && $sudo apt-get install -y -qq "$@" >/dev/null
}
[ -x /usr/bin/time ] || install time
command -v hugo >/dev/null || install hugo
command -v git >/dev/null || install git
[ -f "$jar" ] && [ -x "$launcher" ] || ./mvnw -B -q -pl generator -am package -DskipTests

# timed COMMAND...: runs it under /usr/bin/time; sets secs and rss_mib.
timed() {
  local log=$work/time.log
  # What the steps before wrote and removed goes to disk first: the kernel would otherwise do
  # it in the background during this step, and charge one tool for another's files.
  sync
  /usr/bin/time -f "%e %M" -o "$log" "$@" >/dev/null 2>"$work/stderr.log" || {
    local code=$?
    # Palimpsest exits 1 when inputs were reported, git diff when files differ.
    [ $code = 1 ] || { cat "$work/stderr.log" >&2; exit $code; }
  }
  read -r secs kib <"$log"
  rss_mib=$((kib / 1024))
}

# build SITE: the README's command, through the launcher, timed.
build() {
  timed "$launcher" build "$corpus" --out "$1" --quiet
}

# jar_build SITE: the same with `java -jar`, the JVM's defaults, timed.
jar_build() {
  timed "$java" $java_opts -jar "$jar" build "$corpus" --out "$1" --quiet
}

# best NAME SECS: keeps the lowest time seen for NAME (in best_NAME).
best() {
  local var=best_$1
  if [ -z "${!var:-}" ] || awk -v a="$2" -v b="${!var}" 'BEGIN { exit !(a < b) }'; then
    printf -v "$var" '%s' "$2"
  fi
}

# peak NAME MIB: keeps the highest peak RSS seen for NAME (in peak_NAME).
peak() {
  local var=peak_$1
  [ "${!var:-0}" -ge "$2" ] || printf -v "$var" '%s' "$2"
}

percent() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", 100 * a / b; else print "-" }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

# Snapshot names are UTC times, YYYY-MM-DDTHH-MM-SSZ.EXT; epoch and snapshot_name convert.
epoch() {
  local stem=${1%%.*}
  local day=${stem%%T*} clock=${stem#*T}
  clock=${clock%Z}
  date -u -d "${day}T${clock//-/:}Z" +%s
}
snapshot_name() { date -u -d "@$1" +%Y-%m-%dT%H-%M-%SZ; }
latest_of() { find "$1" -maxdepth 1 -type f -name '*Z.*' | sort | tail -1; }

# add_capture DOCUMENT EPOCH HOW: a new snapshot of DOCUMENT at EPOCH, its latest text with a
# paragraph added (HOW=paragraph) or the first word of its first paragraph changed (HOW=word).
added=()
add_capture() {
  local latest new
  latest=$(latest_of "$1")
  new=$1/$(snapshot_name "$2").${latest##*.}
  if [ "$3" = paragraph ]; then
    { cat "$latest"; printf '\nA paragraph added by the benchmark.\n'; } >"$new"
  else
    # Line 1 is the title; the first line after it with a space is a paragraph.
    awk 'NR > 2 && !done && / / { sub(/[^ ]+ /, "Benchmarked "); done = 1 } { print }' \
      "$latest" >"$new"
  fi
  added+=("$new")
}
# The added snapshots go at the end of each run, and if the script stops, so that the corpus is
# reused unchanged.
remove_captures() {
  [ ${#added[@]} = 0 ] || rm -f "${added[@]}"
  added=()
}
trap remove_captures EXIT

# compare STEP: in the first run, builds the corpus as it now is from scratch (the same command)
# into $reference and compares both rebuilt sites with it. The cache files beside a site are
# not part of it.
compare() {
  [ "$run" = 1 ] || return 0
  echo "$size: $1: a full build of the same input, to compare with" >&2
  rm -rf "$reference" "${reference%/*}/.${reference##*/}".*
  "$launcher" build "$corpus" --out "$reference" --quiet >/dev/null 2>"$work/stderr.log" || {
    local code=$?
    [ $code = 1 ] || { cat "$work/stderr.log" >&2; exit $code; }
  }
  local s
  for s in "$site" "$jar_site"; do
    if ! diff -r "$reference" "$s" >"$work/diff.log" 2>&1; then
      failure="$size x $versions, $1: the rebuilt site $s differs from a full build of the same input, $reference"
      echo "FAILED: $failure; diff -r says (all of it in $work/diff.log):" >&2
      head -n 20 "$work/diff.log" >&2
      write_results
      exit 1
    fi
  done
}

# forget_sites: deletes the three sites and their caches, then waits for the file system to
# settle: deleting hundreds of thousands of pages leaves the kernel work to do after rm returns
# (and sync), which would slow whatever is timed next.
forget_sites() {
  local s
  for s in "$site" "$jar_site" "$reference"; do
    rm -rf "$s" "${s%/*}/.${s##*/}".*
  done
  sync
  sleep 10
}

# The results so far, rewritten after each size so that a long run leaves the sizes it did.
failure=
write_results() {
  {
    echo "Palimpsest $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores," \
      "$("$java" -version 2>&1 | head -1), JAVA_OPTS=$java_opts, best of $repeat runs;"
    echo "$(hugo version | cut -d' ' -f1-2), $(git --version); $(date -u +%Y-%m-%dT%H:%MZ)."
    echo
    if [ -n "$failure" ]; then
      echo "**FAILED: $failure.**"
      echo
    fi
    echo "\`generator/target/palimpsest build CORPUS --out SITE --quiet\`, the default mode (no \`--now\`):"
    echo
    cat "$table"
    echo
    echo "The same steps with \`java $java_opts -jar generator/target/palimpsest.jar\`, the JVM's defaults, into a site of their own:"
    echo
    cat "$jar_table"
    echo
    targets
  } >bench/results/latest.md
}

# The measurements the targets need, by corpus ("1000 x 10").
declare -A full_of noop_of one_of day_of hugo_of rss_of
compared=

# share_target STEP NAME LIMIT SIZE: STEP (noop, one or day) took at most LIMIT % of the full
# build on SIZE x 10.
share_target() {
  local key="$4 x 10" secs=
  case $1 in
    noop) secs=${noop_of[$key]:-} ;;
    one) secs=${one_of[$key]:-} ;;
    day) secs=${day_of[$key]:-} ;;
  esac
  if [ -z "$secs" ]; then
    echo "| $2 ≤ $3 % of full build | $key | — | not measured |"
  else
    local share
    share=$(percent "$secs" "${full_of[$key]}")
    echo "| $2 ≤ $3 % of full build | $key | $share % | $(held "$share" "$3") |"
  fi
}
held() { awk -v a="$1" -v b="$2" 'BEGIN { print (a <= b ? "yes" : "no") }'; }

targets() {
  echo "Targets (the first table):"
  echo
  echo "| target | corpus | measured | held |"
  echo "|---|---|---|---|"
  share_target one "one new capture" 10 1000
  share_target one "one new capture" 5 10000
  share_target day "a day of captures" 15 10000
  share_target noop "no-op" 5 1000
  share_target noop "no-op" 5 10000
  local n limit key
  for n in 1000 10000; do
    key="$n x 10"
    limit=0.7
    [ $n = 1000 ] || limit=0.5
    if [ -z "${full_of[$key]:-}" ]; then
      echo "| full build ≤ $limit × Hugo | $key | — | not measured |"
    else
      local r
      r=$(ratio "${full_of[$key]}" "${hugo_of[$key]}")
      echo "| full build ≤ $limit × Hugo | $key | $r × | $(held "$r" $limit) |"
    fi
  done
  key="10000 x 10"
  if [ -z "${rss_of[$key]:-}" ]; then
    echo "| peak RSS ≤ 512 MiB | $key | — | not measured |"
  else
    echo "| peak RSS ≤ 512 MiB | $key | ${rss_of[$key]} MiB | $(held "${rss_of[$key]}" 512) |"
  fi
  if [ -n "$failure" ]; then
    echo "| incremental == full, every step | ${compared:+$compared, }$size x $versions | — | no |"
  elif [ -n "$compared" ]; then
    echo "| incremental == full, every step | $compared | 3 steps × 2 tables each | yes |"
  else
    echo "| incremental == full, every step | — | — | not measured |"
  fi
}

table=$work/table.md
{
  echo "| corpus | pages | full build s | pages/s | no-op s (% of full) | one new capture s (% of full) | a day of captures s (% of full) | peak RSS MiB | Hugo s (Palimpsest ÷ Hugo) | git diff s (Palimpsest ÷ git) | incremental == full |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
} >"$table"
jar_table=$work/jar-table.md
{
  echo "| corpus | full build s | no-op s (% of full) | one new capture s (% of full) | a day of captures s (% of full) | peak RSS MiB | incremental == full |"
  echo "|---|---|---|---|---|---|---|"
} >"$jar_table"

for size in ${sizes//,/ }; do
  corpus=$work/corpus-$size-x$versions
  # Three sites of one name in different folders, so that a page that named its folder would
  # not make them differ.
  site=$work/launcher/site-$size
  jar_site=$work/jar/site-$size
  reference=$work/reference/site-$size
  mkdir -p "${site%/*}" "${jar_site%/*}" "${reference%/*}"
  if [ ! -d "$corpus" ]; then
    [ -f "$synth" ] || { echo "no corpus writer at $synth; set SYNTH" >&2; exit 2; }
    echo "writing a corpus of $size documents x $versions versions" >&2
    rm -rf "$corpus.partial"
    python3 "$synth" --docs "$size" --versions "$versions" "$corpus.partial" >/dev/null
    mv "$corpus.partial" "$corpus"
  fi
  pairs=$work/pairs-$size-x$versions.txt
  find "$corpus" -type f -name '*Z.*' | sort | awk -F/ '{
      dir = $0; sub("/[^/]*$", "", dir)
      if (dir == last) print prev " " $0
      last = dir; prev = $0 }' >"$pairs"

  # Step 3's document is the first; step 4's are every 100th from the 50th (1 %, at least one),
  # spread over the sources, which sort apart.
  mapfile -t documents < <(find "$corpus" -mindepth 2 -maxdepth 2 -type d ! -name '.*' | sort)
  count=${#documents[@]}
  day_count=$((count / 100))
  [ $day_count -ge 1 ] || day_count=1
  stride=$((count / day_count))
  newest=$(find "$corpus" -type f -name '*Z.*' -printf '%f\n' | sort | tail -1)
  one_time=$(($(epoch "$newest") + 3600))

  unset best_full best_noop best_one best_day best_hugo best_git
  unset best_jfull best_jnoop best_jone best_jday peak_rss peak_jrss
  hugo_built=
  # Machines drift; runs of the tools take turns, and each tool's best time is kept. Within a
  # run, the launcher and java -jar take turns at each step.
  for run in $(seq "$repeat"); do
    echo "$size: full build ($run of $repeat)" >&2
    forget_sites
    # Each tool goes first in turn: the first build of a run follows the deletions and writes
    # of the steps before it more closely.
    if [ $((run % 2)) = 1 ]; then
      build "$site"; best full "$secs"; peak rss "$rss_mib"
      jar_build "$jar_site"; best jfull "$secs"; peak jrss "$rss_mib"
    else
      jar_build "$jar_site"; best jfull "$secs"; peak jrss "$rss_mib"
      build "$site"; best full "$secs"; peak rss "$rss_mib"
    fi
    pages=$(find "$site" -type f | wc -l)

    echo "$size: no-op rebuild, nothing changed ($run of $repeat)" >&2
    build "$site"; best noop "$secs"; peak rss "$rss_mib"
    jar_build "$jar_site"; best jnoop "$secs"; peak jrss "$rss_mib"
    compare "no-op rebuild"

    echo "$size: rebuild after one new capture ($run of $repeat)" >&2
    add_capture "${documents[0]}" "$one_time" paragraph
    build "$site"; best one "$secs"; peak rss "$rss_mib"
    jar_build "$jar_site"; best jone "$secs"; peak jrss "$rss_mib"
    compare "one new capture"

    echo "$size: rebuild after a day of captures, $day_count documents ($run of $repeat)" >&2
    for i in $(seq 0 $((day_count - 1))); do
      how=word
      [ $((i % 2)) = 0 ] || how=paragraph
      add_capture "${documents[$((stride / 2 + i * stride))]}" \
        $((one_time + (i + 1) * 86400 / day_count)) "$how"
    done
    build "$site"; best day "$secs"; peak rss "$rss_mib"
    jar_build "$jar_site"; best jday "$secs"; peak jrss "$rss_mib"
    compare "a day of captures"
    remove_captures
    forget_sites

    if [ -z "$hugo_built" ]; then
      python3 bench/hugo_site.py --corpus "$corpus" --pages "$pages" --out "$work/hugo-$size"
      hugo_built=1
    fi
    echo "$size: Hugo, $pages pages ($run of $repeat)" >&2
    rm -rf "$work/hugo-$size/public"
    timed hugo --quiet -s "$work/hugo-$size" -d "$work/hugo-$size/public"; best hugo "$secs"

    echo "$size: git diff --no-index --word-diff over consecutive pairs ($run of $repeat)" >&2
    timed sh -c 'while read -r a b; do git diff --no-index --word-diff "$a" "$b"; done <"$1" || true' \
      sh "$pairs"; best git "$secs"
  done

  key="$size x $versions"
  full_of[$key]=$best_full noop_of[$key]=$best_noop one_of[$key]=$best_one
  day_of[$key]=$best_day hugo_of[$key]=$best_hugo rss_of[$key]=$peak_rss
  compared=${compared:+$compared, }$key
  echo "| $key | $pages | $best_full | $(ratio "$pages" "$best_full" | awk '{ printf "%.0f", $1 }') | $best_noop ($(percent "$best_noop" "$best_full") %) | $best_one ($(percent "$best_one" "$best_full") %) | $best_day ($(percent "$best_day" "$best_full") %) | $peak_rss | $best_hugo ($(ratio "$best_full" "$best_hugo")) | $best_git ($(ratio "$best_full" "$best_git")) | yes |" >>"$table"
  echo "| $key | $best_jfull | $best_jnoop ($(percent "$best_jnoop" "$best_jfull") %) | $best_jone ($(percent "$best_jone" "$best_jfull") %) | $best_jday ($(percent "$best_jday" "$best_jfull") %) | $peak_jrss | yes |" >>"$jar_table"
  write_results
done

cat bench/results/latest.md
