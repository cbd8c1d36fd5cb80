//! Nilai uang: uang yang terserap dibandingkan dengan keluaran yang dicapai.
//! "Kalau serapannya sudah 90 persen, kepala dinas dengan bangga melapor …
//! Tapi begitu kita tanya anggaran yang dihabiskan itu menghasilkan apa? Tidak
//! jelas. Uangnya habis tapi hasil tidak jelas." (MenPAN-RB, Ambon, 2017).
//!
//! * Penyerapan = realisasi anggaran / pagu × 100 (PMK 22/PMK.02/2021) [P].
//! * Capaian keluaran: aturan capaian PermenPANRB 8/2021 (positif, negatif,
//!   rentang) [P], fungsi [`crate::permenpanrb_8_2021::capaian`].
//! * Ekspektasi waktu = bulan berjalan / 12 × 100; biaya per satuan =
//!   realisasi anggaran / realisasi keluaran (kosong bila belum ada keluaran).
//! * Tanda (ambang [R], dapat diatur; dibandingkan dengan nilai yang sudah
//!   dibulatkan 2 desimal, seperti yang ditampilkan):
//!
//! | kode | kapan (bawaan) |
//! |---|---|
//! | `uang_habis_hasil_tidak_jelas` | penyerapan ≥ 90 dan capaian ≤ 50 |
//! | `hasil_tanpa_bukti` | keluaran dilaporkan tanpa bukti |
//! | `hasil_tanpa_belanja` | capaian ≥ 100 dan penyerapan ≤ 10 |
//! | `target_di_bawah_baseline` | indikator positif dengan target di bawah baseline, atau negatif di atasnya |
//! | `keluaran_tertinggal` | capaian lebih dari 25 poin di bawah ekspektasi waktu |

use crate::galat::{GalatInput, Masalah, bukan_negatif, cek};
use crate::permenpanrb_8_2021::{self as p8, HasilCapaian, Polaritas, Target};
use crate::pmk_22_2021 as pmk;
use crate::{Bahasa, angka};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Ambang tanda nilai uang [R]; `Default` = nilai terdokumentasi.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AmbangNilaiUang {
    /// `uang_habis_hasil_tidak_jelas`: penyerapan paling sedikit ini (90).
    pub ambang_penyerapan: Decimal,
    /// `uang_habis_hasil_tidak_jelas`: capaian paling banyak ini (50).
    pub ambang_capaian: Decimal,
    /// `keluaran_tertinggal`: capaian lebih dari sekian poin di bawah ekspektasi waktu (25).
    pub ambang_tertinggal: Decimal,
    /// `hasil_tanpa_belanja`: capaian paling sedikit ini (100).
    pub capaian_tanpa_belanja: Decimal,
    /// `hasil_tanpa_belanja`: penyerapan paling banyak ini (10).
    pub penyerapan_tanpa_belanja: Decimal,
}

impl Default for AmbangNilaiUang {
    fn default() -> Self {
        AmbangNilaiUang {
            ambang_penyerapan: Decimal::from(90),
            ambang_capaian: Decimal::from(50),
            ambang_tertinggal: Decimal::from(25),
            capaian_tanpa_belanja: Decimal::ONE_HUNDRED,
            penyerapan_tanpa_belanja: Decimal::TEN,
        }
    }
}

/// Masukan nilai uang satu keluaran.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MasukanNilaiUang {
    /// Pagu.
    pub pagu: Decimal,
    /// Realisasi anggaran.
    pub realisasi_anggaran: Decimal,
    /// Target keluaran (tunggal atau rentang).
    pub target: Target,
    /// Realisasi keluaran.
    pub realisasi_keluaran: Decimal,
    /// Polaritas indikator keluaran.
    pub polaritas: Polaritas,
    /// Baseline (kondisi awal), bila ada.
    pub baseline: Option<Decimal>,
    /// Ada bukti keluaran.
    pub ada_bukti: bool,
    /// Bulan yang sudah berjalan (1–12).
    pub bulan: u8,
}

