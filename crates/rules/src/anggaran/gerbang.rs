//! Gerbang anggaran: sub kegiatan baru boleh diberi anggaran bila jelas apa
//! yang dihasilkan, siapa yang bertanggung jawab, di program mana, dan berapa
//! pagunya. Aturan ini sengaja menerima draf: field yang hilang adalah
//! kekurangan, bukan galat.
//!
//! Kekurangan per sub kegiatan, dalam urutan ini:
//!
//! | kode | kapan |
//! |---|---|
//! | `tanpa_indikator` | tidak ada indikator keluaran |
//! | `target_kosong` | target tahunan suatu indikator kosong (hanya itu yang dilaporkan untuk indikator tersebut) |
//! | `triwulan_tidak_konsisten` | target triwulan tidak lengkap, triwulan IV ≠ target tahunan, atau (indikator positif) ada triwulan yang lebih kecil dari sebelumnya — target triwulan kumulatif |
//! | `tanpa_penanggung_jawab` | tanpa unit |
//! | `di_luar_program` | kode sub kegiatan tidak diawali kode programnya (atau salah satunya kosong) |
//! | `pagu_tidak_valid` | pagu kosong, nol atau negatif |
//!
//! Indikator tanpa polaritas diperiksa sebagai indikator positif [R].

use super::data::normalkan_kode;
use crate::Bahasa;
use crate::galat::{GalatInput, Masalah, bukan_negatif};
use crate::permenpanrb_8_2021::Polaritas;
use rust_decimal::Decimal;

enum_token! {
    /// Alasan sub kegiatan belum lolos gerbang anggaran.
    pub enum AlasanGerbang {
        /// Tanpa indikator keluaran.
        TanpaIndikator => "tanpa_indikator",
        /// Target tahunan indikator kosong.
        TargetKosong => "target_kosong",
        /// Target triwulan (kumulatif) tidak konsisten.
        TriwulanTidakKonsisten => "triwulan_tidak_konsisten",
        /// Tanpa unit penanggung jawab.
        TanpaPenanggungJawab => "tanpa_penanggung_jawab",
        /// Kode sub kegiatan tidak diawali kode programnya.
        DiLuarProgram => "di_luar_program",
        /// Pagu kosong, nol atau negatif.
        PaguTidakValid => "pagu_tidak_valid",
    }
}

/// Satu indikator keluaran rencana (draf: semua field boleh kosong).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IndikatorRencana {
    /// Nama indikator.
    pub nama: Option<String>,
    /// Satuan.
    pub satuan: Option<String>,
    /// Polaritas; kosong diperiksa sebagai positif.
    pub polaritas: Option<Polaritas>,
    /// Target tahunan.
    pub target: Option<Decimal>,
    /// Target triwulan I–IV, kumulatif.
    pub target_triwulan: Option<[Option<Decimal>; 4]>,
}

/// Satu sub kegiatan rencana (draf).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SubkegiatanRencana {
    /// Kode sub kegiatan.
    pub kode: Option<String>,
    /// Kode program induknya.
    pub program_kode: Option<String>,
    /// Unit penanggung jawab.
    pub unit: Option<String>,
    /// Pagu.
    pub pagu: Option<Decimal>,
    /// Indikator keluaran.
    pub indikator: Vec<IndikatorRencana>,
}

/// Masalah target triwulan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MasalahTriwulan {
    /// Tidak diisi, atau ada triwulan yang kosong.
    BelumLengkap,
    /// Triwulan IV tidak sama dengan target tahunan.
    AkhirBukanTarget {
        /// Target triwulan IV.
        akhir: Decimal,
        /// Target tahunan.
        target: Decimal,
    },
    /// Indikator positif: triwulan `ke` lebih kecil dari triwulan sebelumnya.
    Turun {
        /// Triwulan (2–4).
        ke: u8,
        /// Target triwulan sebelumnya.
        sebelum: Decimal,
        /// Target triwulan ini.
        nilai: Decimal,
    },
}

