//! Aksi perubahan (isu 13): angkatan pelatihan, peserta dan proyeknya,
//! tonggak, progres, pengingat yang sudah dikirim. Migrasi 0040–0047.
//!
//! Proyek (`aksi_perubahan`) disimpan di instansi alumni; angkatannya di
//! instansi penyelenggara (rujukan lintas instansi tanpa FK, diperiksa
//! layanan). Status proyek TIDAK disimpan: ia bergantung pada tanggal hari
//! ini dan dihitung `rules::aksi_perubahan` dari baris tonggak.

use crate::{Hasil, Koneksi};
use serde::{Deserialize, Serialize};
use sqlx::any::AnyArguments;
use sqlx::{AnyPool, Arguments};

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct Angkatan {
    /// Instansi penyelenggara.
    pub instansi_id: String,
    pub id: String,
    /// `pkn_i`, `pkn_ii`, `pka`, `pkp`.
    pub jenis: String,
    pub nama: String,
    /// Lembaga penyelenggara, mis. "BPSDM Provinsi Maluku".
    pub penyelenggara: String,
    /// Unit penyelenggara di instansi itu (pimpinannya melihat angkatannya).
    pub unit_penyelenggara_id: Option<String>,
    pub mulai: String,
    pub selesai: String,
    pub versi: i64,
    pub dibuat_pada: String,
    pub diubah_pada: String,
}

const KOLOM_ANGKATAN: &str = "instansi_id, id, jenis, nama, penyelenggara, unit_penyelenggara_id, mulai, selesai, versi, dibuat_pada, diubah_pada";

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct Aksi {
    /// Instansi alumni.
    pub instansi_id: String,
    pub id: String,
    /// Pegawai alumni.
    pub pegawai_id: String,
    pub angkatan_instansi_id: String,
    pub angkatan_id: String,
    pub mentor_pegawai_id: Option<String>,
    /// Coach (widyaiswara) dari lembaga pelatihan.
    pub coach_nama: Option<String>,
    pub judul: String,
    pub masalah: Option<String>,
    pub tujuan: Option<String>,
    pub pemangku_kepentingan: Option<String>,
    /// Kualifikasi hasil seminar (token pita).
    pub kualifikasi: Option<String>,
    /// 1: diusulkan ke repositori inovasi.
    pub usul_inovasi: i64,
    /// Nilai seminar 0–100 (teks desimal), bila dicatat lembaga pelatihan.
    pub nilai_seminar: Option<String>,
    pub versi: i64,
    pub dibuat_pada: String,
    pub diubah_pada: String,
}

const KOLOM_AKSI: &str = "instansi_id, id, pegawai_id, angkatan_instansi_id, angkatan_id, mentor_pegawai_id, coach_nama, judul, masalah, tujuan, pemangku_kepentingan, kualifikasi, usul_inovasi, nilai_seminar, versi, dibuat_pada, diubah_pada";

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct Tonggak {
    pub instansi_id: String,
    pub id: String,
    pub aksi_id: String,
    pub urutan: i64,
    /// `jangka_pendek`, `jangka_menengah`, `jangka_panjang`.
    pub tahap: String,
    pub uraian: String,
    /// YYYY-MM-DD.
    pub jatuh_tempo: String,
    /// Keluaran (deliverable).
    pub keluaran: Option<String>,
    /// Indikator keberhasilan.
    pub indikator: Option<String>,
    /// Desimal 0–100 sebagai teks.
    pub progres_persen: String,
    /// Tanggal pembaruan terakhir di zona instansi (YYYY-MM-DD).
    pub diperbarui_pada: String,
    pub selesai_pada: Option<String>,
    pub dibatalkan_alasan: Option<String>,
    /// RHK di SKP alumni yang dibentuk dari tonggak ini (kelak).
    pub rhk_id: Option<String>,
    pub versi: i64,
    pub dibuat_pada: String,
    pub diubah_pada: String,
}

const KOLOM_TONGGAK: &str = "instansi_id, id, aksi_id, urutan, tahap, uraian, jatuh_tempo, keluaran, indikator, progres_persen, diperbarui_pada, selesai_pada, dibatalkan_alasan, rhk_id, versi, dibuat_pada, diubah_pada";

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct Progres {
    pub instansi_id: String,
    pub id: String,
    pub aksi_id: String,
    pub tonggak_id: String,
    /// Pengguna pengirim (alumni).
    pub pengguna_id: String,
    pub progres_persen: String,
    pub catatan: String,
    /// `menunggu`, `diterima`, `ditolak`.
    pub status: String,
    pub verifikator_id: Option<String>,
    pub diverifikasi_pada: Option<String>,
    pub catatan_verifikasi: Option<String>,
    pub dibuat_pada: String,
}

const KOLOM_PROGRES: &str = "instansi_id, id, aksi_id, tonggak_id, pengguna_id, progres_persen, catatan, status, verifikator_id, diverifikasi_pada, catatan_verifikasi, dibuat_pada";

pub async fn sisipkan_angkatan(k: &mut Koneksi, a: &Angkatan) -> Hasil<()> {
    sqlx::query(sqlf!(
        "INSERT INTO angkatan_pelatihan ({KOLOM_ANGKATAN}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
    ))
    .bind(&a.instansi_id)
    .bind(&a.id)
    .bind(&a.jenis)
    .bind(&a.nama)
    .bind(&a.penyelenggara)
    .bind(&a.unit_penyelenggara_id)
    .bind(&a.mulai)
    .bind(&a.selesai)
    .bind(a.versi)
    .bind(&a.dibuat_pada)
    .bind(&a.diubah_pada)
    .execute(k)
    .await?;
    Ok(())
}

