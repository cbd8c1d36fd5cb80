//! API impor dan ekspor: badan permintaan adalah berkasnya sendiri (CSV atau
//! XLSX), laporan per baris sebagai JSON; ekspor sebagai lampiran.

use super::QueryMasuk;
use crate::AppState;
use crate::halaman::impor::unduhan;
use crate::pengunjung::Pengunjung;
use app::Galat;
use app::impor::{BATAS_UKURAN, Format, Jenis};
use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouterExt};
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(api_impor_pegawai).layer(DefaultBodyLimit::max(BATAS_UKURAN)))
        .routes(routes!(api_impor_pegawai_siasn).layer(DefaultBodyLimit::max(BATAS_UKURAN)))
        .routes(routes!(api_impor_unit).layer(DefaultBodyLimit::max(BATAS_UKURAN)))
        .routes(routes!(api_ekspor_pegawai))
        .routes(routes!(api_ekspor_unit))
}

/// Laporan impor yang diterima.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct LaporanDiterima {
    pub(crate) laporan: app::impor::LaporanImpor,
}

/// 422 impor: galat biasa ditambah laporannya (tidak ada yang ditulis).
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct GalatImpor {
    error: super::openapi::RincianGalat,
    laporan: Option<app::impor::LaporanImpor>,
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct TanyaImpor {
    /// Nama berkas asli (untuk laporan dan audit); jenisnya tetap dikenali dari isi.
    #[serde(default)]
    nama_berkas: Option<String>,
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct TanyaEkspor {
    /// `csv` (bawaan) atau `xlsx`.
    #[serde(default)]
    #[param(value_type = Option<app::impor::Format>)]
    format: Option<String>,
}

/// Impor pegawai dari CSV/XLSX (admin instansi); semua atau tidak sama sekali
#[utoipa::path(post, path = "/instansi/{iid}/pegawai/impor", tag = "impor",
    params(super::JalurInstansi, TanyaImpor, KunciIdempotensi),
    request_body(content = super::openapi::Berkas, content_type = "application/octet-stream",
        description = "Isi berkas CSV (koma, titik koma atau tab) atau XLSX; jenisnya dikenali dari isi"),
    responses(
        (status = 200, description = "Diterima dan ditulis", body = LaporanDiterima),
        (status = 202, description = "Berkas di atas `--impor-latar-bita`: tugas latar (header Location)", body = super::tugas::TugasDiterima),
        (status = 422, description = "Ditolak; tidak ada yang ditulis", body = GalatImpor)))]
async fn api_impor_pegawai(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
    QueryMasuk(q): QueryMasuk<TanyaImpor>,
    headers: HeaderMap,
    badan: Result<Bytes, BytesRejection>,
) -> Response {
    api_impor(&s, &p, &iid, Jenis::Pegawai, q, &headers, badan).await
}

/// Impor pegawai dari ekspor SIASN (BKN) (admin instansi); semua atau tidak sama sekali
///
/// Judul kolom SIASN (`NIP_BARU`, `NAMA`, `UNOR_NAMA`, `UNOR_INDUK_NAMA`,
/// `KEDUDUKAN_HUKUM_NAMA`, `JABATAN_NAMA`, …; huruf besar/kecil, spasi dan
/// garis bawah setara; kolom lain diabaikan). Unit harus sudah ada (impor
/// unit lebih dulu). Laporan menyebut kolom dengan judul SIASN.
#[utoipa::path(post, path = "/instansi/{iid}/pegawai/impor-siasn", tag = "impor",
    params(super::JalurInstansi, TanyaImpor, KunciIdempotensi),
    request_body(content = super::openapi::Berkas, content_type = "application/octet-stream",
        description = "Ekspor SIASN sebagai CSV (koma, titik koma atau tab) atau XLSX; jenisnya dikenali dari isi"),
    responses(
        (status = 200, description = "Diterima dan ditulis", body = LaporanDiterima),
        (status = 202, description = "Berkas di atas `--impor-latar-bita`: tugas latar (header Location)", body = super::tugas::TugasDiterima),
        (status = 422, description = "Ditolak; tidak ada yang ditulis", body = GalatImpor)))]
