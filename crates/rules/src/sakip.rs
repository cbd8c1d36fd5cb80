//! SAKIP (Perpres 29/2014, PermenPANRB 53/2014 dan 88/2021): capaian
//! indikator kinerja organisasi per triwulan dan tahun, warna simpul pohon
//! kinerja, saran predikat organisasi per unit, dan nilai Lembar Kerja
//! Evaluasi (LKE).
//!
//! Satu fungsi, [`capaian_indikator`], menghitung capaian untuk pohon
//! kinerja, Perjanjian Kinerja dan LKjIP, supaya ketiganya tidak pernah
//! berbeda angka. Rumusnya [`crate::permenpanrb_8_2021::capaian`]
//! (polaritas, target rentang); yang ditambahkan di sini adalah cara
//! merekap triwulan menjadi angka sampai suatu triwulan:
//!
//! * `kumulatif` — nilai triwulan adalah tambahan triwulan itu; sampai
//!   triwulan q = jumlah triwulan 1..q (mis. jumlah kunjungan) [S: wp-sipd
//!   "total target triwulan = akumulasi dari semua triwulan"];
//! * `snapshot` — nilai triwulan adalah keadaan di akhir triwulan atau sudah
//!   berupa total berjalan; sampai triwulan q = triwulan terakhir ≤ q yang
//!   terisi (mis. prevalensi stunting, persentase) [S: wp-sipd "realisasi
//!   triwulan terakhir"]. Realisasi keluaran rencana anggaran (isu 9) diisi
//!   sebagai total berjalan, jadi direkap sebagai `snapshot`.
//!
//! Realisasi dibandingkan dengan target triwulan tempat data terakhir berada
//! (target triwulan kumulatif bila ada), selain itu dengan target tahunan.

use crate::galat::{GalatInput, Masalah};
use crate::permenpanrb_6_2022::kurva::PredikatOrganisasi;
use crate::permenpanrb_8_2021::capaian::{Polaritas, Target, capaian};
use crate::permenpanrb_88_2021::{HasilAkip, KomponenAkip, evaluasi_akip};
use crate::{Bahasa, angka};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

enum_token! {
    /// Cara merekap realisasi triwulan.
    pub enum Rekap {
        /// Nilai triwulan = tambahan triwulan itu; rekap = jumlah.
        Kumulatif => "kumulatif",
        /// Nilai triwulan = keadaan akhir triwulan; rekap = yang terakhir.
        Snapshot => "snapshot",
    }
}

/// Realisasi sampai triwulan `sampai` (1–4): `(nilai, triwulan data terakhir)`,
/// `None` bila belum ada data.
pub fn realisasi_sampai(
    rekap: Rekap,
    nilai: &[Option<Decimal>; 4],
    sampai: u8,
) -> Option<(Decimal, u8)> {
    let batas = usize::from(sampai.clamp(1, 4));
    let terakhir = (0..batas).rev().find(|&i| nilai[i].is_some())?;
    let q = u8::try_from(terakhir + 1).unwrap_or(4);
    match rekap {
        Rekap::Snapshot => nilai[terakhir].map(|x| (x, q)),
        Rekap::Kumulatif => {
            let mut jumlah = Decimal::ZERO;
            for x in nilai.iter().take(batas).flatten() {
                jumlah = jumlah.checked_add(*x)?;
            }
            Some((jumlah, q))
        }
    }
}

enum_token! {
    /// Warna capaian [S: e-sakip-bna, CapaianKinerjaService: merah < 70,
    /// kuning 70–90, hijau > 90].
    pub enum Warna {
        /// Capaian > 90 %.
        Hijau => "hijau",
        /// Capaian 70–90 %.
        Kuning => "kuning",
        /// Capaian < 70 %.
        Merah => "merah",
        /// Belum ada realisasi.
        Abu => "abu",
    }
}

/// Warna dari capaian yang sudah dibulatkan.
pub fn warna(capaian_persen: Option<Decimal>) -> Warna {
    match capaian_persen {
        None => Warna::Abu,
        Some(c) if c > Decimal::from(90) => Warna::Hijau,
        Some(c) if c >= Decimal::from(70) => Warna::Kuning,
        Some(_) => Warna::Merah,
    }
}

/// Indikator seperti yang diketahui pohon, PK dan LKjIP.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataIndikator {
    /// Arah indikator.
    pub polaritas: Polaritas,
    /// Cara merekap triwulan.
    pub rekap: Rekap,
    /// Target tahunan.
    pub target: Option<Target>,
    /// Target triwulan (kumulatif sampai akhir triwulan), boleh kosong.
    pub target_triwulan: [Option<Decimal>; 4],
    /// Realisasi per triwulan menurut `rekap`.
    pub realisasi: [Option<Decimal>; 4],
}

