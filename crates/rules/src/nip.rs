//! Nomor Induk Pegawai (NIP), 18 digit [S]:
//!
//! ```text
//! 19850315 201001 1 002
//! └ lahir ┘└ TMT ┘ │ └ nomor urut
//!  YYYYMMDD YYYYMM └ jenis kelamin (1 laki-laki, 2 perempuan)
//! ```
//!
//! PPPK: dua digit tempat bulan TMT pada NIP PNS berisi `21`, sehingga TMT
//! PPPK hanya tahun (`198902252024211013` → PPPK, diangkat 2024).
//!
//! Spasi di antara kelompok digit (`19850315 201001 1 002`) diterima. NIP
//! harus berupa teks: sebagai angka, spreadsheet hanya menyimpan 15 digit
//! bermakna (198503152010011002 menjadi 198503152010011000).

use crate::Bahasa;
use std::fmt;
use std::str::FromStr;
use time::{Date, Month};

enum_token! {
    /// Jenis ASN menurut NIP.
    pub enum JenisAsn {
        /// Pegawai Negeri Sipil.
        Pns => "pns",
        /// Pegawai Pemerintah dengan Perjanjian Kerja.
        Pppk => "pppk",
    }
}

enum_token! {
    /// Jenis kelamin menurut digit ke-15 NIP.
    pub enum JenisKelamin {
        /// Laki-laki (digit 1).
        L => "L",
        /// Perempuan (digit 2).
        P => "P",
    }
}

/// Terhitung mulai tanggal (TMT) pengangkatan yang terbaca dari NIP.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tmt {
    /// PNS: tahun dan bulan TMT CPNS.
    Pns {
        /// Tahun.
        tahun: i32,
        /// Bulan.
        bulan: Month,
    },
    /// PPPK: tahun pengangkatan saja.
    Pppk {
        /// Tahun.
        tahun: i32,
    },
}

impl Tmt {
    /// Tahun TMT.
    pub fn tahun(self) -> i32 {
        match self {
            Tmt::Pns { tahun, .. } | Tmt::Pppk { tahun } => tahun,
        }
    }
}

impl fmt::Display for Tmt {
    /// `YYYY-MM` untuk PNS, `YYYY` untuk PPPK.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tmt::Pns { tahun, bulan } => write!(f, "{tahun:04}-{:02}", *bulan as u8),
            Tmt::Pppk { tahun } => write!(f, "{tahun:04}"),
        }
    }
}

/// Kesalahan membaca NIP; pesan menyebut bagian yang salah.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GalatNip {
    /// Ada karakter selain digit (dan spasi).
    BukanDigit {
        /// Posisi karakter (mulai 1, tanpa menghitung spasi).
        posisi: usize,
        /// Karakternya.
        karakter: char,
    },
    /// Banyak digit bukan 18.
    PanjangSalah {
        /// Banyak digit yang diberikan.
        panjang: usize,
    },
    /// Tanggal lahir (digit 1–8) tidak mungkin.
    TanggalLahirTidakValid {
        /// Delapan digit tanggal lahir.
        digit: String,
    },
    /// Bulan TMT (digit 13–14) bukan 01–12 (PNS) atau 21 (PPPK).
    BulanTmtTidakValid {
        /// Dua digit bulan.
        bulan: String,
    },
    /// Tahun TMT (digit 9–12) tidak mungkin: sebelum 1900 atau tidak sesudah tahun lahir.
    TahunTmtTidakValid {
        /// Tahun TMT.
        tahun: i32,
    },
    /// Digit jenis kelamin (ke-15) bukan 1 atau 2.
    JenisKelaminTidakValid {
        /// Digitnya.
        digit: char,
    },
}

