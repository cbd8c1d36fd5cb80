//! Akun pengguna instansi untuk admin: daftar, tambah, atur ulang sandi.

use super::{Bingkai, HasilHalaman, Isian, KeHalaman, render};
use crate::AppState;
use crate::pengunjung::Pengunjung;
use app::{Galat, Peran};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/instansi/{iid}/pengguna", get(halaman).post(buat))
        .route("/instansi/{iid}/pengguna/sandi", post(atur_ulang))
}

#[derive(Template)]
#[template(path = "pengguna.html")]
struct HalamanPengguna {
    b: Bingkai,
    iid: String,
    daftar: Vec<app::akun::PenggunaDenganPeran>,
    f: Isian,
    fr: Isian,
    berhasil: Option<String>,
    peran: Vec<(&'static str, &'static str)>,
}

async fn tampil(
    s: &AppState,
    p: &Pengunjung,
    iid: &str,
    f: Isian,
    fr: Isian,
    berhasil: Option<String>,
    st: StatusCode,
) -> HasilHalaman {
    let daftar = app::akun::daftar_pengguna(&s.layanan, &p.konteks, iid)
        .await
        .atau_halaman(p)?;
    let peran = Peran::SEMUA
        .iter()
        .filter(|r| **r != Peran::SuperAdmin)
        .map(|r| (r.kode(), r.label(p.bahasa())))
        .collect();
    let tpl = HalamanPengguna {
        b: Bingkai::dari(p, p.konteks.t("Akun pengguna", "User accounts")),
        iid: iid.to_string(),
        daftar,
        f,
        fr,
        berhasil,
        peran,
    };
    Ok((st, render(&tpl)).into_response())
}

async fn halaman(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
) -> HasilHalaman {
    tampil(
        &s,
        &p,
        &iid,
        Isian::default(),
        Isian::default(),
        None,
        StatusCode::OK,
    )
    .await
}

/// Isian dengan galat layanan; status dari pintu galat yang sama.
fn ke_isian(p: &Pengunjung, g: Galat, mut i: Isian) -> Result<(Isian, StatusCode), Galat> {
    let st = super::isian_dari_galat(p, g, &mut i)?;
    Ok((i, st))
}

#[derive(Deserialize)]
struct FormAkun {
    #[serde(default, rename = "_csrf")]
    csrf: String,
    #[serde(default)]
    username: String,
    #[serde(default)]
    nama: String,
    #[serde(default)]
    sandi: String,
    #[serde(default)]
    peran: String,
}

async fn buat(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
    Form(f): Form<FormAkun>,
) -> HasilHalaman {
    p.periksa_csrf(&f.csrf).atau_halaman(&p)?;
    let mut i = Isian::default();
    i.set("username", f.username.clone());
    i.set("nama", f.nama.clone());
    i.set("peran", f.peran.clone());
    let peran: Vec<Peran> = Peran::dari_kode(&f.peran).into_iter().collect();
    // Akun pegawai memakai NIP-nya sebagai nama pengguna dan ditautkan ke rekamannya.
    let pegawai_id = match app::organisasi::pegawai::id_dari_nip(
        &s.layanan,
        &p.konteks,
        &iid,
        f.username.trim(),
    )
    .await
    {
        Ok(x) => x,
        Err(e) => return Err(super::galat(&p, e)),
    };
    let akun = app::akun::AkunBaru {
        instansi_id: iid.clone(),
        username: f.username.clone(),
        nama: f.nama.clone(),
        sandi: f.sandi.clone(),
        pegawai_id,
        peran,
    };
    match app::akun::buat_akun(&s.layanan, &p.konteks, akun).await {
        Ok(a) => {
            let ok = format!(
                "{} {}",
                p.konteks.t("Akun dibuat:", "Account created:"),
                a.username
            );
            tampil(
                &s,
                &p,
                &iid,
                Isian::default(),
                Isian::default(),
                Some(ok),
                StatusCode::OK,
            )
            .await
        }
        Err(g) => {
            let (i, st) = ke_isian(&p, g, i).atau_halaman(&p)?;
            tampil(&s, &p, &iid, i, Isian::default(), None, st).await
        }
    }
}

#[derive(Deserialize)]
struct FormReset {
    #[serde(default, rename = "_csrf")]
    csrf: String,
    #[serde(default)]
    id: String,
    #[serde(default)]
    sandi_baru: String,
}

async fn atur_ulang(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
    Form(f): Form<FormReset>,
) -> HasilHalaman {
    p.periksa_csrf(&f.csrf).atau_halaman(&p)?;
    match app::akun::atur_ulang_sandi(&s.layanan, &p.konteks, &iid, &f.id, &f.sandi_baru).await {
        Ok(()) => {
            let ok = p
                .konteks
                .t(
                    "Sandi diatur ulang (sementara: wajib diganti saat masuk); sesi pengguna itu diputus dan token API-nya dicabut.",
                    "Password reset (temporary: must be changed at sign-in); that user's sessions were ended and API tokens revoked.",
                )
                .to_string();
            tampil(
                &s,
                &p,
                &iid,
                Isian::default(),
                Isian::default(),
                Some(ok),
                StatusCode::OK,
            )
            .await
        }
        Err(g) => {
            let mut i = Isian::default();
            i.set("id", f.id.clone());
            let (i, st) = ke_isian(&p, g, i).atau_halaman(&p)?;
            tampil(&s, &p, &iid, Isian::default(), i, None, st).await
        }
    }
}
