//! Kode nomenklatur anggaran: pemda dan kementerian/lembaga (K/L) [S].
//!
//! * Pemda (Permendagri 90/2019, Kepmendagri 050-5889/2021 dan pemutakhirannya):
//!   `X.XX.XX.X.XX.XXXX` = urusan `1` · bidang urusan `1.02` · program `1.02.02` ·
//!   kegiatan `1.02.02.2.01` · sub kegiatan `1.02.02.2.01.0006`. Tiap tingkat
//!   adalah awalan kumulatif. Kode boleh berhenti di tingkat mana pun, tetapi tidak
//!   di tengah kegiatan (`1.02.02.2` ditolak). Placeholder resmi `X.XX`
//!   (program penunjang yang berlaku untuk semua bidang, mis. `X.XX.01.2.01`)
//!   diterima hanya persis sebagai `X` dan `XX`; huruf lain di tempat digit ditolak.
//! * K/L (KRISNA/SAKTI): `005.01.WA.1066.EBA.994.001` = bagian anggaran (3 digit) ·
//!   unit eselon I (2 digit) · program (2 huruf) · kegiatan (4 digit) · KRO
//!   (3 huruf) · RO (3 digit) · komponen (3 digit); tiap tingkat segmennya sendiri.
//!   Huruf kecil diterima dan dijadikan huruf besar.
//!
//! Galat menyebut segmen yang salah (nomor, tingkat, isi, bentuk yang diharapkan).

use crate::Bahasa;
use std::fmt;
use std::str::FromStr;

enum_token! {
    /// Tingkat kode pemda.
    pub enum TingkatPemda {
        /// Urusan (`1`).
        Urusan => "urusan",
        /// Bidang urusan (`1.02`).
        BidangUrusan => "bidang_urusan",
        /// Program (`1.02.02`).
        Program => "program",
        /// Kegiatan (`1.02.02.2.01`).
        Kegiatan => "kegiatan",
        /// Sub kegiatan (`1.02.02.2.01.0006`).
        SubKegiatan => "sub_kegiatan",
    }
}

enum_token! {
    /// Tingkat kode K/L.
    pub enum TingkatKl {
        /// Bagian anggaran (BA), 3 digit.
        BagianAnggaran => "bagian_anggaran",
        /// Unit eselon I, 2 digit.
        UnitEselon1 => "unit_eselon_1",
        /// Program, 2 huruf.
        Program => "program",
        /// Kegiatan, 4 digit.
        Kegiatan => "kegiatan",
        /// Klasifikasi Rincian Output, 3 huruf.
        Kro => "kro",
        /// Rincian Output, 3 digit.
        Ro => "ro",
        /// Komponen, 3 digit.
        Komponen => "komponen",
    }
}

enum_token! {
    /// Jenis kode nomenklatur.
    pub enum JenisKode {
        /// Pemerintah daerah.
        Pemda => "pemda",
        /// Kementerian/lembaga.
        Kl => "kl",
    }
}

/// Bentuk segmen yang diharapkan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BentukSegmen {
    /// `n` digit.
    Digit(usize),
    /// `n` huruf.
    Huruf(usize),
}

impl BentukSegmen {
    fn cocok(self, s: &str) -> bool {
        match self {
            BentukSegmen::Digit(n) => s.len() == n && s.bytes().all(|b| b.is_ascii_digit()),
            BentukSegmen::Huruf(n) => s.len() == n && s.bytes().all(|b| b.is_ascii_alphabetic()),
        }
    }

    fn teks(self, bahasa: Bahasa) -> String {
        match (self, bahasa) {
            (BentukSegmen::Digit(n), Bahasa::Id) => format!("{n} digit"),
            (BentukSegmen::Digit(1), Bahasa::En) => "1 digit".to_string(),
            (BentukSegmen::Digit(n), Bahasa::En) => format!("{n} digits"),
            (BentukSegmen::Huruf(n), Bahasa::Id) => format!("{n} huruf"),
            (BentukSegmen::Huruf(n), Bahasa::En) => format!("{n} letters"),
        }
    }
}

