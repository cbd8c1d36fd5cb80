//! SKP (Sasaran Kinerja Pegawai) menurut PermenPANRB 6/2022: periode
//! penilaian, alur persetujuan, pejabat penilai dari peta organisasi,
//! pengelompokan unit untuk kurva distribusi, dan saran rating hasil kerja.
//!
//! * Periode punya kode stabil (URL, basis data): `2027-TW1`…`2027-TW4`,
//!   `2027-B01`…`2027-B12`, `2027-S1`, `2027-S2`, `2027-TAHUNAN`.
//! * Alur: `draf → diajukan → disetujui`, atau `diajukan → dikembalikan →
//!   diajukan`; penilai dapat membuka revisi SKP yang sudah disetujui
//!   (`disetujui → draf`). Riwayat langkah disimpan pemanggil.
//! * Pejabat penilai = atasan langsung; bila atasan tidak aktif, Plt/Plh
//!   jabatannya ([`tentukan_penilai`]).
//! * Unit yang pegawainya terlalu sedikit memakai kurva induknya
//!   ([`kelompok_kurva`]).
//! * Rating hasil kerja tetap ditetapkan penilai; fungsi di sini hanya
//!   memberi saran beserta alasannya [R].

use crate::galat::{GalatInput, Masalah};
use crate::permenpanrb_6_2022::{PredikatOrganisasi, RatingKinerja};
use crate::{Bahasa, angka};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use time::{Date, Month};

// ---------- Periode penilaian ----------

enum_token! {
    /// Frekuensi penilaian berkala dalam satu tahun. Bawaan triwulanan,
    /// seperti praktik BKN (e-Kinerja) [S].
    #[derive(Default)]
    pub enum Frekuensi {
        /// Setiap bulan.
        Bulanan => "bulanan",
        /// Setiap triwulan (bawaan).
        #[default]
        Triwulanan => "triwulanan",
        /// Setiap semester.
        Semesteran => "semesteran",
    }
}

/// Tahun paling awal yang diterima [`Periode::urai`].
pub const TAHUN_MIN: i32 = 2000;
/// Tahun paling akhir yang diterima [`Periode::urai`].
pub const TAHUN_MAKS: i32 = 2100;

/// Jenis periode dan nomornya dalam tahun.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum JenisPeriode {
    /// Bulan 1–12.
    Bulan(u8),
    /// Triwulan 1–4.
    Triwulan(u8),
    /// Semester 1–2.
    Semester(u8),
    /// Satu tahun penuh.
    Tahunan,
}

/// Periode penilaian SKP. Nilai dari [`Periode::urai`], [`Periode::baru`]
/// atau serde selalu sah; nomor di luar rentang pada nilai yang dirakit
/// langsung dibaca dijepit ke rentangnya (bulan 13 → 12), supaya tanggal
/// tidak pernah panik.
///
/// Urutan (`Ord`) hanya untuk kunci peta: tahun, lalu jenis, lalu nomor —
/// bukan urutan kronologis antarjenis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Periode {
    /// Tahun.
    pub tahun: i32,
    /// Jenis dan nomor periode.
    pub jenis: JenisPeriode,
}

/// Nama bulan Indonesia dan Inggris.
const BULAN: [(&str, &str); 12] = [
    ("Januari", "January"),
    ("Februari", "February"),
    ("Maret", "March"),
    ("April", "April"),
    ("Mei", "May"),
    ("Juni", "June"),
    ("Juli", "July"),
    ("Agustus", "August"),
    ("September", "September"),
    ("Oktober", "October"),
    ("November", "November"),
    ("Desember", "December"),
];
const ROMAWI: [&str; 4] = ["I", "II", "III", "IV"];

/// Kode terpanjang (`2027-TAHUNAN`); teks yang lebih panjang ditolak sebelum diurai.
const PANJANG_KODE_MAKS: usize = 12;

impl Periode {
    /// Periode yang sudah diperiksa: tahun [`TAHUN_MIN`]–[`TAHUN_MAKS`] dan
    /// nomor dalam rentang jenisnya (field `periode`).
    pub fn baru(tahun: i32, jenis: JenisPeriode) -> Result<Periode, GalatInput> {
        if !(TAHUN_MIN..=TAHUN_MAKS).contains(&tahun) {
            return Err(GalatInput::baru(
                "periode",
                Masalah::DiLuarRentang {
                    min: Some(TAHUN_MIN.into()),
                    maks: Some(TAHUN_MAKS.into()),
                },
            ));
        }
        let sah = match jenis {
            JenisPeriode::Bulan(n) => (1..=12).contains(&n),
            JenisPeriode::Triwulan(n) => (1..=4).contains(&n),
            JenisPeriode::Semester(n) => (1..=2).contains(&n),
            JenisPeriode::Tahunan => true,
        };
        if sah {
            Ok(Periode { tahun, jenis })
        } else {
            Err(GalatInput::baru("periode", Masalah::PilihanTidakDikenal))
        }
    }

