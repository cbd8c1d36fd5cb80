//! API SKP (isu 11): membuka periode, SKP dan RHK (cascading), alur,
//! ekspektasi perilaku, realisasi multipart dengan bukti (hanya pemilik),
//! umpan balik, evaluasi, kalibrasi kurva per unit. Penangan tipis: hak dan
//! aturan di `app::skp`.

use super::{HasilApi, JsonMasuk, KeApi, QueryMasuk};
use crate::AppState;
use crate::galat::GalatApi;
use crate::pengunjung::Pengunjung;
use app::Galat;
use app::bukti::BerkasMasuk;
use app::skp::evaluasi::{HasilKalibrasi, MasukanEvaluasi, MasukanKurva, TampilanEvaluasi};
use app::skp::periode::{HasilBukaPeriode, MasukanPeriodeSkp, Pemetaan};
use app::skp::realisasi::{HasilRealisasi, MasukanRealisasi, MasukanUmpanBalik, RealisasiSkp};
use app::skp::{
    self as sk, MasukanEkspektasi, MasukanLangkah, MasukanRhk, MasukanTurunkan, TampilanSkp,
};
use axum::Json;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouterExt};
use utoipa_axum::routes;

/// Batas teks satu field multipart realisasi (selain berkas).
const BATAS_FIELD_TEKS: usize = 16 * 1024;
/// Field teks multipart realisasi.
pub(crate) const KOLOM_REALISASI: &[&str] = &[
    "indikator_id",
    "periode",
    "realisasi",
    "catatan",
    "tautan",
    "kunci_klien",
];

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(buka_periode))
        .routes(routes!(pemetaan))
        .routes(routes!(skp_pegawai))
        .routes(routes!(dinilai))
        .routes(routes!(dasbor))
        .routes(routes!(kalibrasi, simpan_kurva))
        .routes(routes!(ringkasan_kalibrasi))
        .routes(routes!(rekap_rating))
        .routes(routes!(skp_satu))
        .routes(routes!(tambah_rhk))
        .routes(routes!(ubah_rhk, hapus_rhk))
        .routes(routes!(turunkan_rhk))
        .routes(routes!(rhk_dari_pk))
        .routes(routes!(riwayat_langkah, langkah))
        .routes(routes!(simpan_ekspektasi))
        .routes(
            routes!(daftar_realisasi, kirim_realisasi)
                .layer(DefaultBodyLimit::max(super::bukti::BATAS_MUTLAK)),
        )
        .routes(routes!(umpan_balik))
        .routes(routes!(ekspor_realisasi))
        .routes(routes!(impor_realisasi).layer(DefaultBodyLimit::max(app::impor::BATAS_UKURAN)))
        .routes(routes!(ekspor_rencana))
        .routes(routes!(impor_rencana).layer(DefaultBodyLimit::max(app::impor::BATAS_UKURAN)))
        .routes(routes!(daftar_templat))
        .routes(
            routes!(unduh_templat, unggah_templat, hapus_templat)
                .layer(DefaultBodyLimit::max(app::impor::BATAS_UKURAN)),
        )
        .routes(routes!(jadikan_templat))
        .routes(routes!(daftar_evaluasi, nilai))
        .routes(routes!(skp_pdf))
        .routes(routes!(evaluasi_pdf))
}

#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
struct JalurInstansi {
    /// Id instansi.
    iid: String,
}

#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
struct JalurSkp {
    iid: String,
    /// Id SKP.
    skp_id: String,
}

#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
struct JalurRhk {
    iid: String,
    skp_id: String,
    /// Id RHK.
    rhk_id: String,
}

#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
struct JalurRealisasi {
    iid: String,
    skp_id: String,
    /// Id entri realisasi.
    rid: String,
}

#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
struct JalurTahun {
    iid: String,
    /// Tahun SKP.
    tahun: String,
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
struct SaringanSkp {
    /// Tahun SKP.
    tahun: i64,
    /// Pegawai; kosong: diri sendiri.
    #[param(max_length = 64)]
    pegawai_id: Option<String>,
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
struct SaringanTahun {
    tahun: i64,
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
struct SaringanKalibrasi {
    tahun: i64,
    /// Kode periode, mis. `2027-TW1` atau `2027-TAHUNAN`.
    #[param(max_length = 20)]
    periode: String,
    #[param(max_length = 64)]
    unit_id: String,
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
struct VersiQuery {
    /// Versi SKP yang dilihat.
    versi: Option<i64>,
}

/// Buka periode SKP untuk seluruh instansi (BKD)
///
/// Idempoten: `{"dibuat", "sudah_ada", "tanpa_atasan"}`; menjalankan ulang
/// tidak membuat apa pun yang sudah ada (menyelaraskan penilai, pindah unit,
/// pensiun). Instansi di atas 5.000 pegawai: 202 tugas latar.
#[utoipa::path(post, path = "/instansi/{iid}/skp/periode", tag = "skp", params(JalurInstansi),
    request_body = MasukanPeriodeSkp,
    responses((status = 200, description = "Dibuka", body = HasilBukaPeriode),
        (status = 202, description = "Tugas latar (header Location)", body = super::tugas::TugasDiterima)))]
async fn buka_periode(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
    JsonMasuk(m): JsonMasuk<MasukanPeriodeSkp>,
) -> Response {
    match sk::periode::buka_atau_antre(&s.layanan, &p.konteks, &iid, &m).await {
        Ok(Ok(h)) => Json(h).into_response(),
        Ok(Err(t)) => super::tugas::diterima_latar(&t),
        Err(g) => GalatApi(g, p.bahasa()).into_response(),
    }
}

/// Pemetaan penilai yang perlu dibetulkan BKD; pegawai yang tidak ber-SKP ditampilkan terpisah
#[utoipa::path(get, path = "/instansi/{iid}/skp/periode/{tahun}/pemetaan", tag = "skp",
    params(JalurTahun), responses((status = 200, description = "Pemetaan", body = Pemetaan)))]
async fn pemetaan(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th)): Path<(String, String)>,
) -> HasilApi<Pemetaan> {
    let th = super::anggaran::tahun(&p, &th)?;
    Ok(Json(
        sk::periode::pemetaan(&s.layanan, &p.konteks, &iid, th)
            .await
            .api(&p)?,
    ))
}

