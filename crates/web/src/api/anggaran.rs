//! API perencanaan dan anggaran (isu 9): ringkasan rencana, penetapan lewat
//! gerbang keluaran, perubahan, nilai uang, keselarasan, kunci periode dan
//! impor. Jalur dan nama field adalah kontrak bagi pemadu dan pemantauan.

use super::impor::{GalatImpor, LaporanDiterima};
use super::{HasilApi, JsonMasuk, KeApi, QueryMasuk};
use crate::AppState;
use crate::galat::GalatApi;
use crate::pengunjung::Pengunjung;
use app::Galat;
use app::impor::{BATAS_UKURAN, Jenis};
use app::perencanaan::{
    self as pr, JawabanKeselarasan, JawabanNilaiUang, MasukanKunci, RingkasanAnggaran,
    TanyaNilaiUang,
};
use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use std::collections::BTreeMap;
use store::perencanaan::KunciPeriode;
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouterExt};
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(ringkasan))
        .routes(routes!(tetapkan))
        .routes(routes!(buat_perubahan, buang_draf))
        .routes(routes!(lihat_subkegiatan, ubah_subkegiatan))
        .routes(routes!(isi_realisasi_anggaran))
        .routes(routes!(isi_realisasi_keluaran))
        .routes(routes!(verifikasi_keluaran))
        .routes(routes!(nilai_uang))
        .routes(routes!(keselarasan))
        .routes(routes!(perbandingan_biaya))
        .routes(routes!(ekspor))
        .routes(routes!(rekap_wilayah))
        .routes(routes!(ekspor_wilayah))
        .routes(routes!(rekap_nasional))
        .routes(
            routes!(daftar_nomenklatur, muat_nomenklatur)
                .layer(DefaultBodyLimit::max(BATAS_UKURAN)),
        )
        .routes(routes!(terima_peringatan))
        .routes(routes!(cabut_penerimaan))
        .routes(routes!(lihat_konfigurasi, ubah_konfigurasi))
        .routes(routes!(daftar_kunci, kunci_periode))
        .routes(routes!(buka_kunci))
        .routes(routes!(impor_rencana).layer(DefaultBodyLimit::max(BATAS_UKURAN)))
        .routes(routes!(impor_belanja).layer(DefaultBodyLimit::max(BATAS_UKURAN)))
        .routes(routes!(impor_realisasi_anggaran).layer(DefaultBodyLimit::max(BATAS_UKURAN)))
        .routes(routes!(impor_realisasi_keluaran).layer(DefaultBodyLimit::max(BATAS_UKURAN)))
}

/// Parameter jalur: instansi dan tahun anggaran.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
struct JalurTahun {
    /// Id instansi.
    iid: String,
    /// Tahun anggaran (2000–2100).
    tahun: i64,
}

/// Parameter jalur satu sub kegiatan.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
struct JalurSubkegiatan {
    iid: String,
    tahun: i64,
    /// Kode sub kegiatan, mis. 1.02.02.1.03.0002.
    kode: String,
}

/// Satu sub kegiatan (draf terbuka, atau revisi yang berlaku) dengan indikator dan kekurangan gerbangnya
#[utoipa::path(get, path = "/instansi/{iid}/anggaran/{tahun}/subkegiatan/{kode}", tag = "anggaran",
    params(JalurSubkegiatan),
    responses((status = 200, description = "Sub kegiatan", body = pr::DetailSubkegiatan),
        (status = 404, description = "Tidak ada", body = super::openapi::Galat)))]
async fn lihat_subkegiatan(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th, kode)): Path<(String, String, String)>,
) -> HasilApi<pr::DetailSubkegiatan> {
    let th = tahun(&p, &th)?;
    Ok(Json(
        pr::subkegiatan(&s.layanan, &p.konteks, &iid, th, &kode)
            .await
            .api(&p)?,
    ))
}

/// Ubah sub kegiatan di draf: nama, unit, pagu, lokasi, indikator dan target (versi di badan atau If-Match)
#[utoipa::path(put, path = "/instansi/{iid}/anggaran/{tahun}/subkegiatan/{kode}", tag = "anggaran",
    params(JalurSubkegiatan, super::JikaCocok), request_body = pr::MasukanSubkegiatan,
    responses((status = 200, description = "Disimpan", body = pr::DetailSubkegiatan),
        (status = 409, description = "Bukan draf, atau diubah orang lain", body = super::openapi::Galat)))]
async fn ubah_subkegiatan(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((iid, th, kode)): Path<(String, String, String)>,
    JsonMasuk(m): JsonMasuk<pr::MasukanSubkegiatan>,
) -> HasilApi<pr::DetailSubkegiatan> {
    p.periksa_csrf_api(&h).api(&p)?;
    let th = tahun(&p, &th)?;
    let mut m = m;
    m.versi = super::versi_dari(&p, &h, m.versi)?;
    Ok(Json(
        pr::simpan_subkegiatan(&s.layanan, &p.konteks, &iid, th, &kode, m)
            .await
            .api(&p)?,
    ))
}

/// Parameter jalur satu sel realisasi.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
struct JalurSel {
    iid: String,
    tahun: i64,
    /// Kode sub kegiatan (realisasi keluaran: juga kode program/kegiatan untuk indikator hasil).
    kode: String,
    /// Bulan 1–12 (anggaran) atau triwulan 1–4 (keluaran).
    periode: i64,
}