    /// Periode dari kode (huruf besar/kecil sama saja: `2027-tw1`). Ditolak:
    /// bentuk lain (`2027-B1`, `2027-TW5`, spasi, teks panjang) sebagai
    /// [`Masalah::PilihanTidakDikenal`], tahun di luar 2000–2100 sebagai
    /// [`Masalah::DiLuarRentang`]; field `periode`.
    pub fn urai(teks: &str) -> Result<Periode, GalatInput> {
        let tolak = || GalatInput::baru("periode", Masalah::PilihanTidakDikenal);
        if teks.len() > PANJANG_KODE_MAKS {
            return Err(tolak());
        }
        let besar = teks.to_ascii_uppercase();
        let (th, sisa) = besar.split_once('-').ok_or_else(tolak)?;
        let tahun = angka_pas(th, 4).ok_or_else(tolak)?;
        // Nomor 1–2 digit selalu muat di u8.
        let nomor = |n, digit| {
            angka_pas(n, digit)
                .and_then(|x| u8::try_from(x).ok())
                .ok_or_else(tolak)
        };
        let jenis = if sisa == "TAHUNAN" {
            JenisPeriode::Tahunan
        } else if let Some(n) = sisa.strip_prefix("TW") {
            JenisPeriode::Triwulan(nomor(n, 1)?)
        } else if let Some(n) = sisa.strip_prefix('B') {
            JenisPeriode::Bulan(nomor(n, 2)?)
        } else if let Some(n) = sisa.strip_prefix('S') {
            JenisPeriode::Semester(nomor(n, 1)?)
        } else {
            return Err(tolak());
        };
        Periode::baru(i32::from(tahun), jenis)
    }

    /// Kode kanonik berhuruf besar; `urai(kode())` kembali ke nilai yang sama.
    pub fn kode(&self) -> String {
        let t = self.tahun;
        match self.jenis_dijepit() {
            JenisPeriode::Bulan(n) => format!("{t:04}-B{n:02}"),
            JenisPeriode::Triwulan(n) => format!("{t:04}-TW{n}"),
            JenisPeriode::Semester(n) => format!("{t:04}-S{n}"),
            JenisPeriode::Tahunan => format!("{t:04}-TAHUNAN"),
        }
    }

    /// Frekuensi yang menghasilkan periode ini; `None` untuk tahunan.
    pub fn frekuensi(&self) -> Option<Frekuensi> {
        match self.jenis {
            JenisPeriode::Bulan(_) => Some(Frekuensi::Bulanan),
            JenisPeriode::Triwulan(_) => Some(Frekuensi::Triwulanan),
            JenisPeriode::Semester(_) => Some(Frekuensi::Semesteran),
            JenisPeriode::Tahunan => None,
        }
    }

    /// Hari pertama periode.
    pub fn mulai(&self) -> Date {
        tanggal(self.tahun, self.rentang_bulan().0, 1)
    }

    /// Hari terakhir periode (inklusif; Februari mengikuti tahun kabisat).
    pub fn selesai(&self) -> Date {
        let akhir = self.rentang_bulan().1;
        let hari = Month::try_from(akhir).map_or(31, |m| m.length(self.tahun));
        tanggal(self.tahun, akhir, hari)
    }

    /// Apakah `tanggal` jatuh dalam periode ini.
    pub fn memuat(&self, tanggal: Date) -> bool {
        let (a, z) = self.rentang_bulan();
        tanggal.year() == self.tahun && (a..=z).contains(&u8::from(tanggal.month()))
    }

    /// Label untuk manusia: "Triwulan I 2027" / "Quarter 1 2027".
    pub fn label(&self, bahasa: Bahasa) -> String {
        let t = self.tahun;
        match self.jenis_dijepit() {
            JenisPeriode::Bulan(n) => {
                let (id, en) = BULAN[usize::from(n - 1)];
                format!("{} {t}", bahasa.pilih(id, en))
            }
            JenisPeriode::Triwulan(n) => match bahasa {
                Bahasa::Id => format!("Triwulan {} {t}", ROMAWI[usize::from(n - 1)]),
                Bahasa::En => format!("Quarter {n} {t}"),
            },
            JenisPeriode::Semester(n) => match bahasa {
                Bahasa::Id => format!("Semester {} {t}", ROMAWI[usize::from(n - 1)]),
                Bahasa::En => format!("Half {n} {t}"),
            },
            JenisPeriode::Tahunan => format!("{} {t}", bahasa.pilih("Tahunan", "Annual")),
        }
    }

    /// Apakah periode ini seluruhnya berada di dalam `lain` (tahun sama,
    /// rentang bulan di dalamnya): Februari ⊂ Triwulan I ⊂ Semester I ⊂
    /// Tahunan. Setiap periode tercakup dalam dirinya sendiri.
    pub fn tercakup_dalam(&self, lain: &Periode) -> bool {
        let ((a, z), (la, lz)) = (self.rentang_bulan(), lain.rentang_bulan());
        self.tahun == lain.tahun && la <= a && z <= lz
    }

    /// Jenis dengan nomor dijepit ke rentangnya.
    fn jenis_dijepit(&self) -> JenisPeriode {
        match self.jenis {
            JenisPeriode::Bulan(n) => JenisPeriode::Bulan(n.clamp(1, 12)),
            JenisPeriode::Triwulan(n) => JenisPeriode::Triwulan(n.clamp(1, 4)),
            JenisPeriode::Semester(n) => JenisPeriode::Semester(n.clamp(1, 2)),
            JenisPeriode::Tahunan => JenisPeriode::Tahunan,
        }
    }

