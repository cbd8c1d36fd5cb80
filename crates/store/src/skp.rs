//! SKP (isu 11, PermenPANRB 6/2022): periode, SKP per pegawai, RHK, IKI,
//! ekspektasi perilaku, realisasi berkala dengan bukti, langkah alur,
//! evaluasi per periode, predikat organisasi dan finalisasi kurva per unit.
//! Migrasi 0022–0029; docs/adr/0016.
//!
//! Status dan predikat disimpan sebagai token `rules::skp`/
//! `rules::permenpanrb_6_2022`; angka (target, realisasi, jam) sebagai teks
//! desimal agar kedua backend menyimpan setiap digit.

use crate::{Hasil, Koneksi};
use serde::{Deserialize, Serialize};
use sqlx::AnyPool;
use std::collections::HashSet;

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct PeriodeSkp {
    pub instansi_id: String,
    pub tahun: i64,
    /// `bulanan`, `triwulanan`, `semesteran`.
    pub frekuensi: String,
    /// Unit dengan pegawai dinilai kurang dari ini digabung ke unit induk
    /// untuk kurva distribusi.
    pub ambang_kurva: i64,
    pub dibuka_pada: String,
    pub versi: i64,
}

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct Skp {
    pub instansi_id: String,
    pub id: String,
    pub pegawai_id: String,
    pub tahun: i64,
    /// Unit penempatan saat SKP dibuat.
    pub unit_id: String,
    pub jabatan_id: Option<String>,
    /// 1: pejabat pimpinan tinggi (RHK dari Perjanjian Kinerja).
    pub jpt: i64,
    /// Pejabat penilai (atasan langsung, atau Plt./Plh. jabatannya).
    pub penilai_id: Option<String>,
    /// `definitif`, `plt`, `plh`.
    pub dasar_penilai: Option<String>,
    pub atasan_penilai_id: Option<String>,
    /// Token `rules::skp::MasalahPenilai` bila pemetaan atasan perlu dibetulkan BKD.
    pub masalah_penilai: Option<String>,
    /// `draf`, `diajukan`, `disetujui`, `dikembalikan`.
    pub status: String,
    /// 0: ditutup (pindah, pensiun); tetap disimpan dengan riwayatnya.
    pub aktif: i64,
    pub berakhir_pada: Option<String>,
    pub alasan_berakhir: Option<String>,
    pub versi: i64,
    pub dibuat_pada: String,
    pub diubah_pada: String,
}

const KOLOM_SKP: &str = "instansi_id, id, pegawai_id, tahun, unit_id, jabatan_id, jpt, penilai_id, dasar_penilai, atasan_penilai_id, masalah_penilai, status, aktif, berakhir_pada, alasan_berakhir, versi, dibuat_pada, diubah_pada";

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct Rhk {
    pub instansi_id: String,
    pub id: String,
    pub skp_id: String,
    /// `utama` atau `tambahan`.
    pub jenis: String,
    pub uraian: String,
    /// RHK atasan yang diintervensi (dirujuk dengan id).
    pub rhk_atasan_id: Option<String>,
    /// JPT: `penerima_layanan`, `proses_bisnis`, `penguatan_internal`, `anggaran`.
    pub perspektif: Option<String>,
    /// JPT: kunci baris Perjanjian Kinerja asal RHK ini.
    pub sumber_pk: Option<String>,
    /// Jam kerja setahun untuk RHK ini (analisis beban kerja), desimal.
    pub jam_beban: Option<String>,
    pub urutan: i64,
    pub versi: i64,
    pub dibuat_pada: String,
    pub diubah_pada: String,
}

const KOLOM_RHK: &str = "instansi_id, id, skp_id, jenis, uraian, rhk_atasan_id, perspektif, sumber_pk, jam_beban, urutan, versi, dibuat_pada, diubah_pada";

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct IndikatorSkp {
    pub instansi_id: String,
    pub id: String,
    pub rhk_id: String,
    pub skp_id: String,
    /// `kuantitas`, `kualitas`, `waktu`, `biaya`.
    pub aspek: String,
    pub uraian: String,
    /// Desimal.
    pub target: String,
    pub satuan: String,
    pub urutan: i64,
}

const KOLOM_INDIKATOR: &str =
    "instansi_id, id, rhk_id, skp_id, aspek, uraian, target, satuan, urutan";

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct RealisasiSkp {
    pub instansi_id: String,
    pub id: String,
    pub skp_id: String,
    pub indikator_id: String,
    /// Kode periode, mis. `2027-TW1`.
    pub periode: String,
    /// Desimal.
    pub realisasi: String,
    pub catatan: Option<String>,
    pub bukti_id: Option<String>,
    pub tautan: Option<String>,
    /// Kunci idempoten dari antrean luring ponsel.
    pub kunci_klien: Option<String>,
    pub pengguna_id: String,
    /// `menunggu`, `diverifikasi`, `ditolak`.
    pub status: String,
    pub umpan_balik: Option<String>,
    pub umpan_balik_oleh: Option<String>,
    pub umpan_balik_pada: Option<String>,
    pub versi: i64,
    pub dibuat_pada: String,
}

const KOLOM_REALISASI: &str = "instansi_id, id, skp_id, indikator_id, periode, realisasi, catatan, bukti_id, tautan, kunci_klien, pengguna_id, status, umpan_balik, umpan_balik_oleh, umpan_balik_pada, versi, dibuat_pada";

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct RiwayatLangkah {
    pub instansi_id: String,
    pub id: String,
    pub skp_id: String,
    pub langkah: String,
    pub dari: String,
    pub ke: String,
    pub pengguna_id: Option<String>,
    pub catatan: Option<String>,
    pub pada: String,
}

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct EvaluasiSkp {
    pub instansi_id: String,
    pub skp_id: String,
    pub periode: String,
    /// Token `RatingKinerja`.
    pub rating_hasil: String,
    pub rating_perilaku: String,
    /// Token `PredikatKinerjaPegawai` (dari aturan, tidak diketik).
    pub predikat: String,
    pub catatan: Option<String>,
    pub pengguna_id: Option<String>,
    pub versi: i64,
    pub diubah_pada: String,
}

const KOLOM_EVALUASI: &str = "instansi_id, skp_id, periode, rating_hasil, rating_perilaku, predikat, catatan, pengguna_id, versi, diubah_pada";

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct KurvaUnit {
    pub instansi_id: String,
    pub periode: String,
    pub unit_id: String,
    /// Token `PredikatOrganisasi` yang ditetapkan atasan penilai.
    pub predikat_organisasi: Option<String>,
    /// 1: kurva difinalkan.
    pub difinalkan: i64,
    /// Alasan finalisasi walau kurva dilanggar (diaudit).
    pub alasan_pengecualian: Option<String>,
    pub pengguna_id: Option<String>,
    pub versi: i64,
    pub diubah_pada: String,
}