/// Segmen pemda: (bentuk, tingkat tempat segmen itu berada).
const SEGMEN_PEMDA: [(BentukSegmen, TingkatPemda); 6] = [
    (BentukSegmen::Digit(1), TingkatPemda::Urusan),
    (BentukSegmen::Digit(2), TingkatPemda::BidangUrusan),
    (BentukSegmen::Digit(2), TingkatPemda::Program),
    (BentukSegmen::Digit(1), TingkatPemda::Kegiatan),
    (BentukSegmen::Digit(2), TingkatPemda::Kegiatan),
    (BentukSegmen::Digit(4), TingkatPemda::SubKegiatan),
];

/// Segmen K/L: satu segmen per tingkat.
const SEGMEN_KL: [(BentukSegmen, TingkatKl); 7] = [
    (BentukSegmen::Digit(3), TingkatKl::BagianAnggaran),
    (BentukSegmen::Digit(2), TingkatKl::UnitEselon1),
    (BentukSegmen::Huruf(2), TingkatKl::Program),
    (BentukSegmen::Digit(4), TingkatKl::Kegiatan),
    (BentukSegmen::Huruf(3), TingkatKl::Kro),
    (BentukSegmen::Digit(3), TingkatKl::Ro),
    (BentukSegmen::Digit(3), TingkatKl::Komponen),
];

/// Kesalahan membaca kode nomenklatur.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GalatKode {
    /// Kode kosong.
    Kosong,
    /// Segmen pertama bukan 1 digit (pemda) atau 3 digit (K/L).
    JenisTidakDikenal {
        /// Isi segmen pertama.
        segmen: String,
    },
    /// Satu segmen salah bentuk.
    SegmenTidakValid {
        /// Jenis kode.
        jenis: JenisKode,
        /// Nomor segmen (mulai 1).
        nomor: usize,
        /// Token tingkat tempat segmen berada.
        tingkat: &'static str,
        /// Isi segmen.
        segmen: String,
        /// Bentuk yang diharapkan.
        harapan: BentukSegmen,
    },
    /// Kode pemda berhenti di tengah kegiatan (`1.02.02.2`).
    TidakLengkap {
        /// Nomor segmen yang hilang.
        nomor: usize,
        /// Token tingkat yang belum lengkap.
        tingkat: &'static str,
    },
    /// Lebih banyak segmen daripada tingkat terdalam.
    TerlaluBanyakSegmen {
        /// Jenis kode.
        jenis: JenisKode,
        /// Banyak segmen maksimal.
        maks: usize,
    },
}

fn potong(s: &str) -> String {
    let mut hasil: String = s.chars().take(24).collect();
    if s.chars().count() > 24 {
        hasil.push('…');
    }
    hasil
}

fn label_tingkat(tingkat: &str) -> String {
    match tingkat {
        "unit_eselon_1" => "unit eselon I".to_string(),
        "kro" | "ro" => tingkat.to_uppercase(),
        t => t.replace('_', " "),
    }
}

