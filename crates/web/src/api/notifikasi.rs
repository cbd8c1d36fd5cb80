//! API notifikasi milik sendiri.

use super::{HasilApi, KeApi};
use crate::AppState;
use crate::pengunjung::Pengunjung;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, post};
use axum::{Json, Router};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/notifikasi", get(daftar))
        .route("/notifikasi/{id}/baca", post(baca))
}

#[derive(serde::Serialize)]
struct DaftarNotifikasi {
    belum_dibaca: i64,
    isi: Vec<store::notifikasi::Notifikasi>,
}

/// 100 notifikasi terbaru dan jumlah yang belum dibaca.
async fn daftar(State(s): State<AppState>, p: Pengunjung) -> HasilApi<DaftarNotifikasi> {
    let l = &s.layanan;
    let isi = app::notifikasi::daftar(l, &p.konteks).await.api(&p)?;
    let belum_dibaca = app::notifikasi::jumlah_belum_dibaca(l, &p.konteks)
        .await
        .api(&p)?;
    Ok(Json(DaftarNotifikasi { belum_dibaca, isi }))
}

/// Menandai satu notifikasi sebagai dibaca (204).
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
