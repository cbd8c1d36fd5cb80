#!/usr/bin/env bash
# Tolok ukur aksi perubahan (isu 13; bukan tes, tidak ada yang di-assert):
# dasbor provinsi atas N proyek × T tonggak (bawaan 5.000 × 8) di provinsi
# demo dan 11 kabupaten/kotanya, wrk 2 thread 20 koneksi dengan token
# admin.bkd (provinsi: melihat semuanya). /healthz telanjang sebagai garis
# dasar lari yang sama. SQLite lalu PostgreSQL. docs/tolok-ukur.md.
#
# Pemakaian: bash scripts/bench_aksi.sh [N] [T] [DETIK_WRK]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-5000}"
T="${2:-8}"
DETIK="${3:-15}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/kinerja-target}"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
bash scripts/postgres.sh >/dev/null
cargo build --release -q -p kinerja
cargo build --release -q -p app --example isi_aksi
BIN="$CARGO_TARGET_DIR/release/kinerja"
ISI="$CARGO_TARGET_DIR/release/examples/isi_aksi"
kerja=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$kerja"' EXIT
PG_DASAR=postgres://kinerja:kinerja@127.0.0.1:5432

echo "== mesin =="
echo "$(nproc) inti: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(free -g | awk '/Mem:/{print $2}') GiB; beban $(cut -d' ' -f1-3 /proc/loadavg)"

ukur_wrk() { # url, header...
  local url=$1; shift
  local h=()
  for x in "$@"; do h+=(-H "$x"); done
  wrk -t2 -c20 -d"${DETIK}s" --latency "${h[@]}" "$url" >"$kerja/wrk" 2>&1
  local rps p50 p99 non2xx
  rps=$(awk '/Requests\/sec/{printf "%.1f", $2}' "$kerja/wrk")
  p50=$(awk '$1=="50%"{print $2}' "$kerja/wrk")
  p99=$(awk '$1=="99%"{print $2}' "$kerja/wrk")
  non2xx=$(awk '/Non-2xx/{print " ("$NF" non-2xx!)"}' "$kerja/wrk")
  echo "$rps req/s, p50 $p50, p99 $p99$non2xx"
}

vmhwm() { awk '/VmHWM/{printf "%d MB", $2/1024}' "/proc/$1/status"; }

jalan() { # label, url basis data, opsi serve...
  local label=$1 url_db=$2; shift 2
  echo "== $label: $N proyek × $T tonggak =="
  "$ISI" "$url_db" "$N" "$T"
  "$BIN" serve --listen 127.0.0.1:0 "$@" >"$kerja/alamat" 2>"$kerja/log" &
  local pid=$!
  for _ in $(seq 1 300); do [ -s "$kerja/alamat" ] && break; sleep 0.1; done
  local url; url=$(head -1 "$kerja/alamat")
  for _ in $(seq 1 300); do curl -fs "$url/healthz" >/dev/null && break; sleep 0.1; done
  local j="$kerja/cj"; rm -f "$j"
  local csrf
  csrf=$(curl -fs -c "$j" "$url/masuk" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -fs -b "$j" -c "$j" -o /dev/null -d "username=admin.bkd&sandi=kinerja-demo&_csrf=$csrf" "$url/masuk"
  csrf=$(curl -fs -b "$j" "$url/akun" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  local token
  token=$(curl -fs -b "$j" -H "x-csrf-token: $csrf" -H 'content-type: application/json' \
    -d '{"nama":"bench","cakupan":"baca","hari":1}' "$url/api/v1/token" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  local ses; ses=$(awk '$6=="kinerja_sesi"{print $7}' "$j")
  echo "proyek terlihat: $(curl -fs -H "Authorization: Bearer $token" "$url/api/v1/aksi-perubahan" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')"
  printf '%-44s %s\n' "garis dasar /healthz:" "$(ukur_wrk "$url/healthz")"
  printf '%-44s %s\n' "GET /api/v1/aksi-perubahan/dasbor:" "$(ukur_wrk "$url/api/v1/aksi-perubahan/dasbor" "Authorization: Bearer $token")"
  printf '%-44s %s\n' "GET /api/v1/aksi-perubahan (halaman 1):" "$(ukur_wrk "$url/api/v1/aksi-perubahan" "Authorization: Bearer $token")"
  printf '%-44s %s\n' "GET /api/v1/aksi-perubahan?wilayah=81.71:" "$(ukur_wrk "$url/api/v1/aksi-perubahan?wilayah=81.71" "Authorization: Bearer $token")"
  printf '%-44s %s\n' "HTML /aksi-perubahan/dasbor:" "$(ukur_wrk "$url/aksi-perubahan/dasbor" "Cookie: kinerja_sesi=$ses")"
  echo "ukuran HTML dasbor: $(curl -fs -H "Cookie: kinerja_sesi=$ses" "$url/aksi-perubahan/dasbor" | wc -c) bita, gzip $(curl -fs -H 'Accept-Encoding: gzip' -H "Cookie: kinerja_sesi=$ses" "$url/aksi-perubahan/dasbor" | wc -c) bita"
  echo "RSS puncak server: $(vmhwm $pid)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  : >"$kerja/alamat"
}

mkdir -p "$kerja/sqlite"
jalan SQLite "sqlite://$kerja/sqlite/kinerja.db" --data-dir "$kerja/sqlite"
su postgres -c "dropdb --if-exists kinerja_bench_aksi" >/dev/null 2>&1 || true
su postgres -c "createdb -O kinerja kinerja_bench_aksi"
jalan PostgreSQL "$PG_DASAR/kinerja_bench_aksi" --database-url "$PG_DASAR/kinerja_bench_aksi" --data-dir "$kerja/pg"
su postgres -c "dropdb --if-exists kinerja_bench_aksi" >/dev/null 2>&1 || true
