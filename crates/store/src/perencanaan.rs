//! Rencana kinerja dan anggaran per instansi dan tahun: revisi, butir
//! (program → kegiatan → sub kegiatan), indikator, rincian belanja,
//! realisasi anggaran (bulanan) dan keluaran (triwulanan, kumulatif), kunci
//! periode. Uang dalam sen rupiah (BIGINT); target dan realisasi keluaran
//! sebagai teks desimal (dihitung di Rust, tidak pernah dijumlahkan di SQL).

use crate::{Hasil, Koneksi};
use serde::{Deserialize, Serialize};
use sqlx::any::AnyArguments;
use sqlx::{AnyPool, Arguments};

/// Status revisi rencana.
pub const DRAF: &str = "draf";
pub const DITETAPKAN: &str = "ditetapkan";
/// Revisi yang digantikan oleh perubahan yang ditetapkan sesudahnya.
pub const DIGANTI: &str = "diganti";

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct Rencana {
    pub instansi_id: String,
    pub id: String,
    pub tahun: i64,
    /// 0 = rencana murni; 1, 2, … perubahan.
    pub revisi: i64,
    /// `draf` | `ditetapkan` | `diganti`.
    pub status: String,
    /// Revisi asal sebuah perubahan.
    pub dasar_id: Option<String>,
    pub alasan_perubahan: Option<String>,
    pub ditetapkan_oleh: Option<String>,
    pub ditetapkan_pada: Option<String>,
    /// Nomenklatur yang dipatok saat ditetapkan: `{"dasar", "perubahan": [id…]}`.
    pub nomenklatur: Option<String>,
    pub versi: i64,
    pub dibuat_pada: String,
    pub diubah_pada: String,
}

/// Program, kegiatan atau sub kegiatan dalam satu revisi rencana.
#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct Butir {
    #[serde(default)]
    pub instansi_id: String,
    pub id: String,
    #[serde(default)]
    pub rencana_id: String,
    /// Identitas lintas revisi (disalin saat perubahan).
    #[serde(default)]
    pub kunci: String,
    /// `program` | `kegiatan` | `subkegiatan`.
    pub tingkat: String,
    pub kode: String,
    pub nama: String,
    pub induk_id: Option<String>,
    /// Unit penanggung jawab.
    pub unit_id: Option<String>,
    /// Pagu dalam sen rupiah (sub kegiatan).
    pub pagu_sen: Option<i64>,
    #[serde(default)]
    pub lokasi: Option<String>,
    /// Pejabat penanggung jawab yang ditetapkan perencana (id pegawai);
    /// kosong = kepala unit penanggung jawab menurut data kepegawaian.
    #[serde(default)]
    #[sqlx(default)]
    pub pejabat_id: Option<String>,
    pub urutan: i64,
    #[serde(default)]
    pub versi: i64,
    #[serde(default)]
    pub dibuat_pada: String,
    #[serde(default)]
    pub diubah_pada: String,
}

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct Indikator {
    #[serde(default)]
    pub instansi_id: String,
    pub id: String,
    #[serde(default)]
    pub rencana_id: String,
    pub butir_id: String,
    /// Identitas lintas revisi; realisasi keluaran menempel di sini.
    pub kunci: String,
    pub nama: String,
    /// Nama huruf kecil berspasi rapat: pencocok impor ulang.
    pub nama_kunci: String,
    pub satuan: Option<String>,
    /// `positif` | `negatif` (kosong = positif).
    pub polaritas: Option<String>,
    pub baseline: Option<String>,
    pub target: Option<String>,
    #[serde(default)]
    pub target_tw1: Option<String>,
    #[serde(default)]
    pub target_tw2: Option<String>,
    #[serde(default)]
    pub target_tw3: Option<String>,
    #[serde(default)]
    pub target_tw4: Option<String>,
    pub urutan: i64,
    #[serde(default)]
    pub versi: i64,
    #[serde(default)]
    pub dibuat_pada: String,
    #[serde(default)]
    pub diubah_pada: String,
}

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct Rincian {
    pub instansi_id: String,
    pub id: String,
    pub rencana_id: String,
    pub butir_id: String,
    pub kode_rekening: String,
    pub uraian: Option<String>,
    pub jumlah_sen: i64,
    pub urutan: i64,
    pub dibuat_pada: String,
    /// Komponen K/L (tiga digit, mis. `051`): pengelompokan belanja RO.
    #[serde(default)]
    #[sqlx(default)]
    pub komponen_kode: Option<String>,
    #[serde(default)]
    #[sqlx(default)]
    pub komponen_nama: Option<String>,
}

/// Realisasi anggaran satu sub kegiatan pada satu bulan (belanja bulan itu).
#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct RealisasiBulan {
    pub instansi_id: String,
    pub tahun: i64,
    pub subkegiatan_kode: String,
    pub bulan: i64,
    pub jumlah_sen: i64,
    pub versi: i64,
    pub diubah_oleh: Option<String>,
    pub diubah_pada: String,
}

/// Realisasi keluaran satu indikator sampai akhir triwulan (kumulatif).
#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct RealisasiTriwulan {
    pub instansi_id: String,
    pub tahun: i64,
    pub indikator_kunci: String,
    pub triwulan: i64,
    pub subkegiatan_kode: String,
    pub realisasi: String,
    pub bukti_id: Option<String>,
    pub bukti_url: Option<String>,
    pub diverifikasi_oleh: Option<String>,
    pub diverifikasi_pada: Option<String>,
    pub catatan_verifikasi: Option<String>,
    pub versi: i64,
    pub diubah_oleh: Option<String>,
    pub diubah_pada: String,
}

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct KunciPeriode {
    pub instansi_id: String,
    pub tahun: i64,
    /// `anggaran` (periode = bulan) | `keluaran` (periode = triwulan).
    pub jenis: String,
    pub periode: i64,
    pub alasan: Option<String>,
    pub dikunci_oleh: Option<String>,
    pub dikunci_pada: String,
}

// ---------- rencana ----------

const KOLOM_RENCANA: &str = "instansi_id, id, tahun, revisi, status, dasar_id, alasan_perubahan, ditetapkan_oleh, ditetapkan_pada, nomenklatur, versi, dibuat_pada, diubah_pada";

pub async fn sisipkan_rencana(k: &mut Koneksi, r: &Rencana) -> Hasil<()> {
    sqlx::query(sqlf!(
        "INSERT INTO rencana ({KOLOM_RENCANA}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"
    ))
    .bind(&r.instansi_id)
    .bind(&r.id)
    .bind(r.tahun)
    .bind(r.revisi)
    .bind(&r.status)
    .bind(&r.dasar_id)
    .bind(&r.alasan_perubahan)
    .bind(&r.ditetapkan_oleh)
    .bind(&r.ditetapkan_pada)
    .bind(&r.nomenklatur)
    .bind(r.versi)
    .bind(&r.dibuat_pada)
    .bind(&r.diubah_pada)
    .execute(k)
    .await?;
    Ok(())
}