/// Angkatan menurut id saja (URL); tabel kecil, berindeks `id`.
pub async fn angkatan(pool: &AnyPool, id: &str) -> Hasil<Option<Angkatan>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_ANGKATAN} FROM angkatan_pelatihan WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(pool)
    .await?)
}

/// Angkatan yang diselenggarakan satu instansi, terbaru dulu (paling banyak 500).
pub async fn daftar_angkatan(pool: &AnyPool, instansi_id: &str) -> Hasil<Vec<Angkatan>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_ANGKATAN} FROM angkatan_pelatihan WHERE instansi_id = $1 \
         ORDER BY mulai DESC, id LIMIT 500"
    ))
    .bind(instansi_id)
    .fetch_all(pool)
    .await?)
}

pub async fn sisipkan_aksi(k: &mut Koneksi, a: &Aksi) -> Hasil<()> {
    sqlx::query(sqlf!(
        "INSERT INTO aksi_perubahan ({KOLOM_AKSI}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)"
    ))
    .bind(&a.instansi_id)
    .bind(&a.id)
    .bind(&a.pegawai_id)
    .bind(&a.angkatan_instansi_id)
    .bind(&a.angkatan_id)
    .bind(&a.mentor_pegawai_id)
    .bind(&a.coach_nama)
    .bind(&a.judul)
    .bind(&a.masalah)
    .bind(&a.tujuan)
    .bind(&a.pemangku_kepentingan)
    .bind(&a.kualifikasi)
    .bind(a.usul_inovasi)
    .bind(&a.nilai_seminar)
    .bind(a.versi)
    .bind(&a.dibuat_pada)
    .bind(&a.diubah_pada)
    .execute(&mut *k)
    .await?;
    sqlx::query("INSERT INTO aksi_global (id, instansi_id) VALUES ($1, $2)")
        .bind(&a.id)
        .bind(&a.instansi_id)
        .execute(k)
        .await?;
    Ok(())
}

/// Mengubah isi proyek bila versinya masih `versi_lama`; `false` bila basi.
pub async fn ubah_aksi(k: &mut Koneksi, a: &Aksi, versi_lama: i64) -> Hasil<bool> {
    let r = sqlx::query(
        "UPDATE aksi_perubahan SET mentor_pegawai_id = $3, coach_nama = $4, judul = $5, masalah = $6, \
         tujuan = $7, pemangku_kepentingan = $8, kualifikasi = $9, usul_inovasi = $10, versi = $11, \
         diubah_pada = $12, nilai_seminar = $14 WHERE instansi_id = $1 AND id = $2 AND versi = $13",
    )
    .bind(&a.instansi_id)
    .bind(&a.id)
    .bind(&a.mentor_pegawai_id)
    .bind(&a.coach_nama)
    .bind(&a.judul)
    .bind(&a.masalah)
    .bind(&a.tujuan)
    .bind(&a.pemangku_kepentingan)
    .bind(&a.kualifikasi)
    .bind(a.usul_inovasi)
    .bind(a.versi)
    .bind(&a.diubah_pada)
    .bind(versi_lama)
    .bind(&a.nilai_seminar)
    .execute(k)
    .await?;
    Ok(r.rows_affected() == 1)
}

/// Proyek menurut id saja: instansinya dari `aksi_global`, lalu satu shard.
pub async fn aksi(pool: &AnyPool, id: &str) -> Hasil<Option<Aksi>> {
    let iid: Option<(String,)> =
        sqlx::query_as("SELECT instansi_id FROM aksi_global WHERE id = $1")
            .bind(id)
            .fetch_optional(pool)
            .await?;
    let Some((iid,)) = iid else { return Ok(None) };
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_AKSI} FROM aksi_perubahan WHERE instansi_id = $1 AND id = $2"
    ))
    .bind(iid)
    .bind(id)
    .fetch_optional(pool)
    .await?)
}

/// Proyek seorang peserta dalam satu angkatan (impor memperbarui, tidak menggandakan).
pub async fn aksi_peserta(
    pool: &AnyPool,
    instansi_id: &str,
    angkatan_id: &str,
    pegawai_id: &str,
) -> Hasil<Option<Aksi>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_AKSI} FROM aksi_perubahan WHERE instansi_id = $1 AND angkatan_id = $2 AND pegawai_id = $3"
    ))
    .bind(instansi_id)
    .bind(angkatan_id)
    .bind(pegawai_id)
    .fetch_optional(pool)
    .await?)
}

pub async fn sisipkan_tonggak(k: &mut Koneksi, t: &Tonggak) -> Hasil<()> {
    sqlx::query(sqlf!(
        "INSERT INTO tonggak_aksi ({KOLOM_TONGGAK}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)"
    ))
    .bind(&t.instansi_id)
    .bind(&t.id)
    .bind(&t.aksi_id)
    .bind(t.urutan)
    .bind(&t.tahap)
    .bind(&t.uraian)
    .bind(&t.jatuh_tempo)
    .bind(&t.keluaran)
    .bind(&t.indikator)
    .bind(&t.progres_persen)
    .bind(&t.diperbarui_pada)
    .bind(&t.selesai_pada)
    .bind(&t.dibatalkan_alasan)
    .bind(&t.rhk_id)
    .bind(t.versi)
    .bind(&t.dibuat_pada)
    .bind(&t.diubah_pada)
    .execute(k)
    .await?;
    Ok(())
}