/// Capaian satu indikator sampai satu triwulan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CapaianIndikator {
    /// Triwulan data terakhir yang dipakai.
    pub triwulan: u8,
    /// Realisasi hasil rekap.
    pub realisasi: Decimal,
    /// Target pembanding.
    pub target: Target,
    /// Capaian persen, dibulatkan 2 desimal.
    pub capaian_persen: Decimal,
    /// Warna dari capaian yang dibulatkan.
    pub warna: Warna,
}

/// Capaian indikator sampai triwulan `sampai` (4 = tahunan). `Ok(None)` bila
/// belum ada realisasi atau target; galat bila angkanya tidak dapat dihitung
/// (target positif nol, negatif).
pub fn capaian_indikator(
    d: &DataIndikator,
    sampai: u8,
) -> Result<Option<CapaianIndikator>, GalatInput> {
    let Some((realisasi, q)) = realisasi_sampai(d.rekap, &d.realisasi, sampai) else {
        return Ok(None);
    };
    let target = match (q, d.target_triwulan[usize::from(q - 1)], d.target) {
        (1..=3, Some(t), _) => Target::Tunggal(t),
        (_, _, Some(t)) => t,
        (_, Some(t), None) => Target::Tunggal(t),
        _ => return Ok(None),
    };
    let h = capaian(d.polaritas, target, realisasi)?;
    let c = angka::bulatkan(h.capaian_persen);
    Ok(Some(CapaianIndikator {
        triwulan: q,
        realisasi,
        target,
        capaian_persen: c,
        warna: warna(Some(c)),
    }))
}

/// Batas capaian satu indikator saat dirata-rata [R]: seperti nilai capaian
/// IKI PermenPANRB 8/2021 (paling tinggi 120), supaya satu indikator yang
/// melampaui jauh tidak menutupi yang gagal.
pub const BATAS_RATA: Decimal = Decimal::from_parts(120, 0, 0, false, 0);

/// Rata-rata capaian (tiap capaian dibatasi [`BATAS_RATA`]), dibulatkan;
/// `None` bila kosong. Warna simpul pohon kinerja memakai angka ini.
pub fn rata_rata_capaian(capaian: &[Decimal]) -> Option<Decimal> {
    if capaian.is_empty() {
        return None;
    }
    let jumlah: Decimal = capaian.iter().map(|c| (*c).min(BATAS_RATA)).sum();
    Some(angka::bulatkan(jumlah / Decimal::from(capaian.len())))
}

/// Saran predikat kinerja organisasi untuk satu unit, dengan alasannya.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaranPredikat {
    /// Predikat yang disarankan.
    pub predikat: PredikatOrganisasi,
    /// Rata-rata capaian (dibatasi 120 per indikator), dibulatkan.
    pub rata_rata: Decimal,
    /// Banyak indikator yang sudah berealisasi.
    pub jumlah_indikator: usize,
    /// Penjelasan untuk manusia.
    pub alasan: String,
}

/// Batas bawah rata-rata capaian per predikat organisasi [R]; Kinerja
/// menyelaraskan "Baik" dengan warna hijau (> 90 %) dan memberi "Istimewa"
/// hanya bila rata-rata melampaui target (≥ 110 %). Pimpinan satu tingkat di
/// atas yang menetapkan predikat; ini hanya saran.
pub const BATAS_PREDIKAT: [(u32, PredikatOrganisasi); 4] = [
    (110, PredikatOrganisasi::Istimewa),
    (90, PredikatOrganisasi::Baik),
    (70, PredikatOrganisasi::ButuhPerbaikan),
    (50, PredikatOrganisasi::Kurang),
];

/// Saran predikat organisasi dari capaian indikator Perjanjian Kinerja unit.
pub fn saran_predikat_organisasi(capaian: &[Decimal], bahasa: Bahasa) -> Option<SaranPredikat> {
    let rata = rata_rata_capaian(capaian)?;
    let (predikat, batas) = BATAS_PREDIKAT
        .iter()
        .find(|(b, _)| rata >= Decimal::from(*b))
        .map(|(b, p)| (*p, Some(*b)))
        .unwrap_or((PredikatOrganisasi::SangatKurang, None));
    let r = angka::teks_2(rata).replace('.', ",");
    let n = capaian.len();
    let alasan = match (bahasa, batas) {
        (Bahasa::Id, Some(b)) => format!(
            "Rata-rata capaian {n} indikator Perjanjian Kinerja = {r} % (tiap indikator dibatasi 120 %), ≥ {b} % → {}.",
            predikat.label(bahasa)
        ),
        (Bahasa::Id, None) => format!(
            "Rata-rata capaian {n} indikator Perjanjian Kinerja = {r} % (tiap indikator dibatasi 120 %), < 50 % → {}.",
            predikat.label(bahasa)
        ),
        (Bahasa::En, Some(b)) => format!(
            "Average achievement of {n} performance-agreement indicators = {r} % (each capped at 120 %), ≥ {b} % → {}.",
            predikat.label(bahasa)
        ),
        (Bahasa::En, None) => format!(
            "Average achievement of {n} performance-agreement indicators = {r} % (each capped at 120 %), < 50 % → {}.",
            predikat.label(bahasa)
        ),
    };
    Some(SaranPredikat {
        predikat,
        rata_rata: rata,
        jumlah_indikator: n,
        alasan,
    })
}

