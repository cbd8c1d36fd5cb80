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

// ---------- hasil seminar: pita kualifikasi ----------

/// Satu pita kualifikasi hasil seminar: nilai ≥ `nilai_min` (dan di bawah
/// pita di atasnya) mendapat `kode`. Batasnya tidak ditemukan dalam peraturan
/// LAN [R], jadi lembaga pelatihan mengaturnya sendiri.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PitaKualifikasi {
    /// Token stabil, mis. `sangat_memuaskan`.
    #[cfg_attr(feature = "openapi", schema(max_length = 40))]
    pub kode: String,
    /// Label untuk manusia, mis. "Sangat Memuaskan".
    #[cfg_attr(feature = "openapi", schema(max_length = 100))]
    pub label: String,
    /// Nilai terendah pita ini (0–100, paling banyak 2 desimal), mis. "90.01".
    #[serde(with = "rust_decimal::serde::str")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, max_length = 10))]
    pub nilai_min: Decimal,
}

/// Pita bawaan [R]: bentuk "Sangat Memuaskan … Tidak Memuaskan" yang dipakai
/// pelatihan kepemimpinan LAN, dengan batas kelipatan 10 di atas 60.
pub fn pita_bawaan() -> Vec<PitaKualifikasi> {
    [
        (
            "sangat_memuaskan",
            "Sangat Memuaskan",
            Decimal::new(9001, 2),
        ),
        ("memuaskan", "Memuaskan", Decimal::new(8001, 2)),
        ("cukup_memuaskan", "Cukup Memuaskan", Decimal::new(7001, 2)),
        (
            "kurang_memuaskan",
            "Kurang Memuaskan",
            Decimal::new(6001, 2),
        ),
        ("tidak_memuaskan", "Tidak Memuaskan", Decimal::ZERO),
    ]
    .into_iter()
    .map(|(kode, label, nilai_min)| PitaKualifikasi {
        kode: kode.into(),
        label: label.into(),
        nilai_min,
    })
    .collect()
}

/// Paling banyak pita per lembaga.
pub const MAKS_PITA: usize = 10;

enum_token! {
    /// Kesalahan susunan pita (kode stabil).
    pub enum SalahPita {
        /// Tidak ada pita.
        Kosong => "kosong",
        /// Lebih dari `MAKS_PITA` pita.
        TerlaluBanyak => "terlalu_banyak",
        /// Kode bukan huruf kecil/angka/garis bawah 1–40 karakter, atau label kosong/terlalu panjang.
        KodeAtauLabel => "kode_atau_label",
        /// Kode dipakai dua kali.
        KodeGanda => "kode_ganda",
        /// Nilai terendah di luar 0–100 atau lebih dari 2 desimal.
        NilaiDiLuarRentang => "nilai_di_luar_rentang",
        /// Dua pita dengan nilai terendah yang sama.
        NilaiGanda => "nilai_ganda",
        /// Tidak ada pita yang mulai dari 0: sebagian nilai tanpa kualifikasi.
        TidakMulaiNol => "tidak_mulai_nol",
    }
}

/// Memeriksa susunan pita; pita yang sah menutup 0–100 tanpa celah.
pub fn periksa_pita(pita: &[PitaKualifikasi]) -> Result<(), SalahPita> {
    if pita.is_empty() {
        return Err(SalahPita::Kosong);
    }
    if pita.len() > MAKS_PITA {
        return Err(SalahPita::TerlaluBanyak);
    }
    let mut kode = std::collections::BTreeSet::new();
    let mut nilai = std::collections::BTreeSet::new();
    for p in pita {
        let kode_sah = (1..=40).contains(&p.kode.len())
            && p.kode
                .bytes()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'_');
        let label_sah = !p.label.trim().is_empty() && p.label.chars().count() <= 100;
        if !kode_sah || !label_sah {
            return Err(SalahPita::KodeAtauLabel);
        }
        if !kode.insert(p.kode.as_str()) {
            return Err(SalahPita::KodeGanda);
        }
        if p.nilai_min < Decimal::ZERO
            || p.nilai_min > Decimal::ONE_HUNDRED
            || p.nilai_min.normalize().scale() > 2
        {
            return Err(SalahPita::NilaiDiLuarRentang);
        }
        if !nilai.insert(p.nilai_min.normalize()) {
            return Err(SalahPita::NilaiGanda);
        }
    }
    if !nilai.contains(&Decimal::ZERO) {
        return Err(SalahPita::TidakMulaiNol);
    }
    Ok(())
}

