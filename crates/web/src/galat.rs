//! Satu pintu keluar galat HTTP. Setiap galat — layanan, JSON rusak, query
//! rusak, NUL, batas ukuran, batas laju, kalkulator — menjadi `app::Galat`
//! lalu lewat sini: [`status`] memilih kode HTTP, [`GalatApi`] menyusun JSON
//! `{"error": {"code", "message", "fields"}}` (badannya disusun
//! `rules::galat::badan_json`), halaman memakai `halaman::galat` atau
//! `halaman::isian_dari_galat` yang juga memanggil [`status`].
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
        // Masukan yang salah karena ukuran atau jenis berkasnya (bukti).
        Galat::InputTidakValid { kode, .. }
            if kode == app::bukti::KODE_TERLALU_BESAR || kode == "permintaan_terlalu_besar" =>
        {
            StatusCode::PAYLOAD_TOO_LARGE
        }
        Galat::InputTidakValid { kode, .. } if kode == app::bukti::KODE_JENIS_DITOLAK => {
            StatusCode::UNSUPPORTED_MEDIA_TYPE
        }
        Galat::InputTidakValid { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        Galat::Konflik(_) | Galat::Status { .. } => StatusCode::CONFLICT,
        Galat::VersiWajib(_) => StatusCode::PRECONDITION_REQUIRED,
        Galat::TerlaluBanyak(_) => StatusCode::TOO_MANY_REQUESTS,
        Galat::TerlaluBesar(_) => StatusCode::PAYLOAD_TOO_LARGE,
        Galat::Kalkulator(g) => match g.jenis {
            rules::kalkulator::JenisGalat::KalkulatorTidakDikenal => StatusCode::NOT_FOUND,
            rules::kalkulator::JenisGalat::InputTidakValid => StatusCode::UNPROCESSABLE_ENTITY,
        },
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
        Galat::Kalkulator(g) => g.pesan.clone(),
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

/// Galat untuk API JSON, dengan data tambahan di tingkat atas bila perlu
/// (laporan impor yang ditolak: `{"error": …, "laporan": …}`).
pub struct GalatApi(pub Galat, pub app::Bahasa);

impl From<(Galat, app::Bahasa)> for GalatApi {
    fn from((g, b): (Galat, app::Bahasa)) -> Self {
        GalatApi(g, b)
    }
}

impl GalatApi {
    /// Jawaban dengan satu kunci tambahan di samping `error`.
    pub fn dengan(self, kunci: &str, nilai: serde_json::Value) -> Response {
        let (st, mut badan) = self.susun();
        if let Some(o) = badan.as_object_mut() {
            o.insert(kunci.to_string(), nilai);
        }
        (st, Json(badan)).into_response()
    }

    fn susun(&self) -> (StatusCode, serde_json::Value) {
        let GalatApi(g, b) = self;
        let pesan = pesan_aman(g, *b);
        (
            status(g),
            rules::galat::badan_json(g.kode(), &pesan, &kolom_galat(g, *b)),
        )
    }
}

impl IntoResponse for GalatApi {
    fn into_response(self) -> Response {
        let (st, badan) = self.susun();
        (st, Json(badan)).into_response()
    }
}

/// Halaman galat polos untuk lapisan yang belum mengenal pengunjungnya
/// (middleware): status dari [`status`], pesan dari [`pesan_aman`].
pub fn jawaban_polos(g: &Galat, b: app::Bahasa) -> Response {
    let pesan = pesan_aman(g, b);
    let aman: String = pesan
        .chars()
        .map(|c| match c {
            '<' => "&lt;".to_string(),
            '>' => "&gt;".to_string(),
            '&' => "&amp;".to_string(),
            c => c.to_string(),
        })
        .collect();
    (
        status(g),
        axum::response::Html(format!(
            "<!doctype html><meta charset=utf-8><meta name=viewport content=\"width=device-width\"><title>{}</title><p>{aman}</p><p><a href=\"/\">Kinerja</a></p>",
            status(g).as_u16()
        )),
    )
        .into_response()
}