// ---------- Lembar Kerja Evaluasi (LKE) ----------

pub mod instrumen;

enum_token! {
    /// Jenis jawaban kriteria LKE.
    pub enum JenisJawaban {
        /// Y/T; nilainya dari `skala` templat.
        YaTidak => "ya_tidak",
        /// A–E; nilainya dari `skala` templat.
        AE => "a_e",
        /// Pilihan yang ditulis pada kriteria itu sendiri (`pilihan`), masing-
        /// masing dengan nilainya: tingkat kematangan, skala Likert, dst.
        Pilihan => "pilihan",
    }
}

impl JenisJawaban {
    /// Jawaban baku yang diizinkan; kosong untuk [`JenisJawaban::Pilihan`]
    /// (pilihannya ada pada kriteria, lihat [`KriteriaLke::kode_pilihan`]).
    pub fn pilihan(self) -> &'static [&'static str] {
        match self {
            JenisJawaban::YaTidak => &["Y", "T"],
            JenisJawaban::AE => &["A", "B", "C", "D", "E"],
            JenisJawaban::Pilihan => &[],
        }
    }
}

enum_token! {
    /// Jenis instrumen yang dibawa templat; bawaan `akip`.
    #[derive(Default)]
    pub enum JenisInstrumen {
        /// LKE AKIP PermenPANRB 88/2021: empat komponen regulasi dengan
        /// bobotnya; nilai dan predikat lewat `evaluasi_akip`.
        #[default]
        Akip => "akip",
        /// Kuesioner penilaian mandiri lain (tingkat kematangan Kemendagri,
        /// evaluasi kelembagaan KemenPANRB, …): komponen bebas yang bobotnya
        /// berjumlah tepat 100; nilai 0–100 dengan pita predikat yang sama.
        Kuesioner => "kuesioner",
    }
}

impl JenisInstrumen {
    fn akip(&self) -> bool {
        *self == JenisInstrumen::Akip
    }
}

/// Satu pilihan jawaban kriteria berjenis [`JenisJawaban::Pilihan`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpsiJawaban {
    /// Kode yang dikirim sebagai jawaban: huruf besar, angka, `.`, `_`, `-`
    /// (jawaban dari formulir diubah ke huruf besar), paling panjang 16.
    pub kode: String,
    /// Teks pilihan yang dibaca responden.
    pub uraian: String,
    /// Nilai pilihan ini, 0–1, sebagai bagian dari bobot kriteria.
    pub nilai: Decimal,
    /// Penjelasan dan bukti dukung yang diharapkan (panduan, tidak dinilai).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub penjelasan: String,
}

/// Kriteria LKE.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KriteriaLke {
    /// Kode unik dalam templat, mis. `1.a.1`.
    pub kode: String,
    /// Uraian kriteria.
    pub uraian: String,
    /// Jenis jawaban.
    pub jenis: JenisJawaban,
    /// Pilihan jawaban, hanya (dan wajib) untuk [`JenisJawaban::Pilihan`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pilihan: Vec<OpsiJawaban>,
    /// Penjelasan kriteria (panduan pengisian, tidak dinilai).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub penjelasan: String,
}

impl KriteriaLke {
    /// Kode jawaban yang diizinkan, dalam urutan tampil.
    pub fn kode_pilihan(&self) -> Vec<&str> {
        match self.jenis {
            JenisJawaban::Pilihan => self.pilihan.iter().map(|o| o.kode.as_str()).collect(),
            j => j.pilihan().to_vec(),
        }
    }

    /// Nilai (0–1) jawaban `jawaban` untuk kriteria ini; `None` bila
    /// jawaban itu bukan salah satu pilihannya.
    pub fn nilai_jawaban(
        &self,
        skala: &BTreeMap<String, Decimal>,
        jawaban: &str,
    ) -> Option<Decimal> {
        match self.jenis {
            JenisJawaban::Pilihan => self
                .pilihan
                .iter()
                .find(|o| o.kode == jawaban)
                .map(|o| o.nilai),
            j => j
                .pilihan()
                .contains(&jawaban)
                .then(|| skala.get(jawaban).copied().unwrap_or_default()),
        }
    }
}

/// Sub komponen LKE (keberadaan, kualitas, pemanfaatan).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubKomponenLke {
    /// Kode, mis. `1.a`.
    pub kode: String,
    /// Nama.
    pub nama: String,
    /// Bobot (bagian dari bobot komponen).
    pub bobot: Decimal,
    /// Kriteria.
    pub kriteria: Vec<KriteriaLke>,
}

