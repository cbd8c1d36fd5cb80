//! SAKIP: Renstra (periode, tujuan, sasaran, IKU dan targetnya), tautan
//! sasaran → program rencana tahunan, kontributor simpul lintas unit,
//! realisasi IKU, Perjanjian Kinerja, LKE dan reviunya. Target dan realisasi
//! sebagai teks desimal (dihitung di Rust).

use crate::{Hasil, Koneksi};
use serde::{Deserialize, Serialize};
use sqlx::any::AnyArguments;
use sqlx::{AnyPool, Arguments};

/// Argumen kueri berurutan dari nilai-nilai yang diberikan.
macro_rules! argumen {
    ($($v:expr),* $(,)?) => {{
        let mut a = AnyArguments::default();
        $( let _ = a.add($v); )*
        a
    }};
}

/// INSERT satu baris: `kolom` juga menentukan jumlah placeholder.
async fn sisipkan(k: &mut Koneksi, tabel: &str, kolom: &str, args: AnyArguments) -> Hasil<()> {
    let n = kolom.split(',').count();
    let sql = format!(
        "INSERT INTO {tabel} ({kolom}) VALUES {}",
        crate::nilai_banyak(1, n)
    );
    sqlx::query_with(sqlx::AssertSqlSafe(sql), args)
        .execute(k)
        .await?;
    Ok(())
}

// ---------- Renstra ----------

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct Periode {
    pub instansi_id: String,
    pub id: String,
    pub nama: String,
    pub tahun_awal: i64,
    pub tahun_akhir: i64,
    pub versi: i64,
    pub dibuat_pada: String,
    pub diubah_pada: String,
}

const KOLOM_PERIODE: &str =
    "instansi_id, id, nama, tahun_awal, tahun_akhir, versi, dibuat_pada, diubah_pada";

pub async fn sisipkan_periode(k: &mut Koneksi, p: &Periode) -> Hasil<()> {
    let a = argumen!(
        p.instansi_id.clone(),
        p.id.clone(),
        p.nama.clone(),
        p.tahun_awal,
        p.tahun_akhir,
        p.versi,
        p.dibuat_pada.clone(),
        p.diubah_pada.clone()
    );
    sisipkan(k, "sakip_periode", KOLOM_PERIODE, a).await
}

pub async fn daftar_periode(pool: &AnyPool, instansi_id: &str) -> Hasil<Vec<Periode>> {
    crate::semua_sebagai_json(
        pool,
        KOLOM_PERIODE,
        "FROM sakip_periode WHERE instansi_id = $1",
        "t.tahun_awal",
        argumen!(instansi_id.to_string()),
    )
    .await
}

/// Periode Renstra yang memuat `tahun` (paling baru bila tumpang tindih).
pub async fn periode_untuk_tahun(
    pool: &AnyPool,
    instansi_id: &str,
    tahun: i64,
) -> Hasil<Option<Periode>> {
    let semua = daftar_periode(pool, instansi_id).await?;
    Ok(semua
        .into_iter()
        .rev()
        .find(|p| p.tahun_awal <= tahun && tahun <= p.tahun_akhir))
}

/// Tujuan (induk kosong) atau sasaran strategis.
#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct Sasaran {
    pub instansi_id: String,
    pub id: String,
    pub periode_id: String,
    /// `tujuan` | `sasaran`.
    pub jenis: String,
    pub induk_id: Option<String>,
    pub kode: String,
    pub nama: String,
    pub unit_id: Option<String>,
    pub urutan: i64,
    pub versi: i64,
    pub dibuat_pada: String,
    pub diubah_pada: String,
}

const KOLOM_SASARAN: &str = "instansi_id, id, periode_id, jenis, induk_id, kode, nama, unit_id, urutan, versi, dibuat_pada, diubah_pada";

pub async fn sisipkan_sasaran(k: &mut Koneksi, s: &Sasaran) -> Hasil<()> {
    let a = argumen!(
        s.instansi_id.clone(),
        s.id.clone(),
        s.periode_id.clone(),
        s.jenis.clone(),
        s.induk_id.clone(),
        s.kode.clone(),
        s.nama.clone(),
        s.unit_id.clone(),
        s.urutan,
        s.versi,
        s.dibuat_pada.clone(),
        s.diubah_pada.clone()
    );
    sisipkan(k, "sakip_sasaran", KOLOM_SASARAN, a).await
}

pub async fn sasaran_periode(
    pool: &AnyPool,
    instansi_id: &str,
    periode_id: &str,
) -> Hasil<Vec<Sasaran>> {
    crate::semua_sebagai_json(
        pool,
        KOLOM_SASARAN,
        "FROM sakip_sasaran WHERE instansi_id = $1 AND periode_id = $2",
        "t.urutan, t.kode",
        argumen!(instansi_id.to_string(), periode_id.to_string()),
    )
    .await
}