/// Semua revisi rencana satu tahun, urut revisi.
pub async fn rencana_tahun(pool: &AnyPool, instansi_id: &str, tahun: i64) -> Hasil<Vec<Rencana>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_RENCANA} FROM rencana WHERE instansi_id = $1 AND tahun = $2 ORDER BY revisi"
    ))
    .bind(instansi_id)
    .bind(tahun)
    .fetch_all(pool)
    .await?)
}

/// Sama, di dalam transaksi tulis (sesudah [`sentuh_rencana`]).
pub async fn rencana_tahun_di(
    k: &mut Koneksi,
    instansi_id: &str,
    tahun: i64,
) -> Hasil<Vec<Rencana>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_RENCANA} FROM rencana WHERE instansi_id = $1 AND tahun = $2 ORDER BY revisi"
    ))
    .bind(instansi_id)
    .bind(tahun)
    .fetch_all(k)
    .await?)
}

/// Mengunci baris-baris rencana satu tahun sampai transaksi selesai (di
/// PostgreSQL; SQLite hanya punya satu penulis): impor, penetapan dan kunci
/// periode yang berjalan bersamaan menjadi berurutan.
pub async fn sentuh_rencana(k: &mut Koneksi, instansi_id: &str, tahun: i64) -> Hasil<()> {
    sqlx::query(
        "UPDATE rencana SET diubah_pada = diubah_pada WHERE instansi_id = $1 AND tahun = $2",
    )
    .bind(instansi_id)
    .bind(tahun)
    .execute(k)
    .await?;
    Ok(())
}

/// Draf → ditetapkan bila versinya masih sama; false bila basi.
pub async fn tandai_ditetapkan(
    k: &mut Koneksi,
    instansi_id: &str,
    id: &str,
    versi: i64,
    oleh: Option<&str>,
    pada: &str,
    nomenklatur: Option<&str>,
) -> Hasil<bool> {
    let r = sqlx::query(
        "UPDATE rencana SET status = 'ditetapkan', ditetapkan_oleh = $1, ditetapkan_pada = $2, diubah_pada = $2, versi = versi + 1, \
         nomenklatur = $6 WHERE instansi_id = $3 AND id = $4 AND status = 'draf' AND versi = $5",
    )
    .bind(oleh)
    .bind(pada)
    .bind(instansi_id)
    .bind(id)
    .bind(versi)
    .bind(nomenklatur)
    .execute(k)
    .await?;
    Ok(r.rows_affected() == 1)
}

/// Revisi yang berlaku → diganti (sebelum drafnya ditetapkan, agar indeks
/// "satu yang ditetapkan" tidak bentrok).
pub async fn tandai_diganti(k: &mut Koneksi, instansi_id: &str, id: &str, pada: &str) -> Hasil<()> {
    sqlx::query(
        "UPDATE rencana SET status = 'diganti', diubah_pada = $1, versi = versi + 1 \
         WHERE instansi_id = $2 AND id = $3 AND status = 'ditetapkan'",
    )
    .bind(pada)
    .bind(instansi_id)
    .bind(id)
    .execute(k)
    .await?;
    Ok(())
}

/// Menaikkan versi rencana (setiap perubahan isi draf), agar penetapan atas
/// isi yang sudah basi ditolak.
pub async fn naikkan_versi_rencana(
    k: &mut Koneksi,
    instansi_id: &str,
    id: &str,
    pada: &str,
) -> Hasil<()> {
    sqlx::query(
        "UPDATE rencana SET versi = versi + 1, diubah_pada = $1 WHERE instansi_id = $2 AND id = $3",
    )
    .bind(pada)
    .bind(instansi_id)
    .bind(id)
    .execute(k)
    .await?;
    Ok(())
}

/// Membuang draf beserta isinya (perubahan yang dibatalkan).
pub async fn hapus_draf(k: &mut Koneksi, instansi_id: &str, id: &str) -> Hasil<bool> {
    for tabel in ["rincian_belanja", "rencana_indikator"] {
        sqlx::query(sqlf!(
            "DELETE FROM {tabel} WHERE instansi_id = $1 AND rencana_id = $2"
        ))
        .bind(instansi_id)
        .bind(id)
        .execute(&mut *k)
        .await?;
    }
    // Anak lebih dulu: FK induk_id menunjuk baris di tabel yang sama.
    for tingkat in ["subkegiatan", "kegiatan", "program"] {
        sqlx::query(
            "DELETE FROM rencana_butir WHERE instansi_id = $1 AND rencana_id = $2 AND tingkat = $3",
        )
        .bind(instansi_id)
        .bind(id)
        .bind(tingkat)
        .execute(&mut *k)
        .await?;
    }
    let r =
        sqlx::query("DELETE FROM rencana WHERE instansi_id = $1 AND id = $2 AND status = 'draf'")
            .bind(instansi_id)
            .bind(id)
            .execute(&mut *k)
            .await?;
    Ok(r.rows_affected() == 1)
}

// ---------- butir dan indikator ----------

const KOLOM_BUTIR: &str = "instansi_id, id, rencana_id, kunci, tingkat, kode, nama, induk_id, unit_id, pagu_sen, lokasi, pejabat_id, urutan, versi, dibuat_pada, diubah_pada";
const KOLOM_INDIKATOR: &str = "instansi_id, id, rencana_id, butir_id, kunci, nama, nama_kunci, satuan, polaritas, baseline, target, target_tw1, target_tw2, target_tw3, target_tw4, urutan, versi, dibuat_pada, diubah_pada";

