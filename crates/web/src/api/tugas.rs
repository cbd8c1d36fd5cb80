//! API tugas latar: status satu tugas (`GET /api/v1/tugas/{id}`).

use super::{HasilApi, KeApi};
use crate::AppState;
use crate::pengunjung::Pengunjung;
use app::tugas::TampilanTugas;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};

pub fn router() -> Router<AppState> {
    Router::new().route("/tugas/{id}", get(lihat))
}

/// Id, jenis, status (`antre`, `jalan`, `selesai`, `gagal`), percobaan,
/// waktu, hasil atau galat. Hanya pemilik, admin instansinya, super admin.
async fn lihat(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(id): Path<String>,
) -> HasilApi<TampilanTugas> {
    let t = app::tugas::lihat(&s.layanan, &p.konteks, &id)
        .await
        .api(&p)?;
    Ok(Json(TampilanTugas::from(&t)))
}

/// Jalur API status tugas.
pub fn lokasi(id: &str) -> String {
    format!("/api/v1/tugas/{id}")
}

/// 202 untuk pekerjaan yang diteruskan ke latar: `{"tugas": …, "lokasi": …}`
/// dan header Location.
pub fn diterima_latar(t: &store::tugas::Tugas) -> Response {
    let lok = lokasi(&t.id);
    (
        StatusCode::ACCEPTED,
        [(header::LOCATION, lok.clone())],
        Json(serde_json::json!({ "tugas": TampilanTugas::from(t), "lokasi": lok })),
    )
        .into_response()
}