/// Indikator kinerja utama tujuan/sasaran.
#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct Iku {
    pub instansi_id: String,
    pub id: String,
    pub sasaran_id: String,
    pub nama: String,
    pub satuan: Option<String>,
    /// `positif` | `negatif`.
    pub polaritas: String,
    /// `kumulatif` | `snapshot`.
    pub rekap: String,
    pub baseline: Option<String>,
    /// Target akhir periode Renstra.
    pub target_akhir: Option<String>,
    pub urutan: i64,
    pub versi: i64,
    pub dibuat_pada: String,
    pub diubah_pada: String,
}

const KOLOM_IKU: &str = "instansi_id, id, sasaran_id, nama, satuan, polaritas, rekap, baseline, target_akhir, urutan, versi, dibuat_pada, diubah_pada";

pub async fn sisipkan_iku(k: &mut Koneksi, i: &Iku) -> Hasil<()> {
    let a = argumen!(
        i.instansi_id.clone(),
        i.id.clone(),
        i.sasaran_id.clone(),
        i.nama.clone(),
        i.satuan.clone(),
        i.polaritas.clone(),
        i.rekap.clone(),
        i.baseline.clone(),
        i.target_akhir.clone(),
        i.urutan,
        i.versi,
        i.dibuat_pada.clone(),
        i.diubah_pada.clone()
    );
    sisipkan(k, "sakip_iku", KOLOM_IKU, a).await
}

/// IKU semua sasaran satu periode.
pub async fn iku_periode(pool: &AnyPool, instansi_id: &str, periode_id: &str) -> Hasil<Vec<Iku>> {
    crate::semua_sebagai_json(
        pool,
        KOLOM_IKU,
        "FROM sakip_iku WHERE instansi_id = $1 AND sasaran_id IN \
         (SELECT id FROM sakip_sasaran WHERE instansi_id = $1 AND periode_id = $2)",
        "t.sasaran_id, t.urutan, t.nama",
        argumen!(instansi_id.to_string(), periode_id.to_string()),
    )
    .await
}

pub async fn iku_satu(k: &mut Koneksi, instansi_id: &str, id: &str) -> Hasil<Option<Iku>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_IKU} FROM sakip_iku WHERE instansi_id = $1 AND id = $2"
    ))
    .bind(instansi_id)
    .bind(id)
    .fetch_optional(k)
    .await?)
}

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct TargetIku {
    pub instansi_id: String,
    pub iku_id: String,
    pub tahun: i64,
    pub target: String,
    pub target_tw1: Option<String>,
    pub target_tw2: Option<String>,
    pub target_tw3: Option<String>,
    pub target_tw4: Option<String>,
}

const KOLOM_TARGET: &str =
    "instansi_id, iku_id, tahun, target, target_tw1, target_tw2, target_tw3, target_tw4";

/// Menyimpan (menimpa) target IKU satu tahun.
pub async fn simpan_target_iku(k: &mut Koneksi, t: &TargetIku) -> Hasil<()> {
    let sql = format!(
        "INSERT INTO sakip_iku_target ({KOLOM_TARGET}) VALUES {} ON CONFLICT (instansi_id, iku_id, tahun) DO UPDATE SET \
         target = excluded.target, target_tw1 = excluded.target_tw1, target_tw2 = excluded.target_tw2, \
         target_tw3 = excluded.target_tw3, target_tw4 = excluded.target_tw4",
        crate::nilai_banyak(1, 8)
    );
    let a = argumen!(
        t.instansi_id.clone(),
        t.iku_id.clone(),
        t.tahun,
        t.target.clone(),
        t.target_tw1.clone(),
        t.target_tw2.clone(),
        t.target_tw3.clone(),
        t.target_tw4.clone()
    );
    sqlx::query_with(sqlx::AssertSqlSafe(sql), a)
        .execute(k)
        .await?;
    Ok(())
}

/// Target semua IKU instansi untuk satu tahun.
pub async fn target_iku_tahun(
    pool: &AnyPool,
    instansi_id: &str,
    tahun: i64,
) -> Hasil<Vec<TargetIku>> {
    crate::semua_sebagai_json(
        pool,
        KOLOM_TARGET,
        "FROM sakip_iku_target WHERE instansi_id = $1 AND tahun = $2",
        "t.iku_id",
        argumen!(instansi_id.to_string(), tahun),
    )
    .await
}

