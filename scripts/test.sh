#!/usr/bin/env bash
# Menjalankan seluruh rangkaian tes Kinerja:
#   1. memastikan PostgreSQL berjalan (terpasang tetapi mati di mesin baru),
#   2. cargo test untuk semua crate, setiap tes penyimpanan pada SQLite DAN PostgreSQL,
#   3. tes peramban (Chromium + playwright-core) pada layar 360 px.
# Dipakai juga oleh .ci/run. Tes PostgreSQL wajib (KINERJA_WAJIB_PG=1): bila
# PostgreSQL tidak dapat dijalankan, skrip ini gagal, tidak diam-diam melewatinya.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/kinerja-target}"
export KINERJA_WAJIB_PG=1

bash scripts/postgres.sh
# pdftotext (poppler-utils): tes crates/laporan dan tes peramban membaca isi PDF.
if ! command -v pdftotext >/dev/null; then
  echo "memasang poppler-utils (paket Debian)" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
fi
# Basis data tes baru setiap kali: tes membuat satu skema per tes dan tidak menghapusnya.
su postgres -c "dropdb --if-exists kinerja_test && createdb -O kinerja kinerja_test"
export KINERJA_TEST_PG_URL="${KINERJA_TEST_PG_URL:-postgres://kinerja:kinerja@127.0.0.1:5432/kinerja_test}"

echo "== cargo test (SQLite + PostgreSQL) =="
# Berkas SQLite tes (satu per tes, ±32 MB berisi data rujukan) tidak dihapus
# tes itu sendiri: bersihkan sebelum dan sesudah lari agar disk tidak penuh.
UJI_SQLITE="${TMPDIR:-/tmp}/kinerja-uji"
rm -rf "$UJI_SQLITE"
cargo build -p kinerja
cargo test --workspace --no-fail-fast 2>&1 | tee /tmp/kinerja-cargo-test.log
rm -rf "$UJI_SQLITE"
if grep -q "test result: FAILED" /tmp/kinerja-cargo-test.log; then
  echo "cargo test gagal" >&2
  exit 1
fi

echo "== tes peramban (Chromium, 360 px) =="
bash scripts/browser.sh

echo "== schemathesis (OpenAPI: tanpa 5xx, jawaban cocok skema) =="
ST_WAKTU=120 bash scripts/schemathesis.sh
su postgres -c "dropdb --if-exists kinerja_st && createdb -O kinerja kinerja_st"
ST_WAKTU=90 bash scripts/schemathesis.sh "postgres://kinerja:kinerja@127.0.0.1:5432/kinerja_st"