    /// Bulan pertama dan terakhir (1–12, inklusif).
    fn rentang_bulan(&self) -> (u8, u8) {
        match self.jenis_dijepit() {
            JenisPeriode::Bulan(n) => (n, n),
            JenisPeriode::Triwulan(n) => (3 * n - 2, 3 * n),
            JenisPeriode::Semester(n) => (6 * n - 5, 6 * n),
            JenisPeriode::Tahunan => (1, 12),
        }
    }
}

/// Bilangan dari tepat `digit` (≤ 4) angka ASCII.
fn angka_pas(teks: &str, digit: usize) -> Option<u16> {
    (teks.len() == digit && teks.bytes().all(|b| b.is_ascii_digit()))
        .then(|| teks.parse().ok())
        .flatten()
}

/// Tanggal kalender; tahun di luar jangkauan `time` menjadi tanggal ekstrem.
fn tanggal(tahun: i32, bulan: u8, hari: u8) -> Date {
    let m = Month::try_from(bulan).unwrap_or(Month::January);
    Date::from_calendar_date(tahun, m, hari).unwrap_or(if tahun < 0 {
        Date::MIN
    } else {
        Date::MAX
    })
}

impl std::fmt::Display for Periode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.kode())
    }
}

impl std::str::FromStr for Periode {
    type Err = GalatInput;
    fn from_str(teks: &str) -> Result<Self, Self::Err> {
        Periode::urai(teks)
    }
}

impl Serialize for Periode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.kode())
    }
}

impl<'de> Deserialize<'de> for Periode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let teks = String::deserialize(d)?;
        Periode::urai(&teks).map_err(serde::de::Error::custom)
    }
}

/// Semua periode satu tahun untuk frekuensi `f`, berurutan.
pub fn daftar_periode(tahun: i32, f: Frekuensi) -> Vec<Periode> {
    let (banyak, jenis): (u8, fn(u8) -> JenisPeriode) = match f {
        Frekuensi::Bulanan => (12, JenisPeriode::Bulan),
        Frekuensi::Triwulanan => (4, JenisPeriode::Triwulan),
        Frekuensi::Semesteran => (2, JenisPeriode::Semester),
    };
    (1..=banyak)
        .map(|n| Periode {
            tahun,
            jenis: jenis(n),
        })
        .collect()
}

/// Periode berfrekuensi `f` yang memuat `tanggal`.
pub fn periode_pada(tanggal: Date, f: Frekuensi) -> Periode {
    let b = u8::from(tanggal.month());
    let jenis = match f {
        Frekuensi::Bulanan => JenisPeriode::Bulan(b),
        Frekuensi::Triwulanan => JenisPeriode::Triwulan((b - 1) / 3 + 1),
        Frekuensi::Semesteran => JenisPeriode::Semester((b - 1) / 6 + 1),
    };
    Periode {
        tahun: tanggal.year(),
        jenis,
    }
}

// ---------- Alur SKP ----------

enum_token! {
    /// Status SKP.
    pub enum StatusSkp {
        /// Disusun pegawai; isi boleh diubah.
        Draf => "draf",
        /// Menunggu persetujuan penilai.
        Diajukan => "diajukan",
        /// Disetujui penilai; menjadi dasar penilaian.
        Disetujui => "disetujui",
        /// Dikembalikan penilai dengan catatan; pegawai memperbaikinya.
        Dikembalikan => "dikembalikan",
    }
}

impl StatusSkp {
    /// Label untuk manusia.
    pub fn label(self, b: Bahasa) -> &'static str {
        match self {
            StatusSkp::Draf => b.pilih("Draf", "Draft"),
            StatusSkp::Diajukan => b.pilih("Diajukan", "Submitted"),
            StatusSkp::Disetujui => b.pilih("Disetujui", "Approved"),
            StatusSkp::Dikembalikan => b.pilih("Dikembalikan", "Returned"),
        }
    }
}

enum_token! {
    /// Langkah alur SKP.
    pub enum LangkahSkp {
        /// Pegawai mengajukan SKP kepada penilai.
        Ajukan => "ajukan",
        /// Penilai menyetujui.
        Setujui => "setujui",
        /// Penilai mengembalikan dengan catatan.
        Kembalikan => "kembalikan",
        /// Penilai membuka kembali SKP yang disetujui untuk direvisi.
        BukaRevisi => "buka_revisi",
    }
}

impl LangkahSkp {
    /// Pihak yang berhak melakukan langkah ini.
    pub fn pelaku(self) -> PelakuSkp {
        match self {
            LangkahSkp::Ajukan => PelakuSkp::Pegawai,
            _ => PelakuSkp::Penilai,
        }
    }

    /// (kata kerja aktif, kata kerja pasif) untuk pesan.
    fn kata(self, b: Bahasa) -> (&'static str, &'static str) {
        match self {
            LangkahSkp::Ajukan => b.pilih(("mengajukan", "diajukan"), ("submit", "submitted")),
            LangkahSkp::Setujui => b.pilih(("menyetujui", "disetujui"), ("approve", "approved")),
            LangkahSkp::Kembalikan => {
                b.pilih(("mengembalikan", "dikembalikan"), ("return", "returned"))
            }
            LangkahSkp::BukaRevisi => b.pilih(
                ("membuka revisi", "dibuka untuk revisi"),
                ("reopen for revision", "reopened for revision"),
            ),
        }
    }
}

