//! API akun: token API milik sendiri (buat, daftar, cabut).

use super::{HasilApi, JsonMasuk, KeApi};
use crate::AppState;
use crate::pengunjung::Pengunjung;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{delete, get};
use axum::{Json, Router};
use store::akun::TokenApi;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/token", get(daftar).post(buat))
        .route("/token/{id}", delete(cabut))
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct MasukanToken {
    nama: String,
    cakupan: String,
    #[serde(default = "sembilan_puluh")]
    hari: i64,
}

fn sembilan_puluh() -> i64 {
    90
}

async fn daftar(State(s): State<AppState>, p: Pengunjung) -> HasilApi<Vec<TokenApi>> {
    Ok(Json(
        app::akun::daftar_token(&s.layanan, &p.konteks)
            .await
            .api(&p)?,
    ))
}

async fn buat(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    JsonMasuk(m): JsonMasuk<MasukanToken>,
) -> Result<(StatusCode, Json<app::akun::TokenBaru>), crate::galat::GalatApi> {
    p.periksa_csrf_api(&h).api(&p)?;
    Ok((
        StatusCode::CREATED,
        Json(
            app::akun::buat_token(&s.layanan, &p.konteks, &m.nama, &m.cakupan, m.hari)
                .await
                .api(&p)?,
        ),
    ))
}

async fn cabut(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path(id): Path<String>,
) -> Result<StatusCode, crate::galat::GalatApi> {
    p.periksa_csrf_api(&h).api(&p)?;
    app::akun::cabut_token(&s.layanan, &p.konteks, &id)
        .await
        .api(&p)?;
    Ok(StatusCode::NO_CONTENT)
}
