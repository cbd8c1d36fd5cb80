//! Keselarasan program: apakah sub kegiatan dan belanjanya "nyambung" dengan
//! programnya. "Di dalam seminar rupanya ada honor, studi banding lumayan bisa
//! jalan-jalan. Tapi programnya perbaikan kesehatan masyarakat, ya nggak
//! nyambung. Harusnya … pengadaan makanan bergizi dibagikan ke posyandu, itu
//! nyambung." (MenPAN-RB, Ambon, 2017).
//!
//! Alasan (membuat `selaras` salah):
//!
//! * `kode_di_luar_program` — kode sub kegiatan tidak diawali kode program.
//! * `kode_tidak_dikenal` — kode program atau sub kegiatan tidak ada di versi
//!   nomenklatur mana pun yang dikirim (program penunjang dikenal lewat baris
//!   generik `X.XX.01`).
//! * `belanja_penunjang_dominan` — porsi belanja penunjang dari seluruh belanja
//!   program ≥ ambang (bawaan 30 %) [R]. Program penunjang (segmen program
//!   `01`) dikecualikan.
//!
//! Peringatan (tidak mengubah putusan; tidak untuk program penunjang kecuali
//! `indikator_administratif`):
//!
//! * `belanja_penunjang_subkegiatan` — satu sub kegiatan dengan porsi ≥ ambang.
//! * `kata_penunjang` — nama sub kegiatan atau uraian belanja memuat kata
//!   penunjang (seminar, studi banding, rapat, …) setelah kata dasarnya diambil.
//! * `indikator_administratif` — sub kegiatan berjenis Layanan yang semua
//!   indikatornya menghitung dokumen, laporan, rapat atau kegiatan.

use super::data::{self, JenisSubkegiatan, normalkan_kode, normalkan_rekening};
use super::gerbang::di_dalam_program;
use super::kamus::{KamusBawaan, KamusNomenklatur};
use super::penunjang::{self, BelanjaPenunjang};
use crate::galat::{GalatInput, Masalah, bukan_negatif, cek, dalam_rentang};
use crate::nomenklatur::TingkatPemda;
use crate::{Bahasa, angka};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Konfigurasi keselarasan [R]; `Default` = nilai terdokumentasi.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct KonfigurasiKeselarasan {
    /// Ambang porsi belanja penunjang (%), bawaan 30.
    pub ambang_belanja_penunjang_persen: Decimal,
    /// Kelompok belanja penunjang.
    pub belanja_penunjang: BelanjaPenunjang,
}

impl Default for KonfigurasiKeselarasan {
    fn default() -> Self {
        KonfigurasiKeselarasan {
            ambang_belanja_penunjang_persen: Decimal::from(30),
            belanja_penunjang: BelanjaPenunjang::default(),
        }
    }
}

/// Program yang diperiksa.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProgramRencana {
    /// Kode program (`1.02.02`).
    pub kode: String,
    /// Nama program.
    pub nama: String,
}

/// Indikator keluaran sub kegiatan.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IndikatorKeluaran {
    /// Nama indikator.
    pub nama: String,
    /// Satuan.
    pub satuan: String,
}

/// Satu baris belanja (rincian RKA/DPA).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BarisBelanja {
    /// Kode rekening belanja (`5.1.02.04.01.0001`).
    pub kode_rekening: String,
    /// Uraian belanja (bila kosong, bukti memakai uraian rekening).
    pub uraian: Option<String>,
    /// Jumlah (rupiah).
    pub jumlah: Decimal,
}

/// Sub kegiatan dengan indikator dan belanjanya.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SubkegiatanBelanja {
    /// Kode sub kegiatan.
    pub kode: String,
    /// Nama sub kegiatan.
    pub nama: String,
    /// Jenis; bila kosong dicari di nomenklatur.
    pub jenis: Option<JenisSubkegiatan>,
    /// Indikator keluaran.
    pub indikator: Vec<IndikatorKeluaran>,
    /// Rincian belanja.
    pub belanja: Vec<BarisBelanja>,
}

