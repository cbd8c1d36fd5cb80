//! Aksi perubahan / proyek perubahan alumni pelatihan kepemimpinan (PKN I/II,
//! PKA, PKP; Peraturan LAN 5/2022 jo. 6/2022): status tiap tonggak dan status
//! proyek pada suatu tanggal (`status-aksi-perubahan`).
//!
//! Tidak ada aturan nasional yang mengikat untuk memantau tonggak sesudah
//! pelatihan [S]; aturan di sini adalah kebijakan Kinerja [R], dengan ambang
//! yang dapat diatur (`hari_senyap`, `hari_berisiko`). Penjelasan dan contoh
//! kerja: `docs/aturan-aksi-perubahan.md`.
//!
//! Tonggak, berurutan (yang pertama cocok menang):
//! 1. `selesai` — ada `selesai_pada`;
//! 2. `dibatalkan` — dibatalkan (dengan alasan);
//! 3. `terlambat` — jatuh tempo sebelum `tanggal`;
//! 4. `senyap` — pembaruan terakhir `hari_senyap` hari atau lebih sebelum
//!    `tanggal` (pembaruan pada hari itu = 0 hari);
//! 5. `berisiko` — jatuh tempo dalam `hari_berisiko` hari dan progres < 50;
//! 6. `sesuai_jadwal`.
//!
//! Proyek: `dibatalkan` bila setiap tonggak dibatalkan; selain itu `selesai`
//! bila setiap tonggak yang tidak dibatalkan selesai; selain itu status
//! pertama dari `terlambat`, `senyap`, `berisiko` yang dimiliki suatu
//! tonggak; selain itu `sesuai_jadwal`. Proyek tanpa tonggak (baru dibuat)
//! `sesuai_jadwal` dengan alasan `belum_ada_tonggak` — bukan "semua tonggak
//! dibatalkan" secara hampa.

use rust_decimal::Decimal;
use time::Date;

/// Sumber aturan, untuk penjelasan.
pub const SUMBER: &str = "Peraturan LAN No. 5 Tahun 2022 jo. No. 6 Tahun 2022 (Pelatihan Struktural Kepemimpinan; tonggak jangka pendek, menengah, panjang); status pemantauan: kebijakan Kinerja";

/// Ambang bawaan: tonggak tanpa pembaruan selama ini dianggap senyap [R].
pub const HARI_SENYAP: u32 = 90;
/// Ambang bawaan: jatuh tempo sedekat ini dengan progres < 50 dianggap berisiko [R].
pub const HARI_BERISIKO: u32 = 30;
/// Progres (persen) di bawah ini berisiko bila jatuh tempo dekat [R].
pub const PROGRES_AMAN: Decimal = Decimal::from_parts(50, 0, 0, false, 0);
/// Batas atas ambang hari (10 tahun): masukan tetap terbatas.
pub const MAKS_HARI: u32 = 3650;

enum_token! {
    /// Tahap tonggak proyek perubahan.
    pub enum Tahap {
        /// Selama pelatihan (laboratorium/off-campus; hitungan minggu).
        JangkaPendek => "jangka_pendek",
        /// Sekitar satu tahun sesudah pelatihan.
        JangkaMenengah => "jangka_menengah",
        /// Dua tahun atau lebih sesudah pelatihan.
        JangkaPanjang => "jangka_panjang",
    }
}

enum_token! {
    /// Status tonggak atau proyek.
    pub enum StatusAksi {
        /// Berjalan sesuai jadwal.
        SesuaiJadwal => "sesuai_jadwal",
        /// Jatuh tempo dekat, progres rendah.
        Berisiko => "berisiko",
        /// Lama tanpa pembaruan.
        Senyap => "senyap",
        /// Lewat jatuh tempo.
        Terlambat => "terlambat",
        /// Selesai.
        Selesai => "selesai",
        /// Dibatalkan.
        Dibatalkan => "dibatalkan",
    }
}

enum_token! {
    /// Alasan status satu tonggak (kode stabil).
    pub enum AlasanTonggak {
        /// Tanggal selesai tercatat.
        AdaTanggalSelesai => "ada_tanggal_selesai",
        /// Dibatalkan dengan alasan.
        Dibatalkan => "dibatalkan",
        /// Jatuh tempo sebelum tanggal penilaian.
        LewatJatuhTempo => "lewat_jatuh_tempo",
        /// Pembaruan terakhir `hari_senyap` hari atau lebih yang lalu.
        TanpaPembaruan => "tanpa_pembaruan",
        /// Jatuh tempo dalam `hari_berisiko` hari dan progres < 50.
        JatuhTempoDekatProgresRendah => "jatuh_tempo_dekat_progres_rendah",
        /// Tidak ada yang perlu diperhatikan.
        SesuaiJadwal => "sesuai_jadwal",
    }
}

