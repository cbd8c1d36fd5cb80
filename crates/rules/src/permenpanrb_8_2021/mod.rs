//! PermenPANRB No. 8 Tahun 2021 — SKP PNS dengan nilai 0–120 (bersama PP 30/2019).
//!
//! * [`capaian`]: capaian IKI dari target dan realisasi (positif, negatif, rentang).
//! * [`nilai_iki`]: capaian IKI → nilai capaian IKI (0–120) dan kategorinya.

pub mod capaian;
pub mod nilai_iki;

pub use capaian::{HasilCapaian, PembandingTarget, Polaritas, Target, capaian};
pub use nilai_iki::{KategoriCapaianIki, NilaiCapaianIki, PitaIki, nilai_capaian_iki};

/// Sumber regulasi untuk penjelasan.
pub const SUMBER: &str = "PermenPANRB No. 8 Tahun 2021";