/// Rincian satu kekurangan (menentukan alasan dan pesannya).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RincianKekurangan {
    /// `tanpa_indikator`.
    TanpaIndikator,
    /// `target_kosong` untuk indikator ke-`indikator` (mulai 0).
    TargetKosong {
        /// Indeks indikator.
        indikator: usize,
        /// Nama indikator.
        nama: Option<String>,
    },
    /// `triwulan_tidak_konsisten`.
    Triwulan {
        /// Indeks indikator.
        indikator: usize,
        /// Nama indikator.
        nama: Option<String>,
        /// Masalahnya.
        masalah: MasalahTriwulan,
    },
    /// `tanpa_penanggung_jawab`.
    TanpaPenanggungJawab,
    /// `di_luar_program`.
    DiLuarProgram {
        /// Kode program (kosong bila belum diisi).
        program_kode: Option<String>,
    },
    /// `pagu_tidak_valid`.
    PaguTidakValid {
        /// Pagu yang diisi (kosong bila belum).
        pagu: Option<Decimal>,
    },
}

/// Satu kekurangan sub kegiatan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kekurangan {
    /// Indeks sub kegiatan dalam masukan (mulai 0).
    pub posisi: usize,
    /// Kode sub kegiatan (kosong bila belum diisi).
    pub subkegiatan: Option<String>,
    /// Rincian.
    pub rincian: RincianKekurangan,
}

/// Hasil gerbang anggaran.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HasilGerbang {
    /// Kekurangan, urut sub kegiatan masukan lalu urutan alasan.
    pub kekurangan: Vec<Kekurangan>,
}

impl HasilGerbang {
    /// Lolos bila tidak ada kekurangan.
    pub fn lolos(&self) -> bool {
        self.kekurangan.is_empty()
    }
}