/// SKP seorang pegawai pada satu tahun
///
/// RHK dengan indikatornya; RHK atasan yang diintervensi dirujuk dengan id.
/// Pegawai melihat miliknya; rantai penilai melihat bawahannya; BKD melihat
/// instansinya.
#[utoipa::path(get, path = "/instansi/{iid}/skp", tag = "skp", params(JalurInstansi, SaringanSkp),
    responses((status = 200, description = "SKP", body = TampilanSkp)))]
async fn skp_pegawai(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
    QueryMasuk(q): QueryMasuk<SaringanSkp>,
) -> HasilApi<TampilanSkp> {
    let pid = match q.pegawai_id {
        Some(x) => x,
        None => p
            .konteks
            .aktor()
            .ok()
            .and_then(|a| a.pegawai_id.clone())
            .unwrap_or_default(),
    };
    Ok(Json(
        sk::skp_pegawai(&s.layanan, &p.konteks, &iid, q.tahun, &pid)
            .await
            .api(&p)?,
    ))
}

/// Dasbor "tidak ada ASN tanpa target": BKD seluruh instansi, pimpinan unit unitnya
///
/// Bagian pegawai dengan SKP disetujui, pegawai tanpa SKP, RHK yang tidak
/// mengintervensi apa pun, indikator tanpa bukti, penilai yang tertinggal
/// memberi umpan balik (> 14 hari), beban kerja per jabatan (aturan ABK).
#[utoipa::path(get, path = "/instansi/{iid}/skp/dasbor", tag = "skp",
    params(JalurInstansi, SaringanTahun),
    responses((status = 200, description = "Dasbor", body = app::skp::dasbor::DasborSkp)))]
async fn dasbor(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
    QueryMasuk(q): QueryMasuk<SaringanTahun>,
) -> HasilApi<app::skp::dasbor::DasborSkp> {
    Ok(Json(
        sk::dasbor::dasbor(&s.layanan, &p.konteks, &iid, q.tahun)
            .await
            .api(&p)?,
    ))
}

/// SKP yang saya nilai (bawahan langsung, atau lewat Plt./Plh.)
#[utoipa::path(get, path = "/instansi/{iid}/skp/dinilai", tag = "skp",
    params(JalurInstansi, SaringanTahun),
    responses((status = 200, description = "SKP", body = Vec<store::skp::Skp>)))]
async fn dinilai(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
    QueryMasuk(q): QueryMasuk<SaringanTahun>,
) -> HasilApi<Vec<store::skp::Skp>> {
    Ok(Json(
        sk::dinilai_saya(&s.layanan, &p.konteks, &iid, q.tahun)
            .await
            .api(&p)?,
    ))
}

/// Kalibrasi kurva distribusi satu unit pada satu periode
///
/// `{"memenuhi", "pelanggaran", "distribusi"}` lewat aturan
/// `kurva-distribusi`; unit kecil digabung ke induknya (`kelompok`).
#[utoipa::path(get, path = "/instansi/{iid}/skp/kalibrasi", tag = "skp",
    params(JalurInstansi, SaringanKalibrasi),
    responses((status = 200, description = "Kalibrasi", body = HasilKalibrasi)))]
async fn kalibrasi(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
    QueryMasuk(q): QueryMasuk<SaringanKalibrasi>,
) -> HasilApi<HasilKalibrasi> {
    Ok(Json(
        sk::evaluasi::kalibrasi(
            &s.layanan, &p.konteks, &iid, q.tahun, &q.periode, &q.unit_id,
        )
        .await
        .api(&p)?,
    ))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
struct SaringanRingkasan {
    tahun: i64,
    /// Kode periode, mis. `2027-TW1`.
    #[param(max_length = 20)]
    periode: String,
}

/// Ringkasan kurva semua kelompok unit yang boleh dilihat (BKD: semuanya; penilai: kelompok bawahannya)
#[utoipa::path(get, path = "/instansi/{iid}/skp/kalibrasi/ringkasan", tag = "skp",
    params(JalurInstansi, SaringanRingkasan),
    responses((status = 200, description = "Ringkasan", body = Vec<app::skp::evaluasi::RingkasKelompok>)))]
async fn ringkasan_kalibrasi(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
    QueryMasuk(q): QueryMasuk<SaringanRingkasan>,
) -> HasilApi<Vec<app::skp::evaluasi::RingkasKelompok>> {
    Ok(Json(
        sk::evaluasi::ringkasan(&s.layanan, &p.konteks, &iid, q.tahun, &q.periode)
            .await
            .api(&p)?,
    ))
}

/// Tetapkan predikat organisasi unit dan/atau finalkan kurvanya (atasan pejabat penilai)
///
/// Finalisasi ditolak 409 `kurva_dilanggar` selama kurva dilanggar, kecuali
/// dengan `alasan_pengecualian` (diaudit).
#[utoipa::path(post, path = "/instansi/{iid}/skp/kalibrasi", tag = "skp", params(JalurInstansi),
    request_body = MasukanKurva,
    responses((status = 200, description = "Tersimpan", body = HasilKalibrasi)))]
async fn simpan_kurva(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
    JsonMasuk(m): JsonMasuk<MasukanKurva>,
) -> HasilApi<HasilKalibrasi> {
    Ok(Json(
        sk::evaluasi::simpan_kurva(&s.layanan, &p.konteks, &iid, m)
            .await
            .api(&p)?,
    ))
}

/// Satu SKP menurut id
#[utoipa::path(get, path = "/instansi/{iid}/skp/{skp_id}", tag = "skp", params(JalurSkp),
    responses((status = 200, description = "SKP", body = TampilanSkp)))]
async fn skp_satu(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
) -> HasilApi<TampilanSkp> {
    Ok(Json(
        sk::skp_satu(&s.layanan, &p.konteks, &iid, &id)
            .await
            .api(&p)?,
    ))
}

/// Tambah RHK dengan indikatornya (pemilik, SKP draf/dikembalikan)
///
/// `rhk_atasan_id` boleh kosong dahulu: pegawai menyusun sebelum RHK atasan
/// ada, lalu menautkan kelak.
#[utoipa::path(post, path = "/instansi/{iid}/skp/{skp_id}/rhk", tag = "skp", params(JalurSkp),
    request_body = MasukanRhk,
    responses((status = 201, description = "SKP sesudahnya", body = TampilanSkp)))]