enum_token! {
    /// Pihak dalam alur SKP.
    pub enum PelakuSkp {
        /// Pegawai pemilik SKP.
        Pegawai => "pegawai",
        /// Pejabat penilai kinerja.
        Penilai => "penilai",
    }
}

enum_token! {
    /// Alasan langkah ditolak (kode stabil).
    pub enum TolakTransisi {
        /// Langkah itu milik pihak lain.
        BukanPelaku => "bukan_pelaku",
        /// Status SKP tidak mengizinkan langkah itu.
        StatusTidakSesuai => "status_tidak_sesuai",
    }
}

impl TolakTransisi {
    /// Pesan untuk pengguna, mis. "SKP berstatus Disetujui tidak dapat
    /// diajukan lagi."
    pub fn pesan(self, b: Bahasa, status: StatusSkp, langkah: LangkahSkp) -> String {
        let (aktif, pasif) = langkah.kata(b);
        match self {
            TolakTransisi::BukanPelaku => {
                let siapa = match langkah.pelaku() {
                    PelakuSkp::Pegawai => b.pilih("pegawai pemilik SKP", "the SKP owner"),
                    PelakuSkp::Penilai => b.pilih("pejabat penilai", "the evaluator"),
                };
                b.pilih(
                    format!("Hanya {siapa} yang dapat {aktif} SKP."),
                    format!("Only {siapa} can {aktif} the SKP."),
                )
            }
            TolakTransisi::StatusTidakSesuai => {
                // "lagi" bila langkah itu (atau sesudahnya) sudah terjadi.
                let sudah = matches!(
                    (status, langkah),
                    (
                        StatusSkp::Diajukan | StatusSkp::Disetujui,
                        LangkahSkp::Ajukan
                    ) | (StatusSkp::Disetujui, LangkahSkp::Setujui)
                        | (StatusSkp::Dikembalikan, LangkahSkp::Kembalikan)
                );
                let s = status.label(b);
                match b {
                    Bahasa::Id => {
                        let lagi = if sudah { " lagi" } else { "" };
                        format!("SKP berstatus {s} tidak dapat {pasif}{lagi}.")
                    }
                    Bahasa::En => {
                        let lagi = if sudah { " again" } else { "" };
                        format!("An SKP with status {s} cannot be {pasif}{lagi}.")
                    }
                }
            }
        }
    }
}

/// Status sesudah `langkah` oleh `pelaku`.
///
/// | langkah | pelaku | dari | ke |
/// |---|---|---|---|
/// | ajukan | pegawai | draf, dikembalikan | diajukan |
/// | setujui | penilai | diajukan | disetujui |
/// | kembalikan | penilai | diajukan | dikembalikan |
/// | buka_revisi | penilai | disetujui | draf |
///
/// Selain itu ditolak; pelaku diperiksa lebih dulu ([`TolakTransisi::BukanPelaku`]),
/// baru status ([`TolakTransisi::StatusTidakSesuai`]). Buka revisi [R]:
/// dipakai untuk merevisi SKP di tengah tahun; riwayat disimpan pemanggil.
pub fn transisi(
    status: StatusSkp,
    langkah: LangkahSkp,
    pelaku: PelakuSkp,
) -> Result<StatusSkp, TolakTransisi> {
    use StatusSkp as S;
    if pelaku != langkah.pelaku() {
        return Err(TolakTransisi::BukanPelaku);
    }
    match (langkah, status) {
        (LangkahSkp::Ajukan, S::Draf | S::Dikembalikan) => Ok(S::Diajukan),
        (LangkahSkp::Setujui, S::Diajukan) => Ok(S::Disetujui),
        (LangkahSkp::Kembalikan, S::Diajukan) => Ok(S::Dikembalikan),
        (LangkahSkp::BukaRevisi, S::Disetujui) => Ok(S::Draf),
        _ => Err(TolakTransisi::StatusTidakSesuai),
    }
}

/// Langkah yang boleh dilakukan `pelaku` pada `status` (untuk tombol UI).
pub fn langkah_tersedia(status: StatusSkp, pelaku: PelakuSkp) -> Vec<LangkahSkp> {
    LangkahSkp::SEMUA
        .iter()
        .copied()
        .filter(|l| transisi(status, *l, pelaku).is_ok())
        .collect()
}

/// Apakah pegawai boleh mengubah RHK dan indikator: hanya pada draf atau
/// dikembalikan.
pub fn boleh_ubah_isi(status: StatusSkp) -> bool {
    matches!(status, StatusSkp::Draf | StatusSkp::Dikembalikan)
}

// ---------- Pejabat penilai ----------

/// Kedudukan satu pegawai dalam peta organisasi.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PosPegawai {
    /// Pengenal pegawai.
    pub id: String,
    /// Unit kerja pegawai.
    pub unit_id: String,
    /// Jabatan (pos) yang diduduki secara definitif.
    pub jabatan_id: Option<String>,
    /// Atasan langsung definitif.
    pub atasan_id: Option<String>,
    /// `false` bila pensiun, pindah, atau berhenti.
    pub aktif: bool,
}

