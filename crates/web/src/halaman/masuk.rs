//! Masuk (NIP atau nama pengguna), keluar, dan pilihan bahasa.

use super::{Bingkai, Isian, dengan_cookie_tamu, render};
use crate::AppState;
use crate::pengunjung::{COOKIE_BAHASA, COOKIE_SESI, Pengunjung, set_cookie};
use app::Galat;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Form, Router};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/masuk", get(halaman).post(kirim))
        .route("/keluar", axum::routing::post(keluar))
        .route("/bahasa/{kode}", get(bahasa))
}

#[derive(Template)]
#[template(path = "masuk.html")]
struct HalamanMasuk {
    b: Bingkai,
    f: Isian,
}

async fn halaman(State(s): State<AppState>, p: Pengunjung) -> Response {
    if p.konteks.aktor.is_some() {
        return Redirect::to("/").into_response();
    }
    let b = Bingkai::dari(&p, p.konteks.t("Masuk", "Sign in"));
    dengan_cookie_tamu(
        &p,
        s.cookie_secure,
        render(&HalamanMasuk {
            b,
            f: Isian::default(),
        }),
    )
}

#[derive(Deserialize)]
pub struct FormMasuk {
    #[serde(default)]
    username: String,
    #[serde(default)]
    sandi: String,
    #[serde(default, rename = "_csrf")]
    csrf: String,
}

async fn kirim(State(s): State<AppState>, p: Pengunjung, Form(f): Form<FormMasuk>) -> Response {
    let b = Bingkai::dari(&p, p.konteks.t("Masuk", "Sign in"));
    let mut isian = Isian::default();
    isian.set("username", f.username.clone());
    let hasil = match p.periksa_csrf(&f.csrf) {
        Err(g) => Err(g),
        Ok(()) => {
            app::akun::masuk(
                &s.layanan,
                p.bahasa(),
                &f.username,
                &f.sandi,
                &p.alamat.to_string(),
            )
            .await
        }
    };
    match hasil {
        Ok(h) => {
            let mut res = Redirect::to("/").into_response();
            let c = set_cookie(
                COOKIE_SESI,
                &h.token,
                Some(s.layanan.konfigurasi.lama_sesi_jam * 3600),
                s.cookie_secure,
            );
            if let Ok(v) = HeaderValue::from_str(&c) {
                res.headers_mut().append(header::SET_COOKIE, v);
            }
            res
        }
        Err(g) => {
            if matches!(g, Galat::TerlaluBanyak(_)) {
                metrics::counter!("kinerja_masuk_dibatasi_total").increment(1);
            }
            let st = crate::galat::status(&g);
            isian.pesan = Some(crate::galat::pesan_aman(&g, p.bahasa()));
            if let Galat::InputTidakValid { fields, .. } = &g {
                isian.galat = fields.clone();
            }
            let st = if st == StatusCode::FORBIDDEN || st == StatusCode::TOO_MANY_REQUESTS {
                st
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            dengan_cookie_tamu(
                &p,
                s.cookie_secure,
                (st, render(&HalamanMasuk { b, f: isian })).into_response(),
            )
        }
    }
}

#[derive(Deserialize)]
pub struct FormCsrf {
    #[serde(default, rename = "_csrf")]
    csrf: String,
}

async fn keluar(State(s): State<AppState>, p: Pengunjung, Form(f): Form<FormCsrf>) -> Response {
    if let Err(g) = p.periksa_csrf(&f.csrf) {
        return super::galat(&p, g);
    }
    if let Some(tk) = &p.token_sesi {
        if let Err(g) = app::akun::keluar(&s.layanan, tk).await {
            return super::galat(&p, g);
        }
    }
    let mut res = Redirect::to("/masuk").into_response();
    if let Ok(v) = HeaderValue::from_str(&set_cookie(COOKIE_SESI, "", Some(0), s.cookie_secure)) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    res
}

/// Mengganti bahasa dan kembali ke halaman asal (perubahan tampilan saja).
async fn bahasa(
    State(s): State<AppState>,
    Path(kode): Path<String>,
    headers: HeaderMap,
) -> Response {
    let kode = if kode == "en" { "en" } else { "id" };
    // Kembali ke halaman asal hanya bila asalnya situs ini sendiri, dan hanya ke jalur lokal.
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let kembali = headers
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|r| r.split_once("://").map(|(_, r)| r))
        .and_then(|r| r.find('/').map(|i| (&r[..i], &r[i..])))
        .filter(|(h, _)| Some(*h) == host)
        .and_then(|(_, j)| crate::keras::jalur_lokal(j))
        .unwrap_or("/")
        .to_string();
    let mut res = Redirect::to(&kembali).into_response();
    if let Ok(v) = HeaderValue::from_str(&set_cookie(
        COOKIE_BAHASA,
        kode,
        Some(365 * 24 * 3600),
        s.cookie_secure,
    )) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    res
}
