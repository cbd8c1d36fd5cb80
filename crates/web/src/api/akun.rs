//! API akun: token API milik sendiri (buat, daftar, cabut).

use super::{HasilApi, JsonMasuk, KeApi};
use crate::AppState;
use crate::pengunjung::Pengunjung;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use store::akun::TokenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(daftar, buat))
        .routes(routes!(cabut))
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
struct MasukanToken {
    nama: String,
    /// `baca` atau `tulis`.
    cakupan: String,
    /// Masa berlaku dalam hari (bawaan 90).
    #[serde(default = "sembilan_puluh")]
    #[schema(default = 90)]
    hari: i64,
}

fn sembilan_puluh() -> i64 {
    90
}

/// Token API milik sendiri
#[utoipa::path(get, path = "/token", tag = "akun",
    responses((status = 200, description = "Token (tanpa rahasianya)", body = Vec<TokenApi>)))]
async fn daftar(State(s): State<AppState>, p: Pengunjung) -> HasilApi<Vec<TokenApi>> {
    Ok(Json(
        app::akun::daftar_token(&s.layanan, &p.konteks)
            .await
            .api(&p)?,
    ))
}

/// Buat token API (rahasia ditampilkan sekali)
#[utoipa::path(post, path = "/token", tag = "akun", request_body = MasukanToken,
    responses((status = 201, description = "Token baru; `token` hanya sekali ini", body = app::akun::TokenBaru)))]
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

/// Cabut token API (milik sendiri, atau akun yang dikelola)
#[utoipa::path(delete, path = "/token/{id}", tag = "akun", params(super::JalurId),
    responses((status = 204, description = "Dicabut")))]
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