enum_token! {
    /// Kode tanda nilai uang.
    pub enum KodeTanda {
        /// Uang habis, hasil tidak jelas.
        UangHabisHasilTidakJelas => "uang_habis_hasil_tidak_jelas",
        /// Keluaran dilaporkan tanpa bukti.
        HasilTanpaBukti => "hasil_tanpa_bukti",
        /// Keluaran tercapai hampir tanpa belanja.
        HasilTanpaBelanja => "hasil_tanpa_belanja",
        /// Target lebih lemah dari baseline.
        TargetDiBawahBaseline => "target_di_bawah_baseline",
        /// Keluaran tertinggal dari waktu yang berjalan.
        KeluaranTertinggal => "keluaran_tertinggal",
    }
}

/// Satu tanda, dengan angka yang membuatnya muncul (sudah dibulatkan).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tanda {
    /// `uang_habis_hasil_tidak_jelas`.
    UangHabisHasilTidakJelas {
        /// Penyerapan (%).
        penyerapan: Decimal,
        /// Capaian (%).
        capaian: Decimal,
        /// Ambang penyerapan.
        ambang_penyerapan: Decimal,
        /// Ambang capaian.
        ambang_capaian: Decimal,
    },
    /// `hasil_tanpa_bukti`.
    HasilTanpaBukti,
    /// `hasil_tanpa_belanja`.
    HasilTanpaBelanja {
        /// Capaian (%).
        capaian: Decimal,
        /// Penyerapan (%).
        penyerapan: Decimal,
    },
    /// `target_di_bawah_baseline`.
    TargetDiBawahBaseline {
        /// Polaritas.
        polaritas: Polaritas,
        /// Target yang dibandingkan.
        target: Decimal,
        /// Baseline.
        baseline: Decimal,
    },
    /// `keluaran_tertinggal`.
    KeluaranTertinggal {
        /// Capaian (%).
        capaian: Decimal,
        /// Ekspektasi waktu (%).
        ekspektasi: Decimal,
        /// Ambang (poin).
        ambang: Decimal,
    },
}

/// Hasil nilai uang (eksak; bulatkan untuk ditampilkan).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HasilNilaiUang {
    /// Penyerapan (%).
    pub penyerapan_persen: Decimal,
    /// Capaian keluaran (kontrak aturan capaian).
    pub capaian: HasilCapaian,
    /// Ekspektasi waktu (%).
    pub ekspektasi_waktu_persen: Decimal,
    /// Biaya per satuan keluaran (`None` bila belum ada keluaran).
    pub biaya_per_satuan: Option<Decimal>,
    /// Tanda, dalam urutan [`KodeTanda::SEMUA`].
    pub tanda: Vec<Tanda>,
}

/// Ganti nama field galat aturan lain dengan nama field masukan ini.
fn ganti_field(mut g: GalatInput) -> GalatInput {
    if g.field == "realisasi" {
        g.field = "realisasi_keluaran".into();
    }
    g
}

