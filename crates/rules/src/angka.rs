//! Pembulatan dan pembacaan angka desimal.
//!
//! Aturan Kinerja: hitung dengan desimal eksak, lalu bulatkan hasil akhir
//! SEKALI ke 2 desimal, setengah menjauhi nol (5.625 → 5.63), bukan
//! pembulatan bankir bawaan `rust_decimal` (5.625 → 5.62). Tabel angka kredit
//! PermenPANRB 1/2023 memakai pembulatan ini [S].

use rust_decimal::{Decimal, RoundingStrategy};

/// Bulatkan ke 2 desimal, setengah menjauhi nol, dengan skala tepat 2
/// (`109` → `109.00`). Nol tidak pernah bertanda negatif.
pub fn bulatkan(nilai: Decimal) -> Decimal {
    bulatkan_dp(nilai, 2)
}

/// Bulatkan ke `dp` desimal, setengah menjauhi nol, dengan skala tepat `dp`.
pub fn bulatkan_dp(nilai: Decimal, dp: u32) -> Decimal {
    let mut hasil = nilai.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    hasil.rescale(dp);
    if hasil.is_zero() {
        hasil.set_sign_positive(true);
    }
    hasil
}

/// Bulatkan ke bilangan bulat, setengah menjauhi nol (97.89 → 98; 99.5 → 100).
pub fn bulatkan_bulat(nilai: Decimal) -> Decimal {
    bulatkan_dp(nilai, 0)
}

/// Teks 2 desimal dari nilai akhir (`"109.00"`), seperti di JSON keluaran.
pub fn teks_2(nilai: Decimal) -> String {
    bulatkan(nilai).to_string()
}

/// Teks ringkas nilai antara untuk penjelasan: paling banyak 4 desimal,
/// tanpa nol di belakang (`16.6667`, `0.76`).
pub fn teks_ringkas(nilai: Decimal) -> String {
    let mut n = bulatkan_dp(nilai, 4).normalize();
    if n.is_zero() {
        n.set_sign_positive(true);
    }
    n.to_string()
}

/// Mengapa teks tidak dapat dibaca sebagai desimal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GalatDesimal {
    /// Bukan angka (kosong, eksponen, pemisah ribuan, huruf, …).
    BukanAngka,
    /// Angka sah, tetapi lebih dari 28 digit bermakna atau di luar jangkauan:
    /// Decimal akan membulatkannya diam-diam, jadi ditolak.
    TerlaluPresisi,
}

/// Baca angka desimal dari teks: `"97.89"`, `"97,89"` (koma desimal),
/// `"-3"`, `"100"`. Ditolak: teks kosong, eksponen, pemisah ribuan, lebih
/// dari satu pemisah, spasi di tengah, atau angka di luar jangkauan Decimal.
pub fn baca_desimal(teks: &str) -> Option<Decimal> {
    baca_desimal_tepat(teks).ok()
}

/// Seperti [`baca_desimal`], dengan alasan penolakan. Angka yang tidak dapat
/// disimpan tepat (lebih dari 28 digit bermakna) ditolak, tidak dibulatkan:
/// `"79.499999999999999999999999999"` (29 digit) dulu menjadi 79.5 lalu
/// dibulatkan lagi ke 80.
pub fn baca_desimal_tepat(teks: &str) -> Result<Decimal, GalatDesimal> {
    let teks = teks.trim();
    if teks.is_empty() || teks.len() > 128 {
        return Err(GalatDesimal::BukanAngka);
    }
    let (negatif, angka) = match teks.as_bytes()[0] {
        b'-' => (true, &teks[1..]),
        b'+' => (false, &teks[1..]),
        _ => (false, teks),
    };
    let (bulat, pecahan) = match angka.split_once(['.', ',']) {
        Some((b, p)) => (b, p),
        None => (angka, ""),
    };
    let semua_digit = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if bulat.is_empty() || !semua_digit(bulat) || !semua_digit(pecahan) {
        return Err(GalatDesimal::BukanAngka);
    }
    if angka.len() > bulat.len() && pecahan.is_empty() {
        return Err(GalatDesimal::BukanAngka);
    }
    // Nol di depan dan di belakang tidak bermakna; sisanya harus muat tepat.
    let bulat = bulat.trim_start_matches('0');
    let pecahan = pecahan.trim_end_matches('0');
    let digit = bulat.len() + pecahan.len();
    if digit > 28 || pecahan.len() > 28 {
        return Err(GalatDesimal::TerlaluPresisi);
    }
    let tanda = if negatif { "-" } else { "" };
    let bulat = if bulat.is_empty() { "0" } else { bulat };
    let normal = if pecahan.is_empty() {
        format!("{tanda}{bulat}")
    } else {
        format!("{tanda}{bulat}.{pecahan}")
    };
    Decimal::from_str_exact(&normal).map_err(|_| GalatDesimal::TerlaluPresisi)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn setengah_menjauhi_nol() {
        assert_eq!(teks_2(d("5.625")), "5.63");
        assert_eq!(teks_2(d("3.125")), "3.13");
        assert_eq!(teks_2(d("-5.625")), "-5.63");
        assert_eq!(teks_2(d("109")), "109.00");
        assert_eq!(teks_2(d("-0.001")), "0.00");
        assert_eq!(bulatkan_bulat(d("97.89")), d("98"));
        assert_eq!(bulatkan_bulat(d("99.5")), d("100"));
        assert_eq!(bulatkan_bulat(d("98.49")), d("98"));
        assert_eq!(teks_ringkas(d("16.666666666")), "16.6667");
        assert_eq!(teks_ringkas(d("0.7600")), "0.76");
    }

    #[test]
    fn baca() {
        assert_eq!(baca_desimal("97.89"), Some(d("97.89")));
        assert_eq!(baca_desimal("97,89"), Some(d("97.89")));
        assert_eq!(baca_desimal(" 100 "), Some(d("100")));
        assert_eq!(baca_desimal("-3"), Some(d("-3")));
        assert_eq!(baca_desimal("+3"), Some(d("3")));
        for salah in [
            "",
            "-",
            "1e3",
            "1.000.000",
            "1.2,3",
            "97.",
            ".5",
            "1 000",
            "abc",
            "١٢",
            "NaN",
        ] {
            assert_eq!(baca_desimal(salah), None, "{salah}");
        }
        assert_eq!(baca_desimal("99999999999999999999999999999999"), None);
    }

    #[test]
    fn lebih_dari_28_digit_bermakna_ditolak_bukan_dibulatkan() {
        // Isu 6 temuan 15: dulu dibulatkan diam-diam menjadi 79.5.
        assert_eq!(
            baca_desimal_tepat("79.499999999999999999999999999"),
            Err(GalatDesimal::TerlaluPresisi)
        );
        assert_eq!(
            baca_desimal_tepat("1234567890123456789012345678.9"),
            Err(GalatDesimal::TerlaluPresisi)
        );
        // 28 digit bermakna masih tepat; nol di depan/belakang tidak dihitung.
        assert_eq!(
            baca_desimal_tepat("79.49999999999999999999999999").map(|d| d.to_string()),
            Ok("79.49999999999999999999999999".into())
        );
        assert_eq!(
            baca_desimal_tepat("000079.5000000000000000000000000000000"),
            Ok(d("79.5"))
        );
        assert_eq!(baca_desimal_tepat("1."), Err(GalatDesimal::BukanAngka));
        assert_eq!(
            baca_desimal_tepat("100").map(|d| d.to_string()),
            Ok("100".into())
        );
    }
}