enum_token! {
    /// Jenis penugasan sementara pada jabatan yang lowong atau berhalangan.
    pub enum JenisPenugasan {
        /// Pelaksana Tugas (jabatan lowong).
        Plt => "plt",
        /// Pelaksana Harian (pejabat berhalangan sementara).
        Plh => "plh",
    }
}

/// Pemegang sementara suatu jabatan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PenugasanSementara {
    /// Pegawai yang ditugasi.
    pub pegawai_id: String,
    /// Plt atau Plh.
    pub jenis: JenisPenugasan,
    /// Unit jabatan yang dipegang sementara.
    pub unit_id: String,
}

/// Potret organisasi untuk menentukan pejabat penilai.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PetaOrganisasi {
    /// Pegawai menurut id.
    pub pegawai: HashMap<String, PosPegawai>,
    /// Unit → unit induk (`None` = akar).
    pub induk_unit: HashMap<String, Option<String>>,
    /// Jabatan (pos) → pemegang sementaranya saat ini.
    pub penugasan: HashMap<String, PenugasanSementara>,
}

enum_token! {
    /// Dasar kewenangan pejabat penilai.
    pub enum DasarPenilai {
        /// Atasan langsung definitif.
        Definitif => "definitif",
        /// Plt jabatan atasan.
        Plt => "plt",
        /// Plh jabatan atasan.
        Plh => "plh",
    }
}

enum_token! {
    /// Masalah data yang perlu dibereskan pengelola kepegawaian.
    pub enum MasalahPenilai {
        /// Pegawai tidak punya atasan langsung.
        TanpaAtasan => "tanpa_atasan",
        /// Atasan tidak aktif dan jabatannya tanpa Plt/Plh.
        AtasanTidakAktif => "atasan_tidak_aktif",
        /// Unit jabatan penilai bukan unit pegawai atau induknya (penilai tetap dipakai).
        AtasanLintasUnit => "atasan_lintas_unit",
        /// `atasan_id` tidak ada di peta.
        AtasanTidakDikenal => "atasan_tidak_dikenal",
        /// Pegawai yang dicari tidak ada di peta.
        PegawaiTidakDikenal => "pegawai_tidak_dikenal",
    }
}

/// Pejabat penilai beserta dasarnya.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Penilai {
    /// Pegawai yang menilai.
    pub pegawai_id: String,
    /// Definitif, Plt, atau Plh.
    pub dasar: DasarPenilai,
}

/// Hasil [`tentukan_penilai`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HasilPenilai {
    /// Pejabat penilai kinerja.
    pub penilai: Option<Penilai>,
    /// Atasan pejabat penilai.
    pub atasan_penilai: Option<Penilai>,
    /// Masalah data, bila ada.
    pub masalah: Option<MasalahPenilai>,
}

/// Batas kedalaman pohon unit saat menelusuri induk.
const KEDALAMAN_MAKS: usize = 64;

/// Penilai untuk jabatan yang dipegang `pos`: `pos` sendiri bila aktif;
/// bila tidak, pemegang sementara jabatannya. Dengan unit jabatan penilai.
fn pemegang<'a>(peta: &'a PetaOrganisasi, pos: &'a PosPegawai) -> Option<(Penilai, &'a str)> {
    if pos.aktif {
        let p = Penilai {
            pegawai_id: pos.id.clone(),
            dasar: DasarPenilai::Definitif,
        };
        return Some((p, &pos.unit_id));
    }
    let ps = peta.penugasan.get(pos.jabatan_id.as_deref()?)?;
    let dasar = match ps.jenis {
        JenisPenugasan::Plt => DasarPenilai::Plt,
        JenisPenugasan::Plh => DasarPenilai::Plh,
    };
    let p = Penilai {
        pegawai_id: ps.pegawai_id.clone(),
        dasar,
    };
    Some((p, &ps.unit_id))
}

/// Apakah `unit` adalah `asal` atau salah satu induknya (≤ 64 tingkat, aman
/// dari siklus).
fn unit_atau_induk(peta: &PetaOrganisasi, asal: &str, unit: &str) -> bool {
    let mut kini = Some(asal);
    let mut dilihat = HashSet::new();
    while let Some(u) = kini {
        if u == unit {
            return true;
        }
        if !dilihat.insert(u) || dilihat.len() > KEDALAMAN_MAKS {
            return false;
        }
        kini = peta.induk_unit.get(u).and_then(|i| i.as_deref());
    }
    false
}

