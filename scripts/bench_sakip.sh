#!/usr/bin/env bash
# Tolok ukur SAKIP (isu 10; bukan tes, tidak ada yang di-assert): satu
# instansi sintetis 40 unit × 300 sub kegiatan × 3 indikator (900 indikator
# keluaran), Renstra 3 tujuan × 4 sasaran × 2 IKU, tiap program bertaut ke
# dua sasaran, 40 usulan PK. wrk 2 thread 20 koneksi atas pohon (JSON dan
# SVG) dengan token super admin; LKjIP (JSON, XLSX, PDF) dan PK diukur
# berurutan (median dari 20 permintaan). /healthz telanjang sebagai garis
# dasar lari yang sama. SQLite lalu PostgreSQL. docs/tolok-ukur.md.
#
# Pemakaian: bash scripts/bench_sakip.sh [DETIK_WRK]
set -euo pipefail
cd "$(dirname "$0")/.."
DETIK="${1:-15}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/kinerja-target}"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
bash scripts/postgres.sh >/dev/null
cargo build --release -q -p kinerja
BIN="$CARGO_TARGET_DIR/release/kinerja"
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

median() { # url, header: median waktu 20 permintaan berurutan, ukuran jawaban
  local url=$1 h=$2
  for _ in $(seq 1 20); do
    curl -fs -o "$kerja/isi" -w '%{time_total}\n' -H "$h" "$url"
  done | sort -n | awk '{a[NR]=$1} END {printf "median %.1f ms, maks %.1f ms", a[int((NR+1)/2)]*1000, a[NR]*1000}'
  echo ", $(wc -c <"$kerja/isi") bita"
}

vmhwm() { awk '/VmHWM/{printf "%d MB", $2/1024}' "/proc/$1/status"; }

jalan() { # label, opsi basis data...
  local label=$1; shift
  echo "== $label: 1 instansi × 40 unit × 300 sub kegiatan × 3 indikator + SAKIP =="
  "$BIN" seed --anggaran-instansi 1 --anggaran-unit 40 --anggaran-subkegiatan 300 --anggaran-indikator 3 --sakip --tahun 2026 "$@" 2>&1 | tail -2
  "$BIN" user add --username bench --nama Bench --sandi sandi-bench-123 "$@" >/dev/null
  "$BIN" serve --listen 127.0.0.1:0 "$@" >"$kerja/alamat" 2>"$kerja/log" &
  local pid=$!
  for _ in $(seq 1 300); do [ -s "$kerja/alamat" ] && break; sleep 0.1; done
  local url; url=$(head -1 "$kerja/alamat")
  for _ in $(seq 1 300); do curl -fs "$url/healthz" >/dev/null && break; sleep 0.1; done
  local j="$kerja/cj"; rm -f "$j"
  local csrf
  csrf=$(curl -fs -c "$j" "$url/masuk" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -fs -b "$j" -c "$j" -o /dev/null -d "username=bench&sandi=sandi-bench-123&_csrf=$csrf" "$url/masuk"
  csrf=$(curl -fs -b "$j" "$url/akun" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  local token
  token=$(curl -fs -b "$j" -H "x-csrf-token: $csrf" -H 'content-type: application/json' \
    -d '{"nama":"bench","cakupan":"baca","hari":1}' "$url/api/v1/token" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  local A="Authorization: Bearer $token"
  local iid
  iid=$(curl -fs -H "$A" "$url/api/v1/instansi" | python3 -c 'import json,sys; d=json.load(sys.stdin); d=d.get("isi",d) if isinstance(d,dict) else d; print([i["id"] for i in d if i.get("kode_wilayah")][0])')
  local dasar="$url/api/v1/instansi/$iid/sakip/2026"
  echo "simpul pohon: $(curl -fs -H "$A" "$dasar/pohon" | python3 -c '
import json,sys
def n(s): return sum(1+n(x["anak"]) for x in s)
def i(s): return sum(len(x["indikator"])+i(x["anak"]) for x in s)
d=json.load(sys.stdin); print(n(d), "simpul,", i(d), "indikator")')"
  printf '%-40s %s\n' "garis dasar /healthz:" "$(ukur_wrk "$url/healthz")"
  printf '%-40s %s\n' "GET …/sakip/2026/pohon:" "$(ukur_wrk "$dasar/pohon" "$A")"
  printf '%-40s %s\n' "GET …/sakip/2026/pohon?format=svg:" "$(ukur_wrk "$dasar/pohon?format=svg" "$A")"
  printf '%-40s %s\n' "LKjIP JSON:" "$(median "$dasar/lkjip" "$A")"
  printf '%-40s %s\n' "LKjIP XLSX:" "$(median "$dasar/lkjip.xlsx" "$A")"
  printf '%-40s %s\n' "LKjIP PDF:" "$(median "$dasar/lkjip.pdf" "$A")"
  printf '%-40s %s\n' "PK (40 unit, capaian tiap baris):" "$(median "$dasar/perjanjian" "$A")"
  echo "RSS puncak server: $(vmhwm $pid)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  : >"$kerja/alamat"
}

mkdir -p "$kerja/sqlite"
jalan SQLite --data-dir "$kerja/sqlite"
su postgres -c "dropdb --if-exists kinerja_bench_sakip" >/dev/null 2>&1 || true
su postgres -c "createdb -O kinerja kinerja_bench_sakip"
jalan PostgreSQL --database-url "$PG_DASAR/kinerja_bench_sakip" --data-dir "$kerja/pg"
su postgres -c "dropdb --if-exists kinerja_bench_sakip" >/dev/null 2>&1 || true
