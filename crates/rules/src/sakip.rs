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

enum_token! {
    /// Jenis jawaban kriteria LKE.
    pub enum JenisJawaban {
        /// Y/T.
        YaTidak => "ya_tidak",
        /// A–E.
        AE => "a_e",
    }
}

impl JenisJawaban {
    /// Jawaban yang diizinkan.
    pub fn pilihan(self) -> &'static [&'static str] {
        match self {
            JenisJawaban::YaTidak => &["Y", "T"],
            JenisJawaban::AE => &["A", "B", "C", "D", "E"],
        }
    }
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

/// Komponen LKE; kodenya salah satu dari empat komponen PermenPANRB 88/2021.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KomponenLke {
    /// `perencanaan` | `pengukuran` | `pelaporan` | `evaluasi_internal`.
    pub kode: String,
    /// Nama.
    pub nama: String,
    /// Bobot (harus sama dengan bobot regulasi).
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
    /// Nilai tiap jawaban (0–1), mis. `{"Y": "1", "B": "0.75"}`.
    pub skala: BTreeMap<String, Decimal>,
    /// Komponen.
    pub komponen: Vec<KomponenLke>,
}

/// Batas ukuran templat (masukan dari admin, dibaca setiap penilaian).
pub const BATAS_KRITERIA: usize = 500;
const BATAS_TEKS: usize = 1_000;

/// Templat bawaan (PermenPANRB 88/2021; uraian kriteria [R]).
pub const TEMPLAT_BAWAAN_JSON: &str =
    include_str!("../../../data/sakip/lke_permenpanrb_88_2021.json");

/// Templat bawaan, sudah diperiksa.
pub fn templat_bawaan() -> TemplatLke {
    let t: TemplatLke =
        serde_json::from_str(TEMPLAT_BAWAAN_JSON).expect("templat LKE bawaan sah (diuji)");
    t
}

impl TemplatLke {
    /// Memeriksa templat: empat komponen regulasi dengan bobotnya, bobot sub
    /// komponen berjumlah bobot komponen, kode unik, skala 0–1 untuk setiap
    /// pilihan jawaban, ukuran terbatas. Field galat menunjuk letaknya.
    pub fn periksa(&self) -> Result<(), GalatInput> {
        let teks = |s: &str, f: String| {
            if s.trim().is_empty() || s.chars().count() > BATAS_TEKS {
                Err(GalatInput::baru(
                    f,
                    Masalah::PanjangTeks { maks: BATAS_TEKS },
                ))
            } else {
                Ok(())
            }
        };
        teks(&self.nama, "nama".into())?;
        for (j, n) in &self.skala {
            if *n < Decimal::ZERO || *n > Decimal::ONE {
                return Err(GalatInput::baru(
                    format!("skala.{j}"),
                    Masalah::DiLuarRentang {
                        min: Some(Decimal::ZERO),
                        maks: Some(Decimal::ONE),
                    },
                ));
            }
        }
        let bobot_regulasi: BTreeMap<&str, u32> =
            crate::permenpanrb_88_2021::BOBOT.iter().copied().collect();
        let mut kode_komponen = HashSet::new();
        let mut kode = HashSet::new();
        let mut jumlah_kriteria = 0usize;
        for (i, k) in self.komponen.iter().enumerate() {
            let f = format!("komponen[{i}]");
            let Some(b) = bobot_regulasi.get(k.kode.as_str()) else {
                return Err(GalatInput::baru(
                    format!("{f}.kode"),
                    Masalah::PilihanTidakDikenal,
                ));
            };
            if !kode_komponen.insert(k.kode.as_str()) {
                return Err(GalatInput::baru(format!("{f}.kode"), Masalah::Ganda));
            }
            teks(&k.nama, format!("{f}.nama"))?;
            if k.bobot != Decimal::from(*b) {
                return Err(GalatInput::baru(
                    format!("{f}.bobot"),
                    Masalah::MelebihiBobot {
                        bobot: Decimal::from(*b),
                    },
                ));
            }
            let mut jumlah = Decimal::ZERO;
            if k.sub.is_empty() {
                return Err(GalatInput::baru(format!("{f}.sub"), Masalah::DaftarKosong));
            }
            for (s_i, s) in k.sub.iter().enumerate() {
                let fs = format!("{f}.sub[{s_i}]");
                teks(&s.nama, format!("{fs}.nama"))?;
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
                    teks(&c.uraian, format!("{fc}.uraian"))?;
                    teks(&c.kode, format!("{fc}.kode"))?;
                    if !kode.insert(c.kode.clone()) {
                        return Err(GalatInput::baru(format!("{fc}.kode"), Masalah::Ganda));
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
                    jumlah_kriteria += 1;
                }
            }
            if jumlah != k.bobot {
                return Err(GalatInput::baru(
                    format!("{f}.sub"),
                    Masalah::MelebihiBobot { bobot: k.bobot },
                ));
            }
        }
        if kode_komponen.len() != bobot_regulasi.len() {
            return Err(GalatInput::baru("komponen", Masalah::DaftarKosong));
        }
        if jumlah_kriteria > BATAS_KRITERIA {
            return Err(GalatInput::baru("komponen", Masalah::TerlaluBesar));
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

/// Nilai LKE dari jawaban per kode kriteria. Kriteria yang belum dijawab
/// bernilai 0 (dan terhitung di `terjawab`); jawaban di luar pilihan jenisnya
/// galat dengan field = kode kriteria. Hasil akhir lewat `evaluasi_akip`.
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
    for k in &t.komponen {
        let mut sub = Vec::new();
        let mut nilai_k = Decimal::ZERO;
        for s in &k.sub {
            let mut jumlah = Decimal::ZERO;
            let mut dijawab = 0;
            for c in &s.kriteria {
                if let Some(j) = jawaban.get(&c.kode) {
                    if !c.jenis.pilihan().contains(&j.as_str()) {
                        return Err(GalatInput::baru(
                            c.kode.clone(),
                            Masalah::PilihanTidakDikenal,
                        ));
                    }
                    jumlah += t.skala.get(j).copied().unwrap_or_default();
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
    let hasil = evaluasi_akip(&akip)?;
    Ok(NilaiLke {
        komponen,
        hasil,
        terjawab,
        kriteria,
    })
}
