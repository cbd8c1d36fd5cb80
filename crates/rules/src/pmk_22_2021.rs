//! PMK No. 22/PMK.02/2021 — Evaluasi Kinerja Anggaran (menggantikan PMK 214/2017).
//!
//! * Penyerapan `P = realisasi / pagu × 100` [P]. Contoh resmi:
//!   734.881.464.333 / 855.830.897.000 = 85,87 %.
//! * Efisiensi `E = Σ((PAK × CK) − RAK) / Σ(PAK × CK) × 100` [P, teks PMK 214/2017],
//!   dengan PAK pagu keluaran, CK capaian keluaran (sebagai pecahan: persen/100),
//!   RAK realisasi anggaran keluaran. Apakah CK dibatasi 100 % belum
//!   terkonfirmasi [R]: bawaan mengikuti rumus apa adanya (tidak dibatasi),
//!   dapat diatur lewat [`KonfigurasiEfisiensi`].
//! * Konversi E menjadi nilai dan bobot aspek EKA [R] sengaja tidak di sini.

use crate::galat::{GalatInput, Masalah, bukan_negatif, cek};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Sumber regulasi untuk penjelasan.
pub const SUMBER: &str = "PMK No. 22/PMK.02/2021 (rumus efisiensi dari PMK 214/PMK.02/2017)";

/// Penyerapan anggaran dalam persen (eksak). Field galat: `realisasi`, `pagu`.
pub fn penyerapan(realisasi: Decimal, pagu: Decimal) -> Result<Decimal, GalatInput> {
    bukan_negatif(realisasi, "realisasi")?;
    bukan_negatif(pagu, "pagu")?;
    if pagu.is_zero() {
        return Err(GalatInput::baru("pagu", Masalah::Nol));
    }
    cek(
        realisasi
            .checked_mul(Decimal::ONE_HUNDRED)
            .and_then(|x| x.checked_div(pagu)),
        "realisasi",
    )
}

/// Konfigurasi efisiensi; `Default` = rumus apa adanya.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct KonfigurasiEfisiensi {
    /// Batasi setiap capaian keluaran pada 100 % [R]. Bawaan: tidak.
    pub batasi_capaian: bool,
}

/// Satu keluaran (RO).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Keluaran {
    /// Pagu anggaran keluaran (PAK).
    pub pagu: Decimal,
    /// Capaian keluaran dalam persen (CK).
    pub capaian_persen: Decimal,
    /// Realisasi anggaran keluaran (RAK).
    pub realisasi_anggaran: Decimal,
}

/// Hasil efisiensi.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HasilEfisiensi {
    /// Σ(PAK × CK/100).
    pub nilai_keluaran: Decimal,
    /// Σ RAK.
    pub realisasi_anggaran: Decimal,
    /// Efisiensi dalam persen, eksak (boleh negatif bila boros).
    pub efisiensi_persen: Decimal,
    /// Banyaknya capaian yang dibatasi ke 100 %.
    pub capaian_dibatasi: usize,
}

/// Efisiensi anggaran. Field galat: `keluaran`, `keluaran[i].…`.
pub fn efisiensi(
    keluaran: &[Keluaran],
    konfigurasi: &KonfigurasiEfisiensi,
) -> Result<HasilEfisiensi, GalatInput> {
    if keluaran.is_empty() {
        return Err(GalatInput::baru("keluaran", Masalah::DaftarKosong));
    }
    let mut nilai_keluaran = Decimal::ZERO;
    let mut realisasi_anggaran = Decimal::ZERO;
    let mut capaian_dibatasi = 0;
    for (i, k) in keluaran.iter().enumerate() {
        let f = |nama: &str| format!("keluaran[{i}].{nama}");
        let pagu = bukan_negatif(k.pagu, &f("pagu"))?;
        let mut ck = bukan_negatif(k.capaian_persen, &f("capaian_persen"))?;
        let rak = bukan_negatif(k.realisasi_anggaran, &f("realisasi_anggaran"))?;
        if konfigurasi.batasi_capaian && ck > Decimal::ONE_HUNDRED {
            ck = Decimal::ONE_HUNDRED;
            capaian_dibatasi += 1;
        }
        let nk = pagu
            .checked_mul(ck)
            .map(|x| x / Decimal::ONE_HUNDRED)
            .and_then(|x| nilai_keluaran.checked_add(x));
        nilai_keluaran = cek(nk, &f("pagu"))?;
        realisasi_anggaran = cek(
            realisasi_anggaran.checked_add(rak),
            &f("realisasi_anggaran"),
        )?;
    }
    if nilai_keluaran.is_zero() {
        return Err(GalatInput::baru("keluaran", Masalah::PembagiNol));
    }
    let e = nilai_keluaran
        .checked_sub(realisasi_anggaran)
        .and_then(|x| x.checked_mul(Decimal::ONE_HUNDRED))
        .and_then(|x| x.checked_div(nilai_keluaran));
    Ok(HasilEfisiensi {
        nilai_keluaran,
        realisasi_anggaran,
        efisiensi_persen: cek(e, "keluaran")?,
        capaian_dibatasi,
    })
}