fn periode(p: &Pengunjung, t: &str) -> Result<i64, GalatApi> {
    t.parse::<i64>().map_err(|_| {
        GalatApi(
            Galat::input(
                p.konteks.t("Periode tidak sah.", "Invalid period."),
                BTreeMap::from([(
                    "periode".to_string(),
                    p.konteks
                        .t("Periode harus bilangan.", "The period must be a number.")
                        .to_string(),
                )]),
            ),
            p.bahasa(),
        )
    })
}

/// Isi realisasi anggaran satu bulan (keuangan; versi 0 bila belum berisi)
#[utoipa::path(put, path = "/instansi/{iid}/anggaran/{tahun}/realisasi-anggaran/{kode}/{periode}", tag = "anggaran",
    params(JalurSel, super::JikaCocok), request_body = pr::MasukanRealisasiAnggaran,
    responses((status = 200, description = "Disimpan", body = store::perencanaan::RealisasiBulan),
        (status = 409, description = "Periode dikunci (`periode_dikunci`) atau diubah orang lain", body = super::openapi::Galat)))]
async fn isi_realisasi_anggaran(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((iid, th, kode, per)): Path<(String, String, String, String)>,
    JsonMasuk(m): JsonMasuk<pr::MasukanRealisasiAnggaran>,
) -> HasilApi<store::perencanaan::RealisasiBulan> {
    p.periksa_csrf_api(&h).api(&p)?;
    let (th, per) = (tahun(&p, &th)?, periode(&p, &per)?);
    let mut m = m;
    m.versi = super::versi_dari(&p, &h, m.versi)?;
    Ok(Json(
        pr::simpan_realisasi_anggaran(&s.layanan, &p.konteks, &iid, th, &kode, per, m)
            .await
            .api(&p)?,
    ))
}

/// Isi realisasi keluaran satu triwulan dengan bukti (perencana; pimpinan unit untuk unitnya)
///
/// `kode` = kode sub kegiatan (indikator keluaran), atau kode program/kegiatan
/// (indikator hasil; pimpinan unit penanggung jawab program/kegiatan itu).
#[utoipa::path(put, path = "/instansi/{iid}/anggaran/{tahun}/realisasi-keluaran/{kode}/{periode}", tag = "anggaran",
    params(JalurSel, super::JikaCocok), request_body = pr::MasukanRealisasiKeluaran,
    responses((status = 200, description = "Disimpan", body = store::perencanaan::RealisasiTriwulan),
        (status = 409, description = "Periode dikunci (`periode_dikunci`) atau diubah orang lain", body = super::openapi::Galat)))]
async fn isi_realisasi_keluaran(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((iid, th, kode, per)): Path<(String, String, String, String)>,
    JsonMasuk(m): JsonMasuk<pr::MasukanRealisasiKeluaran>,
) -> HasilApi<store::perencanaan::RealisasiTriwulan> {
    p.periksa_csrf_api(&h).api(&p)?;
    let (th, per) = (tahun(&p, &th)?, periode(&p, &per)?);
    let mut m = m;
    m.versi = super::versi_dari(&p, &h, m.versi)?;
    Ok(Json(
        pr::simpan_realisasi_keluaran(&s.layanan, &p.konteks, &iid, th, &kode, per, m)
            .await
            .api(&p)?,
    ))
}

/// Verifikasi realisasi keluaran (pimpinan unit atas unitnya); tanpa bukti 422 `tanpa_bukti`
///
/// `kode` boleh kode program/kegiatan (realisasi indikator hasil).
#[utoipa::path(post, path = "/instansi/{iid}/anggaran/{tahun}/realisasi-keluaran/{kode}/{periode}/verifikasi", tag = "anggaran",
    params(JalurSel), request_body = pr::MasukanVerifikasi,
    responses((status = 200, description = "Diverifikasi", body = store::perencanaan::RealisasiTriwulan),
        (status = 409, description = "Triwulan dikunci", body = super::openapi::Galat),
        (status = 422, description = "Tanpa bukti", body = super::openapi::Galat)))]
async fn verifikasi_keluaran(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((iid, th, kode, per)): Path<(String, String, String, String)>,
    JsonMasuk(m): JsonMasuk<pr::MasukanVerifikasi>,
) -> HasilApi<store::perencanaan::RealisasiTriwulan> {
    p.periksa_csrf_api(&h).api(&p)?;
    let (th, per) = (tahun(&p, &th)?, periode(&p, &per)?);
    Ok(Json(
        pr::verifikasi_keluaran(&s.layanan, &p.konteks, &iid, th, &kode, per, m)
            .await
            .api(&p)?,
    ))
}

/// Parameter jalur kunci periode.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
struct JalurKunci {
    iid: String,
    tahun: i64,
    /// `anggaran` (bulan) atau `keluaran` (triwulan).
    jenis: String,
    periode: i64,
}

