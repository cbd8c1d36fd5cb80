//! Instansi, unit kerja, jabatan, pegawai dan riwayat penempatannya.
//! Tipe dan kueri instansi/unit/jabatan di sini; pegawai, riwayat, impor
//! dan ekspor di `pegawai.rs`.

mod pegawai;
pub use pegawai::*;

use crate::{Hasil, Koneksi};
use serde::{Deserialize, Serialize};
use sqlx::any::AnyArguments;
use sqlx::query::QueryAs;
use sqlx::{Any, AnyPool, Arguments};

#[derive(Debug, Clone, sqlx::FromRow, Serialize, PartialEq, utoipa::ToSchema)]
pub struct Instansi {
    pub id: String,
    pub nama: String,
    pub jenis: String,
    pub kode_wilayah: Option<String>,
    pub zona_waktu: String,
    pub versi: i64,
    pub dibuat_pada: String,
    pub diubah_pada: String,
}

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct UnitKerja {
    pub instansi_id: String,
    pub id: String,
    pub induk_id: Option<String>,
    pub nama: String,
    pub singkatan: Option<String>,
    pub jenis: String,
    pub urutan: i64,
    pub berlaku_mulai: String,
    pub berlaku_sampai: Option<String>,
    pub versi: i64,
    pub dibuat_pada: String,
    pub diubah_pada: String,
}

#[derive(Debug, Clone, sqlx::FromRow, Serialize, PartialEq, utoipa::ToSchema)]
pub struct Jabatan {
    pub instansi_id: String,
    pub id: String,
    pub unit_id: String,
    pub nama: String,
    pub jenis: String,
    pub jenjang: Option<String>,
    pub kelas: Option<i64>,
    pub dibuat_pada: String,
}

#[derive(
    Debug, Clone, sqlx::FromRow, Serialize, serde::Deserialize, PartialEq, utoipa::ToSchema,
)]
pub struct Pegawai {
    pub instansi_id: String,
    pub id: String,
    pub nip: Option<String>,
    pub nama: String,
    pub gelar_depan: Option<String>,
    pub gelar_belakang: Option<String>,
    pub jenis_asn: String,
    pub tanggal_lahir: Option<String>,
    pub jenis_kelamin: Option<String>,
    pub golongan: Option<String>,
    pub unit_id: String,
    pub jabatan_id: Option<String>,
    pub atasan_id: Option<String>,
    pub status: String,
    pub email: Option<String>,
    pub telepon: Option<String>,
    pub nama_cari: String,
    pub versi: i64,
    pub dibuat_pada: String,
    pub diubah_pada: String,
}

/// Baris daftar pegawai: pegawai dengan nama unit dan jabatannya.
#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, utoipa::ToSchema)]
pub struct BarisPegawai {
    pub id: String,
    pub nip: Option<String>,
    pub nama: String,
    pub gelar_depan: Option<String>,
    pub gelar_belakang: Option<String>,
    pub jenis_asn: String,
    pub golongan: Option<String>,
    pub status: String,
    pub unit_id: String,
    pub nama_unit: String,
    pub nama_jabatan: Option<String>,
}

#[derive(Debug, Clone, sqlx::FromRow, Serialize, PartialEq, utoipa::ToSchema)]
pub struct RiwayatJabatan {
    pub instansi_id: String,
    pub id: String,
    pub pegawai_id: String,
    pub unit_id: String,
    pub jabatan_id: Option<String>,
    pub atasan_id: Option<String>,
    pub jenis_penugasan: String,
    pub mulai: String,
    pub selesai: Option<String>,
    pub keterangan: Option<String>,
}

// ---------- instansi ----------

const KOLOM_INSTANSI: &str =
    "id, nama, jenis, kode_wilayah, zona_waktu, versi, dibuat_pada, diubah_pada";