pub async fn sisipkan_butir_banyak(k: &mut Koneksi, butir: &[Butir]) -> Hasil<()> {
    let be = crate::Backend::dari_koneksi(k);
    for potong in butir.chunks(be.baris_per_sisip(16)) {
        let sql = format!(
            "INSERT INTO rencana_butir ({KOLOM_BUTIR}) VALUES {}",
            crate::nilai_banyak(potong.len(), 16)
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for b in potong {
            q = q
                .bind(&b.instansi_id)
                .bind(&b.id)
                .bind(&b.rencana_id)
                .bind(&b.kunci)
                .bind(&b.tingkat)
                .bind(&b.kode)
                .bind(&b.nama)
                .bind(&b.induk_id)
                .bind(&b.unit_id)
                .bind(b.pagu_sen)
                .bind(&b.lokasi)
                .bind(&b.pejabat_id)
                .bind(b.urutan)
                .bind(b.versi)
                .bind(&b.dibuat_pada)
                .bind(&b.diubah_pada);
        }
        q.execute(&mut *k).await?;
    }
    Ok(())
}

/// Menyimpan butir bila versinya masih `b.versi`; false bila basi.
pub async fn ubah_butir(k: &mut Koneksi, b: &Butir) -> Hasil<bool> {
    let r = sqlx::query(
        "UPDATE rencana_butir SET kode = $1, nama = $2, induk_id = $3, unit_id = $4, pagu_sen = $5, lokasi = $6, urutan = $7, \
         versi = versi + 1, diubah_pada = $8, pejabat_id = $12 WHERE instansi_id = $9 AND id = $10 AND versi = $11",
    )
    .bind(&b.kode)
    .bind(&b.nama)
    .bind(&b.induk_id)
    .bind(&b.unit_id)
    .bind(b.pagu_sen)
    .bind(&b.lokasi)
    .bind(b.urutan)
    .bind(&b.diubah_pada)
    .bind(&b.instansi_id)
    .bind(&b.id)
    .bind(b.versi)
    .bind(&b.pejabat_id)
    .execute(k)
    .await?;
    Ok(r.rows_affected() == 1)
}

pub async fn sisipkan_indikator_banyak(k: &mut Koneksi, indikator: &[Indikator]) -> Hasil<()> {
    let be = crate::Backend::dari_koneksi(k);
    for potong in indikator.chunks(be.baris_per_sisip(19)) {
        let sql = format!(
            "INSERT INTO rencana_indikator ({KOLOM_INDIKATOR}) VALUES {}",
            crate::nilai_banyak(potong.len(), 19)
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for i in potong {
            q = q
                .bind(&i.instansi_id)
                .bind(&i.id)
                .bind(&i.rencana_id)
                .bind(&i.butir_id)
                .bind(&i.kunci)
                .bind(&i.nama)
                .bind(&i.nama_kunci)
                .bind(&i.satuan)
                .bind(&i.polaritas)
                .bind(&i.baseline)
                .bind(&i.target)
                .bind(&i.target_tw1)
                .bind(&i.target_tw2)
                .bind(&i.target_tw3)
                .bind(&i.target_tw4)
                .bind(i.urutan)
                .bind(i.versi)
                .bind(&i.dibuat_pada)
                .bind(&i.diubah_pada);
        }
        q.execute(&mut *k).await?;
    }
    Ok(())
}

/// Menyimpan indikator bila versinya masih `i.versi`; false bila basi.
pub async fn ubah_indikator(k: &mut Koneksi, i: &Indikator) -> Hasil<bool> {
    let r = sqlx::query(
        "UPDATE rencana_indikator SET nama = $1, nama_kunci = $2, satuan = $3, polaritas = $4, baseline = $5, target = $6, \
         target_tw1 = $7, target_tw2 = $8, target_tw3 = $9, target_tw4 = $10, urutan = $11, versi = versi + 1, diubah_pada = $12 \
         WHERE instansi_id = $13 AND id = $14 AND versi = $15",
    )
    .bind(&i.nama)
    .bind(&i.nama_kunci)
    .bind(&i.satuan)
    .bind(&i.polaritas)
    .bind(&i.baseline)
    .bind(&i.target)
    .bind(&i.target_tw1)
    .bind(&i.target_tw2)
    .bind(&i.target_tw3)
    .bind(&i.target_tw4)
    .bind(i.urutan)
    .bind(&i.diubah_pada)
    .bind(&i.instansi_id)
    .bind(&i.id)
    .bind(i.versi)
    .execute(k)
    .await?;
    Ok(r.rows_affected() == 1)
}

pub async fn hapus_indikator(k: &mut Koneksi, instansi_id: &str, id: &str) -> Hasil<()> {
    sqlx::query("DELETE FROM rencana_indikator WHERE instansi_id = $1 AND id = $2")
        .bind(instansi_id)
        .bind(id)
        .execute(k)
        .await?;
    Ok(())
}

fn args_rencana(instansi_id: &str, rencana_id: &str) -> AnyArguments {
    let mut args = AnyArguments::default();
    let _ = args.add(instansi_id.to_string());
    let _ = args.add(rencana_id.to_string());
    args
}

/// Semua butir satu revisi: satu nilai JSON (ADR 0012), urut tingkat dan urutan.
pub async fn butir_rencana(
    pool: &AnyPool,
    instansi_id: &str,
    rencana_id: &str,
) -> Hasil<Vec<Butir>> {
    crate::semua_sebagai_json(
        pool,
        KOLOM_BUTIR,
        "FROM rencana_butir WHERE instansi_id = $1 AND rencana_id = $2",
        "t.urutan, t.kode",
        args_rencana(instansi_id, rencana_id),
    )
    .await
}

/// Butir satu revisi dengan kolom secukupnya untuk perhitungan (nilai uang,
/// rekap): tanpa kunci, lokasi dan cap waktu — JSON lebih kecil (ADR 0012).
pub async fn butir_ringkas(
    pool: &AnyPool,
    instansi_id: &str,
    rencana_id: &str,
) -> Hasil<Vec<Butir>> {
    crate::semua_sebagai_json(
        pool,
        "id, tingkat, kode, nama, induk_id, unit_id, pagu_sen, urutan",
        "FROM rencana_butir WHERE instansi_id = $1 AND rencana_id = $2",
        "t.urutan, t.kode",
        args_rencana(instansi_id, rencana_id),
    )
    .await
}

/// Indikator satu revisi dengan kolom secukupnya untuk perhitungan.
pub async fn indikator_ringkas(
    pool: &AnyPool,
    instansi_id: &str,
    rencana_id: &str,
) -> Hasil<Vec<Indikator>> {
    crate::semua_sebagai_json(
        pool,
        "id, butir_id, kunci, nama, nama_kunci, satuan, polaritas, baseline, target, urutan",
        "FROM rencana_indikator WHERE instansi_id = $1 AND rencana_id = $2",
        "t.butir_id, t.urutan, t.nama_kunci",
        args_rencana(instansi_id, rencana_id),
    )
    .await
}

/// Semua indikator satu revisi.
pub async fn indikator_rencana(
    pool: &AnyPool,
    instansi_id: &str,
    rencana_id: &str,
) -> Hasil<Vec<Indikator>> {
    crate::semua_sebagai_json(
        pool,
        KOLOM_INDIKATOR,
        "FROM rencana_indikator WHERE instansi_id = $1 AND rencana_id = $2",
        "t.butir_id, t.urutan, t.nama_kunci",
        args_rencana(instansi_id, rencana_id),
    )
    .await
}

// ---------- rincian belanja ----------

const KOLOM_RINCIAN: &str = "instansi_id, id, rencana_id, butir_id, kode_rekening, uraian, jumlah_sen, urutan, dibuat_pada, komponen_kode, komponen_nama";

/// Mengganti seluruh rincian belanja butir-butir yang disebut (baris belanja
/// tidak punya kunci alami, jadi impor mengganti, bukan mencocokkan).
pub async fn ganti_rincian(
    k: &mut Koneksi,
    instansi_id: &str,
    butir_id: &[String],
    rincian: &[Rincian],
) -> Hasil<()> {
    for b in butir_id {
        sqlx::query("DELETE FROM rincian_belanja WHERE instansi_id = $1 AND butir_id = $2")
            .bind(instansi_id)
            .bind(b)
            .execute(&mut *k)
            .await?;
    }
    sisipkan_rincian_banyak(k, rincian).await
}

pub async fn sisipkan_rincian_banyak(k: &mut Koneksi, rincian: &[Rincian]) -> Hasil<()> {
    let be = crate::Backend::dari_koneksi(k);
    for potong in rincian.chunks(be.baris_per_sisip(11)) {
        let sql = format!(
            "INSERT INTO rincian_belanja ({KOLOM_RINCIAN}) VALUES {}",
            crate::nilai_banyak(potong.len(), 11)
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for r in potong {
            q = q
                .bind(&r.instansi_id)
                .bind(&r.id)
                .bind(&r.rencana_id)
                .bind(&r.butir_id)
                .bind(&r.kode_rekening)
                .bind(&r.uraian)
                .bind(r.jumlah_sen)
                .bind(r.urutan)
                .bind(&r.dibuat_pada)
                .bind(&r.komponen_kode)
                .bind(&r.komponen_nama);
        }
        q.execute(&mut *k).await?;
    }
    Ok(())
}

/// Rincian belanja satu butir (indeks `rincian_belanja_butir`): halaman RO/sub kegiatan.
pub async fn rincian_butir(
    pool: &AnyPool,
    instansi_id: &str,
    rencana_id: &str,
    butir_id: &str,
) -> Hasil<Vec<Rincian>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_RINCIAN} FROM rincian_belanja \
         WHERE instansi_id = $1 AND rencana_id = $2 AND butir_id = $3 ORDER BY urutan, id"
    ))
    .bind(instansi_id)
    .bind(rencana_id)
    .bind(butir_id)
    .fetch_all(pool)
    .await?)
}