async fn api_impor_pegawai_siasn(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
    QueryMasuk(q): QueryMasuk<TanyaImpor>,
    headers: HeaderMap,
    badan: Result<Bytes, BytesRejection>,
) -> Response {
    api_impor(&s, &p, &iid, Jenis::PegawaiSiasn, q, &headers, badan).await
}

/// Impor unit kerja dari CSV/XLSX (admin instansi); semua atau tidak sama sekali
#[utoipa::path(post, path = "/instansi/{iid}/unit/impor", tag = "impor",
    params(super::JalurInstansi, TanyaImpor, KunciIdempotensi),
    request_body(content = super::openapi::Berkas, content_type = "application/octet-stream",
        description = "Isi berkas CSV (koma, titik koma atau tab) atau XLSX; jenisnya dikenali dari isi"),
    responses(
        (status = 200, description = "Diterima dan ditulis", body = LaporanDiterima),
        (status = 202, description = "Berkas di atas `--impor-latar-bita`: tugas latar (header Location)", body = super::tugas::TugasDiterima),
        (status = 422, description = "Ditolak; tidak ada yang ditulis", body = GalatImpor)))]
async fn api_impor_unit(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
    QueryMasuk(q): QueryMasuk<TanyaImpor>,
    headers: HeaderMap,
    badan: Result<Bytes, BytesRejection>,
) -> Response {
    api_impor(&s, &p, &iid, Jenis::Unit, q, &headers, badan).await
}

/// Kunci idempotensi impor latar: permintaan ulang dengan kunci yang sama
/// menjawab tugas yang sama.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Header)]
#[allow(dead_code)]
struct KunciIdempotensi {
    #[param(rename = "Idempotency-Key")]
    kunci: Option<String>,
}

/// Ekspor pegawai (admin instansi: memuat kolom pribadi)
#[utoipa::path(get, path = "/instansi/{iid}/pegawai/ekspor", tag = "impor",
    params(super::JalurInstansi, TanyaEkspor),
    responses((status = 200, description = "Berkas lampiran", content(
        (super::openapi::Berkas = "text/csv"),
        (super::openapi::Berkas = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))))]
async fn api_ekspor_pegawai(
    s: State<AppState>,
    p: Pengunjung,
    i: Path<String>,
    q: QueryMasuk<TanyaEkspor>,
) -> Response {
    api_ekspor(s, p, i, q, Jenis::Pegawai).await
}

/// Ekspor unit kerja
#[utoipa::path(get, path = "/instansi/{iid}/unit/ekspor", tag = "impor",
    params(super::JalurInstansi, TanyaEkspor),
    responses((status = 200, description = "Berkas lampiran", content(
        (super::openapi::Berkas = "text/csv"),
        (super::openapi::Berkas = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))))]
async fn api_ekspor_unit(
    s: State<AppState>,
    p: Pengunjung,
    i: Path<String>,
    q: QueryMasuk<TanyaEkspor>,
) -> Response {
    api_ekspor(s, p, i, q, Jenis::Unit).await
}

/// `POST /api/v1/instansi/{iid}/pegawai/impor?nama_berkas=…` dengan berkas
/// sebagai badan. 200 `{"laporan": …}` bila diterima; 422 `{"error": {…},
/// "laporan": …}` bila ditolak (tidak ada yang ditulis); 413 di atas 10 MB.
/// Di atas `impor_latar_bita`: 202 `{"tugas": …, "lokasi": …}` (tugas latar;
/// laporannya menjadi hasil tugas), header `Idempotency-Key` dihormati.
async fn api_impor(
    s: &AppState,
    p: &Pengunjung,
    iid: &str,
    jenis: Jenis,
    q: TanyaImpor,
    headers: &HeaderMap,
    badan: Result<Bytes, BytesRejection>,
) -> Response {
    let b = p.bahasa();
    let galat = |g: Galat| crate::galat::GalatApi(g, b).into_response();
    if let Err(g) = p
        .konteks
        .boleh_kelola(iid)
        .and_then(|_| p.periksa_csrf_api(headers))
    {
        return galat(g);
    }
    let isi = match badan {
        Ok(isi) => isi,
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            let pesan = app::teks::t(
                b,
                "Berkas lebih dari 10 MB; bagi menjadi beberapa berkas.",
                "The file is larger than 10 MB; split it into several files.",
            );
            return galat(Galat::TerlaluBesar(pesan.into()));
        }
        Err(e) => return galat(Galat::input(e.body_text(), Default::default())),
    };
    let nama = q.nama_berkas.unwrap_or_default();
    let l = &s.layanan;
    if l.konfigurasi
        .impor_latar_bita
        .is_some_and(|batas| isi.len() > batas)
    {
        // Berkas besar: tugas latar, 202 dengan alamat statusnya.
        let kunci = headers.get("idempotency-key").and_then(|v| v.to_str().ok());
        return match app::tugas::antre_impor(l, &p.konteks, iid, jenis, &nama, &isi, kunci).await {
            Ok(t) => super::tugas::diterima_latar(&t),
            Err(g) => galat(g),
        };
    }
    let hasil = match jenis {
        Jenis::Pegawai => app::impor::impor_pegawai(l, &p.konteks, iid, &nama, &isi).await,
        Jenis::PegawaiSiasn => {
            app::impor::impor_pegawai_siasn(l, &p.konteks, iid, &nama, &isi).await
        }
        _ => app::impor::impor_unit(l, &p.konteks, iid, &nama, &isi).await,
    };
    jawab_laporan(hasil, b)
}

