//! API kompetisi inovasi (isu 12): kompetisi dan tahapnya (penyelenggara),
//! entri (peserta), juri, konflik, penugasan, penilaian, penutupan tahap,
//! keputusan, pengumuman dan daftar hasil (publik setelah diumumkan).
//! Penangan tipis: hak dan aturan di `app::kompetisi`.

use super::{HasilApi, JsonMasuk, KeApi, QueryMasuk};
use crate::AppState;
use crate::galat::GalatApi;
use crate::pengunjung::Pengunjung;
use app::bukti::Varian;
use app::galat::versi_wajib;
use app::kompetisi::entri::{self as en, DetailEntri, MasukanEntri};
use app::kompetisi::hasil::{
    self as hs, DaftarHasil, KemajuanEntri, MasukanKeputusan, MasukanTutup, RingkasTutup,
};
use app::kompetisi::juri::{
    self as jr, HasilPenugasan, MasukanJuri, MasukanKonflik, MasukanNilai, TugasJuri,
};
use app::kompetisi::{self as kp, DetailKompetisi, MasukanKompetisi, MasukanTahap, TahapLengkap};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use store::kompetisi::{
    Entri, HasilTahap, Juri, Kompetisi, Konflik, Penilaian, RingkasEntri, Tahap,
};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(daftar, buat))
        .routes(routes!(lihat))
        .routes(routes!(atur_tahap))
        .routes(routes!(buka_tahap))
        .routes(routes!(tutup_tahap))
        .routes(routes!(umumkan))
        .routes(routes!(tugaskan))
        .routes(routes!(kemajuan))
        .routes(routes!(keputusan))
        .routes(routes!(hasil))
        .routes(routes!(daftar_juri, tambah_juri))
        .routes(routes!(konflik))
        .routes(routes!(tugas_saya))
        .routes(routes!(entri_penyelenggara, buat_entri))
        .routes(routes!(entri_saya))
        .routes(routes!(lihat_entri, ubah_entri))
        .routes(routes!(ajukan))
        .routes(routes!(tarik))
        .routes(routes!(nilai))
        .routes(routes!(bukti_entri))
}

/// Jalur: kompetisi.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
struct JalurKompetisi {
    /// Id kompetisi.
    kid: String,
}

/// Jalur: kompetisi dan tahapnya.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
struct JalurTahap {
    kid: String,
    /// Urutan tahap (1 = pendaftaran).
    urutan: i64,
}

/// Jalur: entri.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
struct JalurEntri {
    /// Id entri.
    eid: String,
}

/// Jalur: entri dan tahap penilaian.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
struct JalurNilai {
    eid: String,
    urutan: i64,
}

/// Jalur: entri dan buktinya.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
struct JalurBuktiEntri {
    eid: String,
    /// Id bukti.
    bid: String,
}

/// Badan berisi versi saja (ajukan, tarik).
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
struct BadanVersi {
    #[serde(default)]
    versi: Option<i64>,
}

/// Daftar kompetisi (publik), terbaru dulu
#[utoipa::path(get, path = "/kompetisi", tag = "kompetisi",
    responses((status = 200, description = "Kompetisi", body = Vec<Kompetisi>)))]
async fn daftar(State(s): State<AppState>, p: Pengunjung) -> HasilApi<Vec<Kompetisi>> {
    Ok(Json(kp::daftar(&s.layanan, &p.konteks).await.api(&p)?))
}

/// Buat kompetisi (penyelenggara: admin instansi/operator inovasi); kelompok dan tahap bawaan bila kosong
#[utoipa::path(post, path = "/kompetisi", tag = "kompetisi", request_body = MasukanKompetisi,
    responses((status = 201, description = "Dibuat", body = DetailKompetisi)))]
async fn buat(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    JsonMasuk(m): JsonMasuk<MasukanKompetisi>,
) -> Result<(StatusCode, Json<DetailKompetisi>), GalatApi> {
    p.periksa_csrf_api(&h).api(&p)?;
    Ok((
        StatusCode::CREATED,
        Json(kp::buat(&s.layanan, &p.konteks, m).await.api(&p)?),
    ))
}

/// Satu kompetisi (publik): kelompok, tahap, rubrik
#[utoipa::path(get, path = "/kompetisi/{kid}", tag = "kompetisi", params(JalurKompetisi),
    responses((status = 200, description = "Kompetisi", body = DetailKompetisi)))]
async fn lihat(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(kid): Path<String>,
) -> HasilApi<DetailKompetisi> {
    Ok(Json(kp::lihat(&s.layanan, &p.konteks, &kid).await.api(&p)?))
}