enum_token! {
    /// Alasan status proyek (kode stabil).
    pub enum AlasanProyek {
        /// Setiap tonggak dibatalkan.
        SemuaTonggakDibatalkan => "semua_tonggak_dibatalkan",
        /// Setiap tonggak yang tidak dibatalkan selesai.
        SemuaTonggakSelesai => "semua_tonggak_selesai",
        /// Paling sedikit satu tonggak terlambat.
        AdaTonggakTerlambat => "ada_tonggak_terlambat",
        /// Paling sedikit satu tonggak senyap (tidak ada yang terlambat).
        AdaTonggakSenyap => "ada_tonggak_senyap",
        /// Paling sedikit satu tonggak berisiko (tidak ada yang terlambat/senyap).
        AdaTonggakBerisiko => "ada_tonggak_berisiko",
        /// Semua tonggak yang berjalan sesuai jadwal.
        TonggakSesuaiJadwal => "tonggak_sesuai_jadwal",
        /// Proyek belum punya tonggak.
        BelumAdaTonggak => "belum_ada_tonggak",
    }
}

/// Ambang yang dapat diatur per instansi [R]; field masukan mengalahkannya.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct KonfigurasiAksiPerubahan {
    /// Hari tanpa pembaruan sebelum tonggak senyap (bawaan 90).
    pub hari_senyap: u32,
    /// Jendela hari sebelum jatuh tempo untuk tonggak berisiko (bawaan 30).
    pub hari_berisiko: u32,
}

impl Default for KonfigurasiAksiPerubahan {
    fn default() -> Self {
        KonfigurasiAksiPerubahan {
            hari_senyap: HARI_SENYAP,
            hari_berisiko: HARI_BERISIKO,
        }
    }
}

/// Satu tonggak seperti yang dinilai aturan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tonggak {
    /// Pengenal (dikembalikan apa adanya).
    pub id: String,
    /// Tahap.
    pub tahap: Tahap,
    /// Jatuh tempo (tanggal kalender).
    pub jatuh_tempo: Date,
    /// Progres 0–100.
    pub progres_persen: Decimal,
    /// Tanggal pembaruan terakhir (tanggal kalender di zona instansi).
    pub diperbarui_pada: Date,
    /// Tanggal selesai, bila sudah.
    pub selesai_pada: Option<Date>,
    /// Alasan pembatalan, bila dibatalkan.
    pub dibatalkan: Option<String>,
}

/// Status satu tonggak beserta alasannya.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusTonggak {
    /// Pengenal tonggak.
    pub id: String,
    /// Status.
    pub status: StatusAksi,
    /// Alasan.
    pub alasan: AlasanTonggak,
    /// Hari sejak pembaruan terakhir (negatif bila pembaruan sesudah tanggal).
    pub hari_sejak_pembaruan: i64,
    /// Hari sampai jatuh tempo (negatif bila sudah lewat).
    pub hari_ke_jatuh_tempo: i64,
}

/// Status proyek dan setiap tonggaknya, dalam urutan masukan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HasilStatus {
    /// Status proyek.
    pub status: StatusAksi,
    /// Alasan status proyek.
    pub alasan: AlasanProyek,
    /// Status tiap tonggak.
    pub tonggak: Vec<StatusTonggak>,
}

/// Status satu tonggak pada `tanggal`.
pub fn status_tonggak(tanggal: Date, t: &Tonggak, k: &KonfigurasiAksiPerubahan) -> StatusTonggak {
    // Selisih tanggal kalender: pembaruan pada hari yang sama = 0 hari.
    let hari_sejak_pembaruan = (tanggal - t.diperbarui_pada).whole_days();
    let hari_ke_jatuh_tempo = (t.jatuh_tempo - tanggal).whole_days();
    let (status, alasan) = if t.selesai_pada.is_some() {
        (StatusAksi::Selesai, AlasanTonggak::AdaTanggalSelesai)
    } else if t.dibatalkan.is_some() {
        (StatusAksi::Dibatalkan, AlasanTonggak::Dibatalkan)
    } else if t.jatuh_tempo < tanggal {
        (StatusAksi::Terlambat, AlasanTonggak::LewatJatuhTempo)
    } else if hari_sejak_pembaruan >= i64::from(k.hari_senyap) {
        (StatusAksi::Senyap, AlasanTonggak::TanpaPembaruan)
    } else if hari_ke_jatuh_tempo <= i64::from(k.hari_berisiko) && t.progres_persen < PROGRES_AMAN {
        (
            StatusAksi::Berisiko,
            AlasanTonggak::JatuhTempoDekatProgresRendah,
        )
    } else {
        (StatusAksi::SesuaiJadwal, AlasanTonggak::SesuaiJadwal)
    };
    StatusTonggak {
        id: t.id.clone(),
        status,
        alasan,
        hari_sejak_pembaruan,
        hari_ke_jatuh_tempo,
    }
}