async fn tambah_rhk(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
    headers: HeaderMap,
    JsonMasuk(mut m): JsonMasuk<MasukanRhk>,
) -> Result<(StatusCode, Json<TampilanSkp>), GalatApi> {
    m.versi = super::versi_dari(&p, &headers, m.versi)?;
    Ok((
        StatusCode::CREATED,
        Json(
            sk::tambah_rhk(&s.layanan, &p.konteks, &iid, &id, m)
                .await
                .api(&p)?,
        ),
    ))
}

/// Ubah RHK (indikator diganti; yang sudah berealisasi dipertahankan)
#[utoipa::path(put, path = "/instansi/{iid}/skp/{skp_id}/rhk/{rhk_id}", tag = "skp",
    params(JalurRhk, super::JikaCocok), request_body = MasukanRhk,
    responses((status = 200, description = "SKP sesudahnya", body = TampilanSkp)))]
async fn ubah_rhk(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id, rid)): Path<(String, String, String)>,
    headers: HeaderMap,
    JsonMasuk(mut m): JsonMasuk<MasukanRhk>,
) -> HasilApi<TampilanSkp> {
    m.versi = super::versi_dari(&p, &headers, m.versi)?;
    Ok(Json(
        sk::ubah_rhk(&s.layanan, &p.konteks, &iid, &id, &rid, m)
            .await
            .api(&p)?,
    ))
}

/// Hapus RHK (RHK bawahan yang mengintervensinya kehilangan tautan)
#[utoipa::path(delete, path = "/instansi/{iid}/skp/{skp_id}/rhk/{rhk_id}", tag = "skp",
    params(JalurRhk, VersiQuery, super::JikaCocok),
    responses((status = 200, description = "SKP sesudahnya", body = TampilanSkp)))]
async fn hapus_rhk(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id, rid)): Path<(String, String, String)>,
    headers: HeaderMap,
    QueryMasuk(q): QueryMasuk<VersiQuery>,
) -> HasilApi<TampilanSkp> {
    let v = super::versi_dari(&p, &headers, q.versi)?;
    Ok(Json(
        sk::hapus_rhk(&s.layanan, &p.konteks, &iid, &id, &rid, v)
            .await
            .api(&p)?,
    ))
}

/// RHK dari Perjanjian Kinerja yang disetujui (JPT dan pimpinan unit yang berjanji)
///
/// Satu RHK utama per sasaran PK dengan perspektif; indikator dan target dari
/// baris PK. Idempoten per sasaran. 409 `pk_tidak_ada` bila belum ada PK
/// disetujui dengan pemilik SKP sebagai pihak pertama.
#[utoipa::path(post, path = "/instansi/{iid}/skp/{skp_id}/rhk/dari-pk", tag = "skp",
    params(JalurSkp, super::JikaCocok), request_body = app::skp::MasukanDariPk,
    responses((status = 200, description = "RHK dari PK", body = app::skp::HasilDariPk)))]
async fn rhk_dari_pk(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
    headers: HeaderMap,
    JsonMasuk(mut m): JsonMasuk<app::skp::MasukanDariPk>,
) -> HasilApi<app::skp::HasilDariPk> {
    m.versi = super::versi_dari(&p, &headers, m.versi)?;
    Ok(Json(
        sk::rhk_dari_pk(&s.layanan, &p.konteks, &iid, &id, m)
            .await
            .api(&p)?,
    ))
}

#[derive(Serialize, utoipa::ToSchema)]
struct JawabanTurunkan {
    /// RHK baru di SKP bawahan.
    rhk_id: Vec<String>,
}

/// Turunkan satu RHK ke beberapa bawahan sekaligus (pemilik RHK = penilai mereka)
#[utoipa::path(post, path = "/instansi/{iid}/skp/{skp_id}/rhk/{rhk_id}/turunkan", tag = "skp",
    params(JalurRhk), request_body = MasukanTurunkan,
    responses((status = 201, description = "RHK bawahan dibuat", body = JawabanTurunkan)))]
async fn turunkan_rhk(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id, rid)): Path<(String, String, String)>,
    JsonMasuk(m): JsonMasuk<MasukanTurunkan>,
) -> Result<(StatusCode, Json<JawabanTurunkan>), GalatApi> {
    // RHK harus milik SKP di jalur.
    let r = store::skp::rhk(s.layanan.pool(), &iid, &rid)
        .await
        .map_err(|e| GalatApi(e.into(), p.bahasa()))?;
    if r.is_none_or(|r| r.skp_id != id) {
        return Err(GalatApi(
            Galat::TidakDitemukan(
                p.konteks
                    .t("RHK tidak ditemukan.", "Result not found.")
                    .into(),
            ),
            p.bahasa(),
        ));
    }
    Ok((
        StatusCode::CREATED,
        Json(JawabanTurunkan {
            rhk_id: sk::turunkan_rhk(&s.layanan, &p.konteks, &iid, &rid, m)
                .await
                .api(&p)?,
        }),
    ))
}

/// Riwayat alur SKP (diajukan, dikembalikan dengan catatan, disetujui)
#[utoipa::path(get, path = "/instansi/{iid}/skp/{skp_id}/langkah", tag = "skp", params(JalurSkp),
    responses((status = 200, description = "Riwayat", body = Vec<store::skp::RiwayatLangkah>)))]
async fn riwayat_langkah(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
) -> HasilApi<Vec<store::skp::RiwayatLangkah>> {
    Ok(Json(
        sk::riwayat_langkah(&s.layanan, &p.konteks, &iid, &id)
            .await
            .api(&p)?,
    ))
}

/// Langkah alur: `ajukan` (pemilik), `setujui`, `kembalikan` (dengan catatan), `buka_revisi` (penilai)
#[utoipa::path(post, path = "/instansi/{iid}/skp/{skp_id}/langkah", tag = "skp",
    params(JalurSkp, super::JikaCocok), request_body = MasukanLangkah,
    responses((status = 200, description = "SKP sesudahnya", body = TampilanSkp)))]
async fn langkah(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
    headers: HeaderMap,
    JsonMasuk(mut m): JsonMasuk<MasukanLangkah>,
) -> HasilApi<TampilanSkp> {
    m.versi = super::versi_dari(&p, &headers, m.versi)?;
    Ok(Json(
        sk::langkah(&s.layanan, &p.konteks, &iid, &id, m)
            .await
            .api(&p)?,
    ))
}