pub async fn rincian_rencana(
    pool: &AnyPool,
    instansi_id: &str,
    rencana_id: &str,
) -> Hasil<Vec<Rincian>> {
    crate::semua_sebagai_json(
        pool,
        KOLOM_RINCIAN,
        "FROM rincian_belanja WHERE instansi_id = $1 AND rencana_id = $2",
        "t.butir_id, t.urutan",
        args_rencana(instansi_id, rencana_id),
    )
    .await
}

// ---------- realisasi ----------

/// Menulis realisasi anggaran (upsert per sub kegiatan dan bulan); versi naik
/// pada baris yang sudah ada.
pub async fn tulis_realisasi_anggaran_banyak(
    k: &mut Koneksi,
    baris: &[RealisasiBulan],
) -> Hasil<()> {
    let be = crate::Backend::dari_koneksi(k);
    for potong in baris.chunks(be.baris_per_sisip(8)) {
        let sql = format!(
            "INSERT INTO realisasi_anggaran (instansi_id, tahun, subkegiatan_kode, bulan, jumlah_sen, versi, diubah_oleh, diubah_pada) \
             VALUES {} ON CONFLICT (instansi_id, tahun, subkegiatan_kode, bulan) DO UPDATE SET \
             jumlah_sen = excluded.jumlah_sen, diubah_oleh = excluded.diubah_oleh, diubah_pada = excluded.diubah_pada, \
             versi = realisasi_anggaran.versi + 1",
            crate::nilai_banyak(potong.len(), 8)
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for r in potong {
            q = q
                .bind(&r.instansi_id)
                .bind(r.tahun)
                .bind(&r.subkegiatan_kode)
                .bind(r.bulan)
                .bind(r.jumlah_sen)
                .bind(r.versi)
                .bind(&r.diubah_oleh)
                .bind(&r.diubah_pada);
        }
        q.execute(&mut *k).await?;
    }
    Ok(())
}

/// Semua realisasi anggaran satu tahun (untuk halaman satu sub kegiatan dan
/// ekspor). Untuk jumlah per sub kegiatan pakai [`jumlah_realisasi`].
pub async fn realisasi_anggaran(
    pool: &AnyPool,
    instansi_id: &str,
    tahun: i64,
) -> Hasil<Vec<RealisasiBulan>> {
    let mut args = AnyArguments::default();
    let _ = args.add(instansi_id.to_string());
    let _ = args.add(tahun);
    crate::semua_sebagai_json(
        pool,
        "instansi_id, tahun, subkegiatan_kode, bulan, jumlah_sen, versi, diubah_oleh, diubah_pada",
        "FROM realisasi_anggaran WHERE instansi_id = $1 AND tahun = $2",
        "t.subkegiatan_kode, t.bulan",
        args,
    )
    .await
}

#[derive(Debug, Clone, Deserialize)]
pub struct JumlahRealisasi {
    pub subkegiatan_kode: String,
    pub jumlah_sen: i64,
}

/// Realisasi anggaran per sub kegiatan sampai bulan `sampai_bulan`: SUM
/// integer di basis data (eksak di kedua backend), satu nilai JSON.
pub async fn jumlah_realisasi(
    pool: &AnyPool,
    instansi_id: &str,
    tahun: i64,
    sampai_bulan: i64,
) -> Hasil<Vec<JumlahRealisasi>> {
    let mut args = AnyArguments::default();
    let _ = args.add(instansi_id.to_string());
    let _ = args.add(tahun);
    let _ = args.add(sampai_bulan);
    crate::semua_sebagai_json(
        pool,
        "subkegiatan_kode, jumlah_sen",
        "FROM (SELECT subkegiatan_kode, CAST(SUM(jumlah_sen) AS BIGINT) AS jumlah_sen FROM realisasi_anggaran \
         WHERE instansi_id = $1 AND tahun = $2 AND bulan <= $3 GROUP BY subkegiatan_kode) r",
        "t.subkegiatan_kode",
        args,
    )
    .await
}

const KOLOM_KELUARAN: &str = "instansi_id, tahun, indikator_kunci, triwulan, subkegiatan_kode, realisasi, bukti_id, bukti_url, diverifikasi_oleh, diverifikasi_pada, catatan_verifikasi, versi, diubah_oleh, diubah_pada";

/// Menulis realisasi keluaran (upsert per indikator dan triwulan).
pub async fn tulis_realisasi_keluaran_banyak(
    k: &mut Koneksi,
    baris: &[RealisasiTriwulan],
) -> Hasil<()> {
    let be = crate::Backend::dari_koneksi(k);
    for potong in baris.chunks(be.baris_per_sisip(14)) {
        let sql = format!(
            "INSERT INTO realisasi_keluaran ({KOLOM_KELUARAN}) VALUES {} \
             ON CONFLICT (instansi_id, tahun, indikator_kunci, triwulan) DO UPDATE SET \
             subkegiatan_kode = excluded.subkegiatan_kode, realisasi = excluded.realisasi, bukti_id = excluded.bukti_id, \
             bukti_url = excluded.bukti_url, diverifikasi_oleh = excluded.diverifikasi_oleh, \
             diverifikasi_pada = excluded.diverifikasi_pada, catatan_verifikasi = excluded.catatan_verifikasi, \
             diubah_oleh = excluded.diubah_oleh, diubah_pada = excluded.diubah_pada, versi = realisasi_keluaran.versi + 1",
            crate::nilai_banyak(potong.len(), 14)
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for r in potong {
            q = q
                .bind(&r.instansi_id)
                .bind(r.tahun)
                .bind(&r.indikator_kunci)
                .bind(r.triwulan)
                .bind(&r.subkegiatan_kode)
                .bind(&r.realisasi)
                .bind(&r.bukti_id)
                .bind(&r.bukti_url)
                .bind(&r.diverifikasi_oleh)
                .bind(&r.diverifikasi_pada)
                .bind(&r.catatan_verifikasi)
                .bind(r.versi)
                .bind(&r.diubah_oleh)
                .bind(&r.diubah_pada);
        }
        q.execute(&mut *k).await?;
    }
    Ok(())
}

/// Realisasi keluaran satu tahun sampai triwulan `sampai_triwulan`.
pub async fn realisasi_keluaran(
    pool: &AnyPool,
    instansi_id: &str,
    tahun: i64,
    sampai_triwulan: i64,
) -> Hasil<Vec<RealisasiTriwulan>> {
    let mut args = AnyArguments::default();
    let _ = args.add(instansi_id.to_string());
    let _ = args.add(tahun);
    let _ = args.add(sampai_triwulan);
    crate::semua_sebagai_json(
        pool,
        KOLOM_KELUARAN,
        "FROM realisasi_keluaran WHERE instansi_id = $1 AND tahun = $2 AND triwulan <= $3",
        "t.indikator_kunci, t.triwulan",
        args,
    )
    .await
}

/// Verifikasi satu realisasi keluaran oleh pimpinan unit; false bila basi.
#[allow(clippy::too_many_arguments)]
pub async fn verifikasi_keluaran(
    k: &mut Koneksi,
    instansi_id: &str,
    tahun: i64,
    indikator_kunci: &str,
    triwulan: i64,
    oleh: Option<&str>,
    pada: &str,
    catatan: Option<&str>,
) -> Hasil<bool> {
    let r = sqlx::query(
        "UPDATE realisasi_keluaran SET diverifikasi_oleh = $1, diverifikasi_pada = $2, catatan_verifikasi = $3, versi = versi + 1 \
         WHERE instansi_id = $4 AND tahun = $5 AND indikator_kunci = $6 AND triwulan = $7",
    )
    .bind(oleh)
    .bind(pada)
    .bind(catatan)
    .bind(instansi_id)
    .bind(tahun)
    .bind(indikator_kunci)
    .bind(triwulan)
    .execute(k)
    .await?;
    Ok(r.rows_affected() == 1)
}

// ---------- kunci periode ----------

const KOLOM_KUNCI: &str = "instansi_id, tahun, jenis, periode, alasan, dikunci_oleh, dikunci_pada";

/// Periode terkunci satu tahun, dibaca di dalam transaksi tulis.
pub async fn kunci_periode(
    k: &mut Koneksi,
    instansi_id: &str,
    tahun: i64,
) -> Hasil<Vec<KunciPeriode>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_KUNCI} FROM kunci_periode WHERE instansi_id = $1 AND tahun = $2 ORDER BY jenis, periode"
    ))
    .bind(instansi_id)
    .bind(tahun)
    .fetch_all(k)
    .await?)
}

