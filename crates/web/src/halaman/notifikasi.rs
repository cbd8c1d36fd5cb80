//! Halaman notifikasi (`/notifikasi`): daftar terbaru, tandai dibaca.

use super::{Bingkai, HasilHalaman, KeHalaman, render};
use crate::AppState;
use crate::pengunjung::Pengunjung;
use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::{Form, Router};
use store::notifikasi::Notifikasi;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/notifikasi", get(tampil))
        .route("/notifikasi/baca", post(baca))
}

#[derive(Template)]
#[template(path = "notifikasi.html")]
struct HalamanNotifikasi {
    b: Bingkai,
    isi: Vec<Notifikasi>,
}

async fn tampil(State(s): State<AppState>, p: Pengunjung) -> HasilHalaman {
    let isi = app::notifikasi::daftar(&s.layanan, &p.konteks)
        .await
        .atau_halaman(&p)?;
    let judul = p.konteks.t("Notifikasi", "Notifications");
    Ok(render(&HalamanNotifikasi {
        b: Bingkai::dari(&p, judul),
        isi,
    }))
}

#[derive(serde::Deserialize)]
struct FormBaca {
    #[serde(rename = "_csrf", default)]
    csrf: String,
    /// Kosong: semua.
    #[serde(default)]
    id: String,
}

async fn baca(State(s): State<AppState>, p: Pengunjung, Form(f): Form<FormBaca>) -> HasilHalaman {
    p.periksa_csrf(&f.csrf).atau_halaman(&p)?;
    let id = Some(f.id.as_str()).filter(|i| !i.is_empty());
    app::notifikasi::tandai_dibaca(&s.layanan, &p.konteks, id)
        .await
        .atau_halaman(&p)?;
    Ok(Redirect::to("/notifikasi").into_response())
}