/// 422 `impor_ditolak` dengan laporan per baris (impor SKP, peserta aksi
/// perubahan): tidak ada yang disimpan.
pub(crate) fn impor_ditolak<T: serde::Serialize>(
    b: app::Bahasa,
    jumlah_galat: usize,
    laporan: &T,
) -> Response {
    let pesan = match b {
        app::Bahasa::Id => {
            format!("Impor ditolak: {jumlah_galat} galat. Tidak ada data yang disimpan.")
        }
        app::Bahasa::En => format!("Import rejected: {jumlah_galat} errors. Nothing was saved."),
    };
    let g = Galat::InputTidakValid {
        kode: "impor_ditolak".into(),
        pesan,
        fields: Default::default(),
    };
    crate::galat::GalatApi(g, b)
        .dengan("laporan", serde_json::to_value(laporan).unwrap_or_default())
}

/// 200 `{"laporan"}` bila diterima; 422 `impor_ditolak` dengan laporannya.
pub(crate) fn jawab_laporan(
    hasil: Result<app::impor::LaporanImpor, Galat>,
    b: app::Bahasa,
) -> Response {
    match hasil {
        Ok(laporan) if laporan.diterima => Json(LaporanDiterima { laporan }).into_response(),
        Ok(lap) => {
            let g = Galat::InputTidakValid {
                kode: "impor_ditolak".into(),
                pesan: lap.ringkasan(b),
                fields: Default::default(),
            };
            crate::galat::GalatApi(g, b)
                .dengan("laporan", serde_json::to_value(&lap).unwrap_or_default())
        }
        Err(g) => crate::galat::GalatApi(g, b).into_response(),
    }
}

/// `GET /api/v1/instansi/{iid}/pegawai/ekspor?format=csv|xlsx` (bawaan csv).
async fn api_ekspor(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
    QueryMasuk(q): QueryMasuk<TanyaEkspor>,
    jenis: Jenis,
) -> Response {
    let b = p.bahasa();
    let format = match q.format.as_deref().map(Format::dari_kode) {
        None => Format::Csv,
        Some(Some(f)) => f,
        Some(None) => {
            let mut f = std::collections::BTreeMap::new();
            f.insert(
                "format".to_string(),
                app::teks::t(
                    b,
                    "Format harus csv atau xlsx.",
                    "The format must be csv or xlsx.",
                )
                .to_string(),
            );
            return crate::galat::GalatApi(
                Galat::input(
                    app::teks::t(b, "Format tidak dikenal.", "Unknown format."),
                    f,
                ),
                b,
            )
            .into_response();
        }
    };
    let l = &s.layanan;
    let hasil = match jenis {
        Jenis::Pegawai => app::impor::ekspor_pegawai(l, &p.konteks, &iid, format).await,
        _ => app::impor::ekspor_unit(l, &p.konteks, &iid, format).await,
    };
    match hasil {
        Ok(isi) => unduhan(&app::impor::nama_berkas_ekspor(jenis, format), format, isi),
        Err(g) => crate::galat::GalatApi(g, b).into_response(),
    }
}