impl GalatKode {
    /// Kode stabil untuk API.
    pub fn kode(&self) -> &'static str {
        match self {
            GalatKode::Kosong => "kode_kosong",
            GalatKode::JenisTidakDikenal { .. } => "kode_jenis_tidak_dikenal",
            GalatKode::SegmenTidakValid { .. } => "kode_segmen_tidak_valid",
            GalatKode::TidakLengkap { .. } => "kode_tidak_lengkap",
            GalatKode::TerlaluBanyakSegmen { .. } => "kode_terlalu_banyak_segmen",
        }
    }

    /// Pesan untuk pengguna, menyebut segmen yang salah.
    pub fn pesan(&self, bahasa: Bahasa) -> String {
        match (self, bahasa) {
            (GalatKode::Kosong, Bahasa::Id) => "kode kosong".to_string(),
            (GalatKode::Kosong, Bahasa::En) => "the code is empty".to_string(),
            (GalatKode::JenisTidakDikenal { segmen }, Bahasa::Id) => format!(
                "segmen ke-1 '{}' tidak dikenal: harus 1 digit (kode pemda, mis. 1.02.02) atau 3 digit (kode K/L, mis. 005.01.WA)",
                potong(segmen)
            ),
            (GalatKode::JenisTidakDikenal { segmen }, Bahasa::En) => format!(
                "segment 1 '{}' is not recognised: expected 1 digit (regional code, e.g. 1.02.02) or 3 digits (ministry code, e.g. 005.01.WA)",
                potong(segmen)
            ),
            (
                GalatKode::SegmenTidakValid {
                    nomor,
                    tingkat,
                    segmen,
                    harapan,
                    ..
                },
                b,
            ) => {
                let t = label_tingkat(tingkat);
                let s = potong(segmen);
                let h = harapan.teks(b);
                match b {
                    Bahasa::Id if segmen.is_empty() => {
                        format!("segmen ke-{nomor} ({t}) kosong: harus {h}")
                    }
                    Bahasa::En if segmen.is_empty() => {
                        format!("segment {nomor} ({t}) is empty: expected {h}")
                    }
                    Bahasa::Id => format!("segmen ke-{nomor} ({t}) '{s}' tidak valid: harus {h}"),
                    Bahasa::En => format!("segment {nomor} ({t}) '{s}' is invalid: expected {h}"),
                }
            }
            (GalatKode::TidakLengkap { nomor, tingkat }, Bahasa::Id) => format!(
                "kode terpotong di tengah tingkat {}: segmen ke-{nomor} belum ada",
                label_tingkat(tingkat)
            ),
            (GalatKode::TidakLengkap { nomor, tingkat }, Bahasa::En) => format!(
                "the code stops in the middle of the {} level: segment {nomor} is missing",
                label_tingkat(tingkat)
            ),
            (GalatKode::TerlaluBanyakSegmen { maks, .. }, Bahasa::Id) => {
                format!("kode terlalu panjang: paling banyak {maks} segmen")
            }
            (GalatKode::TerlaluBanyakSegmen { maks, .. }, Bahasa::En) => {
                format!("the code is too long: at most {maks} segments")
            }
        }
    }
}

impl fmt::Display for GalatKode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.pesan(Bahasa::Id))
    }
}

impl std::error::Error for GalatKode {}

/// Kode nomenklatur pemda, lengkap atau terpotong di suatu tingkat.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KodePemda {
    teks: String,
    tingkat: TingkatPemda,
}

/// Kode nomenklatur K/L, lengkap atau terpotong di suatu tingkat.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KodeKl {
    segmen: Vec<String>,
}

/// Kode nomenklatur pemda atau K/L.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KodeNomenklatur {
    /// Kode pemda.
    Pemda(KodePemda),
    /// Kode K/L.
    Kl(KodeKl),
}

fn pisah(teks: &str) -> Result<Vec<&str>, GalatKode> {
    let teks = teks.trim();
    if teks.is_empty() {
        return Err(GalatKode::Kosong);
    }
    Ok(teks.split('.').collect())
}

impl KodePemda {
    /// Baca kode pemda.
    pub fn parse(teks: &str) -> Result<Self, GalatKode> {
        let segmen = pisah(teks)?;
        if segmen.len() > SEGMEN_PEMDA.len() {
            return Err(GalatKode::TerlaluBanyakSegmen {
                jenis: JenisKode::Pemda,
                maks: SEGMEN_PEMDA.len(),
            });
        }
        // Placeholder resmi "X.XX": program penunjang untuk semua urusan/bidang.
        let generik = segmen[0] == "X";
        for (i, s) in segmen.iter().enumerate() {
            let (bentuk, tingkat) = SEGMEN_PEMDA[i];
            let sah = match (generik, i) {
                (true, 0) => true,
                (true, 1) => *s == "XX",
                _ => bentuk.cocok(s),
            };
            if !sah {
                return Err(if i == 0 {
                    GalatKode::JenisTidakDikenal {
                        segmen: s.to_string(),
                    }
                } else {
                    GalatKode::SegmenTidakValid {
                        jenis: JenisKode::Pemda,
                        nomor: i + 1,
                        tingkat: tingkat.token(),
                        segmen: s.to_string(),
                        harapan: bentuk,
                    }
                });
            }
        }
        let tingkat = match segmen.len() {
            1 => TingkatPemda::Urusan,
            2 => TingkatPemda::BidangUrusan,
            3 => TingkatPemda::Program,
            4 => {
                return Err(GalatKode::TidakLengkap {
                    nomor: 5,
                    tingkat: TingkatPemda::Kegiatan.token(),
                });
            }
            5 => TingkatPemda::Kegiatan,
            _ => TingkatPemda::SubKegiatan,
        };
        Ok(KodePemda {
            teks: segmen.join("."),
            tingkat,
        })
    }