// ---------- periode ----------

pub async fn periode(pool: &AnyPool, instansi_id: &str, tahun: i64) -> Hasil<Option<PeriodeSkp>> {
    Ok(sqlx::query_as(
        "SELECT instansi_id, tahun, frekuensi, ambang_kurva, dibuka_pada, versi FROM periode_skp \
         WHERE instansi_id = $1 AND tahun = $2",
    )
    .bind(instansi_id)
    .bind(tahun)
    .fetch_optional(pool)
    .await?)
}

/// Menyisipkan periode bila belum ada (idempoten); true bila baru.
pub async fn sisipkan_periode(k: &mut Koneksi, p: &PeriodeSkp) -> Hasil<bool> {
    let r = sqlx::query(
        "INSERT INTO periode_skp (instansi_id, tahun, frekuensi, ambang_kurva, dibuka_pada, versi) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (instansi_id, tahun) DO NOTHING",
    )
    .bind(&p.instansi_id)
    .bind(p.tahun)
    .bind(&p.frekuensi)
    .bind(p.ambang_kurva)
    .bind(&p.dibuka_pada)
    .bind(p.versi)
    .execute(k)
    .await?;
    Ok(r.rows_affected() > 0)
}

// ---------- SKP ----------

pub async fn sisipkan_skp_banyak(k: &mut Koneksi, daftar: &[Skp]) -> Hasil<()> {
    let be = crate::Backend::dari_koneksi(k);
    for potong in daftar.chunks(be.baris_per_sisip(18)) {
        let sql = format!(
            "INSERT INTO skp ({KOLOM_SKP}) VALUES {}",
            crate::nilai_banyak(potong.len(), 18)
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for s in potong {
            q = q
                .bind(&s.instansi_id)
                .bind(&s.id)
                .bind(&s.pegawai_id)
                .bind(s.tahun)
                .bind(&s.unit_id)
                .bind(&s.jabatan_id)
                .bind(s.jpt)
                .bind(&s.penilai_id)
                .bind(&s.dasar_penilai)
                .bind(&s.atasan_penilai_id)
                .bind(&s.masalah_penilai)
                .bind(&s.status)
                .bind(s.aktif)
                .bind(&s.berakhir_pada)
                .bind(&s.alasan_berakhir)
                .bind(s.versi)
                .bind(&s.dibuat_pada)
                .bind(&s.diubah_pada);
        }
        q.execute(&mut *k).await?;
    }
    Ok(())
}

pub async fn skp(pool: &AnyPool, instansi_id: &str, id: &str) -> Hasil<Option<Skp>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_SKP} FROM skp WHERE instansi_id = $1 AND id = $2"
    ))
    .bind(instansi_id)
    .bind(id)
    .fetch_optional(pool)
    .await?)
}

/// SKP aktif seorang pegawai pada satu tahun.
pub async fn skp_pegawai(
    pool: &AnyPool,
    instansi_id: &str,
    tahun: i64,
    pegawai_id: &str,
) -> Hasil<Option<Skp>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_SKP} FROM skp WHERE instansi_id = $1 AND tahun = $2 AND pegawai_id = $3 \
         ORDER BY aktif DESC, dibuat_pada DESC LIMIT 1"
    ))
    .bind(instansi_id)
    .bind(tahun)
    .bind(pegawai_id)
    .fetch_optional(pool)
    .await?)
}

/// Semua SKP seorang pegawai pada satu tahun (yang ditutup juga), terbaru dahulu.
pub async fn riwayat_skp_pegawai(
    pool: &AnyPool,
    instansi_id: &str,
    tahun: i64,
    pegawai_id: &str,
) -> Hasil<Vec<Skp>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_SKP} FROM skp WHERE instansi_id = $1 AND tahun = $2 AND pegawai_id = $3 \
         ORDER BY dibuat_pada DESC, id DESC"
    ))
    .bind(instansi_id)
    .bind(tahun)
    .bind(pegawai_id)
    .fetch_all(pool)
    .await?)
}

/// Pegawai yang sudah punya SKP aktif tahun ini (untuk membuka periode idempoten).
pub async fn pegawai_ber_skp(
    pool: &AnyPool,
    instansi_id: &str,
    tahun: i64,
) -> Hasil<HashSet<String>> {
    let baris: Vec<(String,)> = sqlx::query_as(
        "SELECT pegawai_id FROM skp WHERE instansi_id = $1 AND tahun = $2 AND aktif = 1",
    )
    .bind(instansi_id)
    .bind(tahun)
    .fetch_all(pool)
    .await?;
    Ok(baris.into_iter().map(|(p,)| p).collect())
}

/// SKP aktif satu tahun; `penilai_id` menyaring yang dinilai seorang penilai.
pub async fn daftar_skp(
    pool: &AnyPool,
    instansi_id: &str,
    tahun: i64,
    penilai_id: Option<&str>,
) -> Hasil<Vec<Skp>> {
    let (sql, q) = match penilai_id {
        Some(_) => (
            format!(
                "SELECT {KOLOM_SKP} FROM skp WHERE instansi_id = $1 AND tahun = $2 AND aktif = 1 \
                 AND penilai_id = $3 ORDER BY unit_id, pegawai_id"
            ),
            true,
        ),
        None => (
            format!(
                "SELECT {KOLOM_SKP} FROM skp WHERE instansi_id = $1 AND tahun = $2 AND aktif = 1 \
                 ORDER BY unit_id, pegawai_id"
            ),
            false,
        ),
    };
    let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(instansi_id)
        .bind(tahun);
    if q {
        query = query.bind(penilai_id);
    }
    Ok(query.fetch_all(pool).await?)
}

/// Ubah status bila versi masih sama; false bila basi.
pub async fn ubah_status_skp(
    k: &mut Koneksi,
    instansi_id: &str,
    id: &str,
    status: &str,
    versi_lama: i64,
    pada: &str,
) -> Hasil<bool> {
    let r = sqlx::query(
        "UPDATE skp SET status = $1, versi = versi + 1, diubah_pada = $2 \
         WHERE instansi_id = $3 AND id = $4 AND versi = $5",
    )
    .bind(status)
    .bind(pada)
    .bind(instansi_id)
    .bind(id)
    .bind(versi_lama)
    .execute(k)
    .await?;
    Ok(r.rows_affected() == 1)
}

/// Menaikkan versi SKP (isi RHK/IKI berubah) bila versi masih sama.
pub async fn sentuh_skp(
    k: &mut Koneksi,
    instansi_id: &str,
    id: &str,
    versi_lama: i64,
    pada: &str,
) -> Hasil<bool> {
    let r = sqlx::query(
        "UPDATE skp SET versi = versi + 1, diubah_pada = $1 \
         WHERE instansi_id = $2 AND id = $3 AND versi = $4",
    )
    .bind(pada)
    .bind(instansi_id)
    .bind(id)
    .bind(versi_lama)
    .execute(k)
    .await?;
    Ok(r.rows_affected() == 1)
}

