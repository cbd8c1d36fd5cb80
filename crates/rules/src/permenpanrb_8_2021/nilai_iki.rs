//! Nilai capaian IKI (0–120) dari capaian IKI (PermenPANRB 8/2021) [P].
//!
//! | kategori | capaian | nilai |
//! |---|---|---|
//! | Sangat Baik | > 110 % | 120 |
//! | Sangat Baik | 101–110 % | 110 + (120 − 110)/(110 − 101) × (c − 101) |
//! | Baik | 100 % | 109 (atau 120 bila target adalah nilai maksimal yang mungkin) |
//! | Cukup | 80–99 % | 70 + (89 − 70)/(99 − 80) × (c − 80) |
//! | Kurang | 60–79 % | 50 + (69 − 50)/(79 − 60) × (c − 60) |
//! | Sangat Kurang | 0–59 % | c / 59 × 49 |
//!
//! Pita didefinisikan pada persen bulat dan ada celah di antaranya (99,5 %).
//! Kebijakan Kinerja (EXAMPLES.md E3): capaian dibulatkan setengah-ke-atas ke
//! persen bulat lebih dulu (97,89 → 98 → 88; 99,5 → 100 → 109), seperti contoh
//! resmi yang menulis 97,89 % sebagai 98 %.

use crate::angka;
use crate::galat::{GalatInput, bukan_negatif};
use rust_decimal::Decimal;

enum_token! {
    /// Kategori capaian IKI.
    pub enum KategoriCapaianIki {
        /// Sangat Baik.
        SangatBaik => "sangat_baik",
        /// Baik.
        Baik => "baik",
        /// Cukup.
        Cukup => "cukup",
        /// Kurang.
        Kurang => "kurang",
        /// Sangat Kurang.
        SangatKurang => "sangat_kurang",
    }
}

enum_token! {
    /// Pita tabel yang dipakai.
    pub enum PitaIki {
        /// Capaian ≥ 100 % dan target adalah nilai maksimal yang mungkin → 120.
        TargetMaksimal => "target_maksimal",
        /// Capaian > 110 % → 120.
        LebihDari110 => "lebih_dari_110",
        /// 101–110 %.
        Dari101Sampai110 => "101_110",
        /// Tepat 100 % → 109.
        Tepat100 => "100",
        /// 80–99 %.
        Dari80Sampai99 => "80_99",
        /// 60–79 %.
        Dari60Sampai79 => "60_79",
        /// 0–59 %.
        Dari0Sampai59 => "0_59",
    }
}

/// Hasil nilai capaian IKI.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NilaiCapaianIki {
    /// Capaian setelah dibulatkan ke persen bulat (masukan pita).
    pub capaian_bulat: Decimal,
    /// Pita yang dipakai.
    pub pita: PitaIki,
    /// Nilai eksak (bulatkan dengan [`angka::bulatkan`] untuk ditampilkan).
    pub nilai: Decimal,
    /// Kategori.
    pub kategori: KategoriCapaianIki,
}

/// Nilai capaian IKI dari capaian (persen). `target_maksimal`: target adalah
/// nilai maksimal yang mungkin dicapai (mis. "100 % bebas temuan"); dengan
/// capaian ≥ 100 % nilainya 120. Capaian negatif adalah galat (`capaian_persen`).
pub fn nilai_capaian_iki(
    capaian_persen: Decimal,
    target_maksimal: bool,
) -> Result<NilaiCapaianIki, GalatInput> {
    bukan_negatif(capaian_persen, "capaian_persen")?;
    let c = angka::bulatkan_bulat(capaian_persen);
    let d = Decimal::from;
    use KategoriCapaianIki as K;
    let (pita, nilai, kategori) = if target_maksimal && c >= d(100) {
        (PitaIki::TargetMaksimal, d(120), K::SangatBaik)
    } else if c > d(110) {
        (PitaIki::LebihDari110, d(120), K::SangatBaik)
    } else if c >= d(101) {
        (
            PitaIki::Dari101Sampai110,
            d(110) + d(10) * (c - d(101)) / d(9),
            K::SangatBaik,
        )
    } else if c == d(100) {
        (PitaIki::Tepat100, d(109), K::Baik)
    } else if c >= d(80) {
        (
            PitaIki::Dari80Sampai99,
            d(70) + d(19) * (c - d(80)) / d(19),
            K::Cukup,
        )
    } else if c >= d(60) {
        (
            PitaIki::Dari60Sampai79,
            d(50) + d(19) * (c - d(60)) / d(19),
            K::Kurang,
        )
    } else {
        (PitaIki::Dari0Sampai59, c * d(49) / d(59), K::SangatKurang)
    };
    Ok(NilaiCapaianIki {
        capaian_bulat: c,
        pita,
        nilai,
        kategori,
    })
}