/// Tahun dari jalur; yang bukan bilangan menjadi 422 dengan field `tahun`
/// (dipakai juga API SAKIP).
pub(super) fn tahun(p: &Pengunjung, t: &str) -> Result<i64, GalatApi> {
    t.parse::<i64>().map_err(|_| {
        GalatApi(
            Galat::input(
                p.konteks
                    .t("Tahun anggaran tidak sah.", "Invalid budget year."),
                BTreeMap::from([(
                    "tahun".to_string(),
                    p.konteks
                        .t(
                            "Tahun harus bilangan, mis. 2026.",
                            "The year must be a number, e.g. 2026.",
                        )
                        .to_string(),
                )]),
            ),
            p.bahasa(),
        )
    })
}

/// Ringkasan rencana satu tahun: revisi, draf dengan pratinjau gerbang, kunci periode
#[utoipa::path(get, path = "/instansi/{iid}/anggaran/{tahun}", tag = "anggaran",
    params(JalurTahun),
    responses((status = 200, description = "Ringkasan", body = RingkasanAnggaran)))]
async fn ringkasan(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th)): Path<(String, String)>,
) -> HasilApi<RingkasanAnggaran> {
    let th = tahun(&p, &th)?;
    Ok(Json(
        pr::ringkasan(&s.layanan, &p.konteks, &iid, th)
            .await
            .api(&p)?,
    ))
}

/// Jawaban penetapan yang berhasil.
#[derive(serde::Serialize, utoipa::ToSchema)]
struct Ditetapkan {
    rencana: RingkasanAnggaran,
}

/// 422 `gerbang_keluaran`: `error.fields` berkunci kode sub kegiatan, dan
/// `kekurangan` sama persis dengan keluaran kalkulator `gerbang-anggaran`
/// (422 lain, mis. tahun tidak sah, tanpa `kekurangan`).
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
struct GalatGerbang {
    error: super::openapi::RincianGalat,
    kekurangan: Option<Vec<pr::KekuranganJson>>,
}

/// Tetapkan draf rencana bila setiap sub kegiatan punya keluaran yang lengkap (tanpa penimpaan)
#[utoipa::path(post, path = "/instansi/{iid}/anggaran/{tahun}/tetapkan", tag = "anggaran",
    params(JalurTahun),
    responses(
        (status = 200, description = "Ditetapkan", body = Ditetapkan),
        (status = 409, description = "Tidak ada draf", body = super::openapi::Galat),
        (status = 422, description = "Ditolak gerbang keluaran", body = GalatGerbang)))]
async fn tetapkan(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((iid, th)): Path<(String, String)>,
) -> Response {
    let hasil = async {
        p.periksa_csrf_api(&h).api(&p)?;
        let th = tahun(&p, &th)?;
        pr::tetapkan(&s.layanan, &p.konteks, &iid, th).await.api(&p)
    }
    .await;
    match hasil {
        Ok(Ok(rencana)) => Json(Ditetapkan { rencana }).into_response(),
        Ok(Err(tolak)) => GalatApi(tolak.galat, p.bahasa()).dengan(
            "kekurangan",
            serde_json::to_value(&tolak.kekurangan).unwrap_or_default(),
        ),
        Err(g) => g.into_response(),
    }
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
struct MasukanPerubahan {
    /// Alasan perubahan, 10–2.000 karakter (mis. "APBD Perubahan 2026").
    alasan: String,
}

/// Buat perubahan: salin rencana yang berlaku menjadi draf revisi berikutnya
#[utoipa::path(post, path = "/instansi/{iid}/anggaran/{tahun}/perubahan", tag = "anggaran",
    params(JalurTahun), request_body = MasukanPerubahan,
    responses((status = 201, description = "Draf perubahan dibuat", body = RingkasanAnggaran),
        (status = 409, description = "Sudah ada draf, atau belum ada rencana yang ditetapkan", body = super::openapi::Galat)))]
async fn buat_perubahan(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((iid, th)): Path<(String, String)>,
    JsonMasuk(m): JsonMasuk<MasukanPerubahan>,
) -> Result<(StatusCode, Json<RingkasanAnggaran>), GalatApi> {
    p.periksa_csrf_api(&h).api(&p)?;
    let th = tahun(&p, &th)?;
    let r = pr::buat_perubahan(&s.layanan, &p.konteks, &iid, th, &m.alasan)
        .await
        .api(&p)?;
    Ok((StatusCode::CREATED, Json(r)))
}

/// Buang draf yang terbuka (perubahan yang tidak jadi)
#[utoipa::path(delete, path = "/instansi/{iid}/anggaran/{tahun}/perubahan", tag = "anggaran",
    params(JalurTahun),
    responses((status = 204, description = "Draf dibuang"),
        (status = 404, description = "Tidak ada draf", body = super::openapi::Galat)))]
async fn buang_draf(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((iid, th)): Path<(String, String)>,
) -> Result<StatusCode, GalatApi> {
    p.periksa_csrf_api(&h).api(&p)?;
    let th = tahun(&p, &th)?;
    pr::batalkan_perubahan(&s.layanan, &p.konteks, &iid, th)
        .await
        .api(&p)?;
    Ok(StatusCode::NO_CONTENT)
}

