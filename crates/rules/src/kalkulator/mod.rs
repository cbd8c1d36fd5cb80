//! Kontrak JSON kalkulator: CLI (`kinerja calc`) dan HTTP API adalah
//! pembungkus tipis atas [`hitung`] / [`hitung_teks`].
//!
//! * Angka desimal berjalan sebagai teks JSON; keluaran selalu tepat 2 desimal
//!   (`"109.00"`). Hitungan (jumlah pegawai, bulan, …) adalah bilangan bulat JSON.
//! * Masukan desimal menerima teks (`"97.89"`, `"97,89"`) atau bilangan bulat
//!   JSON (`100`), dan menolak bilangan JSON pecahan (`97.89`).
//! * Field tak dikenal, field hilang, token salah: galat yang menyebut field-nya.
//! * Setiap keluaran memuat `"penjelasan"` (cara hitung, pita yang dipakai,
//!   sumber regulasi, status [P]/[S]/[R]); bandingkan keluaran tanpa field itu.

mod aksi_perubahan;
mod anggaran;
mod info;
mod inovasi;
mod kinerja;
mod kode;
mod masukan;
mod organisasi;
mod penjelasan;
#[cfg(feature = "openapi")]
pub mod skema;

pub use info::{CatatanSumber, InfoKalkulator, JUMLAH, Kalkulator, info};

use crate::Bahasa;
use crate::abk::KonfigurasiAbk;
use crate::aksi_perubahan::KonfigurasiAksiPerubahan;
use crate::anggaran::KonfigurasiAnggaran;
use crate::permenpanrb_1_2023::KonfigurasiAngkaKredit;
use crate::permenpanrb_6_2022::KebijakanKurva;
use crate::pmk_22_2021::KonfigurasiEfisiensi;
use masukan::Pembaca;
use serde_json::Value;
use std::collections::BTreeMap;

/// Nama semua kalkulator, dalam urutan tampilan; diturunkan dari
/// [`info::REGISTRI`] (satu entri per kalkulator), bukan daftar kedua.
pub const DAFTAR: &[&str] = &info::nama_semua(&info::REGISTRI);

/// Skema OpenAPI masukan dan keluaran kalkulator `nama` (fitur `openapi`).
#[cfg(feature = "openapi")]
pub fn skema(nama: &str) -> Option<skema::FungsiSkema> {
    info::entri(nama).map(|k| k.skema)
}

/// Jenis galat kalkulator (HTTP: 404 untuk yang pertama, 422 untuk yang kedua).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JenisGalat {
    /// Nama kalkulator tidak ada di [`DAFTAR`].
    KalkulatorTidakDikenal,
    /// Masukan tidak valid (JSON rusak, field hilang/tak dikenal, nilai salah).
    InputTidakValid,
}

/// Galat kalkulator: kode stabil, pesan dalam bahasa yang diminta, dan pesan
/// per field (kunci = jalur field, mis. `target.min`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GalatKalkulator {
    /// Jenis galat.
    pub jenis: JenisGalat,
    /// Kode stabil snake_case (kode kesalahan pertama bila ada beberapa).
    pub kode: String,
    /// Pesan untuk manusia.
    pub pesan: String,
    /// Pesan per field yang salah.
    pub fields: BTreeMap<String, String>,
}

impl GalatKalkulator {
    /// `{"error": {"code": …, "message": …, "fields": {…}}}`.
    pub fn ke_json(&self) -> Value {
        crate::galat::badan_json(&self.kode, &self.pesan, &self.fields)
    }

    fn input(kode: &str, field: &str, pesan: String) -> Self {
        GalatKalkulator {
            jenis: JenisGalat::InputTidakValid,
            kode: kode.to_string(),
            fields: BTreeMap::from([(field.to_string(), pesan.clone())]),
            pesan,
        }
    }

    /// Tidak pernah terjadi bila kode benar; ada supaya tidak ada `unwrap`.
    pub(crate) fn internal(bahasa: Bahasa) -> Self {
        GalatKalkulator {
            jenis: JenisGalat::InputTidakValid,
            kode: "galat_internal".to_string(),
            pesan: bahasa
                .pilih("kesalahan internal kalkulator", "internal calculator error")
                .to_string(),
            fields: BTreeMap::new(),
        }
    }
}

impl std::fmt::Display for GalatKalkulator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.kode, self.pesan)
    }
}