/// Atur tahap yang belum ditutup (tanggal, Top N, nilai minimum, juri minimum, penghargaan, rubrik); versi wajib
#[utoipa::path(put, path = "/kompetisi/{kid}/tahap/{urutan}", tag = "kompetisi",
    params(JalurTahap, super::JikaCocok), request_body = MasukanTahap,
    responses((status = 200, description = "Diubah", body = TahapLengkap)))]
async fn atur_tahap(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((kid, urutan)): Path<(String, i64)>,
    JsonMasuk(m): JsonMasuk<MasukanTahap>,
) -> HasilApi<TahapLengkap> {
    p.periksa_csrf_api(&h).api(&p)?;
    let versi = versi_wajib(&p.konteks, super::versi_dari(&p, &h, m.versi)?).api(&p)?;
    Ok(Json(
        kp::atur_tahap(&s.layanan, &p.konteks, &kid, urutan, versi, m)
            .await
            .api(&p)?,
    ))
}

/// Buka tahap (berurutan; tahap sebelumnya ditutup tanpa seri tersisa)
#[utoipa::path(post, path = "/kompetisi/{kid}/tahap/{urutan}/buka", tag = "kompetisi", params(JalurTahap),
    responses((status = 200, description = "Dibuka", body = Tahap)))]
async fn buka_tahap(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((kid, urutan)): Path<(String, i64)>,
) -> HasilApi<Tahap> {
    p.periksa_csrf_api(&h).api(&p)?;
    Ok(Json(
        kp::buka_tahap(&s.layanan, &p.konteks, &kid, urutan)
            .await
            .api(&p)?,
    ))
}

/// Tutup tahap: pendaftaran (yang diajukan lolos), seleksi (semua sudah diputuskan), penilaian (peringkat per kelompok, `peringkat-inovasi`)
#[utoipa::path(post, path = "/kompetisi/{kid}/tahap/{urutan}/tutup", tag = "kompetisi", params(JalurTahap),
    request_body = MasukanTutup,
    responses((status = 200, description = "Ditutup", body = RingkasTutup)))]
async fn tutup_tahap(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((kid, urutan)): Path<(String, i64)>,
    JsonMasuk(m): JsonMasuk<MasukanTutup>,
) -> HasilApi<RingkasTutup> {
    p.periksa_csrf_api(&h).api(&p)?;
    Ok(Json(
        hs::tutup_tahap(&s.layanan, &p.konteks, &kid, urutan, m)
            .await
            .api(&p)?,
    ))
}

/// Umumkan hasil tahap yang ditutup (daftar hasil menjadi publik; penghargaan dicatat di repositori)
#[utoipa::path(post, path = "/kompetisi/{kid}/tahap/{urutan}/umumkan", tag = "kompetisi", params(JalurTahap),
    responses((status = 200, description = "Diumumkan", body = Tahap)))]
async fn umumkan(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((kid, urutan)): Path<(String, i64)>,
) -> HasilApi<Tahap> {
    p.periksa_csrf_api(&h).api(&p)?;
    Ok(Json(
        hs::umumkan(&s.layanan, &p.konteks, &kid, urutan)
            .await
            .api(&p)?,
    ))
}

/// Tugaskan juri secara massal (seimbang, tanpa konflik instansi/wilayah/pernyataan, minimum per entri)
#[utoipa::path(post, path = "/kompetisi/{kid}/tahap/{urutan}/penugasan", tag = "kompetisi", params(JalurTahap),
    responses((status = 200, description = "Penugasan", body = HasilPenugasan)))]
async fn tugaskan(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((kid, urutan)): Path<(String, i64)>,
) -> HasilApi<HasilPenugasan> {
    p.periksa_csrf_api(&h).api(&p)?;
    Ok(Json(
        jr::tugaskan(&s.layanan, &p.konteks, &kid, urutan)
            .await
            .api(&p)?,
    ))
}

/// Kemajuan penilaian per entri (penyelenggara); nilai per juri hanya setelah tahap ditutup
#[utoipa::path(get, path = "/kompetisi/{kid}/tahap/{urutan}/kemajuan", tag = "kompetisi", params(JalurTahap),
    responses((status = 200, description = "Kemajuan", body = Vec<KemajuanEntri>)))]
async fn kemajuan(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((kid, urutan)): Path<(String, i64)>,
) -> HasilApi<Vec<KemajuanEntri>> {
    Ok(Json(
        hs::kemajuan(&s.layanan, &p.konteks, &kid, urutan)
            .await
            .api(&p)?,
    ))
}

