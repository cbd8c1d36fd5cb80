//! Akun sendiri: ganti sandi dan token API. Sesi bersandi sementara (diatur
//! ulang atasan/admin) hanya melihat formulir ganti sandi.

use super::{Bingkai, HasilHalaman, Isian, KeHalaman, render};
use crate::AppState;
use crate::pengunjung::Pengunjung;
use app::Galat;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use store::akun::TokenApi;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/akun", get(halaman))
        .route("/akun/sandi", post(ganti_sandi))
        .route("/akun/token", post(buat_token))
        .route("/akun/token/cabut", post(cabut_token))
}

#[derive(Template)]
#[template(path = "akun.html")]
struct HalamanAkun {
    b: Bingkai,
    f: Isian,
    ft: Isian,
    token: Vec<TokenApi>,
    token_baru: Option<String>,
    berhasil: Option<String>,
    peran: Vec<String>,
    /// Sandi sementara: wajib diganti sebelum memakai aplikasi.
    wajib_ganti: bool,
}

async fn tampil(
    s: &AppState,
    p: &Pengunjung,
    f: Isian,
    ft: Isian,
    token_baru: Option<String>,
    berhasil: Option<String>,
    st: StatusCode,
) -> HasilHalaman {
    let a = p.konteks.aktor().atau_halaman(p)?;
    let peran = a
        .peran
        .iter()
        .map(|r| r.label(p.bahasa()).to_string())
        .collect();
    let token = app::akun::daftar_token(&s.layanan, &p.konteks)
        .await
        .atau_halaman(p)?;
    let b = Bingkai::dari(p, p.konteks.t("Akun saya", "My account"));
    // Sesudah berhasil mengganti sandi, tanda di sesi permintaan ini sudah basi.
    let wajib_ganti = p.wajib_ganti_sandi && berhasil.is_none();
    Ok((
        st,
        render(&HalamanAkun {
            b,
            f,
            ft,
            token,
            token_baru,
            berhasil,
            peran,
            wajib_ganti,
        }),
    )
        .into_response())
}

async fn halaman(State(s): State<AppState>, p: Pengunjung) -> HasilHalaman {
    tampil(
        &s,
        &p,
        Isian::default(),
        Isian::default(),
        None,
        None,
        StatusCode::OK,
    )
    .await
}

#[derive(Deserialize)]
struct FormSandi {
    #[serde(default, rename = "_csrf")]
    csrf: String,
    #[serde(default)]
    sandi_lama: String,
    #[serde(default)]
    sandi_baru: String,
    #[serde(default)]
    ulangi_sandi: String,
}

/// Isian berisi galat layanan, dengan status dari pintu galat yang sama.
fn isian_galat(p: &Pengunjung, g: Galat) -> Result<(Isian, StatusCode), Galat> {
    let mut i = Isian::default();
    let st = super::isian_dari_galat(p, g, &mut i)?;
    Ok((i, st))
}

async fn ganti_sandi(
    State(s): State<AppState>,
    p: Pengunjung,
    Form(f): Form<FormSandi>,
) -> HasilHalaman {
    p.periksa_csrf(&f.csrf).atau_halaman(&p)?;
    match app::akun::ganti_sandi(
        &s.layanan,
        &p.konteks,
        &f.sandi_lama,
        &f.sandi_baru,
        &f.ulangi_sandi,
        p.token_sesi.as_deref(),
    )
    .await
    {
        Ok(()) => {
            let ok = p
                .konteks
                .t(
                    "Sandi sudah diganti. Sesi lain diputus dan semua token API dicabut.",
                    "Your password was changed. Other sessions were ended and all API tokens revoked.",
                )
                .to_string();
            tampil(
                &s,
                &p,
                Isian::default(),
                Isian::default(),
                None,
                Some(ok),
                StatusCode::OK,
            )
            .await
        }
        Err(g) => {
            let (i, st) = isian_galat(&p, g).atau_halaman(&p)?;
            tampil(&s, &p, i, Isian::default(), None, None, st).await
        }
    }
}

#[derive(Deserialize)]
struct FormToken {
    #[serde(default, rename = "_csrf")]
    csrf: String,
    #[serde(default)]
    nama: String,
    #[serde(default)]
    cakupan: String,
    #[serde(default)]
    hari: String,
}

async fn buat_token(
    State(s): State<AppState>,
    p: Pengunjung,
    Form(f): Form<FormToken>,
) -> HasilHalaman {
    p.periksa_csrf(&f.csrf).atau_halaman(&p)?;
    let hari = f.hari.trim().parse().unwrap_or(0);
    match app::akun::buat_token(&s.layanan, &p.konteks, &f.nama, &f.cakupan, hari).await {
        Ok(t) => {
            tampil(
                &s,
                &p,
                Isian::default(),
                Isian::default(),
                Some(t.token),
                None,
                StatusCode::OK,
            )
            .await
        }
        Err(g) => {
            let (mut i, st) = isian_galat(&p, g).atau_halaman(&p)?;
            i.set("nama", f.nama);
            i.set("cakupan", f.cakupan);
            i.set("hari", f.hari);
            tampil(&s, &p, Isian::default(), i, None, None, st).await
        }
    }
}

#[derive(Deserialize)]
struct FormCabut {
    #[serde(default, rename = "_csrf")]
    csrf: String,
    #[serde(default)]
    id: String,
}

async fn cabut_token(
    State(s): State<AppState>,
    p: Pengunjung,
    Form(f): Form<FormCabut>,
) -> HasilHalaman {
    p.periksa_csrf(&f.csrf).atau_halaman(&p)?;
    app::akun::cabut_token(&s.layanan, &p.konteks, &f.id)
        .await
        .atau_halaman(&p)?;
    let ok = p.konteks.t("Token dicabut.", "Token revoked.").to_string();
    tampil(
        &s,
        &p,
        Isian::default(),
        Isian::default(),
        None,
        Some(ok),
        StatusCode::OK,
    )
    .await
}