/// Ekspektasi khusus pimpinan per nilai BerAKHLAK (pejabat penilai)
#[utoipa::path(put, path = "/instansi/{iid}/skp/{skp_id}/ekspektasi", tag = "skp",
    params(JalurSkp), request_body = MasukanEkspektasi,
    responses((status = 200, description = "SKP sesudahnya", body = TampilanSkp)))]
async fn simpan_ekspektasi(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
    JsonMasuk(m): JsonMasuk<MasukanEkspektasi>,
) -> HasilApi<TampilanSkp> {
    Ok(Json(
        sk::simpan_ekspektasi(&s.layanan, &p.konteks, &iid, &id, m)
            .await
            .api(&p)?,
    ))
}

/// Realisasi satu SKP (semua periode; status `menunggu`, `diverifikasi`, `ditolak`)
#[utoipa::path(get, path = "/instansi/{iid}/skp/{skp_id}/realisasi", tag = "skp",
    params(JalurSkp),
    responses((status = 200, description = "Realisasi", body = Vec<RealisasiSkp>)))]
async fn daftar_realisasi(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
) -> HasilApi<Vec<RealisasiSkp>> {
    Ok(Json(
        sk::realisasi::daftar(&s.layanan, &p.konteks, &iid, &id)
            .await
            .api(&p)?,
    ))
}

/// Badan realisasi multipart.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
struct BadanRealisasi {
    indikator_id: String,
    /// Kode periode, mis. `2027-TW1`.
    periode: String,
    /// Desimal (`12`, `95,5`).
    realisasi: String,
    catatan: Option<String>,
    /// Tautan bukti (https://…).
    tautan: Option<String>,
    /// Kunci idempoten antrean luring: kiriman ulang tidak menggandakan.
    kunci_klien: Option<String>,
    /// Foto (JPEG, PNG, WebP) atau PDF/XLSX/DOCX.
    #[schema(value_type = Option<super::openapi::Berkas>)]
    bukti: Option<Vec<u8>>,
}

fn galat_isian(k: &app::Konteks, kolom: &str, id: &'static str, en: &'static str) -> Galat {
    let pesan = k.t(id, en);
    Galat::InputTidakValid {
        kode: "multipart_tidak_valid".into(),
        fields: BTreeMap::from([(kolom.to_string(), pesan.to_string())]),
        pesan: pesan.into(),
    }
}

/// Catat realisasi satu indikator pada satu periode, dengan bukti; hanya pegawai pemilik SKP
///
/// Multipart: `indikator_id`, `periode`, `realisasi`, `catatan`, `tautan`,
/// `kunci_klien`, berkas `bukti` opsional. 201 dengan `id` dan, bila ada
/// berkas, `bukti: {"sha256", "ukuran"}` berkas sebagaimana diterima. Kiriman
/// ulang dengan `kunci_klien` yang sama: 200 dengan entri yang sudah ada.
#[utoipa::path(post, path = "/instansi/{iid}/skp/{skp_id}/realisasi", tag = "skp",
    params(JalurSkp),
    request_body(content = BadanRealisasi, content_type = "multipart/form-data"),
    responses((status = 201, description = "Tersimpan", body = HasilRealisasi),
        (status = 200, description = "Kiriman ulang (kunci_klien sama)", body = HasilRealisasi),
        (status = 415, description = "Jenis bukti tidak diterima", body = super::openapi::Galat)))]
async fn kirim_realisasi(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let b = p.bahasa();
    let k = &p.konteks;
    let galat = |g: Galat| GalatApi(g, b).into_response();
    if let Err(g) = k
        .aktor()
        .map(|_| ())
        .and_then(|_| p.periksa_csrf_api(&headers))
    {
        return galat(g);
    }
    let Ok(mut mp) = multipart else {
        return galat(galat_isian(
            k,
            "realisasi",
            "Kirim sebagai multipart/form-data: indikator_id, periode, realisasi, catatan, bukti (opsional).",
            "Send multipart/form-data: indikator_id, periode, realisasi, catatan, bukti (optional).",
        ));
    };
    let (isian, bukti, _) =
        match baca_multipart(&mut mp, k, &s.layanan.konfigurasi, KOLOM_REALISASI, false).await {
            Ok(x) => x,
            Err(g) => return galat(g),
        };
    let ambil = |x: &str| isian.get(x).cloned().unwrap_or_default();
    let m = MasukanRealisasi {
        indikator_id: ambil("indikator_id"),
        periode: ambil("periode"),
        realisasi: ambil("realisasi"),
        catatan: ambil("catatan"),
        tautan: ambil("tautan"),
        kunci_klien: ambil("kunci_klien"),
    };
    match sk::realisasi::kirim(&s.layanan, k, &iid, &id, m, bukti).await {
        Ok(x) if x.baru => (StatusCode::CREATED, Json(x)).into_response(),
        Ok(x) => Json(x).into_response(),
        Err(g) => galat(g),
    }
}