/// Menulis ulang kolom yang dapat berubah pada tonggak bila versinya masih
/// `versi_lama`; `false` bila basi.
pub async fn ubah_tonggak(k: &mut Koneksi, t: &Tonggak, versi_lama: i64) -> Hasil<bool> {
    let r = sqlx::query(
        "UPDATE tonggak_aksi SET tahap = $3, uraian = $4, jatuh_tempo = $5, keluaran = $6, indikator = $7, \
         progres_persen = $8, diperbarui_pada = $9, selesai_pada = $10, dibatalkan_alasan = $11, rhk_id = $12, \
         versi = $13, diubah_pada = $14 WHERE instansi_id = $1 AND id = $2 AND versi = $15",
    )
    .bind(&t.instansi_id)
    .bind(&t.id)
    .bind(&t.tahap)
    .bind(&t.uraian)
    .bind(&t.jatuh_tempo)
    .bind(&t.keluaran)
    .bind(&t.indikator)
    .bind(&t.progres_persen)
    .bind(&t.diperbarui_pada)
    .bind(&t.selesai_pada)
    .bind(&t.dibatalkan_alasan)
    .bind(&t.rhk_id)
    .bind(t.versi)
    .bind(&t.diubah_pada)
    .bind(versi_lama)
    .execute(k)
    .await?;
    Ok(r.rows_affected() == 1)
}

pub async fn tonggak(pool: &AnyPool, instansi_id: &str, id: &str) -> Hasil<Option<Tonggak>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_TONGGAK} FROM tonggak_aksi WHERE instansi_id = $1 AND id = $2"
    ))
    .bind(instansi_id)
    .bind(id)
    .fetch_optional(pool)
    .await?)
}

/// Tonggak satu proyek, berurutan.
pub async fn tonggak_proyek(
    pool: &AnyPool,
    instansi_id: &str,
    aksi_id: &str,
) -> Hasil<Vec<Tonggak>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_TONGGAK} FROM tonggak_aksi WHERE instansi_id = $1 AND aksi_id = $2 \
         ORDER BY urutan, jatuh_tempo, id"
    ))
    .bind(instansi_id)
    .bind(aksi_id)
    .fetch_all(pool)
    .await?)
}

pub async fn sisipkan_progres(k: &mut Koneksi, p: &Progres) -> Hasil<()> {
    sqlx::query(sqlf!(
        "INSERT INTO progres_aksi ({KOLOM_PROGRES}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
    ))
    .bind(&p.instansi_id)
    .bind(&p.id)
    .bind(&p.aksi_id)
    .bind(&p.tonggak_id)
    .bind(&p.pengguna_id)
    .bind(&p.progres_persen)
    .bind(&p.catatan)
    .bind(&p.status)
    .bind(&p.verifikator_id)
    .bind(&p.diverifikasi_pada)
    .bind(&p.catatan_verifikasi)
    .bind(&p.dibuat_pada)
    .execute(k)
    .await?;
    Ok(())
}

pub async fn progres(pool: &AnyPool, instansi_id: &str, id: &str) -> Hasil<Option<Progres>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_PROGRES} FROM progres_aksi WHERE instansi_id = $1 AND id = $2"
    ))
    .bind(instansi_id)
    .bind(id)
    .fetch_optional(pool)
    .await?)
}

/// Progres satu proyek, terbaru dulu (paling banyak 500).
pub async fn progres_proyek(
    pool: &AnyPool,
    instansi_id: &str,
    aksi_id: &str,
) -> Hasil<Vec<Progres>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_PROGRES} FROM progres_aksi WHERE instansi_id = $1 AND aksi_id = $2 \
         ORDER BY dibuat_pada DESC, id DESC LIMIT 500"
    ))
    .bind(instansi_id)
    .bind(aksi_id)
    .fetch_all(pool)
    .await?)
}

/// Memverifikasi progres yang masih `menunggu`; `false` bila sudah diputuskan
/// (dua mentor/klik ganda tidak memutuskan dua kali).
pub async fn verifikasi_progres(
    k: &mut Koneksi,
    instansi_id: &str,
    id: &str,
    status: &str,
    verifikator_id: &str,
    waktu: &str,
    catatan: Option<&str>,
) -> Hasil<bool> {
    let r = sqlx::query(
        "UPDATE progres_aksi SET status = $3, verifikator_id = $4, diverifikasi_pada = $5, \
         catatan_verifikasi = $6 WHERE instansi_id = $1 AND id = $2 AND status = 'menunggu'",
    )
    .bind(instansi_id)
    .bind(id)
    .bind(status)
    .bind(verifikator_id)
    .bind(waktu)
    .bind(catatan)
    .execute(k)
    .await?;
    Ok(r.rows_affected() == 1)
}

/// Mencatat satu pengingat; `true` hanya bagi pemanggil yang pertama kali
/// mencatatnya (kunci: tonggak, jenis, jatuh tempo). Dipanggil di transaksi
/// yang sama dengan notifikasi dan surelnya, sehingga pengingat terkirim
/// tepat sekali walau proses mati di tengah jalan.
pub async fn catat_pengingat(
    k: &mut Koneksi,
    instansi_id: &str,
    tonggak_id: &str,
    jenis: &str,
    jatuh_tempo: &str,
    waktu: &str,
) -> Hasil<bool> {
    let r = sqlx::query(
        "INSERT INTO pengingat_aksi (instansi_id, tonggak_id, jenis, jatuh_tempo, dikirim_pada) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (instansi_id, tonggak_id, jenis, jatuh_tempo) DO NOTHING",
    )
    .bind(instansi_id)
    .bind(tonggak_id)
    .bind(jenis)
    .bind(jatuh_tempo)
    .bind(waktu)
    .execute(k)
    .await?;
    Ok(r.rows_affected() == 1)
}

