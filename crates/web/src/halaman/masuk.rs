//! Masuk (NIP atau nama pengguna), keluar, pilihan bahasa, dan lupa sandi
//! (tautan sekali pakai lewat surel; jawaban selalu sama).

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
        .route("/lupa-sandi", get(lupa).post(kirim_lupa))
        .route("/lupa-sandi/{token}", get(tautan).post(kirim_tautan))
}

#[derive(Template)]
#[template(path = "masuk.html")]
struct HalamanMasuk {
    b: Bingkai,
    f: Isian,
    berhasil: Option<String>,
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
            berhasil: None,
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
            // Sandi sementara: langsung ke halaman ganti sandi.
            let tujuan = if h.wajib_ganti_sandi { "/akun" } else { "/" };
            let mut res = Redirect::to(tujuan).into_response();
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
                (
                    st,
                    render(&HalamanMasuk {
                        b,
                        f: isian,
                        berhasil: None,
                    }),
                )
                    .into_response(),
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
    // Ponsel dipakai bergantian: salinan luring halaman SKP (service worker,
    // CacheStorage) dan antrean kiriman di IndexedDB tidak boleh tertinggal
    // untuk orang berikutnya. Antrean yang belum terkirim diperingatkan dulu
    // di halaman (skp-antrean.js) sebelum formulir keluar dikirim.
    res.headers_mut().insert(
        header::HeaderName::from_static("clear-site-data"),
        HeaderValue::from_static("\"cache\", \"storage\""),
    );
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

#[derive(Template)]
#[template(path = "lupa_sandi.html")]
struct HalamanLupa {
    b: Bingkai,
    f: Isian,
    /// Jawaban netral sesudah permintaan diterima.
    terkirim: Option<&'static str>,
}

/// Formulir "Lupa sandi?": NIP atau nama pengguna.
async fn lupa(State(s): State<AppState>, p: Pengunjung) -> Response {
    let b = Bingkai::dari(&p, p.konteks.t("Lupa sandi", "Forgot password"));
    dengan_cookie_tamu(
        &p,
        s.cookie_secure,
        render(&HalamanLupa {
            b,
            f: Isian::default(),
            terkirim: None,
        }),
    )
}

#[derive(Deserialize)]
pub struct FormLupa {
    #[serde(default)]
    username: String,
    #[serde(default, rename = "_csrf")]
    csrf: String,
}

/// Permintaan tautan: jawaban yang sama untuk akun yang ada maupun tidak.
async fn kirim_lupa(State(s): State<AppState>, p: Pengunjung, Form(f): Form<FormLupa>) -> Response {
    let b = Bingkai::dari(&p, p.konteks.t("Lupa sandi", "Forgot password"));
    let hasil = match p.periksa_csrf(&f.csrf) {
        Err(g) => Err(g),
        Ok(()) => {
            app::akun::minta_tautan_sandi(
                &s.layanan,
                p.bahasa(),
                &f.username,
                &p.alamat.to_string(),
            )
            .await
        }
    };
    let (st, f, terkirim) = match hasil {
        Ok(()) => (
            StatusCode::OK,
            Isian::default(),
            Some(app::akun::pesan_tautan_terkirim(p.bahasa())),
        ),
        Err(g) => {
            if matches!(g, Galat::TerlaluBanyak(_)) {
                metrics::counter!("kinerja_lupa_sandi_dibatasi_total").increment(1);
            }
            let mut i = Isian::default();
            i.set("username", f.username.clone());
            let st = crate::galat::status(&g);
            i.pesan = Some(crate::galat::pesan_aman(&g, p.bahasa()));
            if let Galat::InputTidakValid { fields, .. } = &g {
                i.galat = fields.clone();
            }
            (st, i, None)
        }
    };
    dengan_cookie_tamu(
        &p,
        s.cookie_secure,
        (st, render(&HalamanLupa { b, f, terkirim })).into_response(),
    )
}

#[derive(Template)]
#[template(path = "atur_sandi.html")]
struct HalamanTautan {
    b: Bingkai,
    f: Isian,
    token: String,
    /// None: tautan berlaku, formulir ditampilkan.
    tidak_berlaku: Option<String>,
}

/// Halaman dari tautan surel: formulir sandi baru (tautan belum dipakai;
/// membuka halaman ini tidak memakainya, jadi pemindai tautan surel tidak
/// menghabiskannya).
async fn tautan(State(s): State<AppState>, p: Pengunjung, Path(token): Path<String>) -> Response {
    let b = Bingkai::dari(&p, p.konteks.t("Atur sandi baru", "Set a new password"));
    let (st, tidak_berlaku) = match app::akun::tautan_sandi_berlaku(&s.layanan, &token).await {
        Ok(true) => (StatusCode::OK, None),
        Ok(false) => (
            StatusCode::NOT_FOUND,
            Some(crate::galat::pesan_aman(
                &app::akun::galat_tautan_tidak_berlaku(p.bahasa()),
                p.bahasa(),
            )),
        ),
        Err(g) => return super::galat(&p, g),
    };
    let tpl = HalamanTautan {
        b,
        f: Isian::default(),
        token,
        tidak_berlaku,
    };
    dengan_cookie_tamu(&p, s.cookie_secure, (st, render(&tpl)).into_response())
}

#[derive(Deserialize)]
pub struct FormTautan {
    #[serde(default)]
    sandi_baru: String,
    #[serde(default)]
    ulangi_sandi: String,
    #[serde(default, rename = "_csrf")]
    csrf: String,
}

async fn kirim_tautan(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(token): Path<String>,
    Form(f): Form<FormTautan>,
) -> Response {
    let hasil = match p.periksa_csrf(&f.csrf) {
        Err(g) => Err(g),
        Ok(()) => {
            app::akun::atur_sandi_lewat_tautan(
                &s.layanan,
                p.bahasa(),
                &token,
                &f.sandi_baru,
                &f.ulangi_sandi,
            )
            .await
        }
    };
    match hasil {
        Ok(()) => {
            let b = Bingkai::dari(&p, p.konteks.t("Masuk", "Sign in"));
            let ok = p
                .konteks
                .t(
                    "Sandi baru sudah diatur; semua sesi lama diputus. Silakan masuk.",
                    "Your new password is set; all old sessions were ended. Please sign in.",
                )
                .to_string();
            dengan_cookie_tamu(
                &p,
                s.cookie_secure,
                render(&HalamanMasuk {
                    b,
                    f: Isian::default(),
                    berhasil: Some(ok),
                }),
            )
        }
        Err(g) => {
            let b = Bingkai::dari(&p, p.konteks.t("Atur sandi baru", "Set a new password"));
            let st = crate::galat::status(&g);
            let mut i = Isian::default();
            let mut tidak_berlaku = None;
            match &g {
                Galat::InputTidakValid { fields, .. } => {
                    i.galat = fields.clone();
                    i.pesan = Some(crate::galat::pesan_aman(&g, p.bahasa()));
                }
                Galat::TidakDitemukan(_) => {
                    tidak_berlaku = Some(crate::galat::pesan_aman(&g, p.bahasa()))
                }
                _ => return super::galat(&p, g),
            }
            let tpl = HalamanTautan {
                b,
                f: i,
                token,
                tidak_berlaku,
            };
            dengan_cookie_tamu(&p, s.cookie_secure, (st, render(&tpl)).into_response())
        }
    }
}
