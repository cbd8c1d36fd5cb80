//! PermenPANRB No. 1 Tahun 2023 — angka kredit jabatan fungsional [S].
//!
//! Angka kredit tahunan = koefisien per jenjang × pengali predikat kinerja
//! (Sangat Baik 150 %, Baik 100 %, Butuh Perbaikan 75 %, Kurang 50 %, Sangat
//! Kurang 25 %). Tabel resmi membulatkan setengah ke atas ke 2 desimal
//! (5,625 → 5,63). Pro-rata tahun tidak penuh (bulan/12) [R] dapat diatur lewat
//! [`KonfigurasiAngkaKredit`].

use crate::galat::{GalatInput, Masalah};
use crate::permenpanrb_6_2022::PredikatKinerjaPegawai;
use rust_decimal::Decimal;

/// Sumber regulasi untuk penjelasan.
pub const SUMBER: &str = "PermenPANRB No. 1 Tahun 2023";

enum_token! {
    /// Jenjang jabatan fungsional.
    pub enum Jenjang {
        /// Pemula (keterampilan).
        Pemula => "pemula",
        /// Terampil.
        Terampil => "terampil",
        /// Mahir.
        Mahir => "mahir",
        /// Penyelia.
        Penyelia => "penyelia",
        /// Ahli Pertama (keahlian).
        AhliPertama => "ahli_pertama",
        /// Ahli Muda.
        AhliMuda => "ahli_muda",
        /// Ahli Madya.
        AhliMadya => "ahli_madya",
        /// Ahli Utama.
        AhliUtama => "ahli_utama",
    }
}

impl Jenjang {
    /// Koefisien angka kredit tahunan (= angka kredit pada predikat Baik).
    pub fn koefisien(self) -> Decimal {
        let (mantisa, skala) = match self {
            Jenjang::Pemula => (375, 2),
            Jenjang::Terampil => (5, 0),
            Jenjang::Mahir => (125, 1),
            Jenjang::Penyelia => (25, 0),
            Jenjang::AhliPertama => (125, 1),
            Jenjang::AhliMuda => (25, 0),
            Jenjang::AhliMadya => (375, 1),
            Jenjang::AhliUtama => (50, 0),
        };
        Decimal::new(mantisa, skala)
    }
}

/// Pengali predikat dalam persen.
pub fn pengali_persen(predikat: PredikatKinerjaPegawai) -> Decimal {
    Decimal::from(match predikat {
        PredikatKinerjaPegawai::SangatBaik => 150,
        PredikatKinerjaPegawai::Baik => 100,
        PredikatKinerjaPegawai::ButuhPerbaikan => 75,
        PredikatKinerjaPegawai::Kurang => 50,
        PredikatKinerjaPegawai::SangatKurang => 25,
    })
}

enum_token! {
    /// Pro-rata angka kredit untuk periode kurang dari setahun [R].
    #[derive(Default)]
    pub enum ProrataAngkaKredit {
        /// Dikali bulan / 12 (bawaan).
        #[default]
        BulanPer12 => "bulan_per_12",
        /// Tidak di-pro-rata: selalu nilai setahun.
        TanpaProrata => "tanpa_prorata",
    }
}

/// Konfigurasi angka kredit; `Default` = pro-rata bulan/12.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct KonfigurasiAngkaKredit {
    /// Cara pro-rata.
    pub prorata: ProrataAngkaKredit,
}

/// Hasil angka kredit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HasilAngkaKredit {
    /// Koefisien jenjang.
    pub koefisien: Decimal,
    /// Pengali predikat (persen).
    pub pengali_persen: Decimal,
    /// Faktor pro-rata yang dipakai (bulan/12 atau 1).
    pub faktor_prorata: Decimal,
    /// Angka kredit eksak.
    pub angka_kredit: Decimal,
}

/// Angka kredit (eksak; tampilkan dengan [`crate::angka::bulatkan`]) untuk
/// `bulan` (1–12) bulan penilaian. Field galat: `bulan`.
pub fn angka_kredit(
    jenjang: Jenjang,
    predikat: PredikatKinerjaPegawai,
    bulan: u8,
    konfigurasi: &KonfigurasiAngkaKredit,
) -> Result<HasilAngkaKredit, GalatInput> {
    if !(1..=12).contains(&bulan) {
        return Err(GalatInput::baru(
            "bulan",
            Masalah::DiLuarRentang {
                min: Some(Decimal::ONE),
                maks: Some(Decimal::from(12)),
            },
        ));
    }
    let koefisien = jenjang.koefisien();
    let pengali = pengali_persen(predikat);
    let faktor_prorata = match konfigurasi.prorata {
        ProrataAngkaKredit::BulanPer12 => Decimal::from(bulan) / Decimal::from(12),
        ProrataAngkaKredit::TanpaProrata => Decimal::ONE,
    };
    // Kalikan bulan sebelum membagi 12 supaya 12/12 tetap eksak.
    let angka_kredit = match konfigurasi.prorata {
        ProrataAngkaKredit::BulanPer12 => {
            koefisien * pengali * Decimal::from(bulan) / Decimal::from(1200)
        }
        ProrataAngkaKredit::TanpaProrata => koefisien * pengali / Decimal::ONE_HUNDRED,
    };
    Ok(HasilAngkaKredit {
        koefisien,
        pengali_persen: pengali,
        faktor_prorata,
        angka_kredit,
    })
}
