#!/usr/bin/env bash
# Times Palimpsest site builds at scale, and Hugo and git over the same work.
#
#   bench/run.sh [--sizes 1000,10000] [--versions 10] [--repeat 3]
#
# For each size: a synthetic corpus (../shared/bench/synth.py), then a full build, a first
# rebuild after a snapshot was touched (which writes the launcher's class-data archive), a
# rebuild with nothing changed (which the launcher answers without a JVM) and
# a rebuild after one new snapshot, each timed with its peak RSS; Hugo
# rendering as many Markdown pages of the same texts; `git diff --no-index --word-diff` over
# every consecutive pair of snapshots. Palimpsest runs as README says to, through the launcher
# generator/target/palimpsest; its three builds are timed again with `java -jar`, which gives
# every build the JVM's defaults. Each is run --repeat times, the tools taking turns, and its
# best time is reported. Prints Markdown tables and writes them to bench/results/latest.md.
# Work files go to bench/work (not committed).
set -euo pipefail

cd "$(dirname "$0")/.."
root=$PWD
sizes=1000,10000
versions=10
repeat=3
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes=$2; shift 2 ;;
    --versions) versions=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
work=${BENCH_WORK:-$root/bench/work}
synth=${SYNTH:-$root/../shared/bench/synth.py}
# The heap a scheduled build would be given; peak RSS is measured with it.
java_opts=${BENCH_JAVA_OPTS:--Xmx256m}
export JAVA_OPTS=$java_opts
now=2026-11-24T00:00:00Z
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

# timed NAME COMMAND...: runs it under /usr/bin/time; sets secs and rss_mib.
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

# build: a build of the corpus into $site by the launcher, which picks the JVM options (for a
# rebuild, the quick compiler and a class-data archive that the first rebuild writes).
build() {
  timed "$launcher" build "$corpus" --out "$site" --now "$now" --quiet
}

# jar_build: the same into $jar_site with `java -jar`, the JVM's defaults for every build.
jar_build() {
  timed java $java_opts -jar "$jar" build "$corpus" --out "$jar_site" --now "$now" --quiet
}

# best NAME SECS: keeps the lowest time seen for NAME (in best_NAME).
best() {
  local var=best_$1 current
  current=${!var:-}
  if [ -z "$current" ] || python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) < float(sys.argv[2]) else 1)" "$2" "$current"; then
    printf -v "$var" '%s' "$2"
  fi
}

ratio() { python3 -c "import sys; a, b = map(float, sys.argv[1:]); print('%.2f' % (a / b if b else 0))" "$1" "$2"; }
percent() { python3 -c "import sys; a, b = map(float, sys.argv[1:]); print('%.1f' % (100 * a / b if b else 0))" "$1" "$2"; }

# The results so far, rewritten after each size so that a long run leaves the sizes it did.
write_results() {
  {
    echo "Palimpsest $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores, \`generator/target/palimpsest\` with JAVA_OPTS=$java_opts, best of $repeat runs;"
    echo "$(hugo version | cut -d' ' -f2), $(git --version); $(date -u +%Y-%m-%dT%H:%MZ)."
    echo
    cat "$table"
    echo
    echo "The same builds with \`java $java_opts -jar generator/target/palimpsest.jar\`, the JVM's defaults for every build:"
    echo
    cat "$jar_table"
  } >bench/results/latest.md
}

table=$work/table.md
{
  echo "| corpus | pages | full build s | pages/s | first rebuild s | no-op s (% of full) | one new snapshot s (% of full) | peak RSS MiB | Hugo s (Palimpsest ÷ Hugo) | git diff s (Palimpsest ÷ git) |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
} >"$table"
jar_table=$work/jar-table.md
{
  echo "| corpus | full build s | no-op s (% of full) | one new snapshot s (% of full) |"
  echo "|---|---|---|---|"
} >"$jar_table"

for size in ${sizes//,/ }; do
  corpus=$work/corpus-$size
  site=$work/site-$size
  jar_site=$work/jar-site-$size
  if [ ! -d "$corpus" ]; then
    echo "writing a corpus of $size documents x $versions versions" >&2
    python3 "$synth" --docs "$size" --versions "$versions" "$corpus" >/dev/null
  fi
  pairs=$work/pairs-$size.txt
  find "$corpus" -type f ! -name '*.properties' | sort | awk -F/ '{
      dir = $0; sub("/[^/]*$", "", dir)
      if (dir == last) print prev " " $0
      last = dir; prev = $0 }' >"$pairs"
  document=$(find "$corpus" -mindepth 2 -maxdepth 2 -type d | sort | sed -n 1p)
  latest=$(find "$document" -type f ! -name '*.properties' | sort | tail -1)
  added=$document/2099-01-01T00-00-00Z.${latest##*.}
  rm -f "$added"
  hugo_built=
  unset best_full best_first best_noop best_one best_hugo best_git best_jfull best_jnoop best_jone
  rss=0
  # Machines drift; runs of the tools take turns, and each tool's best time is kept.
  for run in $(seq "$repeat"); do
    echo "$size: full build ($run of $repeat)" >&2
    # A first build: no site, no build cache, no class-data archive.
    rm -rf "$site" "$work"/.site-"$size".*
    build; best full "$secs"; [ $rss_mib -gt $rss ] && rss=$rss_mib
    pages=$(find "$site" -type f | wc -l)

    # Touched, not changed: the launcher starts the JVM for it, which finds nothing changed.
    echo "$size: first rebuild, one snapshot touched, writing the class-data archive ($run of $repeat)" >&2
    touch "$latest"
    build; best first "$secs"; [ $rss_mib -gt $rss ] && rss=$rss_mib

    echo "$size: rebuild, nothing changed ($run of $repeat)" >&2
    build; best noop "$secs"; [ $rss_mib -gt $rss ] && rss=$rss_mib

    echo "$size: rebuild after one new snapshot ($run of $repeat)" >&2
    { cat "$latest"; printf '\n\nA paragraph added by the benchmark.\n'; } >"$added"
    build; best one "$secs"; [ $rss_mib -gt $rss ] && rss=$rss_mib
    rm -f "$added"

    echo "$size: the same three with java -jar ($run of $repeat)" >&2
    rm -rf "$jar_site" "$work"/.jar-site-"$size".*
    jar_build; best jfull "$secs"
    jar_build; best jnoop "$secs"
    { cat "$latest"; printf '\n\nA paragraph added by the benchmark.\n'; } >"$added"
    jar_build; best jone "$secs"
    rm -f "$added"

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
  full=$best_full first=$best_first noop=$best_noop one=$best_one hugo=$best_hugo git=$best_git
  jfull=$best_jfull jnoop=$best_jnoop jone=$best_jone

  echo "| $size x $versions | $pages | $full | $(python3 -c "print(round($pages / $full))") | $first | $noop ($(percent "$noop" "$full") %) | $one ($(percent "$one" "$full") %) | $rss | $hugo ($(ratio "$full" "$hugo")) | $git ($(ratio "$full" "$git")) |" >>"$table"
  echo "| $size x $versions | $jfull | $jnoop ($(percent "$jnoop" "$jfull") %) | $jone ($(percent "$jone" "$jfull") %) |" >>"$jar_table"
  write_results
done

cat bench/results/latest.md