/// Keputusan penyelenggara: lolos/tidak di tahap seleksi, atau memutus seri di batas (alasan wajib bila tidak lolos atau seri)
#[utoipa::path(post, path = "/kompetisi/{kid}/tahap/{urutan}/keputusan", tag = "kompetisi", params(JalurTahap),
    request_body = MasukanKeputusan,
    responses((status = 200, description = "Diputuskan", body = HasilTahap)))]
async fn keputusan(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((kid, urutan)): Path<(String, i64)>,
    JsonMasuk(m): JsonMasuk<MasukanKeputusan>,
) -> HasilApi<HasilTahap> {
    p.periksa_csrf_api(&h).api(&p)?;
    Ok(Json(
        hs::putuskan(&s.layanan, &p.konteks, &kid, urutan, m)
            .await
            .api(&p)?,
    ))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct TanyaHasil {
    /// `json` (bawaan), `xlsx`, atau `pdf` (lampiran keputusan).
    #[serde(default)]
    #[param(max_length = 10)]
    format: Option<String>,
}

/// Daftar hasil tahap: publik setelah diumumkan (yang lolos); penyelenggara sejak ditutup (semua, dengan alasan)
#[utoipa::path(get, path = "/kompetisi/{kid}/tahap/{urutan}/hasil", tag = "kompetisi",
    params(JalurTahap, TanyaHasil),
    responses((status = 200, description = "Hasil", body = DaftarHasil, content(
        (DaftarHasil = "application/json"),
        (super::openapi::Berkas = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (super::openapi::Berkas = "application/pdf")))))]
async fn hasil(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((kid, urutan)): Path<(String, i64)>,
    QueryMasuk(q): QueryMasuk<TanyaHasil>,
) -> Response {
    let d = match hs::daftar(&s.layanan, &p.konteks, &kid, urutan).await {
        Ok(d) => d,
        Err(g) => return GalatApi(g, p.bahasa()).into_response(),
    };
    match q.format.as_deref() {
        None | Some("json") => Json(d).into_response(),
        Some("xlsx") => match hs::xlsx(&d, p.bahasa()) {
            Ok(isi) => crate::halaman::impor::unduhan(
                "hasil-kompetisi.xlsx",
                app::impor::Format::Xlsx,
                isi,
            ),
            Err(g) => GalatApi(g, p.bahasa()).into_response(),
        },
        Some("pdf") => match hs::pdf(
            &s.layanan,
            &kid,
            &d,
            p.konteks
                .aktor
                .as_ref()
                .map(|a| a.nama.as_str())
                .unwrap_or(""),
        )
        .await
        {
            Ok(isi) => (
                [
                    (header::CONTENT_TYPE, "application/pdf"),
                    (
                        header::CONTENT_DISPOSITION,
                        "attachment; filename=\"hasil-kompetisi.pdf\"",
                    ),
                ],
                isi,
            )
                .into_response(),
            Err(g) => GalatApi(g, p.bahasa()).into_response(),
        },
        Some(_) => {
            let pesan = p
                .konteks
                .t("Format json, xlsx atau pdf.", "Format json, xlsx or pdf.");
            GalatApi(
                app::Galat::input(
                    pesan,
                    std::collections::BTreeMap::from([("format".to_string(), pesan.to_string())]),
                ),
                p.bahasa(),
            )
            .into_response()
        }
    }
}

/// Juri kompetisi (penyelenggara)
#[utoipa::path(get, path = "/kompetisi/{kid}/juri", tag = "kompetisi", params(JalurKompetisi),
    responses((status = 200, description = "Juri", body = Vec<Juri>)))]
async fn daftar_juri(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(kid): Path<String>,
) -> HasilApi<Vec<Juri>> {
    Ok(Json(
        jr::daftar(&s.layanan, &p.konteks, &kid).await.api(&p)?,
    ))
}

/// Tambah juri dari akun yang ada (juri eksternal: akun di instansi penyelenggara, `eksternal: true`)
#[utoipa::path(post, path = "/kompetisi/{kid}/juri", tag = "kompetisi", params(JalurKompetisi),
    request_body = MasukanJuri,
    responses((status = 201, description = "Ditambahkan", body = Juri)))]
async fn tambah_juri(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path(kid): Path<String>,
    JsonMasuk(m): JsonMasuk<MasukanJuri>,
) -> Result<(StatusCode, Json<Juri>), GalatApi> {
    p.periksa_csrf_api(&h).api(&p)?;
    Ok((
        StatusCode::CREATED,
        Json(jr::tambah(&s.layanan, &p.konteks, &kid, m).await.api(&p)?),
    ))
}