/// Nilai uang satu keluaran. Field galat: `pagu` (nol/negatif),
/// `realisasi_anggaran`, `realisasi_keluaran`, `target…`, `baseline`, `bulan`.
pub fn nilai_uang(
    m: &MasukanNilaiUang,
    ambang: &AmbangNilaiUang,
) -> Result<HasilNilaiUang, GalatInput> {
    bukan_negatif(m.pagu, "pagu")?;
    bukan_negatif(m.realisasi_anggaran, "realisasi_anggaran")?;
    if let Some(b) = m.baseline {
        bukan_negatif(b, "baseline")?;
    }
    if !(1..=12).contains(&m.bulan) {
        return Err(GalatInput::baru(
            "bulan",
            Masalah::DiLuarRentang {
                min: Some(Decimal::ONE),
                maks: Some(Decimal::from(12)),
            },
        ));
    }
    let penyerapan = pmk::penyerapan(m.realisasi_anggaran, m.pagu).map_err(|mut g| {
        if g.field == "realisasi" {
            g.field = "realisasi_anggaran".into();
        }
        g
    })?;
    let capaian = p8::capaian(m.polaritas, m.target, m.realisasi_keluaran).map_err(ganti_field)?;
    let ekspektasi = Decimal::from(m.bulan) * Decimal::ONE_HUNDRED / Decimal::from(12);
    let biaya_per_satuan = if m.realisasi_keluaran.is_zero() {
        None
    } else {
        Some(cek(
            m.realisasi_anggaran.checked_div(m.realisasi_keluaran),
            "realisasi_anggaran",
        )?)
    };

    let (p, c, e) = (
        angka::bulatkan(penyerapan),
        angka::bulatkan(capaian.capaian_persen),
        angka::bulatkan(ekspektasi),
    );
    let mut tanda = Vec::new();
    if p >= ambang.ambang_penyerapan && c <= ambang.ambang_capaian {
        tanda.push(Tanda::UangHabisHasilTidakJelas {
            penyerapan: p,
            capaian: c,
            ambang_penyerapan: ambang.ambang_penyerapan,
            ambang_capaian: ambang.ambang_capaian,
        });
    }
    // Indikator negatif: setiap realisasi (termasuk 0) adalah klaim hasil.
    let dilaporkan = m.polaritas == Polaritas::Negatif || m.realisasi_keluaran > Decimal::ZERO;
    if dilaporkan && !m.ada_bukti {
        tanda.push(Tanda::HasilTanpaBukti);
    }
    if c >= ambang.capaian_tanpa_belanja && p <= ambang.penyerapan_tanpa_belanja {
        tanda.push(Tanda::HasilTanpaBelanja {
            capaian: c,
            penyerapan: p,
        });
    }
    if let Some(baseline) = m.baseline {
        // Rentang: batas yang paling lemah (positif: min; negatif: max).
        let target = match (m.target, m.polaritas) {
            (Target::Tunggal(t), _) => t,
            (Target::Rentang { min, .. }, Polaritas::Positif) => min,
            (Target::Rentang { max, .. }, Polaritas::Negatif) => max,
        };
        let lemah = match m.polaritas {
            Polaritas::Positif => target < baseline,
            Polaritas::Negatif => target > baseline,
        };
        if lemah {
            tanda.push(Tanda::TargetDiBawahBaseline {
                polaritas: m.polaritas,
                target,
                baseline,
            });
        }
    }
    if e - c > ambang.ambang_tertinggal {
        tanda.push(Tanda::KeluaranTertinggal {
            capaian: c,
            ekspektasi: e,
            ambang: ambang.ambang_tertinggal,
        });
    }
    Ok(HasilNilaiUang {
        penyerapan_persen: penyerapan,
        capaian,
        ekspektasi_waktu_persen: ekspektasi,
        biaya_per_satuan,
        tanda,
    })
}

impl Tanda {
    /// Kode stabil.
    pub fn kode(&self) -> KodeTanda {
        match self {
            Tanda::UangHabisHasilTidakJelas { .. } => KodeTanda::UangHabisHasilTidakJelas,
            Tanda::HasilTanpaBukti => KodeTanda::HasilTanpaBukti,
            Tanda::HasilTanpaBelanja { .. } => KodeTanda::HasilTanpaBelanja,
            Tanda::TargetDiBawahBaseline { .. } => KodeTanda::TargetDiBawahBaseline,
            Tanda::KeluaranTertinggal { .. } => KodeTanda::KeluaranTertinggal,
        }
    }