impl std::error::Error for GalatKalkulator {}

/// Nilai [R] yang dapat diatur per instansi; `Default` = nilai terdokumentasi.
/// Field masukan (mis. `jam_kerja_efektif`) tetap mengalahkan konfigurasi.
/// Dapat dibaca dari JSON/TOML; bagian yang tidak disebut memakai bawaan.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Konfigurasi {
    /// Kebijakan kurva distribusi.
    pub kurva: KebijakanKurva,
    /// Analisis beban kerja.
    pub abk: KonfigurasiAbk,
    /// Efisiensi anggaran.
    pub efisiensi: KonfigurasiEfisiensi,
    /// Angka kredit.
    pub angka_kredit: KonfigurasiAngkaKredit,
    /// Anggaran: ambang nilai uang, ambang dan kelompok belanja penunjang.
    pub anggaran: KonfigurasiAnggaran,
    /// Aksi perubahan: ambang hari senyap dan berisiko.
    pub aksi_perubahan: KonfigurasiAksiPerubahan,
}

/// Jalankan kalkulator `nama` atas masukan JSON dengan konfigurasi bawaan.
pub fn hitung(nama: &str, input: &Value, bahasa: Bahasa) -> Result<Value, GalatKalkulator> {
    hitung_dengan(nama, input, bahasa, &Konfigurasi::default())
}

/// Seperti [`hitung`], tetapi masukan berupa teks JSON. JSON rusak adalah
/// galat masukan dengan kode `json_tidak_valid`.
pub fn hitung_teks(nama: &str, json_text: &str, bahasa: Bahasa) -> Result<Value, GalatKalkulator> {
    hitung_teks_dengan(nama, json_text, bahasa, &Konfigurasi::default())
}

/// [`hitung_teks`] dengan konfigurasi instansi.
pub fn hitung_teks_dengan(
    nama: &str,
    json_text: &str,
    bahasa: Bahasa,
    konfigurasi: &Konfigurasi,
) -> Result<Value, GalatKalkulator> {
    cari(nama, bahasa)?;
    let input: Value = serde_json::from_str(json_text).map_err(|e| {
        let pesan = match bahasa {
            Bahasa::Id => format!(
                "masukan bukan JSON yang valid (baris {}, kolom {})",
                e.line(),
                e.column()
            ),
            Bahasa::En => format!(
                "the input is not valid JSON (line {}, column {})",
                e.line(),
                e.column()
            ),
        };
        GalatKalkulator::input("json_tidak_valid", "input", pesan)
    })?;
    hitung_dengan(nama, &input, bahasa, konfigurasi)
}

pub(crate) type FungsiKalkulator =
    fn(&mut Pembaca, &Value, &Konfigurasi) -> Result<Value, GalatKalkulator>;

fn cari(nama: &str, bahasa: Bahasa) -> Result<FungsiKalkulator, GalatKalkulator> {
    let f = match info::entri(nama) {
        Some(k) => k.fungsi,
        _ => {
            let nama_pendek: String = nama.chars().take(60).collect();
            let daftar = DAFTAR.join(", ");
            let pesan = match bahasa {
                Bahasa::Id => {
                    format!("kalkulator '{nama_pendek}' tidak dikenal; tersedia: {daftar}")
                }
                Bahasa::En => format!("unknown calculator '{nama_pendek}'; available: {daftar}"),
            };
            return Err(GalatKalkulator {
                jenis: JenisGalat::KalkulatorTidakDikenal,
                kode: "kalkulator_tidak_dikenal".to_string(),
                fields: BTreeMap::from([("nama".to_string(), pesan.clone())]),
                pesan,
            });
        }
    };
    Ok(f)
}

/// [`hitung`] dengan konfigurasi instansi.
pub fn hitung_dengan(
    nama: &str,
    input: &Value,
    bahasa: Bahasa,
    konfigurasi: &Konfigurasi,
) -> Result<Value, GalatKalkulator> {
    let f = cari(nama, bahasa)?;
    let mut pembaca = Pembaca::baru(bahasa);
    f(&mut pembaca, input, konfigurasi)
}

/// Galat dari fungsi aturan (setelah masukan terbaca) sebagai galat kalkulator.
pub(crate) fn dari_galat_input(g: crate::GalatInput, bahasa: Bahasa) -> GalatKalkulator {
    GalatKalkulator::input(g.kode(), &g.field, g.pesan(bahasa))
}