/// Memperbarui pejabat penilai SKP (pemetaan atasan dibetulkan BKD).
pub async fn ubah_penilai_skp(k: &mut Koneksi, s: &Skp, pada: &str) -> Hasil<()> {
    sqlx::query(
        "UPDATE skp SET penilai_id = $1, dasar_penilai = $2, atasan_penilai_id = $3, masalah_penilai = $4, \
         versi = versi + 1, diubah_pada = $5 WHERE instansi_id = $6 AND id = $7",
    )
    .bind(&s.penilai_id)
    .bind(&s.dasar_penilai)
    .bind(&s.atasan_penilai_id)
    .bind(&s.masalah_penilai)
    .bind(pada)
    .bind(&s.instansi_id)
    .bind(&s.id)
    .execute(k)
    .await?;
    Ok(())
}

/// Menutup SKP (pindah unit, pensiun): tetap disimpan, tidak aktif.
pub async fn tutup_skp(
    k: &mut Koneksi,
    instansi_id: &str,
    id: &str,
    alasan: &str,
    pada: &str,
) -> Hasil<()> {
    sqlx::query(
        "UPDATE skp SET aktif = 0, berakhir_pada = $1, alasan_berakhir = $2, versi = versi + 1, \
         diubah_pada = $1 WHERE instansi_id = $3 AND id = $4",
    )
    .bind(pada)
    .bind(alasan)
    .bind(instansi_id)
    .bind(id)
    .execute(k)
    .await?;
    Ok(())
}

/// Penugasan Plt./Plh. yang berjalan pada `tanggal` (YYYY-MM-DD):
/// (pegawai_id, jenis, unit_id, jabatan_id).
pub async fn penugasan_sementara_aktif(
    pool: &AnyPool,
    instansi_id: &str,
    tanggal: &str,
) -> Hasil<Vec<(String, String, String, Option<String>)>> {
    Ok(sqlx::query_as(
        "SELECT pegawai_id, jenis_penugasan, unit_id, jabatan_id FROM riwayat_jabatan \
         WHERE instansi_id = $1 AND jenis_penugasan IN ('plt', 'plh') AND mulai <= $2 \
         AND (selesai IS NULL OR selesai >= $2) ORDER BY mulai, id",
    )
    .bind(instansi_id)
    .bind(tanggal)
    .fetch_all(pool)
    .await?)
}

// ---------- RHK dan indikator ----------

/// RHK semua SKP aktif satu tahun (menyalin struktur tahun lalu).
pub async fn rhk_tahun(pool: &AnyPool, instansi_id: &str, tahun: i64) -> Hasil<Vec<Rhk>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {} FROM rhk r WHERE r.instansi_id = $1 AND r.skp_id IN \
         (SELECT id FROM skp WHERE instansi_id = $1 AND tahun = $2 AND aktif = 1) ORDER BY r.skp_id, r.urutan, r.id",
        KOLOM_RHK.split(", ").map(|c| format!("r.{c}")).collect::<Vec<_>>().join(", ")
    ))
    .bind(instansi_id)
    .bind(tahun)
    .fetch_all(pool)
    .await?)
}

/// Indikator semua SKP aktif satu tahun.
pub async fn indikator_tahun(
    pool: &AnyPool,
    instansi_id: &str,
    tahun: i64,
) -> Hasil<Vec<IndikatorSkp>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {} FROM indikator_skp i WHERE i.instansi_id = $1 AND i.skp_id IN \
         (SELECT id FROM skp WHERE instansi_id = $1 AND tahun = $2 AND aktif = 1) ORDER BY i.rhk_id, i.urutan, i.id",
        KOLOM_INDIKATOR.split(", ").map(|c| format!("i.{c}")).collect::<Vec<_>>().join(", ")
    ))
    .bind(instansi_id)
    .bind(tahun)
    .fetch_all(pool)
    .await?)
}

/// RHK banyak sekaligus (INSERT berbaris banyak). Tautan `rhk_atasan_id`
/// harus menunjuk RHK yang sudah ada atau yang lebih dulu di daftar.
pub async fn sisipkan_rhk_banyak(k: &mut Koneksi, daftar: &[Rhk]) -> Hasil<()> {
    let be = crate::Backend::dari_koneksi(k);
    for potong in daftar.chunks(be.baris_per_sisip(13)) {
        let sql = format!(
            "INSERT INTO rhk ({KOLOM_RHK}) VALUES {}",
            crate::nilai_banyak(potong.len(), 13)
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for r in potong {
            q = q
                .bind(&r.instansi_id)
                .bind(&r.id)
                .bind(&r.skp_id)
                .bind(&r.jenis)
                .bind(&r.uraian)
                .bind(&r.rhk_atasan_id)
                .bind(&r.perspektif)
                .bind(&r.sumber_pk)
                .bind(&r.jam_beban)
                .bind(r.urutan)
                .bind(r.versi)
                .bind(&r.dibuat_pada)
                .bind(&r.diubah_pada);
        }
        q.execute(&mut *k).await?;
    }
    Ok(())
}

pub async fn sisipkan_indikator_banyak(k: &mut Koneksi, daftar: &[IndikatorSkp]) -> Hasil<()> {
    let be = crate::Backend::dari_koneksi(k);
    for potong in daftar.chunks(be.baris_per_sisip(9)) {
        let sql = format!(
            "INSERT INTO indikator_skp ({KOLOM_INDIKATOR}) VALUES {}",
            crate::nilai_banyak(potong.len(), 9)
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for i in potong {
            q = q
                .bind(&i.instansi_id)
                .bind(&i.id)
                .bind(&i.rhk_id)
                .bind(&i.skp_id)
                .bind(&i.aspek)
                .bind(&i.uraian)
                .bind(&i.target)
                .bind(&i.satuan)
                .bind(i.urutan);
        }
        q.execute(&mut *k).await?;
    }
    Ok(())
}

pub async fn sisipkan_rhk(k: &mut Koneksi, r: &Rhk) -> Hasil<()> {
    sqlx::query(sqlf!(
        "INSERT INTO rhk ({KOLOM_RHK}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"
    ))
    .bind(&r.instansi_id)
    .bind(&r.id)
    .bind(&r.skp_id)
    .bind(&r.jenis)
    .bind(&r.uraian)
    .bind(&r.rhk_atasan_id)
    .bind(&r.perspektif)
    .bind(&r.sumber_pk)
    .bind(&r.jam_beban)
    .bind(r.urutan)
    .bind(r.versi)
    .bind(&r.dibuat_pada)
    .bind(&r.diubah_pada)
    .execute(k)
    .await?;
    Ok(())
}

/// Mengubah isi RHK bila versi masih sama; false bila basi.
pub async fn ubah_rhk(k: &mut Koneksi, r: &Rhk, versi_lama: i64) -> Hasil<bool> {
    let x = sqlx::query(
        "UPDATE rhk SET jenis = $1, uraian = $2, rhk_atasan_id = $3, perspektif = $4, jam_beban = $5, \
         versi = versi + 1, diubah_pada = $6 WHERE instansi_id = $7 AND id = $8 AND versi = $9",
    )
    .bind(&r.jenis)
    .bind(&r.uraian)
    .bind(&r.rhk_atasan_id)
    .bind(&r.perspektif)
    .bind(&r.jam_beban)
    .bind(&r.diubah_pada)
    .bind(&r.instansi_id)
    .bind(&r.id)
    .bind(versi_lama)
    .execute(k)
    .await?;
    Ok(x.rows_affected() == 1)
}

/// Menghapus RHK beserta indikatornya; RHK bawahan yang mengintervensinya
/// kembali tanpa tautan (bawahan menautkan ulang kelak).
pub async fn hapus_rhk(k: &mut Koneksi, instansi_id: &str, id: &str) -> Hasil<()> {
    sqlx::query(
        "UPDATE rhk SET rhk_atasan_id = NULL WHERE instansi_id = $1 AND rhk_atasan_id = $2",
    )
    .bind(instansi_id)
    .bind(id)
    .execute(&mut *k)
    .await?;
    sqlx::query("DELETE FROM indikator_skp WHERE instansi_id = $1 AND rhk_id = $2")
        .bind(instansi_id)
        .bind(id)
        .execute(&mut *k)
        .await?;
    sqlx::query("DELETE FROM rhk WHERE instansi_id = $1 AND id = $2")
        .bind(instansi_id)
        .bind(id)
        .execute(&mut *k)
        .await?;
    Ok(())
}

pub async fn rhk(pool: &AnyPool, instansi_id: &str, id: &str) -> Hasil<Option<Rhk>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_RHK} FROM rhk WHERE instansi_id = $1 AND id = $2"
    ))
    .bind(instansi_id)
    .bind(id)
    .fetch_optional(pool)
    .await?)
}