/// Realisasi IKU satu triwulan.
#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct RealisasiIku {
    pub instansi_id: String,
    pub iku_id: String,
    pub tahun: i64,
    pub triwulan: i64,
    pub realisasi: String,
    pub penjelasan: Option<String>,
    pub bukti_id: Option<String>,
    pub bukti_url: Option<String>,
    pub versi: i64,
    pub diubah_oleh: Option<String>,
    pub diubah_pada: String,
}

const KOLOM_REALISASI: &str = "instansi_id, iku_id, tahun, triwulan, realisasi, penjelasan, bukti_id, bukti_url, versi, diubah_oleh, diubah_pada";

/// Realisasi IKU satu tahun (semua triwulan).
pub async fn realisasi_iku_tahun(
    pool: &AnyPool,
    instansi_id: &str,
    tahun: i64,
) -> Hasil<Vec<RealisasiIku>> {
    crate::semua_sebagai_json(
        pool,
        KOLOM_REALISASI,
        "FROM sakip_iku_realisasi WHERE instansi_id = $1 AND tahun = $2",
        "t.iku_id, t.triwulan",
        argumen!(instansi_id.to_string(), tahun),
    )
    .await
}

pub async fn realisasi_iku_satu(
    k: &mut Koneksi,
    instansi_id: &str,
    iku_id: &str,
    tahun: i64,
    triwulan: i64,
) -> Hasil<Option<RealisasiIku>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_REALISASI} FROM sakip_iku_realisasi WHERE instansi_id = $1 AND iku_id = $2 AND tahun = $3 AND triwulan = $4"
    ))
    .bind(instansi_id)
    .bind(iku_id)
    .bind(tahun)
    .bind(triwulan)
    .fetch_optional(k)
    .await?)
}

/// Menulis realisasi bila versinya masih `versi_lama` (0 = belum ada);
/// false bila basi.
pub async fn tulis_realisasi_iku(
    k: &mut Koneksi,
    r: &RealisasiIku,
    versi_lama: i64,
) -> Hasil<bool> {
    if versi_lama == 0 {
        let a = argumen!(
            r.instansi_id.clone(),
            r.iku_id.clone(),
            r.tahun,
            r.triwulan,
            r.realisasi.clone(),
            r.penjelasan.clone(),
            r.bukti_id.clone(),
            r.bukti_url.clone(),
            1i64,
            r.diubah_oleh.clone(),
            r.diubah_pada.clone()
        );
        let sql = format!(
            "INSERT INTO sakip_iku_realisasi ({KOLOM_REALISASI}) VALUES {} ON CONFLICT (instansi_id, iku_id, tahun, triwulan) DO NOTHING",
            crate::nilai_banyak(1, 11)
        );
        let n = sqlx::query_with(sqlx::AssertSqlSafe(sql), a)
            .execute(k)
            .await?;
        return Ok(n.rows_affected() == 1);
    }
    let n = sqlx::query(
        "UPDATE sakip_iku_realisasi SET realisasi = $1, penjelasan = $2, bukti_id = $3, bukti_url = $4, \
         diubah_oleh = $5, diubah_pada = $6, versi = versi + 1 \
         WHERE instansi_id = $7 AND iku_id = $8 AND tahun = $9 AND triwulan = $10 AND versi = $11",
    )
    .bind(&r.realisasi)
    .bind(&r.penjelasan)
    .bind(&r.bukti_id)
    .bind(&r.bukti_url)
    .bind(&r.diubah_oleh)
    .bind(&r.diubah_pada)
    .bind(&r.instansi_id)
    .bind(&r.iku_id)
    .bind(r.tahun)
    .bind(r.triwulan)
    .bind(versi_lama)
    .execute(k)
    .await?;
    Ok(n.rows_affected() == 1)
}

// ---------- tautan dan kontributor ----------

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct Tautan {
    pub instansi_id: String,
    pub sasaran_id: String,
    pub tahun: i64,
    pub program_kode: String,
    pub dibuat_pada: String,
}

const KOLOM_TAUTAN: &str = "instansi_id, sasaran_id, tahun, program_kode, dibuat_pada";

pub async fn tautan_tahun(pool: &AnyPool, instansi_id: &str, tahun: i64) -> Hasil<Vec<Tautan>> {
    crate::semua_sebagai_json(
        pool,
        KOLOM_TAUTAN,
        "FROM sakip_tautan WHERE instansi_id = $1 AND tahun = $2",
        "t.program_kode, t.sasaran_id",
        argumen!(instansi_id.to_string(), tahun),
    )
    .await
}