/// Komponen LKE: untuk instrumen AKIP kodenya salah satu dari empat komponen
/// PermenPANRB 88/2021; untuk kuesioner, kode bebas.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KomponenLke {
    /// AKIP: `perencanaan` | `pengukuran` | `pelaporan` | `evaluasi_internal`.
    pub kode: String,
    /// Nama.
    pub nama: String,
    /// Bobot (AKIP: harus sama dengan bobot regulasi).
    pub bobot: Decimal,
    /// Sub komponen.
    pub sub: Vec<SubKomponenLke>,
}

/// Templat LKE sebagai data: komponen, sub komponen, kriteria, bobot, dan
/// nilai tiap jawaban.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplatLke {
    /// Nama templat.
    pub nama: String,
    /// Sumber dan catatan.
    #[serde(default)]
    pub sumber: String,
    /// Jenis instrumen; tanpa field ini `akip` (templat lama tetap sah dan
    /// tersimpan dengan bita yang sama).
    #[serde(default, skip_serializing_if = "JenisInstrumen::akip")]
    pub instrumen: JenisInstrumen,
    /// Nilai tiap jawaban baku (0–1), mis. `{"Y": "1", "B": "0.75"}`; boleh
    /// kosong bila semua kriteria berjenis `pilihan`.
    #[serde(default)]
    pub skala: BTreeMap<String, Decimal>,
    /// Komponen.
    pub komponen: Vec<KomponenLke>,
}

/// Batas ukuran templat (masukan dari admin, dibaca setiap penilaian).
pub const BATAS_KRITERIA: usize = 500;
/// Komponen paling banyak (kuesioner).
pub const BATAS_KOMPONEN: usize = 50;
/// Pilihan paling banyak per kriteria.
pub const BATAS_PILIHAN: usize = 10;
pub(crate) const BATAS_TEKS: usize = 1_000;
pub(crate) const BATAS_PENJELASAN: usize = 2_000;
const BATAS_KODE_KOMPONEN: usize = 64;
const BATAS_KODE_PILIHAN: usize = 16;

/// Templat bawaan (PermenPANRB 88/2021; uraian kriteria [R]).
pub const TEMPLAT_BAWAAN_JSON: &str =
    include_str!("../../../data/sakip/lke_permenpanrb_88_2021.json");

/// Templat bawaan, sudah diperiksa.
pub fn templat_bawaan() -> TemplatLke {
    let t: TemplatLke =
        serde_json::from_str(TEMPLAT_BAWAAN_JSON).expect("templat LKE bawaan sah (diuji)");
    t
}

fn teks(s: &str, f: String, maks: usize) -> Result<(), GalatInput> {
    if s.trim().is_empty() || s.chars().count() > maks {
        Err(GalatInput::baru(f, Masalah::PanjangTeks { maks }))
    } else {
        Ok(())
    }
}

fn teks_boleh_kosong(s: &str, f: String, maks: usize) -> Result<(), GalatInput> {
    if s.chars().count() > maks {
        Err(GalatInput::baru(f, Masalah::PanjangTeks { maks }))
    } else {
        Ok(())
    }
}

fn dalam_0_1(n: Decimal, f: String) -> Result<(), GalatInput> {
    if n < Decimal::ZERO || n > Decimal::ONE {
        Err(GalatInput::baru(
            f,
            Masalah::DiLuarRentang {
                min: Some(Decimal::ZERO),
                maks: Some(Decimal::ONE),
            },
        ))
    } else {
        Ok(())
    }
}