pub async fn rhk_skp(pool: &AnyPool, instansi_id: &str, skp_id: &str) -> Hasil<Vec<Rhk>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_RHK} FROM rhk WHERE instansi_id = $1 AND skp_id = $2 ORDER BY jenis DESC, urutan, id"
    ))
    .bind(instansi_id)
    .bind(skp_id)
    .fetch_all(pool)
    .await?)
}

/// RHK yang mengintervensi RHK atasan ini (bawahan yang sudah menautkan).
pub async fn rhk_pengintervensi(
    pool: &AnyPool,
    instansi_id: &str,
    rhk_atasan_id: &str,
) -> Hasil<Vec<Rhk>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_RHK} FROM rhk WHERE instansi_id = $1 AND rhk_atasan_id = $2 ORDER BY skp_id, urutan"
    ))
    .bind(instansi_id)
    .bind(rhk_atasan_id)
    .fetch_all(pool)
    .await?)
}

pub async fn sisipkan_indikator(k: &mut Koneksi, i: &IndikatorSkp) -> Hasil<()> {
    sqlx::query(sqlf!(
        "INSERT INTO indikator_skp ({KOLOM_INDIKATOR}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
    ))
    .bind(&i.instansi_id)
    .bind(&i.id)
    .bind(&i.rhk_id)
    .bind(&i.skp_id)
    .bind(&i.aspek)
    .bind(&i.uraian)
    .bind(&i.target)
    .bind(&i.satuan)
    .bind(i.urutan)
    .execute(k)
    .await?;
    Ok(())
}

pub async fn indikator(pool: &AnyPool, instansi_id: &str, id: &str) -> Hasil<Option<IndikatorSkp>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_INDIKATOR} FROM indikator_skp WHERE instansi_id = $1 AND id = $2"
    ))
    .bind(instansi_id)
    .bind(id)
    .fetch_optional(pool)
    .await?)
}

pub async fn indikator_skp(
    pool: &AnyPool,
    instansi_id: &str,
    skp_id: &str,
) -> Hasil<Vec<IndikatorSkp>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_INDIKATOR} FROM indikator_skp WHERE instansi_id = $1 AND skp_id = $2 ORDER BY rhk_id, urutan, id"
    ))
    .bind(instansi_id)
    .bind(skp_id)
    .fetch_all(pool)
    .await?)
}

pub async fn hapus_indikator(k: &mut Koneksi, instansi_id: &str, id: &str) -> Hasil<()> {
    sqlx::query("DELETE FROM indikator_skp WHERE instansi_id = $1 AND id = $2")
        .bind(instansi_id)
        .bind(id)
        .execute(k)
        .await?;
    Ok(())
}

/// Indikator satu SKP yang sudah punya realisasi (tidak boleh dihapus).
pub async fn indikator_berrealisasi(
    pool: &AnyPool,
    instansi_id: &str,
    skp_id: &str,
) -> Hasil<HashSet<String>> {
    let baris: Vec<(String,)> = sqlx::query_as(
        "SELECT DISTINCT indikator_id FROM realisasi_skp WHERE instansi_id = $1 AND skp_id = $2",
    )
    .bind(instansi_id)
    .bind(skp_id)
    .fetch_all(pool)
    .await?;
    Ok(baris.into_iter().map(|(x,)| x).collect())
}

// ---------- ekspektasi perilaku ----------

/// Menyimpan (atau mengganti) ekspektasi khusus pimpinan untuk satu nilai BerAKHLAK.
pub async fn simpan_ekspektasi(
    k: &mut Koneksi,
    instansi_id: &str,
    skp_id: &str,
    nilai: &str,
    ekspektasi: &str,
) -> Hasil<()> {
    sqlx::query(
        "INSERT INTO ekspektasi_perilaku (instansi_id, skp_id, nilai, ekspektasi) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (instansi_id, skp_id, nilai) DO UPDATE SET ekspektasi = excluded.ekspektasi",
    )
    .bind(instansi_id)
    .bind(skp_id)
    .bind(nilai)
    .bind(ekspektasi)
    .execute(k)
    .await?;
    Ok(())
}

pub async fn ekspektasi_skp(
    pool: &AnyPool,
    instansi_id: &str,
    skp_id: &str,
) -> Hasil<Vec<(String, String)>> {
    Ok(sqlx::query_as(
        "SELECT nilai, ekspektasi FROM ekspektasi_perilaku WHERE instansi_id = $1 AND skp_id = $2 ORDER BY nilai",
    )
    .bind(instansi_id)
    .bind(skp_id)
    .fetch_all(pool)
    .await?)
}

// ---------- realisasi ----------

