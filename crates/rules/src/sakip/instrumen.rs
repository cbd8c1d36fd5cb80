//! Instrumen penilaian mandiri lain sebagai templat LKE (isu 10): kuesioner
//! yang dibawa plugin WordPress wp-eval-sakip (agusnurwanto/wp-eval-sakip,
//! `public/media/input_kuesioner_mendagri.json` dan
//! `public/media/input_kuesioner.json`, salinan di `data/sakip/`) diubah
//! menjadi [`TemplatLke`] berjenis [`JenisInstrumen::Kuesioner`], sehingga
//! pengisian, bukti, reviu tiga tahap, nilai dan perbandingan tahunan sama
//! dengan LKE AKIP.
//!
//! * **Kuesioner Mendagri** (tingkat kematangan perangkat daerah): satu
//!   komponen per variabel, satu kriteria per variabel dengan pilihan tingkat
//!   1–5 (teks = `indikator`, panduan = `penjelasan` + `bukti_dukung`).
//!   Bobot variabel sama: 100/n dalam sen (0,01), sisa sen dibagikan satu-satu
//!   mulai variabel pertama (11 variabel: 9,10 + 10 × 9,09 = 100) [R].
//!   Nilai tingkat n = n/5 [R], sehingga nilai LKE × 11/20 = "skor
//!   kematangan" plugin (jumlah tingkat 11–55) bila bobotnya tepat sama.
//! * **Kuesioner MenPAN** (evaluasi kelembagaan): satu komponen per dimensi
//!   pilihan ganda (`tipe_soal` 1) berbobot `bobot` dimensi (jumlah 100),
//!   satu kriteria per soal dengan pilihannya. Dimensi esai (`tipe_soal` 0)
//!   tidak dimuat: plugin juga tidak menilainya [S: wp-eval-sakip,
//!   laporan kuesioner menpan hanya menjumlah dimensi `tipe_soal == 1`].
//!   Nilai pilihan [R]: skor Likert 1–N menurut urutan `tipe_jawaban`
//!   (1 = sangat tidak setuju … N = sangat setuju dengan pernyataan), dibalik
//!   untuk pernyataan negatif, dibagi N (4 pilihan: 0,25; 0,5; 0,75; 1).
//!   `bobot` per pilihan di berkas (1,79 untuk semua pilihan semua soal)
//!   tidak dipakai: tidak membedakan jawaban.
//!
//! Fungsi di sini murni: `serde_json::Value` masuk, templat keluar, galat
//! menunjuk jalur di berkas asal (`[3].kuesioner.soal[2].level`).

use super::{
    BATAS_PENJELASAN, BATAS_PILIHAN, BATAS_TEKS, JenisInstrumen, JenisJawaban, KomponenLke,
    KriteriaLke, OpsiJawaban, SubKomponenLke, TemplatLke,
};
use crate::galat::{GalatInput, Masalah};
use rust_decimal::Decimal;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::str::FromStr;

enum_token! {
    /// Format berkas templat LKE yang dimuat admin nasional.
    pub enum FormatTemplat {
        /// JSON [`TemplatLke`] apa adanya (bawaan).
        Lke => "lke",
        /// Kuesioner tingkat kematangan perangkat daerah (Kemendagri) dari
        /// wp-eval-sakip.
        KuesionerMendagri => "kuesioner_mendagri",
        /// Kuesioner evaluasi kelembagaan (KemenPANRB) dari wp-eval-sakip.
        KuesionerMenpan => "kuesioner_menpan",
    }
}

/// Variabel paling banyak (Mendagri) dan dimensi paling banyak (MenPAN).
pub const BATAS_BAGIAN: usize = super::BATAS_KOMPONEN;
/// Tingkat kematangan tertinggi (Mendagri) [S: wp-eval-sakip, tingkat I–V].
pub const TINGKAT_TERTINGGI: u32 = 5;

/// Pernyataan negatif kuesioner MenPAN (setuju = kondisi buruk), dikenali
/// dari awal teksnya (huruf kecil, spasi dirapikan) [R: dibaca tim Kinerja
/// dari teks pernyataan dan pilihannya; 18 dari 62 pernyataan]. Field
/// `polaritas` (`positif`/`negatif`) pada soal di berkas menimpa daftar ini.
pub const PERNYATAAN_NEGATIF_MENPAN: [&str; 18] = [
    "desain organisasi yang ada saat ini perlu disesuaikan",
    "terdapat indikasi bahwa desain organisasi yang ada bersifat terlalu kompleks",
    "terdapat indikasi bahwa desain organisasi yang ada bersifat terlalu sederhana",
    "tingkatan unit organisasi yang ada saat ini",
    "terdapat indikasi adanya tingkatan unit organisasi yang ada tugas dan fungsinya bersifat umum",
    "terdapat indikasi adanya tingkatan unit organisasi yang ada tugas dan fungsinya bersifat spesifik",
    "jumlah cabang dinas/uptd yang dibentuk menunjukkan indikasi melebihi kebutuhan",
    "nomenklatur unit organisasi yang ada saat ini perlu disesuaikan",
    "tugas dan fungsi unit organisasi yang ada saat ini perlu dirumuskan",
    "mekanisme hubungan dan koordinasi antar unit organisasi perlu dirumuskan",
    "kewenangan pengambilan keputusan yang ada saat ini perlu dirumuskan",
    "terdapat indikasi bahwa tingkat manajemen yang lebih tinggi mengambil alih",
    "terdapat indikasi bahwa tingkat manajemen yang lebih rendah mengambil keputusan melebihi",
    "prosedur operasional standar sebagian besar",
    "terdapat indikasi bahwa organisasi lebih berorientasi pada hal-hal yang bersifat rutinitas",
    "risiko-risiko utama organisasi yang telah diidentifikasi belum diukur",
    "organisasi belum menjalankan kebijakan manajemen risiko",
    "sebagian besar proses kerja masih dilaksanakan secara manual",
];