/// Nilai uang per sub kegiatan (rencana yang ditetapkan): penyerapan, capaian, biaya per satuan, tanda merah
#[utoipa::path(get, path = "/instansi/{iid}/anggaran/{tahun}/nilai-uang", tag = "anggaran",
    params(JalurTahun, TanyaNilaiUang),
    responses((status = 200, description = "Nilai uang", body = JawabanNilaiUang),
        (status = 404, description = "Belum ada rencana yang ditetapkan", body = super::openapi::Galat)))]
async fn nilai_uang(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th)): Path<(String, String)>,
    QueryMasuk(q): QueryMasuk<TanyaNilaiUang>,
) -> HasilApi<JawabanNilaiUang> {
    let th = tahun(&p, &th)?;
    Ok(Json(
        pr::nilai_uang(&s.layanan, &p.konteks, &iid, th, &q)
            .await
            .api(&p)?,
    ))
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
struct TanyaRevisi {
    /// Nomor revisi; bawaan draf terbuka, selain itu yang ditetapkan.
    revisi: Option<i64>,
}

/// Keselarasan ("nyambung") setiap program: putusan, alasan dan peringatan dengan buktinya
#[utoipa::path(get, path = "/instansi/{iid}/anggaran/{tahun}/keselarasan", tag = "anggaran",
    params(JalurTahun, TanyaRevisi),
    responses((status = 200, description = "Keselarasan", body = JawabanKeselarasan),
        (status = 404, description = "Rencana tidak ada", body = super::openapi::Galat)))]
async fn keselarasan(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th)): Path<(String, String)>,
    QueryMasuk(q): QueryMasuk<TanyaRevisi>,
) -> HasilApi<JawabanKeselarasan> {
    let th = tahun(&p, &th)?;
    Ok(Json(
        pr::keselarasan(&s.layanan, &p.konteks, &iid, th, q.revisi)
            .await
            .api(&p)?,
    ))
}

/// Terima satu peringatan keselarasan dengan justifikasi (perencana; alasan tidak selaras 422)
#[utoipa::path(post, path = "/instansi/{iid}/anggaran/{tahun}/keselarasan/penerimaan", tag = "anggaran",
    params(JalurTahun), request_body = pr::MasukanPenerimaan,
    responses((status = 201, description = "Diterima", body = store::perencanaan::Penerimaan),
        (status = 422, description = "`alasan_tidak_dapat_diterima`, `peringatan_tidak_ada`, atau justifikasi kurang", body = super::openapi::Galat)))]
async fn terima_peringatan(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((iid, th)): Path<(String, String)>,
    JsonMasuk(m): JsonMasuk<pr::MasukanPenerimaan>,
) -> Result<(StatusCode, Json<store::perencanaan::Penerimaan>), GalatApi> {
    p.periksa_csrf_api(&h).api(&p)?;
    let th = tahun(&p, &th)?;
    let x = pr::terima_peringatan(&s.layanan, &p.konteks, &iid, th, m)
        .await
        .api(&p)?;
    Ok((StatusCode::CREATED, Json(x)))
}

/// Parameter jalur satu penerimaan.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
struct JalurPenerimaan {
    iid: String,
    tahun: i64,
    id: String,
}

/// Cabut penerimaan peringatan (peringatan terbuka lagi; riwayat tetap)
#[utoipa::path(delete, path = "/instansi/{iid}/anggaran/{tahun}/keselarasan/penerimaan/{id}", tag = "anggaran",
    params(JalurPenerimaan),
    responses((status = 204, description = "Dicabut"),
        (status = 404, description = "Tidak ada", body = super::openapi::Galat)))]
async fn cabut_penerimaan(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((iid, th, id)): Path<(String, String, String)>,
) -> Result<StatusCode, GalatApi> {
    p.periksa_csrf_api(&h).api(&p)?;
    let th = tahun(&p, &th)?;
    pr::cabut_penerimaan(&s.layanan, &p.konteks, &iid, th, &id)
        .await
        .api(&p)?;
    Ok(StatusCode::NO_CONTENT)
}

/// Konfigurasi anggaran instansi (ambang tanda, kelompok belanja penunjang)
#[utoipa::path(get, path = "/instansi/{iid}/konfigurasi/anggaran", tag = "anggaran",
    params(super::JalurInstansi),
    responses((status = 200, description = "Konfigurasi", body = pr::KonfigurasiInstansi)))]
async fn lihat_konfigurasi(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
) -> HasilApi<pr::KonfigurasiInstansi> {
    Ok(Json(
        pr::konfigurasi(&s.layanan, &p.konteks, &iid)
            .await
            .api(&p)?,
    ))
}

/// Ubah konfigurasi anggaran (perencana; `versi` 0 bila masih bawaan)
#[utoipa::path(put, path = "/instansi/{iid}/konfigurasi/anggaran", tag = "anggaran",
    params(super::JalurInstansi), request_body = pr::KonfigurasiInstansi,
    responses((status = 200, description = "Disimpan", body = pr::KonfigurasiInstansi),
        (status = 409, description = "Diubah orang lain", body = super::openapi::Galat)))]