/// Membaca badan multipart dengan field teks tertentu (masing-masing ≤ 16
/// KB) dan berkas `bukti` opsional (dibatasi `bukti_maks_bita` selama
/// dibaca). `formulir`: field `_csrf` diterima dan dikembalikan.
pub(crate) async fn baca_multipart(
    mp: &mut Multipart,
    k: &app::Konteks,
    c: &app::Konfigurasi,
    kolom_teks: &[&str],
    formulir: bool,
) -> Result<(BTreeMap<String, String>, Option<BerkasMasuk>, String), Galat> {
    let mut isian = BTreeMap::new();
    let mut bukti: Option<BerkasMasuk> = None;
    let mut csrf = String::new();
    loop {
        let mut field = match mp.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return Err(app::bukti::galat_permintaan_terlalu_besar(
                    k,
                    c.bukti_maks_permintaan,
                ));
            }
            Err(_) => {
                return Err(galat_isian(
                    k,
                    "bukti",
                    "Badan multipart rusak.",
                    "Malformed multipart body.",
                ));
            }
        };
        let nama = field.name().unwrap_or("").to_string();
        let batas = if nama == "bukti" {
            c.bukti_maks_bita as usize
        } else if kolom_teks.contains(&nama.as_str()) || (formulir && nama == "_csrf") {
            BATAS_FIELD_TEKS
        } else {
            let pesan = match k.bahasa {
                app::Bahasa::Id => format!(
                    "Field tidak dikenal; yang diterima: {}, bukti.",
                    kolom_teks.join(", ")
                ),
                app::Bahasa::En => {
                    format!("Unknown field; accepted: {}, bukti.", kolom_teks.join(", "))
                }
            };
            return Err(Galat::InputTidakValid {
                kode: "multipart_tidak_valid".into(),
                fields: BTreeMap::from([(nama.chars().take(64).collect(), pesan.clone())]),
                pesan,
            });
        };
        let nama_berkas = field.file_name().unwrap_or("").to_string();
        let mut isi: Vec<u8> = Vec::new();
        loop {
            match field.chunk().await {
                Ok(Some(x)) => {
                    if isi.len() + x.len() > batas {
                        return Err(if nama == "bukti" {
                            app::bukti::galat_terlalu_besar(k, &nama_berkas, c.bukti_maks_bita)
                        } else {
                            galat_isian(
                                k,
                                &nama,
                                "Isian terlalu panjang.",
                                "The field is too long.",
                            )
                        });
                    }
                    isi.extend_from_slice(&x);
                }
                Ok(None) => break,
                Err(_) => {
                    return Err(galat_isian(
                        k,
                        "bukti",
                        "Badan multipart rusak.",
                        "Malformed multipart body.",
                    ));
                }
            }
        }
        if nama == "bukti" {
            if !isi.is_empty() {
                bukti = Some(BerkasMasuk {
                    nama: nama_berkas,
                    isi,
                });
            }
            continue;
        }
        let Ok(t) = String::from_utf8(isi) else {
            return Err(galat_isian(
                k,
                &nama,
                "Isian harus teks UTF-8.",
                "The field must be UTF-8 text.",
            ));
        };
        if t.contains('\0') {
            return Err(galat_isian(
                k,
                &nama,
                "Isian memuat karakter NUL.",
                "The field holds a NUL character.",
            ));
        }
        if nama == "_csrf" {
            csrf = t;
        } else {
            isian.insert(nama, t);
        }
    }
    Ok((isian, bukti, csrf))
}

/// Umpan balik pejabat penilai atas satu entri realisasi (diverifikasi atau ditolak)
#[utoipa::path(post, path = "/instansi/{iid}/skp/{skp_id}/realisasi/{rid}/umpan-balik", tag = "skp",
    params(JalurRealisasi), request_body = MasukanUmpanBalik,
    responses((status = 200, description = "Entri sesudahnya", body = RealisasiSkp)))]
async fn umpan_balik(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id, rid)): Path<(String, String, String)>,
    JsonMasuk(m): JsonMasuk<MasukanUmpanBalik>,
) -> HasilApi<RealisasiSkp> {
    Ok(Json(
        sk::realisasi::umpan_balik(&s.layanan, &p.konteks, &iid, &id, &rid, m)
            .await
            .api(&p)?,
    ))
}

/// Evaluasi SKP per periode (rating dan predikat)
#[utoipa::path(get, path = "/instansi/{iid}/skp/{skp_id}/evaluasi", tag = "skp", params(JalurSkp),
    responses((status = 200, description = "Evaluasi", body = Vec<TampilanEvaluasi>)))]
async fn daftar_evaluasi(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
) -> HasilApi<Vec<TampilanEvaluasi>> {
    Ok(Json(
        sk::evaluasi::daftar(&s.layanan, &p.konteks, &iid, &id)
            .await
            .api(&p)?,
    ))
}

/// Nilai satu periode: rating hasil kerja dan perilaku kerja → predikat (pejabat penilai)
///
/// Dua penilai menyimpan bersamaan: yang kedua 409. Sesudah kurva unit final: 409 `kurva_final`.
#[utoipa::path(post, path = "/instansi/{iid}/skp/{skp_id}/evaluasi", tag = "skp",
    params(JalurSkp, super::JikaCocok), request_body = MasukanEvaluasi,
    responses((status = 200, description = "Tersimpan", body = TampilanEvaluasi)))]
async fn nilai(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
    headers: HeaderMap,
    JsonMasuk(mut m): JsonMasuk<MasukanEvaluasi>,
) -> HasilApi<TampilanEvaluasi> {
    m.versi = super::versi_dari(&p, &headers, m.versi)?;
    Ok(Json(
        sk::evaluasi::nilai(&s.layanan, &p.konteks, &iid, &id, m)
            .await
            .api(&p)?,
    ))
}

fn pdf(nama: &str, isi: Vec<u8>) -> Response {
    (
        [
            (
                axum::http::header::CONTENT_TYPE,
                "application/pdf".to_string(),
            ),
            (
                axum::http::header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{nama}\""),
            ),
        ],
        isi,
    )
        .into_response()
}

/// Dokumen SKP (PDF, tata letak resmi; DRAF sampai disetujui; kotak TTE kosong)
#[utoipa::path(get, path = "/instansi/{iid}/skp/{skp_id}/pdf", tag = "skp", params(JalurSkp),
    responses((status = 200, description = "PDF", content((super::openapi::Berkas = "application/pdf")))))]
async fn skp_pdf(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
) -> Response {
    match sk::dokumen::skp_pdf(&s.layanan, &p.konteks, &iid, &id).await {
        Ok(isi) => pdf("skp.pdf", isi),
        Err(g) => GalatApi(g, p.bahasa()).into_response(),
    }
}

#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
struct JalurPeriode {
    iid: String,
    skp_id: String,
    /// Kode periode, mis. `2026-TW1` atau `2026-TAHUNAN`.
    periode: String,
}

/// Dokumen Evaluasi Kinerja Pegawai satu periode (PDF; DRAF sampai kurva unitnya final)
#[utoipa::path(get, path = "/instansi/{iid}/skp/{skp_id}/evaluasi/{periode}/pdf", tag = "skp",
    params(JalurPeriode),
    responses((status = 200, description = "PDF", content((super::openapi::Berkas = "application/pdf")))))]