impl GalatNip {
    /// Kode stabil untuk API.
    pub fn kode(&self) -> &'static str {
        match self {
            GalatNip::BukanDigit { .. } => "nip_bukan_digit",
            GalatNip::PanjangSalah { .. } => "nip_panjang_salah",
            GalatNip::TanggalLahirTidakValid { .. } => "nip_tanggal_lahir_tidak_valid",
            GalatNip::BulanTmtTidakValid { .. } => "nip_tmt_tidak_valid",
            GalatNip::TahunTmtTidakValid { .. } => "nip_tmt_tidak_valid",
            GalatNip::JenisKelaminTidakValid { .. } => "nip_jenis_kelamin_tidak_valid",
        }
    }

    /// Pesan untuk pengguna.
    pub fn pesan(&self, bahasa: Bahasa) -> String {
        match (self, bahasa) {
            (GalatNip::BukanDigit { posisi, karakter }, Bahasa::Id) => {
                format!(
                    "NIP hanya boleh berisi angka: karakter ke-{posisi} '{karakter}' bukan angka"
                )
            }
            (GalatNip::BukanDigit { posisi, karakter }, Bahasa::En) => {
                format!("a NIP holds digits only: character {posisi} '{karakter}' is not a digit")
            }
            (GalatNip::PanjangSalah { panjang }, Bahasa::Id) => {
                format!("NIP harus 18 digit, bukan {panjang}")
            }
            (GalatNip::PanjangSalah { panjang }, Bahasa::En) => {
                format!("a NIP has 18 digits, not {panjang}")
            }
            (GalatNip::TanggalLahirTidakValid { digit }, Bahasa::Id) => format!(
                "tanggal lahir pada NIP (digit 1–8: {digit}) bukan tanggal yang mungkin (tahun 1900–2099, bulan 01–12, hari sesuai bulan)"
            ),
            (GalatNip::TanggalLahirTidakValid { digit }, Bahasa::En) => format!(
                "the birth date in the NIP (digits 1–8: {digit}) is not a possible date (year 1900–2099, month 01–12, a day that exists in that month)"
            ),
            (GalatNip::BulanTmtTidakValid { bulan }, Bahasa::Id) => format!(
                "bulan TMT pada NIP (digit 13–14: {bulan}) harus 01–12 untuk PNS atau 21 untuk PPPK"
            ),
            (GalatNip::BulanTmtTidakValid { bulan }, Bahasa::En) => format!(
                "the appointment month in the NIP (digits 13–14: {bulan}) must be 01–12 for a PNS or 21 for a PPPK"
            ),
            (GalatNip::TahunTmtTidakValid { tahun }, Bahasa::Id) => format!(
                "tahun TMT pada NIP (digit 9–12: {tahun:04}) tidak mungkin: harus 1900–2099 dan sesudah tahun lahir"
            ),
            (GalatNip::TahunTmtTidakValid { tahun }, Bahasa::En) => format!(
                "the appointment year in the NIP (digits 9–12: {tahun:04}) is impossible: it must be 1900–2099 and after the birth year"
            ),
            (GalatNip::JenisKelaminTidakValid { digit }, Bahasa::Id) => format!(
                "digit jenis kelamin pada NIP (digit 15: {digit}) harus 1 (laki-laki) atau 2 (perempuan)"
            ),
            (GalatNip::JenisKelaminTidakValid { digit }, Bahasa::En) => format!(
                "the sex digit in the NIP (digit 15: {digit}) must be 1 (male) or 2 (female)"
            ),
        }
    }
}

impl fmt::Display for GalatNip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.pesan(Bahasa::Id))
    }
}

impl std::error::Error for GalatNip {}

/// NIP yang sudah diperiksa: 18 digit dengan tanggal lahir, TMT dan jenis
/// kelamin yang mungkin. Disimpan dan ditampilkan tanpa spasi; diurutkan
/// menurut teksnya.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Nip {
    teks: String,
    tanggal_lahir: Date,
    tmt: Tmt,
    jenis_kelamin: JenisKelamin,
}

fn angka(s: &str) -> i32 {
    s.bytes().fold(0, |acc, b| acc * 10 + i32::from(b - b'0'))
}

