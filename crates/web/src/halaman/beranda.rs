//! Beranda: tamu melihat perkenalan, pengguna diarahkan ke instansinya,
//! super admin melihat daftar instansi.

use super::{Bingkai, HasilHalaman, KeHalaman, render};
use crate::AppState;
use crate::pengunjung::Pengunjung;
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect};
use axum::routing::get;
use store::organisasi::Instansi;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(beranda))
        .route("/instansi/{iid}", get(ringkasan))
}

#[derive(Template)]
#[template(path = "beranda.html")]
struct HalamanBeranda {
    b: Bingkai,
    instansi: Vec<Instansi>,
}

async fn beranda(State(s): State<AppState>, p: Pengunjung) -> HasilHalaman {
    let Some(a) = p.konteks.aktor.as_ref() else {
        return Ok(render(&HalamanBeranda {
            b: Bingkai::dari(&p, "Kinerja"),
            instansi: vec![],
        }));
    };
    if !a.super_admin() {
        return Ok(Redirect::to(&format!("/instansi/{}", a.instansi_id)).into_response());
    }
    let instansi = app::organisasi::instansi::daftar(&s.layanan, &p.konteks)
        .await
        .atau_halaman(&p)?;
    Ok(render(&HalamanBeranda {
        b: Bingkai::dari(&p, p.konteks.t("Instansi", "Agencies")),
        instansi,
    }))
}

#[derive(Template)]
#[template(path = "ringkasan.html")]
struct HalamanRingkasan {
    b: Bingkai,
    i: Instansi,
    jumlah_pegawai: i64,
    jumlah_unit: usize,
    boleh_kelola: bool,
}

async fn ringkasan(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
) -> HasilHalaman {
    let l = &s.layanan;
    let i = app::organisasi::instansi::lihat(l, &p.konteks, &iid)
        .await
        .atau_halaman(&p)?;
    let jumlah_pegawai = app::organisasi::pegawai::daftar(
        l,
        &p.konteks,
        &iid,
        &app::organisasi::pegawai::CariPegawai {
            status: Some("aktif".into()),
            per_halaman: Some(1),
            ..Default::default()
        },
    )
    .await
    .atau_halaman(&p)?
    .total;
    let jumlah_unit = app::organisasi::unit::pohon_ringan(l, &p.konteks, &iid)
        .await
        .atau_halaman(&p)?
        .len();
    let boleh_kelola = p.konteks.boleh_kelola(&iid).is_ok();
    Ok(render(&HalamanRingkasan {
        b: Bingkai::dari(&p, i.nama.clone()),
        i,
        jumlah_pegawai,
        jumlah_unit,
        boleh_kelola,
    }))
}
