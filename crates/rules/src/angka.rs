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

/// Baca angka desimal dari teks: `"97.89"`, `"97,89"` (koma desimal),
/// `"-3"`, `"100"`. Ditolak: teks kosong, eksponen, pemisah ribuan, lebih
/// dari satu pemisah, spasi di tengah, atau angka di luar jangkauan Decimal.
pub fn baca_desimal(teks: &str) -> Option<Decimal> {
    let teks = teks.trim();
    if teks.is_empty() || teks.len() > 64 {
        return None;
    }
    let (tanda, angka) = match teks.as_bytes()[0] {
        b'-' => ("-", &teks[1..]),
        b'+' => ("", &teks[1..]),
        _ => ("", teks),
    };
    let (bulat, pecahan) = match angka.split_once(['.', ',']) {
        Some((b, p)) => (b, Some(p)),
        None => (angka, None),
    };
    let semua_digit = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !semua_digit(bulat) || pecahan.is_some_and(|p| !semua_digit(p)) {
        return None;
    }
    let normal = match pecahan {
        Some(p) => format!("{tanda}{bulat}.{p}"),
        None => format!("{tanda}{bulat}"),
    };
    normal.parse::<Decimal>().ok()
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
}