/// Juri menyatakan konflik kepentingan atas satu entri (penugasannya yang belum ditutup dicabut)
#[utoipa::path(post, path = "/kompetisi/{kid}/konflik", tag = "kompetisi", params(JalurKompetisi),
    request_body = MasukanKonflik,
    responses((status = 200, description = "Tercatat", body = Konflik)))]
async fn konflik(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path(kid): Path<String>,
    JsonMasuk(m): JsonMasuk<MasukanKonflik>,
) -> HasilApi<Konflik> {
    p.periksa_csrf_api(&h).api(&p)?;
    Ok(Json(
        jr::nyatakan_konflik(&s.layanan, &p.konteks, &kid, m)
            .await
            .api(&p)?,
    ))
}

/// Entri yang ditugaskan kepada saya (juri), dengan nilai saya sendiri saja
#[utoipa::path(get, path = "/kompetisi/{kid}/tugas-saya", tag = "kompetisi", params(JalurKompetisi),
    responses((status = 200, description = "Tugas", body = Vec<TugasJuri>)))]
async fn tugas_saya(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(kid): Path<String>,
) -> HasilApi<Vec<TugasJuri>> {
    Ok(Json(
        jr::tugas_saya(&s.layanan, &p.konteks, &kid).await.api(&p)?,
    ))
}

/// Entri yang sudah diajukan (penyelenggara)
#[utoipa::path(get, path = "/kompetisi/{kid}/entri", tag = "kompetisi", params(JalurKompetisi),
    responses((status = 200, description = "Entri", body = Vec<RingkasEntri>)))]
async fn entri_penyelenggara(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(kid): Path<String>,
) -> HasilApi<Vec<RingkasEntri>> {
    Ok(Json(
        hs::entri_penyelenggara(&s.layanan, &p.konteks, &kid)
            .await
            .api(&p)?,
    ))
}

/// Buat draf entri untuk instansi Anda (pendaftaran buka); draf tidak ditolak karena belum lengkap
#[utoipa::path(post, path = "/kompetisi/{kid}/entri", tag = "kompetisi", params(JalurKompetisi),
    request_body = MasukanEntri,
    responses((status = 201, description = "Draf", body = Entri)))]
async fn buat_entri(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path(kid): Path<String>,
    JsonMasuk(m): JsonMasuk<MasukanEntri>,
) -> Result<(StatusCode, Json<Entri>), GalatApi> {
    p.periksa_csrf_api(&h).api(&p)?;
    Ok((
        StatusCode::CREATED,
        Json(en::buat(&s.layanan, &p.konteks, &kid, m).await.api(&p)?),
    ))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct TanyaEntriSaya {
    /// Hanya kompetisi ini.
    #[serde(default)]
    #[param(max_length = 64)]
    kompetisi: Option<String>,
}

/// Entri instansi Anda (peserta)
#[utoipa::path(get, path = "/entri-kompetisi", tag = "kompetisi", params(TanyaEntriSaya),
    responses((status = 200, description = "Entri", body = Vec<Entri>)))]
async fn entri_saya(
    State(s): State<AppState>,
    p: Pengunjung,
    QueryMasuk(q): QueryMasuk<TanyaEntriSaya>,
) -> HasilApi<Vec<Entri>> {
    Ok(Json(
        en::milik_saya(&s.layanan, &p.konteks, q.kompetisi.as_deref())
            .await
            .api(&p)?,
    ))
}

/// Satu entri (peserta, penyelenggara, juri yang ditugaskan); hasil per tahap bagi peserta dan penyelenggara
#[utoipa::path(get, path = "/entri-kompetisi/{eid}", tag = "kompetisi", params(JalurEntri),
    responses((status = 200, description = "Entri", body = DetailEntri)))]
async fn lihat_entri(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(eid): Path<String>,
) -> HasilApi<DetailEntri> {
    Ok(Json(en::lihat(&s.layanan, &p.konteks, &eid).await.api(&p)?))
}

/// Ubah draf entri (versi wajib)
#[utoipa::path(put, path = "/entri-kompetisi/{eid}", tag = "kompetisi",
    params(JalurEntri, super::JikaCocok), request_body = MasukanEntri,
    responses((status = 200, description = "Diubah", body = Entri)))]
async fn ubah_entri(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path(eid): Path<String>,
    JsonMasuk(m): JsonMasuk<MasukanEntri>,
) -> HasilApi<Entri> {
    p.periksa_csrf_api(&h).api(&p)?;
    let versi = versi_wajib(&p.konteks, super::versi_dari(&p, &h, m.versi)?).api(&p)?;
    Ok(Json(
        en::ubah(&s.layanan, &p.konteks, &eid, versi, m)
            .await
            .api(&p)?,
    ))
}