/// Masukan keselarasan program.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MasukanKeselarasan {
    /// Program.
    pub program: ProgramRencana,
    /// Sub kegiatan program itu.
    pub subkegiatan: Vec<SubkegiatanBelanja>,
}

enum_token! {
    /// Kode alasan dan peringatan keselarasan.
    pub enum KodeTemuan {
        /// Alasan: kode sub kegiatan tidak diawali kode program.
        KodeDiLuarProgram => "kode_di_luar_program",
        /// Alasan: kode tidak ada di nomenklatur yang dikirim.
        KodeTidakDikenal => "kode_tidak_dikenal",
        /// Alasan: porsi belanja penunjang program ≥ ambang.
        BelanjaPenunjangDominan => "belanja_penunjang_dominan",
        /// Peringatan: porsi belanja penunjang satu sub kegiatan ≥ ambang.
        BelanjaPenunjangSubkegiatan => "belanja_penunjang_subkegiatan",
        /// Peringatan: kata penunjang dalam nama atau uraian.
        KataPenunjang => "kata_penunjang",
        /// Peringatan: Layanan dengan indikator administratif saja.
        IndikatorAdministratif => "indikator_administratif",
    }
}

/// Rincian satu temuan (menentukan kode dan pesannya).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RincianTemuan {
    /// `kode_di_luar_program`.
    KodeDiLuarProgram {
        /// Kode program.
        program: String,
    },
    /// `kode_tidak_dikenal` (untuk program bila `subkegiatan` temuan kosong).
    KodeTidakDikenal {
        /// Kode yang dicari.
        kode: String,
    },
    /// `belanja_penunjang_dominan`.
    BelanjaPenunjangDominan {
        /// Porsi (%), dibulatkan 2 desimal.
        porsi: Decimal,
        /// Ambang (%).
        ambang: Decimal,
        /// Jumlah belanja penunjang.
        penunjang: Decimal,
        /// Jumlah seluruh belanja program.
        total: Decimal,
    },
    /// `belanja_penunjang_subkegiatan`.
    BelanjaPenunjangSubkegiatan {
        /// Porsi (%), dibulatkan 2 desimal.
        porsi: Decimal,
        /// Ambang (%).
        ambang: Decimal,
    },
    /// `kata_penunjang`.
    KataPenunjang {
        /// Kata yang ditemukan.
        kata: Vec<&'static str>,
    },
    /// `indikator_administratif`.
    IndikatorAdministratif,
}

/// Satu alasan atau peringatan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Temuan {
    /// Kode sub kegiatan (`None` = program).
    pub subkegiatan: Option<String>,
    /// Rincian.
    pub rincian: RincianTemuan,
    /// Bukti: baris belanja (`kode uraian: jumlah (kelompok)`), kata, kode
    /// atau indikator yang membuat temuan ini muncul.
    pub bukti: Vec<String>,
}

/// Hasil keselarasan program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HasilKeselarasan {
    /// Jumlah seluruh belanja program.
    pub total_belanja: Decimal,
    /// Jumlah belanja penunjang program.
    pub belanja_penunjang: Decimal,
    /// Porsi belanja penunjang (%), eksak (0 bila tanpa belanja).
    pub porsi_belanja_penunjang_persen: Decimal,
    /// Program penunjang (dikecualikan dari pemeriksaan belanja penunjang).
    pub program_penunjang: bool,
    /// Ambang yang dipakai (%).
    pub ambang_persen: Decimal,
    /// Alasan (membuat tidak selaras).
    pub alasan: Vec<Temuan>,
    /// Peringatan.
    pub peringatan: Vec<Temuan>,
}

impl HasilKeselarasan {
    /// Selaras bila tidak ada alasan.
    pub fn selaras(&self) -> bool {
        self.alasan.is_empty()
    }
}

