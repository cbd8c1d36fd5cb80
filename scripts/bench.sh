#!/usr/bin/env bash
# Tolok ukur (bukan tes): setiap angka dicetak di samping garis dasarnya yang
# diukur dalam lari yang sama, agar hasil antar-mesin dapat dibandingkan
# (docs/tolok-ukur.md). Tidak ada yang di-assert.
#
#   1. API daftar pegawai pada demo (satu provinsi, 2.000 pegawai), token API,
#      wrk 2 thread 20 koneksi: /healthz telanjang sebagai garis dasar.
#   2. Halaman HTML daftar pegawai yang sama (cookie sesi).
#   3. Kueri hitung telanjang (COUNT atas pegawai satu instansi) lewat pool
#      yang sama dengan server: garis dasar biaya basis data.
#   4. Impor N pegawai (bawaan 100.000) dari CSV, dibanding muat massal mentah
#      baris yang sama ke tabel berstruktur sama: PostgreSQL `COPY`, SQLite
#      INSERT berparameter dalam satu transaksi.
#   5. RSS puncak (VmHWM) server dan perintah impor.
#
# Pemakaian: bash scripts/bench.sh [N] [DETIK_WRK]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-100000}"
DETIK="${2:-15}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/kinerja-target}"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
bash scripts/postgres.sh >/dev/null
cargo build --release -q -p kinerja
cargo build --release -q -p store --example waktu_kueri
BIN="$CARGO_TARGET_DIR/release/kinerja"
WAKTU="$CARGO_TARGET_DIR/release/examples/waktu_kueri"
kerja=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$kerja"' EXIT
PG_DASAR=postgres://kinerja:kinerja@127.0.0.1:5432
buat_pg() { su postgres -c "dropdb --if-exists $1" >/dev/null 2>&1 || true; su postgres -c "createdb -O kinerja $1"; }

echo "== mesin =="
echo "$(nproc) inti: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(free -g | awk '/Mem:/{print $2}') GiB; $(uname -r)"
echo "PostgreSQL $(su postgres -c 'psql -tAc "show server_version"'); wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}')"

# wrk → "req/s p99"
ukur_wrk() { # url, header...
  local url=$1; shift
  local h=()
  for x in "$@"; do h+=(-H "$x"); done
  wrk -t2 -c20 -d"${DETIK}s" --latency "${h[@]}" "$url" >"$kerja/wrk" 2>&1
  local rps p99 non2xx
  rps=$(awk '/Requests\/sec/{printf "%d", $2}' "$kerja/wrk")
  p99=$(awk '$1=="99%"{print $2}' "$kerja/wrk")
  non2xx=$(awk '/Non-2xx/{print " ("$NF" non-2xx!)"}' "$kerja/wrk")
  echo "$rps req/s, p99 $p99$non2xx"
}

vmhwm() { awk '/VmHWM/{printf "%d MB", $2/1024}' "/proc/$1/status"; }