impl TemplatLke {
    /// Memeriksa templat. AKIP: empat komponen regulasi dengan bobotnya.
    /// Kuesioner: 1–[`BATAS_KOMPONEN`] komponen berkode unik, bobot positif
    /// berjumlah tepat 100. Keduanya: bobot sub komponen berjumlah bobot
    /// komponen, kode unik, skala 0–1 untuk setiap jawaban baku, pilihan
    /// kriteria `pilihan` tidak kosong (paling banyak [`BATAS_PILIHAN`]),
    /// berkode unik, bernilai 0–1; ukuran terbatas. Field galat menunjuk
    /// letaknya.
    pub fn periksa(&self) -> Result<(), GalatInput> {
        teks(&self.nama, "nama".into(), BATAS_TEKS)?;
        teks_boleh_kosong(&self.sumber, "sumber".into(), BATAS_PENJELASAN)?;
        for (j, n) in &self.skala {
            dalam_0_1(*n, format!("skala.{j}"))?;
        }
        let bobot_regulasi: BTreeMap<&str, u32> =
            crate::permenpanrb_88_2021::BOBOT.iter().copied().collect();
        let akip = self.instrumen.akip();
        if !akip && self.komponen.is_empty() {
            return Err(GalatInput::baru("komponen", Masalah::DaftarKosong));
        }
        if self.komponen.len() > BATAS_KOMPONEN {
            return Err(GalatInput::baru("komponen", Masalah::TerlaluBesar));
        }
        let mut kode_komponen = HashSet::new();
        let mut kode = HashSet::new();
        let mut jumlah_kriteria = 0usize;
        let mut jumlah_bobot = Decimal::ZERO;
        for (i, k) in self.komponen.iter().enumerate() {
            let f = format!("komponen[{i}]");
            if akip {
                let Some(b) = bobot_regulasi.get(k.kode.as_str()) else {
                    return Err(GalatInput::baru(
                        format!("{f}.kode"),
                        Masalah::PilihanTidakDikenal,
                    ));
                };
                if k.bobot != Decimal::from(*b) {
                    return Err(GalatInput::baru(
                        format!("{f}.bobot"),
                        Masalah::MelebihiBobot {
                            bobot: Decimal::from(*b),
                        },
                    ));
                }
            } else {
                teks(&k.kode, format!("{f}.kode"), BATAS_KODE_KOMPONEN)?;
                if k.bobot <= Decimal::ZERO {
                    return Err(GalatInput::baru(format!("{f}.bobot"), Masalah::Nol));
                }
                jumlah_bobot += k.bobot;
            }
            if !kode_komponen.insert(k.kode.as_str()) {
                return Err(GalatInput::baru(format!("{f}.kode"), Masalah::Ganda));
            }
            teks(&k.nama, format!("{f}.nama"), BATAS_TEKS)?;
            let mut jumlah = Decimal::ZERO;
            if k.sub.is_empty() {
                return Err(GalatInput::baru(format!("{f}.sub"), Masalah::DaftarKosong));
            }
            for (s_i, s) in k.sub.iter().enumerate() {
                let fs = format!("{f}.sub[{s_i}]");
                teks(&s.nama, format!("{fs}.nama"), BATAS_TEKS)?;
                teks(&s.kode, format!("{fs}.kode"), BATAS_KODE_KOMPONEN)?;
                if !kode.insert(s.kode.clone()) {
                    return Err(GalatInput::baru(format!("{fs}.kode"), Masalah::Ganda));
                }
                if s.bobot <= Decimal::ZERO {
                    return Err(GalatInput::baru(format!("{fs}.bobot"), Masalah::Nol));
                }
                jumlah += s.bobot;
                if s.kriteria.is_empty() {
                    return Err(GalatInput::baru(
                        format!("{fs}.kriteria"),
                        Masalah::DaftarKosong,
                    ));
                }
                for (c_i, c) in s.kriteria.iter().enumerate() {
                    let fc = format!("{fs}.kriteria[{c_i}]");
                    teks(&c.uraian, format!("{fc}.uraian"), BATAS_TEKS)?;
                    teks(&c.kode, format!("{fc}.kode"), BATAS_KODE_KOMPONEN)?;
                    teks_boleh_kosong(&c.penjelasan, format!("{fc}.penjelasan"), BATAS_PENJELASAN)?;
                    if !kode.insert(c.kode.clone()) {
                        return Err(GalatInput::baru(format!("{fc}.kode"), Masalah::Ganda));
                    }
                    self.periksa_pilihan(c, &fc)?;
                    jumlah_kriteria += 1;
                    if jumlah_kriteria > BATAS_KRITERIA {
                        return Err(GalatInput::baru("komponen", Masalah::TerlaluBesar));
                    }
                }
            }
            if jumlah != k.bobot {
                return Err(GalatInput::baru(
                    format!("{f}.sub"),
                    Masalah::MelebihiBobot { bobot: k.bobot },
                ));
            }
        }
        if akip && kode_komponen.len() != bobot_regulasi.len() {
            return Err(GalatInput::baru("komponen", Masalah::DaftarKosong));
        }
        if !akip && jumlah_bobot != Decimal::ONE_HUNDRED {
            return Err(GalatInput::baru(
                "komponen",
                Masalah::DiLuarRentang {
                    min: Some(Decimal::ONE_HUNDRED),
                    maks: Some(Decimal::ONE_HUNDRED),
                },
            ));
        }
        Ok(())
    }

    /// Jawaban baku ada di skala; pilihan kriteria `pilihan` sah.
    fn periksa_pilihan(&self, c: &KriteriaLke, fc: &str) -> Result<(), GalatInput> {
        if c.jenis != JenisJawaban::Pilihan {
            if !c.pilihan.is_empty() {
                return Err(GalatInput::baru(
                    format!("{fc}.pilihan"),
                    Masalah::PilihanTidakDikenal,
                ));
            }
            if let Some(j) = c
                .jenis
                .pilihan()
                .iter()
                .find(|j| !self.skala.contains_key(**j))
            {
                return Err(GalatInput::baru(
                    format!("skala.{j}"),
                    Masalah::DaftarKosong,
                ));
            }
            return Ok(());
        }
        if c.pilihan.is_empty() {
            return Err(GalatInput::baru(
                format!("{fc}.pilihan"),
                Masalah::DaftarKosong,
            ));
        }
        if c.pilihan.len() > BATAS_PILIHAN {
            return Err(GalatInput::baru(
                format!("{fc}.pilihan"),
                Masalah::TerlaluBesar,
            ));
        }
        let mut kode = HashSet::new();
        for (o_i, o) in c.pilihan.iter().enumerate() {
            let fo = format!("{fc}.pilihan[{o_i}]");
            teks(&o.kode, format!("{fo}.kode"), BATAS_KODE_PILIHAN)?;
            let kode_sah = o.kode.chars().all(|x| {
                x.is_ascii_uppercase() || x.is_ascii_digit() || matches!(x, '.' | '_' | '-')
            });
            if !kode_sah {
                return Err(GalatInput::baru(
                    format!("{fo}.kode"),
                    Masalah::PilihanTidakDikenal,
                ));
            }
            if !kode.insert(o.kode.as_str()) {
                return Err(GalatInput::baru(format!("{fo}.kode"), Masalah::Ganda));
            }
            teks(&o.uraian, format!("{fo}.uraian"), BATAS_TEKS)?;
            teks_boleh_kosong(&o.penjelasan, format!("{fo}.penjelasan"), BATAS_PENJELASAN)?;
            dalam_0_1(o.nilai, format!("{fo}.nilai"))?;
        }
        Ok(())
    }