    /// Tingkat terdalam yang ada.
    pub fn tingkat(&self) -> TingkatPemda {
        self.tingkat
    }

    /// Kode placeholder `X.XX…` (berlaku untuk semua urusan dan bidang).
    pub fn generik(&self) -> bool {
        self.teks.starts_with('X')
    }

    /// Awalan kumulatif untuk `tingkat`, bila kode mencapai tingkat itu.
    pub fn awalan(&self, tingkat: TingkatPemda) -> Option<&str> {
        let panjang = match tingkat {
            TingkatPemda::Urusan => 1,
            TingkatPemda::BidangUrusan => 4,
            TingkatPemda::Program => 7,
            TingkatPemda::Kegiatan => 12,
            TingkatPemda::SubKegiatan => 17,
        };
        (tingkat <= self.tingkat).then(|| &self.teks[..panjang])
    }

    /// Urusan (`1`).
    pub fn urusan(&self) -> &str {
        &self.teks[..1]
    }
    /// Bidang urusan (`1.02`).
    pub fn bidang_urusan(&self) -> Option<&str> {
        self.awalan(TingkatPemda::BidangUrusan)
    }
    /// Program (`1.02.02`).
    pub fn program(&self) -> Option<&str> {
        self.awalan(TingkatPemda::Program)
    }
    /// Kegiatan (`1.02.02.2.01`).
    pub fn kegiatan(&self) -> Option<&str> {
        self.awalan(TingkatPemda::Kegiatan)
    }
    /// Sub kegiatan (`1.02.02.2.01.0006`).
    pub fn sub_kegiatan(&self) -> Option<&str> {
        self.awalan(TingkatPemda::SubKegiatan)
    }

    /// Kode induk satu tingkat di atasnya (`None` untuk urusan).
    pub fn induk(&self) -> Option<KodePemda> {
        let atas = TingkatPemda::SEMUA
            .iter()
            .rev()
            .find(|t| **t < self.tingkat)?;
        Some(KodePemda {
            teks: self.awalan(*atas)?.to_string(),
            tingkat: *atas,
        })
    }

    /// Teks kode.
    pub fn as_str(&self) -> &str {
        &self.teks
    }
}

impl KodeKl {
    /// Baca kode K/L.
    pub fn parse(teks: &str) -> Result<Self, GalatKode> {
        let segmen = pisah(teks)?;
        if segmen.len() > SEGMEN_KL.len() {
            return Err(GalatKode::TerlaluBanyakSegmen {
                jenis: JenisKode::Kl,
                maks: SEGMEN_KL.len(),
            });
        }
        let mut hasil = Vec::with_capacity(segmen.len());
        for (i, s) in segmen.iter().enumerate() {
            let (bentuk, tingkat) = SEGMEN_KL[i];
            if !bentuk.cocok(s) {
                return Err(if i == 0 {
                    GalatKode::JenisTidakDikenal {
                        segmen: s.to_string(),
                    }
                } else {
                    GalatKode::SegmenTidakValid {
                        jenis: JenisKode::Kl,
                        nomor: i + 1,
                        tingkat: tingkat.token(),
                        segmen: s.to_string(),
                        harapan: bentuk,
                    }
                });
            }
            hasil.push(s.to_ascii_uppercase());
        }
        Ok(KodeKl { segmen: hasil })
    }