pub async fn jumlah_pengingat(pool: &AnyPool, instansi_id: &str, tonggak_id: &str) -> Hasil<i64> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM pengingat_aksi WHERE instansi_id = $1 AND tonggak_id = $2",
    )
    .bind(instansi_id)
    .bind(tonggak_id)
    .fetch_one(pool)
    .await?;
    Ok(n)
}

// ---------- pengaturan per instansi (migrasi 0065) ----------

/// Ambang pemantauan dan pita kualifikasi satu instansi.
#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq)]
pub struct Pengaturan {
    pub instansi_id: String,
    pub hari_senyap: i64,
    pub hari_berisiko: i64,
    /// JSON: larik `rules::aksi_perubahan::PitaKualifikasi`.
    pub pita_kualifikasi: String,
    pub versi: i64,
    pub diubah_oleh: Option<String>,
    pub diubah_pada: String,
}

const KOLOM_PENGATURAN: &str =
    "instansi_id, hari_senyap, hari_berisiko, pita_kualifikasi, versi, diubah_oleh, diubah_pada";

pub async fn pengaturan(pool: &AnyPool, instansi_id: &str) -> Hasil<Option<Pengaturan>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_PENGATURAN} FROM pengaturan_aksi WHERE instansi_id = $1"
    ))
    .bind(instansi_id)
    .fetch_optional(pool)
    .await?)
}

/// Semua pengaturan yang ada (tabel kecil: satu baris per instansi yang
/// mengubah bawaan); dibaca sekali per daftar/dasbor.
pub async fn semua_pengaturan(pool: &AnyPool) -> Hasil<Vec<Pengaturan>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_PENGATURAN} FROM pengaturan_aksi ORDER BY instansi_id"
    ))
    .fetch_all(pool)
    .await?)
}

/// Menyimpan pengaturan: baris baru bila `versi_lama` = 0, selain itu hanya
/// bila versinya masih `versi_lama`; `false` bila basi atau sudah ada.
pub async fn simpan_pengaturan(k: &mut Koneksi, p: &Pengaturan, versi_lama: i64) -> Hasil<bool> {
    let r = if versi_lama == 0 {
        sqlx::query(sqlf!(
            "INSERT INTO pengaturan_aksi ({KOLOM_PENGATURAN}) VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (instansi_id) DO NOTHING"
        ))
    } else {
        sqlx::query(
            "UPDATE pengaturan_aksi SET hari_senyap = $2, hari_berisiko = $3, pita_kualifikasi = $4, \
             versi = $5, diubah_oleh = $6, diubah_pada = $7 WHERE instansi_id = $1 AND versi = $8",
        )
    }
    .bind(&p.instansi_id)
    .bind(p.hari_senyap)
    .bind(p.hari_berisiko)
    .bind(&p.pita_kualifikasi)
    .bind(p.versi)
    .bind(&p.diubah_oleh)
    .bind(&p.diubah_pada)
    .bind(versi_lama)
    .execute(k)
    .await?;
    Ok(r.rows_affected() == 1)
}

// ---------- usul ke repositori inovasi (migrasi 0067) ----------

/// Usul satu proyek ke repositori inovasi dan keputusannya.
#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
#[schema(as = UsulInovasiAksi)]
pub struct UsulInovasi {
    pub instansi_id: String,
    pub aksi_id: String,
    /// `diusulkan`, `diterima`, `ditolak`.
    pub status: String,
    /// Pengguna yang mengusulkan.
    pub diusulkan_oleh: String,
    pub diusulkan_pada: String,
    pub catatan_usul: Option<String>,
    pub diputuskan_oleh: Option<String>,
    pub diputuskan_pada: Option<String>,
    pub catatan_keputusan: Option<String>,
    /// Inovasi yang terbit di repositori (bila diterima).
    pub inovasi_id: Option<String>,
    pub versi: i64,
}

const KOLOM_USUL: &str = "instansi_id, aksi_id, status, diusulkan_oleh, diusulkan_pada, catatan_usul, \
     diputuskan_oleh, diputuskan_pada, catatan_keputusan, inovasi_id, versi";

pub async fn usul_inovasi(
    pool: &AnyPool,
    instansi_id: &str,
    aksi_id: &str,
) -> Hasil<Option<UsulInovasi>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_USUL} FROM usul_inovasi_aksi WHERE instansi_id = $1 AND aksi_id = $2"
    ))
    .bind(instansi_id)
    .bind(aksi_id)
    .fetch_optional(pool)
    .await?)
}

/// Usul yang masih menunggu keputusan di satu instansi, beserta judul
/// proyek dan nama alumninya (daftar operator inovasi).
pub async fn usul_menunggu(
    pool: &AnyPool,
    instansi_id: &str,
) -> Hasil<Vec<(String, String, String, String)>> {
    Ok(sqlx::query_as(
        "SELECT u.aksi_id, a.judul, p.nama, u.diusulkan_pada FROM usul_inovasi_aksi u \
         JOIN aksi_perubahan a ON a.instansi_id = u.instansi_id AND a.id = u.aksi_id \
         JOIN pegawai p ON p.instansi_id = a.instansi_id AND p.id = a.pegawai_id \
         WHERE u.instansi_id = $1 AND u.status = 'diusulkan' ORDER BY u.diusulkan_pada, u.aksi_id LIMIT 500",
    )
    .bind(instansi_id)
    .fetch_all(pool)
    .await?)
}

