//! Antrean pekerjaan latar (`tugas`): satu tabel yang dibagi semua proses.
//!
//! - **Antre dengan kunci idempotensi**: `kunci` unik; mengantre kunci yang
//!   sama mengembalikan tugas yang sudah ada (`ON CONFLICT DO NOTHING`).
//! - **Klaim dengan sewa**: `UPDATE … WHERE id = (pilih satu yang siap) AND
//!   (masih siap) RETURNING …`. Siap = `antre` dan waktunya tiba, atau `jalan`
//!   dengan sewa yang habis (pemegangnya mati). Syarat diulang di luar subkueri
//!   sehingga dua proses yang memilih baris yang sama tidak sama-sama menang.
//!   PostgreSQL menambah `FOR UPDATE SKIP LOCKED` di subkueri (lihat
//!   [`kunci_baris`]) agar pekerja tidak saling menunggu.
//! - **Selesai hanya oleh pemegang sewanya**: `UPDATE … WHERE pemegang = $p
//!   AND status = 'jalan'`, sehingga tugas tidak pernah selesai dua kali.
//!
//! Waktu jadwal dan sewa dalam milidetik epoch.

use crate::{Backend, Hasil, Koneksi};
use serde::Serialize;
use sqlx::AnyPool;

#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct Tugas {
    pub id: String,
    pub jenis: String,
    pub kunci: String,
    pub instansi_id: Option<String>,
    pub pengguna_id: Option<String>,
    /// `antre`, `jalan`, `selesai` atau `gagal`.
    pub status: String,
    pub percobaan: i64,
    pub maks_percobaan: i64,
    pub muatan: String,
    pub hasil: Option<String>,
    pub galat: Option<String>,
    pub jalan_setelah: i64,
    pub klaim_sampai: Option<i64>,
    pub pemegang: Option<String>,
    pub dibuat_pada: String,
    pub mulai_pada: Option<String>,
    pub selesai_pada: Option<String>,
}

const KOLOM: &str = "id, jenis, kunci, instansi_id, pengguna_id, status, percobaan, maks_percobaan, muatan, hasil, galat, \
     jalan_setelah, klaim_sampai, pemegang, dibuat_pada, mulai_pada, selesai_pada";

/// Milidetik epoch sekarang.
pub fn ms_sekarang() -> i64 {
    (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64
}

/// Menyisipkan tugas bila kuncinya belum ada. `true` bila baris baru dibuat.
pub async fn sisipkan(k: &mut Koneksi, t: &Tugas) -> Hasil<bool> {
    let r = sqlx::query(sqlf!(
        "INSERT INTO tugas ({KOLOM}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) \
         ON CONFLICT (kunci) DO NOTHING"
    ))
    .bind(&t.id)
    .bind(&t.jenis)
    .bind(&t.kunci)
    .bind(&t.instansi_id)
    .bind(&t.pengguna_id)
    .bind(&t.status)
    .bind(t.percobaan)
    .bind(t.maks_percobaan)
    .bind(&t.muatan)
    .bind(&t.hasil)
    .bind(&t.galat)
    .bind(t.jalan_setelah)
    .bind(t.klaim_sampai)
    .bind(&t.pemegang)
    .bind(&t.dibuat_pada)
    .bind(&t.mulai_pada)
    .bind(&t.selesai_pada)
    .execute(&mut *k)
    .await?;
    Ok(r.rows_affected() == 1)
}

pub async fn simpan_berkas(k: &mut Koneksi, tugas_id: &str, isi: &[u8]) -> Hasil<()> {
    sqlx::query("INSERT INTO tugas_berkas (tugas_id, isi) VALUES ($1, $2)")
        .bind(tugas_id)
        .bind(isi.to_vec())
        .execute(k)
        .await?;
    Ok(())
}

pub async fn berkas(pool: &AnyPool, tugas_id: &str) -> Hasil<Option<Vec<u8>>> {
    let r: Option<(Vec<u8>,)> = sqlx::query_as("SELECT isi FROM tugas_berkas WHERE tugas_id = $1")
        .bind(tugas_id)
        .fetch_optional(pool)
        .await?;
    Ok(r.map(|x| x.0))
}

pub async fn tugas(pool: &AnyPool, id: &str) -> Hasil<Option<Tugas>> {
    Ok(
        sqlx::query_as(sqlf!("SELECT {KOLOM} FROM tugas WHERE id = $1"))
            .bind(id)
            .fetch_optional(pool)
            .await?,
    )
}

pub async fn tugas_kunci(k: &mut Koneksi, kunci: &str) -> Hasil<Option<Tugas>> {
    Ok(
        sqlx::query_as(sqlf!("SELECT {KOLOM} FROM tugas WHERE kunci = $1"))
            .bind(kunci)
            .fetch_optional(k)
            .await?,
    )
}

pub async fn jumlah_kunci(pool: &AnyPool, kunci: &str) -> Hasil<i64> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM tugas WHERE kunci = $1")
        .bind(kunci)
        .fetch_one(pool)
        .await?;
    Ok(n)
}