async fn ubah_konfigurasi(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path(iid): Path<String>,
    JsonMasuk(m): JsonMasuk<pr::KonfigurasiInstansi>,
) -> HasilApi<pr::KonfigurasiInstansi> {
    p.periksa_csrf_api(&h).api(&p)?;
    Ok(Json(
        pr::ubah_konfigurasi(&s.layanan, &p.konteks, &iid, m)
            .await
            .api(&p)?,
    ))
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
struct TanyaBulan {
    /// Bulan yang sudah berjalan (1–12); bawaan menurut tanggal instansi.
    bulan: Option<u8>,
}

/// Biaya per satuan keluaran satu kode sub kegiatan dibanding wilayah lain (median, kuartil, pencilan)
#[utoipa::path(get, path = "/instansi/{iid}/anggaran/{tahun}/biaya/{kode}", tag = "anggaran",
    params(JalurSubkegiatan, TanyaBulan),
    responses((status = 200, description = "Perbandingan", body = pr::PerbandinganBiaya)))]
async fn perbandingan_biaya(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th, kode)): Path<(String, String, String)>,
    QueryMasuk(q): QueryMasuk<TanyaBulan>,
) -> HasilApi<pr::PerbandinganBiaya> {
    let th = tahun(&p, &th)?;
    Ok(Json(
        pr::perbandingan_biaya(&s.layanan, &p.konteks, &iid, th, &kode, q.bulan)
            .await
            .api(&p)?,
    ))
}

/// Parameter jalur ekspor.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
struct JalurEkspor {
    iid: String,
    tahun: i64,
    /// `rencana`, `belanja`, `realisasi-anggaran`, `realisasi-keluaran` (kolom impor), `nilai-uang`, `keselarasan`, `unit`.
    tabel: String,
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
struct TanyaFormat {
    /// `csv` (bawaan) atau `xlsx`.
    #[param(value_type = Option<app::impor::Format>)]
    format: Option<String>,
}

/// Ekspor tabel anggaran (CSV/XLSX); tabel impor berkolom sama sehingga dapat diimpor kembali
#[utoipa::path(get, path = "/instansi/{iid}/anggaran/{tahun}/ekspor/{tabel}", tag = "anggaran",
    params(JalurEkspor, TanyaFormat),
    responses((status = 200, description = "Berkas lampiran", content(
        (super::openapi::Berkas = "text/csv"),
        (super::openapi::Berkas = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 404, description = "Tabel tidak dikenal", body = super::openapi::Galat)))]
async fn ekspor(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th, tabel)): Path<(String, String, String)>,
    QueryMasuk(q): QueryMasuk<TanyaFormat>,
) -> Response {
    let b = p.bahasa();
    let hasil = async {
        let th = tahun(&p, &th)?;
        let tabel = app::impor::TabelEkspor::dari_kode(&tabel).ok_or_else(|| {
            GalatApi(
                Galat::TidakDitemukan(
                    p.konteks
                        .t("Tabel ekspor tidak dikenal.", "Unknown export table.")
                        .into(),
                ),
                b,
            )
        })?;
        let format = match q.format.as_deref() {
            None => app::impor::Format::Csv,
            Some(f) => app::impor::Format::dari_kode(f).ok_or_else(|| {
                GalatApi(
                    Galat::input(
                        p.konteks.t("Format tidak dikenal.", "Unknown format."),
                        BTreeMap::from([(
                            "format".to_string(),
                            p.konteks
                                .t(
                                    "Format harus csv atau xlsx.",
                                    "The format must be csv or xlsx.",
                                )
                                .to_string(),
                        )]),
                    ),
                    b,
                )
            })?,
        };
        let isi = app::impor::ekspor_anggaran(&s.layanan, &p.konteks, &iid, th, tabel, format)
            .await
            .api(&p)?;
        Ok::<_, GalatApi>(crate::halaman::impor::unduhan(
            &format!("{}-{th}.{}", tabel.kode(), format.ekstensi()),
            format,
            isi,
        ))
    }
    .await;
    match hasil {
        Ok(r) => r,
        Err(g) => g.into_response(),
    }
}

fn bulan_sah(p: &Pengunjung, b: Option<u8>) -> Result<Option<u8>, GalatApi> {
    match b {
        Some(x) if !(1..=12).contains(&x) => Err(GalatApi(
            Galat::input(
                p.konteks.t("Bulan tidak sah.", "Invalid month."),
                BTreeMap::from([(
                    "bulan".to_string(),
                    p.konteks
                        .t("Bulan harus 1–12.", "The month must be 1–12.")
                        .to_string(),
                )]),
            ),
            p.bahasa(),
        )),
        x => Ok(x),
    }
}

/// Parameter jalur tampilan wilayah.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
struct JalurWilayah {
    /// Kode wilayah provinsi Kepmendagri, mis. 81.
    kode: String,
    tahun: i64,
}

/// Tampilan provinsi: agregat anggaran setiap instansi di wilayahnya (super admin, pembaca rencana pemerintah provinsi itu)
#[utoipa::path(get, path = "/wilayah/{kode}/anggaran/{tahun}", tag = "anggaran",
    params(JalurWilayah, TanyaBulan),
    responses((status = 200, description = "Agregat per instansi", body = pr::RekapWilayah)))]
