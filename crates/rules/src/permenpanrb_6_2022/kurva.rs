//! Kurva distribusi: predikat organisasi membatasi sebaran predikat pegawai.
//!
//! Tabel [S] (naikpangkat.com mengutip pedoman MenPAN-RB; instrumen hukum
//! yang memuat persentasenya belum terkonfirmasi):
//!
//! | organisasi | aturan |
//! |---|---|
//! | Istimewa | Sangat Baik maksimal 70 % |
//! | Baik | Baik maksimal 70 %; harus ada Butuh Perbaikan dan/atau Kurang |
//! | Butuh Perbaikan | Butuh Perbaikan minimal 60 %; Sangat Baik maksimal 10 % |
//! | Kurang | Kurang minimal 60 %; Butuh Perbaikan minimal 10 %; Sangat Baik maksimal 10 % |
//! | Sangat Kurang | Sangat Kurang minimal 60 %; Kurang dan/atau Butuh Perbaikan minimal 10 %; tanpa Sangat Baik |
//!
//! Cara membaca persen pada tim kecil adalah kebijakan Kinerja [R], dapat
//! diatur per instansi lewat [`KebijakanKurva`]. Bawaan: "maksimal P %" =
//! jumlah ≤ P % × pegawai dibandingkan eksak (70 % dari 7 = 4,9 → paling
//! banyak 4, batas = floor); "minimal P %" = jumlah ≥ P % × pegawai (60 % dari
//! 7 = 4,2 → paling sedikit 5, batas = ceil); "harus ada" = minimal satu.

use super::predikat::PredikatKinerjaPegawai as P;
use crate::galat::{GalatInput, Masalah};
use crate::{Bahasa, angka};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};

enum_token! {
    /// Predikat kinerja organisasi (unit kerja).
    pub enum PredikatOrganisasi {
        /// Istimewa.
        Istimewa => "istimewa",
        /// Baik.
        Baik => "baik",
        /// Butuh Perbaikan (juga ditulis "Cukup").
        ButuhPerbaikan => "butuh_perbaikan",
        /// Kurang.
        Kurang => "kurang",
        /// Sangat Kurang.
        SangatKurang => "sangat_kurang",
    }
}

impl PredikatOrganisasi {
    /// Label untuk manusia.
    pub fn label(self, bahasa: Bahasa) -> &'static str {
        match self {
            PredikatOrganisasi::Istimewa => bahasa.pilih("Istimewa", "Outstanding"),
            PredikatOrganisasi::Baik => bahasa.pilih("Baik", "Good"),
            PredikatOrganisasi::ButuhPerbaikan => {
                bahasa.pilih("Butuh Perbaikan", "Needs Improvement")
            }
            PredikatOrganisasi::Kurang => bahasa.pilih("Kurang", "Poor"),
            PredikatOrganisasi::SangatKurang => bahasa.pilih("Sangat Kurang", "Very Poor"),
        }
    }
}

/// Banyaknya pegawai per predikat dalam satu unit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JumlahPredikat {
    /// Sangat Baik.
    pub sangat_baik: u64,
    /// Baik.
    pub baik: u64,
    /// Butuh Perbaikan.
    pub butuh_perbaikan: u64,
    /// Kurang/Misconduct.
    pub kurang: u64,
    /// Sangat Kurang.
    pub sangat_kurang: u64,
}

impl JumlahPredikat {
    /// Banyaknya pegawai dengan predikat `p`.
    pub fn jumlah(&self, p: P) -> u64 {
        match p {
            P::SangatBaik => self.sangat_baik,
            P::Baik => self.baik,
            P::ButuhPerbaikan => self.butuh_perbaikan,
            P::Kurang => self.kurang,
            P::SangatKurang => self.sangat_kurang,
        }
    }

