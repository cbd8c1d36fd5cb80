//! Rezim aturan SKP menurut tanggal periode penilaian.
//!
//! Tanggal yang dipilih Kinerja (batas = hari pertama rezim baru):
//!
//! | mulai | sampai | rezim |
//! |---|---|---|
//! | — | 2019-12-31 | PP 46/2011 + Perka BKN 1/2013 (SKP kuantitas/kualitas/waktu/biaya) |
//! | 2020-01-01 | 2021-12-31 | PP 30/2019 + PermenPANRB 8/2021 (nilai 0–120) |
//! | 2022-01-01 | — | PermenPANRB 6/2022 (rating dan predikat, kurva distribusi) |
//!
//! Alasan: PP 30/2019 berlaku untuk penilaian sejak 2020 tetapi PermenPANRB
//! 8/2021 baru mengatur tata caranya untuk 2021; Kinerja memperlakukan 2020
//! sebagai PP 30/2019 juga (nilai 0–120, bobot 70/30 atau 60/40).
//! PermenPANRB 6/2022 menggantikan 8/2021 mulai periode 2022. Instansi yang
//! masih menilai 2022 dengan 8/2021 perlu pengecualian di tingkat layanan.

use time::Date;
use time::macros::date;

/// Hari pertama rezim PP 30/2019 (2020 diperlakukan sebagai PP 30/2019).
pub const MULAI_PP_30_2019: Date = date!(2020 - 01 - 01);
/// Hari pertama rezim PermenPANRB 6/2022.
pub const MULAI_PERMENPANRB_6_2022: Date = date!(2022 - 01 - 01);

enum_token! {
    /// Rezim aturan SKP.
    pub enum RezimSkp {
        /// PP 46/2011 + Perka BKN 1/2013, sampai 2019-12-31.
        Pp46Tahun2011 => "pp_46_2011",
        /// PP 30/2019 + PermenPANRB 8/2021, 2020-01-01 sampai 2021-12-31.
        Pp30Tahun2019 => "pp_30_2019",
        /// PermenPANRB 6/2022, sejak 2022-01-01.
        Permenpanrb6Tahun2022 => "permenpanrb_6_2022",
    }
}

impl RezimSkp {
    /// Kalkulator ([`crate::kalkulator::DAFTAR`]) yang menghitung penilaian rezim ini.
    pub fn kalkulator(self) -> &'static [&'static str] {
        match self {
            RezimSkp::Pp46Tahun2011 => &["skp-pp46"],
            RezimSkp::Pp30Tahun2019 => &["capaian", "nilai-capaian-iki", "nilai-kinerja-pp30"],
            RezimSkp::Permenpanrb6Tahun2022 => &["capaian", "predikat-kinerja", "kurva-distribusi"],
        }
    }
}

/// Rezim yang berlaku untuk periode yang memuat `tanggal`.
pub fn rezim_skp(tanggal: Date) -> RezimSkp {
    if tanggal >= MULAI_PERMENPANRB_6_2022 {
        RezimSkp::Permenpanrb6Tahun2022
    } else if tanggal >= MULAI_PP_30_2019 {
        RezimSkp::Pp30Tahun2019
    } else {
        RezimSkp::Pp46Tahun2011
    }
}

/// Rezim untuk periode `mulai`–`selesai`; `None` bila periode melintasi batas
/// rezim (atau `selesai` < `mulai`), sehingga tidak bisa dinilai dengan satu aturan.
pub fn rezim_periode(mulai: Date, selesai: Date) -> Option<RezimSkp> {
    let r = rezim_skp(mulai);
    (mulai <= selesai && rezim_skp(selesai) == r).then_some(r)
}
