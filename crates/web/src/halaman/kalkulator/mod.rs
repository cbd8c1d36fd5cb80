//! Halaman publik "Kalkulator Kinerja" (GET, tanpa login).
//!
//! `/kalkulator` mendaftar semua kalkulator registri; `/kalkulator/{nama}` adalah
//! formulir GET: isian ada di query string, sehingga hasilnya bisa ditautkan
//! dan halaman bekerja tanpa JavaScript. Formulir diubah menjadi masukan JSON
//! kalkulator (desimal sebagai teks JSON, tidak pernah float) lalu dihitung
//! oleh `rules::kalkulator::hitung` — kontrak yang sama dengan API dan CLI.
//!
//! Nama isian = jalur field JSON dengan titik: `capaian_persen`, `target.min`,
//! `jumlah.baik`, dan untuk daftar `kegiatan.{baris}.target_output` (baris
//! formulir, mulai 0). Di dalam satu baris, segmen angka adalah indeks daftar
//! (`subkegiatan.0.indikator.0.target_triwulan.3`). Baris daftar yang kosong
//! dilewati; galat `kegiatan[j].…` dari aturan dipetakan kembali ke baris
//! formulirnya.

use super::{Bingkai, galat, render};
use crate::AppState;
use crate::pengunjung::Pengunjung;
use app::Galat;
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use rules::kalkulator::{self, GalatKalkulator, JenisGalat};
use std::collections::BTreeMap;

mod formulir;
mod label;
mod spek;

use formulir::*;
use label::*;
use spek::*;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/kalkulator", get(indeks))
        .route("/kalkulator/{nama}", get(halaman))
}

/// Banyaknya baris tetap untuk masukan berupa daftar.
const BARIS: usize = 5;

// ---------------------------------------------------------------------------
// Indeks
// ---------------------------------------------------------------------------

struct ButirIndeks {
    nama: &'static str,
    judul: &'static str,
    ringkas: &'static str,
    sumber: &'static str,
}

#[derive(Template)]
#[template(path = "kalkulator_daftar.html")]
struct HalamanIndeks {
    b: Bingkai,
    q_lang: String,
    daftar: Vec<ButirIndeks>,
}

/// `?lang=xx` bila bahasa dipilih lewat query string (agar tautan dan
/// formulir mempertahankannya); kosong bila tidak.
fn q_lang(q: Option<&str>) -> Option<&'static str> {
    q?.split('&').find_map(|kv| match kv {
        "lang=en" => Some("en"),
        "lang=id" => Some("id"),
        _ => None,
    })
}

async fn indeks(p: Pengunjung, RawQuery(q): RawQuery) -> Response {
    let b = p.bahasa();
    let daftar = kalkulator::DAFTAR
        .iter()
        .filter_map(|n| {
            let (s, i) = (spek(n)?, kalkulator::info(n)?);
            Some(ButirIndeks {
                nama: s.nama,
                judul: i.judul(b),
                ringkas: app::teks::t(b, s.ringkas.0, s.ringkas.1),
                sumber: i.sumber,
            })
        })
        .collect();
    let q_lang = q_lang(q.as_deref())
        .map(|l| format!("?lang={l}"))
        .unwrap_or_default();
    render(&HalamanIndeks {
        b: Bingkai::dari(
            &p,
            p.konteks.t("Kalkulator Kinerja", "Performance calculators"),
        ),
        q_lang,
        daftar,
    })
}

fn tidak_ada(p: &Pengunjung) -> Response {
    let pesan = p
        .konteks
        .t("Kalkulator tidak ditemukan.", "Calculator not found.");
    galat(p, Galat::TidakDitemukan(pesan.into()))
}