pub async fn sisipkan_realisasi(k: &mut Koneksi, r: &RealisasiSkp) -> Hasil<()> {
    sqlx::query(sqlf!(
        "INSERT INTO realisasi_skp ({KOLOM_REALISASI}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)"
    ))
    .bind(&r.instansi_id)
    .bind(&r.id)
    .bind(&r.skp_id)
    .bind(&r.indikator_id)
    .bind(&r.periode)
    .bind(&r.realisasi)
    .bind(&r.catatan)
    .bind(&r.bukti_id)
    .bind(&r.tautan)
    .bind(&r.kunci_klien)
    .bind(&r.pengguna_id)
    .bind(&r.status)
    .bind(&r.umpan_balik)
    .bind(&r.umpan_balik_oleh)
    .bind(&r.umpan_balik_pada)
    .bind(r.versi)
    .bind(&r.dibuat_pada)
    .execute(k)
    .await?;
    Ok(())
}

pub async fn realisasi(pool: &AnyPool, instansi_id: &str, id: &str) -> Hasil<Option<RealisasiSkp>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_REALISASI} FROM realisasi_skp WHERE instansi_id = $1 AND id = $2"
    ))
    .bind(instansi_id)
    .bind(id)
    .fetch_optional(pool)
    .await?)
}

/// Entri dengan kunci klien ini (kiriman ulang antrean luring).
pub async fn realisasi_kunci(
    pool: &AnyPool,
    instansi_id: &str,
    kunci_klien: &str,
) -> Hasil<Option<RealisasiSkp>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_REALISASI} FROM realisasi_skp WHERE instansi_id = $1 AND kunci_klien = $2"
    ))
    .bind(instansi_id)
    .bind(kunci_klien)
    .fetch_optional(pool)
    .await?)
}

/// Realisasi satu SKP, terbaru dahulu.
pub async fn realisasi_skp(
    pool: &AnyPool,
    instansi_id: &str,
    skp_id: &str,
) -> Hasil<Vec<RealisasiSkp>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_REALISASI} FROM realisasi_skp WHERE instansi_id = $1 AND skp_id = $2 \
         ORDER BY periode, dibuat_pada DESC, id DESC"
    ))
    .bind(instansi_id)
    .bind(skp_id)
    .fetch_all(pool)
    .await?)
}

/// SKP yang realisasinya merujuk bukti ini.
pub async fn skp_dengan_bukti(
    pool: &AnyPool,
    instansi_id: &str,
    bukti_id: &str,
) -> Hasil<Vec<String>> {
    let baris: Vec<(String,)> = sqlx::query_as(
        "SELECT DISTINCT skp_id FROM realisasi_skp WHERE instansi_id = $1 AND bukti_id = $2",
    )
    .bind(instansi_id)
    .bind(bukti_id)
    .fetch_all(pool)
    .await?;
    Ok(baris.into_iter().map(|(x,)| x).collect())
}

/// Umpan balik penilai atas satu entri bila versinya masih sama.
pub async fn beri_umpan_balik(k: &mut Koneksi, r: &RealisasiSkp, versi_lama: i64) -> Hasil<bool> {
    let x = sqlx::query(
        "UPDATE realisasi_skp SET status = $1, umpan_balik = $2, umpan_balik_oleh = $3, umpan_balik_pada = $4, \
         versi = versi + 1 WHERE instansi_id = $5 AND id = $6 AND versi = $7",
    )
    .bind(&r.status)
    .bind(&r.umpan_balik)
    .bind(&r.umpan_balik_oleh)
    .bind(&r.umpan_balik_pada)
    .bind(&r.instansi_id)
    .bind(&r.id)
    .bind(versi_lama)
    .execute(k)
    .await?;
    Ok(x.rows_affected() == 1)
}

// ---------- langkah alur ----------

pub async fn sisipkan_langkah(k: &mut Koneksi, l: &RiwayatLangkah) -> Hasil<()> {
    sqlx::query(
        "INSERT INTO langkah_skp (instansi_id, id, skp_id, langkah, dari, ke, pengguna_id, catatan, pada) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(&l.instansi_id)
    .bind(&l.id)
    .bind(&l.skp_id)
    .bind(&l.langkah)
    .bind(&l.dari)
    .bind(&l.ke)
    .bind(&l.pengguna_id)
    .bind(&l.catatan)
    .bind(&l.pada)
    .execute(k)
    .await?;
    Ok(())
}

pub async fn langkah_skp(
    pool: &AnyPool,
    instansi_id: &str,
    skp_id: &str,
) -> Hasil<Vec<RiwayatLangkah>> {
    Ok(sqlx::query_as(
        "SELECT instansi_id, id, skp_id, langkah, dari, ke, pengguna_id, catatan, pada FROM langkah_skp \
         WHERE instansi_id = $1 AND skp_id = $2 ORDER BY pada, id",
    )
    .bind(instansi_id)
    .bind(skp_id)
    .fetch_all(pool)
    .await?)
}

// ---------- evaluasi ----------

pub async fn evaluasi(
    pool: &AnyPool,
    instansi_id: &str,
    skp_id: &str,
    periode: &str,
) -> Hasil<Option<EvaluasiSkp>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_EVALUASI} FROM evaluasi_skp WHERE instansi_id = $1 AND skp_id = $2 AND periode = $3"
    ))
    .bind(instansi_id)
    .bind(skp_id)
    .bind(periode)
    .fetch_optional(pool)
    .await?)
}

pub async fn evaluasi_skp(
    pool: &AnyPool,
    instansi_id: &str,
    skp_id: &str,
) -> Hasil<Vec<EvaluasiSkp>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_EVALUASI} FROM evaluasi_skp WHERE instansi_id = $1 AND skp_id = $2 ORDER BY periode"
    ))
    .bind(instansi_id)
    .bind(skp_id)
    .fetch_all(pool)
    .await?)
}

/// Semua evaluasi satu periode bagi SKP aktif tahun itu (rekap rating).
pub async fn evaluasi_periode(
    pool: &AnyPool,
    instansi_id: &str,
    tahun: i64,
    periode: &str,
) -> Hasil<Vec<EvaluasiSkp>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_EVALUASI} FROM evaluasi_skp WHERE instansi_id = $1 AND skp_id IN \
         (SELECT id FROM skp WHERE instansi_id = $1 AND tahun = $2 AND aktif = 1) AND periode = $3 ORDER BY skp_id"
    ))
    .bind(instansi_id)
    .bind(tahun)
    .bind(periode)
    .fetch_all(pool)
    .await?)
}

/// Evaluasi baru; pelanggaran kunci (dua penilai menyimpan bersamaan)
/// dikembalikan sebagai galat unik (409 di lapisan atas).
pub async fn sisipkan_evaluasi(k: &mut Koneksi, e: &EvaluasiSkp) -> Hasil<()> {
    sqlx::query(sqlf!(
        "INSERT INTO evaluasi_skp ({KOLOM_EVALUASI}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
    ))
    .bind(&e.instansi_id)
    .bind(&e.skp_id)
    .bind(&e.periode)
    .bind(&e.rating_hasil)
    .bind(&e.rating_perilaku)
    .bind(&e.predikat)
    .bind(&e.catatan)
    .bind(&e.pengguna_id)
    .bind(e.versi)
    .bind(&e.diubah_pada)
    .execute(k)
    .await?;
    Ok(())
}