fn persen(bagian: Decimal, total: Decimal, field: &str) -> Result<Decimal, GalatInput> {
    if total.is_zero() {
        return Ok(Decimal::ZERO);
    }
    cek(
        bagian
            .checked_mul(Decimal::ONE_HUNDRED)
            .and_then(|x| x.checked_div(total)),
        field,
    )
}

fn dikenal_di_tingkat(kamus: &dyn KamusNomenklatur, kode: &str, tingkat: TingkatPemda) -> bool {
    let kode = normalkan_kode(kode);
    kamus.tingkat_sah(&kode, tingkat) && kamus.dikenal(&kode)
}

/// Periksa keselarasan program terhadap semua versi nomenklatur yang ditanam
/// (perilaku kalkulator). Galat: daftar kosong (`subkegiatan`), jumlah
/// belanja negatif (`subkegiatan[i].belanja[j].jumlah`), ambang di luar 0–100.
pub fn keselarasan(
    m: &MasukanKeselarasan,
    k: &KonfigurasiKeselarasan,
) -> Result<HasilKeselarasan, GalatInput> {
    keselarasan_dengan(m, k, &KamusBawaan)
}

/// Seperti [`keselarasan`], terhadap kamus nomenklatur tertentu (versi
/// tahun rencana dengan perubahan yang dimuat admin).
pub fn keselarasan_dengan(
    m: &MasukanKeselarasan,
    k: &KonfigurasiKeselarasan,
    kamus: &dyn KamusNomenklatur,
) -> Result<HasilKeselarasan, GalatInput> {
    if m.subkegiatan.is_empty() {
        return Err(GalatInput::baru("subkegiatan", Masalah::DaftarKosong));
    }
    let ambang = dalam_rentang(
        k.ambang_belanja_penunjang_persen,
        Decimal::ZERO,
        Decimal::ONE_HUNDRED,
        "ambang_belanja_penunjang_persen",
    )?;
    let program = m.program.kode.trim();
    let penunjang_program = data::program_penunjang(program);
    let mut alasan = Vec::new();
    let mut peringatan = Vec::new();
    if !dikenal_di_tingkat(kamus, program, TingkatPemda::Program) {
        alasan.push(Temuan {
            subkegiatan: None,
            rincian: RincianTemuan::KodeTidakDikenal {
                kode: program.to_string(),
            },
            bukti: vec![program.to_string()],
        });
    }
    let mut total = Decimal::ZERO;
    let mut total_penunjang = Decimal::ZERO;
    let mut bukti_program = Vec::new();
    for (i, s) in m.subkegiatan.iter().enumerate() {
        let kode = s.kode.trim().to_string();
        if !di_dalam_program(&kode, program) {
            alasan.push(Temuan {
                subkegiatan: Some(kode.clone()),
                rincian: RincianTemuan::KodeDiLuarProgram {
                    program: program.to_string(),
                },
                bukti: vec![kode.clone(), program.to_string()],
            });
        }
        if !dikenal_di_tingkat(kamus, &kode, TingkatPemda::SubKegiatan) {
            alasan.push(Temuan {
                subkegiatan: Some(kode.clone()),
                rincian: RincianTemuan::KodeTidakDikenal { kode: kode.clone() },
                bukti: vec![kode.clone()],
            });
        }
        let mut sub_total = Decimal::ZERO;
        let mut sub_penunjang = Decimal::ZERO;
        let mut bukti_sub = Vec::new();
        for (j, b) in s.belanja.iter().enumerate() {
            let f = format!("subkegiatan[{i}].belanja[{j}].jumlah");
            let jumlah = bukan_negatif(b.jumlah, &f)?;
            sub_total = cek(sub_total.checked_add(jumlah), &f)?;
            if let Some(kel) = k.belanja_penunjang.kelompok_dari(&b.kode_rekening) {
                sub_penunjang = cek(sub_penunjang.checked_add(jumlah), &f)?;
                let uraian = b
                    .uraian
                    .as_deref()
                    .map(str::trim)
                    .filter(|u| !u.is_empty())
                    .or_else(|| data::uraian_rekening(&b.kode_rekening))
                    .unwrap_or("");
                bukti_sub.push(format!(
                    "{} {uraian}: {} ({})",
                    normalkan_rekening(&b.kode_rekening),
                    angka::teks_2(jumlah),
                    kel.nama
                ));
            }
        }
        total = cek(total.checked_add(sub_total), "subkegiatan")?;
        total_penunjang = cek(total_penunjang.checked_add(sub_penunjang), "subkegiatan")?;
        if !penunjang_program {
            let porsi = angka::bulatkan(persen(sub_penunjang, sub_total, "subkegiatan")?);
            if sub_total > Decimal::ZERO && porsi >= ambang {
                peringatan.push(Temuan {
                    subkegiatan: Some(kode.clone()),
                    rincian: RincianTemuan::BelanjaPenunjangSubkegiatan { porsi, ambang },
                    bukti: bukti_sub.clone(),
                });
            }
            let mut kata: Vec<&'static str> = Vec::new();
            let teks = std::iter::once(s.nama.as_str())
                .chain(s.belanja.iter().filter_map(|b| b.uraian.as_deref()));
            for t in teks {
                for w in penunjang::kata_penunjang(t) {
                    if !kata.contains(&w) {
                        kata.push(w);
                    }
                }
            }
            if !kata.is_empty() {
                peringatan.push(Temuan {
                    subkegiatan: Some(kode.clone()),
                    bukti: kata.iter().map(|w| w.to_string()).collect(),
                    rincian: RincianTemuan::KataPenunjang { kata },
                });
            }
        }
        let jenis = s.jenis.or_else(|| kamus.jenis(&kode));
        if jenis == Some(JenisSubkegiatan::Layanan)
            && !s.indikator.is_empty()
            && s.indikator
                .iter()
                .all(|x| penunjang::indikator_administratif(&x.nama, &x.satuan))
        {
            peringatan.push(Temuan {
                subkegiatan: Some(kode.clone()),
                rincian: RincianTemuan::IndikatorAdministratif,
                bukti: s
                    .indikator
                    .iter()
                    .map(|x| format!("{} ({})", x.nama.trim(), x.satuan.trim()))
                    .collect(),
            });
        }
        bukti_program.extend(bukti_sub);
    }
    let porsi = persen(total_penunjang, total, "subkegiatan")?;
    let porsi_bulat = angka::bulatkan(porsi);
    if !penunjang_program && total > Decimal::ZERO && porsi_bulat >= ambang {
        alasan.push(Temuan {
            subkegiatan: None,
            rincian: RincianTemuan::BelanjaPenunjangDominan {
                porsi: porsi_bulat,
                ambang,
                penunjang: total_penunjang,
                total,
            },
            bukti: bukti_program,
        });
    }
    Ok(HasilKeselarasan {
        total_belanja: total,
        belanja_penunjang: total_penunjang,
        porsi_belanja_penunjang_persen: porsi,
        program_penunjang: penunjang_program,
        ambang_persen: ambang,
        alasan,
        peringatan,
    })
}