pub async fn sisipkan_instansi(k: &mut Koneksi, i: &Instansi) -> Hasil<()> {
    sqlx::query(
        "INSERT INTO instansi (id, nama, jenis, kode_wilayah, zona_waktu, versi, dibuat_pada, diubah_pada) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&i.id)
    .bind(&i.nama)
    .bind(&i.jenis)
    .bind(&i.kode_wilayah)
    .bind(&i.zona_waktu)
    .bind(i.versi)
    .bind(&i.dibuat_pada)
    .bind(&i.diubah_pada)
    .execute(k)
    .await?;
    Ok(())
}

pub async fn instansi(pool: &AnyPool, id: &str) -> Hasil<Option<Instansi>> {
    Ok(
        sqlx::query_as(sqlf!("SELECT {KOLOM_INSTANSI} FROM instansi WHERE id = $1"))
            .bind(id)
            .fetch_optional(pool)
            .await?,
    )
}

pub async fn semua_instansi(pool: &AnyPool) -> Hasil<Vec<Instansi>> {
    Ok(
        sqlx::query_as(sqlf!("SELECT {KOLOM_INSTANSI} FROM instansi ORDER BY nama"))
            .fetch_all(pool)
            .await?,
    )
}

pub async fn jumlah_instansi(pool: &AnyPool) -> Hasil<i64> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM instansi")
        .fetch_one(pool)
        .await?;
    Ok(n)
}

pub async fn ubah_instansi(k: &mut Koneksi, i: &Instansi) -> Hasil<bool> {
    let r = sqlx::query(
        "UPDATE instansi SET nama = $1, jenis = $2, kode_wilayah = $3, zona_waktu = $4, versi = versi + 1, diubah_pada = $5 \
         WHERE id = $6 AND versi = $7",
    )
    .bind(&i.nama)
    .bind(&i.jenis)
    .bind(&i.kode_wilayah)
    .bind(&i.zona_waktu)
    .bind(&i.diubah_pada)
    .bind(&i.id)
    .bind(i.versi)
    .execute(k)
    .await?;
    Ok(r.rows_affected() == 1)
}

// ---------- unit kerja ----------

const KOLOM_UNIT: &str = "instansi_id, id, induk_id, nama, singkatan, jenis, urutan, berlaku_mulai, berlaku_sampai, versi, dibuat_pada, diubah_pada";

pub async fn sisipkan_unit(k: &mut Koneksi, u: &UnitKerja) -> Hasil<()> {
    sqlx::query(
        "INSERT INTO unit_kerja (instansi_id, id, induk_id, nama, singkatan, jenis, urutan, berlaku_mulai, berlaku_sampai, versi, dibuat_pada, diubah_pada) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(&u.instansi_id)
    .bind(&u.id)
    .bind(&u.induk_id)
    .bind(&u.nama)
    .bind(&u.singkatan)
    .bind(&u.jenis)
    .bind(u.urutan)
    .bind(&u.berlaku_mulai)
    .bind(&u.berlaku_sampai)
    .bind(u.versi)
    .bind(&u.dibuat_pada)
    .bind(&u.diubah_pada)
    .execute(k)
    .await?;
    Ok(())
}

pub async fn ubah_unit(k: &mut Koneksi, u: &UnitKerja) -> Hasil<bool> {
    let r = sqlx::query(
        "UPDATE unit_kerja SET induk_id = $1, nama = $2, singkatan = $3, jenis = $4, urutan = $5, berlaku_mulai = $6, \
         berlaku_sampai = $7, versi = versi + 1, diubah_pada = $8 WHERE instansi_id = $9 AND id = $10 AND versi = $11",
    )
    .bind(&u.induk_id)
    .bind(&u.nama)
    .bind(&u.singkatan)
    .bind(&u.jenis)
    .bind(u.urutan)
    .bind(&u.berlaku_mulai)
    .bind(&u.berlaku_sampai)
    .bind(&u.diubah_pada)
    .bind(&u.instansi_id)
    .bind(&u.id)
    .bind(u.versi)
    .execute(k)
    .await?;
    Ok(r.rows_affected() == 1)
}

pub async fn unit(pool: &AnyPool, instansi_id: &str, id: &str) -> Hasil<Option<UnitKerja>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_UNIT} FROM unit_kerja WHERE instansi_id = $1 AND id = $2"
    ))
    .bind(instansi_id)
    .bind(id)
    .fetch_optional(pool)
    .await?)
}

