//! PP No. 30 Tahun 2019, Pasal 41 — nilai kinerja PNS dan predikatnya.
//!
//! * Nilai kinerja = 70 % nilai SKP + 30 % nilai perilaku (instansi tanpa
//!   penilaian rekan/bawahan), atau 60 % + 40 % (dengan penilaian 360°) [P].
//! * Predikat [P] (Kurang/Sangat Kurang [S]), diambil dari nilai yang sudah
//!   dibulatkan ke 2 desimal:
//!   Sangat Baik 110–120 DAN ada ide baru; Baik 90–120; Cukup 70–< 90;
//!   Kurang 50–< 70; Sangat Kurang < 50.
//! * Masukan di luar 0–120 ditolak.

use crate::angka;
use crate::galat::{GalatInput, dalam_rentang};
use rust_decimal::Decimal;

/// Sumber regulasi untuk penjelasan.
pub const SUMBER: &str = "PP No. 30 Tahun 2019 Pasal 41";

enum_token! {
    /// Bobot nilai SKP : nilai perilaku.
    pub enum BobotPp30 {
        /// 70 % SKP + 30 % perilaku.
        Skp70Perilaku30 => "70_30",
        /// 60 % SKP + 40 % perilaku (penilaian oleh rekan dan bawahan).
        Skp60Perilaku40 => "60_40",
    }
}

impl BobotPp30 {
    /// (bobot SKP, bobot perilaku) dalam persen.
    pub fn persen(self) -> (Decimal, Decimal) {
        match self {
            BobotPp30::Skp70Perilaku30 => (Decimal::from(70), Decimal::from(30)),
            BobotPp30::Skp60Perilaku40 => (Decimal::from(60), Decimal::from(40)),
        }
    }
}

enum_token! {
    /// Predikat kinerja PNS menurut PP 30/2019.
    pub enum PredikatPp30 {
        /// Sangat Baik (110–120 dan ada ide baru).
        SangatBaik => "sangat_baik",
        /// Baik (90–120).
        Baik => "baik",
        /// Cukup (70–< 90).
        Cukup => "cukup",
        /// Kurang (50–< 70).
        Kurang => "kurang",
        /// Sangat Kurang (< 50).
        SangatKurang => "sangat_kurang",
    }
}

/// Hasil nilai kinerja PP 30/2019.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HasilPp30 {
    /// Nilai eksak.
    pub nilai: Decimal,
    /// Nilai dibulatkan 2 desimal (dasar predikat).
    pub nilai_bulat: Decimal,
    /// Predikat.
    pub predikat: PredikatPp30,
}

/// Nilai kinerja dan predikat. Field galat: `nilai_skp`, `nilai_perilaku`.
pub fn nilai_kinerja(
    nilai_skp: Decimal,
    nilai_perilaku: Decimal,
    bobot: BobotPp30,
    ide_baru: bool,
) -> Result<HasilPp30, GalatInput> {
    let (nol, maks) = (Decimal::ZERO, Decimal::from(120));
    dalam_rentang(nilai_skp, nol, maks, "nilai_skp")?;
    dalam_rentang(nilai_perilaku, nol, maks, "nilai_perilaku")?;
    let (bs, bp) = bobot.persen();
    let nilai = (nilai_skp * bs + nilai_perilaku * bp) / Decimal::ONE_HUNDRED;
    let nilai_bulat = angka::bulatkan(nilai);
    Ok(HasilPp30 {
        nilai,
        nilai_bulat,
        predikat: predikat(nilai_bulat, ide_baru),
    })
}

/// Predikat dari nilai kinerja (sudah dibulatkan) dan ada/tidaknya ide baru.
pub fn predikat(nilai: Decimal, ide_baru: bool) -> PredikatPp30 {
    let d = Decimal::from;
    if ide_baru && nilai >= d(110) {
        PredikatPp30::SangatBaik
    } else if nilai >= d(90) {
        PredikatPp30::Baik
    } else if nilai >= d(70) {
        PredikatPp30::Cukup
    } else if nilai >= d(50) {
        PredikatPp30::Kurang
    } else {
        PredikatPp30::SangatKurang
    }
}