/// Mengganti program yang ditautkan ke satu sasaran pada satu tahun.
pub async fn ganti_tautan(
    k: &mut Koneksi,
    instansi_id: &str,
    sasaran_id: &str,
    tahun: i64,
    program_kode: &[String],
    pada: &str,
) -> Hasil<()> {
    sqlx::query(
        "DELETE FROM sakip_tautan WHERE instansi_id = $1 AND sasaran_id = $2 AND tahun = $3",
    )
    .bind(instansi_id)
    .bind(sasaran_id)
    .bind(tahun)
    .execute(&mut *k)
    .await?;
    for kode in program_kode {
        let a = argumen!(
            instansi_id.to_string(),
            sasaran_id.to_string(),
            tahun,
            kode.clone(),
            pada.to_string()
        );
        sisipkan(&mut *k, "sakip_tautan", KOLOM_TAUTAN, a).await?;
    }
    Ok(())
}

/// Menyalin tautan dan kontributor tahun `dari` ke tahun `ke` yang belum
/// punya (pohon tahun berikutnya bermula dari salinan). Jumlah baris tersalin.
pub async fn salin_pohon(
    k: &mut Koneksi,
    instansi_id: &str,
    dari: i64,
    ke: i64,
    pada: &str,
) -> Hasil<u64> {
    let a = sqlx::query(
        "INSERT INTO sakip_tautan (instansi_id, sasaran_id, tahun, program_kode, dibuat_pada) \
         SELECT instansi_id, sasaran_id, $1, program_kode, $2 FROM sakip_tautan s \
         WHERE s.instansi_id = $3 AND s.tahun = $4 AND NOT EXISTS (SELECT 1 FROM sakip_tautan x \
         WHERE x.instansi_id = s.instansi_id AND x.tahun = $1 AND x.program_kode = s.program_kode AND x.sasaran_id = s.sasaran_id)",
    )
    .bind(ke)
    .bind(pada)
    .bind(instansi_id)
    .bind(dari)
    .execute(&mut *k)
    .await?;
    let b = sqlx::query(
        "INSERT INTO sakip_kontributor (instansi_id, tahun, simpul, unit_id, dibuat_pada) \
         SELECT instansi_id, $1, simpul, unit_id, $2 FROM sakip_kontributor s \
         WHERE s.instansi_id = $3 AND s.tahun = $4 AND NOT EXISTS (SELECT 1 FROM sakip_kontributor x \
         WHERE x.instansi_id = s.instansi_id AND x.tahun = $1 AND x.simpul = s.simpul AND x.unit_id = s.unit_id)",
    )
    .bind(ke)
    .bind(pada)
    .bind(instansi_id)
    .bind(dari)
    .execute(&mut *k)
    .await?;
    Ok(a.rows_affected() + b.rows_affected())
}

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct Kontributor {
    pub instansi_id: String,
    pub tahun: i64,
    /// `sasaran:{id}` | `butir:{kode}`.
    pub simpul: String,
    pub unit_id: String,
    pub dibuat_pada: String,
}

const KOLOM_KONTRIBUTOR: &str = "instansi_id, tahun, simpul, unit_id, dibuat_pada";

pub async fn kontributor_tahun(
    pool: &AnyPool,
    instansi_id: &str,
    tahun: i64,
) -> Hasil<Vec<Kontributor>> {
    crate::semua_sebagai_json(
        pool,
        KOLOM_KONTRIBUTOR,
        "FROM sakip_kontributor WHERE instansi_id = $1 AND tahun = $2",
        "t.simpul, t.unit_id",
        argumen!(instansi_id.to_string(), tahun),
    )
    .await
}

/// Mengganti unit kontributor satu simpul.
pub async fn ganti_kontributor(
    k: &mut Koneksi,
    instansi_id: &str,
    tahun: i64,
    simpul: &str,
    unit_id: &[String],
    pada: &str,
) -> Hasil<()> {
    sqlx::query(
        "DELETE FROM sakip_kontributor WHERE instansi_id = $1 AND tahun = $2 AND simpul = $3",
    )
    .bind(instansi_id)
    .bind(tahun)
    .bind(simpul)
    .execute(&mut *k)
    .await?;
    for u in unit_id {
        let a = argumen!(
            instansi_id.to_string(),
            tahun,
            simpul.to_string(),
            u.clone(),
            pada.to_string()
        );
        sisipkan(&mut *k, "sakip_kontributor", KOLOM_KONTRIBUTOR, a).await?;
    }
    Ok(())
}

// ---------- Perjanjian Kinerja ----------

