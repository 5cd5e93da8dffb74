#!/usr/bin/env bash
# Times a journal of about 50,000 exchanges reaching a second device through a sync folder:
# device A writes its first change file (every row), device B reads and merges it, then A
# logs one favour and B reads that small file. Prints rows, seconds and the load average
# before and after (the machine may be busy with other work: read the figures with it).
#
#   scripts/bench-sync.sh            (build first: cargo build --release --bin recip)
#   RECIPROCITY_PASSPHRASE=… scripts/bench-sync.sh     the same with encrypted change files
#
# The journal is built like scripts/bench-cli.sh's 10-year one: ten 10-year sample journals
# (seeds 1 to 10) imported into one. Everything it writes is in a temporary folder.
set -euo pipefail

TARGET_DIR=${CARGO_TARGET_DIR:-target}
RECIP=${RECIP:-$TARGET_DIR/release/recip}
RECIP=$(realpath "$RECIP")
[[ -x $RECIP ]] || { echo "no $RECIP: run cargo build --release --bin recip" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
mkdir -p a b shared

for seed in $(seq 1 10); do
  "$RECIP" --db "s$seed.db" demo --seed "$seed" --years 10 >/dev/null
  "$RECIP" --db "s$seed.db" export "s$seed.json" >/dev/null
  "$RECIP" --db a/journal.db import "s$seed.json" >/dev/null
  rm -f "s$seed".*
done
"$RECIP" --db a/journal.db where >/dev/null
"$RECIP" --db b/journal.db where >/dev/null

seconds() { python3 -c "import time; print('%.2f' % (time.time() - $1))"; }
now() { python3 -c 'import time; print(time.time())'; }

echo "machine: $(nproc) cpus, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
t=$(now)
"$RECIP" --db a/journal.db --json sync --folder shared > a.json 2>/dev/null
write_s=$(seconds "$t")
rows=$(python3 -c 'import json; print(json.load(open("a.json"))["rows_written"])')
bytes=$(du -sb shared | cut -f1)
t=$(now)
"$RECIP" --db b/journal.db --json sync --folder shared > b.json 2>/dev/null
read_s=$(seconds "$t")
taken=$(python3 -c 'import json; print(json.load(open("b.json"))["rows_taken"])')
"$RECIP" --db a/journal.db log given "Bench Neighbour" "Lent a ladder" -r neighbour >/dev/null
"$RECIP" --db a/journal.db sync >/dev/null 2>&1
t=$(now)
"$RECIP" --db b/journal.db sync >/dev/null 2>&1
small_s=$(seconds "$t")
"$RECIP" --db b/journal.db search ladder >found.txt
grep -q "Lent a ladder" found.txt || { echo "the favour did not reach device B" >&2; exit 1; }
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "rows in the first change file: $rows ($bytes bytes, $([[ -n ${RECIPROCITY_PASSPHRASE:-} ]] && echo encrypted || echo plain))"
echo "device A writes it:            ${write_s} s"
echo "device B reads and merges it:  ${read_s} s ($taken rows taken)"
echo "one favour, A to B (B's sync): ${small_s} s"
