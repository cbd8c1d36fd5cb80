//! Halaman SKP (isu 11), ponsel dulu: beranda SKP (milik sendiri, yang
//! dinilai, kalibrasi, pembukaan periode oleh BKD), satu SKP (menyusun RHK,
//! mengajukan, mencatat realisasi dengan foto — juga saat sinyal hilang,
//! lewat antrean luring — umpan balik dan rating penilai), daftar SKP yang
//! dinilai, dan kalibrasi kurva per unit. Hak dan aturan di `app::skp`.
//! Di sini: rute, beranda dan pembukaan periode; `detail` (satu SKP),
//! `dinilai`, `dasbor`, `kalibrasi`, `templat` (rencana dari berkas dan
//! templat per jabatan).

use super::{Bingkai, HasilHalaman, KeHalaman, render};
use crate::AppState;
use crate::pengunjung::Pengunjung;
use app::skp::{self as sk, MasukanIndikator, MasukanLangkah, MasukanRhk};
use askama::Template;
use axum::extract::multipart::Multipart;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use rules::permenpanrb_6_2022::{PredikatKinerjaPegawai, PredikatOrganisasi, RatingKinerja};
use rules::skp::{Frekuensi, LangkahSkp, PelakuSkp, Periode, StatusSkp};
use std::collections::HashMap;

mod dasbor;
mod detail;
mod dinilai;
mod kalibrasi;
mod templat;
use dasbor::*;
use detail::*;
use dinilai::*;
use kalibrasi::*;
use templat::*;

/// Skrip antrean luring (CSP `script-src 'self'`: berkas sendiri, bernama sidik isinya).
pub const JS_ANTREAN: &str = include_str!("../../../static/skp-antrean.js");
const SW: &str = include_str!("../../../static/skp-sw.js");

pub static JS_ANTREAN_PATH: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    let h = JS_ANTREAN.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, x| {
        (h ^ u64::from(x)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("/static/skp-antrean-{h:016x}.js")
});

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/skp", get(beranda))
        .route("/skp/periode", post(buka_periode))
        .route("/skp/dinilai", get(dinilai))
        .route("/skp/dasbor", get(dasbor))
        .route("/skp/kalibrasi", get(kalibrasi).post(simpan_kurva))
        .route("/skp/sw.js", get(sw))
        .route(JS_ANTREAN_PATH.as_str(), get(js_antrean))
        .route("/skp/{id}", get(detail))
        .route("/skp/{id}/rhk", post(tambah_rhk))
        .route("/skp/{id}/rhk/dari-pk", post(dari_pk))
        .route("/skp/{id}/langkah", post(langkah))
        .route(
            "/skp/{id}/realisasi",
            post(kirim_realisasi).layer(DefaultBodyLimit::max(crate::api::bukti::BATAS_MUTLAK)),
        )
        .route("/skp/{id}/realisasi/{rid}/umpan-balik", post(umpan_balik))
        .route(
            "/skp/{id}/realisasi/impor",
            post(impor_realisasi).layer(DefaultBodyLimit::max(app::impor::BATAS_UKURAN)),
        )
        .route("/skp/{id}/evaluasi", post(nilai))
        .route(
            "/skp/{id}/rencana/impor",
            post(impor_rencana).layer(DefaultBodyLimit::max(app::impor::BATAS_UKURAN)),
        )
        .route("/skp/{id}/jadikan-templat", post(jadikan_templat))
        .route("/skp/templat", get(halaman_templat))
        .route(
            "/skp/templat/unggah",
            post(unggah_templat).layer(DefaultBodyLimit::max(app::impor::BATAS_UKURAN)),
        )
        .route("/skp/templat/{jid}/unduh", get(unduh_templat))
        .route("/skp/templat/{jid}/hapus", post(hapus_templat))
}

async fn js_antrean() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        JS_ANTREAN,
    )
        .into_response()
}

/// Service worker berlingkup `/skp/`: halaman SKP yang pernah dibuka tetap
/// terbuka saat sinyal hilang (jaringan dulu, salinan bila gagal).
async fn sw() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        SW.replace("__CSS__", crate::operasi::CSS_PATH.as_str())
            .replace("__JS__", JS_ANTREAN_PATH.as_str()),
    )
        .into_response()
}

fn instansi(p: &Pengunjung) -> Result<String, Response> {
    let a = p.konteks.aktor().atau_halaman(p)?;
    Ok(a.instansi_id.clone())
}

async fn tahun_ini(s: &AppState, iid: &str) -> i64 {
    app::organisasi::hari_ini_di(&s.layanan, iid)
        .await
        .ok()
        .and_then(|t| t.get(..4).and_then(|x| x.parse().ok()))
        .unwrap_or(2026)
}