/// Ajukan entri: kelengkapan dan kelayakan kelompok diperiksa (422 `entri_belum_lengkap` per kolom)
#[utoipa::path(post, path = "/entri-kompetisi/{eid}/ajukan", tag = "kompetisi",
    params(JalurEntri, super::JikaCocok), request_body = BadanVersi,
    responses((status = 200, description = "Diajukan", body = Entri)))]
async fn ajukan(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path(eid): Path<String>,
    JsonMasuk(m): JsonMasuk<BadanVersi>,
) -> HasilApi<Entri> {
    p.periksa_csrf_api(&h).api(&p)?;
    let versi = versi_wajib(&p.konteks, super::versi_dari(&p, &h, m.versi)?).api(&p)?;
    Ok(Json(
        en::ajukan(&s.layanan, &p.konteks, &eid, versi)
            .await
            .api(&p)?,
    ))
}

/// Tarik entri yang diajukan (kembali draf) selama pendaftaran buka
#[utoipa::path(post, path = "/entri-kompetisi/{eid}/tarik", tag = "kompetisi",
    params(JalurEntri, super::JikaCocok), request_body = BadanVersi,
    responses((status = 200, description = "Ditarik", body = Entri)))]
async fn tarik(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path(eid): Path<String>,
    JsonMasuk(m): JsonMasuk<BadanVersi>,
) -> HasilApi<Entri> {
    p.periksa_csrf_api(&h).api(&p)?;
    let versi = versi_wajib(&p.konteks, super::versi_dari(&p, &h, m.versi)?).api(&p)?;
    Ok(Json(
        en::tarik(&s.layanan, &p.konteks, &eid, versi)
            .await
            .api(&p)?,
    ))
}

/// Nilai juri atas satu entri di tahap penilaian yang buka (skor 0–100 per kriteria; versi penugasan wajib; diaudit)
#[utoipa::path(put, path = "/entri-kompetisi/{eid}/nilai/{urutan}", tag = "kompetisi",
    params(JalurNilai, super::JikaCocok), request_body = MasukanNilai,
    responses((status = 200, description = "Tersimpan", body = Penilaian)))]
async fn nilai(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((eid, urutan)): Path<(String, i64)>,
    JsonMasuk(m): JsonMasuk<MasukanNilai>,
) -> HasilApi<Penilaian> {
    p.periksa_csrf_api(&h).api(&p)?;
    let versi = versi_wajib(&p.konteks, super::versi_dari(&p, &h, m.versi)?).api(&p)?;
    Ok(Json(
        jr::nilai(&s.layanan, &p.konteks, &eid, urutan, versi, m)
            .await
            .api(&p)?,
    ))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct TanyaBukti {
    /// `mini` (bawaan), `kecil` atau `asli` (lampiran).
    #[serde(default)]
    #[param(max_length = 10)]
    varian: Option<String>,
}

/// Bukti entri bagi yang boleh membaca entrinya (juri yang ditugaskan, penyelenggara, peserta)
#[utoipa::path(get, path = "/entri-kompetisi/{eid}/bukti/{bid}", tag = "kompetisi",
    params(JalurBuktiEntri, TanyaBukti),
    responses((status = 200, description = "Isi berkas", content(
        (super::openapi::Berkas = "image/jpeg"),
        (super::openapi::Berkas = "application/pdf")))))]
async fn bukti_entri(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((eid, bid)): Path<(String, String)>,
    QueryMasuk(q): QueryMasuk<TanyaBukti>,
) -> Response {
    let Some(varian) = Varian::dari_kode(q.varian.as_deref().unwrap_or("mini")) else {
        let pesan = p.konteks.t(
            "Varian harus asli, kecil atau mini.",
            "The variant must be asli, kecil or mini.",
        );
        return GalatApi(
            app::Galat::input(
                pesan,
                std::collections::BTreeMap::from([("varian".to_string(), pesan.to_string())]),
            ),
            p.bahasa(),
        )
        .into_response();
    };
    match en::bukti(&s.layanan, &p.konteks, &eid, &bid, varian).await {
        Ok(saji) => {
            let mut h = HeaderMap::new();
            h.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_str(&saji.jenis_mime)
                    .unwrap_or_else(|_| HeaderValue::from_static("application/octet-stream")),
            );
            h.insert(
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static(if saji.lampiran {
                    "attachment"
                } else {
                    "inline"
                }),
            );
            h.insert(
                "x-content-type-options",
                HeaderValue::from_static("nosniff"),
            );
            (h, saji.isi).into_response()
        }
        Err(g) => GalatApi(g, p.bahasa()).into_response(),
    }
}
