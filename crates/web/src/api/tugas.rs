//! API tugas latar: status satu tugas (`GET /api/v1/tugas/{id}`).

use super::{HasilApi, KeApi};
use crate::AppState;
use crate::pengunjung::Pengunjung;
use app::tugas::TampilanTugas;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(lihat))
}

/// Jawaban 202 untuk pekerjaan yang diteruskan ke tugas latar.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct TugasDiterima {
    pub tugas: TampilanTugas,
    /// Alamat status tugas (sama dengan header Location).
    pub lokasi: String,
}

/// Status tugas latar (pemilik, admin instansinya, super admin)
///
/// Id, jenis, status (`antre`, `jalan`, `selesai`, `gagal`), percobaan,
/// waktu, hasil atau galat. Hanya pemilik, admin instansinya, super admin.
#[utoipa::path(get, path = "/tugas/{id}", tag = "tugas", params(super::JalurId),
    responses((status = 200, description = "Tugas", body = TampilanTugas)))]
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
        Json(TugasDiterima {
            tugas: TampilanTugas::from(t),
            lokasi: lok,
        }),
    )
        .into_response()
}
