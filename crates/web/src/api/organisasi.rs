//! API organisasi: instansi, unit kerja, jabatan, pegawai, riwayat audit.

use super::{HasilApi, JsonMasuk, KeApi, QueryMasuk};
use crate::AppState;
use crate::pengunjung::Pengunjung;
use app::organisasi::{instansi, jabatan, pegawai, unit};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::get;
use axum::{Json, Router};
use store::organisasi::{BarisPegawai, Instansi, Jabatan, Pegawai, UnitKerja};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/instansi", get(daftar_instansi).post(buat_instansi))
        .route("/instansi/{iid}", get(lihat_instansi).put(ubah_instansi))
        .route("/instansi/{iid}/unit", get(daftar_unit).post(buat_unit))
        .route("/instansi/{iid}/unit/{id}", get(lihat_unit).put(ubah_unit))
        .route(
            "/instansi/{iid}/jabatan",
            get(daftar_jabatan).post(buat_jabatan),
        )
        .route(
            "/instansi/{iid}/pegawai",
            get(daftar_pegawai).post(buat_pegawai),
        )
        .route(
            "/instansi/{iid}/pegawai/{id}",
            get(lihat_pegawai).put(ubah_pegawai),
        )
        .route("/instansi/{iid}/pegawai/{id}/riwayat", get(riwayat_pegawai))
}

async fn daftar_instansi(State(s): State<AppState>, p: Pengunjung) -> HasilApi<Vec<Instansi>> {
    Ok(Json(
        instansi::daftar(&s.layanan, &p.konteks).await.api(&p)?,
    ))
}

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

#[derive(serde::Deserialize)]
struct QTanggal {
    #[serde(default)]
    tanggal: Option<String>,
}

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

async fn riwayat_pegawai(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
) -> HasilApi<Vec<app::audit::Catatan>> {
    // Memastikan pegawai itu ada di instansi ini sebelum membuka riwayatnya.
    pegawai::lihat(&s.layanan, &p.konteks, &iid, &id)
        .await
        .api(&p)?;
    Ok(Json(
        app::audit::riwayat(&s.layanan, &p.konteks, &iid, "pegawai", &id)
            .await
            .api(&p)?,
    ))
}