async fn evaluasi_pdf(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id, periode)): Path<(String, String, String)>,
) -> Response {
    match sk::dokumen::evaluasi_pdf(&s.layanan, &p.konteks, &iid, &id, &periode).await {
        Ok(isi) => pdf("evaluasi-kinerja.pdf", isi),
        Err(g) => GalatApi(g, p.bahasa()).into_response(),
    }
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
struct TanyaFormat {
    /// `xlsx` (bawaan) atau `csv`.
    #[param(max_length = 8)]
    format: Option<String>,
}

/// `?format=`: kosong = XLSX; selain `csv`/`xlsx` = 422 pada field `format`.
fn format_berkas(b: app::Bahasa, kode: Option<&str>) -> Result<app::impor::Format, Response> {
    match kode.map(app::impor::Format::dari_kode) {
        None => Ok(app::impor::Format::Xlsx),
        Some(Some(f)) => Ok(f),
        Some(None) => {
            let pesan = app::teks::t(
                b,
                "Format harus csv atau xlsx.",
                "The format must be csv or xlsx.",
            );
            Err(GalatApi(
                Galat::input(
                    pesan,
                    BTreeMap::from([("format".to_string(), pesan.to_string())]),
                ),
                b,
            )
            .into_response())
        }
    }
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
struct TanyaRekap {
    tahun: i64,
    /// Kode periode, mis. `2027-TW1` atau `2027-TAHUNAN`.
    #[param(max_length = 20)]
    periode: String,
    /// `xlsx` (bawaan) atau `csv`.
    #[param(max_length = 8)]
    format: Option<String>,
}

/// Rekap rating satu periode (XLSX/CSV): BKD seluruh instansi, pimpinan unit unitnya
///
/// Satu baris per SKP aktif (dinilai atau belum): unit, NIP, nama, jabatan,
/// penilai, rating hasil kerja, rating perilaku, predikat, kelompok kurva dan
/// apakah kurvanya final. Cakupan sama dengan dasbor SKP.
#[utoipa::path(get, path = "/instansi/{iid}/skp/rekap", tag = "skp",
    params(JalurInstansi, TanyaRekap),
    responses((status = 200, description = "Berkas", content(
        (super::openapi::Berkas = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (super::openapi::Berkas = "text/csv")))))]
async fn rekap_rating(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
    QueryMasuk(q): QueryMasuk<TanyaRekap>,
) -> Response {
    let b = p.bahasa();
    let format = match format_berkas(b, q.format.as_deref()) {
        Ok(f) => f,
        Err(r) => return r,
    };
    match sk::evaluasi::ekspor_rekap(&s.layanan, &p.konteks, &iid, q.tahun, &q.periode, format)
        .await
    {
        Ok(isi) => {
            let nama = match format {
                app::impor::Format::Csv => "rekap-rating-skp.csv",
                app::impor::Format::Xlsx => "rekap-rating-skp.xlsx",
            };
            crate::halaman::impor::unduhan(nama, format, isi)
        }
        Err(g) => GalatApi(g, b).into_response(),
    }
}

/// Ekspor realisasi SKP (XLSX/CSV): satu baris per indikator per periode; kolom sama dengan impor
#[utoipa::path(get, path = "/instansi/{iid}/skp/{skp_id}/realisasi/ekspor", tag = "skp",
    params(JalurSkp, TanyaFormat),
    responses((status = 200, description = "Berkas", content(
        (super::openapi::Berkas = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (super::openapi::Berkas = "text/csv")))))]
async fn ekspor_realisasi(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
    QueryMasuk(q): QueryMasuk<TanyaFormat>,
) -> Response {
    let b = p.bahasa();
    let format = match format_berkas(b, q.format.as_deref()) {
        Ok(f) => f,
        Err(r) => return r,
    };
    match sk::impor::ekspor(&s.layanan, &p.konteks, &iid, &id, format).await {
        Ok(isi) => {
            let nama = match format {
                app::impor::Format::Csv => "realisasi-skp.csv",
                app::impor::Format::Xlsx => "realisasi-skp.xlsx",
            };
            crate::halaman::impor::unduhan(nama, format, isi)
        }
        Err(g) => GalatApi(g, b).into_response(),
    }
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
struct TanyaImporRealisasi {
    /// Nama berkas asli (untuk laporan); jenisnya dikenali dari isi.
    #[serde(default)]
    #[param(max_length = 255)]
    nama_berkas: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
struct RealisasiDiterima {
    laporan: app::skp::impor::LaporanRealisasiSkp,
}

/// Impor realisasi SKP dari XLSX/CSV (kolom ekspor), hanya pemilik; semua atau tidak sama sekali
///
/// 200 `{"laporan"}`; 422 `impor_ditolak` dengan laporan per baris. Baris
/// yang sama dengan realisasi terakhir tidak digandakan.
#[utoipa::path(post, path = "/instansi/{iid}/skp/{skp_id}/realisasi/impor", tag = "skp",
    params(JalurSkp, TanyaImporRealisasi),
    request_body(content = super::openapi::Berkas, content_type = "application/octet-stream",
        description = "Isi berkas CSV atau XLSX; jenisnya dikenali dari isi"),
    responses((status = 200, description = "Diterima", body = RealisasiDiterima)))]
async fn impor_realisasi(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
    QueryMasuk(q): QueryMasuk<TanyaImporRealisasi>,
    headers: HeaderMap,
    badan: Result<axum::body::Bytes, axum::extract::rejection::BytesRejection>,
) -> Response {
    let b = p.bahasa();
    let galat = |g: Galat| GalatApi(g, b).into_response();
    if let Err(g) = p
        .konteks
        .aktor()
        .map(|_| ())
        .and_then(|_| p.periksa_csrf_api(&headers))
    {
        return galat(g);
    }
    let isi = match badan {
        Ok(isi) => isi,
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return galat(Galat::TerlaluBesar(
                app::teks::t(
                    b,
                    "Berkas lebih dari 10 MB.",
                    "The file is larger than 10 MB.",
                )
                .into(),
            ));
        }
        Err(e) => return galat(Galat::input(e.body_text(), Default::default())),
    };
    let nama = q.nama_berkas.unwrap_or_default();
    match sk::impor::impor(&s.layanan, &p.konteks, &iid, &id, &nama, &isi).await {
        Ok(laporan) if laporan.diterima => Json(RealisasiDiterima { laporan }).into_response(),
        Ok(lap) => {
            let pesan = match b {
                app::Bahasa::Id => format!(
                    "Impor ditolak: {} galat. Tidak ada data yang disimpan.",
                    lap.jumlah_galat
                ),
                app::Bahasa::En => format!(
                    "Import rejected: {} errors. Nothing was saved.",
                    lap.jumlah_galat
                ),
            };
            GalatApi(
                Galat::InputTidakValid {
                    kode: "impor_ditolak".into(),
                    pesan,
                    fields: Default::default(),
                },
                b,
            )
            .dengan("laporan", serde_json::to_value(&lap).unwrap_or_default())
        }
        Err(g) => galat(g),
    }
}

