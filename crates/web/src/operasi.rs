//! Operasi: `/healthz`, `/metrics` (Prometheus), aset statis dengan cache.

use crate::AppState;
use axum::Router;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::time::Instant;

/// CSS kecil milik sendiri; nama berkasnya memuat sidik isinya, sehingga bisa
/// di-cache selamanya dan tetap berganti begitu isinya berubah.
pub const CSS: &str = include_str!("../static/kinerja.css");

pub static CSS_PATH: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| format!("/static/kinerja-{:016x}.css", sidik(CSS.as_bytes())));

/// FNV-1a 64 bit: cukup untuk membedakan versi aset, bukan untuk keamanan.
fn sidik(b: &[u8]) -> u64 {
    b.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, x| {
        (h ^ u64::from(*x)).wrapping_mul(0x0100_0000_01b3)
    })
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrik_utama))
        .route(CSS_PATH.as_str(), get(css))
        .route("/favicon.ico", get(|| async { StatusCode::NO_CONTENT }))
}

async fn healthz(State(s): State<AppState>) -> Response {
    match sqlx_ping(&s).await {
        Ok(()) => (StatusCode::OK, "ok").into_response(),
        Err(e) => {
            tracing::error!(galat = %e, "healthz: basis data tidak menjawab");
            (StatusCode::SERVICE_UNAVAILABLE, "basis data tidak menjawab").into_response()
        }
    }
}

async fn sqlx_ping(s: &AppState) -> Result<(), app::Galat> {
    store::organisasi::jumlah_instansi(s.layanan.pool()).await?;
    Ok(())
}

async fn metrik_utama(State(s): State<AppState>) -> Response {
    match (&s.metrik, s.metrik_di_utama) {
        (Some(h), true) => render_metrik(h),
        _ => (StatusCode::NOT_FOUND, "").into_response(),
    }
}

pub fn render_metrik(h: &metrics_exporter_prometheus::PrometheusHandle) -> Response {
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        h.render(),
    )
        .into_response()
}

async fn css() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        CSS,
    )
        .into_response()
}

/// Jumlah dan lama permintaan per rute (bukan per URL, agar label tidak meledak).
pub async fn catat_metrik(State(_s): State<AppState>, req: Request, next: Next) -> Response {
    let mulai = Instant::now();
    let rute = req
        .extensions()
        .get::<MatchedPath>()
        .map(|m| m.as_str().to_string())
        .unwrap_or_else(|| "lainnya".into());
    let metode = req.method().to_string();
    let res = next.run(req).await;
    let status = res.status().as_u16().to_string();
    metrics::counter!("kinerja_http_permintaan_total", "rute" => rute.clone(), "metode" => metode.clone(), "status" => status)
        .increment(1);
    metrics::histogram!("kinerja_http_durasi_detik", "rute" => rute, "metode" => metode)
        .record(mulai.elapsed().as_secs_f64());
    res
}
