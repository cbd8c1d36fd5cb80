//! Halaman HTML: Indonesia dulu, ponsel dulu, terbaca tanpa JavaScript.
//! Setiap formulir membawa token CSRF dan menyimpan isian saat ada galat.

pub mod aksi_kelola;
pub mod aksi_perubahan;
pub mod akun;
pub mod anggaran;
pub mod beranda;
pub mod impor;
pub mod inovasi;
pub mod kalkulator;
pub mod kompetisi;
pub mod masuk;
pub mod nomenklatur;
pub mod notifikasi;
pub mod pegawai;
pub mod pengguna;
pub mod riwayat;
pub mod sakip;
pub mod skp;
pub mod tugas;
pub mod unit;

use crate::AppState;
use crate::pengunjung::{COOKIE_CSRF, Pengunjung, set_cookie};
use app::{Bahasa, Galat};
use askama::Template;
use axum::Router;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use std::collections::BTreeMap;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(masuk::router())
        .merge(beranda::router())
        .merge(pegawai::router())
        .merge(pengguna::router())
        .merge(unit::router())
        .merge(akun::router())
        .merge(kalkulator::router())
        .merge(impor::router())
        .merge(tugas::router())
        .merge(notifikasi::router())
        .merge(nomenklatur::router())
        .merge(anggaran::router())
        .merge(skp::router())
        .merge(aksi_perubahan::router())
        .merge(aksi_kelola::router())
        .merge(sakip::router())
        .merge(inovasi::router())
        .merge(kompetisi::router())
}

/// Teks dua bahasa di templat: `{{ t.s("Cari", "Search") }}`.
#[derive(Clone, Copy, Debug)]
pub struct Teks(pub Bahasa);

impl Teks {
    pub fn s(&self, id: &'static str, en: &'static str) -> &'static str {
        app::teks::t(self.0, id, en)
    }
    pub fn kode(&self) -> &'static str {
        match self.0 {
            Bahasa::Id => "id",
            Bahasa::En => "en",
        }
    }
    pub fn tanggal(&self, iso: &str) -> String {
        app::teks::tanggal(self.0, iso)
    }
    /// Label status pegawai untuk tampilan.
    pub fn status(&self, s: &str) -> &'static str {
        match s {
            "aktif" => self.s("Aktif", "Active"),
            "cuti" => self.s("Cuti", "On leave"),
            "pensiun" => self.s("Pensiun", "Retired"),
            "pindah" => self.s("Pindah", "Moved"),
            "berhenti" => self.s("Berhenti", "Left"),
            "diberhentikan_sementara" => self.s(
                "Diberhentikan sementara / proses hukuman disiplin",
                "Temporarily suspended / disciplinary process",
            ),
            _ => "—",
        }
    }
    /// Label jenis ASN untuk tampilan.
    pub fn jenis_asn(&self, s: &str) -> &'static str {
        match s {
            "pns" => "PNS",
            "pppk" => "PPPK",
            "pejabat_negara" => self.s("Pejabat negara", "State official"),
            _ => "—",
        }
    }
    pub fn waktu(&self, iso: &str, zona: &str) -> String {
        app::teks::waktu_lokal(self.0, iso, zona)
    }
    pub fn angka(&self, n: &i64) -> String {
        match self.0 {
            Bahasa::Id => app::teks::ribuan(*n),
            Bahasa::En => app::teks::ribuan(*n).replace('.', ","),
        }
    }
}

/// Bingkai halaman: judul, bahasa, pengguna, token CSRF.
pub struct Bingkai {
    pub t: Teks,
    pub judul: String,
    pub pengguna: Option<String>,
    pub instansi_id: Option<String>,
    pub super_admin: bool,
    pub csrf: String,
    pub css: &'static str,
    /// Notifikasi belum dibaca (lonceng).
    pub belum_dibaca: i64,
}

impl Bingkai {
    pub fn dari(p: &Pengunjung, judul: impl Into<String>) -> Self {
        let a = p.konteks.aktor.as_ref();
        Bingkai {
            t: Teks(p.bahasa()),
            judul: judul.into(),
            pengguna: a.map(|a| a.nama.clone()),
            instansi_id: a.map(|a| a.instansi_id.clone()),
            super_admin: a.is_some_and(|a| a.super_admin()),
            csrf: p.csrf.clone().unwrap_or_default(),
            css: crate::operasi::CSS_PATH.as_str(),
            belum_dibaca: p.notifikasi_belum_dibaca,
        }
    }
}

