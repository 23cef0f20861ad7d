#!/bin/bash
# bench/compare.sh: brief beside its peers on the same inputs, as issue 17
# measures it. Not run by CI. It builds brief and bench/gen, writes the
# inputs (a few hundred MB) under WORKDIR, installs newsboat from the
# distribution's packages when it is missing (apt-get; as root or through
# sudo), and runs each pair interleaved (A B A B …), RUNS times: the
# table shows medians of wall time and peak memory (GNU time's maximum
# resident set) and the ratio against the peer or the target.
#
#   bench/compare.sh [-n RUNS] [WORKDIR]     (default 5 runs, /tmp/brief-compare)
#
# The machine should be as quiet as it can be; on a shared one, compare
# ratios, not times.
set -euo pipefail
RUNS=5
if [ "${1:-}" = "-n" ]; then RUNS=$2; shift 2; fi
W=${1:-/tmp/brief-compare}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$W"
W=$(cd "$W" && pwd)

need() { command -v "$1" >/dev/null 2>&1; }
install_pkg() {
	local sudo=""
	[ "$(id -u)" = 0 ] || sudo=sudo
	$sudo apt-get install -y "$@" >/dev/null || { $sudo apt-get update >/dev/null && $sudo apt-get install -y "$@" >/dev/null; }
}
need newsboat || install_pkg newsboat
need script || install_pkg bsdutils
[ -x /usr/bin/time ] || install_pkg time
need python3 || install_pkg python3

echo "building brief and bench/gen…" >&2
(cd "$ROOT" && go build -o "$W/brief" ./cmd/brief && go build -o "$W/gen" ./bench/gen)
B=$W/brief

# Inputs, made once.
for shape in flat flat-reversed; do
	[ -d "$W/folder-$shape" ] || "$W/gen" folder 10000 "$W/folder-$shape" "$shape"
done
mkdir -p "$W/feeds"
[ -f "$W/feeds/big.xml" ] || "$W/gen" feed 10000 "$W/feeds/big.xml"
for i in $(seq -w 0 99); do [ -f "$W/feeds/f$i.xml" ] || "$W/gen" feed 1000 "$W/feeds/f$i.xml"; done
[ -f "$W/lib/brief/brief.db" ] || { echo "building the 100k library (about a minute)…" >&2; "$W/gen" library 100000 "$W/lib/brief/brief.db"; }
printf 'The Harbour Tram\n\n%s\n' "$(for i in $(seq 40); do printf 'The council voted to extend the harbour tram line. '; done)" > "$W/story.txt"

# A loopback server for the feeds.
PORT=18917
(cd "$W/feeds" && exec python3 -m http.server $PORT --bind 127.0.0.1 >/dev/null 2>&1) &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
sleep 1
URL=http://127.0.0.1:$PORT

# Per-tool state for the refresh rows: brief's XDG folders with
# max_items = 0 (keep every item, as newsboat does) and an OPML of the
# feeds; newsboat's url file and cache.
opml() { # opml FILE URL...
	local f=$1; shift
	{ echo '<?xml version="1.0"?><opml version="2.0"><head><title>bench</title></head><body>'
	  for u in "$@"; do echo "<outline type=\"rss\" text=\"$u\" xmlUrl=\"$u\"/>"; done
	  echo '</body></opml>'; } > "$f"
}
opml "$W/one.opml" "$URL/big.xml"
opml "$W/hundred.opml" $(for i in $(seq -w 0 99); do echo "$URL/f$i.xml"; done)
echo "$URL/big.xml" > "$W/one.urls"
for i in $(seq -w 0 99); do echo "$URL/f$i.xml"; done > "$W/hundred.urls"

prep_brief() { # prep_brief OPML: a fresh library subscribed to the feeds, nothing fetched
	rm -rf "$W/state"; mkdir -p "$W/state/cfg/brief" "$W/state/data"
	echo 'max_items = 0' > "$W/state/cfg/brief/config.toml"
	XDG_CONFIG_HOME=$W/state/cfg XDG_DATA_HOME=$W/state/data "$B" import "$1" >/dev/null
}
prep_newsboat() { rm -rf "$W/nb"; mkdir -p "$W/nb"; : > "$W/nb/config"; }