    /// Akses tulis ke hitungan predikat `p`.
    pub fn jumlah_mut(&mut self, p: P) -> &mut u64 {
        match p {
            P::SangatBaik => &mut self.sangat_baik,
            P::Baik => &mut self.baik,
            P::ButuhPerbaikan => &mut self.butuh_perbaikan,
            P::Kurang => &mut self.kurang,
            P::SangatKurang => &mut self.sangat_kurang,
        }
    }

    /// Jumlah seluruh pegawai; `None` bila meluap.
    pub fn total(&self) -> Option<u64> {
        P::SEMUA
            .iter()
            .try_fold(0u64, |acc, p| acc.checked_add(self.jumlah(*p)))
    }
}

enum_token! {
    /// Arah pembulatan batas hitungan dari persen × jumlah pegawai.
    pub enum PembulatanBatas {
        /// Ke bawah (floor).
        Bawah => "bawah",
        /// Ke atas (ceil).
        Atas => "atas",
    }
}

/// Kebijakan membaca tabel kurva distribusi [R], dapat diatur per instansi.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct KebijakanKurva {
    /// Pembulatan batas "maksimal P %". Bawaan: ke bawah (jumlah ≤ P % eksak).
    pub pembulatan_maksimal: PembulatanBatas,
    /// Pembulatan batas "minimal P %". Bawaan: ke atas (jumlah ≥ P % eksak).
    pub pembulatan_minimal: PembulatanBatas,
    /// "Sebagian besar (maksimal 70 %)" pada organisasi Istimewa dan Baik.
    pub persen_dominan_maksimal: Decimal,
    /// "Minimal 60 %" predikat dominan pada organisasi Butuh Perbaikan, Kurang, Sangat Kurang.
    pub persen_dominan_minimal: Decimal,
    /// "Sangat Baik maksimal 10 %" pada organisasi Butuh Perbaikan dan Kurang.
    pub persen_sangat_baik_maksimal: Decimal,
    /// "Minimal 10 %" predikat pendamping pada organisasi Kurang dan Sangat Kurang.
    pub persen_pendamping_minimal: Decimal,
    /// Arti "harus ada": paling sedikit berapa pegawai. Bawaan 1.
    pub harus_ada_minimal: u64,
}

impl Default for KebijakanKurva {
    fn default() -> Self {
        KebijakanKurva {
            pembulatan_maksimal: PembulatanBatas::Bawah,
            pembulatan_minimal: PembulatanBatas::Atas,
            persen_dominan_maksimal: Decimal::from(70),
            persen_dominan_minimal: Decimal::from(60),
            persen_sangat_baik_maksimal: Decimal::from(10),
            persen_pendamping_minimal: Decimal::from(10),
            harus_ada_minimal: 1,
        }
    }
}

enum_token! {
    /// Kode stabil aturan kurva distribusi.
    pub enum AturanKurva {
        /// Sangat Baik paling banyak P % (Istimewa 70 %, Butuh Perbaikan/Kurang 10 %).
        SangatBaikMaksimal => "sangat_baik_maksimal",
        /// Baik paling banyak 70 % (organisasi Baik).
        BaikMaksimal => "baik_maksimal",
        /// Harus ada Butuh Perbaikan dan/atau Kurang (organisasi Baik).
        HarusAdaButuhPerbaikanAtauKurang => "harus_ada_butuh_perbaikan_atau_kurang",
        /// Butuh Perbaikan paling sedikit P % (Butuh Perbaikan 60 %, Kurang 10 %).
        ButuhPerbaikanMinimal => "butuh_perbaikan_minimal",
        /// Kurang paling sedikit 60 % (organisasi Kurang).
        KurangMinimal => "kurang_minimal",
        /// Sangat Kurang paling sedikit 60 % (organisasi Sangat Kurang).
        SangatKurangMinimal => "sangat_kurang_minimal",
        /// Kurang dan/atau Butuh Perbaikan paling sedikit 10 % (organisasi Sangat Kurang).
        KurangAtauButuhPerbaikanMinimal => "kurang_atau_butuh_perbaikan_minimal",
        /// Tidak boleh ada Sangat Baik (organisasi Sangat Kurang).
        SangatBaikTidakBolehAda => "sangat_baik_tidak_boleh_ada",
    }
}