pub const PK_USULAN: &str = "usulan";
pub const PK_DISETUJUI: &str = "disetujui";
pub const PK_DIKEMBALIKAN: &str = "dikembalikan";
pub const PK_DIGANTI: &str = "diganti";

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct PerjanjianKinerja {
    pub instansi_id: String,
    pub id: String,
    pub tahun: i64,
    pub unit_id: String,
    /// 0 = perjanjian awal; 1, 2, … perubahan.
    pub revisi: i64,
    /// `usulan` | `disetujui` | `dikembalikan` | `diganti`.
    pub status: String,
    /// Pimpinan unit yang berjanji.
    pub pihak_pertama_id: Option<String>,
    /// Atasannya (pimpinan unit induk).
    pub pihak_kedua_id: Option<String>,
    pub alasan_perubahan: Option<String>,
    /// Catatan atasan saat menyetujui atau mengembalikan.
    pub catatan: Option<String>,
    pub diajukan_oleh: Option<String>,
    pub diajukan_pada: Option<String>,
    pub diputuskan_oleh: Option<String>,
    pub diputuskan_pada: Option<String>,
    pub versi: i64,
    pub dibuat_pada: String,
    pub diubah_pada: String,
}

const KOLOM_PK: &str = "instansi_id, id, tahun, unit_id, revisi, status, pihak_pertama_id, pihak_kedua_id, alasan_perubahan, catatan, diajukan_oleh, diajukan_pada, diputuskan_oleh, diputuskan_pada, versi, dibuat_pada, diubah_pada";

pub async fn sisipkan_pk(k: &mut Koneksi, p: &PerjanjianKinerja) -> Hasil<()> {
    let a = argumen!(
        p.instansi_id.clone(),
        p.id.clone(),
        p.tahun,
        p.unit_id.clone(),
        p.revisi,
        p.status.clone(),
        p.pihak_pertama_id.clone(),
        p.pihak_kedua_id.clone(),
        p.alasan_perubahan.clone(),
        p.catatan.clone(),
        p.diajukan_oleh.clone(),
        p.diajukan_pada.clone(),
        p.diputuskan_oleh.clone(),
        p.diputuskan_pada.clone(),
        p.versi,
        p.dibuat_pada.clone(),
        p.diubah_pada.clone()
    );
    sisipkan(k, "perjanjian_kinerja", KOLOM_PK, a).await
}

/// Semua PK (semua revisi) satu tahun.
pub async fn pk_tahun(
    pool: &AnyPool,
    instansi_id: &str,
    tahun: i64,
) -> Hasil<Vec<PerjanjianKinerja>> {
    crate::semua_sebagai_json(
        pool,
        KOLOM_PK,
        "FROM perjanjian_kinerja WHERE instansi_id = $1 AND tahun = $2",
        "t.unit_id, t.revisi",
        argumen!(instansi_id.to_string(), tahun),
    )
    .await
}

/// Semua revisi PK satu unit dan tahun, dibaca di dalam transaksi tulis.
pub async fn pk_unit_di(
    k: &mut Koneksi,
    instansi_id: &str,
    tahun: i64,
    unit_id: &str,
) -> Hasil<Vec<PerjanjianKinerja>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_PK} FROM perjanjian_kinerja WHERE instansi_id = $1 AND tahun = $2 AND unit_id = $3 ORDER BY revisi"
    ))
    .bind(instansi_id)
    .bind(tahun)
    .bind(unit_id)
    .fetch_all(k)
    .await?)
}

pub async fn pk_satu(
    pool: &AnyPool,
    instansi_id: &str,
    id: &str,
) -> Hasil<Option<PerjanjianKinerja>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_PK} FROM perjanjian_kinerja WHERE instansi_id = $1 AND id = $2"
    ))
    .bind(instansi_id)
    .bind(id)
    .fetch_optional(pool)
    .await?)
}

/// Mengubah status PK bila versinya masih `versi`; false bila basi.
#[allow(clippy::too_many_arguments)]
pub async fn putuskan_pk(
    k: &mut Koneksi,
    instansi_id: &str,
    id: &str,
    versi: i64,
    status: &str,
    oleh: &str,
    pada: &str,
    catatan: Option<&str>,
) -> Hasil<bool> {
    let n = sqlx::query(
        "UPDATE perjanjian_kinerja SET status = $1, diputuskan_oleh = $2, diputuskan_pada = $3, catatan = $4, \
         versi = versi + 1, diubah_pada = $3 WHERE instansi_id = $5 AND id = $6 AND versi = $7",
    )
    .bind(status)
    .bind(oleh)
    .bind(pada)
    .bind(catatan)
    .bind(instansi_id)
    .bind(id)
    .bind(versi)
    .execute(k)
    .await?;
    Ok(n.rows_affected() == 1)
}

/// Menandai PK yang disetujui sebelumnya sebagai `diganti`.
pub async fn tandai_pk_diganti(
    k: &mut Koneksi,
    instansi_id: &str,
    id: &str,
    pada: &str,
) -> Hasil<()> {
    sqlx::query(
        "UPDATE perjanjian_kinerja SET status = 'diganti', versi = versi + 1, diubah_pada = $1 WHERE instansi_id = $2 AND id = $3",
    )
    .bind(pada)
    .bind(instansi_id)
    .bind(id)
    .execute(k)
    .await?;
    Ok(())
}