// ---------- pembaca JSON yang toleran, dengan jalur galat ----------

fn galat(f: &str, m: Masalah) -> GalatInput {
    GalatInput::baru(f, m)
}

fn daftar<'a>(v: Option<&'a Value>, f: &str) -> Result<&'a Vec<Value>, GalatInput> {
    match v {
        Some(Value::Array(a)) if !a.is_empty() => Ok(a),
        _ => Err(galat(f, Masalah::DaftarKosong)),
    }
}

/// Isi `kuesioner` bila butir dibungkus (`{"kuesioner": {...}}`), selain itu
/// butir itu sendiri.
fn bungkus(v: &Value, i: usize) -> (&Value, String) {
    match v.get("kuesioner") {
        Some(k) if k.is_object() => (k, format!("[{i}].kuesioner")),
        _ => (v, format!("[{i}]")),
    }
}

/// Teks (string, atau angka ditulis sebagai teks); `None` bila tidak ada,
/// null, atau kosong.
fn teks_opsional(v: Option<&Value>) -> Option<String> {
    let s = match v? {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    let s = s.trim().to_string();
    (!s.is_empty()).then_some(s)
}

fn teks_wajib(v: Option<&Value>, f: &str, maks: usize) -> Result<String, GalatInput> {
    match teks_opsional(v) {
        Some(s) if s.chars().count() <= maks => Ok(s),
        _ => Err(galat(f, Masalah::PanjangTeks { maks })),
    }
}

fn panjang_paling(s: String, f: &str, maks: usize) -> Result<String, GalatInput> {
    if s.chars().count() > maks {
        Err(galat(f, Masalah::PanjangTeks { maks }))
    } else {
        Ok(s)
    }
}

/// Angka desimal dari teks atau angka JSON (dibaca sebagai teks; serde_json
/// memakai `arbitrary_precision`, jadi tidak melewati f64).
fn desimal(v: Option<&Value>) -> Option<Decimal> {
    let s = teks_opsional(v)?;
    Decimal::from_str(&s.replace(',', ".")).ok()
}

/// Bilangan bulat `min..=maks`; `None` bila tidak ada.
fn bulat(v: Option<&Value>, f: &str, min: u32, maks: u32) -> Result<Option<u32>, GalatInput> {
    if teks_opsional(v).is_none() {
        return Ok(None);
    }
    let rentang = || {
        galat(
            f,
            Masalah::DiLuarRentang {
                min: Some(Decimal::from(min)),
                maks: Some(Decimal::from(maks)),
            },
        )
    };
    let d = desimal(v).ok_or_else(rentang)?;
    if d.fract() != Decimal::ZERO || d < Decimal::from(min) || d > Decimal::from(maks) {
        return Err(rentang());
    }
    rust_decimal::prelude::ToPrimitive::to_u32(&d)
        .map(Some)
        .ok_or_else(rentang)
}

/// Teks dari plugin menulis ganti baris sebagai `\n` harfiah.
fn ganti_baris(s: &str) -> String {
    s.replace("\\r\\n", "\n").replace("\\n", "\n")
}

fn angka_romawi(n: u32) -> &'static str {
    [
        "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
    ]
    .get(n as usize)
    .copied()
    .unwrap_or("")
}

/// Bobot sama untuk `n` bagian, dalam sen, berjumlah tepat 100: sisa sen
/// dibagikan satu-satu mulai bagian pertama.
pub fn bobot_sama(n: usize) -> Vec<Decimal> {
    if n == 0 {
        return Vec::new();
    }
    let sen = 10_000u32;
    let n32 = u32::try_from(n).unwrap_or(u32::MAX);
    let dasar = sen / n32;
    let sisa = sen % n32;
    (0..n32)
        .map(|i| Decimal::new(i64::from(dasar + u32::from(i < sisa)), 2))
        .collect()
}

// ---------- Kuesioner Mendagri ----------