/// Pengguna aktif instansi yang memutus usul inovasi (admin instansi,
/// operator inovasi), untuk notifikasi; paling banyak 20.
pub async fn pemutus_usul(pool: &AnyPool, instansi_id: &str) -> Hasil<Vec<String>> {
    let v: Vec<(String,)> = sqlx::query_as(
        "SELECT DISTINCT p.id FROM peran_pengguna r JOIN pengguna p \
         ON p.instansi_id = r.instansi_id AND p.id = r.pengguna_id \
         WHERE r.instansi_id = $1 AND r.peran IN ('admin_instansi', 'operator_inovasi') AND p.aktif = 1 \
         ORDER BY p.id LIMIT 20",
    )
    .bind(instansi_id)
    .fetch_all(pool)
    .await?;
    Ok(v.into_iter().map(|(x,)| x).collect())
}

/// Menandai proyek diusulkan (1) atau tidak (0) tanpa menaikkan versinya
/// (kolom ringkas untuk daftar; rinciannya di `usul_inovasi_aksi`).
pub async fn tandai_usul(k: &mut Koneksi, instansi_id: &str, id: &str, nilai: i64) -> Hasil<()> {
    sqlx::query("UPDATE aksi_perubahan SET usul_inovasi = $3 WHERE instansi_id = $1 AND id = $2")
        .bind(instansi_id)
        .bind(id)
        .bind(nilai)
        .execute(k)
        .await?;
    Ok(())
}

/// Usul inovasi proyek ikut ke proyek lanjutannya (alumni pindah instansi).
pub async fn salin_usul(
    k: &mut Koneksi,
    dari_instansi: &str,
    dari_aksi: &str,
    ke_instansi: &str,
    ke_aksi: &str,
) -> Hasil<()> {
    sqlx::query(
        "INSERT INTO usul_inovasi_aksi (instansi_id, aksi_id, status, diusulkan_oleh, diusulkan_pada, \
         catatan_usul, diputuskan_oleh, diputuskan_pada, catatan_keputusan, inovasi_id, versi) \
         SELECT $3, $4, status, diusulkan_oleh, diusulkan_pada, catatan_usul, diputuskan_oleh, \
         diputuskan_pada, catatan_keputusan, inovasi_id, 1 FROM usul_inovasi_aksi \
         WHERE instansi_id = $1 AND aksi_id = $2",
    )
    .bind(dari_instansi)
    .bind(dari_aksi)
    .bind(ke_instansi)
    .bind(ke_aksi)
    .execute(k)
    .await?;
    Ok(())
}

/// Mengusulkan (baru, atau lagi sesudah ditolak: versi naik).
pub async fn simpan_usul(k: &mut Koneksi, u: &UsulInovasi, versi_lama: i64) -> Hasil<bool> {
    let r = if versi_lama == 0 {
        sqlx::query(sqlf!(
            "INSERT INTO usul_inovasi_aksi ({KOLOM_USUL}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
             ON CONFLICT (instansi_id, aksi_id) DO NOTHING"
        ))
    } else {
        sqlx::query(
            "UPDATE usul_inovasi_aksi SET status = $3, diusulkan_oleh = $4, diusulkan_pada = $5, \
             catatan_usul = $6, diputuskan_oleh = $7, diputuskan_pada = $8, catatan_keputusan = $9, \
             inovasi_id = $10, versi = $11 WHERE instansi_id = $1 AND aksi_id = $2 AND versi = $12",
        )
    }
    .bind(&u.instansi_id)
    .bind(&u.aksi_id)
    .bind(&u.status)
    .bind(&u.diusulkan_oleh)
    .bind(&u.diusulkan_pada)
    .bind(&u.catatan_usul)
    .bind(&u.diputuskan_oleh)
    .bind(&u.diputuskan_pada)
    .bind(&u.catatan_keputusan)
    .bind(&u.inovasi_id)
    .bind(u.versi)
    .bind(versi_lama)
    .execute(k)
    .await?;
    Ok(r.rows_affected() == 1)
}

/// Siapa yang boleh dilihat dalam daftar/dasbor. Setiap bagian yang diisi
/// menambah proyek (digabung dengan OR); kosong semua = tidak ada proyek.
/// Disusun oleh kebijakan akses di lapisan layanan, bukan oleh pengguna.
#[derive(Debug, Clone, Default)]
pub struct Cakupan {
    /// Super admin: semua.
    pub semua: bool,
    /// Seluruh proyek instansi ini (BKD/admin instansi).
    pub instansi: Vec<String>,
    /// Proyek instansi di wilayah yang kodenya diawali ini + "." (provinsi → kab/kota).
    pub wilayah_di_bawah: Vec<String>,
    /// Proyek angkatan yang diselenggarakan instansi ini (lembaga pelatihan);
    /// `Some(daftar)` membatasi ke angkatan tertentu.
    pub penyelenggara: Vec<(String, Option<Vec<String>>)>,
    /// (instansi, pegawai): proyek milik alumni ini.
    pub alumni: Vec<(String, String)>,
    /// (instansi, pegawai): proyek yang dibimbing mentor ini.
    pub mentor: Vec<(String, String)>,
}

/// Saringan daftar dari parameter permintaan.
#[derive(Debug, Clone, Default)]
pub struct Saringan {
    pub angkatan_id: Option<String>,
    /// Kode wilayah instansi alumni (`81.71`) atau provinsi (`81`: provinsi dan kab/kotanya).
    pub wilayah: Option<String>,
}

