#!/bin/sh
# agenda against its peers on the same text, for BENCHMARKS.md:
#   benches/peers.sh DIR LINES [QUERY ...]
# DIR: a corpus (examples/gen_corpus); LINES: its searchable text, one
# field a line (examples/search_lines). Runs hyperfine on `agenda search`,
# `fzf --filter` and examples/nucleo_filter for each query (default: three
# that hit and one that does not), `agenda status` against `agenda check`,
# and prints peak RSS. Needs fzf, hyperfine, /usr/bin/time and release
# builds: cargo build --release --bin agenda --example nucleo_filter.
set -eu
dir=$1
lines=$2
shift 2
[ $# -gt 0 ] || set -- kindertagesstaetten "sanierung hauptstr" "amt soziales" "zwqx haushalt"
root=$(cd "$(dirname "$0")/.." && pwd)
agenda=$root/target/release/agenda
nucleo=$root/target/release/examples/nucleo_filter
runs=${RUNS:-6}
out=${OUT:-/tmp/agenda-peers}
mkdir -p "$out"
# No real home, config or state is read or written.
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data"
export AGENDA_CONFIG="$home/no-config.toml" LANG=de_DE.UTF-8

n=0
for query in "$@"; do
	n=$((n + 1))
	echo "== $query: $(fzf --filter "$query" <"$lines" | wc -l) lines (fzf)," \
		"$("$nucleo" "$query" <"$lines" | wc -l) (nucleo)," \
		"$("$agenda" search "$dir" "$query" | wc -l) records (agenda)"
	# A query without hits exits 1 in all three: -i.
	hyperfine -i -w 1 -r "$runs" --export-markdown "$out/query$n.md" \
		-n agenda "'$agenda' search '$dir' '$query' >/dev/null" \
		-n fzf "fzf --filter '$query' <'$lines' >/dev/null" \
		-n nucleo "'$nucleo' '$query' <'$lines' >/dev/null"
done

echo "== status against check"
hyperfine -w 1 -r "$runs" --export-markdown "$out/status.md" \
	-n status "'$agenda' --today 2022-09-01 status '$dir' >/dev/null" \
	-n check "'$agenda' check '$dir' >/dev/null"

echo "== peak RSS"
for what in "search $dir amt" "status $dir" "check $dir"; do
	# shellcheck disable=SC2086 # the words are meant to split
	/usr/bin/time -f "agenda $what: %M kB" "$agenda" $what >/dev/null || true
done
/usr/bin/time -f "fzf --filter amt: %M kB" fzf --filter amt <"$lines" >/dev/null
/usr/bin/time -f "nucleo_filter amt: %M kB" "$nucleo" amt <"$lines" >/dev/null