/// Status proyek dan tonggaknya pada `tanggal`.
pub fn status(tanggal: Date, tonggak: &[Tonggak], k: &KonfigurasiAksiPerubahan) -> HasilStatus {
    let hasil: Vec<StatusTonggak> = tonggak
        .iter()
        .map(|t| status_tonggak(tanggal, t, k))
        .collect();
    let (status, alasan) = status_proyek(hasil.iter().map(|t| t.status));
    HasilStatus {
        status,
        alasan,
        tonggak: hasil,
    }
}

/// Status proyek dari status tonggaknya (dipakai juga oleh kueri dasbor yang
/// sudah punya status tonggak).
pub fn status_proyek(tonggak: impl IntoIterator<Item = StatusAksi>) -> (StatusAksi, AlasanProyek) {
    let mut ada = [false; 6];
    let mut jumlah = 0usize;
    for s in tonggak {
        jumlah += 1;
        ada[s as usize] = true;
    }
    let punya = |s: StatusAksi| ada[s as usize];
    let hanya = |boleh: &[StatusAksi]| {
        StatusAksi::SEMUA
            .iter()
            .all(|s| boleh.contains(s) || !punya(*s))
    };
    if jumlah == 0 {
        (StatusAksi::SesuaiJadwal, AlasanProyek::BelumAdaTonggak)
    } else if hanya(&[StatusAksi::Dibatalkan]) {
        (StatusAksi::Dibatalkan, AlasanProyek::SemuaTonggakDibatalkan)
    } else if hanya(&[StatusAksi::Dibatalkan, StatusAksi::Selesai]) {
        (StatusAksi::Selesai, AlasanProyek::SemuaTonggakSelesai)
    } else if punya(StatusAksi::Terlambat) {
        (StatusAksi::Terlambat, AlasanProyek::AdaTonggakTerlambat)
    } else if punya(StatusAksi::Senyap) {
        (StatusAksi::Senyap, AlasanProyek::AdaTonggakSenyap)
    } else if punya(StatusAksi::Berisiko) {
        (StatusAksi::Berisiko, AlasanProyek::AdaTonggakBerisiko)
    } else {
        (StatusAksi::SesuaiJadwal, AlasanProyek::TonggakSesuaiJadwal)
    }
}

/// Tanggal kalender `YYYY-MM-DD` (tepat 10 karakter); selain itu `None`.
pub fn baca_tanggal(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let angka = |r: std::ops::Range<usize>| -> Option<u32> {
        let bagian = &s[r];
        bagian
            .bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| bagian.parse().ok())
            .flatten()
    };
    let (th, bl, hr) = (angka(0..4)?, angka(5..7)?, angka(8..10)?);
    let bulan = time::Month::try_from(u8::try_from(bl).ok()?).ok()?;
    Date::from_calendar_date(i32::try_from(th).ok()?, bulan, u8::try_from(hr).ok()?).ok()
}

/// `YYYY-MM-DD`.
pub fn teks_tanggal(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

impl StatusAksi {
    /// Label untuk manusia.
    pub fn label(self, b: crate::Bahasa) -> &'static str {
        match self {
            StatusAksi::SesuaiJadwal => b.pilih("Sesuai jadwal", "On schedule"),
            StatusAksi::Berisiko => b.pilih("Berisiko", "At risk"),
            StatusAksi::Senyap => b.pilih("Senyap", "Silent"),
            StatusAksi::Terlambat => b.pilih("Terlambat", "Late"),
            StatusAksi::Selesai => b.pilih("Selesai", "Done"),
            StatusAksi::Dibatalkan => b.pilih("Dibatalkan", "Cancelled"),
        }
    }
}

impl Tahap {
    /// Label untuk manusia.
    pub fn label(self, b: crate::Bahasa) -> &'static str {
        match self {
            Tahap::JangkaPendek => b.pilih("Jangka pendek", "Short term"),
            Tahap::JangkaMenengah => b.pilih("Jangka menengah", "Medium term"),
            Tahap::JangkaPanjang => b.pilih("Jangka panjang", "Long term"),
        }
    }
}

#[cfg(test)]
mod tes {
    use super::*;

    #[test]
    fn tanggal_dibaca_ketat() {
        assert_eq!(
            teks_tanggal(baca_tanggal("2026-02-28").unwrap()),
            "2026-02-28"
        );
        for salah in [
            "2026-02-30",
            "2026-2-28",
            "26-02-28xx",
            "2026/02/28",
            "+026-02-28",
            "",
        ] {
            assert_eq!(baca_tanggal(salah), None, "{salah}");
        }
    }

    #[test]
    fn urutan_status_sesuai_indeks() {
        // `status_proyek` memakai `as usize`; urutan SEMUA harus 0..6.
        for (i, s) in StatusAksi::SEMUA.iter().enumerate() {
            assert_eq!(*s as usize, i);
        }
    }
}