/// Satu proyek untuk daftar dan dasbor.
#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize)]
pub struct RingkasAksi {
    pub instansi_id: String,
    pub id: String,
    pub judul: String,
    pub pegawai_id: String,
    pub alumni: String,
    pub angkatan_id: String,
    pub mentor_pegawai_id: Option<String>,
    pub instansi_nama: String,
    pub kode_wilayah: Option<String>,
    pub zona_waktu: String,
}

/// Kolom tonggak yang dibutuhkan aturan status.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct TonggakRingkas {
    pub instansi_id: String,
    pub id: String,
    pub aksi_id: String,
    pub tahap: String,
    pub jatuh_tempo: String,
    pub progres_persen: String,
    pub diperbarui_pada: String,
    pub selesai_pada: Option<String>,
    pub dibatalkan_alasan: Option<String>,
}

fn like_awalan(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            o.push('\\');
        }
        o.push(c);
    }
    o
}

/// WHERE untuk `a` (aksi_perubahan) join `i` (instansi).
fn klausa(c: &Cakupan, s: &Saringan) -> (String, AnyArguments) {
    let mut args = AnyArguments::default();
    let mut n = 0usize;
    let mut p = |args: &mut AnyArguments, v: String| {
        n += 1;
        let _ = args.add(v);
        format!("${n}")
    };
    let mut atau: Vec<String> = Vec::new();
    if c.semua {
        atau.push("1 = 1".into());
    }
    for i in &c.instansi {
        atau.push(format!("a.instansi_id = {}", p(&mut args, i.clone())));
    }
    for w in &c.wilayah_di_bawah {
        atau.push(format!(
            "i.kode_wilayah LIKE {} ESCAPE '\\'",
            p(&mut args, format!("{}.%", like_awalan(w)))
        ));
    }
    for (i, daftar) in &c.penyelenggara {
        // Daftar angkatan kosong: tidak ada proyek (dan tidak ada parameter).
        if daftar.as_ref().is_some_and(|d| d.is_empty()) {
            continue;
        }
        let mut x = format!("a.angkatan_instansi_id = {}", p(&mut args, i.clone()));
        if let Some(d) = daftar {
            let ids: Vec<String> = d.iter().map(|id| p(&mut args, id.clone())).collect();
            x = format!("({x} AND a.angkatan_id IN ({}))", ids.join(", "));
        }
        atau.push(x);
    }
    for (i, peg) in &c.alumni {
        let a = p(&mut args, i.clone());
        let b = p(&mut args, peg.clone());
        atau.push(format!("(a.instansi_id = {a} AND a.pegawai_id = {b})"));
    }
    for (i, peg) in &c.mentor {
        let a = p(&mut args, i.clone());
        let b = p(&mut args, peg.clone());
        atau.push(format!(
            "(a.instansi_id = {a} AND a.mentor_pegawai_id = {b})"
        ));
    }
    if atau.is_empty() {
        atau.push("1 = 0".into());
    }
    // Proyek yang sudah pindah bersama alumninya tidak dipantau lagi: yang
    // dipantau lanjutannya di instansi tujuan (rantai `pindah_aksi`).
    let mut dan = vec![
        format!("({})", atau.join(" OR ")),
        "a.pindah_pada IS NULL".to_string(),
    ];
    if let Some(id) = &s.angkatan_id {
        dan.push(format!("a.angkatan_id = {}", p(&mut args, id.clone())));
    }
    if let Some(w) = &s.wilayah {
        let a = p(&mut args, w.clone());
        let b = p(&mut args, format!("{}.%", like_awalan(w)));
        dan.push(format!(
            "(i.kode_wilayah = {a} OR i.kode_wilayah LIKE {b} ESCAPE '\\')"
        ));
    }
    (dan.join(" AND "), args)
}

/// Batas proyek yang dibaca untuk satu daftar/dasbor (status dihitung di
/// Rust dari tonggaknya, jadi semua proyek yang terlihat dibaca). Di atas
/// batas ini layanan meminta saringan angkatan/wilayah.
pub const BATAS_PROYEK: i64 = 20_000;