baca_api() { # label, opsi basis data...
  local label=$1; shift
  echo "== baca: $label (demo, wrk -t2 -c20 -d${DETIK}s) =="
  "$BIN" serve --demo --listen 127.0.0.1:0 "$@" >"$kerja/alamat" 2>"$kerja/log" &
  local pid=$!
  for _ in $(seq 1 200); do [ -s "$kerja/alamat" ] && break; sleep 0.1; done
  local url; url=$(head -1 "$kerja/alamat")
  for _ in $(seq 1 300); do curl -fs "$url/healthz" >/dev/null && break; sleep 0.1; done
  echo "RSS puncak setelah demo siap: $(vmhwm $pid)"
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
  local iid
  iid=$(curl -fs -H "Authorization: Bearer $token" "$url/api/v1/instansi" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
  local dasar; dasar=$(ukur_wrk "$url/healthz")
  echo "garis dasar /healthz:                $dasar"
  for x in "" "/pegawai?per_halaman=10" "/pegawai?per_halaman=100"; do
    printf '%-36s %s\n' "GET /api/v1/instansi/{iid}$x:" "$(ukur_wrk "$url/api/v1/instansi/$iid$x" "Authorization: Bearer $token")"
  done
  printf '%-36s %s\n' "HTML /instansi/{iid}/pegawai (100):" "$(ukur_wrk "$url/instansi/$iid/pegawai?per_halaman=100" "Cookie: kinerja_sesi=$ses")"
  echo "RSS puncak server: $(vmhwm $pid)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  : >"$kerja/alamat"
  echo "$iid" >"$kerja/iid"
}

baca_api SQLite --data-dir "$kerja/demo-sqlite"
echo "garis dasar COUNT(*) pegawai satu instansi (SQLite, 2.000 baris): $("$WAKTU" "sqlite://$kerja/demo-sqlite/kinerja.db" 2000 'SELECT COUNT(*) FROM pegawai WHERE instansi_id = $1' "$(cat "$kerja/iid")") µs/kueri"
buat_pg kinerja_bench_demo
baca_api PostgreSQL --database-url "$PG_DASAR/kinerja_bench_demo"
echo "garis dasar COUNT(*) pegawai satu instansi (PostgreSQL, 2.000 baris): $("$WAKTU" "$PG_DASAR/kinerja_bench_demo" 2000 'SELECT COUNT(*) FROM pegawai WHERE instansi_id = $1' "$(cat "$kerja/iid")") µs/kueri"

echo "== bahan impor: $N pegawai dalam satu instansi (seed), diekspor ke CSV =="
"$BIN" seed --scale "$N" --per-instansi "$N" --data-dir "$kerja/sumber" >/dev/null
IID=$("$BIN" instansi list --data-dir "$kerja/sumber" | awk -F'\t' '$2!="nasional"{print $1; exit}')
"$BIN" export pegawai --instansi "$IID" --format csv --output "$kerja/pegawai.csv" --data-dir "$kerja/sumber"
"$BIN" export unit --instansi "$IID" --format csv --output "$kerja/unit-dengan-id.csv" --data-dir "$kerja/sumber"
# Instansi tujuan baru: id unit asal tidak berlaku di sana, unit dicocokkan dengan nama/jalur.
cut -d, -f2- "$kerja/unit-dengan-id.csv" >"$kerja/unit.csv"
# Pejabat negara (tanpa NIP) dirujuk dengan id instansi asal, yang tidak
# berlaku di instansi tujuan; barisnya dan rujukan ke id itu dibuang.
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
echo "$(($(wc -l <"$kerja/pegawai.csv") - 1)) baris, $(du -h "$kerja/pegawai.csv" | cut -f1)"

# Impor lewat Kinerja; keluarannya: detik. RSS puncak dicetak ke layar.
impor() { # opsi basis data...
  "$BIN" user add --username bench --nama Bench --sandi bench-sandi-123 "$@" >/dev/null 2>&1 || true
  local i2
  i2=$("$BIN" instansi add --nama "Instansi Uji Impor" --jenis kabupaten --kode-wilayah 81.01 "$@" 2>/dev/null | tail -1)
  "$BIN" import unit "$kerja/unit.csv" --instansi "$i2" "$@" >/dev/null
  /usr/bin/time -f "%e %M" -o "$kerja/waktu" "$BIN" import pegawai "$kerja/pegawai.csv" --instansi "$i2" "$@" >"$kerja/impor.log"
  echo "$i2" >"$kerja/i2"
}

echo "== impor $N pegawai: SQLite =="
impor --data-dir "$kerja/impor-sqlite"
read -r detik kb <"$kerja/waktu"
DB="$kerja/impor-sqlite/kinerja.db"
# Muat mentah: baris yang baru diimpor, ke tabel baru berkolom dan berindeks
# sama (tanpa kunci asing), dengan satu INSERT tersiap untuk semua baris
# dalam satu transaksi (modul sqlite3 Python: executemany).
mentah=$(python3 - "$DB" "$(cat "$kerja/i2")" <<'PY'
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
baris = c.execute("SELECT * FROM pegawai WHERE instansi_id = ?", (sys.argv[2],)).fetchall()
kolom = [d[1] for d in c.execute("PRAGMA table_info(pegawai)")]
c.execute("CREATE TABLE pegawai_mentah AS SELECT * FROM pegawai WHERE 0")
c.execute("CREATE UNIQUE INDEX pegawai_mentah_pk ON pegawai_mentah (instansi_id, id)")
c.execute("CREATE UNIQUE INDEX pegawai_mentah_nip ON pegawai_mentah (instansi_id, nip)")
for (nama, sql) in c.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'pegawai' AND sql IS NOT NULL").fetchall():
    c.execute(sql.replace(nama, nama + "_mentah", 1).replace(" ON pegawai ", " ON pegawai_mentah "))
c.execute("PRAGMA synchronous = NORMAL")
sql = "INSERT INTO pegawai_mentah VALUES (%s)" % ", ".join("?" * len(kolom))
mulai = time.perf_counter()
c.execute("BEGIN")
c.executemany(sql, baris)
c.execute("COMMIT")
print("%.2f" % (time.perf_counter() - mulai))
PY
)
printf 'impor Kinerja: %s s (%s MB RSS); muat mentah: %.2f s; rasio mentah/Kinerja: %d %%\n' \
  "$detik" "$((kb / 1024))" "$mentah" "$(echo "$mentah * 100 / $detik" | bc)"
/usr/bin/time -f "%e" -o "$kerja/waktu" "$BIN" import pegawai "$kerja/pegawai.csv" --instansi "$(cat "$kerja/i2")" --data-dir "$kerja/impor-sqlite" >/dev/null
echo "impor ulang (semua tidak berubah): $(cat "$kerja/waktu") s"

echo "== impor $N pegawai: PostgreSQL =="
buat_pg kinerja_bench
PG="$PG_DASAR/kinerja_bench"
impor --database-url "$PG"
read -r detik kb <"$kerja/waktu"
psql -q "$PG" -c "\\copy (SELECT * FROM pegawai WHERE instansi_id = '$(cat "$kerja/i2")') TO '$kerja/mentah-pg.csv' CSV"
psql -q "$PG" -c "CREATE TABLE pegawai_mentah (LIKE pegawai INCLUDING ALL)"
mulai=$(date +%s.%N)
psql -q "$PG" -c "\\copy pegawai_mentah FROM '$kerja/mentah-pg.csv' CSV"
mentah=$(echo "$(date +%s.%N) - $mulai" | bc)
printf 'impor Kinerja: %s s (%s MB RSS); COPY mentah: %.2f s; rasio mentah/Kinerja: %d %%\n' \
  "$detik" "$((kb / 1024))" "$mentah" "$(echo "$mentah * 100 / $detik" | bc)"
/usr/bin/time -f "%e" -o "$kerja/waktu" "$BIN" import pegawai "$kerja/pegawai.csv" --instansi "$(cat "$kerja/i2")" --database-url "$PG" >/dev/null
echo "impor ulang (semua tidak berubah): $(cat "$kerja/waktu") s"
