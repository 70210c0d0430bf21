#!/usr/bin/env bash
# The benchmark of issue 13: one command that generates a realistic package (N phone-size photos with
# EXIF date and caption, reports, scans) and measures, in one run, on the same files:
#   read every byte (cat)  ·  exiftool -r -json over the photos  ·  evcheck cold  ·  evcheck again with its facts cache
#   (page cache dropped first, as for the others)  ·  and once more at once (page cache as that run left it)
# evcheck runs through its launcher (./evcheck), as a clerk or a CI job runs it.
# Cold runs drop the page cache first where permitted (root on Linux); otherwise they say so.
# Prints ratios to the read-every-byte time and peak RSS, and writes them to WORKDIR/results-N.txt.
#
#   bench/run.sh [N=1000] [WORKDIR=/tmp/evcheck-bench]
#
# RUNS=3 bench/run.sh …  runs exiftool and each evcheck measurement three times (each from a dropped page
# cache, the cold one each time from an empty facts cache) and reports the medians (peak RSS: the largest):
# this machine kind's disk and CPU vary by tens of per cent between minutes. Reading every byte runs once.
set -euo pipefail
runs="${RUNS:-1}"
n="${1:-1000}"
work="${2:-/tmp/evcheck-bench}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
./mvnw -q -B -DskipTests package test-compile
# One check of the demo package first, as a clerk's first run after installing (with a facts cache, as by
# default): it writes the launcher's class-data archive (target/evcheck.jsa), which the measured runs then
# start from.
rm -rf "$work/train-cache" target/evcheck.jsa
./evcheck check samples/青口中心卫生院 --rules samples/demo-rules.yaml --format json --output "$work/train" --cache "$work/train-cache" \
  --fail-on never --quiet
pkg="$work/pkg-$n"
if [ ! -f "$pkg.complete" ]; then
  java -cp target/test-classes:target/evcheck.jar cn.evcheck.bench.PhonePackage "$n" "$pkg"
  touch "$pkg.complete"
fi
rules="$work/rules.yaml"
out="$work/out"
results="$work/results-$n.txt"
drop() {
  sync
  if echo 3 > /proc/sys/vm/drop_caches 2>/dev/null; then cold="cold"; else cold="warm cache (could not drop it)"; fi
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
# measure NAME COMMAND…: wall seconds and peak RSS (KB) into $secs/$rss
measure() {
  local t; t="$(mktemp)"
  /usr/bin/time -f "%e %M" -o "$t" "$@" > /dev/null 2>&1 || true
  read -r secs rss < "$t"; rm -f "$t"
}
# median_of SETUP COMMAND…: runs SETUP (a shell snippet: dropping the page cache, emptying the facts cache)
# then COMMAND, $runs times; the median wall seconds into $secs, the largest peak RSS into $rss
median_of() {
  local setup="$1"; shift
  local all=() top=0
  for _ in $(seq "$runs"); do
    eval "$setup"
    measure "$@"
    all+=("$secs")
    [ "$rss" -gt "$top" ] && top=$rss
  done
  secs=$(printf '%s\n' "${all[@]}" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  rss=$top
}
photos=$(find "$pkg" -name '*.jpg' -path '*/图片/*' | wc -l)
bytes=$(du -sb "$pkg" | cut -f1)
drop; measure sh -c "find '$pkg' -type f -print0 | xargs -0 cat > /dev/null"; read_s=$secs; read_state=$cold
if command -v exiftool > /dev/null; then
  median_of drop exiftool -q -r -json "$pkg"; exif_s=$secs
else
  exif_s=""
fi
check=(./evcheck check "$pkg" --rules "$rules" --as-of 2020-12-31 --format json --output "$out" --fail-on never --quiet --cache "$work/cache-$n")
# Cold: page cache dropped and an empty facts cache; warm: the same again, with the facts cache it filled.
median_of 'rm -rf "$out" "$work/cache-$n"; drop' "${check[@]}"
cold_s=$secs; cold_rss=$rss; cold_state=$cold
cp "$out/report.json" "$work/report-cold.json"
median_of drop "${check[@]}"
warm_s=$secs; warm_rss=$rss
cmp -s "$out/report.json" "$work/report-cold.json" && same="same report" || same="REPORT DIFFERS"
# And once more right after, the page cache left as the last run left it: a clerk's re-run after a fix,
# where the JVM, the jar and the package's folders are still cached (the run above reads them from disk).
median_of : "${check[@]}"
again_s=$secs
{
  echo "evcheck benchmark $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores; $photos photos, $((bytes / 1000000)) MB in $pkg"
  if [ "$runs" -gt 1 ]; then echo "medians of $runs runs each (reading every byte: one run)"; fi
  printf '%-28s %8s %8s %10s\n' "command" "seconds" "ratio" "peak RSS"
  printf '%-28s %8.2f %8.2f %10s\n' "read every byte ($read_state)" "$read_s" 1 "-"
  if [ -n "$exif_s" ]; then printf '%-28s %8.2f %8.2f %10s\n' "exiftool -r -json" "$exif_s" "$(ratio "$exif_s" "$read_s")" "-";
  else echo "exiftool -r -json            (not installed: apt-get install libimage-exiftool-perl)"; fi
  printf '%-28s %8.2f %8.2f %7d MB\n' "evcheck ($cold_state)" "$cold_s" "$(ratio "$cold_s" "$read_s")" "$((cold_rss / 1024))"
  printf '%-28s %8.2f %8.2f %7d MB  (%s; %.3f of cold)\n' "evcheck again (facts cache)" "$warm_s" "$(ratio "$warm_s" "$read_s")" "$((warm_rss / 1024))" "$same" "$(awk -v a="$warm_s" -v b="$cold_s" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }')"
  printf '%-28s %8.2f %8.2f %10s  (%.3f of cold)\n' "  again, page cache kept" "$again_s" "$(ratio "$again_s" "$read_s")" "-" "$(awk -v a="$again_s" -v b="$cold_s" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }')"
} | tee "$results"
