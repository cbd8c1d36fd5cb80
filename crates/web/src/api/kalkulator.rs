//! API kalkulator publik: `POST /api/v1/kalkulator/{nama}`. Tanpa login,
//! tanpa CSRF (tidak mengubah apa pun), dibatasi lajunya per alamat.

use crate::AppState;
use crate::galat::GalatApi;
use crate::pengunjung::Pengunjung;
use app::Galat;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use rules::kalkulator;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/kalkulator", get(daftar))
        .route("/kalkulator/{nama}", post(hitung))
}

async fn daftar(p: Pengunjung) -> Json<serde_json::Value> {
    let b = p.bahasa();
    let isi: Vec<serde_json::Value> = kalkulator::DAFTAR
        .iter()
        .map(|n| serde_json::json!({"nama": n, "judul": kalkulator::info(n).map(|i| i.judul(b).to_string())}))
        .collect();
    Json(serde_json::json!({ "kalkulator": isi }))
}

async fn hitung(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(nama): Path<String>,
    body: String,
) -> Response {
    let b = p.bahasa();
    if !s.pembatas_publik.izinkan(p.alamat) {
        let pesan = app::teks::t(
            b,
            "Terlalu banyak permintaan; coba lagi sebentar lagi.",
            "Too many requests; try again shortly.",
        );
        return GalatApi(Galat::TerlaluBanyak(pesan.into()), b).into_response();
    }
    match kalkulator::hitung_teks(&nama, &body, b) {
        Ok(v) => Json(v).into_response(),
        Err(g) => GalatApi(Galat::Kalkulator(g), b).into_response(),
    }
}