/// Mengajukan kembali PK yang dikembalikan (status `usulan`).
pub async fn ajukan_ulang_pk(
    k: &mut Koneksi,
    instansi_id: &str,
    id: &str,
    versi: i64,
    oleh: &str,
    pada: &str,
) -> Hasil<bool> {
    let n = sqlx::query(
        "UPDATE perjanjian_kinerja SET status = 'usulan', diajukan_oleh = $1, diajukan_pada = $2, diubah_pada = $2, \
         versi = versi + 1 WHERE instansi_id = $3 AND id = $4 AND versi = $5",
    )
    .bind(oleh)
    .bind(pada)
    .bind(instansi_id)
    .bind(id)
    .bind(versi)
    .execute(k)
    .await?;
    Ok(n.rows_affected() == 1)
}

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct BarisPk {
    pub instansi_id: String,
    pub id: String,
    pub pk_id: String,
    pub urutan: i64,
    /// `iku` (id IKU) | `indikator` (kunci indikator rencana).
    pub sumber: String,
    pub sumber_kunci: String,
    pub sasaran: String,
    pub indikator: String,
    pub satuan: Option<String>,
    pub target: String,
}

const KOLOM_BARIS_PK: &str =
    "instansi_id, id, pk_id, urutan, sumber, sumber_kunci, sasaran, indikator, satuan, target";

pub async fn sisipkan_baris_pk(k: &mut Koneksi, baris: &[BarisPk]) -> Hasil<()> {
    for b in baris {
        let a = argumen!(
            b.instansi_id.clone(),
            b.id.clone(),
            b.pk_id.clone(),
            b.urutan,
            b.sumber.clone(),
            b.sumber_kunci.clone(),
            b.sasaran.clone(),
            b.indikator.clone(),
            b.satuan.clone(),
            b.target.clone()
        );
        sisipkan(&mut *k, "perjanjian_kinerja_baris", KOLOM_BARIS_PK, a).await?;
    }
    Ok(())
}

/// Baris semua PK satu tahun (untuk daftar dan rekap), urut PK dan urutan.
pub async fn baris_pk_tahun(pool: &AnyPool, instansi_id: &str, tahun: i64) -> Hasil<Vec<BarisPk>> {
    crate::semua_sebagai_json(
        pool,
        KOLOM_BARIS_PK,
        "FROM perjanjian_kinerja_baris WHERE instansi_id = $1 AND pk_id IN \
         (SELECT id FROM perjanjian_kinerja WHERE instansi_id = $1 AND tahun = $2)",
        "t.pk_id, t.urutan",
        argumen!(instansi_id.to_string(), tahun),
    )
    .await
}

// ---------- LKE ----------

pub const LKE_PENGISIAN: &str = "pengisian";
pub const LKE_SELESAI: &str = "selesai";

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq)]
pub struct Lke {
    pub instansi_id: String,
    pub id: String,
    pub tahun: i64,
    /// Salinan JSON templat saat LKE dibuat.
    pub templat: String,
    /// `pengisian` | `verifikasi` | `penjaminan_mutu` | `evaluasi` | `selesai`.
    pub status: String,
    pub versi: i64,
    pub dibuat_pada: String,
    pub diubah_pada: String,
}

const KOLOM_LKE: &str = "instansi_id, id, tahun, templat, status, versi, dibuat_pada, diubah_pada";

pub async fn sisipkan_lke(k: &mut Koneksi, x: &Lke) -> Hasil<()> {
    let a = argumen!(
        x.instansi_id.clone(),
        x.id.clone(),
        x.tahun,
        x.templat.clone(),
        x.status.clone(),
        x.versi,
        x.dibuat_pada.clone(),
        x.diubah_pada.clone()
    );
    sisipkan(k, "lke", KOLOM_LKE, a).await
}

pub async fn lke_tahun(pool: &AnyPool, instansi_id: &str, tahun: i64) -> Hasil<Option<Lke>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_LKE} FROM lke WHERE instansi_id = $1 AND tahun = $2"
    ))
    .bind(instansi_id)
    .bind(tahun)
    .fetch_optional(pool)
    .await?)
}

/// Sama, di dalam transaksi tulis.
pub async fn lke_tahun_di(k: &mut Koneksi, instansi_id: &str, tahun: i64) -> Hasil<Option<Lke>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_LKE} FROM lke WHERE instansi_id = $1 AND tahun = $2"
    ))
    .bind(instansi_id)
    .bind(tahun)
    .fetch_optional(k)
    .await?)
}

