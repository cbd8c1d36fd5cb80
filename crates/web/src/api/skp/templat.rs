//! Rencana SKP dari berkas dan templat per jabatan.

use super::*;

#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
pub(super) struct JalurTemplat {
    iid: String,
    /// Id jabatan.
    jabatan_id: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct RencanaDiterima {
    laporan: app::skp::rencana_berkas::LaporanRencanaSkp,
}

/// Badan multipart impor rencana/templat: satu berkas `berkas`.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub(super) struct BadanBerkasRencana {
    /// Berkas CSV atau XLSX (kolom rencana SKP).
    #[schema(value_type = crate::api::openapi::Berkas)]
    berkas: Vec<u8>,
}

/// Berkas impor dari badan permintaan: mentah (seperti `impor_realisasi`,
/// nama dari `?nama_berkas=`) atau multipart dengan field `berkas`. CSRF
/// sesi dari header; batas 10 MB (lapisan `DefaultBodyLimit`).
pub(super) async fn badan_berkas(
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
pub(super) fn jawab_laporan(
    b: app::Bahasa,
    hasil: Result<app::skp::rencana_berkas::LaporanRencanaSkp, Galat>,
) -> Response {
    match hasil {
        Ok(laporan) if laporan.diterima => Json(RencanaDiterima { laporan }).into_response(),
        Ok(lap) => crate::api::impor::impor_ditolak(b, lap.jumlah_galat, &lap),
        Err(g) => GalatApi(g, b).into_response(),
    }
}

pub(super) fn nama_unduhan(dasar: &str, format: app::impor::Format) -> String {
    match format {
        app::impor::Format::Csv => format!("{dasar}.csv"),
        app::impor::Format::Xlsx => format!("{dasar}.xlsx"),
    }
}

/// Ekspor rencana SKP (RHK dan IKI) sebagai XLSX/CSV: satu baris per indikator; kolom sama dengan impor
#[utoipa::path(get, path = "/instansi/{iid}/skp/{skp_id}/rencana/ekspor", tag = "skp",
    params(JalurSkp, TanyaFormat),
    responses((status = 200, description = "Berkas", content(
        (crate::api::openapi::Berkas = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (crate::api::openapi::Berkas = "text/csv")))))]
pub(super) async fn ekspor_rencana(
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
        content((crate::api::openapi::Berkas = "application/octet-stream"),
            (BadanBerkasRencana = "multipart/form-data"))),
    responses((status = 200, description = "Diterima", body = RencanaDiterima)))]
pub(super) async fn impor_rencana(
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
pub(super) async fn daftar_templat(
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
        (crate::api::openapi::Berkas = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (crate::api::openapi::Berkas = "text/csv")))))]
pub(super) async fn unduh_templat(
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
        content((crate::api::openapi::Berkas = "application/octet-stream"),
            (BadanBerkasRencana = "multipart/form-data"))),
    responses((status = 200, description = "Diterima", body = RencanaDiterima)))]
pub(super) async fn unggah_templat(
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
        (status = 404, description = "Tidak ada templat", body = crate::api::openapi::Galat)))]
pub(super) async fn hapus_templat(
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
pub(super) async fn jadikan_templat(
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