/// Semua unit instansi (termasuk yang sudah tidak berlaku), urut untuk pohon.
/// Seluruh unit instansi (pohon, pilihan formulir): satu nilai JSON, bukan
/// ratusan baris (ADR 0012).
pub async fn semua_unit(pool: &AnyPool, instansi_id: &str) -> Hasil<Vec<UnitKerja>> {
    let mut args = AnyArguments::default();
    let _ = args.add(instansi_id.to_string());
    crate::semua_sebagai_json(
        pool,
        KOLOM_UNIT,
        "FROM unit_kerja WHERE instansi_id = $1",
        "t.urutan, t.nama, t.id",
        args,
    )
    .await
}

/// Unit yang berlaku pada tanggal (YYYY-MM-DD): mulai ≤ tanggal < sampai.
pub async fn unit_berlaku(
    pool: &AnyPool,
    instansi_id: &str,
    tanggal: &str,
) -> Hasil<Vec<UnitKerja>> {
    let mut args = AnyArguments::default();
    let _ = args.add(instansi_id.to_string());
    let _ = args.add(tanggal.to_string());
    crate::semua_sebagai_json(
        pool,
        KOLOM_UNIT,
        "FROM unit_kerja WHERE instansi_id = $1 AND berlaku_mulai <= $2 \
         AND (berlaku_sampai IS NULL OR berlaku_sampai > $2)",
        "t.urutan, t.nama, t.id",
        args,
    )
    .await
}

pub async fn jumlah_pegawai_per_unit(
    pool: &AnyPool,
    instansi_id: &str,
) -> Hasil<Vec<(String, i64)>> {
    Ok(sqlx::query_as(
        "SELECT unit_id, COUNT(*) FROM pegawai WHERE instansi_id = $1 AND status = 'aktif' GROUP BY unit_id",
    )
    .bind(instansi_id)
    .fetch_all(pool)
    .await?)
}

// ---------- jabatan ----------

const KOLOM_JABATAN: &str = "instansi_id, id, unit_id, nama, jenis, jenjang, kelas, dibuat_pada";

pub async fn sisipkan_jabatan(k: &mut Koneksi, j: &Jabatan) -> Hasil<()> {
    sqlx::query(
        "INSERT INTO jabatan (instansi_id, id, unit_id, nama, jenis, jenjang, kelas, dibuat_pada) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&j.instansi_id)
    .bind(&j.id)
    .bind(&j.unit_id)
    .bind(&j.nama)
    .bind(&j.jenis)
    .bind(&j.jenjang)
    .bind(j.kelas)
    .bind(&j.dibuat_pada)
    .execute(k)
    .await?;
    Ok(())
}

pub async fn jabatan(pool: &AnyPool, instansi_id: &str, id: &str) -> Hasil<Option<Jabatan>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_JABATAN} FROM jabatan WHERE instansi_id = $1 AND id = $2"
    ))
    .bind(instansi_id)
    .bind(id)
    .fetch_optional(pool)
    .await?)
}

pub async fn jabatan_unit(pool: &AnyPool, instansi_id: &str, unit_id: &str) -> Hasil<Vec<Jabatan>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_JABATAN} FROM jabatan WHERE instansi_id = $1 AND unit_id = $2 ORDER BY nama"
    ))
    .bind(instansi_id)
    .bind(unit_id)
    .fetch_all(pool)
    .await?)
}

pub async fn semua_jabatan(pool: &AnyPool, instansi_id: &str) -> Hasil<Vec<Jabatan>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_JABATAN} FROM jabatan WHERE instansi_id = $1 ORDER BY nama"
    ))
    .bind(instansi_id)
    .fetch_all(pool)
    .await?)
}
