#!/usr/bin/env bash
# Tolok ukur anggaran (isu 9; bukan tes). Setiap waktu dicetak di samping
# garis dasarnya dari lari yang sama (SUM … GROUP BY telanjang atas baris
# yang sama), lihat docs/tolok-ukur.md.
#
#   1. Provinsi: satu instansi, 40 unit × 300 sub kegiatan × 12 bulan
#      (144.000 baris realisasi): nilai uang dan tanda, SQLite dan PostgreSQL.
#   2. Nasional (PostgreSQL): 550 instansi × 1.500 sub kegiatan × 12 bulan
#      (±9,9 juta baris): rekap nasional; sasaran ≤ 3× garis dasar.
#
# Pemakaian: bash scripts/bench_anggaran.sh [INSTANSI_NASIONAL] [SUBKEGIATAN_NASIONAL]
set -euo pipefail
cd "$(dirname "$0")/.."
NI="${1:-550}"
NS="${2:-1500}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/kinerja-target}"
bash scripts/postgres.sh >/dev/null
cargo build --release -q -p kinerja
cargo build --release -q -p app --example waktu_anggaran
BIN="$CARGO_TARGET_DIR/release/kinerja"
WAKTU="$CARGO_TARGET_DIR/release/examples/waktu_anggaran"
kerja=$(mktemp -d)
trap 'rm -rf "$kerja"' EXIT
PG_DASAR=postgres://kinerja:kinerja@127.0.0.1:5432
buat_pg() { su postgres -c "dropdb --if-exists $1" >/dev/null 2>&1 || true; su postgres -c "createdb -O kinerja $1"; }

echo "== mesin =="
echo "$(nproc) inti; $(free -g | awk '/Mem:/{print $2}') GiB; PostgreSQL $(su postgres -c 'psql -tAc "show server_version"')"

echo "== provinsi: 1 instansi × 40 unit × 300 sub kegiatan × 12 bulan =="
"$BIN" seed --anggaran-instansi 1 --anggaran-unit 40 --anggaran-subkegiatan 12000 --tahun 2026 --data-dir "$kerja/sqlite" 2>&1 | tail -1
"$WAKTU" "sqlite://$kerja/sqlite/kinerja.db" provinsi 2026 | sed 's/^/SQLite: /'
buat_pg kinerja_bench_prov
"$BIN" seed --anggaran-instansi 1 --anggaran-unit 40 --anggaran-subkegiatan 12000 --tahun 2026 --database-url "$PG_DASAR/kinerja_bench_prov" 2>&1 | tail -1
"$WAKTU" "$PG_DASAR/kinerja_bench_prov" provinsi 2026 | sed 's/^/PostgreSQL: /'

echo "== nasional (PostgreSQL): $NI instansi × $NS sub kegiatan × 12 bulan =="
buat_pg kinerja_bench_nas
/usr/bin/time -f "muat: %e s, RSS puncak %M KB" "$BIN" seed --anggaran-instansi "$NI" --anggaran-unit 10 --anggaran-subkegiatan "$NS" --tahun 2026 --database-url "$PG_DASAR/kinerja_bench_nas" 2>&1 | tail -2
"$WAKTU" "$PG_DASAR/kinerja_bench_nas" nasional 2026 | sed 's/^/PostgreSQL: /'
su postgres -c "dropdb --if-exists kinerja_bench_prov; dropdb --if-exists kinerja_bench_nas" >/dev/null 2>&1 || true