/// Penguncian baris di subkueri klaim: satu-satunya beda teks SQL antar-backend.
/// SQLite hanya punya satu penulis, sehingga tidak memerlukannya.
fn kunci_baris(b: Backend) -> &'static str {
    match b {
        Backend::Postgres => " FOR UPDATE SKIP LOCKED",
        Backend::Sqlite => "",
    }
}

/// Kondisi "siap diklaim" ($3 = sekarang, ms): antre dan waktunya tiba, atau
/// berjalan dengan sewa yang habis.
const SIAP: &str =
    "((status = 'antre' AND jalan_setelah <= $3) OR (status = 'jalan' AND klaim_sampai < $3))";

/// Adakah tugas yang siap? Baca saja: pekerja yang menganggur tidak mengambil
/// kunci tulis SQLite setiap kali memeriksa antrean.
pub async fn ada_siap(pool: &AnyPool, sekarang_ms: i64) -> Hasil<bool> {
    let r: Option<(String,)> = sqlx::query_as(sqlf!(
        "SELECT id FROM tugas WHERE {} LIMIT 1",
        SIAP.replace("$3", "$1")
    ))
    .bind(sekarang_ms)
    .fetch_optional(pool)
    .await?;
    Ok(r.is_some())
}

/// Menghapus tugas yang selesai atau gagal sebelum `sebelum` (teks waktu).
/// Kunci slot jadwal hanya perlu bertahan selama slotnya.
pub async fn hapus_lama(pool: &AnyPool, sebelum: &str) -> Hasil<u64> {
    let r =
        sqlx::query("DELETE FROM tugas WHERE status IN ('selesai', 'gagal') AND selesai_pada < $1")
            .bind(sebelum)
            .execute(pool)
            .await?;
    Ok(r.rows_affected())
}

/// Mengklaim satu tugas yang siap untuk `pemegang` sampai `klaim_sampai`
/// (ms). Percobaan bertambah satu. `None` bila tidak ada yang siap.
pub async fn klaim(
    pool: &AnyPool,
    backend: Backend,
    pemegang: &str,
    sekarang_ms: i64,
    klaim_sampai: i64,
) -> Hasil<Option<Tugas>> {
    let siap = SIAP;
    Ok(sqlx::query_as(sqlf!(
        "UPDATE tugas SET status = 'jalan', pemegang = $1, klaim_sampai = $2, percobaan = percobaan + 1, mulai_pada = $4 \
         WHERE id = (SELECT id FROM tugas WHERE {siap} ORDER BY jalan_setelah, id LIMIT 1{}) AND {siap} \
         RETURNING {KOLOM}",
        kunci_baris(backend)
    ))
    .bind(pemegang)
    .bind(klaim_sampai)
    .bind(sekarang_ms)
    .bind(crate::sekarang())
    .fetch_optional(pool)
    .await?)
}