/// Proyek yang terlihat beserta tonggaknya: dua kueri dengan WHERE yang sama,
/// masing-masing dirakit basis data menjadi SATU nilai JSON (ADR 0012: lewat
/// driver `Any` setiap baris ±10 µs; 5.000 proyek × 8 tonggak = 45.000 baris).
/// Tonggak sebagai larik ringkas tanpa id dan instansi; urutannya per proyek
/// mengikuti `urutan`.
pub async fn ringkas(
    pool: &AnyPool,
    c: &Cakupan,
    s: &Saringan,
) -> Hasil<(Vec<RingkasAksi>, Vec<TonggakRingkas>)> {
    let d = crate::Backend::dari_pool(pool);
    let (larik, objek) = (d.json_larik(), d.json_objek());
    let larik_nilai = match d {
        crate::Backend::Sqlite => "json_array",
        crate::Backend::Postgres => "json_build_array",
    };
    let (w, args) = klausa(c, s);
    let sql = format!(
        "SELECT CAST({larik}({objek}('instansi_id', t.instansi_id, 'id', t.id, 'judul', t.judul, \
         'pegawai_id', t.pegawai_id, 'alumni', t.alumni, 'angkatan_id', t.angkatan_id, \
         'mentor_pegawai_id', t.mentor_pegawai_id, 'instansi_nama', t.instansi_nama, \
         'kode_wilayah', t.kode_wilayah, 'zona_waktu', t.zona_waktu) ORDER BY t.dibuat_pada, t.id) AS TEXT) \
         FROM (SELECT a.instansi_id, a.id, a.judul, a.pegawai_id, p.nama AS alumni, a.angkatan_id, \
         a.mentor_pegawai_id, i.nama AS instansi_nama, i.kode_wilayah, i.zona_waktu, a.dibuat_pada \
         FROM aksi_perubahan a JOIN instansi i ON i.id = a.instansi_id \
         JOIN pegawai p ON p.instansi_id = a.instansi_id AND p.id = a.pegawai_id \
         WHERE {w} ORDER BY a.dibuat_pada, a.id LIMIT {}) t",
        BATAS_PROYEK + 1
    );
    let (isi,): (Option<String>,) = sqlx::query_as_with(sqlx::AssertSqlSafe(sql), args)
        .fetch_one(pool)
        .await?;
    let proyek: Vec<RingkasAksi> = crate::urai_json(isi.as_deref())?;
    let (w, args) = klausa(c, s);
    let sql = format!(
        "SELECT CAST({larik}({larik_nilai}(t.aksi_id, t.tahap, t.jatuh_tempo, t.progres_persen, \
         t.diperbarui_pada, t.selesai_pada, CASE WHEN t.dibatalkan_alasan IS NULL THEN 0 ELSE 1 END) \
         ORDER BY t.aksi_id, t.urutan, t.id) AS TEXT) \
         FROM aksi_perubahan a JOIN instansi i ON i.id = a.instansi_id \
         JOIN tonggak_aksi t ON t.instansi_id = a.instansi_id AND t.aksi_id = a.id \
         WHERE {w}"
    );
    let (isi,): (Option<String>,) = sqlx::query_as_with(sqlx::AssertSqlSafe(sql), args)
        .fetch_one(pool)
        .await?;
    type Baris = (String, String, String, String, String, Option<String>, i64);
    let baris: Vec<Baris> = crate::urai_json(isi.as_deref())?;
    let tonggak = baris
        .into_iter()
        .map(
            |(
                aksi_id,
                tahap,
                jatuh_tempo,
                progres_persen,
                diperbarui_pada,
                selesai_pada,
                batal,
            )| {
                TonggakRingkas {
                    instansi_id: String::new(),
                    id: String::new(),
                    aksi_id,
                    tahap,
                    jatuh_tempo,
                    progres_persen,
                    diperbarui_pada,
                    selesai_pada,
                    // Alasannya tidak dibaca di sini; kosong = dibatalkan.
                    dibatalkan_alasan: (batal != 0).then(String::new),
                }
            },
        )
        .collect();
    Ok((proyek, tonggak))
}

/// Tonggak yang belum selesai/dibatalkan dengan jatuh tempo ≤ `sampai`
/// (pengingat harian) dari proyek yang belum pindah, lintas instansi,
/// berurutan; paling banyak `batas` sesudah (instansi, id) `setelah`
/// (halaman demi halaman).
pub async fn tonggak_untuk_pengingat(
    pool: &AnyPool,
    sampai: &str,
    setelah: Option<(&str, &str)>,
    batas: i64,
) -> Hasil<Vec<TonggakRingkas>> {
    let (a, b) = setelah.unwrap_or(("", ""));
    Ok(sqlx::query_as(sqlf!(
        "SELECT t.instansi_id, t.id, t.aksi_id, t.tahap, t.jatuh_tempo, t.progres_persen, t.diperbarui_pada, \
         t.selesai_pada, t.dibatalkan_alasan FROM tonggak_aksi t JOIN aksi_perubahan a \
         ON a.instansi_id = t.instansi_id AND a.id = t.aksi_id \
         WHERE t.jatuh_tempo <= $1 AND t.selesai_pada IS NULL AND t.dibatalkan_alasan IS NULL \
         AND a.pindah_pada IS NULL AND (t.instansi_id > $2 OR (t.instansi_id = $2 AND t.id > $3)) \
         ORDER BY t.instansi_id, t.id LIMIT {}",
        batas.clamp(1, 10_000)
    ))
    .bind(sampai)
    .bind(a)
    .bind(b)
    .fetch_all(pool)
    .await?)
}

/// Bukti yang dirujuk progres satu proyek: (bukti, progres).
pub async fn bukti_progres(
    pool: &AnyPool,
    instansi_id: &str,
    aksi_id: &str,
) -> Hasil<Vec<(String, String)>> {
    Ok(sqlx::query_as(
        "SELECT r.bukti_id, r.objek_id FROM bukti_rujukan r JOIN progres_aksi p \
         ON p.instansi_id = r.instansi_id AND p.id = r.objek_id \
         WHERE r.instansi_id = $1 AND r.jenis_objek = 'progres_aksi' AND p.aksi_id = $2 \
         ORDER BY r.dibuat_pada, r.bukti_id LIMIT 2000",
    )
    .bind(instansi_id)
    .bind(aksi_id)
    .fetch_all(pool)
    .await?)
}

/// Pengguna admin instansi (BKD) suatu instansi: penerima eskalasi terakhir.
pub async fn pengguna_admin(
    pool: &AnyPool,
    instansi_id: &str,
) -> Hasil<Vec<(String, Option<String>)>> {
    Ok(sqlx::query_as(
        "SELECT p.id, p.pegawai_id FROM peran_pengguna r JOIN pengguna p \
         ON p.instansi_id = r.instansi_id AND p.id = r.pengguna_id \
         WHERE r.instansi_id = $1 AND r.peran = 'admin_instansi' AND p.aktif = 1 ORDER BY p.id LIMIT 20",
    )
    .bind(instansi_id)
    .fetch_all(pool)
    .await?)
}

