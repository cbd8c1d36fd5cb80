#!/usr/bin/env bash
# Tolok ukur SKP (isu 11; bukan tes, tidak ada yang di-assert). Tiga batang,
# SQLite lalu PostgreSQL, build rilis, docs/tolok-ukur.md bagian "SKP":
#
#   1. Membuka periode SKP untuk satu instansi N_BESAR pegawai (bawaan
#      100.000; `seed --scale N --per-instansi N`): `kinerja skp buka-periode`
#      dari awal sampai akhir proses (waktu dinding, RSS puncak), lalu sekali
#      lagi (idempoten: 0 dibuat).
#   2. Serbuan akhir bulan: AKUN pegawai (bawaan 5.000) di instansi kedua
#      (N_KAL pegawai, bawaan 10.000) masing-masing dengan token API `tulis`
#      (`seed --skp-instansi … --skp-akun N`: satu hash Argon2 untuk semua
#      akun) mengirim realisasi dengan foto JPEG 100 KB (dibuat sekali oleh
#      `seed --foto-keluar`; setiap kiriman diberi segmen komentar unik agar
#      setiap foto berkas baru, bukan dedup) ke
#      POST …/skp/{skp_id}/realisasi secepat server menerimanya: wrk
#      -t2 -cKONEKSI_UNGGAH dengan skrip Lua yang bergiliran atas
#      (token, skp_id, indikator_id). Sesudahnya: jumlah baris realisasi
#      berbukti sama dengan jumlah 201, dan setiap berkas asli ada di
#      penyimpanan; RSS puncak server (VmHWM) sesudah serbuan; lalu biaya
#      salinan malas (ADR 0017): mini pertama dan kedua satu foto.
#   3. Kalibrasi instansi N_KAL dengan rating TW I untuk semua: halaman
#      `GET /skp/kalibrasi?periode=…-TW1` (sesi admin instansi) dan API
#      `GET …/skp/kalibrasi/ringkasan` (token), wrk -t2 -c20.
#
# Pemakaian: bash scripts/bench_skp.sh [DETIK_WRK] [N_BESAR] [N_KAL] [AKUN]
# (KONEKSI_UNGGAH=20, DETIK_UNGGAH=30, HANYA=sqlite|pg lewat lingkungan.)
set -euo pipefail
cd "$(dirname "$0")/.."
DETIK="${1:-20}"
N_BESAR="${2:-100000}"
N_KAL="${3:-10000}"
AKUN="${4:-5000}"
KONEKSI_UNGGAH="${KONEKSI_UNGGAH:-20}"
DETIK_UNGGAH="${DETIK_UNGGAH:-30}"
TAHUN=2026
SANDI=sandi-skala-skp
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/kinerja-target}"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null; }
bash scripts/postgres.sh >/dev/null
cargo build --release -q -p kinerja
BIN="$CARGO_TARGET_DIR/release/kinerja"
kerja=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$kerja"' EXIT
PG_DASAR=postgres://kinerja:kinerja@127.0.0.1:5432

echo "== mesin =="
echo "$(nproc) inti: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(free -g | awk '/Mem:/{print $2}') GiB; $(uname -r); beban $(cut -d' ' -f1-3 /proc/loadavg)"
echo "PostgreSQL $(su postgres -c 'psql -tAc "show server_version"'); $(wrk -v 2>&1 | head -1 | awk '{print $1, $2}')"