pub async fn sisipkan_kunci(k: &mut Koneksi, x: &KunciPeriode) -> Hasil<()> {
    sqlx::query(sqlf!(
        "INSERT INTO kunci_periode ({KOLOM_KUNCI}) VALUES ($1, $2, $3, $4, $5, $6, $7)"
    ))
    .bind(&x.instansi_id)
    .bind(x.tahun)
    .bind(&x.jenis)
    .bind(x.periode)
    .bind(&x.alasan)
    .bind(&x.dikunci_oleh)
    .bind(&x.dikunci_pada)
    .execute(k)
    .await?;
    Ok(())
}

pub async fn hapus_kunci(
    k: &mut Koneksi,
    instansi_id: &str,
    tahun: i64,
    jenis: &str,
    periode: i64,
) -> Hasil<bool> {
    let r = sqlx::query(
        "DELETE FROM kunci_periode WHERE instansi_id = $1 AND tahun = $2 AND jenis = $3 AND periode = $4",
    )
    .bind(instansi_id)
    .bind(tahun)
    .bind(jenis)
    .bind(periode)
    .execute(k)
    .await?;
    Ok(r.rows_affected() == 1)
}

/// Statistik perencana PostgreSQL sesudah muat besar (ADR 0006); SQLite tidak perlu.
pub async fn segarkan_statistik_anggaran(k: &mut Koneksi) -> Hasil<()> {
    if crate::Backend::dari_koneksi(k) == crate::Backend::Postgres {
        for t in [
            "rencana_butir",
            "rencana_indikator",
            "rincian_belanja",
            "realisasi_anggaran",
            "realisasi_keluaran",
        ] {
            sqlx::query(sqlf!("ANALYZE {t}")).execute(&mut *k).await?;
        }
    }
    Ok(())
}

/// Realisasi satu sub kegiatan pada satu bulan (di dalam transaksi tulis).
pub async fn realisasi_bulan(
    k: &mut Koneksi,
    instansi_id: &str,
    tahun: i64,
    kode: &str,
    bulan: i64,
) -> Hasil<Option<RealisasiBulan>> {
    Ok(sqlx::query_as(
        "SELECT instansi_id, tahun, subkegiatan_kode, bulan, jumlah_sen, versi, diubah_oleh, diubah_pada \
         FROM realisasi_anggaran WHERE instansi_id = $1 AND tahun = $2 AND subkegiatan_kode = $3 AND bulan = $4",
    )
    .bind(instansi_id)
    .bind(tahun)
    .bind(kode)
    .bind(bulan)
    .fetch_optional(k)
    .await?)
}

