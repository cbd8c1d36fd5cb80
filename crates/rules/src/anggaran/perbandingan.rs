//! Perbandingan biaya per satuan keluaran antarwilayah. Kode sub kegiatan
//! berlaku nasional, jadi biaya keluaran yang sama dapat dibandingkan:
//! median, kuartil (engsel Tukey: median tiap separuh) dan pagar pencilan
//! `Q1 − f·IQR`, `Q3 + f·IQR` (f bawaan 1,5 [R]). Pencilan hanya dilaporkan
//! bila wilayah pembandingnya cukup (bawaan 5 [R]).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Ambang perbandingan [R]; `Default` = nilai terdokumentasi.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AmbangPerbandingan {
    /// Pengali IQR untuk pagar pencilan (1,5).
    pub faktor_iqr: Decimal,
    /// Wilayah paling sedikit sebelum pencilan dilaporkan (5).
    pub minimal_wilayah: usize,
}

impl Default for AmbangPerbandingan {
    fn default() -> Self {
        AmbangPerbandingan {
            faktor_iqr: Decimal::new(15, 1),
            minimal_wilayah: 5,
        }
    }
}

/// Statistik biaya per satuan (eksak).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatistikBiaya {
    /// Jumlah wilayah.
    pub n: usize,
    /// Median.
    pub median: Decimal,
    /// Kuartil bawah (median separuh bawah).
    pub q1: Decimal,
    /// Kuartil atas (median separuh atas).
    pub q3: Decimal,
    /// Pagar bawah `Q1 − f·IQR`.
    pub batas_bawah: Decimal,
    /// Pagar atas `Q3 + f·IQR`.
    pub batas_atas: Decimal,
    /// Cukup wilayah untuk menyebut pencilan.
    pub pencilan_dinilai: bool,
}

/// Arah pencilan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pencilan {
    /// Di atas pagar atas (mahal).
    Atas,
    /// Di bawah pagar bawah (murah sekali: periksa datanya).
    Bawah,
}

impl Pencilan {
    /// Token JSON.
    pub fn token(self) -> &'static str {
        match self {
            Pencilan::Atas => "atas",
            Pencilan::Bawah => "bawah",
        }
    }
}

fn median_urut(x: &[Decimal]) -> Decimal {
    let n = x.len();
    if n % 2 == 1 {
        x[n / 2]
    } else {
        (x[n / 2 - 1] + x[n / 2]) / Decimal::TWO
    }
}

/// Statistik atas nilai-nilai biaya (urutan bebas); `None` bila kosong.
pub fn statistik_biaya(nilai: &[Decimal], a: &AmbangPerbandingan) -> Option<StatistikBiaya> {
    if nilai.is_empty() {
        return None;
    }
    let mut x = nilai.to_vec();
    x.sort();
    let n = x.len();
    let median = median_urut(&x);
    let (bawah, atas) = if n == 1 {
        (&x[..], &x[..])
    } else {
        (&x[..n / 2], &x[n.div_ceil(2)..])
    };
    let q1 = median_urut(bawah);
    let q3 = median_urut(atas);
    let iqr = q3 - q1;
    let pagar = iqr.checked_mul(a.faktor_iqr).unwrap_or(Decimal::MAX);
    Some(StatistikBiaya {
        n,
        median,
        q1,
        q3,
        batas_bawah: q1.checked_sub(pagar).unwrap_or(Decimal::MIN),
        batas_atas: q3.checked_add(pagar).unwrap_or(Decimal::MAX),
        pencilan_dinilai: n >= a.minimal_wilayah,
    })
}

/// Pencilan bila di luar pagar dan wilayahnya cukup.
pub fn pencilan(nilai: Decimal, s: &StatistikBiaya) -> Option<Pencilan> {
    if !s.pencilan_dinilai {
        None
    } else if nilai > s.batas_atas {
        Some(Pencilan::Atas)
    } else if nilai < s.batas_bawah {
        Some(Pencilan::Bawah)
    } else {
        None
    }
}

#[cfg(test)]
mod tes {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn engsel_tukey_ganjil_dan_genap() {
        let a = AmbangPerbandingan::default();
        // 1 2 3 4 5 6 7: median 4, Q1 = median(1 2 3) = 2, Q3 = median(5 6 7) = 6.
        let s = statistik_biaya(&[7, 1, 3, 5, 2, 6, 4].map(Decimal::from), &a).unwrap();
        assert_eq!((s.median, s.q1, s.q3), (d("4"), d("2"), d("6")));
        assert_eq!((s.batas_bawah, s.batas_atas), (d("-4"), d("12")));
        // 1 2 3 4: median 2,5, Q1 1,5, Q3 3,5.
        let s = statistik_biaya(&[1, 2, 3, 4].map(Decimal::from), &a).unwrap();
        assert_eq!((s.median, s.q1, s.q3), (d("2.5"), d("1.5"), d("3.5")));
        assert!(!s.pencilan_dinilai, "n = 4 < 5");
        assert_eq!(pencilan(d("100"), &s), None);
    }

    #[test]
    fn pencilan_lima_kali_median() {
        let a = AmbangPerbandingan::default();
        // 95 98 100 102 105 110 500: Q1 98, Q3 110, pagar atas 110 + 1,5 × 12 = 128.
        let nilai = ["100", "110", "95", "105", "102", "98", "500"].map(d);
        let s = statistik_biaya(&nilai, &a).unwrap();
        assert_eq!(
            (s.median, s.q1, s.q3, s.batas_atas),
            (d("102"), d("98"), d("110"), d("128"))
        );
        assert_eq!(pencilan(d("500"), &s), Some(Pencilan::Atas));
        assert_eq!(pencilan(d("95"), &s), None);
        assert!(statistik_biaya(&[], &a).is_none());
        let satu = statistik_biaya(&[d("7")], &a).unwrap();
        assert_eq!((satu.median, satu.q1, satu.q3), (d("7"), d("7"), d("7")));
    }
}