/// Mengubah status LKE bila versinya masih `versi`; false bila basi.
pub async fn ubah_status_lke(
    k: &mut Koneksi,
    instansi_id: &str,
    id: &str,
    versi: i64,
    status: &str,
    pada: &str,
) -> Hasil<bool> {
    let n = sqlx::query(
        "UPDATE lke SET status = $1, versi = versi + 1, diubah_pada = $2 WHERE instansi_id = $3 AND id = $4 AND versi = $5",
    )
    .bind(status)
    .bind(pada)
    .bind(instansi_id)
    .bind(id)
    .bind(versi)
    .execute(k)
    .await?;
    Ok(n.rows_affected() == 1)
}

/// Menaikkan versi LKE (setiap tulisan jawaban) sebagai kunci baris: dua
/// penulis serentak berurutan, bukan saling menimpa diam-diam.
pub async fn sentuh_lke(k: &mut Koneksi, instansi_id: &str, id: &str, pada: &str) -> Hasil<()> {
    sqlx::query("UPDATE lke SET diubah_pada = $1 WHERE instansi_id = $2 AND id = $3")
        .bind(pada)
        .bind(instansi_id)
        .bind(id)
        .execute(k)
        .await?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct JawabanLke {
    pub instansi_id: String,
    pub lke_id: String,
    pub kriteria_kode: String,
    /// Jawaban mandiri (Y/T atau A–E).
    pub jawaban: Option<String>,
    pub catatan: Option<String>,
    pub bukti_id: Option<String>,
    pub bukti_url: Option<String>,
    /// Jawaban menurut evaluator (menggantikan jawaban mandiri dalam nilai akhir).
    pub jawaban_reviu: Option<String>,
    pub catatan_reviu: Option<String>,
    pub versi: i64,
    pub diubah_oleh: Option<String>,
    pub diubah_pada: String,
}

const KOLOM_JAWABAN: &str = "instansi_id, lke_id, kriteria_kode, jawaban, catatan, bukti_id, bukti_url, jawaban_reviu, catatan_reviu, versi, diubah_oleh, diubah_pada";

pub async fn jawaban_lke(
    pool: &AnyPool,
    instansi_id: &str,
    lke_id: &str,
) -> Hasil<Vec<JawabanLke>> {
    crate::semua_sebagai_json(
        pool,
        KOLOM_JAWABAN,
        "FROM lke_jawaban WHERE instansi_id = $1 AND lke_id = $2",
        "t.kriteria_kode",
        argumen!(instansi_id.to_string(), lke_id.to_string()),
    )
    .await
}

pub async fn jawaban_satu(
    k: &mut Koneksi,
    instansi_id: &str,
    lke_id: &str,
    kode: &str,
) -> Hasil<Option<JawabanLke>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_JAWABAN} FROM lke_jawaban WHERE instansi_id = $1 AND lke_id = $2 AND kriteria_kode = $3"
    ))
    .bind(instansi_id)
    .bind(lke_id)
    .bind(kode)
    .fetch_optional(k)
    .await?)
}

/// Menulis satu jawaban (seluruh kolom) bila versinya masih `versi_lama`
/// (0 = belum ada); false bila basi.
pub async fn tulis_jawaban(k: &mut Koneksi, j: &JawabanLke, versi_lama: i64) -> Hasil<bool> {
    if versi_lama == 0 {
        let a = argumen!(
            j.instansi_id.clone(),
            j.lke_id.clone(),
            j.kriteria_kode.clone(),
            j.jawaban.clone(),
            j.catatan.clone(),
            j.bukti_id.clone(),
            j.bukti_url.clone(),
            j.jawaban_reviu.clone(),
            j.catatan_reviu.clone(),
            1i64,
            j.diubah_oleh.clone(),
            j.diubah_pada.clone()
        );
        let sql = format!(
            "INSERT INTO lke_jawaban ({KOLOM_JAWABAN}) VALUES {} ON CONFLICT (instansi_id, lke_id, kriteria_kode) DO NOTHING",
            crate::nilai_banyak(1, 12)
        );
        let n = sqlx::query_with(sqlx::AssertSqlSafe(sql), a)
            .execute(k)
            .await?;
        return Ok(n.rows_affected() == 1);
    }
    let n = sqlx::query(
        "UPDATE lke_jawaban SET jawaban = $1, catatan = $2, bukti_id = $3, bukti_url = $4, jawaban_reviu = $5, \
         catatan_reviu = $6, diubah_oleh = $7, diubah_pada = $8, versi = versi + 1 \
         WHERE instansi_id = $9 AND lke_id = $10 AND kriteria_kode = $11 AND versi = $12",
    )
    .bind(&j.jawaban)
    .bind(&j.catatan)
    .bind(&j.bukti_id)
    .bind(&j.bukti_url)
    .bind(&j.jawaban_reviu)
    .bind(&j.catatan_reviu)
    .bind(&j.diubah_oleh)
    .bind(&j.diubah_pada)
    .bind(&j.instansi_id)
    .bind(&j.lke_id)
    .bind(&j.kriteria_kode)
    .bind(versi_lama)
    .execute(k)
    .await?;
    Ok(n.rows_affected() == 1)
}

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct ReviuLke {
    pub instansi_id: String,
    pub id: String,
    pub lke_id: String,
    /// `pengisian` (diajukan) | `verifikasi` | `penjaminan_mutu` | `evaluasi`.
    pub tahap: String,
    /// `ajukan` | `setuju` | `kembalikan`.
    pub keputusan: String,
    pub komentar: Option<String>,
    /// Pengguna.
    pub oleh: String,
    pub oleh_nama: Option<String>,
    pub pada: String,
}

