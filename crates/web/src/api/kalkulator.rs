//! API kalkulator publik: `POST /api/v1/kalkulator/{nama}`. Tanpa login,
//! tanpa CSRF (tidak mengubah apa pun), dibatasi lajunya per alamat.

use crate::AppState;
use crate::galat::GalatApi;
use crate::pengunjung::Pengunjung;
use app::Galat;
use axum::Json;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use rules::kalkulator;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(daftar))
        .routes(routes!(hitung))
}

/// Daftar kalkulator dalam urutan tampilan.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct DaftarKalkulator {
    kalkulator: Vec<RingkasKalkulator>,
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct RingkasKalkulator {
    /// Nama di alamat `POST /api/v1/kalkulator/{nama}`.
    nama: &'static str,
    /// Judul dalam bahasa permintaan (Accept-Language).
    judul: &'static str,
}

/// Daftar kalkulator publik
#[utoipa::path(get, path = "/kalkulator", tag = "kalkulator", security(()),
    responses((status = 200, description = "Kalkulator", body = DaftarKalkulator)))]
async fn daftar(p: Pengunjung) -> Json<DaftarKalkulator> {
    let b = p.bahasa();
    let kalkulator = kalkulator::DAFTAR
        .iter()
        .map(|n| RingkasKalkulator {
            nama: n,
            judul: kalkulator::info(n).map(|i| i.judul(b)).unwrap_or_default(),
        })
        .collect();
    Json(DaftarKalkulator { kalkulator })
}

/// Jalankan kalkulator publik (tanpa login, dibatasi laju)
///
/// Bentuk masukan dan keluaran tiap kalkulator ada di operasinya sendiri,
/// `POST /api/v1/kalkulator/<nama>` (skema `Masukan…`/`Hasil…`); di sini
/// salah satunya menurut `nama`.
#[utoipa::path(post, path = "/kalkulator/{nama}", tag = "kalkulator", security(()),
    operation_id = "kalkulator",
    params(("nama" = String, Path, description = "Nama kalkulator (lihat GET /api/v1/kalkulator)")),
    request_body(content = serde_json::Value, description = "Masukan kalkulator `nama`"),
    responses((status = 200, description = "Hasil kalkulator `nama`", body = serde_json::Value)))]
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