/// Memperpanjang sewa selama tugas masih dipegang; `false` bila sudah lepas.
pub async fn perpanjang(
    pool: &AnyPool,
    id: &str,
    pemegang: &str,
    klaim_sampai: i64,
) -> Hasil<bool> {
    let r = sqlx::query(
        "UPDATE tugas SET klaim_sampai = $3 WHERE id = $1 AND pemegang = $2 AND status = 'jalan'",
    )
    .bind(id)
    .bind(pemegang)
    .bind(klaim_sampai)
    .execute(pool)
    .await?;
    Ok(r.rows_affected() == 1)
}

/// Menutup tugas sebagai `selesai` dengan hasilnya, hanya oleh pemegang
/// sewanya. `false`: tugas sudah lepas (diklaim proses lain) — tidak ditutup.
/// Berkas unggahannya ikut dihapus.
pub async fn selesai(k: &mut Koneksi, id: &str, pemegang: &str, hasil: &str) -> Hasil<bool> {
    let r = sqlx::query(
        "UPDATE tugas SET status = 'selesai', hasil = $3, galat = NULL, selesai_pada = $4, klaim_sampai = NULL \
         WHERE id = $1 AND pemegang = $2 AND status = 'jalan'",
    )
    .bind(id)
    .bind(pemegang)
    .bind(hasil)
    .bind(crate::sekarang())
    .execute(&mut *k)
    .await?;
    if r.rows_affected() == 1 {
        hapus_berkas(k, id).await?;
    }
    Ok(r.rows_affected() == 1)
}

/// Percobaan gagal: kembali ke antrean setelah `jalan_setelah` (ms), atau
/// `gagal` untuk selamanya bila `jalan_setelah` None.
pub async fn gagal(
    k: &mut Koneksi,
    id: &str,
    pemegang: &str,
    galat: &str,
    jalan_setelah: Option<i64>,
) -> Hasil<bool> {
    let r = match jalan_setelah {
        Some(ms) => {
            sqlx::query(
                "UPDATE tugas SET status = 'antre', galat = $3, jalan_setelah = $4, klaim_sampai = NULL, pemegang = NULL \
                 WHERE id = $1 AND pemegang = $2 AND status = 'jalan'",
            )
            .bind(id)
            .bind(pemegang)
            .bind(galat)
            .bind(ms)
            .execute(&mut *k)
            .await?
        }
        None => {
            sqlx::query(
                "UPDATE tugas SET status = 'gagal', galat = $3, selesai_pada = $4, klaim_sampai = NULL \
                 WHERE id = $1 AND pemegang = $2 AND status = 'jalan'",
            )
            .bind(id)
            .bind(pemegang)
            .bind(galat)
            .bind(crate::sekarang())
            .execute(&mut *k)
            .await?
        }
    };
    if r.rows_affected() == 1 && jalan_setelah.is_none() {
        hapus_berkas(k, id).await?;
    }
    Ok(r.rows_affected() == 1)
}

async fn hapus_berkas(k: &mut Koneksi, id: &str) -> Hasil<()> {
    sqlx::query("DELETE FROM tugas_berkas WHERE tugas_id = $1")
        .bind(id)
        .execute(k)
        .await?;
    Ok(())
}

/// Khusus tes (`uji_tidur`): menambah penghitung di tabel `uji_hitung (kunci
/// TEXT PRIMARY KEY, nilai BIGINT)` yang dibuat tes itu sendiri; tabel ini
/// tidak ada di skema produksi.
pub async fn tambah_hitung_uji(k: &mut Koneksi, kunci: &str) -> Hasil<()> {
    sqlx::query(
        "INSERT INTO uji_hitung (kunci, nilai) VALUES ($1, 1) \
         ON CONFLICT (kunci) DO UPDATE SET nilai = uji_hitung.nilai + 1",
    )
    .bind(kunci)
    .execute(k)
    .await?;
    Ok(())
}