/// Pejabat penilai dan atasan pejabat penilai untuk `pegawai_id`.
///
/// Penilai:
/// 1. pegawai tidak ada di peta → [`MasalahPenilai::PegawaiTidakDikenal`];
/// 2. tanpa `atasan_id` → [`MasalahPenilai::TanpaAtasan`];
/// 3. `atasan_id` tidak ada di peta → [`MasalahPenilai::AtasanTidakDikenal`];
/// 4. atasan aktif → atasan itu (`definitif`), unit jabatan = `unit_id`-nya;
/// 5. atasan tidak aktif dan jabatannya (`jabatan_id`) punya pemegang di
///    `penugasan` → pemegang itu (`plt`/`plh`), unit jabatan = `unit_id`
///    penugasan;
/// 6. selain itu → [`MasalahPenilai::AtasanTidakAktif`], tanpa penilai.
///
/// Bila ada penilai, unit jabatannya harus unit pegawai atau salah satu
/// induknya (menurut `induk_unit`, paling dalam 64 tingkat, siklus
/// dihentikan); bila tidak, masalah [`MasalahPenilai::AtasanLintasUnit`]
/// tetapi penilai tetap dikembalikan: ini tanda untuk dibereskan pengelola
/// kepegawaian, bukan penghalang.
///
/// Atasan penilai: dihitung dari catatan atasan definitif (langkah 4–6,
/// aktif atau tidak) — `atasan_id` miliknya diselesaikan dengan cara yang
/// sama (aktif → definitif; tidak aktif → Plt/Plh jabatannya), tanpa
/// pemeriksaan unit; `None` bila tidak ada, tidak dikenal, atau tidak aktif
/// tanpa pemegang sementara. Jadi atasan penilai tetap terisi pada masalah
/// `atasan_tidak_aktif`.
///
/// Pemanggil memeriksa sendiri bila penilai ternyata pegawai itu sendiri
/// (mis. pegawai menjadi Plh atasannya) [R].
pub fn tentukan_penilai(peta: &PetaOrganisasi, pegawai_id: &str) -> HasilPenilai {
    let gagal = |m| HasilPenilai {
        penilai: None,
        atasan_penilai: None,
        masalah: Some(m),
    };
    let Some(pegawai) = peta.pegawai.get(pegawai_id) else {
        return gagal(MasalahPenilai::PegawaiTidakDikenal);
    };
    let Some(atasan_id) = pegawai.atasan_id.as_deref() else {
        return gagal(MasalahPenilai::TanpaAtasan);
    };
    let Some(atasan) = peta.pegawai.get(atasan_id) else {
        return gagal(MasalahPenilai::AtasanTidakDikenal);
    };
    let atasan_penilai = atasan
        .atasan_id
        .as_deref()
        .and_then(|id| peta.pegawai.get(id))
        .and_then(|pos| pemegang(peta, pos))
        .map(|(p, _)| p);
    let (penilai, masalah) = match pemegang(peta, atasan) {
        None => (None, Some(MasalahPenilai::AtasanTidakAktif)),
        Some((p, unit)) => {
            let lintas = !unit_atau_induk(peta, &pegawai.unit_id, unit);
            (Some(p), lintas.then_some(MasalahPenilai::AtasanLintasUnit))
        }
    };
    HasilPenilai {
        penilai,
        atasan_penilai,
        masalah,
    }
}

// ---------- Kelompok kurva ----------

/// Banyak pegawai yang dinilai di satu unit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitDinilai {
    /// Pengenal unit.
    pub unit_id: String,
    /// Unit induk (`None` = akar).
    pub induk_id: Option<String>,
    /// Pegawai yang dinilai di unit ini sendiri.
    pub jumlah: u64,
}

/// Satu kelompok yang memakai kurva distribusi satu unit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KelompokKurva {
    /// Unit yang kurvanya berlaku.
    pub unit_id: String,
    /// Unit itu sendiri dan setiap unit berpegawai yang digabungkan ke dalamnya, terurut.
    pub anggota: Vec<String>,
    /// Jumlah pegawai dalam kelompok.
    pub jumlah: u64,
    /// `true` bila kelompok memuat lebih dari satu unit berpegawai.
    pub digabung: bool,
}

/// Simpul pohon unit saat mengelompokkan.
#[derive(Default)]
struct Simpul {
    induk: Option<String>,
    sendiri: u64,
    jumlah: u64,
    anggota: BTreeSet<String>,
}