async fn rekap_wilayah(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((kode, th)): Path<(String, String)>,
    QueryMasuk(q): QueryMasuk<TanyaBulan>,
) -> HasilApi<pr::RekapWilayah> {
    let th = tahun(&p, &th)?;
    if let Some(b) = q.bulan
        && !(1..=12).contains(&b)
    {
        return Err(GalatApi(
            Galat::input(
                p.konteks.t("Bulan tidak sah.", "Invalid month."),
                BTreeMap::from([(
                    "bulan".to_string(),
                    p.konteks
                        .t("Bulan harus 1–12.", "The month must be 1–12.")
                        .to_string(),
                )]),
            ),
            p.bahasa(),
        ));
    }
    Ok(Json(
        pr::rekap_wilayah(&s.layanan, &p.konteks, &kode, th, q.bulan)
            .await
            .api(&p)?,
    ))
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
struct TanyaEksporWilayah {
    /// `csv` (bawaan) atau `xlsx`.
    #[param(value_type = Option<app::impor::Format>)]
    format: Option<String>,
    /// Bulan yang sudah berjalan (1–12); bawaan menurut tanggal instansi.
    bulan: Option<u8>,
}

/// Ekspor tampilan provinsi (CSV/XLSX): satu baris per instansi, dengan kebijakan tampilannya
#[utoipa::path(get, path = "/wilayah/{kode}/anggaran/{tahun}/ekspor", tag = "anggaran",
    params(JalurWilayah, TanyaEksporWilayah),
    responses((status = 200, description = "Berkas lampiran", content(
        (super::openapi::Berkas = "text/csv"),
        (super::openapi::Berkas = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))))]
async fn ekspor_wilayah(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((kode, th)): Path<(String, String)>,
    QueryMasuk(q): QueryMasuk<TanyaEksporWilayah>,
) -> Response {
    let hasil = async {
        let th = tahun(&p, &th)?;
        let bulan = bulan_sah(&p, q.bulan)?;
        let format = match q.format.as_deref() {
            None => app::impor::Format::Csv,
            Some(f) => app::impor::Format::dari_kode(f).ok_or_else(|| {
                GalatApi(
                    Galat::input(
                        p.konteks.t("Format tidak dikenal.", "Unknown format."),
                        BTreeMap::from([(
                            "format".to_string(),
                            p.konteks
                                .t(
                                    "Format harus csv atau xlsx.",
                                    "The format must be csv or xlsx.",
                                )
                                .to_string(),
                        )]),
                    ),
                    p.bahasa(),
                )
            })?,
        };
        let isi = app::impor::ekspor_wilayah(&s.layanan, &p.konteks, &kode, th, bulan, format)
            .await
            .api(&p)?;
        Ok::<_, GalatApi>(crate::halaman::impor::unduhan(
            &format!("wilayah-{kode}-{th}.{}", format.ekstensi()),
            format,
            isi,
        ))
    }
    .await;
    match hasil {
        Ok(r) => r,
        Err(g) => g.into_response(),
    }
}

/// Parameter jalur tahun saja.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
struct JalurTahunSaja {
    tahun: i64,
}

/// Rekap nasional: agregat nilai uang setiap instansi yang rencananya ditetapkan (super admin)
#[utoipa::path(get, path = "/anggaran/{tahun}/rekap", tag = "anggaran",
    params(JalurTahunSaja, TanyaBulan),
    responses((status = 200, description = "Agregat per instansi", body = pr::RekapWilayah)))]
async fn rekap_nasional(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(th): Path<String>,
    QueryMasuk(q): QueryMasuk<TanyaBulan>,
) -> HasilApi<pr::RekapWilayah> {
    let th = tahun(&p, &th)?;
    let bulan = bulan_sah(&p, q.bulan)?;
    Ok(Json(
        pr::rekap_nasional(&s.layanan, &p.konteks, th, bulan)
            .await
            .api(&p)?,
    ))
}

/// Perubahan nomenklatur Kepmendagri yang dimuat (siapa pun yang masuk)
#[utoipa::path(get, path = "/nomenklatur/versi", tag = "anggaran",
    responses((status = 200, description = "Versi", body = Vec<store::nomenklatur::VersiNomenklatur>)))]
async fn daftar_nomenklatur(
    State(s): State<AppState>,
    p: Pengunjung,
) -> HasilApi<Vec<store::nomenklatur::VersiNomenklatur>> {
    Ok(Json(
        pr::daftar_versi_nomenklatur(&s.layanan, &p.konteks)
            .await
            .api(&p)?,
    ))
}

/// Muat satu perubahan nomenklatur (super admin): badan = berkas CSV/XLSX `tindakan, pemda, kode, nama, …`
#[utoipa::path(post, path = "/nomenklatur/versi", tag = "anggaran",
    params(app::impor::MasukanVersi),
    request_body(content = super::openapi::Berkas, content_type = "application/octet-stream",
        description = "Isi berkas CSV atau XLSX; kolom tindakan, pemda, kode, nama, kinerja, indikator, satuan, spm, jenis"),
    responses(
        (status = 201, description = "Dimuat", body = app::impor::HasilMuatNomenklatur),
        (status = 422, description = "Ditolak; tidak ada yang ditulis", body = GalatImpor)))]
