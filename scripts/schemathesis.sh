#!/usr/bin/env bash
# Schemathesis (PyPI) terhadap /api/openapi.json dari server yang berjalan:
# tidak boleh ada 5xx, dan jawaban harus cocok dengan skemanya. Anggaran
# kecil agar muat di CI. Dipanggil scripts/test.sh; dapat dijalankan sendiri:
#   bash scripts/schemathesis.sh [DATABASE_URL]
# Tanpa argumen: SQLite di direktori sementara.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/kinerja-target}"
BIN="$CARGO_TARGET_DIR/debug/kinerja"
[ -x "$BIN" ] || cargo build -q -p kinerja
command -v st >/dev/null 2>&1 || pip install -q "schemathesis==4.32.5" >/dev/null 2>&1 || pip install -q "schemathesis==4.32.5"

KERJA=$(mktemp -d)
trap 'kill "${PID:-0}" 2>/dev/null || true; rm -rf "$KERJA"' EXIT
if [ -n "${1:-}" ]; then DB=(--database-url "$1"); else DB=(--data-dir "$KERJA/data"); fi

SANDI="schemathesis-$(date +%s)"
"$BIN" user add --username st.super --nama "Schemathesis" --sandi "$SANDI" "${DB[@]}" >/dev/null
"$BIN" serve --listen 127.0.0.1:0 --kalkulator-per-menit 1000000 "${DB[@]}" >"$KERJA/alamat" 2>"$KERJA/log" &
PID=$!
for _ in $(seq 1 100); do [ -s "$KERJA/alamat" ] && break; sleep 0.1; done
URL=$(head -1 "$KERJA/alamat")
for _ in $(seq 1 100); do curl -fs "$URL/healthz" >/dev/null && break; sleep 0.1; done

# Masuk lewat formulir (CSRF tamu), lalu token API bercakupan tulis.
J="$KERJA/cookie"
CSRF=$(curl -fs -c "$J" "$URL/masuk" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -fs -b "$J" -c "$J" -o /dev/null -d "username=st.super&sandi=$SANDI&_csrf=$CSRF" "$URL/masuk"
CSRF=$(curl -fs -b "$J" "$URL/akun" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
TOKEN=$(curl -fs -b "$J" -H "x-csrf-token: $CSRF" -H 'content-type: application/json' \
  -d '{"nama":"schemathesis","cakupan":"tulis","hari":1}' "$URL/api/v1/token" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')

# DELETE /token/{id} dikecualikan: fase stateful menemukan id token yang
# dipakai run ini sendiri (GET /token) lalu mencabutnya, sehingga sisa run
# hanya melihat 401. Pencabutan token diuji di keras_akun_http/keamanan_http.
echo "== schemathesis $URL (anggaran kecil) =="
# Schemathesis dijalankan dari Python agar ast.parse dapat dikunci (lihat di
# bawah) dan batas rekursi dinaikkan (tumpukan Hypothesis bisa dalam).
st_dalam() {
  # `pip` di atas memasang ke penerjemah `python3` yang sama.
  if python3 -c 'import schemathesis' 2>/dev/null; then
    python3 - "$@" <<'PY'
import ast, sys, threading
# CPython 3.11 menyimpan penghitung kedalaman rekursi pembangun AST secara
# global; dua pekerja (--workers 2) yang memanggil ast.parse bersamaan
# (Hypothesis membaca sumber lambda) merusaknya: "AST constructor recursion
# depth mismatch". Kunci membuat ast.parse berjalan satu per satu.
_parse, _kunci = ast.parse, threading.Lock()
def _parse_berkunci(*a, **k):
    with _kunci:
        return _parse(*a, **k)
ast.parse = _parse_berkunci
sys.setrecursionlimit(5000)
from schemathesis.cli import schemathesis
sys.argv = ["st"] + sys.argv[1:]
sys.exit(schemathesis())
PY
  else
    st "$@"
  fi
}
jalankan() {
  st_dalam run "$URL/api/openapi.json" \
    --url "$URL" \
    -H "Authorization: Bearer $TOKEN" \
    --checks not_a_server_error,response_schema_conformance \
    --max-examples "${ST_CONTOH:-15}" \
    --max-time "${ST_WAKTU:-240}" \
    --seed 20261201 \
    --request-timeout 20 \
    --workers 2 \
    --exclude-method DELETE \
    --no-color \
    --report junit --report-dir "$KERJA/laporan"
}
# Schemathesis/Hypothesis kadang gagal di dalam dirinya sendiri ("Runtime
# Error", mis. "AST constructor recursion depth mismatch" saat membaca sumber
# lambda di CPython 3.11) tanpa satu pun permintaan yang gagal. Hanya kasus itu
# yang diulang sekali; kegagalan pemeriksaan API tidak pernah diulang.
if ! jalankan 2>&1 | tee "$KERJA/st.log"; then
  if grep -q "Runtime Error" "$KERJA/st.log" && ! grep -q "^Failures:" "$KERJA/st.log"; then
    echo "== schemathesis: galat internal alat (bukan kegagalan API), diulang sekali =="
    jalankan
  else
    exit 1
  fi
fi
