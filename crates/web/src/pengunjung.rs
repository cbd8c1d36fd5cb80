//! Siapa pengunjungnya: sesi (cookie), token API (Bearer) atau publik; dan
//! bahasanya (`?lang=`, cookie `kinerja_bahasa`, lalu `Accept-Language`).
//!
//! Sesi akun yang sandinya sementara (diatur ulang atasan/admin, isu 11)
//! hanya boleh membuka halaman akun, mengganti sandi, keluar, masuk dan
//! memilih bahasa: halaman lain dialihkan ke `/akun`, API dijawab 403.

use crate::AppState;
use app::{Bahasa, Galat, Konteks};
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::HeaderMap;
use axum::http::header::{ACCEPT_LANGUAGE, AUTHORIZATION, COOKIE};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

pub const COOKIE_SESI: &str = "kinerja_sesi";
pub const COOKIE_BAHASA: &str = "kinerja_bahasa";
pub const COOKIE_CSRF: &str = "kinerja_csrf";
pub const HEADER_CSRF: &str = "x-csrf-token";

pub struct Pengunjung {
    pub konteks: Konteks,
    /// Token CSRF sesi (atau cookie CSRF tamu untuk formulir masuk).
    pub csrf: Option<String>,
    pub token_sesi: Option<String>,
    pub lewat_token_api: bool,
    pub alamat: IpAddr,
    /// Cookie CSRF tamu baru yang perlu dipasang pada jawaban.
    pub csrf_tamu_baru: Option<String>,
    /// Notifikasi belum dibaca (lonceng di kepala halaman; 0 untuk API).
    pub notifikasi_belum_dibaca: i64,
    /// Sesi dengan sandi sementara: hanya jalur `boleh_saat_wajib_ganti`.
    pub wajib_ganti_sandi: bool,
}

/// Jalur yang boleh dibuka sesi bersandi sementara: halaman akun (ganti
/// sandi), keluar, masuk (orang lain di perangkat yang sama), pilihan
/// bahasa, dan halaman tamu lupa sandi.
pub fn boleh_saat_wajib_ganti(jalur: &str) -> bool {
    matches!(jalur, "/akun" | "/akun/sandi" | "/keluar" | "/masuk")
        || jalur.starts_with("/bahasa/")
        || jalur == "/lupa-sandi"
        || jalur.starts_with("/lupa-sandi/")
}

pub fn cookie(headers: &HeaderMap, nama: &str) -> Option<String> {
    for h in headers.get_all(COOKIE) {
        let Ok(s) = h.to_str() else { continue };
        for bagian in s.split(';') {
            let mut kv = bagian.trim().splitn(2, '=');
            if kv.next() == Some(nama) {
                return kv.next().map(str::to_string).filter(|v| !v.is_empty());
            }
        }
    }
    None
}