    /// Semua kriteria dengan jenisnya, menurut kode.
    pub fn kriteria(&self) -> impl Iterator<Item = &KriteriaLke> {
        self.komponen
            .iter()
            .flat_map(|k| k.sub.iter().flat_map(|s| s.kriteria.iter()))
    }
}

/// Nilai satu sub komponen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NilaiSub {
    /// Kode.
    pub kode: String,
    /// Bobot.
    pub bobot: Decimal,
    /// Bobot × rata-rata nilai jawaban (eksak).
    pub nilai: Decimal,
    /// Kriteria yang sudah dijawab.
    pub terjawab: usize,
    /// Banyak kriteria.
    pub kriteria: usize,
}

/// Nilai satu komponen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NilaiKomponen {
    /// Kode komponen.
    pub kode: String,
    /// Bobot.
    pub bobot: Decimal,
    /// Jumlah nilai sub komponen (eksak).
    pub nilai: Decimal,
    /// Sub komponen.
    pub sub: Vec<NilaiSub>,
}

/// Nilai LKE: komponen dan hasil evaluasi AKIP (nilai dan predikat).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NilaiLke {
    /// Per komponen.
    pub komponen: Vec<NilaiKomponen>,
    /// Hasil `evaluasi_akip`.
    pub hasil: HasilAkip,
    /// Kriteria yang sudah dijawab.
    pub terjawab: usize,
    /// Banyak kriteria.
    pub kriteria: usize,
}

/// Hasil kuesioner: nilai 0–100 (jumlah nilai komponen) dengan predikat dari
/// nilai yang dibulatkan, memakai pita [`crate::permenpanrb_88_2021::predikat`]
/// yang sama dengan `evaluasi_akip` [R: pita AKIP dipakai untuk semua
/// instrumen Kinerja; kategori asli instrumen di docs/aturan-sakip.md].
pub fn hasil_kuesioner(nilai: Decimal) -> Result<HasilAkip, GalatInput> {
    if nilai < Decimal::ZERO || nilai > Decimal::ONE_HUNDRED {
        return Err(GalatInput::baru(
            "nilai",
            Masalah::DiLuarRentang {
                min: Some(Decimal::ZERO),
                maks: Some(Decimal::ONE_HUNDRED),
            },
        ));
    }
    let nilai_bulat = angka::bulatkan(nilai);
    Ok(HasilAkip {
        nilai,
        nilai_bulat,
        predikat: crate::permenpanrb_88_2021::predikat(nilai_bulat),
    })
}