enum_token! {
    /// Arah batas suatu aturan.
    pub enum JenisBatas {
        /// Jumlah ditemukan harus ≤ batas.
        Maksimal => "maksimal",
        /// Jumlah ditemukan harus ≥ batas.
        Minimal => "minimal",
    }
}

/// Ukuran batas sebuah aturan, dibaca dari [`KebijakanKurva`].
#[derive(Clone, Copy, Debug)]
enum Ukuran {
    DominanMaksimal,
    DominanMinimal,
    SangatBaikMaksimal,
    PendampingMinimal,
    HarusAda,
    TidakBolehAda,
}

struct DefAturan {
    aturan: AturanKurva,
    kelompok: &'static [P],
    ukuran: Ukuran,
}

const fn def(aturan: AturanKurva, kelompok: &'static [P], ukuran: Ukuran) -> DefAturan {
    DefAturan {
        aturan,
        kelompok,
        ukuran,
    }
}

use AturanKurva as A;
use Ukuran as U;

// Aturan per predikat organisasi (tabel di atas), dalam urutan tabel.
const ATURAN_ISTIMEWA: &[DefAturan] = &[def(
    A::SangatBaikMaksimal,
    &[P::SangatBaik],
    U::DominanMaksimal,
)];
const ATURAN_BAIK: &[DefAturan] = &[
    def(A::BaikMaksimal, &[P::Baik], U::DominanMaksimal),
    def(
        A::HarusAdaButuhPerbaikanAtauKurang,
        &[P::ButuhPerbaikan, P::Kurang],
        U::HarusAda,
    ),
];
const ATURAN_BUTUH_PERBAIKAN: &[DefAturan] = &[
    def(
        A::ButuhPerbaikanMinimal,
        &[P::ButuhPerbaikan],
        U::DominanMinimal,
    ),
    def(
        A::SangatBaikMaksimal,
        &[P::SangatBaik],
        U::SangatBaikMaksimal,
    ),
];
const ATURAN_KURANG: &[DefAturan] = &[
    def(A::KurangMinimal, &[P::Kurang], U::DominanMinimal),
    def(
        A::ButuhPerbaikanMinimal,
        &[P::ButuhPerbaikan],
        U::PendampingMinimal,
    ),
    def(
        A::SangatBaikMaksimal,
        &[P::SangatBaik],
        U::SangatBaikMaksimal,
    ),
];
const ATURAN_SANGAT_KURANG: &[DefAturan] = &[
    def(
        A::SangatKurangMinimal,
        &[P::SangatKurang],
        U::DominanMinimal,
    ),
    def(
        A::KurangAtauButuhPerbaikanMinimal,
        &[P::Kurang, P::ButuhPerbaikan],
        U::PendampingMinimal,
    ),
    def(
        A::SangatBaikTidakBolehAda,
        &[P::SangatBaik],
        U::TidakBolehAda,
    ),
];

fn daftar_aturan(org: PredikatOrganisasi) -> &'static [DefAturan] {
    match org {
        PredikatOrganisasi::Istimewa => ATURAN_ISTIMEWA,
        PredikatOrganisasi::Baik => ATURAN_BAIK,
        PredikatOrganisasi::ButuhPerbaikan => ATURAN_BUTUH_PERBAIKAN,
        PredikatOrganisasi::Kurang => ATURAN_KURANG,
        PredikatOrganisasi::SangatKurang => ATURAN_SANGAT_KURANG,
    }
}

