//! Capaian IKI (PermenPANRB 8/2021) [P]; rumus yang sama dipakai LKjIP [S].
//!
//! * Positif (makin tinggi makin baik): `realisasi / target × 100`.
//! * Negatif ("kondisi khusus", makin rendah makin baik):
//!   `(1 + (1 − realisasi / target)) × 100`, tidak kurang dari 0 (kebijakan Kinerja).
//! * Target rentang: realisasi di dalam rentang → 100; di atas `max` → bandingkan
//!   dengan `max`; di bawah `min` → bandingkan dengan `min` [P]. Untuk indikator
//!   negatif pilihan batasnya sama, lalu rumus negatif dipakai.
//! * Target nol: galat untuk positif (tak terdefinisi); untuk negatif, realisasi 0
//!   memenuhi target (100) dan realisasi lain gagal total (0) — kebijakan Kinerja [R].

use crate::galat::{GalatInput, Masalah, bukan_negatif, cek};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

enum_token! {
    /// Arah indikator.
    pub enum Polaritas {
        /// Makin tinggi makin baik.
        Positif => "positif",
        /// Makin rendah makin baik (kondisi khusus).
        Negatif => "negatif",
    }
}

/// Target indikator: satu angka atau rentang.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Target {
    /// Satu angka.
    Tunggal(Decimal),
    /// Rentang inklusif `min`–`max`.
    Rentang {
        /// Batas bawah.
        min: Decimal,
        /// Batas atas.
        max: Decimal,
    },
}

enum_token! {
    /// Dengan apa realisasi dibandingkan.
    pub enum PembandingTarget {
        /// Target tunggal.
        Tunggal => "tunggal",
        /// Realisasi di dalam rentang: capaian 100.
        DalamRentang => "dalam_rentang",
        /// Realisasi di bawah rentang: dibandingkan dengan `min`.
        BatasBawah => "min",
        /// Realisasi di atas rentang: dibandingkan dengan `max`.
        BatasAtas => "max",
    }
}

/// Hasil perhitungan capaian (eksak, belum dibulatkan).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HasilCapaian {
    /// Capaian dalam persen, eksak.
    pub capaian_persen: Decimal,
    /// Pembanding yang dipakai.
    pub pembanding: PembandingTarget,
    /// Angka target yang dipakai rumus (`None` bila di dalam rentang).
    pub target_dipakai: Option<Decimal>,
    /// Rumus negatif memberi < 0 dan hasil dibatasi ke 0.
    pub dibatasi_nol: bool,
}

/// Capaian IKI dalam persen (eksak). Field galat: `target`, `target.min`,
/// `target.max`, `realisasi`.
pub fn capaian(
    polaritas: Polaritas,
    target: Target,
    realisasi: Decimal,
) -> Result<HasilCapaian, GalatInput> {
    bukan_negatif(realisasi, "realisasi")?;
    let (t, field, pembanding) = match target {
        Target::Tunggal(t) => (
            bukan_negatif(t, "target")?,
            "target",
            PembandingTarget::Tunggal,
        ),
        Target::Rentang { min, max } => {
            bukan_negatif(min, "target.min")?;
            bukan_negatif(max, "target.max")?;
            if min > max {
                return Err(GalatInput::baru("target", Masalah::MinLebihBesarDariMax));
            }
            if realisasi > max {
                (max, "target.max", PembandingTarget::BatasAtas)
            } else if realisasi < min {
                (min, "target.min", PembandingTarget::BatasBawah)
            } else {
                return Ok(HasilCapaian {
                    capaian_persen: Decimal::ONE_HUNDRED,
                    pembanding: PembandingTarget::DalamRentang,
                    target_dipakai: None,
                    dibatasi_nol: false,
                });
            }
        }
    };
    let hasil = |capaian_persen, dibatasi_nol| HasilCapaian {
        capaian_persen,
        pembanding,
        target_dipakai: Some(t),
        dibatasi_nol,
    };
    // realisasi × 100 / target: kalikan dulu supaya pembagian terjadi sekali.
    let rasio_persen = |t: Decimal| {
        cek(
            realisasi
                .checked_mul(Decimal::ONE_HUNDRED)
                .and_then(|x| x.checked_div(t)),
            "realisasi",
        )
    };
    match polaritas {
        Polaritas::Positif if t.is_zero() => Err(GalatInput::baru(field, Masalah::TargetNol)),
        Polaritas::Positif => Ok(hasil(rasio_persen(t)?, false)),
        Polaritas::Negatif if t.is_zero() => {
            let nilai = if realisasi.is_zero() {
                Decimal::ONE_HUNDRED
            } else {
                Decimal::ZERO
            };
            Ok(hasil(nilai, false))
        }
        Polaritas::Negatif => {
            let nilai = Decimal::TWO * Decimal::ONE_HUNDRED - rasio_persen(t)?;
            if nilai.is_sign_negative() {
                Ok(hasil(Decimal::ZERO, true))
            } else {
                Ok(hasil(nilai, false))
            }
        }
    }
}