/// Kuesioner tingkat kematangan perangkat daerah (Kemendagri, wp-eval-sakip):
/// larik variabel `{kuesioner: {nama, nomor_urut, deskripsi, soal: [{level,
/// indikator, penjelasan, bukti_dukung}]}}` menjadi templat LKE.
pub fn dari_kuesioner_mendagri(v: &Value) -> Result<TemplatLke, GalatInput> {
    let butir = match v {
        Value::Array(a) if !a.is_empty() => a,
        _ => return Err(galat("kuesioner", Masalah::DaftarKosong)),
    };
    if butir.len() > BATAS_BAGIAN {
        return Err(galat("kuesioner", Masalah::TerlaluBesar));
    }
    let bobot = bobot_sama(butir.len());
    let mut komponen = Vec::with_capacity(butir.len());
    for (i, (b, w)) in butir.iter().zip(bobot).enumerate() {
        let (k, f) = bungkus(b, i);
        let nama = teks_wajib(k.get("nama"), &format!("{f}.nama"), BATAS_TEKS)?;
        let deskripsi = match teks_opsional(k.get("deskripsi")) {
            Some(d) => panjang_paling(d, &format!("{f}.deskripsi"), BATAS_TEKS)?,
            None => nama.clone(),
        };
        let soal = daftar(k.get("soal"), &format!("{f}.soal"))?;
        if soal.len() > BATAS_PILIHAN {
            return Err(galat(&format!("{f}.soal"), Masalah::TerlaluBesar));
        }
        let mut pilihan: BTreeMap<u32, OpsiJawaban> = BTreeMap::new();
        for (j, s) in soal.iter().enumerate() {
            let fs = format!("{f}.soal[{j}]");
            let level = bulat(s.get("level"), &format!("{fs}.level"), 1, TINGKAT_TERTINGGI)?
                .ok_or_else(|| {
                    galat(
                        &format!("{fs}.level"),
                        Masalah::DiLuarRentang {
                            min: Some(Decimal::ONE),
                            maks: Some(Decimal::from(TINGKAT_TERTINGGI)),
                        },
                    )
                })?;
            let indikator = teks_wajib(s.get("indikator"), &format!("{fs}.indikator"), BATAS_TEKS)?;
            let mut panduan = teks_opsional(s.get("penjelasan")).map(|p| ganti_baris(&p));
            if let Some(bukti) = teks_opsional(s.get("bukti_dukung")) {
                let bukti = format!("Bukti dukung:\n{}", ganti_baris(&bukti));
                panduan = Some(match panduan {
                    Some(p) => format!("{p}\n{bukti}"),
                    None => bukti,
                });
            }
            let penjelasan = panjang_paling(
                panduan.unwrap_or_default(),
                &format!("{fs}.bukti_dukung"),
                BATAS_PENJELASAN,
            )?;
            let opsi = OpsiJawaban {
                kode: level.to_string(),
                uraian: indikator,
                nilai: Decimal::from(level) / Decimal::from(TINGKAT_TERTINGGI),
                penjelasan,
            };
            if pilihan.insert(level, opsi).is_some() {
                return Err(galat(&format!("{fs}.level"), Masalah::Ganda));
            }
        }
        let n = i + 1;
        komponen.push(KomponenLke {
            kode: format!("variabel_{n}"),
            nama: panjang_paling(format!("{nama}: {deskripsi}"), &format!("{f}.deskripsi"), BATAS_TEKS)?,
            bobot: w,
            sub: vec![SubKomponenLke {
                kode: format!("{n}.a"),
                nama: panjang_paling(
                    format!("Tingkat kematangan {deskripsi}"),
                    &format!("{f}.deskripsi"),
                    BATAS_TEKS,
                )?,
                bobot: w,
                kriteria: vec![KriteriaLke {
                    kode: format!("{n}.a.1"),
                    uraian: panjang_paling(
                        format!(
                            "Pilih tingkat (I–V) yang paling menggambarkan perangkat daerah: {deskripsi}"
                        ),
                        &format!("{f}.deskripsi"),
                        BATAS_TEKS,
                    )?,
                    jenis: JenisJawaban::Pilihan,
                    pilihan: pilihan
                        .into_values()
                        .map(|mut o| {
                            let r = o.kode.parse::<u32>().map(angka_romawi).unwrap_or("");
                            if !r.is_empty() {
                                o.uraian = format!("Tingkat {r}: {}", o.uraian);
                            }
                            o
                        })
                        .collect(),
                    penjelasan: String::new(),
                }],
            }],
        });
    }
    let t = TemplatLke {
        nama: "Kuesioner tingkat kematangan perangkat daerah (Kemendagri)".into(),
        sumber: format!(
            "Kuesioner Mendagri dari plugin wp-eval-sakip (agusnurwanto/wp-eval-sakip, \
             public/media/input_kuesioner_mendagri.json, GPLv2 atau sesudahnya): {} variabel, \
             tingkat kematangan I–V. Konversi Kinerja [R]: bobot variabel sama (100/{}, sisa 0,01 \
             ke variabel awal), nilai tingkat n = n/5; nilai × {}/20 ≈ skor kematangan plugin \
             (jumlah tingkat). Pita predikat: pita AKIP Kinerja [R].",
            komponen.len(),
            komponen.len(),
            komponen.len()
        ),
        instrumen: JenisInstrumen::Kuesioner,
        skala: BTreeMap::new(),
        komponen,
    };
    t.periksa()?;
    Ok(t)
}