/// Hasil pemeriksaan satu aturan (dipenuhi atau tidak).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PemeriksaanAturan {
    /// Aturan yang diperiksa.
    pub aturan: AturanKurva,
    /// Maksimal atau minimal.
    pub jenis: JenisBatas,
    /// Predikat pegawai yang dihitung bersama.
    pub kelompok: &'static [P],
    /// Persen aturan; `None` untuk "harus ada" / "tidak boleh ada".
    pub persen: Option<Decimal>,
    /// P % × jumlah pegawai sebelum dibulatkan menjadi batas.
    pub batas_eksak: Option<Decimal>,
    /// Pembulatan yang dipakai untuk batas (bila ada persen).
    pub pembulatan: Option<PembulatanBatas>,
    /// Jumlah pegawai seluruhnya.
    pub total: u64,
    /// Jumlah pegawai dalam kelompok.
    pub ditemukan: u64,
    /// Batas hitungan yang berlaku.
    pub batas: u64,
}

/// Pelanggaran = pemeriksaan aturan yang tidak dipenuhi.
pub type Pelanggaran = PemeriksaanAturan;

impl PemeriksaanAturan {
    /// Apakah aturan dipenuhi.
    pub fn dipenuhi(&self) -> bool {
        match self.jenis {
            JenisBatas::Maksimal => self.ditemukan <= self.batas,
            JenisBatas::Minimal => self.ditemukan >= self.batas,
        }
    }

    /// Pesan untuk manusia, dengan jumlah ditemukan dan batasnya.
    pub fn pesan(&self, bahasa: Bahasa) -> String {
        let sambung = bahasa.pilih(" dan/atau ", " and/or ");
        let grup = self
            .kelompok
            .iter()
            .map(|p| p.label(bahasa))
            .collect::<Vec<_>>()
            .join(sambung);
        let (d, b, n) = (self.ditemukan, self.batas, self.total);
        let persen = self.persen.map(angka::teks_ringkas);
        match (self.jenis, persen, bahasa) {
            (JenisBatas::Maksimal, Some(p), Bahasa::Id) => {
                format!("{grup} melebihi {p}% dari {n} pegawai (ditemukan {d}, maksimal {b})")
            }
            (JenisBatas::Maksimal, Some(p), Bahasa::En) => {
                format!("{grup} above {p}% of {n} employees (found {d}, at most {b} allowed)")
            }
            (JenisBatas::Minimal, Some(p), Bahasa::Id) => {
                format!("{grup} kurang dari {p}% dari {n} pegawai (ditemukan {d}, minimal {b})")
            }
            (JenisBatas::Minimal, Some(p), Bahasa::En) => {
                format!("{grup} below {p}% of {n} employees (found {d}, at least {b} required)")
            }
            (JenisBatas::Minimal, None, Bahasa::Id) => {
                format!("Harus ada pegawai dengan predikat {grup} (ditemukan {d}, minimal {b})")
            }
            (JenisBatas::Minimal, None, Bahasa::En) => {
                format!("There must be employees rated {grup} (found {d}, at least {b} required)")
            }
            (JenisBatas::Maksimal, None, Bahasa::Id) => format!(
                "Tidak boleh ada pegawai dengan predikat {grup} (ditemukan {d}, maksimal {b})"
            ),
            (JenisBatas::Maksimal, None, Bahasa::En) => {
                format!("No employee may be rated {grup} (found {d}, at most {b} allowed)")
            }
        }
    }
}

/// Hasil pemeriksaan kurva distribusi.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HasilKurva {
    /// Jumlah pegawai seluruhnya.
    pub total: u64,
    /// Semua aturan yang berlaku untuk predikat organisasi ini, dipenuhi atau tidak.
    pub pemeriksaan: Vec<PemeriksaanAturan>,
}

impl HasilKurva {
    /// Sebaran sah bila semua aturan dipenuhi.
    pub fn valid(&self) -> bool {
        self.pemeriksaan.iter().all(PemeriksaanAturan::dipenuhi)
    }