pub fn bahasa_dari(parts: &Parts) -> Bahasa {
    if let Some(q) = parts.uri.query() {
        for kv in q.split('&') {
            if let Some(v) = kv.strip_prefix("lang=") {
                return Bahasa::dari_kode(v);
            }
        }
    }
    if let Some(c) = cookie(&parts.headers, COOKIE_BAHASA) {
        return Bahasa::dari_kode(&c);
    }
    parts
        .headers
        .get(ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(Bahasa::dari_kode)
        .unwrap_or_default()
}

impl FromRequestParts<AppState> for Pengunjung {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let p = baca(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        // Di dalam router bersarang (`/api/v1`) `uri` sudah tanpa awalannya.
        let jalur = parts
            .extensions
            .get::<axum::extract::OriginalUri>()
            .map_or(parts.uri.path(), |u| u.0.path());
        if p.wajib_ganti_sandi && !boleh_saat_wajib_ganti(jalur) {
            if jalur.starts_with("/api/") {
                let g = Galat::Dilarang(
                    p.konteks
                        .t(
                            "Sandi Anda sementara: ganti dulu di halaman Akun saya (/akun).",
                            "Your password is temporary: change it first on the My account page (/akun).",
                        )
                        .into(),
                );
                return Err(crate::galat::GalatApi(g, p.bahasa()).into_response());
            }
            return Err(Redirect::to("/akun").into_response());
        }
        Ok(p)
    }
}

async fn baca(parts: &Parts, state: &AppState) -> Result<Pengunjung, crate::galat::GalatApi> {
    let bahasa = bahasa_dari(parts);
    let alamat = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())
        .unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
    let l = &state.layanan;
    let bearer = parts
        .headers
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .map(str::to_string);
    if let Some(tk) = bearer {
        return match app::akun::dari_token_api(l, &tk)
            .await
            .map_err(|e| (e, bahasa))?
        {
            Some(aktor) => Ok(Pengunjung {
                konteks: Konteks::dengan(aktor, bahasa),
                csrf: None,
                token_sesi: None,
                lewat_token_api: true,
                alamat,
                csrf_tamu_baru: None,
                notifikasi_belum_dibaca: 0,
                wajib_ganti_sandi: false,
            }),
            None => Err((
                Galat::TidakMasuk(
                    app::teks::t(bahasa, "Token API tidak berlaku.", "Invalid API token.").into(),
                ),
                bahasa,
            )
                .into()),
        };
    }
    if let Some(tk) = cookie(&parts.headers, COOKIE_SESI) {
        if let Some(sesi) = app::akun::dari_sesi(l, &tk)
            .await
            .map_err(|e| (e, bahasa))?
        {
            let konteks = Konteks::dengan(sesi.aktor, bahasa);
            let csrf = sesi.csrf;
            let wajib_ganti_sandi = sesi.wajib_ganti_sandi;
            // Lonceng di kepala halaman; hitungannya ikut kueri sesi.
            let belum_dibaca = if parts.uri.path().starts_with("/api/") {
                0
            } else {
                sesi.belum_dibaca
            };
            return Ok(Pengunjung {
                konteks,
                csrf: Some(csrf),
                token_sesi: Some(tk),
                lewat_token_api: false,
                alamat,
                csrf_tamu_baru: None,
                notifikasi_belum_dibaca: belum_dibaca,
                wajib_ganti_sandi,
            });
        }
    }
    // Token CSRF tamu harus terbitan server (bertanda HMAC); cookie yang
    // ditanam pihak lain diganti, sehingga isian karangannya tidak cocok.
    let (csrf, baru) = match cookie(&parts.headers, COOKIE_CSRF) {
        Some(c) if app::akun::csrf_tamu_sah(&state.rahasia_csrf, &c) => (c, None),
        _ => {
            let c = app::akun::csrf_tamu_baru(&state.rahasia_csrf);
            (c.clone(), Some(c))
        }
    };
    Ok(Pengunjung {
        konteks: Konteks::publik(bahasa),
        csrf: Some(csrf),
        token_sesi: None,
        lewat_token_api: false,
        alamat,
        csrf_tamu_baru: baru,
        notifikasi_belum_dibaca: 0,
        wajib_ganti_sandi: false,
    })
}

impl Pengunjung {
    pub fn bahasa(&self) -> Bahasa {
        self.konteks.bahasa
    }

    /// Formulir: token CSRF yang dikirim harus sama dengan token sesi.
    pub fn periksa_csrf(&self, dikirim: &str) -> Result<(), Galat> {
        match &self.csrf {
            Some(c) if !dikirim.is_empty() && c == dikirim => Ok(()),
            _ => Err(Galat::Dilarang(
                self.konteks
                    .t(
                        "Formulir kedaluwarsa atau tidak sah (CSRF). Muat ulang halaman lalu kirim lagi.",
                        "The form expired or is invalid (CSRF). Reload the page and submit again.",
                    )
                    .into(),
            )),
        }
    }

    /// API yang diautentikasi dengan cookie sesi wajib membawa header CSRF;
    /// klien dengan token API tidak memakai cookie sehingga tidak rentan CSRF.
    pub fn periksa_csrf_api(&self, headers: &HeaderMap) -> Result<(), Galat> {
        if self.lewat_token_api || self.token_sesi.is_none() {
            return Ok(());
        }
        let dikirim = headers
            .get(HEADER_CSRF)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        self.periksa_csrf(dikirim)
    }
}

/// Nilai header Set-Cookie yang aman.
pub fn set_cookie(nama: &str, nilai: &str, umur_detik: Option<i64>, secure: bool) -> String {
    let mut s = format!("{nama}={nilai}; Path=/; HttpOnly; SameSite=Lax");
    if let Some(u) = umur_detik {
        s.push_str(&format!("; Max-Age={u}"));
    }
    if secure {
        s.push_str("; Secure");
    }
    s
}