async fn muat_nomenklatur(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    QueryMasuk(q): QueryMasuk<app::impor::MasukanVersi>,
    badan: Result<Bytes, BytesRejection>,
) -> Response {
    let b = p.bahasa();
    if let Err(g) = p.periksa_csrf_api(&h) {
        return GalatApi(g, b).into_response();
    }
    let isi = match badan {
        Ok(isi) => isi,
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return GalatApi(
                Galat::TerlaluBesar(
                    p.konteks
                        .t("Berkas lebih dari 10 MB.", "The file is larger than 10 MB.")
                        .into(),
                ),
                b,
            )
            .into_response();
        }
        Err(e) => {
            return GalatApi(Galat::input(e.body_text(), Default::default()), b).into_response();
        }
    };
    match app::impor::impor_nomenklatur(&s.layanan, &p.konteks, q, "nomenklatur", &isi).await {
        Ok(h) if h.laporan.diterima => (StatusCode::CREATED, Json(h)).into_response(),
        Ok(h) => super::impor::jawab_laporan(Ok(h.laporan), b),
        Err(g) => GalatApi(g, b).into_response(),
    }
}

/// Periode terkunci (realisasi)
#[utoipa::path(get, path = "/instansi/{iid}/anggaran/{tahun}/kunci", tag = "anggaran",
    params(JalurTahun),
    responses((status = 200, description = "Kunci periode", body = Vec<KunciPeriode>)))]
async fn daftar_kunci(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th)): Path<(String, String)>,
) -> HasilApi<Vec<KunciPeriode>> {
    let th = tahun(&p, &th)?;
    Ok(Json(
        pr::daftar_kunci(&s.layanan, &p.konteks, &iid, th)
            .await
            .api(&p)?,
    ))
}

/// Kunci satu bulan (anggaran) atau triwulan (keluaran) — keuangan
#[utoipa::path(post, path = "/instansi/{iid}/anggaran/{tahun}/kunci", tag = "anggaran",
    params(JalurTahun), request_body = MasukanKunci,
    responses((status = 201, description = "Dikunci", body = KunciPeriode),
        (status = 409, description = "Sudah terkunci", body = super::openapi::Galat)))]
async fn kunci_periode(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((iid, th)): Path<(String, String)>,
    JsonMasuk(m): JsonMasuk<MasukanKunci>,
) -> Result<(StatusCode, Json<KunciPeriode>), GalatApi> {
    p.periksa_csrf_api(&h).api(&p)?;
    let th = tahun(&p, &th)?;
    let x = pr::kunci_periode(&s.layanan, &p.konteks, &iid, th, m)
        .await
        .api(&p)?;
    Ok((StatusCode::CREATED, Json(x)))
}

/// Buka kunci satu periode — keuangan
#[utoipa::path(delete, path = "/instansi/{iid}/anggaran/{tahun}/kunci/{jenis}/{periode}", tag = "anggaran",
    params(JalurKunci),
    responses((status = 204, description = "Kunci dibuka"),
        (status = 404, description = "Tidak terkunci", body = super::openapi::Galat)))]
async fn buka_kunci(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((iid, th, jenis, periode)): Path<(String, String, String, String)>,
) -> Result<StatusCode, GalatApi> {
    p.periksa_csrf_api(&h).api(&p)?;
    let th = tahun(&p, &th)?;
    let periode: i64 = periode.parse().unwrap_or(0);
    pr::buka_kunci(&s.layanan, &p.konteks, &iid, th, &jenis, periode)
        .await
        .api(&p)?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct TanyaImpor {
    /// Nama berkas asli (untuk laporan dan audit); jenisnya dikenali dari isi.
    #[serde(default)]
    nama_berkas: Option<String>,
}

/// Impor rencana (satu baris per indikator) ke draf; semua atau tidak sama sekali
#[utoipa::path(post, path = "/instansi/{iid}/anggaran/{tahun}/impor/rencana", tag = "anggaran",
    params(JalurTahun, TanyaImpor),
    request_body(content = super::openapi::Berkas, content_type = "application/octet-stream",
        description = "Isi berkas CSV (koma, titik koma atau tab) atau XLSX; jenisnya dikenali dari isi"),
    responses(
        (status = 200, description = "Diterima dan ditulis", body = LaporanDiterima),
        (status = 202, description = "Berkas di atas `--impor-latar-bita`: tugas latar (header Location); laporannya menjadi hasil tugas", body = super::tugas::TugasDiterima),
        (status = 422, description = "Ditolak; tidak ada yang ditulis", body = GalatImpor)))]
async fn impor_rencana(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th)): Path<(String, String)>,
    QueryMasuk(q): QueryMasuk<TanyaImpor>,
    h: HeaderMap,
    badan: Result<Bytes, BytesRejection>,
) -> Response {
    impor(&s, &p, &iid, &th, Jenis::Rencana, q, &h, badan).await
}

/// Impor rincian belanja (mengganti rincian sub kegiatan yang disebut)
#[utoipa::path(post, path = "/instansi/{iid}/anggaran/{tahun}/impor/belanja", tag = "anggaran",
    params(JalurTahun, TanyaImpor),
    request_body(content = super::openapi::Berkas, content_type = "application/octet-stream",
        description = "Isi berkas CSV (koma, titik koma atau tab) atau XLSX; jenisnya dikenali dari isi"),
    responses(
        (status = 200, description = "Diterima dan ditulis", body = LaporanDiterima),
        (status = 202, description = "Berkas di atas `--impor-latar-bita`: tugas latar (header Location); laporannya menjadi hasil tugas", body = super::tugas::TugasDiterima),
        (status = 422, description = "Ditolak; tidak ada yang ditulis", body = GalatImpor)))]