    /// Tingkat terdalam yang ada.
    pub fn tingkat(&self) -> TingkatKl {
        TingkatKl::SEMUA[self.segmen.len().saturating_sub(1)]
    }

    /// Segmen untuk `tingkat`, bila kode mencapai tingkat itu.
    pub fn segmen(&self, tingkat: TingkatKl) -> Option<&str> {
        let i = TingkatKl::SEMUA.iter().position(|t| *t == tingkat)?;
        self.segmen.get(i).map(String::as_str)
    }

    /// Bagian anggaran (`005`).
    pub fn bagian_anggaran(&self) -> &str {
        &self.segmen[0]
    }
    /// Unit eselon I (`01`).
    pub fn unit_eselon_1(&self) -> Option<&str> {
        self.segmen(TingkatKl::UnitEselon1)
    }
    /// Program (`WA`).
    pub fn program(&self) -> Option<&str> {
        self.segmen(TingkatKl::Program)
    }
    /// Kegiatan (`1066`).
    pub fn kegiatan(&self) -> Option<&str> {
        self.segmen(TingkatKl::Kegiatan)
    }
    /// KRO (`EBA`).
    pub fn kro(&self) -> Option<&str> {
        self.segmen(TingkatKl::Kro)
    }
    /// RO (`994`).
    pub fn ro(&self) -> Option<&str> {
        self.segmen(TingkatKl::Ro)
    }
    /// Komponen (`001`).
    pub fn komponen(&self) -> Option<&str> {
        self.segmen(TingkatKl::Komponen)
    }

    /// Kode induk satu tingkat di atasnya (`None` untuk bagian anggaran).
    pub fn induk(&self) -> Option<KodeKl> {
        (self.segmen.len() > 1).then(|| KodeKl {
            segmen: self.segmen[..self.segmen.len() - 1].to_vec(),
        })
    }
}

impl KodeNomenklatur {
    /// Baca kode pemda atau K/L; jenisnya ditentukan segmen pertama (1 karakter:
    /// pemda; 3 karakter: K/L).
    pub fn parse(teks: &str) -> Result<Self, GalatKode> {
        let segmen = pisah(teks)?;
        match segmen[0].len() {
            3 => KodeKl::parse(teks).map(KodeNomenklatur::Kl),
            1 => KodePemda::parse(teks).map(KodeNomenklatur::Pemda),
            _ => Err(GalatKode::JenisTidakDikenal {
                segmen: segmen[0].to_string(),
            }),
        }
    }

    /// Jenis kode.
    pub fn jenis(&self) -> JenisKode {
        match self {
            KodeNomenklatur::Pemda(_) => JenisKode::Pemda,
            KodeNomenklatur::Kl(_) => JenisKode::Kl,
        }
    }

    /// Kode induk satu tingkat di atasnya.
    pub fn induk(&self) -> Option<KodeNomenklatur> {
        match self {
            KodeNomenklatur::Pemda(k) => k.induk().map(KodeNomenklatur::Pemda),
            KodeNomenklatur::Kl(k) => k.induk().map(KodeNomenklatur::Kl),
        }
    }
}

impl fmt::Display for KodePemda {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.teks)
    }
}

impl fmt::Display for KodeKl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.segmen.join("."))
    }
}

impl fmt::Display for KodeNomenklatur {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KodeNomenklatur::Pemda(k) => k.fmt(f),
            KodeNomenklatur::Kl(k) => k.fmt(f),
        }
    }
}

macro_rules! teks_serde {
    ($($t:ty),+) => {$(
        impl FromStr for $t {
            type Err = GalatKode;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                <$t>::parse(s)
            }
        }
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let teks = <String as serde::Deserialize>::deserialize(d)?;
                <$t>::parse(&teks).map_err(serde::de::Error::custom)
            }
        }
    )+};
}

teks_serde!(KodePemda, KodeKl, KodeNomenklatur);
