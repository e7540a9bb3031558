#!/usr/bin/env bash
# Keeps the shared target directory from filling the disk. Cargo names a workspace crate's
# artifacts after the clone's path, so every clean clone (CI's among them) adds a full set of
# this workspace's binaries and incremental caches that no later build reuses. Past a size
# cap, delete this workspace's own artifacts and incremental caches not written in the last
# hour (third-party crates, shared by every clone, stay). Cargo rebuilds whatever it needs.
set -euo pipefail
target=${CARGO_TARGET_DIR:?CARGO_TARGET_DIR is not set}
cap_gb=${WIF_TARGET_CAP_GB:-25}
[[ -d $target ]] || exit 0
size_gb=$(( $(du -sk "$target" | cut -f1) / 1024 / 1024 ))
(( size_gb < cap_gb )) && exit 0
cd "$(dirname "$0")/.."
# The workspace's crates, its integration tests (a file, or a folder with main.rs) and its other
# binaries, as cargo names their artifacts (dashes as underscores). A glob that matches nothing
# must not stay a literal `*`: `-name '*-*'` would remove every crate's artifacts (it did, once
# the tests moved into server/tests/it/, whenever the directory passed its cap).
shopt -s nullglob
names=(server app frontend)
for t in server/tests/*.rs server/tests/*/main.rs server/src/bin/*.rs; do
  case $t in
    */main.rs) n=$(basename "$(dirname "$t")") ;;
    *) n=$(basename "$t" .rs) ;;
  esac
  [[ $n =~ ^[A-Za-z0-9_-]+$ ]] && names+=("${n//-/_}")
done
pattern=()
for n in "${names[@]}"; do pattern+=(-o -name "$n-*" -o -name "lib$n-*"); done
echo "prune-target: $target holds ${size_gb} GB (cap ${cap_gb} GB): removing stale workspace artifacts"
# cargo-leptos builds the front end in front/ (front/wasm32-unknown-unknown/wasm-dev and
# wasm-release, the profiles named in Cargo.toml).
for profile in "$target"/debug "$target"/release "$target"/front/*/* "$target"/wasm32-unknown-unknown/*; do
  [[ -d $profile ]] || continue
  find "$profile/incremental" -mindepth 1 -maxdepth 1 -mmin +60 -exec rm -rf {} + 2>/dev/null || true
  find "$profile/deps" -maxdepth 1 -mmin +60 \
    \( -false "${pattern[@]}" \) -exec rm -rf {} + 2>/dev/null || true
done
echo "prune-target: now $(du -sh "$target" | cut -f1)"