# measure NAME PREP CMD: one run (PREP untimed); appends "seconds KB".
measure() {
	local name=$1 prep=$2 cmd=$3
	[ -z "$prep" ] || eval "$prep"
	/usr/bin/time -f "%e %M" -o "$W/t.$$" bash -c "$cmd" >/dev/null 2>&1 || true
	cat "$W/t.$$" | tail -1 >> "$W/res.$name"
}
median() { sort -n -k"$2" "$W/res.$1" | awk -v k="$2" '{a[NR]=$k} END {print a[int((NR+1)/2)]}'; }

# pair TITLE NAME_A PREP_A CMD_A NAME_B PREP_B CMD_B: interleaved runs.
ROWS=()
pair() {
	local title=$1 na=$2 pa=$3 ca=$4 nb=$5 pb=$6 cb=$7
	rm -f "$W/res.$na" "$W/res.$nb"
	for _ in $(seq "$RUNS"); do measure "$na" "$pa" "$ca"; measure "$nb" "$pb" "$cb"; done
	local ta tb ma mb
	ta=$(median "$na" 1); tb=$(median "$nb" 1); ma=$(median "$na" 2); mb=$(median "$nb" 2)
	ROWS+=("$(printf '| %s | %s s, %s MB | %s s, %s MB | %s | %s |' "$title" "$ta" $((ma / 1024)) "$tb" $((mb / 1024)) \
		"$(awk -v a="$ta" -v b="$tb" 'BEGIN {printf (b > 0 ? "%.2f×" : "-"), a / b}')" \
		"$(awk -v a="$ma" -v b="$mb" 'BEGIN {printf (b > 0 ? "%.2f×" : "-"), a / b}')")")
	echo "${ROWS[-1]}" >&2
}

EMPTY="XDG_CONFIG_HOME=$W/empty XDG_DATA_HOME=$W/empty"
LIB="XDG_CONFIG_HOME=$W/empty XDG_DATA_HOME=$W/lib"
STATE="XDG_CONFIG_HOME=$W/state/cfg XDG_DATA_HOME=$W/state/data"

pair "brief list, 10,000 chained files named in reading order (vs cat; target ≤ 2×)" \
	list-fwd "" "$EMPTY $B list $W/folder-flat" \
	cat-fwd "" "find $W/folder-flat -type f -print0 | xargs -0 cat"
pair "brief list, the same files named in reverse (vs cat; target ≤ 2×)" \
	list-rev "" "$EMPTY $B list $W/folder-flat-reversed" \
	cat-rev "" "find $W/folder-flat-reversed -type f -print0 | xargs -0 cat"
pair "brief list \| head -50 on a 100k library (target ≤ 0.1 s, ≤ 64 MB) vs the whole list (target ≤ 0.5 s)" \
	list-head "" "$LIB $B list | head -50" \
	list-all "" "$LIB $B list"
pair "first refresh, 1 feed × 10,000 items, all kept (vs newsboat -x reload)" \
	ref1-brief "prep_brief $W/one.opml" "$STATE $B refresh" \
	ref1-nb prep_newsboat "newsboat -u $W/one.urls -c $W/nb/cache.db -C $W/nb/config -x reload"
pair "first refresh, 100 feeds × 1,000 items (vs newsboat -x reload)" \
	ref100-brief "prep_brief $W/hundred.opml" "$STATE $B refresh" \
	ref100-nb prep_newsboat "newsboat -u $W/hundred.urls -c $W/nb/cache.db -C $W/nb/config -x reload"
pair "brief read on a pty that answers no query, auto style vs --style dark (target: ≤ ~0.1 s more)" \
	pty-auto "" "$EMPTY script -qec '$B read $W/story.txt' /dev/null </dev/null" \
	pty-dark "" "$EMPTY script -qec '$B read --style dark $W/story.txt' /dev/null </dev/null"
pair "start-up: brief --version (vs newsboat --version)" \
	ver-brief "" "$B --version" \
	ver-nb "" "newsboat --version"

echo
echo "$RUNS interleaved runs each, medians; load average $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
echo
echo "| row | brief (or A) | peer (or B) | time A/B | memory A/B |"
echo "|---|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"