impl Temuan {
    /// Kode stabil.
    pub fn kode(&self) -> KodeTemuan {
        match self.rincian {
            RincianTemuan::KodeDiLuarProgram { .. } => KodeTemuan::KodeDiLuarProgram,
            RincianTemuan::KodeTidakDikenal { .. } => KodeTemuan::KodeTidakDikenal,
            RincianTemuan::BelanjaPenunjangDominan { .. } => KodeTemuan::BelanjaPenunjangDominan,
            RincianTemuan::BelanjaPenunjangSubkegiatan { .. } => {
                KodeTemuan::BelanjaPenunjangSubkegiatan
            }
            RincianTemuan::KataPenunjang { .. } => KodeTemuan::KataPenunjang,
            RincianTemuan::IndikatorAdministratif => KodeTemuan::IndikatorAdministratif,
        }
    }

    /// Pesan untuk pengguna.
    pub fn pesan(&self, b: Bahasa) -> String {
        let sk = self.subkegiatan.as_deref().unwrap_or("");
        use RincianTemuan as R;
        match (&self.rincian, b) {
            (R::KodeDiLuarProgram { program }, Bahasa::Id) => {
                format!("Kode sub kegiatan {sk} tidak diawali kode program {program}")
            }
            (R::KodeDiLuarProgram { program }, Bahasa::En) => {
                format!("Sub-activity code {sk} does not begin with the programme code {program}")
            }
            (R::KodeTidakDikenal { kode }, Bahasa::Id) if self.subkegiatan.is_none() => format!(
                "Kode program {kode} tidak ada di nomenklatur yang dikirim (Kepmendagri 900 2024, pemutakhiran 2027)"
            ),
            (R::KodeTidakDikenal { kode }, Bahasa::En) if self.subkegiatan.is_none() => format!(
                "Programme code {kode} is in none of the shipped nomenclature versions (Kepmendagri 900 2024, 2027 update)"
            ),
            (R::KodeTidakDikenal { kode }, Bahasa::Id) => format!(
                "Kode sub kegiatan {kode} tidak ada di nomenklatur yang dikirim (Kepmendagri 900 2024, pemutakhiran 2027)"
            ),
            (R::KodeTidakDikenal { kode }, Bahasa::En) => format!(
                "Sub-activity code {kode} is in none of the shipped nomenclature versions (Kepmendagri 900 2024, 2027 update)"
            ),
            (
                R::BelanjaPenunjangDominan {
                    porsi,
                    ambang,
                    penunjang,
                    total,
                },
                Bahasa::Id,
            ) => format!(
                "Belanja penunjang {}% dari belanja program (Rp{} dari Rp{}), mencapai ambang {}%: uangnya habis untuk penunjang, bukan keluaran",
                super::angka_pesan(*porsi, b),
                super::angka_pesan(*penunjang, b),
                super::angka_pesan(*total, b),
                super::angka_pesan(*ambang, b)
            ),
            (
                R::BelanjaPenunjangDominan {
                    porsi,
                    ambang,
                    penunjang,
                    total,
                },
                Bahasa::En,
            ) => format!(
                "Overhead spending is {}% of the programme's spending (Rp{} of Rp{}), at or above the {}% threshold: the money goes to overhead, not outputs",
                super::angka_pesan(*porsi, b),
                super::angka_pesan(*penunjang, b),
                super::angka_pesan(*total, b),
                super::angka_pesan(*ambang, b)
            ),
            (R::BelanjaPenunjangSubkegiatan { porsi, ambang }, Bahasa::Id) => format!(
                "Belanja penunjang sub kegiatan {sk} {}% dari belanjanya (ambang {}%)",
                super::angka_pesan(*porsi, b),
                super::angka_pesan(*ambang, b)
            ),
            (R::BelanjaPenunjangSubkegiatan { porsi, ambang }, Bahasa::En) => format!(
                "Overhead is {}% of sub-activity {sk}'s spending (threshold {}%)",
                super::angka_pesan(*porsi, b),
                super::angka_pesan(*ambang, b)
            ),
            (R::KataPenunjang { kata }, Bahasa::Id) => format!(
                "Nama atau uraian belanja sub kegiatan {sk} memuat kata penunjang: {}",
                kata.join(", ")
            ),
            (R::KataPenunjang { kata }, Bahasa::En) => format!(
                "The name or spending lines of sub-activity {sk} contain overhead words: {}",
                kata.join(", ")
            ),
            (R::IndikatorAdministratif, Bahasa::Id) => format!(
                "Sub kegiatan layanan {sk} hanya diukur dengan dokumen, laporan, rapat atau kegiatan, bukan layanan yang diterima masyarakat"
            ),
            (R::IndikatorAdministratif, Bahasa::En) => format!(
                "Service sub-activity {sk} is measured only by documents, reports, meetings or activities, not by the service people receive"
            ),
        }
    }
}
