//! PermenPANRB No. 88 Tahun 2021 — Evaluasi Akuntabilitas Kinerja Instansi
//! Pemerintah (AKIP).
//!
//! Bobot komponen [S]: Perencanaan 30, Pengukuran 30, Pelaporan 15, Evaluasi
//! Internal 25 (total 100). Nilai = jumlah nilai komponen; nilai komponen di
//! atas bobotnya ditolak.
//!
//! Predikat dari nilai yang dibulatkan [S untuk batas, R untuk nama]:
//!
//! | nilai | predikat |
//! |---|---|
//! | > 90 | AA (Sangat Memuaskan) |
//! | > 80 | A (Memuaskan) |
//! | > 70 | BB (Sangat Baik) |
//! | > 60 | B (Baik) |
//! | > 50 | CC (Cukup/Memadai) |
//! | > 30 | C (Kurang) |
//! | selebihnya | D (Sangat Kurang) |

use crate::galat::{GalatInput, Masalah, bukan_negatif};
use crate::{Bahasa, angka};
use rust_decimal::Decimal;

/// Sumber regulasi untuk penjelasan.
pub const SUMBER: &str = "PermenPANRB No. 88 Tahun 2021";

enum_token! {
    /// Predikat hasil evaluasi AKIP.
    pub enum PredikatAkip {
        /// AA, > 90.
        Aa => "AA",
        /// A, > 80.
        A => "A",
        /// BB, > 70.
        Bb => "BB",
        /// B, > 60.
        B => "B",
        /// CC, > 50.
        Cc => "CC",
        /// C, > 30.
        C => "C",
        /// D, ≤ 30.
        D => "D",
    }
}

impl PredikatAkip {
    /// Interpretasi baku [R] (jangan disalin dari kode publik yang berbeda label).
    pub fn interpretasi(self, bahasa: Bahasa) -> &'static str {
        match self {
            PredikatAkip::Aa => bahasa.pilih("Sangat Memuaskan", "Excellent"),
            PredikatAkip::A => bahasa.pilih("Memuaskan", "Very satisfactory"),
            PredikatAkip::Bb => bahasa.pilih("Sangat Baik", "Very good"),
            PredikatAkip::B => bahasa.pilih("Baik", "Good"),
            PredikatAkip::Cc => bahasa.pilih("Cukup (Memadai)", "Adequate"),
            PredikatAkip::C => bahasa.pilih("Kurang", "Poor"),
            PredikatAkip::D => bahasa.pilih("Sangat Kurang", "Very poor"),
        }
    }
}

/// Predikat dari nilai (sudah dibulatkan).
pub fn predikat(nilai: Decimal) -> PredikatAkip {
    let d = Decimal::from;
    match nilai {
        n if n > d(90) => PredikatAkip::Aa,
        n if n > d(80) => PredikatAkip::A,
        n if n > d(70) => PredikatAkip::Bb,
        n if n > d(60) => PredikatAkip::B,
        n if n > d(50) => PredikatAkip::Cc,
        n if n > d(30) => PredikatAkip::C,
        _ => PredikatAkip::D,
    }
}

/// Nilai keempat komponen evaluasi AKIP.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KomponenAkip {
    /// Perencanaan kinerja (0–30).
    pub perencanaan: Decimal,
    /// Pengukuran kinerja (0–30).
    pub pengukuran: Decimal,
    /// Pelaporan kinerja (0–15).
    pub pelaporan: Decimal,
    /// Evaluasi akuntabilitas kinerja internal (0–25).
    pub evaluasi_internal: Decimal,
}

/// Bobot komponen [S]: (nama field, bobot).
pub const BOBOT: [(&str, u32); 4] = [
    ("perencanaan", 30),
    ("pengukuran", 30),
    ("pelaporan", 15),
    ("evaluasi_internal", 25),
];

/// Hasil evaluasi AKIP.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HasilAkip {
    /// Jumlah nilai komponen, eksak.
    pub nilai: Decimal,
    /// Nilai dibulatkan (dasar predikat).
    pub nilai_bulat: Decimal,
    /// Predikat.
    pub predikat: PredikatAkip,
}

/// Nilai dan predikat evaluasi AKIP. Field galat: nama komponen.
pub fn evaluasi_akip(k: &KomponenAkip) -> Result<HasilAkip, GalatInput> {
    let nilai_komponen = [
        k.perencanaan,
        k.pengukuran,
        k.pelaporan,
        k.evaluasi_internal,
    ];
    let mut nilai = Decimal::ZERO;
    for ((field, bobot), x) in BOBOT.iter().zip(nilai_komponen) {
        bukan_negatif(x, field)?;
        let bobot = Decimal::from(*bobot);
        if x > bobot {
            return Err(GalatInput::baru(*field, Masalah::MelebihiBobot { bobot }));
        }
        nilai += x;
    }
    let nilai_bulat = angka::bulatkan(nilai);
    Ok(HasilAkip {
        nilai,
        nilai_bulat,
        predikat: predikat(nilai_bulat),
    })
}
