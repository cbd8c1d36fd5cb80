//! Pemetaan galat layanan ke HTTP, sekali saja. API: JSON
//! `{"error": {"code", "message", "fields"}}`; halaman: HTML yang sopan.
//! Galat internal dicatat dengan id yang bisa dikutip pengguna, tanpa jejak tumpukan.

use app::Galat;
use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use std::collections::BTreeMap;

pub fn status(g: &Galat) -> StatusCode {
    match g {
        Galat::TidakMasuk(_) => StatusCode::UNAUTHORIZED,
        Galat::Dilarang(_) => StatusCode::FORBIDDEN,
        Galat::TidakDitemukan(_) => StatusCode::NOT_FOUND,
        Galat::InputTidakValid { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        Galat::Konflik(_) => StatusCode::CONFLICT,
        Galat::TerlaluBanyak(_) => StatusCode::TOO_MANY_REQUESTS,
        Galat::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// Pesan yang aman ditampilkan; galat internal diganti rujukan log.
pub fn pesan_aman(g: &Galat, bahasa: app::Bahasa) -> String {
    match g {
        Galat::Internal(rinci) => {
            let rujukan = store::id_baru();
            tracing::error!(rujukan = %rujukan, galat = %rinci, "galat internal");
            format!(
                "{} ({rujukan})",
                app::teks::t(
                    bahasa,
                    "Terjadi kesalahan pada server. Sebutkan kode ini kepada admin",
                    "A server error occurred. Quote this code to your admin"
                )
            )
        }
        g => g.to_string(),
    }
}

/// Galat untuk API JSON.
pub struct GalatApi(pub Galat, pub app::Bahasa);

impl From<(Galat, app::Bahasa)> for GalatApi {
    fn from((g, b): (Galat, app::Bahasa)) -> Self {
        GalatApi(g, b)
    }
}

pub fn badan_galat(
    kode: &str,
    pesan: &str,
    fields: &BTreeMap<String, String>,
) -> serde_json::Value {
    serde_json::json!({"error": {"code": kode, "message": pesan, "fields": fields}})
}

impl IntoResponse for GalatApi {
    fn into_response(self) -> Response {
        let GalatApi(g, b) = self;
        let pesan = pesan_aman(&g, b);
        (status(&g), Json(badan_galat(g.kode(), &pesan, &g.fields()))).into_response()
    }
}