/// Realisasi keluaran satu indikator pada satu triwulan (di dalam transaksi tulis).
pub async fn realisasi_triwulan(
    k: &mut Koneksi,
    instansi_id: &str,
    tahun: i64,
    indikator_kunci: &str,
    triwulan: i64,
) -> Hasil<Option<RealisasiTriwulan>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_KELUARAN} FROM realisasi_keluaran \
         WHERE instansi_id = $1 AND tahun = $2 AND indikator_kunci = $3 AND triwulan = $4"
    ))
    .bind(instansi_id)
    .bind(tahun)
    .bind(indikator_kunci)
    .bind(triwulan)
    .fetch_optional(k)
    .await?)
}

// ---------- penerimaan peringatan dan konfigurasi ----------

/// Peringatan keselarasan yang diterima perencana dengan justifikasi.
#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct Penerimaan {
    pub instansi_id: String,
    pub id: String,
    pub tahun: i64,
    pub program_kode: String,
    /// Kosong = peringatan tingkat program.
    pub subkegiatan_kode: String,
    pub kode: String,
    /// Sidik bukti peringatan saat diterima; bukti berubah → tidak cocok lagi.
    pub sidik: String,
    pub alasan: String,
    pub diterima_oleh: Option<String>,
    pub diterima_pada: String,
    pub dicabut_oleh: Option<String>,
    pub dicabut_pada: Option<String>,
}

const KOLOM_PENERIMAAN: &str = "instansi_id, id, tahun, program_kode, subkegiatan_kode, kode, sidik, alasan, diterima_oleh, diterima_pada, dicabut_oleh, dicabut_pada";

pub async fn penerimaan_aktif(
    pool: &AnyPool,
    instansi_id: &str,
    tahun: i64,
) -> Hasil<Vec<Penerimaan>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_PENERIMAAN} FROM penerimaan_peringatan \
         WHERE instansi_id = $1 AND tahun = $2 AND dicabut_pada IS NULL ORDER BY diterima_pada"
    ))
    .bind(instansi_id)
    .bind(tahun)
    .fetch_all(pool)
    .await?)
}

pub async fn sisipkan_penerimaan(k: &mut Koneksi, p: &Penerimaan) -> Hasil<()> {
    sqlx::query(sqlf!(
        "INSERT INTO penerimaan_peringatan ({KOLOM_PENERIMAAN}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
    ))
    .bind(&p.instansi_id)
    .bind(&p.id)
    .bind(p.tahun)
    .bind(&p.program_kode)
    .bind(&p.subkegiatan_kode)
    .bind(&p.kode)
    .bind(&p.sidik)
    .bind(&p.alasan)
    .bind(&p.diterima_oleh)
    .bind(&p.diterima_pada)
    .bind(&p.dicabut_oleh)
    .bind(&p.dicabut_pada)
    .execute(k)
    .await?;
    Ok(())
}

/// Mencabut penerimaan (baris tetap ada untuk riwayat); false bila tidak aktif.
pub async fn cabut_penerimaan(
    k: &mut Koneksi,
    instansi_id: &str,
    tahun: i64,
    id: &str,
    oleh: Option<&str>,
    pada: &str,
) -> Hasil<bool> {
    let r = sqlx::query(
        "UPDATE penerimaan_peringatan SET dicabut_oleh = $1, dicabut_pada = $2 \
         WHERE instansi_id = $3 AND tahun = $4 AND id = $5 AND dicabut_pada IS NULL",
    )
    .bind(oleh)
    .bind(pada)
    .bind(instansi_id)
    .bind(tahun)
    .bind(id)
    .execute(k)
    .await?;
    Ok(r.rows_affected() == 1)
}

/// Konfigurasi anggaran instansi: (isi JSON, versi).
pub async fn konfigurasi_anggaran(
    pool: &AnyPool,
    instansi_id: &str,
) -> Hasil<Option<(String, i64)>> {
    Ok(
        sqlx::query_as("SELECT isi, versi FROM konfigurasi_anggaran WHERE instansi_id = $1")
            .bind(instansi_id)
            .fetch_optional(pool)
            .await?,
    )
}

/// Menyimpan konfigurasi bila versinya masih `versi` (0 = belum ada); false bila basi.
pub async fn simpan_konfigurasi_anggaran(
    k: &mut Koneksi,
    instansi_id: &str,
    isi: &str,
    versi: i64,
    oleh: Option<&str>,
    pada: &str,
) -> Hasil<bool> {
    let r = if versi == 0 {
        sqlx::query(
            "INSERT INTO konfigurasi_anggaran (instansi_id, isi, versi, diubah_oleh, diubah_pada) VALUES ($1, $2, 1, $3, $4) \
             ON CONFLICT (instansi_id) DO NOTHING",
        )
        .bind(instansi_id)
        .bind(isi)
        .bind(oleh)
        .bind(pada)
        .execute(k)
        .await?
    } else {
        sqlx::query(
            "UPDATE konfigurasi_anggaran SET isi = $1, versi = versi + 1, diubah_oleh = $2, diubah_pada = $3 \
             WHERE instansi_id = $4 AND versi = $5",
        )
        .bind(isi)
        .bind(oleh)
        .bind(pada)
        .bind(instansi_id)
        .bind(versi)
        .execute(k)
        .await?
    };
    Ok(r.rows_affected() == 1)
}

/// Satu wilayah dalam perbandingan biaya: realisasi anggaran sampai bulan
/// dan realisasi keluaran indikator utama sampai triwulan, dari rencana yang
/// ditetapkan.
#[derive(Debug, Clone, Deserialize)]
pub struct BarisBiaya {
    pub instansi_id: String,
    pub instansi: String,
    pub kode_wilayah: Option<String>,
    pub satuan: Option<String>,
    pub realisasi_sen: i64,
    pub realisasi_keluaran: Option<String>,
}

