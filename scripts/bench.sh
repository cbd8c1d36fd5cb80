#!/usr/bin/env bash
# Tolok ukur (bukan tes): angka dicatat di catatan penutup, bukan di-assert.
#   1. impor 100.000 pegawai dari CSV, di SQLite dan PostgreSQL;
#   2. halaman daftar pegawai pada satu instansi berisi 100.000 pegawai, di
#      bawah wrk pada loopback (permintaan/detik dan p99).
# Pemakaian: bash scripts/bench.sh [N]   (bawaan N=100000)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-100000}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/kinerja-target}"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
bash scripts/postgres.sh >/dev/null
cargo build --release -p kinerja
BIN="$CARGO_TARGET_DIR/release/kinerja"
kerja=$(mktemp -d)
trap 'rm -rf "$kerja"; kill $(jobs -p) 2>/dev/null || true' EXIT
PG=postgres://kinerja:kinerja@127.0.0.1:5432/kinerja_bench
su postgres -c "dropdb --if-exists kinerja_bench" >/dev/null 2>&1 || true
su postgres -c "createdb -O kinerja kinerja_bench"

echo "== bahan: $N pegawai dalam satu instansi (seed), diekspor ke CSV =="
/usr/bin/time -f "seed SQLite: %e s, %M KB" "$BIN" seed --scale "$N" --per-instansi "$N" --data-dir "$kerja/sumber"
"$BIN" user add --username bench --nama Bench --sandi bench-sandi-123 --data-dir "$kerja/sumber" 2>/dev/null
IID=$("$BIN" instansi list --data-dir "$kerja/sumber" | awk -F'\t' '$2!="nasional"{print $1; exit}')
"$BIN" export pegawai --instansi "$IID" --format csv --output "$kerja/pegawai.csv" --data-dir "$kerja/sumber"
"$BIN" export unit --instansi "$IID" --format csv --output "$kerja/unit-dengan-id.csv" --data-dir "$kerja/sumber"
# Instansi tujuan baru: id unit asal tidak berlaku di sana, unit dicocokkan dengan nama/jalur.
cut -d, -f2- "$kerja/unit-dengan-id.csv" > "$kerja/unit.csv"
# Instansi tujuan baru: pejabat negara (tanpa NIP) dirujuk dengan id instansi
# asal, yang tidak berlaku di sana; barisnya dan rujukan ke id itu dibuang.
python3 - "$kerja/pegawai.csv" <<'PY'
import csv, sys
p = sys.argv[1]
with open(p, encoding="utf-8-sig", newline="") as f:
    baris = list(csv.DictReader(f))
kolom = list(baris[0].keys())
with open(p, "w", encoding="utf-8", newline="") as f:
    w = csv.DictWriter(f, fieldnames=kolom)
    w.writeheader()
    for r in baris:
        if r["jenis_asn"] == "pejabat_negara":
            continue
        if not (len(r["nip_atasan"]) == 18 and r["nip_atasan"].isdigit()):
            r["nip_atasan"] = ""
        w.writerow(r)
PY
wc -l "$kerja/pegawai.csv"

impor() { # nama, opsi basis data...
  local nama=$1; shift
  "$BIN" user add --username "bench" --nama Bench --sandi bench-sandi-123 "$@" >/dev/null 2>&1 || true
  local i2
  i2=$("$BIN" instansi add --nama "Instansi Uji Impor" --jenis kabupaten --kode-wilayah 81.01 "$@" 2>/dev/null | tail -1)
  "$BIN" import unit "$kerja/unit.csv" --instansi "$i2" "$@" >/dev/null
  /usr/bin/time -f "impor $N pegawai ($nama): %e s, %M KB" "$BIN" import pegawai "$kerja/pegawai.csv" --instansi "$i2" "$@" | grep -v "jabatan:" | head -5
  /usr/bin/time -f "impor ulang, tidak berubah ($nama): %e s, %M KB" "$BIN" import pegawai "$kerja/pegawai.csv" --instansi "$i2" "$@" | head -1
}
impor SQLite --data-dir "$kerja/impor-sqlite"
impor PostgreSQL --database-url "$PG"

# Satu server, masuk sebagai bench, lalu wrk atas tiga halaman daftar.
ukur() { # label, id instansi, opsi basis data...
  local label=$1 iid=$2; shift 2
  echo "== halaman daftar pegawai ($label), $N pegawai, wrk 30 s, 2 thread, 32 koneksi =="
  "$BIN" serve --listen 127.0.0.1:0 "$@" >"$kerja/alamat" 2>"$kerja/log" &
  local pid=$!
  for i in $(seq 1 60); do [ -s "$kerja/alamat" ] && break; sleep 0.5; done
  local url; url=$(head -1 "$kerja/alamat")
  rm -f "$kerja/cj"
  curl -s -c "$kerja/cj" "$url/masuk" -o "$kerja/m.html"
  local cs; cs=$(grep -o 'name="_csrf" value="[^"]*"' "$kerja/m.html" | head -1 | sed 's/.*value="//;s/"//')
  curl -s -b "$kerja/cj" -c "$kerja/cj" -X POST -d "username=bench&sandi=bench-sandi-123&_csrf=$cs" "$url/masuk" -o /dev/null
  local ses; ses=$(awk '$6=="kinerja_sesi"{print $7}' "$kerja/cj")
  for jalur in "/instansi/$iid/pegawai" "/instansi/$iid/pegawai?halaman=2000" "/instansi/$iid/pegawai?cari=latu"; do
    echo "-- $jalur"
    wrk -t2 -c32 -d30s --latency -H "Cookie: kinerja_sesi=$ses" -H "Accept-Encoding: br, gzip" "$url$jalur" | grep -E "Requests/sec|99%|Non-2xx|Socket errors" || true
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
  : >"$kerja/alamat"
}
ukur SQLite "$IID" --data-dir "$kerja/sumber"
IID_PG=$("$BIN" instansi list --database-url "$PG" | awk -F'\t' '$3=="Instansi Uji Impor"{print $1; exit}')
ukur PostgreSQL "$IID_PG" --database-url "$PG"