/// Pita untuk `nilai` (0–100): pita dengan `nilai_min` terbesar yang ≤ nilai.
/// `None` bila nilai di luar 0–100 atau tidak ada pita yang cocok.
pub fn kualifikasi(nilai: Decimal, pita: &[PitaKualifikasi]) -> Option<&PitaKualifikasi> {
    if nilai < Decimal::ZERO || nilai > Decimal::ONE_HUNDRED {
        return None;
    }
    pita.iter()
        .filter(|p| p.nilai_min <= nilai)
        .max_by(|a, b| a.nilai_min.cmp(&b.nilai_min))
}

// ---------- usul ke repositori inovasi ----------

enum_token! {
    /// Mengapa proyek belum dapat diusulkan ke repositori inovasi (kode stabil).
    pub enum BelumLayakInovasi {
        /// Proyek belum punya tonggak jangka pendek.
        BelumAdaTonggakPendek => "belum_ada_tonggak_pendek",
        /// Ada tonggak jangka pendek yang belum selesai (dan tidak dibatalkan).
        TonggakPendekBelumSelesai => "tonggak_pendek_belum_selesai",
        /// Belum ada tonggak jangka menengah yang selesai.
        BelumAdaTonggakMenengahSelesai => "belum_ada_tonggak_menengah_selesai",
    }
}

/// Proyek "terbukti" dan layak diusulkan ke repositori inovasi [R]: setiap
/// tonggak jangka pendek (yang tidak dibatalkan) selesai, dan paling sedikit
/// satu tonggak jangka menengah selesai — perubahan bertahan sesudah
/// pelatihan, bukan hanya rancangan di laboratorium. Kosong = layak.
pub fn belum_layak_inovasi(tonggak: &[Tonggak]) -> Vec<BelumLayakInovasi> {
    let mut alasan = Vec::new();
    let pendek: Vec<&Tonggak> = tonggak
        .iter()
        .filter(|t| t.tahap == Tahap::JangkaPendek && t.dibatalkan.is_none())
        .collect();
    if pendek.is_empty() {
        alasan.push(BelumLayakInovasi::BelumAdaTonggakPendek);
    } else if pendek.iter().any(|t| t.selesai_pada.is_none()) {
        alasan.push(BelumLayakInovasi::TonggakPendekBelumSelesai);
    }
    if !tonggak
        .iter()
        .any(|t| t.tahap == Tahap::JangkaMenengah && t.selesai_pada.is_some())
    {
        alasan.push(BelumLayakInovasi::BelumAdaTonggakMenengahSelesai);
    }
    alasan
}

impl BelumLayakInovasi {
    /// Penjelasan untuk manusia.
    pub fn label(self, b: crate::Bahasa) -> &'static str {
        match self {
            BelumLayakInovasi::BelumAdaTonggakPendek => b.pilih(
                "Proyek belum punya tonggak jangka pendek.",
                "The project has no short-term milestone.",
            ),
            BelumLayakInovasi::TonggakPendekBelumSelesai => b.pilih(
                "Masih ada tonggak jangka pendek yang belum selesai.",
                "Some short-term milestones are not done.",
            ),
            BelumLayakInovasi::BelumAdaTonggakMenengahSelesai => b.pilih(
                "Belum ada tonggak jangka menengah yang selesai: perubahan belum terbukti bertahan sesudah pelatihan.",
                "No medium-term milestone is done yet: the change has not yet proved it lasts after the training.",
            ),
        }
    }
}

impl SalahPita {
    /// Penjelasan untuk manusia.
    pub fn label(self, b: crate::Bahasa) -> &'static str {
        match self {
            SalahPita::Kosong => b.pilih("Isi paling sedikit satu pita.", "Give at least one band."),
            SalahPita::TerlaluBanyak => b.pilih("Paling banyak 10 pita.", "At most 10 bands."),
            SalahPita::KodeAtauLabel => b.pilih(
                "Kode pita berupa huruf kecil, angka atau garis bawah (1–40), dan labelnya diisi (≤ 100 karakter).",
                "A band code is lowercase letters, digits or underscores (1–40) and its label is filled in (≤ 100 characters).",
            ),
            SalahPita::KodeGanda => b.pilih("Kode pita dipakai dua kali.", "A band code is used twice."),
            SalahPita::NilaiDiLuarRentang => b.pilih(
                "Nilai terendah pita antara 0 dan 100, paling banyak 2 desimal.",
                "A band's minimum is between 0 and 100, at most 2 decimals.",
            ),
            SalahPita::NilaiGanda => b.pilih(
                "Dua pita punya nilai terendah yang sama.",
                "Two bands have the same minimum.",
            ),
            SalahPita::TidakMulaiNol => b.pilih(
                "Satu pita harus mulai dari 0, agar setiap nilai punya kualifikasi.",
                "One band must start at 0 so that every score has a qualification.",
            ),
        }
    }
}