/// Biaya satu kode sub kegiatan di semua instansi (satu-satunya kueri
/// lintas instansi anggaran; indeks `rencana_butir_kode`).
pub async fn biaya_subkegiatan(
    pool: &AnyPool,
    tahun: i64,
    kode: &str,
    sampai_bulan: i64,
    sampai_triwulan: i64,
) -> Hasil<Vec<BarisBiaya>> {
    let mut args = AnyArguments::default();
    let _ = args.add(tahun);
    let _ = args.add(kode.to_string());
    let _ = args.add(sampai_bulan);
    let _ = args.add(sampai_triwulan);
    crate::semua_sebagai_json(
        pool,
        "instansi_id, instansi, kode_wilayah, satuan, realisasi_sen, realisasi_keluaran",
        "FROM (SELECT b.instansi_id AS instansi_id, i.nama AS instansi, i.kode_wilayah AS kode_wilayah, ind.satuan AS satuan, \
           (SELECT CAST(COALESCE(SUM(r.jumlah_sen), 0) AS BIGINT) FROM realisasi_anggaran r \
             WHERE r.instansi_id = b.instansi_id AND r.tahun = $1 AND r.subkegiatan_kode = b.kode AND r.bulan <= $3) AS realisasi_sen, \
           (SELECT k.realisasi FROM realisasi_keluaran k \
             WHERE k.instansi_id = b.instansi_id AND k.tahun = $1 AND k.indikator_kunci = ind.kunci AND k.triwulan <= $4 \
             ORDER BY k.triwulan DESC LIMIT 1) AS realisasi_keluaran \
         FROM rencana_butir b \
         JOIN rencana p ON p.instansi_id = b.instansi_id AND p.id = b.rencana_id AND p.tahun = $1 AND p.status = 'ditetapkan' \
         JOIN rencana_indikator ind ON ind.instansi_id = b.instansi_id AND ind.butir_id = b.id AND ind.urutan = 0 \
         JOIN instansi i ON i.id = b.instansi_id \
         WHERE b.kode = $2 AND b.tingkat = 'subkegiatan') x",
        "t.instansi",
        args,
    )
    .await
}

/// Realisasi keluaran yang berlaku per indikator: triwulan terakhir yang
/// dilaporkan sampai `sampai_triwulan` (kumulatif), kolom secukupnya.
#[derive(Debug, Clone, Deserialize)]
pub struct KeluaranTerakhir {
    pub indikator_kunci: String,
    pub triwulan: i64,
    pub realisasi: String,
    pub bukti_id: Option<String>,
    pub bukti_url: Option<String>,
    pub diverifikasi_pada: Option<String>,
}

pub async fn keluaran_terakhir(
    pool: &AnyPool,
    instansi_id: &str,
    tahun: i64,
    sampai_triwulan: i64,
) -> Hasil<Vec<KeluaranTerakhir>> {
    let mut args = AnyArguments::default();
    let _ = args.add(instansi_id.to_string());
    let _ = args.add(tahun);
    let _ = args.add(sampai_triwulan);
    crate::semua_sebagai_json(
        pool,
        "indikator_kunci, triwulan, realisasi, bukti_id, bukti_url, diverifikasi_pada",
        "FROM (SELECT indikator_kunci, triwulan, realisasi, bukti_id, bukti_url, diverifikasi_pada, \
           ROW_NUMBER() OVER (PARTITION BY indikator_kunci ORDER BY triwulan DESC) AS urut \
           FROM realisasi_keluaran WHERE instansi_id = $1 AND tahun = $2 AND triwulan <= $3) k WHERE k.urut = 1",
        "t.indikator_kunci",
        args,
    )
    .await
}

/// Realisasi anggaran satu instansi per bulan (jumlah semua sub kegiatan).
pub async fn realisasi_per_bulan(
    pool: &AnyPool,
    instansi_id: &str,
    tahun: i64,
) -> Hasil<Vec<(i64, i64)>> {
    Ok(sqlx::query_as(
        "SELECT bulan, CAST(SUM(jumlah_sen) AS BIGINT) FROM realisasi_anggaran WHERE instansi_id = $1 AND tahun = $2 \
         GROUP BY bulan ORDER BY bulan",
    )
    .bind(instansi_id)
    .bind(tahun)
    .fetch_all(pool)
    .await?)
}

/// Realisasi anggaran satu sub kegiatan (12 baris paling banyak; PK).
pub async fn realisasi_anggaran_kode(
    pool: &AnyPool,
    instansi_id: &str,
    tahun: i64,
    kode: &str,
) -> Hasil<Vec<RealisasiBulan>> {
    Ok(sqlx::query_as(
        "SELECT instansi_id, tahun, subkegiatan_kode, bulan, jumlah_sen, versi, diubah_oleh, diubah_pada \
         FROM realisasi_anggaran WHERE instansi_id = $1 AND tahun = $2 AND subkegiatan_kode = $3 ORDER BY bulan",
    )
    .bind(instansi_id)
    .bind(tahun)
    .bind(kode)
    .fetch_all(pool)
    .await?)
}

/// Realisasi keluaran satu sub kegiatan (indeks `realisasi_keluaran_subkegiatan`).
pub async fn realisasi_keluaran_kode(
    pool: &AnyPool,
    instansi_id: &str,
    tahun: i64,
    kode: &str,
) -> Hasil<Vec<RealisasiTriwulan>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_KELUARAN} FROM realisasi_keluaran \
         WHERE instansi_id = $1 AND tahun = $2 AND subkegiatan_kode = $3 ORDER BY indikator_kunci, triwulan"
    ))
    .bind(instansi_id)
    .bind(tahun)
    .bind(kode)
    .fetch_all(pool)
    .await?)
}

// ---------- rekap lintas instansi ----------

/// Revisi yang ditetapkan setiap instansi untuk `tahun` (rekap nasional).
pub async fn revisi_ditetapkan_semua(pool: &AnyPool, tahun: i64) -> Hasil<Vec<(String, i64)>> {
    Ok(sqlx::query_as(
        "SELECT instansi_id, revisi FROM rencana WHERE tahun = $1 AND status = 'ditetapkan'",
    )
    .bind(tahun)
    .fetch_all(pool)
    .await?)
}

/// Konfigurasi anggaran tersimpan semua instansi (`instansi_id`, isi JSON).
pub async fn konfigurasi_anggaran_semua(pool: &AnyPool) -> Hasil<Vec<(String, String)>> {
    Ok(
        sqlx::query_as("SELECT instansi_id, isi FROM konfigurasi_anggaran")
            .fetch_all(pool)
            .await?,
    )
}

/// Satu sub kegiatan revisi yang ditetapkan beserta angka yang dibutuhkan
/// aturan nilai uang untuk indikator utamanya (yang pertama menurut
/// `urutan`, lalu `nama_kunci`).
#[derive(Debug, Clone, PartialEq)]
pub struct SubkegiatanRekap {
    pub instansi_id: String,
    pub pagu_sen: Option<i64>,
    /// Realisasi anggaran sampai bulan yang diminta (0 bila tidak ada).
    pub realisasi_sen: i64,
    /// Ada indikator keluaran sama sekali.
    pub ada_indikator: bool,
    pub target: Option<String>,
    pub polaritas: Option<String>,
    pub baseline: Option<String>,
    /// Realisasi kumulatif triwulan terakhir yang dilaporkan sampai triwulan yang diminta.
    pub realisasi_keluaran: Option<String>,
    pub ada_bukti: bool,
}

/// Instansi per kueri rekap: cukup besar untuk meratakan biaya satu kueri,
/// cukup kecil agar tabel hash setiap kueri muat di memori kerja.
pub const INSTANSI_PER_REKAP: usize = 16;

