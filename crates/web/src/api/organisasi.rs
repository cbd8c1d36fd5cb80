//! API organisasi: instansi, unit kerja, jabatan, pegawai, riwayat audit.

use super::{HasilApi, JsonMasuk, KeApi, QueryMasuk};
use crate::AppState;
use crate::pengunjung::Pengunjung;
use app::organisasi::{instansi, jabatan, pegawai, unit};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use store::organisasi::{BarisPegawai, Instansi, Jabatan, Pegawai, UnitKerja};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(daftar_instansi, buat_instansi))
        .routes(routes!(lihat_instansi, ubah_instansi))
        .routes(routes!(daftar_unit, buat_unit))
        .routes(routes!(lihat_unit, ubah_unit))
        .routes(routes!(daftar_jabatan, buat_jabatan))
        .routes(routes!(daftar_pegawai, buat_pegawai))
        .routes(routes!(lihat_pegawai, ubah_pegawai))
        .routes(routes!(riwayat_pegawai))
}

/// Daftar instansi yang boleh dilihat
#[utoipa::path(get, path = "/instansi", tag = "organisasi",
    responses((status = 200, description = "Instansi", body = Vec<Instansi>)))]
async fn daftar_instansi(State(s): State<AppState>, p: Pengunjung) -> HasilApi<Vec<Instansi>> {
    Ok(Json(
        instansi::daftar(&s.layanan, &p.konteks).await.api(&p)?,
    ))
}

/// Buat instansi (super admin)
#[utoipa::path(post, path = "/instansi", tag = "organisasi",
    request_body = instansi::MasukanInstansi,
    responses((status = 201, description = "Dibuat", body = Instansi)))]
async fn buat_instansi(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    JsonMasuk(m): JsonMasuk<instansi::MasukanInstansi>,
) -> Result<(StatusCode, Json<Instansi>), crate::galat::GalatApi> {
    p.periksa_csrf_api(&h).api(&p)?;
    Ok((
        StatusCode::CREATED,
        Json(instansi::buat(&s.layanan, &p.konteks, m).await.api(&p)?),
    ))
}

/// Satu instansi
#[utoipa::path(get, path = "/instansi/{iid}", tag = "organisasi", params(super::JalurInstansi),
    responses((status = 200, description = "Instansi", body = Instansi)))]
async fn lihat_instansi(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
) -> HasilApi<Instansi> {
    Ok(Json(
        instansi::lihat(&s.layanan, &p.konteks, &iid)
            .await
            .api(&p)?,
    ))
}

/// Ubah instansi (versi di badan atau If-Match)
#[utoipa::path(put, path = "/instansi/{iid}", tag = "organisasi",
    params(super::JalurInstansi, super::JikaCocok),
    request_body = instansi::MasukanInstansi,
    responses((status = 200, description = "Diubah", body = Instansi)))]
async fn ubah_instansi(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path(iid): Path<String>,
    JsonMasuk(m): JsonMasuk<instansi::MasukanInstansi>,
) -> HasilApi<Instansi> {
    p.periksa_csrf_api(&h).api(&p)?;
    let mut m = m;
    m.versi = super::versi_dari(&p, &h, m.versi)?;
    Ok(Json(
        instansi::ubah(&s.layanan, &p.konteks, &iid, m)
            .await
            .api(&p)?,
    ))
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct QTanggal {
    /// Tanggal berlaku YYYY-MM-DD (bawaan: hari ini di zona waktu instansi).
    #[serde(default)]
    tanggal: Option<String>,
}

/// Pohon unit kerja yang berlaku pada tanggal (bawaan hari ini)
#[utoipa::path(get, path = "/instansi/{iid}/unit", tag = "organisasi",
    params(super::JalurInstansi, QTanggal),
    responses((status = 200, description = "Pohon unit, urut kedalaman-dulu", body = Vec<unit::SimpulUnit>)))]
async fn daftar_unit(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
    QueryMasuk(q): QueryMasuk<QTanggal>,
) -> HasilApi<Vec<unit::SimpulUnit>> {
    Ok(Json(
        unit::pohon(&s.layanan, &p.konteks, &iid, q.tanggal.as_deref())
            .await
            .api(&p)?,
    ))
}

/// Buat unit kerja
#[utoipa::path(post, path = "/instansi/{iid}/unit", tag = "organisasi", params(super::JalurInstansi),
    request_body = unit::MasukanUnit,
    responses((status = 201, description = "Dibuat", body = UnitKerja)))]
async fn buat_unit(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path(iid): Path<String>,
    JsonMasuk(m): JsonMasuk<unit::MasukanUnit>,
) -> Result<(StatusCode, Json<UnitKerja>), crate::galat::GalatApi> {
    p.periksa_csrf_api(&h).api(&p)?;
    Ok((
        StatusCode::CREATED,
        Json(unit::buat(&s.layanan, &p.konteks, &iid, m).await.api(&p)?),
    ))
}

/// Satu unit kerja
#[utoipa::path(get, path = "/instansi/{iid}/unit/{id}", tag = "organisasi", params(super::JalurRekaman),
    responses((status = 200, description = "Unit kerja", body = UnitKerja)))]
async fn lihat_unit(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
) -> HasilApi<UnitKerja> {
    Ok(Json(
        unit::lihat(&s.layanan, &p.konteks, &iid, &id)
            .await
            .api(&p)?,
    ))
}