/// Isian formulir dan galat per kolom, agar yang diketik tidak hilang.
#[derive(Default, Debug, Clone)]
pub struct Isian {
    pub nilai: BTreeMap<String, String>,
    pub galat: BTreeMap<String, String>,
    pub pesan: Option<String>,
}

impl Isian {
    pub fn v(&self, k: &str) -> &str {
        self.nilai.get(k).map(String::as_str).unwrap_or("")
    }
    pub fn g(&self, k: &str) -> &str {
        self.galat.get(k).map(String::as_str).unwrap_or("")
    }
    pub fn ada_galat(&self, k: &str) -> bool {
        self.galat.contains_key(k)
    }
    pub fn pilih(&self, k: &str, nilai: &str) -> bool {
        self.v(k) == nilai
    }
    pub fn set(&mut self, k: &str, v: impl Into<String>) {
        self.nilai.insert(k.to_string(), v.into());
    }
}

pub fn render<T: Template>(tpl: &T) -> Response {
    match tpl.render() {
        Ok(s) => Html(s).into_response(),
        Err(e) => {
            tracing::error!(galat = %e, "templat gagal");
            (StatusCode::INTERNAL_SERVER_ERROR, "kesalahan templat").into_response()
        }
    }
}

/// Jawaban dengan cookie CSRF tamu bila baru dibuat.
pub fn dengan_cookie_tamu(p: &Pengunjung, secure: bool, mut res: Response) -> Response {
    if let Some(c) = &p.csrf_tamu_baru {
        if let Ok(v) = HeaderValue::from_str(&set_cookie(COOKIE_CSRF, c, None, secure)) {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    res
}

#[derive(Template)]
#[template(path = "galat.html")]
struct HalamanGalat {
    b: Bingkai,
    kode: u16,
    pesan: String,
}

/// Halaman galat; yang belum masuk diarahkan ke halaman masuk.
pub fn galat(p: &Pengunjung, g: Galat) -> Response {
    if matches!(g, Galat::TidakMasuk(_)) {
        return Redirect::to("/masuk").into_response();
    }
    let st = crate::galat::status(&g);
    let pesan = crate::galat::pesan_aman(&g, p.bahasa());
    let judul = p.konteks.t("Tidak dapat ditampilkan", "Cannot be shown");
    (
        st,
        render(&HalamanGalat {
            b: Bingkai::dari(p, judul),
            kode: st.as_u16(),
            pesan,
        }),
    )
        .into_response()
}

pub async fn tidak_ditemukan(p: Pengunjung) -> Response {
    galat(
        &p,
        Galat::TidakDitemukan(
            p.konteks
                .t("Halaman tidak ditemukan.", "Page not found.")
                .into(),
        ),
    )
}

/// Galat yang ditampilkan di formulir itu sendiri (isian tetap, pesan di
/// samping kolomnya) dengan status dari pintu galat yang sama
/// (`crate::galat::status`); galat lain (403, 404, 500) dikembalikan untuk
/// menjadi halaman galat.
pub fn isian_dari_galat(p: &Pengunjung, g: Galat, i: &mut Isian) -> Result<StatusCode, Galat> {
    let st = crate::galat::status(&g);
    match &g {
        Galat::InputTidakValid { .. }
        | Galat::Kendala(_)
        | Galat::VersiWajib(_)
        | Galat::Status { .. } => {
            i.galat = crate::galat::kolom_galat(&g, p.bahasa());
            i.pesan = Some(crate::galat::pesan_aman(&g, p.bahasa()));
            Ok(st)
        }
        Galat::Konflik(pesan) | Galat::TerlaluBesar(pesan) => {
            i.pesan = Some(pesan.clone());
            Ok(st)
        }
        _ => Err(g),
    }
}

/// Hasil penangan halaman: galat layanan langsung jadi halaman galat.
pub type HasilHalaman = Result<Response, Response>;

pub trait KeHalaman<T> {
    fn atau_halaman(self, p: &Pengunjung) -> Result<T, Response>;
}

impl<T> KeHalaman<T> for Result<T, Galat> {
    fn atau_halaman(self, p: &Pengunjung) -> Result<T, Response> {
        self.map_err(|g| galat(p, g))
    }
}

/// Membuat query string dari pasangan (kosong dilewati).
pub fn query(pasangan: &[(&str, &str)]) -> String {
    let bagian: Vec<String> = pasangan
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", enkode(v)))
        .collect();
    bagian.join("&")
}

pub fn enkode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}