impl Nip {
    /// Baca dan periksa NIP.
    pub fn parse(teks: &str) -> Result<Nip, GalatNip> {
        let mut digit = String::with_capacity(18);
        let mut panjang = 0usize;
        for c in teks.trim().chars().filter(|c| *c != ' ') {
            panjang += 1;
            if !c.is_ascii_digit() {
                return Err(GalatNip::BukanDigit {
                    posisi: panjang,
                    karakter: c,
                });
            }
            if panjang <= 18 {
                digit.push(c);
            }
        }
        if panjang != 18 {
            return Err(GalatNip::PanjangSalah { panjang });
        }
        let d = digit.as_str();
        let tahun_lahir = angka(&d[0..4]);
        let tanggal_lahir = Month::try_from(angka(&d[4..6]) as u8)
            .ok()
            .filter(|_| (1900..=2099).contains(&tahun_lahir))
            .and_then(|bulan| {
                Date::from_calendar_date(tahun_lahir, bulan, angka(&d[6..8]) as u8).ok()
            })
            .ok_or_else(|| GalatNip::TanggalLahirTidakValid {
                digit: d[0..8].to_string(),
            })?;
        let tahun_tmt = angka(&d[8..12]);
        let tmt = match &d[12..14] {
            "21" => Tmt::Pppk { tahun: tahun_tmt },
            b => match Month::try_from(angka(b) as u8) {
                Ok(bulan) => Tmt::Pns {
                    tahun: tahun_tmt,
                    bulan,
                },
                Err(_) => {
                    return Err(GalatNip::BulanTmtTidakValid {
                        bulan: b.to_string(),
                    });
                }
            },
        };
        if !(1900..=2099).contains(&tahun_tmt) || tahun_tmt <= tahun_lahir {
            return Err(GalatNip::TahunTmtTidakValid { tahun: tahun_tmt });
        }
        let jenis_kelamin = match d.as_bytes()[14] {
            b'1' => JenisKelamin::L,
            b'2' => JenisKelamin::P,
            b => {
                return Err(GalatNip::JenisKelaminTidakValid {
                    digit: char::from(b),
                });
            }
        };
        Ok(Nip {
            teks: digit,
            tanggal_lahir,
            tmt,
            jenis_kelamin,
        })
    }

    /// PNS atau PPPK.
    pub fn jenis_asn(&self) -> JenisAsn {
        match self.tmt {
            Tmt::Pns { .. } => JenisAsn::Pns,
            Tmt::Pppk { .. } => JenisAsn::Pppk,
        }
    }

    /// Tanggal lahir.
    pub fn tanggal_lahir(&self) -> Date {
        self.tanggal_lahir
    }

    /// TMT pengangkatan.
    pub fn tmt(&self) -> Tmt {
        self.tmt
    }

    /// Jenis kelamin.
    pub fn jenis_kelamin(&self) -> JenisKelamin {
        self.jenis_kelamin
    }

    /// Nomor urut (3 digit terakhir), mis. `"002"`.
    pub fn nomor_urut(&self) -> &str {
        &self.teks[15..18]
    }

    /// 18 digit NIP.
    pub fn as_str(&self) -> &str {
        &self.teks
    }

    /// NIP dengan spasi antar-kelompok, seperti tercetak: `19850315 201001 1 002`.
    pub fn berkelompok(&self) -> String {
        let t = &self.teks;
        format!("{} {} {} {}", &t[0..8], &t[8..14], &t[14..15], &t[15..18])
    }
}

impl PartialOrd for Nip {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Nip {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.teks.cmp(&other.teks)
    }
}

impl fmt::Display for Nip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.teks)
    }
}

impl FromStr for Nip {
    type Err = GalatNip;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Nip::parse(s)
    }
}

impl AsRef<str> for Nip {
    fn as_ref(&self) -> &str {
        &self.teks
    }
}

impl serde::Serialize for Nip {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.teks)
    }
}

impl<'de> serde::Deserialize<'de> for Nip {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let teks = <String as serde::Deserialize>::deserialize(d)?;
        Nip::parse(&teks).map_err(serde::de::Error::custom)
    }
}