/// Mengalirkan setiap sub kegiatan revisi yang ditetapkan tahun `tahun`
/// milik `instansi` (paling banyak [`INSTANSI_PER_REKAP`] disarankan) ke
/// `f` tanpa menampung semuanya: satu kueri, setiap gabungan memakai
/// `instansi_id` (di Citus turun ke shard). Urutan baris tidak ditentukan.
pub async fn alirkan_subkegiatan_rekap<F>(
    pool: &AnyPool,
    tahun: i64,
    sampai_bulan: i64,
    sampai_triwulan: i64,
    instansi: &[String],
    mut f: F,
) -> Hasil<()>
where
    F: FnMut(SubkegiatanRekap),
{
    use futures_util::TryStreamExt;
    if instansi.is_empty() {
        return Ok(());
    }
    let sampai_triwulan = sampai_triwulan.clamp(1, 4);
    let mut args = AnyArguments::default();
    let _ = args.add(tahun);
    let _ = args.add(sampai_bulan);
    let _ = args.add(sampai_triwulan);
    let mut daftar = String::new();
    for (n, iid) in instansi.iter().enumerate() {
        let _ = args.add(iid.clone());
        if n > 0 {
            daftar.push_str(", ");
        }
        daftar.push_str(&format!("${}", n + 4));
    }
    let sql = REKAP_SUBKEGIATAN.replace("{daftar}", &daftar);
    let mut tx = pool.begin().await?;
    if crate::Backend::dari_pool(pool) == crate::Backend::Postgres {
        // Perencana PostgreSQL tidak dapat menaksir saringan `urut = 1`
        // (taksiran 0,5 %): ia memilih nested loop/merge join yang kuadratik
        // per instansi. Semua gabungan di sini 1:1 pada kunci penuh, jadi
        // gabungan hash selalu tepat; JIT tidak pernah terbayar di sini.
        for set in [
            "SET LOCAL enable_nestloop = off",
            "SET LOCAL enable_mergejoin = off",
            "SET LOCAL jit = off",
            "SET LOCAL work_mem = '64MB'",
            "SET LOCAL plan_cache_mode = force_custom_plan",
            "SET LOCAL max_parallel_workers_per_gather = 0",
        ] {
            sqlx::query(set).execute(&mut *tx).await?;
        }
    }
    {
        let mut aliran = sqlx::query_with(sqlx::AssertSqlSafe(sql), args).fetch(&mut *tx);
        while let Some(row) = aliran.try_next().await? {
            use sqlx::Row;
            // Keluaran yang berlaku: triwulan terakhir yang dilaporkan;
            // `bukti` = bit triwulan yang berbukti.
            let mut realisasi_keluaran = None;
            let mut triwulan = 0;
            for t in (1..=sampai_triwulan as usize).rev() {
                if let Some(r) = row.try_get::<Option<String>, _>(6 + t)? {
                    realisasi_keluaran = Some(r);
                    triwulan = t;
                    break;
                }
            }
            let bukti: i64 = row.try_get::<Option<i64>, _>(11)?.unwrap_or(0);
            let ada_bukti = triwulan > 0 && bukti & (1 << (triwulan - 1)) != 0;
            let ada_indikator: i64 = row.try_get(3)?;
            let realisasi_sen: Option<i64> = row.try_get(2)?;
            f(SubkegiatanRekap {
                instansi_id: row.try_get(0)?,
                pagu_sen: row.try_get(1)?,
                realisasi_sen: realisasi_sen.unwrap_or(0),
                ada_indikator: ada_indikator != 0,
                target: row.try_get(4)?,
                polaritas: row.try_get(5)?,
                baseline: row.try_get(6)?,
                realisasi_keluaran,
                ada_bukti,
            });
        }
    }
    tx.rollback().await?;
    Ok(())
}

/// $1 tahun, $2 sampai bulan, $3 sampai triwulan (1–4), `{daftar}` instansi.
/// Keluaran terakhir per indikator lewat agregat bersyarat per triwulan
/// (satu lintasan hash), bukan fungsi jendela atas semua baris.
const REKAP_SUBKEGIATAN: &str = "\
SELECT b.instansi_id, b.pagu_sen, r.jumlah_sen, \
  CASE WHEN i.butir_id IS NULL THEN 0 ELSE 1 END, i.target, i.polaritas, i.baseline, \
  k.r1, k.r2, k.r3, k.r4, k.bukti \
FROM rencana p \
JOIN rencana_butir b ON b.instansi_id = p.instansi_id AND b.rencana_id = p.id AND b.tingkat = 'subkegiatan' \
LEFT JOIN (SELECT instansi_id, subkegiatan_kode, CAST(SUM(jumlah_sen) AS BIGINT) AS jumlah_sen \
    FROM realisasi_anggaran WHERE instansi_id IN ({daftar}) AND tahun = $1 AND bulan <= $2 \
    GROUP BY instansi_id, subkegiatan_kode) r \
  ON r.instansi_id = b.instansi_id AND r.subkegiatan_kode = b.kode \
LEFT JOIN (SELECT x.instansi_id, x.butir_id, x.kunci, x.target, x.polaritas, x.baseline, \
      ROW_NUMBER() OVER (PARTITION BY x.instansi_id, x.butir_id ORDER BY x.urutan, x.nama_kunci) AS urut \
    FROM rencana_indikator x JOIN rencana q ON q.instansi_id = x.instansi_id AND q.id = x.rencana_id \
    WHERE x.instansi_id IN ({daftar}) AND q.tahun = $1 AND q.status = 'ditetapkan') i \
  ON i.instansi_id = b.instansi_id AND i.butir_id = b.id AND i.urut = 1 \
LEFT JOIN (SELECT instansi_id, indikator_kunci, \
      MAX(CASE WHEN triwulan = 1 THEN realisasi END) AS r1, MAX(CASE WHEN triwulan = 2 THEN realisasi END) AS r2, \
      MAX(CASE WHEN triwulan = 3 THEN realisasi END) AS r3, MAX(CASE WHEN triwulan = 4 THEN realisasi END) AS r4, \
      SUM(CASE WHEN bukti_id IS NULL AND bukti_url IS NULL THEN 0 \
        WHEN triwulan = 1 THEN 1 WHEN triwulan = 2 THEN 2 WHEN triwulan = 3 THEN 4 ELSE 8 END) AS bukti \
    FROM realisasi_keluaran WHERE instansi_id IN ({daftar}) AND tahun = $1 AND triwulan <= $3 \
    GROUP BY instansi_id, indikator_kunci) k \
  ON k.instansi_id = i.instansi_id AND k.indikator_kunci = i.kunci \
WHERE p.instansi_id IN ({daftar}) AND b.instansi_id IN ({daftar}) AND p.tahun = $1 AND p.status = 'ditetapkan'";