const KOLOM_REVIU: &str =
    "instansi_id, id, lke_id, tahap, keputusan, komentar, oleh, oleh_nama, pada";

pub async fn sisipkan_reviu(k: &mut Koneksi, r: &ReviuLke) -> Hasil<()> {
    let a = argumen!(
        r.instansi_id.clone(),
        r.id.clone(),
        r.lke_id.clone(),
        r.tahap.clone(),
        r.keputusan.clone(),
        r.komentar.clone(),
        r.oleh.clone(),
        r.oleh_nama.clone(),
        r.pada.clone()
    );
    sisipkan(k, "lke_reviu", KOLOM_REVIU, a).await
}

pub async fn reviu_lke(pool: &AnyPool, instansi_id: &str, lke_id: &str) -> Hasil<Vec<ReviuLke>> {
    crate::semua_sebagai_json(
        pool,
        KOLOM_REVIU,
        "FROM lke_reviu WHERE instansi_id = $1 AND lke_id = $2",
        "t.pada, t.id",
        argumen!(instansi_id.to_string(), lke_id.to_string()),
    )
    .await
}

/// Sama, di dalam transaksi tulis.
pub async fn reviu_lke_di(
    k: &mut Koneksi,
    instansi_id: &str,
    lke_id: &str,
) -> Hasil<Vec<ReviuLke>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_REVIU} FROM lke_reviu WHERE instansi_id = $1 AND lke_id = $2 ORDER BY pada, id"
    ))
    .bind(instansi_id)
    .bind(lke_id)
    .fetch_all(k)
    .await?)
}

/// Templat LKE yang dimuat admin nasional (rujukan).
#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq)]
pub struct TemplatLke {
    pub id: String,
    /// Berlaku mulai tahun ini.
    pub tahun: i64,
    pub nama: String,
    pub isi: String,
    pub dimuat_oleh: Option<String>,
    pub dimuat_pada: String,
}

const KOLOM_TEMPLAT: &str = "id, tahun, nama, isi, dimuat_oleh, dimuat_pada";

pub async fn sisipkan_templat(k: &mut Koneksi, t: &TemplatLke) -> Hasil<()> {
    let a = argumen!(
        t.id.clone(),
        t.tahun,
        t.nama.clone(),
        t.isi.clone(),
        t.dimuat_oleh.clone(),
        t.dimuat_pada.clone()
    );
    sisipkan(k, "lke_templat", KOLOM_TEMPLAT, a).await
}

/// Templat terbaru yang berlaku untuk `tahun` (tahun ≤ `tahun`).
pub async fn templat_untuk_tahun(k: &mut Koneksi, tahun: i64) -> Hasil<Option<TemplatLke>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_TEMPLAT} FROM lke_templat WHERE tahun <= $1 ORDER BY tahun DESC, dimuat_pada DESC LIMIT 1"
    ))
    .bind(tahun)
    .fetch_optional(k)
    .await?)
}

// ---------- bacaan ringkas untuk capaian ----------

/// Realisasi keluaran satu indikator rencana pada satu triwulan, kolom
/// secukupnya untuk capaian dan bukti (pohon dibangun setiap permintaan).
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct KeluaranRingkas {
    pub indikator_kunci: String,
    pub triwulan: i64,
    pub realisasi: String,
    pub bukti_id: Option<String>,
    pub bukti_url: Option<String>,
}

pub async fn keluaran_ringkas(
    pool: &AnyPool,
    instansi_id: &str,
    tahun: i64,
) -> Hasil<Vec<KeluaranRingkas>> {
    crate::semua_sebagai_json(
        pool,
        "indikator_kunci, triwulan, realisasi, bukti_id, bukti_url",
        "FROM realisasi_keluaran WHERE instansi_id = $1 AND tahun = $2",
        "t.indikator_kunci, t.triwulan",
        argumen!(instansi_id.to_string(), tahun),
    )
    .await
}
