//! API JSON `/api/v1`. Setiap galat berbentuk
//! `{"error": {"code", "message", "fields"}}`; JSON rusak pun 422.

pub mod akun;
pub mod impor;
pub mod kalkulator;
pub mod kepegawaian;
pub mod openapi;
pub mod organisasi;

use crate::AppState;
use crate::galat::{GalatApi, badan_galat};
use crate::pengunjung::{Pengunjung, bahasa_dari};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Json, Router};
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(organisasi::router())
        .merge(kalkulator::router())
        .merge(akun::router())
        .merge(impor::router())
        .merge(kepegawaian::router())
        .fallback(tidak_ada)
}

async fn tidak_ada(p: Pengunjung) -> GalatApi {
    GalatApi(
        app::Galat::TidakDitemukan(
            p.konteks
                .t("Alamat API tidak dikenal.", "Unknown API path.")
                .into(),
        ),
        p.bahasa(),
    )
}

/// Badan JSON yang ditolak dengan 422 dan pesan berbahasa pengguna.
pub struct JsonMasuk<T>(pub T);

impl<S, T> FromRequest<S> for JsonMasuk<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = req.into_parts();
        let bahasa = bahasa_dari(&parts);
        let _ = <() as FromRequestParts<S>>::from_request_parts(&mut parts, state).await;
        let req = Request::from_parts(parts, body);
        match Json::<serde_json::Value>::from_request(req, state).await {
            Err(e) => Err(tolak(
                bahasa,
                "json_tidak_valid",
                &format!(
                    "{}: {}",
                    app::teks::t(bahasa, "JSON tidak valid", "Invalid JSON"),
                    e.body_text()
                ),
                BTreeMap::new(),
            )),
            Ok(Json(v)) => match serde_json::from_value::<T>(v) {
                Ok(t) => Ok(JsonMasuk(t)),
                Err(e) => {
                    let mut fields = BTreeMap::new();
                    let teks = e.to_string();
                    // "missing field `nama`" / "unknown field `x`" → kolom yang salah.
                    if let Some(k) = teks.split('`').nth(1) {
                        fields.insert(k.to_string(), teks.clone());
                    }
                    Err(tolak(
                        bahasa,
                        "input_tidak_valid",
                        &format!(
                            "{}: {teks}",
                            app::teks::t(bahasa, "Isian tidak valid", "Invalid input")
                        ),
                        fields,
                    ))
                }
            },
        }
    }
}

fn tolak(_b: app::Bahasa, kode: &str, pesan: &str, fields: BTreeMap<String, String>) -> Response {
    (
        StatusCode::UNPROCESSABLE_ENTITY,
        Json(badan_galat(kode, pesan, &fields)),
    )
        .into_response()
}

/// Hasil penangan API.
pub type HasilApi<T> = Result<Json<T>, GalatApi>;

pub trait KeApi<T> {
    fn api(self, p: &Pengunjung) -> Result<T, GalatApi>;
}

impl<T> KeApi<T> for Result<T, app::Galat> {
    fn api(self, p: &Pengunjung) -> Result<T, GalatApi> {
        self.map_err(|g| GalatApi(g, p.bahasa()))
    }
}