// ---------- Kuesioner MenPAN ----------

/// Pernyataan ini negatif (setuju = kondisi buruk)? Field `polaritas` pada
/// soal menang; selain itu [`PERNYATAAN_NEGATIF_MENPAN`].
fn negatif(soal: &Value, teks: &str, f: &str) -> Result<bool, GalatInput> {
    match teks_opsional(soal.get("polaritas")).as_deref() {
        Some("negatif") => return Ok(true),
        Some("positif") => return Ok(false),
        Some(_) => return Err(galat(f, Masalah::PilihanTidakDikenal)),
        None => {}
    }
    let rapi = teks
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    Ok(PERNYATAAN_NEGATIF_MENPAN
        .iter()
        .any(|p| rapi.starts_with(p)))
}

/// Kuesioner evaluasi kelembagaan (KemenPANRB, wp-eval-sakip): larik dimensi
/// `{kuesioner: {nama_kuesioner, no_urut, bobot, tipe_soal, soal: [{soal,
/// no_urut, penjelasan, jawaban: [{jawaban, bobot, no_urut, tipe_jawaban}]}]}}`
/// menjadi templat LKE. Dimensi `tipe_soal` 0 (esai) dilewati; bobot dimensi
/// pilihan ganda harus berjumlah 100.
pub fn dari_kuesioner_menpan(v: &Value) -> Result<TemplatLke, GalatInput> {
    let butir = match v {
        Value::Array(a) if !a.is_empty() => a,
        _ => return Err(galat("kuesioner", Masalah::DaftarKosong)),
    };
    if butir.len() > BATAS_BAGIAN {
        return Err(galat("kuesioner", Masalah::TerlaluBesar));
    }
    let mut komponen = Vec::new();
    let (mut esai, mut soal_esai, mut jumlah_negatif) = (0usize, 0usize, 0usize);
    let mut jumlah_bobot = Decimal::ZERO;
    let mut jumlah_kriteria = 0usize;
    for (i, b) in butir.iter().enumerate() {
        let (k, f) = bungkus(b, i);
        let nama = teks_wajib(
            k.get("nama_kuesioner"),
            &format!("{f}.nama_kuesioner"),
            BATAS_TEKS,
        )?;
        let tipe = bulat(k.get("tipe_soal"), &format!("{f}.tipe_soal"), 0, 1)?.unwrap_or(1);
        if tipe == 0 {
            esai += 1;
            soal_esai += k.get("soal").and_then(Value::as_array).map_or(0, Vec::len);
            continue;
        }
        let fb = format!("{f}.bobot");
        let bobot = desimal(k.get("bobot"))
            .filter(|b| *b > Decimal::ZERO && *b <= Decimal::ONE_HUNDRED)
            .ok_or_else(|| {
                galat(
                    &fb,
                    Masalah::DiLuarRentang {
                        min: Some(Decimal::ZERO),
                        maks: Some(Decimal::ONE_HUNDRED),
                    },
                )
            })?;
        jumlah_bobot += bobot;
        let n = i + 1;
        let soal = daftar(k.get("soal"), &format!("{f}.soal"))?;
        let mut kriteria = Vec::with_capacity(soal.len());
        for (j, s) in soal.iter().enumerate() {
            let fs = format!("{f}.soal[{j}]");
            let uraian = teks_wajib(s.get("soal"), &format!("{fs}.soal"), BATAS_TEKS)?;
            let penjelasan = panjang_paling(
                teks_opsional(s.get("penjelasan"))
                    .map(|p| ganti_baris(&p))
                    .unwrap_or_default(),
                &format!("{fs}.penjelasan"),
                BATAS_PENJELASAN,
            )?;
            let neg = negatif(s, &uraian, &format!("{fs}.polaritas"))?;
            jumlah_negatif += usize::from(neg);
            let jawaban = daftar(s.get("jawaban"), &format!("{fs}.jawaban"))?;
            let banyak = jawaban.len();
            if !(2..=BATAS_PILIHAN).contains(&banyak) {
                return Err(galat(
                    &format!("{fs}.jawaban"),
                    Masalah::DiLuarRentang {
                        min: Some(Decimal::from(2)),
                        maks: Some(Decimal::from(BATAS_PILIHAN)),
                    },
                ));
            }
            let banyak32 = u32::try_from(banyak).unwrap_or(u32::MAX);
            // Urutan persetujuan: tipe_jawaban bila ada, selain itu urutan di berkas.
            let mut urut: BTreeMap<u32, String> = BTreeMap::new();
            for (o_i, o) in jawaban.iter().enumerate() {
                let fo = format!("{fs}.jawaban[{o_i}]");
                let teks = teks_wajib(o.get("jawaban"), &format!("{fo}.jawaban"), BATAS_TEKS)?;
                let posisi = u32::try_from(o_i + 1).unwrap_or(u32::MAX);
                let t = bulat(
                    o.get("tipe_jawaban"),
                    &format!("{fo}.tipe_jawaban"),
                    1,
                    banyak32,
                )?
                .unwrap_or(posisi);
                if urut.insert(t, teks).is_some() {
                    return Err(galat(&format!("{fo}.tipe_jawaban"), Masalah::Ganda));
                }
            }
            let pilihan = urut
                .into_iter()
                .map(|(t, teks)| {
                    let skor = if neg { banyak32 + 1 - t } else { t };
                    OpsiJawaban {
                        kode: t.to_string(),
                        uraian: teks,
                        nilai: Decimal::from(skor) / Decimal::from(banyak32),
                        penjelasan: String::new(),
                    }
                })
                .collect();
            jumlah_kriteria += 1;
            kriteria.push(KriteriaLke {
                kode: format!("{n}.a.{}", j + 1),
                uraian,
                jenis: JenisJawaban::Pilihan,
                pilihan,
                penjelasan,
            });
        }
        komponen.push(KomponenLke {
            kode: format!("dimensi_{n}"),
            nama: nama.clone(),
            bobot,
            sub: vec![SubKomponenLke {
                kode: format!("{n}.a"),
                nama,
                bobot,
                kriteria,
            }],
        });
    }
    if komponen.is_empty() {
        return Err(galat("kuesioner", Masalah::DaftarKosong));
    }
    if jumlah_bobot != Decimal::ONE_HUNDRED {
        return Err(galat(
            "kuesioner[*].bobot",
            Masalah::DiLuarRentang {
                min: Some(Decimal::ONE_HUNDRED),
                maks: Some(Decimal::ONE_HUNDRED),
            },
        ));
    }
    let t = TemplatLke {
        nama: "Kuesioner evaluasi kelembagaan (KemenPANRB)".into(),
        sumber: format!(
            "Kuesioner MenPAN dari plugin wp-eval-sakip (agusnurwanto/wp-eval-sakip, \
             public/media/input_kuesioner.json, GPLv2 atau sesudahnya): {} dimensi pilihan ganda, \
             {} pernyataan, bobot dimensi dari berkas. {} dimensi esai ({} pertanyaan, tipe_soal 0) \
             tidak dimuat karena tidak dinilai. Nilai jawaban [R]: skor Likert menurut \
             tipe_jawaban (sangat tidak setuju → sangat setuju), dibalik untuk {} pernyataan \
             negatif, dibagi banyak pilihan; bobot pilihan di berkas tidak dipakai. Pita predikat: \
             pita AKIP Kinerja [R].",
            komponen.len(),
            jumlah_kriteria,
            esai,
            soal_esai,
            jumlah_negatif
        ),
        instrumen: JenisInstrumen::Kuesioner,
        skala: BTreeMap::new(),
        komponen,
    };
    t.periksa()?;
    Ok(t)
}