/// Kelompok kurva distribusi [R]: unit yang jumlah pegawainya (sendiri
/// ditambah yang sudah digabungkan ke dalamnya) di bawah `ambang`
/// digabungkan ke induknya, dari unit terdalam ke atas (seri: menurut id),
/// sehingga penggabungan dapat berantai naik beberapa tingkat. Akar di bawah
/// ambang tetap menjadi kelompoknya sendiri.
///
/// Unit yang hanya disebut sebagai `induk_id` dibuat dengan 0 pegawai.
/// Unit yang muncul dua kali dijumlahkan (induk dari kemunculan pertama).
/// Siklus induk diputus: sisi induk diperiksa menurut id unit, dan sisi yang
/// menutup siklus diabaikan (unit itu menjadi akar). Unit tanpa pegawai
/// tidak digabungkan ke mana pun dan tidak menjadi anggota; kelompok
/// berjumlah 0 tidak dikeluarkan. Hasil terurut menurut `unit_id`.
pub fn kelompok_kurva(unit: &[UnitDinilai], ambang: u64) -> Vec<KelompokKurva> {
    let mut simpul: BTreeMap<String, Simpul> = BTreeMap::new();
    for u in unit {
        let s = simpul.entry(u.unit_id.clone()).or_default();
        s.sendiri = s.sendiri.saturating_add(u.jumlah);
        if s.induk.is_none() && u.induk_id.as_deref() != Some(&u.unit_id) {
            s.induk.clone_from(&u.induk_id);
        }
    }
    for u in unit {
        if let Some(i) = &u.induk_id {
            simpul.entry(i.clone()).or_default();
        }
    }
    // Hutan tanpa siklus: sisi induk ditambahkan menurut id unit.
    let mut induk: BTreeMap<String, String> = BTreeMap::new();
    for (id, s) in &simpul {
        if let Some(i) = &s.induk {
            let mut kini = Some(i);
            while let Some(k) = kini.filter(|k| *k != id) {
                kini = induk.get(k);
            }
            if kini.is_none() {
                induk.insert(id.clone(), i.clone());
            }
        }
    }
    let kedalaman = |id: &String| {
        let (mut d, mut kini) = (0usize, id);
        while let Some(i) = induk.get(kini) {
            (d, kini) = (d + 1, i);
        }
        d
    };
    let mut urutan: Vec<(usize, String)> =
        simpul.keys().map(|k| (kedalaman(k), k.clone())).collect();
    urutan.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    for (id, s) in simpul.iter_mut() {
        s.jumlah = s.sendiri;
        if s.sendiri > 0 {
            s.anggota.insert(id.clone());
        }
    }
    // Anak selalu lebih dalam daripada induknya, jadi satu lintasan cukup.
    for (_, id) in &urutan {
        let (Some(i), Some(s)) = (induk.get(id), simpul.get_mut(id)) else {
            continue;
        };
        if s.jumlah == 0 || s.jumlah >= ambang {
            continue;
        }
        let (jumlah, anggota) = (
            std::mem::take(&mut s.jumlah),
            std::mem::take(&mut s.anggota),
        );
        if let Some(ti) = simpul.get_mut(i) {
            ti.jumlah = ti.jumlah.saturating_add(jumlah);
            ti.anggota.extend(anggota);
        }
    }
    simpul
        .into_iter()
        .filter(|(_, s)| s.jumlah > 0)
        .map(|(id, mut s)| {
            let berpegawai = s.anggota.len();
            s.anggota.insert(id.clone());
            KelompokKurva {
                unit_id: id,
                anggota: s.anggota.into_iter().collect(),
                jumlah: s.jumlah,
                digabung: berpegawai > 1,
            }
        })
        .collect()
}

// ---------- Saran rating hasil kerja ----------

/// Rating hasil kerja pimpinan unit dari predikat kinerja organisasi unitnya
/// (PermenPANRB 6/2022: capaian kinerja organisasi menjadi rating hasil
/// kerja pimpinan unit) [R untuk pemetaan tiga tingkat]: Istimewa → di atas,
/// Baik → sesuai, Butuh Perbaikan/Kurang/Sangat Kurang → di bawah ekspektasi.
pub fn rating_dari_predikat_organisasi(p: PredikatOrganisasi) -> RatingKinerja {
    match p {
        PredikatOrganisasi::Istimewa => RatingKinerja::DiAtasEkspektasi,
        PredikatOrganisasi::Baik => RatingKinerja::SesuaiEkspektasi,
        PredikatOrganisasi::ButuhPerbaikan
        | PredikatOrganisasi::Kurang
        | PredikatOrganisasi::SangatKurang => RatingKinerja::DiBawahEkspektasi,
    }
}

/// Batas capaian satu indikator sebelum dirata-rata [R] (seperti nilai
/// capaian IKI PermenPANRB 8/2021, paling tinggi 120).
pub const BATAS_CAPAIAN: Decimal = Decimal::from_parts(120, 0, 0, false, 0);

/// Batas bawah rata-rata capaian (persen) per saran rating [R]; di bawah
/// 90 → di bawah ekspektasi.
pub const BATAS_RATING: [(u32, RatingKinerja); 2] = [
    (110, RatingKinerja::DiAtasEkspektasi),
    (90, RatingKinerja::SesuaiEkspektasi),
];

/// Saran rating hasil kerja beserta alasannya.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaranRating {
    /// Rating yang disarankan.
    pub rating: RatingKinerja,
    /// Rata-rata capaian (dibatasi 120 per indikator), dibulatkan 2 desimal.
    pub rata_rata: Decimal,
    /// Banyak indikator.
    pub jumlah: usize,
    /// Penjelasan untuk manusia.
    pub alasan: String,
}