async fn nama_pegawai(s: &AppState, iid: &str, id: Option<&str>) -> String {
    match id {
        Some(id) => store::organisasi::pegawai(s.layanan.pool(), iid, id)
            .await
            .ok()
            .flatten()
            .map(|p| p.nama)
            .unwrap_or_else(|| "—".into()),
        None => "—".into(),
    }
}

// ---------- beranda ----------

#[derive(serde::Deserialize, Default)]
struct TanyaTahun {
    tahun: Option<i64>,
    #[serde(default)]
    ok: String,
}

#[derive(Template)]
#[template(path = "skp_beranda.html")]
struct HalamanBeranda {
    b: Bingkai,
    tahun: i64,
    milik: Option<(String, String)>,
    jumlah_dinilai: usize,
    bkd: bool,
    dasbor: bool,
    periode: Option<String>,
    hasil: Option<String>,
    perlu_perbaikan: Vec<(String, String)>,
    tidak_ber_skp: usize,
}

async fn beranda(
    State(s): State<AppState>,
    p: Pengunjung,
    Query(q): Query<TanyaTahun>,
) -> HasilHalaman {
    let iid = instansi(&p)?;
    let k = &p.konteks;
    let l = &s.layanan;
    let tahun = match q.tahun {
        Some(t) => t,
        None => tahun_ini(&s, &iid).await,
    };
    let a = k.aktor().atau_halaman(&p)?;
    let milik = match &a.pegawai_id {
        Some(pid) => store::skp::skp_pegawai(l.pool(), &iid, tahun, pid)
            .await
            .map_err(|e| crate::halaman::galat(&p, e.into()))?
            .map(|x| (x.id, x.status)),
        None => None,
    };
    let jumlah_dinilai = sk::dinilai_saya(l, k, &iid, tahun)
        .await
        .atau_halaman(&p)?
        .len();
    let bkd = sk::periode::wajib_bkd(k, &iid).is_ok();
    let dasbor = bkd || a.punya(app::Peran::PimpinanUnit);
    let periode = sk::periode::periode(l, k, &iid, tahun)
        .await
        .atau_halaman(&p)?
        .map(|x| x.frekuensi);
    let (perlu_perbaikan, tidak_ber_skp) = if bkd {
        let pm = sk::periode::pemetaan(l, k, &iid, tahun)
            .await
            .atau_halaman(&p)?;
        (
            pm.perlu_perbaikan
                .into_iter()
                .take(50)
                .map(|x| (x.nama, x.masalah))
                .collect(),
            pm.tidak_ber_skp.len(),
        )
    } else {
        (Vec::new(), 0)
    };
    let b = Bingkai::dari(&p, format!("SKP {tahun}"));
    let hasil = (!q.ok.is_empty()).then(|| q.ok.clone());
    Ok(render(&HalamanBeranda {
        b,
        tahun,
        milik,
        jumlah_dinilai,
        bkd,
        dasbor,
        periode,
        hasil,
        perlu_perbaikan,
        tidak_ber_skp,
    }))
}

#[derive(serde::Deserialize)]
struct FormPeriode {
    #[serde(rename = "_csrf", default)]
    csrf: String,
    tahun: i64,
    #[serde(default)]
    frekuensi: String,
}

async fn buka_periode(
    State(s): State<AppState>,
    p: Pengunjung,
    Form(f): Form<FormPeriode>,
) -> HasilHalaman {
    p.periksa_csrf(&f.csrf).atau_halaman(&p)?;
    let iid = instansi(&p)?;
    let m = sk::periode::MasukanPeriodeSkp {
        tahun: f.tahun,
        frekuensi: Frekuensi::dari_token(&f.frekuensi),
        ambang_kurva: None,
    };
    match sk::periode::buka_atau_antre(&s.layanan, &p.konteks, &iid, &m)
        .await
        .atau_halaman(&p)?
    {
        Ok(h) => {
            let ok = format!(
                "{} {}, {} {}, {} {}",
                h.dibuat,
                p.konteks.t("SKP dibuat", "plans created"),
                h.sudah_ada,
                p.konteks.t("sudah ada", "already there"),
                h.tanpa_atasan,
                p.konteks.t("tanpa atasan", "without supervisor")
            );
            Ok(Redirect::to(&format!(
                "/skp?tahun={}&ok={}",
                f.tahun,
                crate::halaman::enkode(&ok)
            ))
            .into_response())
        }
        Err(t) => Ok(Redirect::to(&format!("/tugas/{}", t.id)).into_response()),
    }
}