fn isi(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Kode diawali kode program per segmen (`1.02.02.2.01.0001` diawali
/// `1.02.02`, tidak diawali `1.02.0`), setelah keduanya dinormalkan.
pub fn di_dalam_program(kode: &str, program_kode: &str) -> bool {
    let (k, p) = (normalkan_kode(kode), normalkan_kode(program_kode));
    !p.is_empty()
        && (k == p
            || k.strip_prefix(p.as_str())
                .is_some_and(|s| s.starts_with('.')))
}

fn periksa_triwulan(ind: &IndikatorRencana, target: Decimal) -> Option<MasalahTriwulan> {
    let Some(tw) = ind.target_triwulan else {
        return Some(MasalahTriwulan::BelumLengkap);
    };
    let [Some(a), Some(b), Some(c), Some(d)] = tw else {
        return Some(MasalahTriwulan::BelumLengkap);
    };
    if d != target {
        return Some(MasalahTriwulan::AkhirBukanTarget { akhir: d, target });
    }
    if ind.polaritas != Some(Polaritas::Negatif) {
        for (ke, (sebelum, nilai)) in [(a, b), (b, c), (c, d)].into_iter().enumerate() {
            if nilai < sebelum {
                return Some(MasalahTriwulan::Turun {
                    ke: ke as u8 + 2,
                    sebelum,
                    nilai,
                });
            }
        }
    }
    None
}

/// Periksa sub kegiatan rencana. Galat hanya untuk nilai yang tidak mungkin:
/// daftar kosong (`subkegiatan`), target atau target triwulan negatif
/// (`subkegiatan[i].indikator[j].target…`).
pub fn gerbang(subkegiatan: &[SubkegiatanRencana]) -> Result<HasilGerbang, GalatInput> {
    if subkegiatan.is_empty() {
        return Err(GalatInput::baru("subkegiatan", Masalah::DaftarKosong));
    }
    let mut kekurangan = Vec::new();
    for (i, s) in subkegiatan.iter().enumerate() {
        let kode = isi(&s.kode).map(str::to_string);
        let mut catat = |rincian| {
            kekurangan.push(Kekurangan {
                posisi: i,
                subkegiatan: kode.clone(),
                rincian,
            })
        };
        if s.indikator.is_empty() {
            catat(RincianKekurangan::TanpaIndikator);
        }
        for (j, ind) in s.indikator.iter().enumerate() {
            let f = format!("subkegiatan[{i}].indikator[{j}]");
            if let Some(t) = ind.target {
                bukan_negatif(t, &format!("{f}.target"))?;
            }
            for (k, x) in ind.target_triwulan.iter().flatten().enumerate() {
                if let Some(x) = x {
                    bukan_negatif(*x, &format!("{f}.target_triwulan[{k}]"))?;
                }
            }
            let nama = isi(&ind.nama).map(str::to_string);
            match ind.target {
                None => catat(RincianKekurangan::TargetKosong { indikator: j, nama }),
                Some(t) => {
                    if let Some(masalah) = periksa_triwulan(ind, t) {
                        catat(RincianKekurangan::Triwulan {
                            indikator: j,
                            nama,
                            masalah,
                        });
                    }
                }
            }
        }
        if isi(&s.unit).is_none() {
            catat(RincianKekurangan::TanpaPenanggungJawab);
        }
        let program_kode = isi(&s.program_kode).map(str::to_string);
        let di_dalam = match (&kode, &program_kode) {
            (Some(k), Some(p)) => di_dalam_program(k, p),
            _ => false,
        };
        if !di_dalam {
            catat(RincianKekurangan::DiLuarProgram { program_kode });
        }
        match s.pagu {
            Some(p) if p > Decimal::ZERO => {}
            pagu => catat(RincianKekurangan::PaguTidakValid { pagu }),
        }
    }
    Ok(HasilGerbang { kekurangan })
}

impl Kekurangan {
    /// Alasan (kode stabil).
    pub fn alasan(&self) -> AlasanGerbang {
        match self.rincian {
            RincianKekurangan::TanpaIndikator => AlasanGerbang::TanpaIndikator,
            RincianKekurangan::TargetKosong { .. } => AlasanGerbang::TargetKosong,
            RincianKekurangan::Triwulan { .. } => AlasanGerbang::TriwulanTidakKonsisten,
            RincianKekurangan::TanpaPenanggungJawab => AlasanGerbang::TanpaPenanggungJawab,
            RincianKekurangan::DiLuarProgram { .. } => AlasanGerbang::DiLuarProgram,
            RincianKekurangan::PaguTidakValid { .. } => AlasanGerbang::PaguTidakValid,
        }
    }

    /// Pesan untuk pengguna.
    pub fn pesan(&self, b: Bahasa) -> String {
        let sk = match (&self.subkegiatan, b) {
            (Some(k), Bahasa::Id) => format!("Sub kegiatan {k}"),
            (Some(k), Bahasa::En) => format!("Sub-activity {k}"),
            (None, Bahasa::Id) => format!("Sub kegiatan ke-{} (tanpa kode)", self.posisi + 1),
            (None, Bahasa::En) => format!("Sub-activity {} (no code)", self.posisi + 1),
        };
        let ind = |j: &usize, nama: &Option<String>| match (nama, b) {
            (Some(n), Bahasa::Id) => format!("indikator ke-{} ({n})", j + 1),
            (Some(n), Bahasa::En) => format!("indicator {} ({n})", j + 1),
            (None, Bahasa::Id) => format!("indikator ke-{}", j + 1),
            (None, Bahasa::En) => format!("indicator {}", j + 1),
        };
        use RincianKekurangan as R;
        match (&self.rincian, b) {
            (R::TanpaIndikator, Bahasa::Id) => {
                format!("{sk} belum punya indikator keluaran: apa yang dihasilkan belum jelas")
            }
            (R::TanpaIndikator, Bahasa::En) => {
                format!("{sk} has no output indicator: what it will produce is unclear")
            }
            (R::TargetKosong { indikator, nama }, Bahasa::Id) => {
                format!("{sk}: {} belum punya target", ind(indikator, nama))
            }
            (R::TargetKosong { indikator, nama }, Bahasa::En) => {
                format!("{sk}: {} has no target", ind(indikator, nama))
            }
            (
                R::Triwulan {
                    indikator,
                    nama,
                    masalah,
                },
                b,
            ) => {
                let i = ind(indikator, nama);
                match (masalah, b) {
                    (MasalahTriwulan::BelumLengkap, Bahasa::Id) => format!(
                        "{sk}: target triwulan {i} belum lengkap (empat angka kumulatif, triwulan IV = target tahunan)"
                    ),
                    (MasalahTriwulan::BelumLengkap, Bahasa::En) => format!(
                        "{sk}: the quarterly targets of {i} are incomplete (four cumulative values, quarter IV = annual target)"
                    ),
                    (MasalahTriwulan::AkhirBukanTarget { akhir, target }, Bahasa::Id) => format!(
                        "{sk}: target triwulan IV {i} ({}) tidak sama dengan target tahunan ({}); target triwulan bersifat kumulatif",
                        super::angka_pesan(*akhir, b),
                        super::angka_pesan(*target, b)
                    ),
                    (MasalahTriwulan::AkhirBukanTarget { akhir, target }, Bahasa::En) => format!(
                        "{sk}: the quarter IV target of {i} ({}) differs from the annual target ({}); quarterly targets are cumulative",
                        super::angka_pesan(*akhir, b),
                        super::angka_pesan(*target, b)
                    ),
                    (MasalahTriwulan::Turun { ke, sebelum, nilai }, Bahasa::Id) => format!(
                        "{sk}: target triwulan {} {i} ({}) lebih kecil dari triwulan sebelumnya ({}); target kumulatif indikator positif tidak boleh turun",
                        romawi(*ke),
                        super::angka_pesan(*nilai, b),
                        super::angka_pesan(*sebelum, b)
                    ),
                    (MasalahTriwulan::Turun { ke, sebelum, nilai }, Bahasa::En) => format!(
                        "{sk}: the quarter {} target of {i} ({}) is below the previous quarter ({}); cumulative targets of a positive indicator cannot fall",
                        romawi(*ke),
                        super::angka_pesan(*nilai, b),
                        super::angka_pesan(*sebelum, b)
                    ),
                }
            }
            (R::TanpaPenanggungJawab, Bahasa::Id) => {
                format!("{sk} belum punya unit penanggung jawab")
            }
            (R::TanpaPenanggungJawab, Bahasa::En) => {
                format!("{sk} has no responsible unit")
            }
            (R::DiLuarProgram { program_kode }, b) => match (&self.subkegiatan, program_kode, b) {
                (_, None, Bahasa::Id) => format!("{sk} belum dikaitkan dengan kode program"),
                (_, None, Bahasa::En) => format!("{sk} is not linked to a programme code"),
                (None, Some(p), Bahasa::Id) => {
                    format!("{sk}: tanpa kode, tidak dapat dipastikan berada di program {p}")
                }
                (None, Some(p), Bahasa::En) => {
                    format!("{sk}: without a code it cannot be placed in programme {p}")
                }
                (Some(k), Some(p), Bahasa::Id) => {
                    format!("Kode sub kegiatan {k} tidak diawali kode programnya {p}")
                }
                (Some(k), Some(p), Bahasa::En) => {
                    format!("Sub-activity code {k} does not begin with its programme code {p}")
                }
            },
            (R::PaguTidakValid { pagu: None }, Bahasa::Id) => format!("{sk}: pagu belum diisi"),
            (R::PaguTidakValid { pagu: None }, Bahasa::En) => format!("{sk}: no budget ceiling"),
            (R::PaguTidakValid { pagu: Some(p) }, Bahasa::Id) => {
                format!(
                    "{sk}: pagu harus lebih dari nol (tertulis {})",
                    super::angka_pesan(*p, b)
                )
            }
            (R::PaguTidakValid { pagu: Some(p) }, Bahasa::En) => {
                format!(
                    "{sk}: the budget ceiling must be above zero (given {})",
                    super::angka_pesan(*p, b)
                )
            }
        }
    }
}

fn romawi(ke: u8) -> &'static str {
    ["I", "II", "III", "IV"]
        .get(usize::from(ke.saturating_sub(1)))
        .copied()
        .unwrap_or("?")
}

#[cfg(test)]
mod tes {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn lengkap() -> SubkegiatanRencana {
        SubkegiatanRencana {
            kode: Some("1.02.02.2.02.0015".into()),
            program_kode: Some("1.02.02".into()),
            unit: Some("Bidang Kesehatan Masyarakat".into()),
            pagu: Some(d("250000000")),
            indikator: vec![IndikatorRencana {
                nama: Some("Jumlah balita yang menerima makanan tambahan".into()),
                satuan: Some("Orang".into()),
                polaritas: Some(Polaritas::Positif),
                target: Some(d("1200")),
                target_triwulan: Some([
                    Some(d("300")),
                    Some(d("600")),
                    Some(d("900")),
                    Some(d("1200")),
                ]),
            }],
        }
    }

    fn alasan(h: &HasilGerbang) -> Vec<&'static str> {
        h.kekurangan.iter().map(|k| k.alasan().token()).collect()
    }

    #[test]
    fn lengkap_lolos() {
        let h = gerbang(&[lengkap()]).unwrap();
        assert!(h.lolos(), "{:?}", h);
    }

    #[test]
    fn draf_kosong_semua_alasan_kecuali_target() {
        let h = gerbang(&[SubkegiatanRencana::default()]).unwrap();
        assert_eq!(
            alasan(&h),
            [
                "tanpa_indikator",
                "tanpa_penanggung_jawab",
                "di_luar_program",
                "pagu_tidak_valid"
            ]
        );
        assert!(
            h.kekurangan[0]
                .pesan(Bahasa::Id)
                .contains("ke-1 (tanpa kode)")
        );
    }

    #[test]
    fn target_kosong_hanya_itu() {
        let mut s = lengkap();
        s.indikator[0].target = None;
        s.indikator[0].target_triwulan = None;
        let h = gerbang(&[s]).unwrap();
        assert_eq!(alasan(&h), ["target_kosong"]);
    }

    #[test]
    fn triwulan() {
        let mut s = lengkap();
        s.indikator[0].target_triwulan = Some([
            Some(d("300")),
            Some(d("600")),
            Some(d("900")),
            Some(d("1000")),
        ]);
        let h = gerbang(&[s.clone()]).unwrap();
        assert_eq!(alasan(&h), ["triwulan_tidak_konsisten"]);
        assert!(
            h.kekurangan[0]
                .pesan(Bahasa::Id)
                .contains("(1.000) tidak sama dengan target tahunan (1.200)")
        );
        s.indikator[0].target_triwulan = Some([
            Some(d("300")),
            Some(d("200")),
            Some(d("900")),
            Some(d("1200")),
        ]);
        let h = gerbang(&[s.clone()]).unwrap();
        assert!(h.kekurangan[0].pesan(Bahasa::Id).contains("triwulan II"));
        // Indikator negatif: boleh turun, tetapi triwulan IV tetap = target.
        s.indikator[0].polaritas = Some(Polaritas::Negatif);
        assert!(gerbang(&[s.clone()]).unwrap().lolos());
        s.indikator[0].target_triwulan =
            Some([Some(d("300")), None, Some(d("900")), Some(d("1200"))]);
        assert_eq!(
            alasan(&gerbang(&[s]).unwrap()),
            ["triwulan_tidak_konsisten"]
        );
    }

    #[test]
    fn program_dan_pagu() {
        let mut s = lengkap();
        s.program_kode = Some("1.02.0".into());
        s.pagu = Some(d("-1"));
        assert_eq!(
            alasan(&gerbang(&[s.clone()]).unwrap()),
            ["di_luar_program", "pagu_tidak_valid"]
        );
        s.program_kode = Some("1.2.02".into());
        s.pagu = Some(Decimal::ZERO);
        assert_eq!(alasan(&gerbang(&[s]).unwrap()), ["pagu_tidak_valid"]);
    }

    #[test]
    fn galat_hanya_nilai_mustahil() {
        assert_eq!(gerbang(&[]).unwrap_err().field, "subkegiatan");
        let mut s = lengkap();
        s.indikator[0].target_triwulan = Some([Some(d("-1")), None, None, None]);
        assert_eq!(
            gerbang(&[lengkap(), s]).unwrap_err().field,
            "subkegiatan[1].indikator[0].target_triwulan[0]"
        );
    }
}