/// Ubah unit kerja (versi untuk penguncian optimistis)
#[utoipa::path(put, path = "/instansi/{iid}/unit/{id}", tag = "organisasi",
    params(super::JalurRekaman, super::JikaCocok),
    request_body = unit::MasukanUnit,
    responses((status = 200, description = "Diubah", body = UnitKerja)))]
async fn ubah_unit(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((iid, id)): Path<(String, String)>,
    JsonMasuk(m): JsonMasuk<unit::MasukanUnit>,
) -> HasilApi<UnitKerja> {
    p.periksa_csrf_api(&h).api(&p)?;
    let mut m = m;
    m.versi = super::versi_dari(&p, &h, m.versi)?;
    Ok(Json(
        unit::ubah(&s.layanan, &p.konteks, &iid, &id, m)
            .await
            .api(&p)?,
    ))
}

/// Daftar jabatan
#[utoipa::path(get, path = "/instansi/{iid}/jabatan", tag = "organisasi", params(super::JalurInstansi),
    responses((status = 200, description = "Jabatan", body = Vec<Jabatan>)))]
async fn daftar_jabatan(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
) -> HasilApi<Vec<Jabatan>> {
    Ok(Json(
        jabatan::daftar(&s.layanan, &p.konteks, &iid)
            .await
            .api(&p)?,
    ))
}

/// Buat jabatan
#[utoipa::path(post, path = "/instansi/{iid}/jabatan", tag = "organisasi", params(super::JalurInstansi),
    request_body = jabatan::MasukanJabatan,
    responses((status = 201, description = "Dibuat", body = Jabatan)))]
async fn buat_jabatan(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path(iid): Path<String>,
    JsonMasuk(m): JsonMasuk<jabatan::MasukanJabatan>,
) -> Result<(StatusCode, Json<Jabatan>), crate::galat::GalatApi> {
    p.periksa_csrf_api(&h).api(&p)?;
    Ok((
        StatusCode::CREATED,
        Json(
            jabatan::buat(&s.layanan, &p.konteks, &iid, m)
                .await
                .api(&p)?,
        ),
    ))
}

/// Daftar pegawai: cari, saring, halaman di server (kolom direktori)
#[utoipa::path(get, path = "/instansi/{iid}/pegawai", tag = "organisasi",
    params(super::JalurInstansi, pegawai::CariPegawai),
    responses((status = 200, description = "Satu halaman", body = pegawai::Halaman<BarisPegawai>)))]
async fn daftar_pegawai(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
    QueryMasuk(c): QueryMasuk<pegawai::CariPegawai>,
) -> HasilApi<pegawai::Halaman<BarisPegawai>> {
    Ok(Json(
        pegawai::daftar(&s.layanan, &p.konteks, &iid, &c)
            .await
            .api(&p)?,
    ))
}

/// Tambah pegawai
#[utoipa::path(post, path = "/instansi/{iid}/pegawai", tag = "organisasi", params(super::JalurInstansi),
    request_body = pegawai::MasukanPegawai,
    responses((status = 201, description = "Dibuat", body = Pegawai)))]
async fn buat_pegawai(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path(iid): Path<String>,
    JsonMasuk(m): JsonMasuk<pegawai::MasukanPegawai>,
) -> Result<(StatusCode, Json<Pegawai>), crate::galat::GalatApi> {
    p.periksa_csrf_api(&h).api(&p)?;
    Ok((
        StatusCode::CREATED,
        Json(
            pegawai::buat(&s.layanan, &p.konteks, &iid, m)
                .await
                .api(&p)?,
        ),
    ))
}

/// Detail pegawai (pembacaan oleh orang lain dicatat di audit)
#[utoipa::path(get, path = "/instansi/{iid}/pegawai/{id}", tag = "organisasi", params(super::JalurRekaman),
    responses((status = 200, description = "Detail sesuai hak pembaca", body = pegawai::DetailPegawai)))]
async fn lihat_pegawai(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
) -> HasilApi<pegawai::DetailPegawai> {
    Ok(Json(
        pegawai::lihat(&s.layanan, &p.konteks, &iid, &id)
            .await
            .api(&p)?,
    ))
}

/// Ubah pegawai
#[utoipa::path(put, path = "/instansi/{iid}/pegawai/{id}", tag = "organisasi",
    params(super::JalurRekaman, super::JikaCocok),
    request_body = pegawai::MasukanPegawai,
    responses((status = 200, description = "Diubah", body = Pegawai)))]
async fn ubah_pegawai(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((iid, id)): Path<(String, String)>,
    JsonMasuk(m): JsonMasuk<pegawai::MasukanPegawai>,
) -> HasilApi<Pegawai> {
    p.periksa_csrf_api(&h).api(&p)?;
    let mut m = m;
    m.versi = super::versi_dari(&p, &h, m.versi)?;
    Ok(Json(
        pegawai::ubah(&s.layanan, &p.konteks, &iid, &id, m)
            .await
            .api(&p)?,
    ))
}

/// Riwayat perubahan (audit); hanya dengan akses penuh atas rekaman itu
#[utoipa::path(get, path = "/instansi/{iid}/pegawai/{id}/riwayat", tag = "organisasi", params(super::JalurRekaman),
    responses((status = 200, description = "Catatan audit, terbaru dulu", body = Vec<app::audit::Catatan>)))]
async fn riwayat_pegawai(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
) -> HasilApi<Vec<app::audit::Catatan>> {
    // Kebijakan riwayat: 404 bila pegawai tidak ada, 403 tanpa akses penuh.
    Ok(Json(
        app::audit::riwayat(&s.layanan, &p.konteks, &iid, "pegawai", &id)
            .await
            .api(&p)?,
    ))
}