/// Mengganti evaluasi bila versinya masih sama; false bila basi.
pub async fn ubah_evaluasi(k: &mut Koneksi, e: &EvaluasiSkp, versi_lama: i64) -> Hasil<bool> {
    let x = sqlx::query(
        "UPDATE evaluasi_skp SET rating_hasil = $1, rating_perilaku = $2, predikat = $3, catatan = $4, \
         pengguna_id = $5, versi = versi + 1, diubah_pada = $6 \
         WHERE instansi_id = $7 AND skp_id = $8 AND periode = $9 AND versi = $10",
    )
    .bind(&e.rating_hasil)
    .bind(&e.rating_perilaku)
    .bind(&e.predikat)
    .bind(&e.catatan)
    .bind(&e.pengguna_id)
    .bind(&e.diubah_pada)
    .bind(&e.instansi_id)
    .bind(&e.skp_id)
    .bind(&e.periode)
    .bind(versi_lama)
    .execute(k)
    .await?;
    Ok(x.rows_affected() == 1)
}

/// Satu baris kalibrasi: SKP aktif dan predikatnya pada satu periode (bila sudah dinilai).
#[derive(Debug, Clone, sqlx::FromRow, Serialize, PartialEq)]
pub struct BarisKalibrasi {
    pub skp_id: String,
    pub pegawai_id: String,
    pub unit_id: String,
    pub penilai_id: Option<String>,
    pub atasan_penilai_id: Option<String>,
    pub predikat: Option<String>,
    pub versi: Option<i64>,
}

/// SKP aktif satu tahun dengan predikat periodenya (LEFT JOIN): satu kueri, satu shard.
pub async fn baris_kalibrasi(
    pool: &AnyPool,
    instansi_id: &str,
    tahun: i64,
    periode: &str,
) -> Hasil<Vec<BarisKalibrasi>> {
    Ok(sqlx::query_as(
        "SELECT s.id AS skp_id, s.pegawai_id, s.unit_id, s.penilai_id, s.atasan_penilai_id, e.predikat, e.versi \
         FROM skp s LEFT JOIN evaluasi_skp e ON e.instansi_id = s.instansi_id AND e.skp_id = s.id AND e.periode = $3 \
         WHERE s.instansi_id = $1 AND s.tahun = $2 AND s.aktif = 1 ORDER BY s.unit_id, s.pegawai_id",
    )
    .bind(instansi_id)
    .bind(tahun)
    .bind(periode)
    .fetch_all(pool)
    .await?)
}

/// Banyaknya SKP aktif per (unit, predikat periode itu; NULL = belum dinilai):
/// ringkasan kalibrasi tanpa memindahkan satu baris per pegawai (10.000
/// pegawai → ±300 baris). Satu kueri, satu shard.
pub async fn jumlah_kalibrasi(
    pool: &AnyPool,
    instansi_id: &str,
    tahun: i64,
    periode: &str,
) -> Hasil<Vec<(String, Option<String>, i64)>> {
    Ok(sqlx::query_as(
        "SELECT s.unit_id, e.predikat, COUNT(*) AS n \
         FROM skp s LEFT JOIN evaluasi_skp e ON e.instansi_id = s.instansi_id AND e.skp_id = s.id AND e.periode = $3 \
         WHERE s.instansi_id = $1 AND s.tahun = $2 AND s.aktif = 1 GROUP BY s.unit_id, e.predikat",
    )
    .bind(instansi_id)
    .bind(tahun)
    .bind(periode)
    .fetch_all(pool)
    .await?)
}

/// Unit SKP aktif yang dinilai (atau diatasi-nilai) seorang pegawai.
pub async fn unit_dinilai_oleh(
    pool: &AnyPool,
    instansi_id: &str,
    tahun: i64,
    pegawai_id: &str,
) -> Hasil<Vec<String>> {
    let x: Vec<(String,)> = sqlx::query_as(
        "SELECT DISTINCT unit_id FROM skp \
         WHERE instansi_id = $1 AND tahun = $2 AND aktif = 1 AND (penilai_id = $3 OR atasan_penilai_id = $3)",
    )
    .bind(instansi_id)
    .bind(tahun)
    .bind(pegawai_id)
    .fetch_all(pool)
    .await?;
    Ok(x.into_iter().map(|(u,)| u).collect())
}

// ---------- kurva per unit ----------

pub async fn kurva_unit(pool: &AnyPool, instansi_id: &str, periode: &str) -> Hasil<Vec<KurvaUnit>> {
    Ok(sqlx::query_as(
        "SELECT instansi_id, periode, unit_id, predikat_organisasi, difinalkan, alasan_pengecualian, pengguna_id, versi, diubah_pada \
         FROM kurva_unit WHERE instansi_id = $1 AND periode = $2 ORDER BY unit_id",
    )
    .bind(instansi_id)
    .bind(periode)
    .fetch_all(pool)
    .await?)
}

