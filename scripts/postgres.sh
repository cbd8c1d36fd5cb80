#!/usr/bin/env bash
# Menyalakan PostgreSQL lokal (paket Debian) dan menyiapkan peran serta basis
# data tes. Aman diulang.
set -euo pipefail
if ! command -v pg_lsclusters >/dev/null 2>&1; then
  echo "PostgreSQL belum terpasang; memasang paket postgresql" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
ver=$(pg_lsclusters -h | awk 'NR==1{print $1}')
name=$(pg_lsclusters -h | awk 'NR==1{print $2}')
if [ -z "$ver" ]; then
  ver=$(ls /usr/lib/postgresql | sort -n | tail -1); name=main
  pg_createcluster "$ver" "$name"
fi
if ! pg_lsclusters -h | awk -v v="$ver" -v n="$name" '$1==v && $2==n {print $4}' | grep -q online; then
  pg_ctlcluster "$ver" "$name" start
fi
for i in $(seq 1 30); do
  su postgres -c "psql -qAtc 'select 1'" >/dev/null 2>&1 && break
  sleep 1
done
su postgres -c "psql -qAtc \"SELECT 1 FROM pg_roles WHERE rolname='kinerja'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"CREATE ROLE kinerja LOGIN SUPERUSER PASSWORD 'kinerja'\""
su postgres -c "psql -qAtc \"SELECT 1 FROM pg_database WHERE datname='kinerja_test'\"" | grep -q 1 \
  || su postgres -c "createdb -O kinerja kinerja_test"
echo "PostgreSQL $ver/$name siap"
