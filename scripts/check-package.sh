#!/usr/bin/env bash
# Checks the .deb the way a person installing it meets it, without installing anything:
# unpacks it into a temporary root, then checks the package's version against Cargo's, the
# desktop entry (desktop-file-validate), every icon's size against the folder it sits in,
# that `recip` runs and reports the same version, and finally starts the unpacked app under
# the current display (run it under Xvfb) through tauri-driver to see its window open a journal.
#   scripts/check-package.sh PATH/TO/reciprocity-journal.deb
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[package] %s\n' "$*"; }
fail() {
  printf '[package] FAILED: %s\n' "$*" >&2
  exit 1
}

# The newest .deb given (older versions may still lie in the bundle folder).
deb=""
for candidate in "$@"; do
  if [[ -z $deb || $candidate -nt $deb ]]; then deb=$candidate; fi
done
[[ -f $deb ]] || fail "no .deb given (run \`make bundle\` first)"

root=$(mktemp -d "${TMPDIR:-/tmp}/recip-package-XXXXXX")
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"
say "unpacked $(basename "$deb") ($(du -h "$deb" | cut -f1)) into $root"

# The version: the package's, the workspace's (Cargo.toml) and `recip --version` agree.
want=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)
have=$(dpkg-deb -f "$deb" Version)
[[ $have == "$want" ]] || fail "the package is version $have, Cargo.toml says $want"
say "version $have, as in Cargo.toml"

app="$root/usr/bin/reciprocity-desktop"
[[ -x $app ]] || fail "the app is not at /usr/bin/reciprocity-desktop"
recip="$root/usr/bin/recip"
[[ -x $recip ]] || fail "recip is not installed beside the app at /usr/bin/recip"
recip_version=$("$recip" --version) || fail "recip --version did not run"
[[ $recip_version == "recip $want" ]] || fail "recip --version says “$recip_version”, not “recip $want”"
db="$root/journal.sqlite3"
"$recip" --db "$db" person add "Sam Lee" --relationship friend >/dev/null ||
  fail "the installed recip could not start a journal"
say "recip runs: $recip_version"

# The desktop entry: valid, and it starts the installed app.
entries=("$root"/usr/share/applications/*.desktop)
[[ ${#entries[@]} -eq 1 && -f ${entries[0]} ]] || fail "expected one desktop entry, found ${#entries[@]}"
desktop-file-validate "${entries[0]}" || fail "desktop-file-validate refused $(basename "${entries[0]}")"
for key in Name Comment Categories Keywords; do
  grep -q "^$key=." "${entries[0]}" || fail "the desktop entry has no $key"
done
grep -q '^Exec=reciprocity-desktop' "${entries[0]}" || fail "the desktop entry does not start reciprocity-desktop"
say "desktop entry $(basename "${entries[0]}") is valid"

# The icons: each PNG is as big as its hicolor folder says, and the sizes a menu needs exist.
python3 - "$root/usr/share/icons/hicolor" <<'EOF' || fail "the icons do not match their sizes"
import pathlib, struct, sys
root = pathlib.Path(sys.argv[1])
seen = set()
for png in sorted(root.glob("*/apps/*.png")):
    folder = png.parent.parent.name            # "128x128" or "128x128@2"
    size, _, scale = folder.partition("@")
    w, h = (int(n) * int(scale or 1) for n in size.split("x"))
    width, height = struct.unpack(">II", png.read_bytes()[16:24])
    if (width, height) != (w, h):
        sys.exit(f"{png.relative_to(root)} is {width}x{height}, its folder says {w}x{h}")
    seen.add(width)
missing = {32, 128, 256, 512} - seen
if missing:
    sys.exit(f"no icon of {sorted(missing)} pixels")
print(f"[package] icons of {sorted(seen)} pixels, each the size its folder says")
EOF

# The unpacked app opens a journal in its window.
RECIPROCITY_APP="$app" RECIPROCITY_CLI="$recip" RECIPROCITY_PACKAGE_DB="$db" \
  node --test --test-concurrency=1 e2e/package/
say "the package is sound"