async fn impor_belanja(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th)): Path<(String, String)>,
    QueryMasuk(q): QueryMasuk<TanyaImpor>,
    h: HeaderMap,
    badan: Result<Bytes, BytesRejection>,
) -> Response {
    impor(&s, &p, &iid, &th, Jenis::Belanja, q, &h, badan).await
}

/// Impor realisasi anggaran bulanan; periode terkunci menolak seluruh berkas
#[utoipa::path(post, path = "/instansi/{iid}/anggaran/{tahun}/impor/realisasi-anggaran", tag = "anggaran",
    params(JalurTahun, TanyaImpor),
    request_body(content = super::openapi::Berkas, content_type = "application/octet-stream",
        description = "Isi berkas CSV (koma, titik koma atau tab) atau XLSX; jenisnya dikenali dari isi"),
    responses(
        (status = 200, description = "Diterima dan ditulis", body = LaporanDiterima),
        (status = 202, description = "Berkas di atas `--impor-latar-bita`: tugas latar (header Location); laporannya menjadi hasil tugas", body = super::tugas::TugasDiterima),
        (status = 422, description = "Ditolak; tidak ada yang ditulis", body = GalatImpor)))]
async fn impor_realisasi_anggaran(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th)): Path<(String, String)>,
    QueryMasuk(q): QueryMasuk<TanyaImpor>,
    h: HeaderMap,
    badan: Result<Bytes, BytesRejection>,
) -> Response {
    impor(&s, &p, &iid, &th, Jenis::RealisasiAnggaran, q, &h, badan).await
}

/// Impor realisasi keluaran triwulanan (kumulatif); periode terkunci menolak seluruh berkas
#[utoipa::path(post, path = "/instansi/{iid}/anggaran/{tahun}/impor/realisasi-keluaran", tag = "anggaran",
    params(JalurTahun, TanyaImpor),
    request_body(content = super::openapi::Berkas, content_type = "application/octet-stream",
        description = "Isi berkas CSV (koma, titik koma atau tab) atau XLSX; jenisnya dikenali dari isi"),
    responses(
        (status = 200, description = "Diterima dan ditulis", body = LaporanDiterima),
        (status = 202, description = "Berkas di atas `--impor-latar-bita`: tugas latar (header Location); laporannya menjadi hasil tugas", body = super::tugas::TugasDiterima),
        (status = 422, description = "Ditolak; tidak ada yang ditulis", body = GalatImpor)))]
async fn impor_realisasi_keluaran(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th)): Path<(String, String)>,
    QueryMasuk(q): QueryMasuk<TanyaImpor>,
    h: HeaderMap,
    badan: Result<Bytes, BytesRejection>,
) -> Response {
    impor(&s, &p, &iid, &th, Jenis::RealisasiKeluaran, q, &h, badan).await
}

#[allow(clippy::too_many_arguments)]
async fn impor(
    s: &AppState,
    p: &Pengunjung,
    iid: &str,
    th: &str,
    jenis: Jenis,
    q: TanyaImpor,
    h: &HeaderMap,
    badan: Result<Bytes, BytesRejection>,
) -> Response {
    let b = p.bahasa();
    let galat = |g: Galat| GalatApi(g, b).into_response();
    if let Err(g) = p.periksa_csrf_api(h) {
        return galat(g);
    }
    let th = match tahun(p, th) {
        Ok(t) => t,
        Err(g) => return g.into_response(),
    };
    let isi = match badan {
        Ok(isi) => isi,
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return galat(Galat::TerlaluBesar(
                app::teks::t(
                    b,
                    "Berkas lebih dari 10 MB; bagi menjadi beberapa berkas.",
                    "The file is larger than 10 MB; split it into several files.",
                )
                .into(),
            ));
        }
        Err(e) => return galat(Galat::input(e.body_text(), Default::default())),
    };
    let nama = q.nama_berkas.unwrap_or_default();
    let (l, k) = (&s.layanan, &p.konteks);
    if l.konfigurasi
        .impor_latar_bita
        .is_some_and(|batas| isi.len() > batas)
    {
        // Berkas besar: tugas latar, 202 dengan alamat statusnya.
        let kunci = h.get("idempotency-key").and_then(|v| v.to_str().ok());
        return match app::tugas::antre_impor_anggaran(l, k, iid, th, jenis, &nama, &isi, kunci)
            .await
        {
            Ok(t) => super::tugas::diterima_latar(&t),
            Err(g) => galat(g),
        };
    }
    let hasil = match jenis {
        Jenis::Rencana => app::impor::impor_rencana(l, k, iid, th, &nama, &isi).await,
        Jenis::Belanja => app::impor::impor_belanja(l, k, iid, th, &nama, &isi).await,
        Jenis::RealisasiAnggaran => {
            app::impor::impor_realisasi_anggaran(l, k, iid, th, &nama, &isi).await
        }
        _ => app::impor::impor_realisasi_keluaran(l, k, iid, th, &nama, &isi).await,
    };
    super::impor::jawab_laporan(hasil, b)
}