/// Kode pernyataan negatif sebuah templat MenPAN hasil konversi (untuk
/// pemeriksaan dan dokumentasi): kriteria yang pilihan pertamanya bernilai 1.
pub fn kriteria_negatif(t: &TemplatLke) -> BTreeSet<String> {
    t.kriteria()
        .filter(|c| c.pilihan.first().is_some_and(|o| o.nilai == Decimal::ONE))
        .map(|c| c.kode.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::permenpanrb_88_2021::PredikatAkip;
    use crate::sakip::nilai_lke;

    const MENDAGRI: &str =
        include_str!("../../../../data/sakip/wp-eval-sakip_kuesioner_mendagri.json");
    const MENPAN: &str = include_str!("../../../../data/sakip/wp-eval-sakip_kuesioner_menpan.json");

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn mendagri() -> TemplatLke {
        dari_kuesioner_mendagri(&serde_json::from_str(MENDAGRI).unwrap()).unwrap()
    }

    fn menpan() -> TemplatLke {
        dari_kuesioner_menpan(&serde_json::from_str(MENPAN).unwrap()).unwrap()
    }

    #[test]
    fn format_bertoken() {
        assert_eq!(
            FormatTemplat::dari_token("kuesioner_menpan"),
            Some(FormatTemplat::KuesionerMenpan)
        );
        assert_eq!(
            FormatTemplat::TOKEN,
            ["lke", "kuesioner_mendagri", "kuesioner_menpan"]
        );
    }

    #[test]
    fn bobot_sama_berjumlah_tepat_seratus() {
        for n in 1..=BATAS_BAGIAN {
            let b = bobot_sama(n);
            assert_eq!(
                b.iter().copied().sum::<Decimal>(),
                Decimal::ONE_HUNDRED,
                "n = {n}"
            );
            let maks = b.iter().max().unwrap();
            let min = b.iter().min().unwrap();
            assert!(*maks - *min <= d("0.01"));
        }
        assert_eq!(bobot_sama(11)[0], d("9.10"));
        assert_eq!(bobot_sama(11)[1], d("9.09"));
        assert_eq!(bobot_sama(3), [d("33.34"), d("33.33"), d("33.33")]);
    }

    #[test]
    fn mendagri_sebelas_variabel_lima_tingkat() {
        let t = mendagri();
        assert_eq!(t.instrumen, JenisInstrumen::Kuesioner);
        assert_eq!(t.komponen.len(), 11);
        assert_eq!(t.kriteria().count(), 11);
        let jumlah: Decimal = t.komponen.iter().map(|k| k.bobot).sum();
        assert_eq!(jumlah, Decimal::ONE_HUNDRED);
        assert_eq!(t.komponen[0].bobot, d("9.10"));
        assert!(t.komponen[1..].iter().all(|k| k.bobot == d("9.09")));
        assert_eq!(
            t.komponen[0].nama,
            "Variabel I: Perencanaan Pembangunan Daerah"
        );
        assert_eq!(t.komponen[10].kode, "variabel_11");
        for c in t.kriteria() {
            assert_eq!(c.jenis, JenisJawaban::Pilihan);
            assert_eq!(c.kode_pilihan(), ["1", "2", "3", "4", "5"]);
            let nilai: Vec<_> = c.pilihan.iter().map(|o| o.nilai).collect();
            assert_eq!(nilai, [d("0.2"), d("0.4"), d("0.6"), d("0.8"), d("1")]);
            assert!(
                c.pilihan
                    .iter()
                    .all(|o| o.penjelasan.contains("\nBukti dukung:\n"))
            );
            assert!(!c.pilihan.iter().any(|o| o.penjelasan.contains("\\n")));
        }
        let c = t.kriteria().next().unwrap();
        assert!(
            c.pilihan[0]
                .uraian
                .starts_with("Tingkat I: Penentuan kegiatan")
        );
        // Bita JSON templat hasil konversi kembali ke struktur yang sama.
        let s = serde_json::to_string(&t).unwrap();
        assert!(s.contains("\"instrumen\":\"kuesioner\""));
        assert_eq!(serde_json::from_str::<TemplatLke>(&s).unwrap(), t);
    }

    #[test]
    fn mendagri_nilai_contoh_eksak() {
        let t = mendagri();
        // Tingkat V di variabel I, IV di II, III di sembilan sisanya:
        // 9,10 × 1 + 9,09 × 0,8 + 9 × 9,09 × 0,6 = 9,10 + 7,272 + 49,086 = 65,458.
        let mut jawab = BTreeMap::new();
        for (i, c) in t.kriteria().enumerate() {
            let level = match i {
                0 => "5",
                1 => "4",
                _ => "3",
            };
            jawab.insert(c.kode.clone(), level.to_string());
        }
        let n = nilai_lke(&t, &jawab).unwrap();
        assert_eq!(n.hasil.nilai, d("65.458"));
        assert_eq!(n.hasil.nilai_bulat, d("65.46"));
        assert_eq!(n.hasil.predikat, PredikatAkip::B);
        assert_eq!((n.terjawab, n.kriteria), (11, 11));
        // Skor kematangan plugin: 5 + 4 + 27 = 36 ≈ 65,458 × 11/20 = 36,0019.
        // Semua tingkat III: tepat 60; semua V: 100, AA; kosong: 0, D.
        let semua = |x: &str| -> BTreeMap<String, String> {
            t.kriteria()
                .map(|c| (c.kode.clone(), x.to_string()))
                .collect()
        };
        assert_eq!(nilai_lke(&t, &semua("3")).unwrap().hasil.nilai, d("60"));
        let lima = nilai_lke(&t, &semua("5")).unwrap().hasil;
        assert_eq!((lima.nilai, lima.predikat), (d("100"), PredikatAkip::Aa));
        let nol = nilai_lke(&t, &BTreeMap::new()).unwrap().hasil;
        assert_eq!((nol.nilai, nol.predikat), (Decimal::ZERO, PredikatAkip::D));
        // Tingkat di luar 1–5: galat di kode kriteria.
        let salah = BTreeMap::from([("1.a.1".to_string(), "6".to_string())]);
        assert_eq!(nilai_lke(&t, &salah).unwrap_err().field, "1.a.1");
    }

    #[test]
    fn menpan_delapan_dimensi_berbobot_berkas() {
        let t = menpan();
        assert_eq!(t.instrumen, JenisInstrumen::Kuesioner);
        let nama_bobot: Vec<(&str, Decimal)> = t
            .komponen
            .iter()
            .map(|k| (k.nama.as_str(), k.bobot))
            .collect();
        assert_eq!(
            nama_bobot,
            [
                ("Kompleksitas", d("25")),
                ("Formalisasi", d("12.5")),
                ("Sentralisasi", d("12.5")),
                ("Keselarasan", d("10")),
                (
                    "Tata Kelola (Governance) dan Kepatuhan (Compliance)",
                    d("10")
                ),
                ("Perbaikan dan Peningkatan Proses", d("10")),
                ("Manajemen Risiko", d("10")),
                ("Teknologi Informasi", d("10")),
            ]
        );
        let per_dimensi: Vec<usize> = t.komponen.iter().map(|k| k.sub[0].kriteria.len()).collect();
        assert_eq!(per_dimensi, [14, 7, 11, 8, 7, 4, 6, 5]);
        assert_eq!(t.kriteria().count(), 62);
        assert!(
            t.kriteria()
                .all(|c| c.kode_pilihan() == ["1", "2", "3", "4"])
        );
        assert!(t.sumber.contains("2 dimensi esai (11 pertanyaan"));
        // 18 pernyataan negatif, masing-masing dikenali tepat satu awalan.
        let neg = kriteria_negatif(&t);
        assert_eq!(neg.len(), PERNYATAAN_NEGATIF_MENPAN.len());
        for p in PERNYATAAN_NEGATIF_MENPAN {
            let cocok = t
                .kriteria()
                .filter(|c| {
                    c.uraian
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                        .to_lowercase()
                        .starts_with(p)
                })
                .count();
            assert_eq!(cocok, 1, "{p}");
        }
        assert!(neg.contains("1.a.1") && neg.contains("8.a.4") && !neg.contains("1.a.7"));
        let k1 = t.kriteria().next().unwrap();
        let nilai: Vec<_> = k1.pilihan.iter().map(|o| o.nilai).collect();
        assert_eq!(nilai, [d("1"), d("0.75"), d("0.5"), d("0.25")]);
        assert!(
            k1.pilihan[0]
                .uraian
                .starts_with("Tidak diperlukan penyesuaian")
        );
        assert!(k1.penjelasan.starts_with("Pernyataan ini dimaksudkan"));
        let k7 = t.kriteria().nth(6).unwrap();
        let nilai: Vec<_> = k7.pilihan.iter().map(|o| o.nilai).collect();
        assert_eq!(nilai, [d("0.25"), d("0.5"), d("0.75"), d("1")]);
    }

    #[test]
    fn menpan_nilai_contoh_eksak() {
        let t = menpan();
        // Semua jawaban terbaik: 100, AA. Semua "S" (tipe 3): positif 0,75,
        // negatif 0,5. Kompleksitas 8 negatif dari 14:
        // 25 × (6 × 0,75 + 8 × 0,5) / 14 = 25 × 8,5 / 14 = 15,178571…
        let terbaik: BTreeMap<String, String> = t
            .kriteria()
            .map(|c| {
                let o = c.pilihan.iter().max_by_key(|o| o.nilai).unwrap();
                (c.kode.clone(), o.kode.clone())
            })
            .collect();
        let n = nilai_lke(&t, &terbaik).unwrap();
        assert_eq!(
            (n.hasil.nilai, n.hasil.predikat),
            (d("100"), PredikatAkip::Aa)
        );
        let setuju: BTreeMap<String, String> = t
            .kriteria()
            .map(|c| (c.kode.clone(), "3".to_string()))
            .collect();
        let n = nilai_lke(&t, &setuju).unwrap();
        let kompleksitas = n.komponen[0].nilai;
        assert_eq!(angka_bulat(kompleksitas), d("15.18"));
        // Per dimensi (bobot × (positif × 0,75 + negatif × 0,5) ÷ soal):
        // Formalisasi 12,5 × (5 × 0,75 + 2 × 0,5)/7 = 8,482142…;
        // Sentralisasi 12,5 × (8 × 0,75 + 3 × 0,5)/11 = 8,522727…;
        // Keselarasan, Tata Kelola: 7,5; Perbaikan 10 × (2 × 0,75 + 2 × 0,5)/4 = 6,25;
        // Manajemen risiko 10 × (4 × 0,75 + 2 × 0,5)/6 = 6,666…; TI 10 × (4 × 0,75 + 0,5)/5 = 7.
        let ekspektasi = [
            "15.18", "8.48", "8.52", "7.50", "7.50", "6.25", "6.67", "7.00",
        ];
        let dapat: Vec<Decimal> = n.komponen.iter().map(|k| angka_bulat(k.nilai)).collect();
        assert_eq!(dapat, ekspektasi.map(d));
        // Jumlah eksak 124001/1848 = 67,100108… → 67,10, B.
        assert_eq!(n.hasil.nilai_bulat, d("67.10"));
        assert_eq!(n.hasil.predikat, PredikatAkip::B);
    }

    fn angka_bulat(x: Decimal) -> Decimal {
        crate::angka::bulatkan(x)
    }

    #[test]
    fn berkas_rusak_ditolak_di_jalurnya() {
        let v: Value = serde_json::json!([{"kuesioner": {"nama": "Variabel I", "soal": [
            {"level": "1", "indikator": "a"}, {"level": "1", "indikator": "b"}]}}]);
        assert_eq!(
            dari_kuesioner_mendagri(&v).unwrap_err().field,
            "[0].kuesioner.soal[1].level"
        );
        let v: Value = serde_json::json!([{"kuesioner": {"nama": "Variabel I", "soal": [
            {"level": "7", "indikator": "a"}]}}]);
        assert_eq!(
            dari_kuesioner_mendagri(&v).unwrap_err().field,
            "[0].kuesioner.soal[0].level"
        );
        let v: Value = serde_json::json!([{"kuesioner": {"nama": "Variabel I", "soal": [
            {"level": 2, "indikator": ""}]}}]);
        assert_eq!(
            dari_kuesioner_mendagri(&v).unwrap_err().field,
            "[0].kuesioner.soal[0].indikator"
        );
        // Satu variabel tanpa deskripsi: nama dipakai; level angka JSON diterima.
        let v: Value = serde_json::json!([{"nama": "Variabel I", "soal": [
            {"level": 2, "indikator": "x"}]}]);
        let t = dari_kuesioner_mendagri(&v).unwrap();
        assert_eq!(t.komponen[0].bobot, Decimal::ONE_HUNDRED);
        assert_eq!(t.kriteria().next().unwrap().pilihan[0].nilai, d("0.4"));
        assert_eq!(
            dari_kuesioner_mendagri(&serde_json::json!({}))
                .unwrap_err()
                .field,
            "kuesioner"
        );
        // MenPAN: bobot dimensi hilang, jawaban kurang, tipe ganda, jumlah bobot.
        let soal = serde_json::json!([{"soal": "Organisasi telah baik", "jawaban": [
            {"jawaban": "tidak", "tipe_jawaban": "1"}, {"jawaban": "ya", "tipe_jawaban": "2"}]}]);
        let v = serde_json::json!([{"kuesioner": {"nama_kuesioner": "A", "tipe_soal": "1", "soal": soal}}]);
        assert_eq!(
            dari_kuesioner_menpan(&v).unwrap_err().field,
            "[0].kuesioner.bobot"
        );
        let v = serde_json::json!([{"kuesioner": {"nama_kuesioner": "A", "bobot": "60", "soal": soal}}]);
        assert_eq!(
            dari_kuesioner_menpan(&v).unwrap_err().field,
            "kuesioner[*].bobot"
        );
        let v = serde_json::json!([
            {"kuesioner": {"nama_kuesioner": "A", "bobot": "60", "soal": soal}},
            {"kuesioner": {"nama_kuesioner": "B", "bobot": 40, "soal": soal}},
            {"kuesioner": {"nama_kuesioner": "Esai", "bobot": "50", "tipe_soal": "0",
                "soal": [{"soal": "Uraikan", "jawaban": [{"jawaban": "", "tipe_jawaban": "5"}]}]}}]);
        let t = dari_kuesioner_menpan(&v).unwrap();
        assert_eq!(t.komponen.len(), 2);
        assert_eq!(t.kriteria().next().unwrap().pilihan[1].nilai, Decimal::ONE);
        let v = serde_json::json!([{"kuesioner": {"nama_kuesioner": "A", "bobot": "100", "soal": [
            {"soal": "x", "jawaban": [{"jawaban": "a"}]}]}}]);
        assert_eq!(
            dari_kuesioner_menpan(&v).unwrap_err().field,
            "[0].kuesioner.soal[0].jawaban"
        );
        let v = serde_json::json!([{"kuesioner": {"nama_kuesioner": "A", "bobot": "100", "soal": [
            {"soal": "x", "jawaban": [{"jawaban": "a", "tipe_jawaban": "2"},
                {"jawaban": "b", "tipe_jawaban": "2"}]}]}}]);
        assert_eq!(
            dari_kuesioner_menpan(&v).unwrap_err().field,
            "[0].kuesioner.soal[0].jawaban[1].tipe_jawaban"
        );
        // Polaritas eksplisit menimpa daftar: "negatif" membalik skor.
        let v = serde_json::json!([{"kuesioner": {"nama_kuesioner": "A", "bobot": "100", "soal": [
            {"soal": "x", "polaritas": "negatif", "jawaban": [{"jawaban": "a"}, {"jawaban": "b"},
                {"jawaban": "c"}, {"jawaban": "d"}]}]}}]);
        let t = dari_kuesioner_menpan(&v).unwrap();
        let nilai: Vec<_> = t
            .kriteria()
            .next()
            .unwrap()
            .pilihan
            .iter()
            .map(|o| o.nilai)
            .collect();
        assert_eq!(nilai, [d("1"), d("0.75"), d("0.5"), d("0.25")]);
    }
}
