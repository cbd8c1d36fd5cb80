//! Pohon unit kerja pada suatu tanggal (restrukturisasi berlaku per tanggal).

use super::{Bingkai, HasilHalaman, KeHalaman, render};
use crate::AppState;
use crate::pengunjung::Pengunjung;
use app::organisasi::unit::SimpulUnit;
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::routing::get;
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new().route("/instansi/{iid}/unit", get(pohon))
}

#[derive(Template)]
#[template(path = "unit_pohon.html")]
struct HalamanPohon {
    b: Bingkai,
    iid: String,
    tanggal: String,
    simpul: Vec<SimpulUnit>,
}

impl HalamanPohon {
    fn kelas(&self, d: &usize) -> String {
        format!("d{}", (*d).min(4))
    }
}

#[derive(Deserialize)]
struct QTanggal {
    #[serde(default)]
    tanggal: Option<String>,
}

async fn pohon(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
    Query(q): Query<QTanggal>,
) -> HasilHalaman {
    let tanggal = q
        .tanggal
        .filter(|t| app::organisasi::tanggal_sah(t))
        .unwrap_or_else(app::organisasi::hari_ini);
    let simpul = app::organisasi::unit::pohon(&s.layanan, &p.konteks, &iid, Some(&tanggal))
        .await
        .atau_halaman(&p)?;
    Ok(render(&HalamanPohon {
        b: Bingkai::dari(&p, p.konteks.t("Unit kerja", "Units")),
        iid,
        tanggal,
        simpul,
    }))
}