/// Saran rating hasil kerja dari capaian (persen) tiap indikator [R]:
/// rata-rata capaian (tiap indikator dibatasi [`BATAS_CAPAIAN`]), dibulatkan
/// sekali ke 2 desimal; ≥ 110 di atas, ≥ 90 sesuai, selain itu di bawah
/// ekspektasi. `None` bila kosong atau jumlahnya meluap. Penilai yang
/// menetapkan rating; ini hanya saran.
pub fn saran_rating_hasil(capaian_persen: &[Decimal], bahasa: Bahasa) -> Option<SaranRating> {
    let n = capaian_persen.len();
    if n == 0 {
        return None;
    }
    let jumlah = capaian_persen
        .iter()
        .try_fold(Decimal::ZERO, |j, c| j.checked_add((*c).min(BATAS_CAPAIAN)))?;
    let rata = angka::bulatkan(jumlah.checked_div(Decimal::from(n))?);
    let (rating, batas) = BATAS_RATING
        .iter()
        .find(|(b, _)| rata >= Decimal::from(*b))
        .map_or((RatingKinerja::DiBawahEkspektasi, None), |(b, r)| {
            (*r, Some(*b))
        });
    let r = angka::teks_2(rata).replace('.', ",");
    let banding = batas.map_or_else(|| "< 90 %".to_string(), |b| format!("≥ {b} %"));
    let label = rating.label(bahasa);
    let alasan = match bahasa {
        Bahasa::Id => format!(
            "Rata-rata capaian {n} indikator = {r} % (tiap indikator dibatasi 120 %), {banding} → {label}. Saran ini tidak mengikat; pejabat penilai yang menetapkan rating."
        ),
        Bahasa::En => format!(
            "Average achievement of {n} indicators = {r} % (each capped at 120 %), {banding} → {label}. This is a suggestion; the evaluator sets the rating."
        ),
    };
    Some(SaranRating {
        rating,
        rata_rata: rata,
        jumlah: n,
        alasan,
    })
}

// ---------- pengingat dan eskalasi ----------

enum_token! {
    /// Peristiwa pengingat SKP; masing-masing dikirim sekali per kuncinya.
    pub enum PeristiwaSkp {
        /// Ke pegawai: rencana belum disetujui, batas penetapan ≤ 7 hari lagi.
        RencanaSegera => "rencana_segera",
        /// Ke pegawai: batas penetapan lewat, SKP masih draf/dikembalikan.
        RencanaLewatPegawai => "rencana_lewat_pegawai",
        /// Ke penilai: 7 hari lewat batas, SKP bawahan belum disetujui.
        RencanaLewatPenilai => "rencana_lewat_penilai",
        /// Ke BKD: 30 hari lewat batas, SKP belum disetujui.
        RencanaLewatBkd => "rencana_lewat_bkd",
        /// Ke pegawai: periode berakhir ≤ 7 hari lagi, belum ada realisasi.
        RealisasiSegera => "realisasi_segera",
        /// Ke penilai: periode berakhir ≥ 7 hari lalu, bawahan belum melapor.
        RealisasiLewatPenilai => "realisasi_lewat_penilai",
        /// Ke penilai: periode berakhir ≥ 14 hari lalu, bawahan belum dinilai.
        NilaiPenilai => "nilai_penilai",
        /// Ke BKD: periode berakhir ≥ 30 hari lalu, masih belum dinilai.
        NilaiBkd => "nilai_bkd",
    }
}

/// Hari sebelum batas untuk pengingat pertama.
pub const HARI_SEBELUM_BATAS: i64 = 7;

/// Batas penetapan SKP: akhir Januari tahun itu [R] (praktik BKN; dapat
/// diatur kelak per instansi).
pub fn batas_rencana(tahun: i32) -> Option<Date> {
    Date::from_calendar_date(tahun, time::Month::January, 31).ok()
}

/// Peristiwa pengingat satu SKP pada `hari_ini` (murni). `berisi`: periode
/// yang sudah punya realisasi; `dinilai`: periode yang sudah dinilai. Setiap
/// peristiwa membawa kuncinya (`rencana` atau kode periode) agar tercatat
/// sekali.
pub fn pengingat_skp(
    hari_ini: Date,
    tahun: i32,
    status: StatusSkp,
    frekuensi: Frekuensi,
    berisi: &[Periode],
    dinilai: &[Periode],
) -> Vec<(PeristiwaSkp, String)> {
    use PeristiwaSkp::*;
    let mut v = Vec::new();
    if let Some(batas) = batas_rencana(tahun) {
        let hari = (batas - hari_ini).whole_days();
        let belum_disetujui = status != StatusSkp::Disetujui;
        let belum_diajukan = matches!(status, StatusSkp::Draf | StatusSkp::Dikembalikan);
        if belum_diajukan && (0..=HARI_SEBELUM_BATAS).contains(&hari) {
            v.push((RencanaSegera, "rencana".to_string()));
        }
        if belum_diajukan && hari < 0 {
            v.push((RencanaLewatPegawai, "rencana".to_string()));
        }
        if belum_disetujui && hari <= -7 {
            v.push((RencanaLewatPenilai, "rencana".to_string()));
        }
        if belum_disetujui && hari <= -30 {
            v.push((RencanaLewatBkd, "rencana".to_string()));
        }
    }
    for p in daftar_periode(tahun, frekuensi) {
        if p.mulai() > hari_ini {
            continue;
        }
        let sisa = (p.selesai() - hari_ini).whole_days();
        let ada_realisasi = berisi.contains(&p);
        let ada_nilai = dinilai.contains(&p);
        if !ada_realisasi && (0..=HARI_SEBELUM_BATAS).contains(&sisa) {
            v.push((RealisasiSegera, p.kode()));
        }
        if !ada_realisasi && sisa <= -7 {
            v.push((RealisasiLewatPenilai, p.kode()));
        }
        if !ada_nilai && sisa <= -14 {
            v.push((NilaiPenilai, p.kode()));
        }
        if !ada_nilai && sisa <= -30 {
            v.push((NilaiBkd, p.kode()));
        }
    }
    v
}
