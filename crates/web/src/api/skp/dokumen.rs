//! Dokumen SKP dan evaluasi (PDF), rekap rating, ekspor/impor realisasi.

use super::*;

pub(super) fn pdf(nama: &str, isi: Vec<u8>) -> Response {
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
    responses((status = 200, description = "PDF", content((crate::api::openapi::Berkas = "application/pdf")))))]
pub(super) async fn skp_pdf(
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
pub(super) struct JalurPeriode {
    iid: String,
    skp_id: String,
    /// Kode periode, mis. `2026-TW1` atau `2026-TAHUNAN`.
    periode: String,
}

/// Dokumen Evaluasi Kinerja Pegawai satu periode (PDF; DRAF sampai kurva unitnya final)
#[utoipa::path(get, path = "/instansi/{iid}/skp/{skp_id}/evaluasi/{periode}/pdf", tag = "skp",
    params(JalurPeriode),
    responses((status = 200, description = "PDF", content((crate::api::openapi::Berkas = "application/pdf")))))]
pub(super) async fn evaluasi_pdf(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id, periode)): Path<(String, String, String)>,
) -> Response {
    match sk::dokumen::evaluasi_pdf(&s.layanan, &p.konteks, &iid, &id, &periode).await {
        Ok(isi) => pdf("evaluasi-kinerja.pdf", isi),
        Err(g) => GalatApi(g, p.bahasa()).into_response(),
    }
}

/// `?format=`: kosong = XLSX; selain `csv`/`xlsx` = 422 pada field `format`.
pub(super) fn format_berkas(
    b: app::Bahasa,
    kode: Option<&str>,
) -> Result<app::impor::Format, Response> {
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
pub(super) struct TanyaRekap {
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
        (crate::api::openapi::Berkas = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (crate::api::openapi::Berkas = "text/csv")))))]
pub(super) async fn rekap_rating(
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
        (crate::api::openapi::Berkas = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (crate::api::openapi::Berkas = "text/csv")))))]
pub(super) async fn ekspor_realisasi(
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

#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct RealisasiDiterima {
    laporan: app::skp::impor::LaporanRealisasiSkp,
}

/// Impor realisasi SKP dari XLSX/CSV (kolom ekspor), hanya pemilik; semua atau tidak sama sekali
///
/// 200 `{"laporan"}`; 422 `impor_ditolak` dengan laporan per baris. Baris
/// yang sama dengan realisasi terakhir tidak digandakan.
#[utoipa::path(post, path = "/instansi/{iid}/skp/{skp_id}/realisasi/impor", tag = "skp",
    params(JalurSkp, TanyaImporRealisasi),
    request_body(content = crate::api::openapi::Berkas, content_type = "application/octet-stream",
        description = "Isi berkas CSV atau XLSX; jenisnya dikenali dari isi"),
    responses((status = 200, description = "Diterima", body = RealisasiDiterima)))]
pub(super) async fn impor_realisasi(
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
        Ok(lap) => crate::api::impor::impor_ditolak(b, lap.jumlah_galat, &lap),
        Err(g) => galat(g),
    }
}