/// Nilai LKE dari jawaban per kode kriteria. Nilai sub komponen = bobot ×
/// jumlah nilai jawaban ÷ banyak kriteria (dikalikan dahulu, dibagi sekali);
/// kriteria yang belum dijawab bernilai 0 (dan terhitung di `terjawab`);
/// jawaban di luar pilihan kriterianya galat dengan field = kode kriteria.
/// Hasil akhir: AKIP lewat `evaluasi_akip`, kuesioner lewat
/// [`hasil_kuesioner`].
pub fn nilai_lke(
    t: &TemplatLke,
    jawaban: &BTreeMap<String, String>,
) -> Result<NilaiLke, GalatInput> {
    let mut komponen = Vec::new();
    let (mut terjawab, mut kriteria) = (0, 0);
    let mut akip = KomponenAkip {
        perencanaan: Decimal::ZERO,
        pengukuran: Decimal::ZERO,
        pelaporan: Decimal::ZERO,
        evaluasi_internal: Decimal::ZERO,
    };
    let mut total = Decimal::ZERO;
    for k in &t.komponen {
        let mut sub = Vec::new();
        let mut nilai_k = Decimal::ZERO;
        for s in &k.sub {
            let mut jumlah = Decimal::ZERO;
            let mut dijawab = 0;
            for c in &s.kriteria {
                if let Some(j) = jawaban.get(&c.kode) {
                    let Some(n) = c.nilai_jawaban(&t.skala, j) else {
                        return Err(GalatInput::baru(
                            c.kode.clone(),
                            Masalah::PilihanTidakDikenal,
                        ));
                    };
                    jumlah += n;
                    dijawab += 1;
                }
            }
            let n = s.kriteria.len().max(1);
            let nilai = s.bobot * jumlah / Decimal::from(n);
            nilai_k += nilai;
            terjawab += dijawab;
            kriteria += s.kriteria.len();
            sub.push(NilaiSub {
                kode: s.kode.clone(),
                bobot: s.bobot,
                nilai,
                terjawab: dijawab,
                kriteria: s.kriteria.len(),
            });
        }
        total += nilai_k;
        match k.kode.as_str() {
            "perencanaan" => akip.perencanaan = nilai_k,
            "pengukuran" => akip.pengukuran = nilai_k,
            "pelaporan" => akip.pelaporan = nilai_k,
            _ => akip.evaluasi_internal = nilai_k,
        }
        komponen.push(NilaiKomponen {
            kode: k.kode.clone(),
            bobot: k.bobot,
            nilai: nilai_k,
            sub,
        });
    }
    let hasil = match t.instrumen {
        JenisInstrumen::Akip => evaluasi_akip(&akip)?,
        JenisInstrumen::Kuesioner => hasil_kuesioner(total)?,
    };
    Ok(NilaiLke {
        komponen,
        hasil,
        terjawab,
        kriteria,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::permenpanrb_88_2021::PredikatAkip;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn opsi(kode: &str, nilai: &str) -> OpsiJawaban {
        OpsiJawaban {
            kode: kode.into(),
            uraian: format!("Pilihan {kode}"),
            nilai: d(nilai),
            penjelasan: String::new(),
        }
    }

    fn kriteria(kode: &str, pilihan: Vec<OpsiJawaban>) -> KriteriaLke {
        KriteriaLke {
            kode: kode.into(),
            uraian: format!("Kriteria {kode}"),
            jenis: JenisJawaban::Pilihan,
            pilihan,
            penjelasan: String::new(),
        }
    }

    /// Kuesioner dua komponen (60 + 40): tiga kriteria pilihan, satu Y/T.
    fn kuesioner() -> TemplatLke {
        let likert = || {
            vec![
                opsi("1", "0.25"),
                opsi("2", "0.5"),
                opsi("3", "0.75"),
                opsi("4", "1"),
            ]
        };
        TemplatLke {
            nama: "Uji".into(),
            sumber: String::new(),
            instrumen: JenisInstrumen::Kuesioner,
            skala: BTreeMap::from([("Y".into(), Decimal::ONE), ("T".into(), Decimal::ZERO)]),
            komponen: vec![
                KomponenLke {
                    kode: "a".into(),
                    nama: "A".into(),
                    bobot: d("60"),
                    sub: vec![SubKomponenLke {
                        kode: "a.1".into(),
                        nama: "A1".into(),
                        bobot: d("60"),
                        kriteria: vec![kriteria("a.1.1", likert()), kriteria("a.1.2", likert())],
                    }],
                },
                KomponenLke {
                    kode: "b".into(),
                    nama: "B".into(),
                    bobot: d("40"),
                    sub: vec![
                        SubKomponenLke {
                            kode: "b.1".into(),
                            nama: "B1".into(),
                            bobot: d("30"),
                            kriteria: vec![kriteria(
                                "b.1.1",
                                vec![opsi("A", "1"), opsi("B", "0.6"), opsi("C", "0")],
                            )],
                        },
                        SubKomponenLke {
                            kode: "b.2".into(),
                            nama: "B2".into(),
                            bobot: d("10"),
                            kriteria: vec![KriteriaLke {
                                kode: "b.2.1".into(),
                                uraian: "Ada".into(),
                                jenis: JenisJawaban::YaTidak,
                                pilihan: Vec::new(),
                                penjelasan: String::new(),
                            }],
                        },
                    ],
                },
            ],
        }
    }

    #[test]
    fn pilihan_bernilai_eksak() {
        let t = kuesioner();
        t.periksa().unwrap();
        let c = t.kriteria().nth(2).unwrap();
        assert_eq!(c.kode_pilihan(), ["A", "B", "C"]);
        assert_eq!(c.nilai_jawaban(&t.skala, "B"), Some(d("0.6")));
        assert_eq!(c.nilai_jawaban(&t.skala, "Y"), None);
        // A: 60 × (0,75 + 0,25) / 2 = 30; B: 30 × 0,6 + 10 × 1 = 28 → 58, CC.
        let jawab = BTreeMap::from([
            ("a.1.1".to_string(), "3".to_string()),
            ("a.1.2".to_string(), "1".to_string()),
            ("b.1.1".to_string(), "B".to_string()),
            ("b.2.1".to_string(), "Y".to_string()),
        ]);
        let n = nilai_lke(&t, &jawab).unwrap();
        assert_eq!(
            n.komponen.iter().map(|k| k.nilai).collect::<Vec<_>>(),
            [d("30"), d("28")]
        );
        assert_eq!(
            (n.hasil.nilai, n.hasil.nilai_bulat, n.hasil.predikat),
            (d("58"), d("58.00"), PredikatAkip::Cc)
        );
        // Sebagian: 60 × 1 / 2 = 30 → C; jawaban yang tidak ada di pilihan: galat.
        let n = nilai_lke(&t, &BTreeMap::from([("a.1.2".into(), "4".into())])).unwrap();
        assert_eq!((n.hasil.nilai, n.terjawab, n.kriteria), (d("30"), 1, 4));
        let g = nilai_lke(&t, &BTreeMap::from([("b.1.1".into(), "D".into())])).unwrap_err();
        assert_eq!(g.field, "b.1.1");
        // JSON: field baru hanya tertulis bila dipakai; templat bawaan tetap sama bitanya.
        let s = serde_json::to_string(&t).unwrap();
        assert!(s.contains("\"instrumen\":\"kuesioner\"") && s.contains("\"pilihan\":["));
        assert_eq!(serde_json::from_str::<TemplatLke>(&s).unwrap(), t);
        let bawaan = templat_bawaan();
        let s = serde_json::to_string(&bawaan).unwrap();
        assert!(!s.contains("instrumen") && !s.contains("pilihan") && !s.contains("penjelasan"));
    }

    #[test]
    fn pilihan_yang_salah_ditolak_di_tempatnya() {
        let f = "komponen[1].sub[0].kriteria[0]";
        let ubah = |u: &dyn Fn(&mut KriteriaLke)| {
            let mut t = kuesioner();
            u(&mut t.komponen[1].sub[0].kriteria[0]);
            t.periksa().unwrap_err()
        };
        let g = ubah(&|c| c.pilihan.clear());
        assert_eq!(
            (g.field.as_str(), g.masalah),
            (&*format!("{f}.pilihan"), Masalah::DaftarKosong)
        );
        let g = ubah(&|c| c.pilihan[1].kode = "A".into());
        assert_eq!(
            (g.field, g.masalah),
            (format!("{f}.pilihan[1].kode"), Masalah::Ganda)
        );
        let g = ubah(&|c| c.pilihan[1].kode = "b".into());
        assert_eq!(g.field, format!("{f}.pilihan[1].kode"));
        let g = ubah(&|c| c.pilihan[1].kode = "X".repeat(17));
        assert_eq!(g.field, format!("{f}.pilihan[1].kode"));
        let g = ubah(&|c| c.pilihan[2].nilai = d("1.01"));
        assert_eq!(g.field, format!("{f}.pilihan[2].nilai"));
        let g = ubah(&|c| c.pilihan[2].nilai = d("-0.5"));
        assert_eq!(g.field, format!("{f}.pilihan[2].nilai"));
        let g = ubah(&|c| c.pilihan[0].uraian = " ".into());
        assert_eq!(g.field, format!("{f}.pilihan[0].uraian"));
        let g = ubah(&|c| {
            c.pilihan = (0..=BATAS_PILIHAN)
                .map(|i| opsi(&i.to_string(), "0"))
                .collect()
        });
        assert_eq!(
            (g.field, g.masalah),
            (format!("{f}.pilihan"), Masalah::TerlaluBesar)
        );
        // Jenis baku dengan pilihan: ditolak (nilai dari skala, bukan dari pilihan).
        let g = ubah(&|c| c.jenis = JenisJawaban::AE);
        assert_eq!(g.field, format!("{f}.pilihan"));
        // Kuesioner: bobot komponen berjumlah tepat 100, kode komponen wajib dan unik.
        let mut t = kuesioner();
        t.komponen[1].bobot = d("41");
        t.komponen[1].sub[0].bobot = d("31");
        assert_eq!(t.periksa().unwrap_err().field, "komponen");
        let mut t = kuesioner();
        t.komponen[1].kode = "a".into();
        assert_eq!(t.periksa().unwrap_err().field, "komponen[1].kode");
        let mut t = kuesioner();
        t.komponen.clear();
        assert_eq!(t.periksa().unwrap_err().field, "komponen");
        // AKIP: komponen bebas tetap ditolak.
        let mut t = kuesioner();
        t.instrumen = JenisInstrumen::Akip;
        assert_eq!(t.periksa().unwrap_err().field, "komponen[0].kode");
    }

    #[test]
    fn hasil_kuesioner_memakai_pita_akip() {
        assert_eq!(
            hasil_kuesioner(d("90.004")).unwrap().predikat,
            PredikatAkip::A
        );
        assert_eq!(
            hasil_kuesioner(d("90.005")).unwrap().predikat,
            PredikatAkip::Aa
        );
        assert_eq!(hasil_kuesioner(d("100.01")).unwrap_err().field, "nilai");
    }
}