// ---------- rencana SKP dari berkas dan templat per jabatan ----------

#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
struct JalurTemplat {
    iid: String,
    /// Id jabatan.
    jabatan_id: String,
}

#[derive(Serialize, utoipa::ToSchema)]
struct RencanaDiterima {
    laporan: app::skp::rencana_berkas::LaporanRencanaSkp,
}

/// Badan multipart impor rencana/templat: satu berkas `berkas`.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
struct BadanBerkasRencana {
    /// Berkas CSV atau XLSX (kolom rencana SKP).
    #[schema(value_type = super::openapi::Berkas)]
    berkas: Vec<u8>,
}

/// Berkas impor dari badan permintaan: mentah (seperti `impor_realisasi`,
/// nama dari `?nama_berkas=`) atau multipart dengan field `berkas`. CSRF
/// sesi dari header; batas 10 MB (lapisan `DefaultBodyLimit`).
async fn badan_berkas(
    s: &AppState,
    p: &Pengunjung,
    req: axum::extract::Request,
) -> Result<(Option<String>, Vec<u8>), Response> {
    use axum::extract::FromRequest;
    let b = p.bahasa();
    let galat = |g: Galat| GalatApi(g, b).into_response();
    p.konteks
        .aktor()
        .map(|_| ())
        .and_then(|_| p.periksa_csrf_api(req.headers()))
        .map_err(galat)?;
    let terlalu_besar = || {
        Galat::TerlaluBesar(
            app::teks::t(
                b,
                "Berkas lebih dari 10 MB.",
                "The file is larger than 10 MB.",
            )
            .into(),
        )
    };
    let multipart = req
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    if !multipart {
        return match axum::body::Bytes::from_request(req, s).await {
            Ok(isi) => Ok((None, isi.to_vec())),
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => Err(galat(terlalu_besar())),
            Err(e) => Err(galat(Galat::input(e.body_text(), Default::default()))),
        };
    }
    let rusak = || {
        let pesan = app::teks::t(b, "Badan multipart rusak.", "Malformed multipart body.");
        Galat::input(
            pesan,
            BTreeMap::from([("berkas".to_string(), pesan.to_string())]),
        )
    };
    let mut mp = Multipart::from_request(req, s)
        .await
        .map_err(|_| galat(rusak()))?;
    loop {
        let mut f = match mp.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return Err(galat(terlalu_besar()));
            }
            Err(_) => return Err(galat(rusak())),
        };
        if f.name() != Some("berkas") {
            continue;
        }
        let nama = f.file_name().map(str::to_string);
        let mut isi = Vec::new();
        loop {
            match f.chunk().await {
                Ok(Some(x)) => {
                    if isi.len() + x.len() > app::impor::BATAS_UKURAN {
                        return Err(galat(terlalu_besar()));
                    }
                    isi.extend_from_slice(&x);
                }
                Ok(None) => break,
                Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                    return Err(galat(terlalu_besar()));
                }
                Err(_) => return Err(galat(rusak())),
            }
        }
        return Ok((nama, isi));
    }
    let pesan = app::teks::t(b, "Sertakan field `berkas`.", "Include the `berkas` field.");
    Err(galat(Galat::input(
        pesan,
        BTreeMap::from([("berkas".to_string(), pesan.to_string())]),
    )))
}

/// 200 `{"laporan"}` bila diterima; 422 `impor_ditolak` dengan laporan bila tidak.
fn jawab_laporan(
    b: app::Bahasa,
    hasil: Result<app::skp::rencana_berkas::LaporanRencanaSkp, Galat>,
) -> Response {
    match hasil {
        Ok(laporan) if laporan.diterima => Json(RencanaDiterima { laporan }).into_response(),
        Ok(lap) => {
            let pesan = match b {
                app::Bahasa::Id => format!(
                    "Impor ditolak: {} galat. Tidak ada data yang disimpan.",
                    lap.jumlah_galat
                ),
                app::Bahasa::En => format!(
                    "Import rejected: {} errors. Nothing was saved.",
                    lap.jumlah_galat
                ),
            };
            GalatApi(
                Galat::InputTidakValid {
                    kode: "impor_ditolak".into(),
                    pesan,
                    fields: Default::default(),
                },
                b,
            )
            .dengan("laporan", serde_json::to_value(&lap).unwrap_or_default())
        }
        Err(g) => GalatApi(g, b).into_response(),
    }
}

fn nama_unduhan(dasar: &str, format: app::impor::Format) -> String {
    match format {
        app::impor::Format::Csv => format!("{dasar}.csv"),
        app::impor::Format::Xlsx => format!("{dasar}.xlsx"),
    }
}

/// Ekspor rencana SKP (RHK dan IKI) sebagai XLSX/CSV: satu baris per indikator; kolom sama dengan impor
#[utoipa::path(get, path = "/instansi/{iid}/skp/{skp_id}/rencana/ekspor", tag = "skp",
    params(JalurSkp, TanyaFormat),
    responses((status = 200, description = "Berkas", content(
        (super::openapi::Berkas = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (super::openapi::Berkas = "text/csv")))))]
async fn ekspor_rencana(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
    QueryMasuk(q): QueryMasuk<TanyaFormat>,
) -> Response {
    let b = p.bahasa();
    let format = match format_berkas(b, q.format.as_deref()) {
        Ok(f) => f,
        Err(r) => return r,
    };
    match sk::rencana_berkas::ekspor(&s.layanan, &p.konteks, &iid, &id, format).await {
        Ok(isi) => {
            crate::halaman::impor::unduhan(&nama_unduhan("rencana-skp", format), format, isi)
        }
        Err(g) => GalatApi(g, b).into_response(),
    }
}