    /// Aturan yang dilanggar, dalam urutan tabel.
    pub fn pelanggaran(&self) -> impl Iterator<Item = &Pelanggaran> {
        self.pemeriksaan.iter().filter(|p| !p.dipenuhi())
    }
}

/// Periksa sebaran predikat pegawai terhadap predikat organisasinya.
/// Galat bila jumlah pegawai nol (field `jumlah`).
pub fn periksa_kurva(
    organisasi: PredikatOrganisasi,
    jumlah: &JumlahPredikat,
    kebijakan: &KebijakanKurva,
) -> Result<HasilKurva, GalatInput> {
    let total = jumlah
        .total()
        .ok_or_else(|| GalatInput::baru("jumlah", Masalah::TerlaluBesar))?;
    if total == 0 {
        return Err(GalatInput::baru("jumlah", Masalah::TotalNol));
    }
    let pemeriksaan = daftar_aturan(organisasi)
        .iter()
        .map(|d| periksa_satu(d, jumlah, total, kebijakan))
        .collect::<Result<_, _>>()?;
    Ok(HasilKurva { total, pemeriksaan })
}

fn periksa_satu(
    d: &DefAturan,
    jumlah: &JumlahPredikat,
    total: u64,
    k: &KebijakanKurva,
) -> Result<PemeriksaanAturan, GalatInput> {
    let ditemukan = d
        .kelompok
        .iter()
        .try_fold(0u64, |acc, p| acc.checked_add(jumlah.jumlah(*p)))
        .ok_or_else(|| GalatInput::baru("jumlah", Masalah::TerlaluBesar))?;
    let (jenis, persen) = match d.ukuran {
        Ukuran::DominanMaksimal => (JenisBatas::Maksimal, Some(k.persen_dominan_maksimal)),
        Ukuran::SangatBaikMaksimal => (JenisBatas::Maksimal, Some(k.persen_sangat_baik_maksimal)),
        Ukuran::DominanMinimal => (JenisBatas::Minimal, Some(k.persen_dominan_minimal)),
        Ukuran::PendampingMinimal => (JenisBatas::Minimal, Some(k.persen_pendamping_minimal)),
        Ukuran::HarusAda | Ukuran::TidakBolehAda => {
            let (jenis, batas) = match d.ukuran {
                Ukuran::HarusAda => (JenisBatas::Minimal, k.harus_ada_minimal),
                _ => (JenisBatas::Maksimal, 0),
            };
            return Ok(PemeriksaanAturan {
                aturan: d.aturan,
                jenis,
                kelompok: d.kelompok,
                persen: None,
                batas_eksak: None,
                pembulatan: None,
                total,
                ditemukan,
                batas,
            });
        }
    };
    let persen = persen.unwrap_or_default();
    let eksak = persen
        .checked_mul(Decimal::from(total))
        .and_then(|x| x.checked_div(Decimal::ONE_HUNDRED))
        .ok_or_else(|| GalatInput::baru("jumlah", Masalah::TerlaluBesar))?;
    let pembulatan = match jenis {
        JenisBatas::Maksimal => k.pembulatan_maksimal,
        JenisBatas::Minimal => k.pembulatan_minimal,
    };
    let dibulatkan = match pembulatan {
        PembulatanBatas::Bawah => eksak.floor(),
        PembulatanBatas::Atas => eksak.ceil(),
    };
    // Persen di luar 0–100 dari konfigurasi tidak boleh membuat panik.
    let batas = if dibulatkan.is_sign_negative() {
        0
    } else {
        dibulatkan.to_u64().unwrap_or(u64::MAX)
    };
    Ok(PemeriksaanAturan {
        aturan: d.aturan,
        jenis,
        kelompok: d.kelompok,
        persen: Some(persen),
        batas_eksak: Some(eksak),
        pembulatan: Some(pembulatan),
        total,
        ditemukan,
        batas,
    })
}