/// Menyimpan baris kurva unit: sisip bila `versi_lama` None (gagal unik = 409),
/// ganti bila versinya masih sama (false bila basi).
pub async fn simpan_kurva_unit(
    k: &mut Koneksi,
    u: &KurvaUnit,
    versi_lama: Option<i64>,
) -> Hasil<bool> {
    let x = match versi_lama {
        None => {
            sqlx::query(
                "INSERT INTO kurva_unit (instansi_id, periode, unit_id, predikat_organisasi, difinalkan, alasan_pengecualian, pengguna_id, versi, diubah_pada) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            )
            .bind(&u.instansi_id)
            .bind(&u.periode)
            .bind(&u.unit_id)
            .bind(&u.predikat_organisasi)
            .bind(u.difinalkan)
            .bind(&u.alasan_pengecualian)
            .bind(&u.pengguna_id)
            .bind(u.versi)
            .bind(&u.diubah_pada)
            .execute(k)
            .await?
        }
        Some(v) => {
            sqlx::query(
                "UPDATE kurva_unit SET predikat_organisasi = $1, difinalkan = $2, alasan_pengecualian = $3, pengguna_id = $4, \
                 versi = versi + 1, diubah_pada = $5 WHERE instansi_id = $6 AND periode = $7 AND unit_id = $8 AND versi = $9",
            )
            .bind(&u.predikat_organisasi)
            .bind(u.difinalkan)
            .bind(&u.alasan_pengecualian)
            .bind(&u.pengguna_id)
            .bind(&u.diubah_pada)
            .bind(&u.instansi_id)
            .bind(&u.periode)
            .bind(&u.unit_id)
            .bind(v)
            .execute(k)
            .await?
        }
    };
    Ok(x.rows_affected() == 1)
}

// ---------- muat massal (demo, tolok ukur) ----------

pub async fn sisipkan_langkah_banyak(k: &mut Koneksi, daftar: &[RiwayatLangkah]) -> Hasil<()> {
    let be = crate::Backend::dari_koneksi(k);
    for potong in daftar.chunks(be.baris_per_sisip(9)) {
        let sql = format!(
            "INSERT INTO langkah_skp (instansi_id, id, skp_id, langkah, dari, ke, pengguna_id, catatan, pada) VALUES {}",
            crate::nilai_banyak(potong.len(), 9)
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for l in potong {
            q = q
                .bind(&l.instansi_id)
                .bind(&l.id)
                .bind(&l.skp_id)
                .bind(&l.langkah)
                .bind(&l.dari)
                .bind(&l.ke)
                .bind(&l.pengguna_id)
                .bind(&l.catatan)
                .bind(&l.pada);
        }
        q.execute(&mut *k).await?;
    }
    Ok(())
}

pub async fn sisipkan_realisasi_banyak(k: &mut Koneksi, daftar: &[RealisasiSkp]) -> Hasil<()> {
    let be = crate::Backend::dari_koneksi(k);
    for potong in daftar.chunks(be.baris_per_sisip(17)) {
        let sql = format!(
            "INSERT INTO realisasi_skp ({KOLOM_REALISASI}) VALUES {}",
            crate::nilai_banyak(potong.len(), 17)
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for r in potong {
            q = q
                .bind(&r.instansi_id)
                .bind(&r.id)
                .bind(&r.skp_id)
                .bind(&r.indikator_id)
                .bind(&r.periode)
                .bind(&r.realisasi)
                .bind(&r.catatan)
                .bind(&r.bukti_id)
                .bind(&r.tautan)
                .bind(&r.kunci_klien)
                .bind(&r.pengguna_id)
                .bind(&r.status)
                .bind(&r.umpan_balik)
                .bind(&r.umpan_balik_oleh)
                .bind(&r.umpan_balik_pada)
                .bind(r.versi)
                .bind(&r.dibuat_pada);
        }
        q.execute(&mut *k).await?;
    }
    Ok(())
}

pub async fn sisipkan_evaluasi_banyak(k: &mut Koneksi, daftar: &[EvaluasiSkp]) -> Hasil<()> {
    let be = crate::Backend::dari_koneksi(k);
    for potong in daftar.chunks(be.baris_per_sisip(10)) {
        let sql = format!(
            "INSERT INTO evaluasi_skp ({KOLOM_EVALUASI}) VALUES {}",
            crate::nilai_banyak(potong.len(), 10)
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for e in potong {
            q = q
                .bind(&e.instansi_id)
                .bind(&e.skp_id)
                .bind(&e.periode)
                .bind(&e.rating_hasil)
                .bind(&e.rating_perilaku)
                .bind(&e.predikat)
                .bind(&e.catatan)
                .bind(&e.pengguna_id)
                .bind(e.versi)
                .bind(&e.diubah_pada);
        }
        q.execute(&mut *k).await?;
    }
    Ok(())
}

/// Satu status untuk semua SKP aktif satu tahun (muat demo).
pub async fn atur_status_tahun(
    k: &mut Koneksi,
    instansi_id: &str,
    tahun: i64,
    status: &str,
) -> Hasil<()> {
    sqlx::query("UPDATE skp SET status = $1 WHERE instansi_id = $2 AND tahun = $3 AND aktif = 1")
        .bind(status)
        .bind(instansi_id)
        .bind(tahun)
        .execute(k)
        .await?;
    Ok(())
}

/// Status SKP banyak sekaligus (muat demo): (id, status).
pub async fn atur_status_banyak(
    k: &mut Koneksi,
    instansi_id: &str,
    status: &[(String, String)],
) -> Hasil<()> {
    for (id, st) in status {
        sqlx::query("UPDATE skp SET status = $1 WHERE instansi_id = $2 AND id = $3")
            .bind(st)
            .bind(instansi_id)
            .bind(id)
            .execute(&mut *k)
            .await?;
    }
    Ok(())
}

/// Ringkas realisasi satu tahun untuk dasbor: satu baris per entri.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RealisasiRingkas {
    pub skp_id: String,
    pub indikator_id: String,
    pub status: String,
    /// 1 bila ada berkas atau tautan bukti.
    pub berbukti: i64,
    pub dibuat_pada: String,
}

pub async fn realisasi_tahun(
    pool: &AnyPool,
    instansi_id: &str,
    tahun: i64,
) -> Hasil<Vec<RealisasiRingkas>> {
    Ok(sqlx::query_as(
        "SELECT r.skp_id, r.indikator_id, r.status, \
         CASE WHEN r.bukti_id IS NOT NULL OR r.tautan IS NOT NULL THEN 1 ELSE 0 END AS berbukti, r.dibuat_pada \
         FROM realisasi_skp r WHERE r.instansi_id = $1 AND r.skp_id IN \
         (SELECT id FROM skp WHERE instansi_id = $1 AND tahun = $2 AND aktif = 1)",
    )
    .bind(instansi_id)
    .bind(tahun)
    .fetch_all(pool)
    .await?)
}

// ---------- pengingat ----------

/// Mencatat peristiwa pengingat; false bila sudah pernah dicatat.
pub async fn catat_pengingat(
    k: &mut Koneksi,
    instansi_id: &str,
    skp_id: &str,
    jenis: &str,
    kunci: &str,
    waktu: &str,
) -> Hasil<bool> {
    let r = sqlx::query(
        "INSERT INTO pengingat_skp (instansi_id, skp_id, jenis, kunci, dikirim_pada) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (instansi_id, skp_id, jenis, kunci) DO NOTHING",
    )
    .bind(instansi_id)
    .bind(skp_id)
    .bind(jenis)
    .bind(kunci)
    .bind(waktu)
    .execute(k)
    .await?;
    Ok(r.rows_affected() == 1)
}

/// Pengingat yang sudah tercatat untuk satu tahun: (skp_id, jenis, kunci).
pub async fn pengingat_tahun(
    pool: &AnyPool,
    instansi_id: &str,
    tahun: i64,
) -> Hasil<HashSet<(String, String, String)>> {
    let v: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT g.skp_id, g.jenis, g.kunci FROM pengingat_skp g WHERE g.instansi_id = $1 AND g.skp_id IN \
         (SELECT id FROM skp WHERE instansi_id = $1 AND tahun = $2 AND aktif = 1)",
    )
    .bind(instansi_id)
    .bind(tahun)
    .fetch_all(pool)
    .await?;
    Ok(v.into_iter().collect())
}

/// (skp_id, periode) yang sudah dinilai pada satu tahun.
pub async fn evaluasi_tahun(
    pool: &AnyPool,
    instansi_id: &str,
    tahun: i64,
) -> Hasil<Vec<(String, String)>> {
    Ok(sqlx::query_as(
        "SELECT e.skp_id, e.periode FROM evaluasi_skp e WHERE e.instansi_id = $1 AND e.skp_id IN \
         (SELECT id FROM skp WHERE instansi_id = $1 AND tahun = $2 AND aktif = 1)",
    )
    .bind(instansi_id)
    .bind(tahun)
    .fetch_all(pool)
    .await?)
}

/// Realisasi per (skp_id, periode) pada satu tahun (ada atau tidak).
pub async fn periode_berealisasi(
    pool: &AnyPool,
    instansi_id: &str,
    tahun: i64,
) -> Hasil<Vec<(String, String)>> {
    Ok(sqlx::query_as(
        "SELECT DISTINCT r.skp_id, r.periode FROM realisasi_skp r WHERE r.instansi_id = $1 AND r.skp_id IN \
         (SELECT id FROM skp WHERE instansi_id = $1 AND tahun = $2 AND aktif = 1)",
    )
    .bind(instansi_id)
    .bind(tahun)
    .fetch_all(pool)
    .await?)
}

/// Entri realisasi yang menunggu umpan balik, per SKP yang dinilai seorang penilai.
pub async fn menunggu_per_penilai(
    pool: &AnyPool,
    instansi_id: &str,
    tahun: i64,
    penilai_id: &str,
) -> Hasil<Vec<(String, i64)>> {
    Ok(sqlx::query_as(
        "SELECT r.skp_id, COUNT(*) FROM realisasi_skp r WHERE r.instansi_id = $1 AND r.status = 'menunggu' \
         AND r.skp_id IN (SELECT id FROM skp WHERE instansi_id = $1 AND tahun = $2 AND aktif = 1 AND penilai_id = $3) \
         GROUP BY r.skp_id",
    )
    .bind(instansi_id)
    .bind(tahun)
    .bind(penilai_id)
    .fetch_all(pool)
    .await?)
}

// ---------- rencana dari berkas dan templat per jabatan (migrasi 0068) ----------

/// Mengubah isi satu indikator (impor rencana: indikator yang cocok menurut uraian).
pub async fn ubah_indikator(k: &mut Koneksi, i: &IndikatorSkp) -> Hasil<()> {
    sqlx::query(
        "UPDATE indikator_skp SET aspek = $1, uraian = $2, target = $3, satuan = $4 \
         WHERE instansi_id = $5 AND id = $6",
    )
    .bind(&i.aspek)
    .bind(&i.uraian)
    .bind(&i.target)
    .bind(&i.satuan)
    .bind(&i.instansi_id)
    .bind(&i.id)
    .execute(k)
    .await?;
    Ok(())
}

/// RHK satu SKP yang dirujuk tonggak aksi perubahan (`tonggak_aksi.rhk_id`).
pub async fn rhk_dirujuk_tonggak(
    pool: &AnyPool,
    instansi_id: &str,
    skp_id: &str,
) -> Hasil<HashSet<String>> {
    let baris: Vec<(String,)> = sqlx::query_as(
        "SELECT DISTINCT t.rhk_id FROM tonggak_aksi t JOIN rhk r \
         ON r.instansi_id = t.instansi_id AND r.id = t.rhk_id \
         WHERE t.instansi_id = $1 AND r.skp_id = $2",
    )
    .bind(instansi_id)
    .bind(skp_id)
    .fetch_all(pool)
    .await?;
    Ok(baris.into_iter().map(|(x,)| x).collect())
}

/// RHK satu SKP yang diintervensi RHK SKP lain (bawahan sudah menautkan).
pub async fn rhk_diintervensi(
    pool: &AnyPool,
    instansi_id: &str,
    skp_id: &str,
) -> Hasil<HashSet<String>> {
    let baris: Vec<(String,)> = sqlx::query_as(
        "SELECT DISTINCT b.rhk_atasan_id FROM rhk b JOIN rhk r \
         ON r.instansi_id = b.instansi_id AND r.id = b.rhk_atasan_id \
         WHERE b.instansi_id = $1 AND r.skp_id = $2 AND b.skp_id <> $2",
    )
    .bind(instansi_id)
    .bind(skp_id)
    .fetch_all(pool)
    .await?;
    Ok(baris.into_iter().map(|(x,)| x).collect())
}

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct TemplatSkp {
    pub instansi_id: String,
    pub jabatan_id: String,
    /// Baris rencana (JSON `app::skp::rencana_berkas::RhkBerkas`), tanpa tautan atasan.
    pub isi: String,
    pub diubah_pada: String,
    pub diubah_oleh: Option<String>,
    pub versi: i64,
}

const KOLOM_TEMPLAT: &str = "instansi_id, jabatan_id, isi, diubah_pada, diubah_oleh, versi";

/// Semua templat SKP satu instansi (dimuat sekali saat membuka periode).
pub async fn templat_skp_semua(pool: &AnyPool, instansi_id: &str) -> Hasil<Vec<TemplatSkp>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_TEMPLAT} FROM templat_skp WHERE instansi_id = $1 ORDER BY jabatan_id"
    ))
    .bind(instansi_id)
    .fetch_all(pool)
    .await?)
}