async fn halaman(
    State(st): State<AppState>,
    p: Pengunjung,
    Path(nama): Path<String>,
    RawQuery(q): RawQuery,
    Query(pasangan): Query<Vec<(String, String)>>,
) -> Response {
    let b = p.bahasa();
    let (Some(s), Some(info)) = (spek(&nama), kalkulator::info(&nama)) else {
        return tidak_ada(&p);
    };
    let isian = isian_dari(pasangan);
    let lang = q_lang(q.as_deref());
    let mut bagian = bagian_tampil(s, &isian, b);
    let mut ringkasan = Vec::new();
    let mut hasil = None;
    // Formulir dikirim bila query memuat isian kalkulator ini (isian teks dan
    // pilihan selalu ikut terkirim); parameter lain (mis. `utm_*`) diabaikan.
    let dikirim = bagian
        .iter()
        .flat_map(|bg| &bg.kolom)
        .any(|k| isian.contains_key(&k.nama));
    if dikirim {
        if !st.pembatas_publik.izinkan(p.alamat) {
            let pesan = p.konteks.t(
                "Terlalu banyak permintaan; coba lagi sebentar lagi.",
                "Too many requests; try again shortly.",
            );
            return galat(&p, Galat::TerlaluBanyak(pesan.into()));
        }
        let m = bangun(s, &isian, b);
        let galat_isian: BTreeMap<String, String> = if !m.galat.is_empty() {
            m.galat.clone()
        } else {
            match kalkulator::hitung(s.nama, &m.json, b) {
                Ok(v) => {
                    hasil = Some(hasil_tampil(s, &v, &m, b));
                    BTreeMap::new()
                }
                Err(GalatKalkulator {
                    jenis: JenisGalat::KalkulatorTidakDikenal,
                    ..
                }) => return tidak_ada(&p),
                Err(g) => {
                    let mut peta = BTreeMap::new();
                    for (jalur, pesan) in &g.fields {
                        let nama =
                            arahkan_ke_rentang(jalur_ke_nama(jalur, &m.baris), &m.json, &bagian);
                        peta.entry(nama).or_insert_with(|| bersihkan(pesan, jalur));
                    }
                    if peta.is_empty() {
                        peta.insert(String::new(), g.pesan.clone());
                    }
                    peta
                }
            }
        };
        ringkasan = pasang_galat(&mut bagian, galat_isian, s);
    }
    let status = if ringkasan.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let tpl = HalamanKalkulator {
        b: Bingkai::dari(&p, info.judul(b)),
        nama: s.nama,
        ringkas: app::teks::t(b, s.ringkas.0, s.ringkas.1),
        lang,
        q_lang: lang.map(|l| format!("?lang={l}")).unwrap_or_default(),
        bagian,
        galat: ringkasan,
        hasil,
        penjelasan: info.penjelasan,
        sumber: info.sumber,
        status: label_status(info.status.token(), b),
        belum: info
            .belum_terkonfirmasi
            .iter()
            .map(|c| (c.status.token(), c.nilai))
            .collect(),
    };
    (status, render(&tpl)).into_response()
}

#[cfg(test)]
mod tes_registri {
    use super::*;

    /// Registri (rules) dan formulir (web) harus sepasang: kalkulator tanpa
    /// formulir dulu hilang diam-diam dari /kalkulator.
    #[test]
    fn setiap_kalkulator_punya_formulir_dan_sebaliknya() {
        for n in kalkulator::DAFTAR {
            let s =
                spek(n).unwrap_or_else(|| panic!("kalkulator {n} belum punya formulir di spek.rs"));
            assert!(
                !s.ringkas.0.is_empty() && !s.ringkas.1.is_empty(),
                "{n}: ringkasan kosong"
            );
            assert!(!s.bagian.is_empty(), "{n}: formulir tanpa isian");
        }
        for s in SPEK {
            assert!(
                kalkulator::info(s.nama).is_some(),
                "formulir {} tidak punya entri registri",
                s.nama
            );
        }
        assert_eq!(SPEK.len(), kalkulator::DAFTAR.len());
    }
}