#[cfg(test)]
mod tes {
    use super::*;

    fn t(tahap: Tahap, selesai: bool, batal: bool) -> Tonggak {
        let d = baca_tanggal("2026-01-01").unwrap();
        Tonggak {
            id: String::new(),
            tahap,
            jatuh_tempo: d,
            progres_persen: Decimal::ZERO,
            diperbarui_pada: d,
            selesai_pada: selesai.then_some(d),
            dibatalkan: batal.then(|| "x".to_string()),
        }
    }

    #[test]
    fn layak_inovasi_butuh_pendek_selesai_dan_menengah_selesai() {
        use BelumLayakInovasi::*;
        assert_eq!(
            belum_layak_inovasi(&[]),
            vec![BelumAdaTonggakPendek, BelumAdaTonggakMenengahSelesai]
        );
        let p = |s| t(Tahap::JangkaPendek, s, false);
        let m = |s| t(Tahap::JangkaMenengah, s, false);
        assert_eq!(
            belum_layak_inovasi(&[p(true), p(false), m(true)]),
            vec![TonggakPendekBelumSelesai]
        );
        assert_eq!(
            belum_layak_inovasi(&[p(true), m(false)]),
            vec![BelumAdaTonggakMenengahSelesai]
        );
        // Tonggak pendek yang dibatalkan tidak menghalangi.
        assert!(
            belum_layak_inovasi(&[p(true), t(Tahap::JangkaPendek, false, true), m(true)])
                .is_empty()
        );
        // Jangka panjang yang belum selesai tidak menghalangi.
        assert!(
            belum_layak_inovasi(&[p(true), m(true), t(Tahap::JangkaPanjang, false, false)])
                .is_empty()
        );
    }

    #[test]
    fn pita_bawaan_sah_dan_batasnya_tepat() {
        let pita = pita_bawaan();
        assert_eq!(periksa_pita(&pita), Ok(()));
        let k = |s: &str| kualifikasi(s.parse().unwrap(), &pita).map(|p| p.kode.clone());
        assert_eq!(k("100").as_deref(), Some("sangat_memuaskan"));
        assert_eq!(k("90.01").as_deref(), Some("sangat_memuaskan"));
        assert_eq!(k("90").as_deref(), Some("memuaskan"));
        assert_eq!(k("80.01").as_deref(), Some("memuaskan"));
        assert_eq!(k("60.00").as_deref(), Some("tidak_memuaskan"));
        assert_eq!(k("0").as_deref(), Some("tidak_memuaskan"));
        assert_eq!(k("100.01"), None);
        assert_eq!(k("-1"), None);
    }

    #[test]
    fn pita_salah_ditolak_dengan_kodenya() {
        let mut p = pita_bawaan();
        assert_eq!(periksa_pita(&[]), Err(SalahPita::Kosong));
        p[1].kode = "sangat_memuaskan".into();
        assert_eq!(periksa_pita(&p), Err(SalahPita::KodeGanda));
        let mut p = pita_bawaan();
        p[4].nilai_min = Decimal::new(1, 0);
        assert_eq!(periksa_pita(&p), Err(SalahPita::TidakMulaiNol));
        let mut p = pita_bawaan();
        p[0].nilai_min = Decimal::new(80010, 3);
        assert_eq!(periksa_pita(&p), Err(SalahPita::NilaiGanda));
        let mut p = pita_bawaan();
        p[0].nilai_min = Decimal::new(90001, 3);
        assert_eq!(periksa_pita(&p), Err(SalahPita::NilaiDiLuarRentang));
        let mut p = pita_bawaan();
        p[0].kode = "Sangat Memuaskan".into();
        assert_eq!(periksa_pita(&p), Err(SalahPita::KodeAtauLabel));
    }

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