/// Proyek dari tonggak (untuk pengingat): instansi, id proyek → proyek.
pub async fn aksi_di(pool: &AnyPool, instansi_id: &str, id: &str) -> Hasil<Option<Aksi>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_AKSI} FROM aksi_perubahan WHERE instansi_id = $1 AND id = $2"
    ))
    .bind(instansi_id)
    .bind(id)
    .fetch_optional(pool)
    .await?)
}

// ---------- pindah bersama alumni (migrasi 0062–0064) ----------

/// Satu mata rantai pindah: proyek lama (instansi lama) → proyek lanjutan
/// di instansi tujuan mutasi alumni.
#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct PindahAksi {
    /// Instansi proyek lama.
    pub instansi_id: String,
    pub aksi_id: String,
    /// Instansi tujuan dan proyek lanjutannya.
    pub ke_instansi_id: String,
    pub ke_aksi_id: String,
    /// Tanggal mutasi (YYYY-MM-DD).
    pub tanggal: String,
    pub dibuat_pada: String,
}

const KOLOM_PINDAH: &str = "instansi_id, aksi_id, ke_instansi_id, ke_aksi_id, tanggal, dibuat_pada";

/// Proyek seorang pegawai yang belum pindah, di transaksi pemanggil
/// (indeks `aksi_perubahan_pegawai`; kebanyakan pegawai tidak punya).
pub async fn aksi_pegawai_belum_pindah(
    k: &mut Koneksi,
    instansi_id: &str,
    pegawai_id: &str,
) -> Hasil<Vec<Aksi>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_AKSI} FROM aksi_perubahan WHERE instansi_id = $1 AND pegawai_id = $2 \
         AND pindah_pada IS NULL ORDER BY dibuat_pada, id"
    ))
    .bind(instansi_id)
    .bind(pegawai_id)
    .fetch_all(k)
    .await?)
}

/// Tonggak satu proyek, berurutan, di transaksi pemanggil.
pub async fn tonggak_proyek_tx(
    k: &mut Koneksi,
    instansi_id: &str,
    aksi_id: &str,
) -> Hasil<Vec<Tonggak>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_TONGGAK} FROM tonggak_aksi WHERE instansi_id = $1 AND aksi_id = $2 \
         ORDER BY urutan, jatuh_tempo, id"
    ))
    .bind(instansi_id)
    .bind(aksi_id)
    .fetch_all(k)
    .await?)
}

/// Pengingat yang sudah dikirim untuk tonggak satu proyek:
/// (tonggak, jenis, jatuh tempo, dikirim pada).
pub async fn pengingat_proyek(
    k: &mut Koneksi,
    instansi_id: &str,
    aksi_id: &str,
) -> Hasil<Vec<(String, String, String, String)>> {
    Ok(sqlx::query_as(
        "SELECT p.tonggak_id, p.jenis, p.jatuh_tempo, p.dikirim_pada FROM pengingat_aksi p \
         JOIN tonggak_aksi t ON t.instansi_id = p.instansi_id AND t.id = p.tonggak_id \
         WHERE t.instansi_id = $1 AND t.aksi_id = $2 \
         ORDER BY p.tonggak_id, p.jenis, p.jatuh_tempo",
    )
    .bind(instansi_id)
    .bind(aksi_id)
    .fetch_all(k)
    .await?)
}

/// Menandai proyek lama pindah (`pindah_pada`, versi naik: suntingan yang
/// sedang berjalan atas versi lama ditolak) dan mencatat mata rantainya.
/// `false` bila proyek itu sudah pindah (mutasi serentak): tidak ada yang ditulis.
pub async fn catat_pindah(k: &mut Koneksi, p: &PindahAksi) -> Hasil<bool> {
    let r = sqlx::query(
        "UPDATE aksi_perubahan SET pindah_pada = $3, versi = versi + 1, diubah_pada = $3 \
         WHERE instansi_id = $1 AND id = $2 AND pindah_pada IS NULL",
    )
    .bind(&p.instansi_id)
    .bind(&p.aksi_id)
    .bind(&p.dibuat_pada)
    .execute(&mut *k)
    .await?;
    if r.rows_affected() != 1 {
        return Ok(false);
    }
    sqlx::query(sqlf!(
        "INSERT INTO pindah_aksi ({KOLOM_PINDAH}) VALUES ($1, $2, $3, $4, $5, $6)"
    ))
    .bind(&p.instansi_id)
    .bind(&p.aksi_id)
    .bind(&p.ke_instansi_id)
    .bind(&p.ke_aksi_id)
    .bind(&p.tanggal)
    .bind(&p.dibuat_pada)
    .execute(k)
    .await?;
    Ok(true)
}

/// Ke mana proyek ini pindah (kunci utama); `None` bila belum pindah.
pub async fn pindah_keluar(
    pool: &AnyPool,
    instansi_id: &str,
    aksi_id: &str,
) -> Hasil<Option<PindahAksi>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_PINDAH} FROM pindah_aksi WHERE instansi_id = $1 AND aksi_id = $2"
    ))
    .bind(instansi_id)
    .bind(aksi_id)
    .fetch_optional(pool)
    .await?)
}

/// Proyek sebelum pindah yang dilanjutkan proyek ini (indeks `pindah_aksi_ke`).
pub async fn pindah_masuk(
    pool: &AnyPool,
    ke_instansi_id: &str,
    ke_aksi_id: &str,
) -> Hasil<Option<PindahAksi>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_PINDAH} FROM pindah_aksi WHERE ke_instansi_id = $1 AND ke_aksi_id = $2 \
         ORDER BY dibuat_pada DESC LIMIT 1"
    ))
    .bind(ke_instansi_id)
    .bind(ke_aksi_id)
    .fetch_optional(pool)
    .await?)
}
