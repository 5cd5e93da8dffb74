#!/usr/bin/env bash
# Times `recip` as a whole process on generated 1-, 10- and 20-year journals and prints a
# table of medians and ratios: open + `where`, `log`, `search`, `list --limit 20`, and the
# export and import of the 10-year journal (with peak memory when /usr/bin/time is there).
# When `jrnl` is on PATH, the same 10-year journal's exchanges are written as a jrnl journal
# and `search` and `list` are compared with jrnl's. The journals are built from the sample
# journal (`recip demo`), so the script needs nothing but `recip`.
#
#   scripts/bench-cli.sh [RUNS]        (build first: cargo build --release --bin recip)
#
# Uses hyperfine when installed (it tries `apt-get install -y hyperfine` as root and goes on
# without it otherwise), else a timing loop. Everything it writes is in a temporary folder.
set -euo pipefail

RUNS=${1:-10}
TARGET_DIR=${CARGO_TARGET_DIR:-target}
RECIP=${RECIP:-$TARGET_DIR/release/recip}
RECIP=$(realpath "$RECIP")
[[ -x $RECIP ]] || { echo "no $RECIP: run cargo build --release --bin recip" >&2; exit 1; }

if ! command -v hyperfine >/dev/null && [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null 2>&1 || true
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

# median_ms COMMAND...: the median wall time of RUNS runs (after one warm-up), in ms.
median_ms() {
  if command -v hyperfine >/dev/null; then
    local cmd
    cmd=$(printf '%q ' "$@")
    hyperfine -N --style none --warmup 1 --runs "$RUNS" --export-json h.json "$cmd" >/dev/null
    python3 -c 'import json; print("%.1f" % (1000 * json.load(open("h.json"))["results"][0]["median"]))'
  else
    "$@" >/dev/null 2>&1 || true
    local times=()
    for ((i = 0; i < RUNS; i++)); do
      local t0=$(date +%s%N)
      "$@" >/dev/null 2>&1 || true
      times+=($(($(date +%s%N) - t0)))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f\n", m / 1e6}'
  fi
}

ratio() { python3 -c "print('%.2f' % ($1 / $2))"; }

echo "machine: $(nproc) cpus, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "timer: $(command -v hyperfine >/dev/null && hyperfine --version || echo 'timing loop'), $RUNS runs, medians"
echo

# A journal of N years: ten sample journals of N years (seeds 1 to 10) imported into one,
# about 5,000 exchanges a year (the 10-year journal holds about 50,000).
make_journal() {
  local years=$1
  for seed in $(seq 1 10); do
    "$RECIP" --db "s$seed.db" demo --seed "$seed" --years "$years" >/dev/null
    "$RECIP" --db "s$seed.db" export "s$seed.json" >/dev/null
    "$RECIP" --db "j$years.db" import "s$seed.json" >/dev/null
    rm -f "s$seed".*
  done
  # The first open of a day checks every page and takes the daily backup; time the rest.
  "$RECIP" --db "j$years.db" where >/dev/null
}
for years in 1 10 20; do make_journal "$years"; done

printf '%-28s %10s %10s %10s %10s %10s\n' command "1y ms" "10y ms" "20y ms" "10y/1y" "20y/1y"
row() {
  local name=$1; shift
  local t1 t10 t20
  t1=$(median_ms "$RECIP" --db j1.db "$@")
  t10=$(median_ms "$RECIP" --db j10.db "$@")
  t20=$(median_ms "$RECIP" --db j20.db "$@")
  printf '%-28s %10s %10s %10s %10s %10s\n' "$name" "$t1" "$t10" "$t20" "$(ratio "$t10" "$t1")" "$(ratio "$t20" "$t1")"
}
row "where (open)" where
row "log" log given "Bench Neighbour" "Lent a ladder" -r neighbour
row "search ladder" search ladder
row "list --limit 20" list --limit 20
echo

"$RECIP" --db j10.db export export10.json >/dev/null
exchanges=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["exchanges"]))' export10.json)
echo "10-year journal: $exchanges exchanges, $(du -h j10.db | cut -f1) journal, $(du -h export10.json | cut -f1) JSON"
export_ms=$(median_ms "$RECIP" --db j10.db export "$WORK/out.json")
rm -f fresh.db*
import_once() { rm -rf fresh.db* backups; "$RECIP" --db fresh.db import export10.json; }
export -f import_once; export RECIP
import_ms=$(median_ms bash -c "cd '$WORK' && import_once")
echo "export: $export_ms ms; import into a new journal: $import_ms ms (median, the new journal's creation included)"
if [[ -x /usr/bin/time ]]; then
  rm -rf fresh.db* backups
  /usr/bin/time -v "$RECIP" --db fresh.db import export10.json 2>time.txt >/dev/null
  echo "import peak memory: $(awk -F: '/Maximum resident/ {printf "%.0f MB", $2 / 1024}' time.txt)," \
       "wall $(awk '/Elapsed/ {print $NF}' time.txt)"
fi
echo

if command -v jrnl >/dev/null; then
  python3 - export10.json jrnl.txt <<'EOF'
import json, sys
doc = json.load(open(sys.argv[1]))
names = {p["id"]: p["name"] for p in doc["people"]}
with open(sys.argv[2], "w") as out:
    for e in sorted(doc["exchanges"], key=lambda e: e["occurred_on"]):
        title = f'{e["direction"]} {names.get(e["person_id"], "?")}: {e["what"]}'.replace("\n", " ")
        out.write(f'[{e["occurred_on"]} 09:00:00 AM] {title}\n{e.get("note") or ""}\n\n')
EOF
  cat >jrnl.yaml <<EOF
colors: {body: none, date: none, tags: none, title: none}
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default:
    journal: $WORK/jrnl.txt
linewrap: 79
tagsymbols: '#@'
template: false
timeformat: '%F %r'
version: v4.2
EOF
  jrnl_search=$(median_ms jrnl --config-file "$WORK/jrnl.yaml" -contains ladder -n 50)
  jrnl_list=$(median_ms jrnl --config-file "$WORK/jrnl.yaml" -n 20)
  recip_search=$(median_ms "$RECIP" --db j10.db search ladder)
  recip_list=$(median_ms "$RECIP" --db j10.db list --limit 20)
  echo "against jrnl $(jrnl --version 2>/dev/null | head -1 | awk '{print $NF}'), the same $exchanges exchanges as entries:"
  printf '%-28s %10s %10s %12s\n' command "recip ms" "jrnl ms" "jrnl/recip"
  printf '%-28s %10s %10s %12s\n' "search ladder (50)" "$recip_search" "$jrnl_search" "$(ratio "$jrnl_search" "$recip_search")"
  printf '%-28s %10s %10s %12s\n' "list --limit 20 / -n 20" "$recip_list" "$jrnl_list" "$(ratio "$jrnl_list" "$recip_list")"
else
  echo "jrnl is not on PATH: the comparison with jrnl was skipped (pip install jrnl to run it)"
fi
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
