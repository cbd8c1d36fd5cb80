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
        Galat::VersiWajib(_) => StatusCode::PRECONDITION_REQUIRED,
        Galat::TerlaluBanyak(_) => StatusCode::TOO_MANY_REQUESTS,
        Galat::Kendala(store::Kendala::Unik(_)) => StatusCode::CONFLICT,
        Galat::Kendala(store::Kendala::TidakSah(_)) => StatusCode::UNPROCESSABLE_ENTITY,
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
        Galat::Kendala(store::Kendala::Unik(_)) => app::teks::t(
            bahasa,
            "Data yang sama sudah ada; tidak ada yang diubah.",
            "The same data already exists; nothing was changed.",
        )
        .into(),
        Galat::Kendala(store::Kendala::TidakSah(_)) => app::teks::t(
            bahasa,
            "Isian ditolak oleh aturan data (rujukan tidak ada atau nilai tidak sah).",
            "The input breaks a data rule (a missing reference or an invalid value).",
        )
        .into(),
        g => g.to_string(),
    }
}

/// Kolom yang salah dan pesannya; untuk kendala basis data, pesannya dalam bahasa pengguna.
pub fn kolom_galat(g: &Galat, bahasa: app::Bahasa) -> BTreeMap<String, String> {
    match g {
        Galat::Kendala(store::Kendala::Unik(k) | store::Kendala::TidakSah(k)) => {
            let kolom = if k.is_empty() { "data" } else { k.as_str() };
            BTreeMap::from([(kolom.to_string(), pesan_aman(g, bahasa))])
        }
        g => g.fields(),
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
        (status(&g), Json(badan_galat(g.kode(), &pesan, &kolom_galat(&g, b)))).into_response()
    }
}
