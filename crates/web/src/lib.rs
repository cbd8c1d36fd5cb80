//! Antarmuka HTTP Kinerja: halaman (askama, tanpa JavaScript wajib), API JSON
//! di `/api/v1`, sesi dan CSRF, operasi (`/healthz`, `/metrics`).
//! Penangan tipis: setiap keputusan ada di `app`, setiap hitungan di `rules`.

pub mod api;
pub mod galat;
pub mod grafik;
pub mod halaman;
pub mod keras;
pub mod operasi;
pub mod pembatas;
pub mod pengunjung;

use axum::Router;
use axum::http::{HeaderName, HeaderValue};
use metrics_exporter_prometheus::PrometheusHandle;
use std::sync::Arc;
use std::time::Duration;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;

/// Keadaan bersama semua penangan.
#[derive(Clone)]
pub struct AppState {
    pub layanan: app::Layanan,
    pub metrik: Option<PrometheusHandle>,
    /// `/metrics` dilayani di pendengar utama hanya bila diatur demikian.
    pub metrik_di_utama: bool,
    /// Cookie bertanda Secure (produksi di balik HTTPS).
    pub cookie_secure: bool,
    pub pembatas_publik: Arc<pembatas::Pembatas>,
    /// Pencarian dan data terbuka repositori inovasi tanpa masuk: murah per
    /// permintaan, jadi batasnya lebih longgar daripada kalkulator.
    pub pembatas_cari: Arc<pembatas::Pembatas>,
    /// Kunci HMAC token CSRF formulir masuk (lihat `app::akun::csrf_tamu_baru`).
    pub rahasia_csrf: Arc<Vec<u8>>,
}

impl AppState {
    pub fn baru(layanan: app::Layanan) -> Self {
        AppState {
            layanan,
            metrik: None,
            metrik_di_utama: false,
            cookie_secure: false,
            pembatas_publik: Arc::new(pembatas::Pembatas::baru(120, Duration::from_secs(60))),
            pembatas_cari: Arc::new(pembatas::Pembatas::baru(600, Duration::from_secs(60))),
            // Acak per proses; `serve` memakai rahasia bersama dari basis data.
            rahasia_csrf: Arc::new(app::akun::token_acak().into_bytes()),
        }
    }
}

fn batas_badan(state: &AppState) -> usize {
    let c = &state.layanan.konfigurasi;
    let bukti = c.bukti_maks_permintaan.saturating_add(1024 * 1024);
    usize::try_from(bukti)
        .unwrap_or(usize::MAX)
        .clamp(20 * 1024 * 1024, api::bukti::BATAS_MUTLAK)
}

/// Router lengkap dengan lapisan kompresi, batas ukuran dan header keamanan.
pub fn router(state: AppState) -> Router {
    Router::new()
        .merge(halaman::router())
        .nest("/api/v1", api::router())
        .route("/api/openapi.json", axum::routing::get(api::openapi::tangani))
        .merge(operasi::router())
        .fallback(halaman::tidak_ditemukan)
        .layer(axum::middleware::from_fn(keras::tolak_nul))
        .layer(axum::middleware::from_fn(keras::tanpa_simpan))
        .layer(axum::middleware::from_fn_with_state(state.clone(), operasi::catat_metrik))
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("content-security-policy"),
            HeaderValue::from_static("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("x-content-type-options"),
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("referrer-policy"),
            HeaderValue::from_static("same-origin"),
        ))
        // Batas kasar semua badan; unggahan bukti boleh sebesar batas per
        // permintaannya (ditambah kepala multipart) dan dihitung sendiri di sana.
        .layer(RequestBodyLimitLayer::new(batas_badan(&state)))
        .layer(axum::middleware::from_fn_with_state(
            batas_badan(&state),
            keras::jelaskan_413,
        ))
        // Satu span per permintaan (metode, URI, status, lama) di log terstruktur;
        // terlihat dengan KINERJA_LOG=tower_http=debug.
        .layer(tower_http::trace::TraceLayer::new_for_http())
        .layer(CompressionLayer::new().gzip(true).br(true))
        .with_state(state)
}