    /// Pesan untuk pengguna.
    pub fn pesan(&self, b: Bahasa) -> String {
        match (self, b) {
            (
                Tanda::UangHabisHasilTidakJelas {
                    penyerapan,
                    capaian,
                    ambang_penyerapan,
                    ambang_capaian,
                },
                Bahasa::Id,
            ) => format!(
                "Uang habis, hasil tidak jelas: penyerapan {}% (≥ {}%) tetapi capaian keluaran hanya {}% (≤ {}%)",
                super::angka_pesan(*penyerapan, b),
                super::angka_pesan(*ambang_penyerapan, b),
                super::angka_pesan(*capaian, b),
                super::angka_pesan(*ambang_capaian, b)
            ),
            (
                Tanda::UangHabisHasilTidakJelas {
                    penyerapan,
                    capaian,
                    ambang_penyerapan,
                    ambang_capaian,
                },
                Bahasa::En,
            ) => format!(
                "Money spent, results unclear: absorption {}% (≥ {}%) but output achievement only {}% (≤ {}%)",
                super::angka_pesan(*penyerapan, b),
                super::angka_pesan(*ambang_penyerapan, b),
                super::angka_pesan(*capaian, b),
                super::angka_pesan(*ambang_capaian, b)
            ),
            (Tanda::HasilTanpaBukti, Bahasa::Id) => {
                "Realisasi keluaran dilaporkan tanpa bukti".to_string()
            }
            (Tanda::HasilTanpaBukti, Bahasa::En) => "Output reported without evidence".to_string(),
            (
                Tanda::HasilTanpaBelanja {
                    capaian,
                    penyerapan,
                },
                Bahasa::Id,
            ) => format!(
                "Hasil tanpa belanja: capaian {}% dengan penyerapan hanya {}%; periksa realisasi anggaran atau keluarannya",
                super::angka_pesan(*capaian, b),
                super::angka_pesan(*penyerapan, b)
            ),
            (
                Tanda::HasilTanpaBelanja {
                    capaian,
                    penyerapan,
                },
                Bahasa::En,
            ) => format!(
                "Results without spending: achievement {}% with absorption only {}%; check the spending or the output",
                super::angka_pesan(*capaian, b),
                super::angka_pesan(*penyerapan, b)
            ),
            (
                Tanda::TargetDiBawahBaseline {
                    polaritas,
                    target,
                    baseline,
                },
                b,
            ) => match (polaritas, b) {
                (Polaritas::Positif, Bahasa::Id) => format!(
                    "Target {} di bawah baseline {}: indikator positif menargetkan hasil lebih buruk dari kondisi awal",
                    super::angka_pesan(*target, b),
                    super::angka_pesan(*baseline, b)
                ),
                (Polaritas::Positif, Bahasa::En) => format!(
                    "Target {} is below the baseline {}: a positive indicator aims lower than where it starts",
                    super::angka_pesan(*target, b),
                    super::angka_pesan(*baseline, b)
                ),
                (Polaritas::Negatif, Bahasa::Id) => format!(
                    "Target {} di atas baseline {}: indikator negatif menargetkan hasil lebih buruk dari kondisi awal",
                    super::angka_pesan(*target, b),
                    super::angka_pesan(*baseline, b)
                ),
                (Polaritas::Negatif, Bahasa::En) => format!(
                    "Target {} is above the baseline {}: a lower-is-better indicator aims worse than where it starts",
                    super::angka_pesan(*target, b),
                    super::angka_pesan(*baseline, b)
                ),
            },
            (
                Tanda::KeluaranTertinggal {
                    capaian,
                    ekspektasi,
                    ambang,
                },
                Bahasa::Id,
            ) => format!(
                "Keluaran tertinggal: capaian {}% lebih dari {} poin di bawah ekspektasi waktu {}%",
                super::angka_pesan(*capaian, b),
                super::angka_pesan(*ambang, b),
                super::angka_pesan(*ekspektasi, b)
            ),
            (
                Tanda::KeluaranTertinggal {
                    capaian,
                    ekspektasi,
                    ambang,
                },
                Bahasa::En,
            ) => format!(
                "Output behind schedule: achievement {}% is more than {} points below the time expectation {}%",
                super::angka_pesan(*capaian, b),
                super::angka_pesan(*ambang, b),
                super::angka_pesan(*ekspektasi, b)
            ),
        }
    }
}