# Skrip wrk: kiriman realisasi multipart bergiliran atas token.tsv.
cat >"$kerja/unggah.lua" <<'LUA'
local iid = os.getenv("SKP_IID")
local periode = os.getenv("SKP_PERIODE")
local benih = os.getenv("SKP_BENIH") or "0"
local f = assert(io.open(os.getenv("SKP_FOTO"), "rb"))
local foto = f:read("*a")
f:close()
local soi, sisa = foto:sub(1, 2), foto:sub(3)
local baris = {}
for l in io.lines(os.getenv("SKP_TOKEN")) do
  local t, s, i = l:match("^(%S+)\t(%S+)\t(%S+)$")
  if t then baris[#baris + 1] = { t, s, i } end
end
local B = "----kinerjaBenchSkp7MA4YWxkTrZu0gW"
local function isian(nama, nilai)
  return "--" .. B .. "\r\nContent-Disposition: form-data; name=\"" .. nama .. "\"\r\n\r\n" .. nilai .. "\r\n"
end
local semua = {}
function setup(thread)
  thread:set("id", #semua)
  semua[#semua + 1] = thread
end
function init(args)
  n, ok, gagal, dicetak = 0, 0, 0, 0
  jumlah_thread = tonumber(os.getenv("SKP_THREAD") or "2")
end
function request()
  n = n + 1
  local b = baris[((n * jumlah_thread + id) % #baris) + 1]
  -- Segmen komentar JPEG unik: setiap kiriman foto yang berbeda (bukan dedup).
  local unik = string.format("%s-%d-%d", benih, id, n)
  local com = "\255\254" .. string.char(math.floor((#unik + 2) / 256), (#unik + 2) % 256) .. unik
  local badan = isian("indikator_id", b[3]) .. isian("periode", periode)
    .. isian("realisasi", tostring(n % 12 + 1)) .. isian("catatan", "Laporan kegiatan akhir bulan")
    .. "--" .. B .. "\r\nContent-Disposition: form-data; name=\"bukti\"; filename=\"kegiatan.jpg\"\r\n"
    .. "Content-Type: image/jpeg\r\n\r\n" .. soi .. com .. sisa .. "\r\n--" .. B .. "--\r\n"
  return wrk.format("POST", "/api/v1/instansi/" .. iid .. "/skp/" .. b[2] .. "/realisasi", {
    ["Authorization"] = "Bearer " .. b[1],
    ["Content-Type"] = "multipart/form-data; boundary=" .. B,
  }, badan)
end
function response(status, headers, body)
  if status == 201 then
    ok = ok + 1
  else
    gagal = gagal + 1
    if dicetak < 3 then
      dicetak = dicetak + 1
      io.stderr:write("jawaban " .. status .. ": " .. body:sub(1, 300) .. "\n")
    end
  end
end
function done(summary, latency, requests)
  local o, g = 0, 0
  for _, t in ipairs(semua) do
    o = o + t:get("ok")
    g = g + t:get("gagal")
  end
  io.write(string.format("LUA ok=%d gagal=%d\n", o, g))
end
LUA

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

# Waktu dinding dan RSS puncak satu perintah: "… dalam X s, RSS puncak Y MB".
berwaktu() {
  /usr/bin/time -f '%e %M' -o "$kerja/waktu" "$@" >"$kerja/keluar" 2>"$kerja/galat" || { cat "$kerja/galat" >&2; return 1; }
  echo "$(cat "$kerja/keluar") dalam $(awk '{print $1}' "$kerja/waktu") s, RSS puncak $(awk '{printf "%d", $2/1024}' "$kerja/waktu") MB"
}

sql() { # perintah SQL → satu nilai
  if [ "$DB_JENIS" = sqlite ]; then sqlite3 "$DATA/kinerja.db" "$1"; else psql -qtA "$DB_URL" -c "$1"; fi
}

jalan() { # label, opsi basis data...
  local label=$1; shift
  echo "== $label =="
  berwaktu "$BIN" seed --scale "$N_BESAR" --per-instansi "$N_BESAR" "$@" >/dev/null
  echo "seed: $(tail -1 "$kerja/galat" | sed 's/.*INFO //') (proses $(awk '{print $1}' "$kerja/waktu") s)"
  local iid_besar iid_kal
  iid_besar=$("$BIN" instansi list "$@" 2>/dev/null | awk -F'\t' 'NR==1{print $1}')
  "$BIN" seed --scale "$N_KAL" --per-instansi "$N_KAL" "$@" >/dev/null 2>&1
  iid_kal=$("$BIN" instansi list "$@" 2>/dev/null | awk -F'\t' -v b="$iid_besar" '$1!=b{print $1; exit}')

  # 1. Buka periode 100.000 pegawai.
  printf '%-52s %s\n' "1. buka-periode $N_BESAR pegawai (pertama):" "$(berwaktu "$BIN" skp buka-periode --instansi "$iid_besar" --tahun "$TAHUN" "$@")"
  printf '%-52s %s\n' "   buka-periode lagi (idempoten):" "$(berwaktu "$BIN" skp buka-periode --instansi "$iid_besar" --tahun "$TAHUN" "$@")"

  # Data SKP instansi kalibrasi/serbuan, akun, token, foto.
  "$BIN" seed --skp-instansi "$iid_kal" --tahun "$TAHUN" --skp-akun "$AKUN" --skp-admin bkd.skp \
    --skp-sandi "$SANDI" --skp-token-keluar "$kerja/token.tsv" --foto-keluar "$kerja/foto.jpg" "$@" 2>&1 | grep -E 'SKP sintetis|foto JPEG'
  file "$kerja/foto.jpg" 2>/dev/null | sed 's/^[^:]*: /   foto: /' || true

  "$BIN" serve --listen 127.0.0.1:0 "$@" >"$kerja/alamat" 2>"$kerja/log" &
  local pid=$!
  for _ in $(seq 1 300); do [ -s "$kerja/alamat" ] && break; sleep 0.1; done
  local url; url=$(head -1 "$kerja/alamat")
  for _ in $(seq 1 300); do curl -fs "$url/healthz" >/dev/null && break; sleep 0.1; done
  echo "RSS puncak server setelah siap: $(vmhwm $pid)"

  # 2. Serbuan akhir bulan.
  echo "   beban sebelum serbuan: $(cut -d' ' -f1-3 /proc/loadavg)"
  local sebelum; sebelum=$(sql "SELECT COUNT(*) FROM realisasi_skp WHERE bukti_id IS NOT NULL")
  SKP_IID=$iid_kal SKP_PERIODE="$TAHUN-TW2" SKP_FOTO="$kerja/foto.jpg" SKP_TOKEN="$kerja/token.tsv" \
    SKP_BENIH="$DB_JENIS$(date +%s)" SKP_THREAD=2 \
    wrk -t2 -c"$KONEKSI_UNGGAH" -d"${DETIK_UNGGAH}s" --latency -s "$kerja/unggah.lua" "$url" >"$kerja/wrk" 2>&1
  local rps p50 p99 maks ok gagal soket
  rps=$(awk '/Requests\/sec/{printf "%.1f", $2}' "$kerja/wrk")
  p50=$(awk '$1=="50%"{print $2}' "$kerja/wrk")
  p99=$(awk '$1=="99%"{print $2}' "$kerja/wrk")
  maks=$(awk '$1=="Latency" && NF>=4 {print $4}' "$kerja/wrk")
  ok=$(sed -n 's/^LUA ok=\([0-9]*\) gagal=\([0-9]*\)/\1/p' "$kerja/wrk")
  gagal=$(sed -n 's/^LUA ok=\([0-9]*\) gagal=\([0-9]*\)/\2/p' "$kerja/wrk")
  soket=$(grep -o 'Socket errors:.*' "$kerja/wrk" || echo "tanpa galat soket")
  printf '%-52s %s\n' "2. POST realisasi + foto 100 KB (-c$KONEKSI_UNGGAH, ${DETIK_UNGGAH}s):" "$rps kiriman/s, p50 $p50, p99 $p99, maks $maks; 201: $ok, lain: $gagal; $soket"
  grep '^jawaban' "$kerja/wrk" | head -3 | sed 's/^/   /' || true
  echo "   RSS puncak server sesudah serbuan: $(vmhwm $pid) (AnonHugePages $(awk '/AnonHugePages/{print $2}' /proc/$pid/smaps_rollup) kB)"
  local sesudah; sesudah=$(sql "SELECT COUNT(*) FROM realisasi_skp WHERE bukti_id IS NOT NULL")
  sql "SELECT b.sha256 FROM realisasi_skp r JOIN bukti b ON b.instansi_id = r.instansi_id AND b.id = r.bukti_id" >"$kerja/sha"
  local ada=0 hilang=0 sha
  while read -r sha; do
    if [ -f "$DATA/bukti/${sha:0:2}/${sha:2:2}/$sha" ]; then ada=$((ada + 1)); else hilang=$((hilang + 1)); fi
  done <"$kerja/sha"
  echo "   baris realisasi berbukti baru: $((sesudah - sebelum)) (201 yang dibaca wrk: $ok; selisih ≤ $KONEKSI_UNGGAH = kiriman yang masih berjalan saat wrk berhenti); berkas asli di penyimpanan: $ada ada, $hilang hilang; $(du -sh "$DATA/bukti" | cut -f1) di folder bukti"
  # Biaya salinan malas: gambar mini satu foto, permintaan pertama lalu kedua.
  local t1 bid; t1=$(awk -F'\t' 'NR==1{print $1}' "$kerja/token.tsv")
  bid=$(sql "SELECT r.bukti_id FROM realisasi_skp r JOIN skp s ON s.instansi_id = r.instansi_id AND s.id = r.skp_id WHERE r.bukti_id IS NOT NULL AND s.id = '$(awk -F'\t' 'NR==1{print $2}' "$kerja/token.tsv")' LIMIT 1")
  if [ -n "$bid" ]; then
    local m1 m2 m3
    m1=$(curl -fs -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $t1" "$url/api/v1/instansi/$iid_kal/bukti/$bid?varian=mini")
    m2=$(curl -fs -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $t1" "$url/api/v1/instansi/$iid_kal/bukti/$bid?varian=mini")
    m3=$(curl -fs -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $t1" "$url/api/v1/instansi/$iid_kal/bukti/$bid?varian=kecil")
    echo "   salinan malas satu foto: mini pertama $(awk -v x="$m1" 'BEGIN{printf "%.1f", x*1000}') ms (membuat kecil+mini), mini kedua $(awk -v x="$m2" 'BEGIN{printf "%.1f", x*1000}') ms, kecil $(awk -v x="$m3" 'BEGIN{printf "%.1f", x*1000}') ms"
  fi

  # 3. Kalibrasi 10.000 pegawai.
  echo "   beban sebelum kalibrasi: $(cut -d' ' -f1-3 /proc/loadavg)"
  local j="$kerja/cj"; rm -f "$j"
  local csrf
  csrf=$(curl -fs -c "$j" "$url/masuk" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -fs -b "$j" -c "$j" -o /dev/null -d "username=bkd.skp&sandi=$SANDI&_csrf=$csrf" "$url/masuk"
  csrf=$(curl -fs -b "$j" "$url/akun" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  local token
  token=$(curl -fs -b "$j" -H "x-csrf-token: $csrf" -H 'content-type: application/json' \
    -d '{"nama":"bench","cakupan":"baca","hari":1}' "$url/api/v1/token" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  local ses; ses=$(awk '$6=="kinerja_sesi"{print $7}' "$j")
  local api="$url/api/v1/instansi/$iid_kal/skp/kalibrasi/ringkasan?tahun=$TAHUN&periode=$TAHUN-TW1"
  echo "   ringkasan: $(curl -fs -H "Authorization: Bearer $token" "$api" | python3 -c '
import json,sys
d=json.load(sys.stdin)
print(len(d), "kelompok,", sum(x["jumlah"] for x in d), "SKP,", sum(x["belum_dinilai"] for x in d), "belum dinilai,", sum(1 for x in d if not x["memenuhi"]), "melanggar kurva")'); HTML $(curl -fs -H "Cookie: kinerja_sesi=$ses" "$url/skp/kalibrasi?periode=$TAHUN-TW1" | wc -c) bita"
  printf '%-52s %s\n' "3. HTML /skp/kalibrasi?periode=$TAHUN-TW1:" "$(ukur_wrk "$url/skp/kalibrasi?periode=$TAHUN-TW1" "Cookie: kinerja_sesi=$ses")"
  printf '%-52s %s\n' "   API …/skp/kalibrasi/ringkasan:" "$(ukur_wrk "$api" "Authorization: Bearer $token")"
  printf '%-52s %s\n' "   garis dasar /healthz:" "$(ukur_wrk "$url/healthz")"
  echo "RSS puncak server (seluruh lari): $(vmhwm $pid)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  : >"$kerja/alamat"

  # 2b. Pembanding: serbuan yang sama, 10 s, server baru dengan halaman besar
  # transparan DIPERTAHANKAN (KINERJA_THP=1; bawaan server mematikannya, lihat
  # docs/tolok-ukur.md bagian SKP).
  KINERJA_THP=1 "$BIN" serve --listen 127.0.0.1:0 "$@" >"$kerja/alamat" 2>"$kerja/log" &
  pid=$!
  for _ in $(seq 1 300); do [ -s "$kerja/alamat" ] && break; sleep 0.1; done
  url=$(head -1 "$kerja/alamat")
  for _ in $(seq 1 300); do curl -fs "$url/healthz" >/dev/null && break; sleep 0.1; done
  SKP_IID=$iid_kal SKP_PERIODE="$TAHUN-TW3" SKP_FOTO="$kerja/foto.jpg" SKP_TOKEN="$kerja/token.tsv" \
    SKP_BENIH="b$DB_JENIS$(date +%s)" SKP_THREAD=2 \
    wrk -t2 -c"$KONEKSI_UNGGAH" -d10s --latency -s "$kerja/unggah.lua" "$url" >"$kerja/wrk" 2>&1
  printf '%-52s %s\n' "2b. serbuan 10 s, KINERJA_THP=1 (pembanding):" "$(awk '/Requests\/sec/{printf "%.1f kiriman/s", $2}' "$kerja/wrk"), p99 $(awk '$1=="99%"{print $2}' "$kerja/wrk"), $(grep '^LUA' "$kerja/wrk"), RSS puncak $(vmhwm $pid) (AnonHugePages $(awk '/AnonHugePages/{print $2}' /proc/$pid/smaps_rollup) kB)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  : >"$kerja/alamat"
}

# HANYA=sqlite atau HANYA=pg menjalankan satu backend saja.
HANYA="${HANYA:-}"
if [ "$HANYA" != pg ]; then
DATA="$kerja/sqlite"; DB_JENIS=sqlite; mkdir -p "$DATA"
jalan SQLite --data-dir "$DATA"
fi
[ "$HANYA" = sqlite ] && exit 0
su postgres -c "dropdb --if-exists kinerja_bench_skp" >/dev/null 2>&1 || true
su postgres -c "createdb -O kinerja kinerja_bench_skp"
DATA="$kerja/pg"; DB_JENIS=pg; DB_URL="$PG_DASAR/kinerja_bench_skp"; mkdir -p "$DATA"
jalan PostgreSQL --database-url "$DB_URL" --data-dir "$DATA"
su postgres -c "dropdb --if-exists kinerja_bench_skp" >/dev/null 2>&1 || true
