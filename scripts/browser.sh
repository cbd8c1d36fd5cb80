#!/usr/bin/env bash
# Tes peramban: memasang Chromium Debian (dan poppler-utils) serta playwright-core bila belum ada,
# menyalakan Kinerja demo pada port bebas, lalu menjalankan tests/browser/*.mjs.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/kinerja-target}"
# poppler-utils: pdftotext untuk tes isi PDF crate laporan.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/pdftotext ]; then
  echo "memasang chromium dan poppler-utils (paket Debian)" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils >/dev/null
fi
if [ ! -d tests/browser/node_modules/playwright-core ]; then
  (cd tests/browser && npm install --no-audit --no-fund --silent)
fi
data=$(mktemp -d)
out=$(mktemp)
"$CARGO_TARGET_DIR/debug/kinerja" serve --demo --listen 127.0.0.1:0 --data-dir "$data" >"$out" 2>"$data/log" &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$data" "$out"' EXIT
for i in $(seq 1 120); do
  [ -s "$out" ] && break
  sleep 0.5
done
url=$(head -1 "$out")
[ -n "$url" ] || { echo "server tidak mulai:"; cat "$data/log"; exit 1; }
for i in $(seq 1 60); do
  curl -fs "$url/healthz" >/dev/null && break
  sleep 0.5
done
KINERJA_URL="$url" node --test tests/browser/
