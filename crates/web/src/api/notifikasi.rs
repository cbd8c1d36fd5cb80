//! API notifikasi milik sendiri.

use super::{HasilApi, KeApi};
use crate::AppState;
use crate::pengunjung::Pengunjung;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(daftar))
        .routes(routes!(baca))
}

#[derive(serde::Serialize, utoipa::ToSchema)]
struct DaftarNotifikasi {
    belum_dibaca: i64,
    isi: Vec<store::notifikasi::Notifikasi>,
}

/// Notifikasi milik sendiri (100 terbaru) dan jumlah yang belum dibaca
#[utoipa::path(get, path = "/notifikasi", tag = "notifikasi",
    responses((status = 200, description = "Notifikasi", body = DaftarNotifikasi)))]
async fn daftar(State(s): State<AppState>, p: Pengunjung) -> HasilApi<DaftarNotifikasi> {
    let l = &s.layanan;
    let isi = app::notifikasi::daftar(l, &p.konteks).await.api(&p)?;
    let belum_dibaca = app::notifikasi::jumlah_belum_dibaca(l, &p.konteks)
        .await
        .api(&p)?;
    Ok(Json(DaftarNotifikasi { belum_dibaca, isi }))
}

/// Tandai notifikasi dibaca
#[utoipa::path(post, path = "/notifikasi/{id}/baca", tag = "notifikasi", params(super::JalurId),
    responses((status = 204, description = "Ditandai dibaca")))]
async fn baca(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path(id): Path<String>,
) -> Result<StatusCode, crate::galat::GalatApi> {
    p.periksa_csrf_api(&h).api(&p)?;
    app::notifikasi::tandai_dibaca(&s.layanan, &p.konteks, Some(&id))
        .await
        .api(&p)?;
    Ok(StatusCode::NO_CONTENT)
}