/// Impor rencana SKP dari XLSX/CSV (kolom ekspor), hanya pemilik selama draf/dikembalikan; semua atau tidak sama sekali
///
/// Berkas = rencana seluruhnya: RHK dicocokkan menurut uraian, indikator
/// menurut (RHK, uraian); yang tidak ada di berkas dihapus kecuali masih
/// dirujuk (ditolak). 200 `{"laporan"}` (`berubah` false: tidak ada yang
/// berubah); 422 `impor_ditolak` dengan laporan per baris.
#[utoipa::path(post, path = "/instansi/{iid}/skp/{skp_id}/rencana/impor", tag = "skp",
    params(JalurSkp, TanyaImporRealisasi),
    request_body(description = "Isi berkas CSV atau XLSX (mentah, atau multipart field `berkas`); jenisnya dikenali dari isi",
        content((super::openapi::Berkas = "application/octet-stream"),
            (BadanBerkasRencana = "multipart/form-data"))),
    responses((status = 200, description = "Diterima", body = RencanaDiterima)))]
async fn impor_rencana(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
    QueryMasuk(q): QueryMasuk<TanyaImporRealisasi>,
    req: axum::extract::Request,
) -> Response {
    let (nama_mp, isi) = match badan_berkas(&s, &p, req).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let nama = q.nama_berkas.or(nama_mp).unwrap_or_default();
    let hasil = sk::rencana_berkas::impor(&s.layanan, &p.konteks, &iid, &id, &nama, &isi).await;
    jawab_laporan(p.bahasa(), hasil)
}

/// Templat SKP per jabatan (BKD)
#[utoipa::path(get, path = "/instansi/{iid}/skp/templat", tag = "skp", params(JalurInstansi),
    responses((status = 200, description = "Templat", body = Vec<app::skp::templat::TampilanTemplat>)))]
async fn daftar_templat(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
) -> HasilApi<Vec<app::skp::templat::TampilanTemplat>> {
    Ok(Json(
        sk::templat::daftar(&s.layanan, &p.konteks, &iid)
            .await
            .api(&p)?,
    ))
}

/// Unduh templat SKP satu jabatan (kolom sama dengan rencana SKP; BKD)
#[utoipa::path(get, path = "/instansi/{iid}/skp/templat/{jabatan_id}", tag = "skp",
    params(JalurTemplat, TanyaFormat),
    responses((status = 200, description = "Berkas", content(
        (super::openapi::Berkas = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (super::openapi::Berkas = "text/csv")))))]
async fn unduh_templat(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, jid)): Path<(String, String)>,
    QueryMasuk(q): QueryMasuk<TanyaFormat>,
) -> Response {
    let b = p.bahasa();
    let format = match format_berkas(b, q.format.as_deref()) {
        Ok(f) => f,
        Err(r) => return r,
    };
    match sk::templat::unduh(&s.layanan, &p.konteks, &iid, &jid, format).await {
        Ok(isi) => {
            crate::halaman::impor::unduhan(&nama_unduhan("templat-skp", format), format, isi)
        }
        Err(g) => GalatApi(g, b).into_response(),
    }
}

/// Tetapkan templat SKP satu jabatan dari XLSX/CSV (kolom rencana SKP; `rhk_atasan_id` diabaikan; BKD)
///
/// 200 `{"laporan"}`; 422 `impor_ditolak` dengan laporan per baris.
#[utoipa::path(put, path = "/instansi/{iid}/skp/templat/{jabatan_id}", tag = "skp",
    params(JalurTemplat, TanyaImporRealisasi),
    request_body(description = "Isi berkas CSV atau XLSX (mentah, atau multipart field `berkas`); jenisnya dikenali dari isi",
        content((super::openapi::Berkas = "application/octet-stream"),
            (BadanBerkasRencana = "multipart/form-data"))),
    responses((status = 200, description = "Diterima", body = RencanaDiterima)))]
async fn unggah_templat(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, jid)): Path<(String, String)>,
    QueryMasuk(q): QueryMasuk<TanyaImporRealisasi>,
    req: axum::extract::Request,
) -> Response {
    let (nama_mp, isi) = match badan_berkas(&s, &p, req).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let nama = q.nama_berkas.or(nama_mp).unwrap_or_default();
    let hasil = sk::templat::unggah(&s.layanan, &p.konteks, &iid, &jid, &nama, &isi).await;
    jawab_laporan(p.bahasa(), hasil)
}

/// Hapus templat SKP satu jabatan (BKD; SKP yang sudah dibuat tidak berubah)
#[utoipa::path(delete, path = "/instansi/{iid}/skp/templat/{jabatan_id}", tag = "skp",
    params(JalurTemplat),
    responses((status = 204, description = "Dihapus"),
        (status = 404, description = "Tidak ada templat", body = super::openapi::Galat)))]
async fn hapus_templat(
    State(s): State<AppState>,
    p: Pengunjung,
    headers: HeaderMap,
    Path((iid, jid)): Path<(String, String)>,
) -> Result<StatusCode, GalatApi> {
    p.periksa_csrf_api(&headers).api(&p)?;
    sk::templat::hapus(&s.layanan, &p.konteks, &iid, &jid)
        .await
        .api(&p)?;
    Ok(StatusCode::NO_CONTENT)
}

/// Jadikan rencana SKP ini templat jabatannya (BKD; tanpa tautan ke RHK atasan)
///
/// 409 `skp_tanpa_jabatan` bila SKP tidak tercatat dengan jabatan,
/// `rencana_kosong` bila belum ada RHK.
#[utoipa::path(post, path = "/instansi/{iid}/skp/{skp_id}/jadikan-templat", tag = "skp",
    params(JalurSkp),
    responses((status = 200, description = "Templat", body = app::skp::templat::TampilanTemplat)))]
async fn jadikan_templat(
    State(s): State<AppState>,
    p: Pengunjung,
    headers: HeaderMap,
    Path((iid, id)): Path<(String, String)>,
) -> HasilApi<app::skp::templat::TampilanTemplat> {
    p.periksa_csrf_api(&headers).api(&p)?;
    Ok(Json(
        sk::templat::dari_skp(&s.layanan, &p.konteks, &iid, &id)
            .await
            .api(&p)?,
    ))
}
