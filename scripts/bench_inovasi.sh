#!/usr/bin/env bash
# Tolok ukur inovasi (isu 12; bukan tes, tidak ada yang di-assert), SQLite lalu
# PostgreSQL, build rilis, docs/tolok-ukur.md bagian "Inovasi":
#
#   1. Pencarian repositori atas N inovasi (bawaan 30.000: 200 LAN + sintetis
#      yang dirakit dari teks LAN): GET /api/v1/inovasi?cari=… di bawah wrk
#      -t2 -c20 dengan skrip Lua yang bergiliran atas 16 kueri (kata biasa,
#      berimbuhan, salah ketik, beberapa kata, dengan saringan), token API;
#      p50/p99 di samping garis dasar /healthz.
#   2. Peringkat dan potongan: satu kompetisi ENTRI entri (bawaan 3.500) × JURI
#      juri (bawaan 5) yang semuanya sudah menilai; waktu menutup tahap lewat
#      layanan (baca nilai, `peringkat` per kelompok, tulis hasil), aturan
#      `peringkat` murni, dan penugasan juri murni.
#
# Pemakaian: bash scripts/bench_inovasi.sh [N] [ENTRI] [JURI] [DETIK]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-30000}"
ENTRI="${2:-3500}"
JURI="${3:-5}"
DETIK="${4:-20}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/kinerja-target}"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
bash scripts/postgres.sh >/dev/null
cargo build --release -q -p kinerja
cargo build --release -q -p app --example isi_inovasi
BIN="$CARGO_TARGET_DIR/release/kinerja"
ISI="$CARGO_TARGET_DIR/release/examples/isi_inovasi"
kerja=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$kerja"' EXIT
PG_DASAR=postgres://kinerja:kinerja@127.0.0.1:5432

echo "== mesin =="
echo "$(nproc) inti: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(free -g | awk '/Mem:/{print $2}') GiB; beban $(cut -d' ' -f1-3 /proc/loadavg)"

cat >"$kerja/cari.lua" <<'LUA'
local kueri = {
  "layanan", "pelayanan%20kesehatan", "surat%20elektronik", "persuratn", "puskesmas",
  "izin%20usaha", "anggaran", "e-budgeting", "pendidikan%20sekolah", "sampah",
  "akta%20kependudukan", "pelayanan%20publik%20terpadu", "kesehatn%20ibu", "digital",
  "layanan&wilayah=35", "inovasi&penghargaan=ada",
}
local token = os.getenv("TOKEN")
local n = 0
function request()
  n = n + 1
  local q = kueri[(n % #kueri) + 1]
  return wrk.format("GET", "/api/v1/inovasi?cari=" .. q, { ["Authorization"] = "Bearer " .. token })
end
LUA

ukur_wrk() { # url, skrip?, header...
  local url=$1 skrip=$2; shift 2
  local h=()
  for x in "$@"; do h+=(-H "$x"); done
  local s=()
  [ -n "$skrip" ] && s=(-s "$skrip")
  wrk -t2 -c20 -d"${DETIK}s" --latency "${s[@]}" "${h[@]}" "$url" >"$kerja/wrk" 2>&1
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
  echo "== $label: $N inovasi, kompetisi $ENTRI entri × $JURI juri =="
  "$ISI" "$url_db" "$N" "$ENTRI" "$JURI" >"$kerja/ringkas"
  echo "peringkat dan potongan: $(cat "$kerja/ringkas")"
  "$BIN" serve --listen 127.0.0.1:0 "$@" >"$kerja/alamat" 2>"$kerja/log" &
  local pid=$!
  for _ in $(seq 1 300); do [ -s "$kerja/alamat" ] && break; sleep 0.1; done
  local url; url=$(head -1 "$kerja/alamat")
  for _ in $(seq 1 300); do curl -fs "$url/healthz" >/dev/null && break; sleep 0.1; done
  local j="$kerja/cj"; rm -f "$j"
  local csrf
  csrf=$(curl -fs -c "$j" "$url/masuk" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -fs -b "$j" -c "$j" -o /dev/null -d "username=operator.ambon&sandi=kinerja-demo&_csrf=$csrf" "$url/masuk"
  csrf=$(curl -fs -b "$j" "$url/akun" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  TOKEN=$(curl -fs -b "$j" -H "x-csrf-token: $csrf" -H 'content-type: application/json' \
    -d '{"nama":"bench","cakupan":"baca","hari":1}' "$url/api/v1/token" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  export TOKEN
  echo "inovasi di repositori: $(curl -fs "$url/api/v1/inovasi?per_halaman=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')"
  echo "contoh 'persuratn': $(curl -fs -H "Authorization: Bearer $TOKEN" "$url/api/v1/inovasi?cari=persuratn&per_halaman=3" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["total"], "hasil; koreksi", d["koreksi"])')"
  printf '%-44s %s\n' "garis dasar /healthz:" "$(ukur_wrk "$url/healthz" "")"
  # Tanpa tembolok: setiap kueri dihitung (satu koneksi, 16 kueri × halaman 1–3).
  echo "satu kueri tanpa tembolok (ms, 16 kueri × 3, tertinggi dulu):"
  for q in layanan pelayanan%20kesehatan surat%20elektronik persuratn puskesmas izin%20usaha anggaran e-budgeting \
           pendidikan%20sekolah sampah akta%20kependudukan pelayanan%20publik%20terpadu kesehatn%20ibu digital \
           "layanan&wilayah=35" "inovasi&penghargaan=ada"; do
    for h in 1 2 3; do
      # Server baru dan (kueri, halaman) berbeda: tidak pernah dari tembolok.
      curl -fs -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" \
        "$url/api/v1/inovasi?cari=$q&halaman=$h"
    done
  done | sort -rn | awk '{printf "%.0f ", $1*1000} END {print ""}'
  # Pemanasan 5 detik (tembolok terisi), lalu ukur.
  DETIK_ASLI=$DETIK; DETIK=5; ukur_wrk "$url/api/v1/inovasi" "$kerja/cari.lua" >/dev/null; DETIK=$DETIK_ASLI
  printf '%-44s %s\n' "GET /api/v1/inovasi?cari=… (16 kueri):" "$(ukur_wrk "$url/api/v1/inovasi" "$kerja/cari.lua")"
  printf '%-44s %s\n' "GET /api/v1/inovasi (tanpa kata):" "$(ukur_wrk "$url/api/v1/inovasi" "" "Authorization: Bearer $TOKEN")"
  echo "RSS puncak server: $(vmhwm $pid)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  : >"$kerja/alamat"
}

mkdir -p "$kerja/sqlite"
jalan SQLite "sqlite://$kerja/sqlite/kinerja.db" --data-dir "$kerja/sqlite"
su postgres -c "dropdb --if-exists kinerja_bench_inovasi" >/dev/null 2>&1 || true
su postgres -c "createdb -O kinerja kinerja_bench_inovasi"
jalan PostgreSQL "$PG_DASAR/kinerja_bench_inovasi" --database-url "$PG_DASAR/kinerja_bench_inovasi" --data-dir "$kerja/pg"
su postgres -c "dropdb --if-exists kinerja_bench_inovasi" >/dev/null 2>&1 || true