pub async fn templat_skp(
    pool: &AnyPool,
    instansi_id: &str,
    jabatan_id: &str,
) -> Hasil<Option<TemplatSkp>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_TEMPLAT} FROM templat_skp WHERE instansi_id = $1 AND jabatan_id = $2"
    ))
    .bind(instansi_id)
    .bind(jabatan_id)
    .fetch_optional(pool)
    .await?)
}

/// Menyimpan templat satu jabatan (baru, atau mengganti isinya dengan versi + 1).
pub async fn simpan_templat_skp(k: &mut Koneksi, t: &TemplatSkp) -> Hasil<()> {
    sqlx::query(sqlf!(
        "INSERT INTO templat_skp ({KOLOM_TEMPLAT}) VALUES ($1, $2, $3, $4, $5, 1) \
         ON CONFLICT (instansi_id, jabatan_id) DO UPDATE SET isi = $3, diubah_pada = $4, \
         diubah_oleh = $5, versi = templat_skp.versi + 1"
    ))
    .bind(&t.instansi_id)
    .bind(&t.jabatan_id)
    .bind(&t.isi)
    .bind(&t.diubah_pada)
    .bind(&t.diubah_oleh)
    .execute(k)
    .await?;
    Ok(())
}

/// Menghapus templat satu jabatan; false bila tidak ada.
pub async fn hapus_templat_skp(
    k: &mut Koneksi,
    instansi_id: &str,
    jabatan_id: &str,
) -> Hasil<bool> {
    let x = sqlx::query("DELETE FROM templat_skp WHERE instansi_id = $1 AND jabatan_id = $2")
        .bind(instansi_id)
        .bind(jabatan_id)
        .execute(k)
        .await?;
    Ok(x.rows_affected() > 0)
}