#[cfg(test)]
mod tes {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn m() -> MasukanNilaiUang {
        MasukanNilaiUang {
            pagu: d("1000000000"),
            realisasi_anggaran: d("950000000"),
            target: Target::Tunggal(d("100")),
            realisasi_keluaran: d("40"),
            polaritas: Polaritas::Positif,
            baseline: None,
            ada_bukti: true,
            bulan: 12,
        }
    }

    fn kode(h: &HasilNilaiUang) -> Vec<&'static str> {
        h.tanda.iter().map(|t| t.kode().token()).collect()
    }

    #[test]
    fn uang_habis_hasil_tidak_jelas() {
        let h = nilai_uang(&m(), &AmbangNilaiUang::default()).unwrap();
        assert_eq!(h.penyerapan_persen, d("95"));
        assert_eq!(h.capaian.capaian_persen, d("40"));
        assert_eq!(h.ekspektasi_waktu_persen, d("100"));
        assert_eq!(h.biaya_per_satuan, Some(d("23750000")));
        assert_eq!(
            kode(&h),
            ["uang_habis_hasil_tidak_jelas", "keluaran_tertinggal"]
        );
    }

    #[test]
    fn batas_tepat() {
        // Tepat 90 dan tepat 50 masih ditandai (≥, ≤); tertinggal harus lebih dari 25.
        let mut x = m();
        x.realisasi_anggaran = d("900000000");
        x.realisasi_keluaran = d("50");
        x.bulan = 9; // 75 − 50 = 25: tidak lebih dari 25
        let h = nilai_uang(&x, &AmbangNilaiUang::default()).unwrap();
        assert_eq!(kode(&h), ["uang_habis_hasil_tidak_jelas"]);
    }

    #[test]
    fn tanpa_belanja_tanpa_bukti_baseline() {
        let mut x = m();
        x.realisasi_anggaran = d("100000000");
        x.realisasi_keluaran = d("100");
        x.ada_bukti = false;
        x.baseline = Some(d("120"));
        let h = nilai_uang(&x, &AmbangNilaiUang::default()).unwrap();
        assert_eq!(
            kode(&h),
            [
                "hasil_tanpa_bukti",
                "hasil_tanpa_belanja",
                "target_di_bawah_baseline"
            ]
        );
        x.realisasi_keluaran = Decimal::ZERO;
        let h = nilai_uang(&x, &AmbangNilaiUang::default()).unwrap();
        assert_eq!(h.biaya_per_satuan, None);
        assert!(!kode(&h).contains(&"hasil_tanpa_bukti"));
    }

    #[test]
    fn negatif_dan_rentang() {
        let mut x = m();
        x.polaritas = Polaritas::Negatif;
        x.target = Target::Rentang {
            min: d("5"),
            max: d("8"),
        };
        x.realisasi_keluaran = d("6");
        x.baseline = Some(d("7"));
        let h = nilai_uang(&x, &AmbangNilaiUang::default()).unwrap();
        assert_eq!(h.capaian.capaian_persen, d("100"));
        assert_eq!(kode(&h), ["target_di_bawah_baseline"]);
    }

    #[test]
    fn galat_menyebut_field_masukan() {
        let mut x = m();
        x.pagu = Decimal::ZERO;
        assert_eq!(
            nilai_uang(&x, &AmbangNilaiUang::default())
                .unwrap_err()
                .field,
            "pagu"
        );
        let mut x = m();
        x.realisasi_keluaran = d("-1");
        assert_eq!(
            nilai_uang(&x, &AmbangNilaiUang::default())
                .unwrap_err()
                .field,
            "realisasi_keluaran"
        );
        let mut x = m();
        x.bulan = 13;
        assert_eq!(
            nilai_uang(&x, &AmbangNilaiUang::default())
                .unwrap_err()
                .field,
            "bulan"
        );
    }
}
