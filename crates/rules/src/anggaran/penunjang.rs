//! Belanja penunjang: kelompok kode rekening (dapat diatur) dan kata penunjang
//! dalam nama atau uraian (dicocokkan setelah kata dasar diambil).
//!
//! Tidak ada ambang numerik resmi untuk porsi honorarium, perjalanan dinas dan
//! rapat dalam satu sub kegiatan [S]; daftar ini kebijakan Kinerja [R] yang
//! mengikuti yang ada: Inpres 1/2025 (perjalanan dinas dipotong 50 %,
//! seremonial, kajian, studi banding, seminar dan FGD dibatasi, honorarium dan
//! tim dibatasi) dan contoh Presiden 2023 (anggaran stunting habis untuk
//! perjalanan dinas dan rapat).

use super::data::normalkan_rekening;
use crate::pemotong::pemotong;
use serde::{Deserialize, Serialize};

/// Satu kelompok belanja penunjang: kode rekening yang termasuk. Sebuah kode
/// termasuk kelompok bila sama dengan salah satu kodenya atau diawali kode itu
/// diikuti titik (`5.1.02.04` memuat `5.1.02.04.01.0001`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KelompokPenunjang {
    /// Nama kelompok (token snake_case, tampil di bukti).
    pub nama: String,
    /// Kode rekening (awalan per segmen).
    pub kode: Vec<String>,
}

/// Daftar kelompok belanja penunjang; `Default` = daftar terdokumentasi [R]
/// (docs/aturan-anggaran.md).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct BelanjaPenunjang {
    /// Kelompok, dalam urutan pemeriksaan.
    pub kelompok: Vec<KelompokPenunjang>,
}

fn kelompok(nama: &str, kode: &[&str]) -> KelompokPenunjang {
    KelompokPenunjang {
        nama: nama.to_string(),
        kode: kode.iter().map(|k| k.to_string()).collect(),
    }
}

impl Default for BelanjaPenunjang {
    fn default() -> Self {
        let honor: Vec<String> = std::iter::once("5.1.01.03.07".to_string())
            .chain((3..=12).map(|n| format!("5.1.02.02.01.{n:04}")))
            .collect();
        BelanjaPenunjang {
            kelompok: vec![
                KelompokPenunjang {
                    nama: "honorarium".into(),
                    kode: honor,
                },
                kelompok("perjalanan_dinas", &["5.1.02.04"]),
                kelompok(
                    "makan_minum_rapat_dan_tamu",
                    &["5.1.02.01.01.0052", "5.1.02.01.01.0053"],
                ),
                kelompok(
                    "sosialisasi_dan_bimtek",
                    &["5.1.02.02.12.0002", "5.1.02.02.12.0003"],
                ),
                kelompok("alat_tulis_kantor", &["5.1.02.01.01.0024"]),
            ],
        }
    }
}

impl BelanjaPenunjang {
    /// Kelompok bawaan untuk kementerian/lembaga (akun BAS enam digit) [R]:
    /// perjalanan dinas biasa, dalam kota, paket rapat dalam dan luar kota
    /// (524111, 524113, 524114, 524119) dan honor output kegiatan (521213).
    /// Konsumsi rapat K/L tercampur di belanja bahan (521211), jadi tidak
    /// dapat dipisahkan; instansi dapat menambah kelompok lewat konfigurasi.
    pub fn kl() -> Self {
        BelanjaPenunjang {
            kelompok: vec![
                kelompok("honorarium", &["521213"]),
                kelompok(
                    "perjalanan_dinas",
                    &["524111", "524113", "524114", "524119"],
                ),
            ],
        }
    }
}

/// `kode` sama dengan `awalan` atau diawali `awalan` diikuti titik.
fn diawali(kode: &str, awalan: &str) -> bool {
    kode == awalan
        || kode
            .strip_prefix(awalan)
            .is_some_and(|sisa| sisa.starts_with('.'))
}

impl BelanjaPenunjang {
    /// Kelompok tempat kode rekening itu termasuk (kode dinormalkan dulu), bila ada.
    pub fn kelompok_dari(&self, kode_rekening: &str) -> Option<&KelompokPenunjang> {
        let kode = normalkan_rekening(kode_rekening);
        self.kelompok.iter().find(|k| {
            k.kode
                .iter()
                .any(|a| diawali(&kode, &normalkan_rekening(a)))
        })
    }
}

/// Satu pola kata: kata dasar (hasil pemotongan imbuhan) atau awalan bentuk
/// tertulis (untuk kata yang kata dasarnya bermakna lain).
#[derive(Clone, Copy)]
enum Pola {
    /// Kata dasar sama persis (`menyosialisasikan` → `sosialisasi`).
    Dasar(&'static str),
    /// Bentuk tertulis (huruf kecil) diawali teks ini. Dipakai untuk
    /// `perjalanan`: kata dasarnya `jalan`, yang juga berarti jalan raya.
    Awalan(&'static str),
    /// Salah satu dari dua pola.
    Atau(&'static Pola, &'static Pola),
}

impl Pola {
    fn cocok(self, token: &Token) -> bool {
        match self {
            Pola::Dasar(d) => token.dasar == d,
            Pola::Awalan(a) => token.kecil.starts_with(a),
            Pola::Atau(a, b) => a.cocok(token) || b.cocok(token),
        }
    }
}

/// Kata penunjang: label yang ditampilkan dan urutan pola yang harus berurutan.
const KATA: &[(&str, &[Pola])] = &[
    ("seminar", &[Pola::Dasar("seminar")]),
    (
        "studi banding",
        &[Pola::Dasar("studi"), Pola::Dasar("banding")],
    ),
    ("rapat", &[Pola::Dasar("rapat")]),
    ("sosialisasi", &[Pola::Dasar("sosialisasi")]),
    (
        "bimbingan teknis",
        &[Pola::Dasar("bimbing"), Pola::Dasar("teknis")],
    ),
    ("bimtek", &[Pola::Dasar("bimtek")]),
    ("workshop", &[Pola::Dasar("workshop")]),
    ("lokakarya", &[Pola::Dasar("lokakarya")]),
    ("FGD", &[Pola::Dasar("fgd")]),
    (
        "FGD",
        &[
            Pola::Dasar("focus"),
            Pola::Dasar("group"),
            Pola::Dasar("discussion"),
        ],
    ),
    ("sarasehan", &[Pola::Dasar("sarasehan")]),
    ("perjalanan", &[Pola::Awalan("perjalanan")]),
    ("koordinasi", &[Pola::Dasar("koordinasi")]),
    ("konsultasi", &[Pola::Dasar("konsultasi")]),
    (
        "honor",
        &[Pola::Atau(&Pola::Dasar("honor"), &Pola::Awalan("honorari"))],
    ),
];

/// Kata penunjang yang dicari, dalam urutan daftar (untuk dokumentasi dan tes).
pub fn daftar_kata_penunjang() -> Vec<&'static str> {
    let mut v: Vec<&str> = KATA.iter().map(|(l, _)| *l).collect();
    v.dedup();
    v
}

struct Token {
    kecil: String,
    dasar: String,
}

/// Token teks (dipisah spasi dan tanda baca) dengan kata dasarnya.
fn token(teks: &str) -> Vec<Token> {
    let pemotong = pemotong();
    teks.split(|c: char| c.is_whitespace() || c.is_ascii_punctuation())
        .filter(|s| !s.is_empty())
        .map(|s| {
            let kecil = s.to_lowercase();
            let dasar = pemotong.stem_word(&kecil).into_owned();
            Token { kecil, dasar }
        })
        .collect()
}

/// Kata dasar teks, tanpa kata henti (untuk satuan indikator).
pub(crate) fn kata_dasar(teks: &str) -> Vec<String> {
    let pemotong = pemotong();
    token(teks)
        .into_iter()
        .filter(|t| !pemotong.is_stopword(&t.kecil))
        .map(|t| t.dasar)
        .collect()
}

/// Kata penunjang dalam teks (label, tanpa ulangan, urut kemunculan pertama):
/// `"Seminar dan Studi Banding Honorarium"` → `["seminar", "studi banding", "honor"]`.
pub fn kata_penunjang(teks: &str) -> Vec<&'static str> {
    let t = token(teks);
    let mut temu: Vec<(usize, usize, &'static str)> = Vec::new();
    for (urut, (label, pola)) in KATA.iter().enumerate() {
        if let Some(i) = (0..t.len()).find(|&i| {
            i + pola.len() <= t.len() && pola.iter().zip(&t[i..]).all(|(p, x)| p.cocok(x))
        }) {
            temu.push((i, urut, label));
        }
    }
    temu.sort();
    let mut hasil: Vec<&'static str> = Vec::new();
    for (_, _, l) in temu {
        if !hasil.contains(&l) {
            hasil.push(l);
        }
    }
    hasil
}

/// Satuan yang menghitung dokumen, laporan, rapat atau kegiatan (kata dasar).
const SATUAN_ADMINISTRATIF: &[&str] = &["dokumen", "lapor", "rapat", "temu", "giat"];

/// Indikator yang menghitung dokumen, laporan, rapat atau kegiatan: semua kata
/// dasar satuannya administratif (`Dokumen`, `Laporan / Dokumen`,
/// `Kegiatan`); bila satuan kosong, kata pertama nama indikator sesudah
/// "jumlah" (`Jumlah Dokumen Hasil …`).
pub fn indikator_administratif(nama: &str, satuan: &str) -> bool {
    let s = kata_dasar(satuan);
    if !s.is_empty() {
        return s.iter().all(|d| SATUAN_ADMINISTRATIF.contains(&d.as_str()));
    }
    kata_dasar(nama)
        .into_iter()
        .find(|d| d != "jumlah" && d != "banyak")
        .is_some_and(|d| SATUAN_ADMINISTRATIF.contains(&d.as_str()))
}

#[cfg(test)]
mod tes {
    use super::*;

    #[test]
    fn kelompok_bawaan() {
        let b = BelanjaPenunjang::default();
        let nama = |k: &str| b.kelompok_dari(k).map(|k| k.nama.as_str());
        assert_eq!(nama("5.1.01.03.07.0001"), Some("honorarium"));
        assert_eq!(nama("5.1.02.02.01.0003"), Some("honorarium"));
        assert_eq!(nama("5.1.02.02.01.0012"), Some("honorarium"));
        // Sisa 5.1.02.02.01 membayar tenaga pendidikan, kesehatan, dsb.
        assert_eq!(nama("5.1.02.02.01.0013"), None);
        assert_eq!(nama("5.1.02.02.01.0014"), None);
        assert_eq!(nama("5.1.02.02.01"), None);
        assert_eq!(nama("5.1.02.04.01.0001"), Some("perjalanan_dinas"));
        assert_eq!(nama("5.1.02.04.01.0005"), Some("perjalanan_dinas"));
        assert_eq!(nama("5.1.2.4.2.1"), Some("perjalanan_dinas"));
        assert_eq!(
            nama("5.1.02.01.01.0052"),
            Some("makan_minum_rapat_dan_tamu")
        );
        assert_eq!(nama("5.1.02.01.01.0056"), None);
        assert_eq!(nama("5.1.02.02.12.0003"), Some("sosialisasi_dan_bimtek"));
        assert_eq!(nama("5.1.02.02.12.0001"), None);
        assert_eq!(nama("5.1.02.01.01.0024"), Some("alat_tulis_kantor"));
        // Awalan per segmen: 5.1.02.04 tidak memuat 5.1.02.040….
        assert!(!diawali("5.1.02.040", "5.1.02.04"));
    }

    /// Setiap kode bawaan ada di bagan akun belanja yang dikirim, dan baris
    /// honorarium 5.1.02.02.01.0003–0012 memang honorarium.
    #[test]
    fn kode_bawaan_ada_di_bagan_akun() {
        for k in BelanjaPenunjang::default().kelompok {
            for kode in &k.kode {
                let u = super::super::data::uraian_rekening(kode)
                    .unwrap_or_else(|| panic!("{kode} tidak ada di bagan akun"));
                if k.nama == "honorarium" {
                    assert!(u.contains("Honorarium"), "{kode}: {u}");
                }
            }
        }
    }

    #[test]
    fn kata() {
        assert_eq!(
            kata_penunjang(
                "Seminar Kesehatan Masyarakat dan Studi Banding ke Bali; Honorarium Narasumber"
            ),
            ["seminar", "studi banding", "honor"]
        );
        assert_eq!(
            kata_penunjang("Menyosialisasikan dan berkoordinasi, rapat-rapat"),
            ["sosialisasi", "koordinasi", "rapat"]
        );
        assert_eq!(
            kata_penunjang("Perjalanan dinas paket meeting"),
            ["perjalanan"]
        );
        assert_eq!(
            kata_penunjang("Bimbingan Teknis Kader; Bimtek"),
            ["bimbingan teknis", "bimtek"]
        );
        assert_eq!(
            kata_penunjang("FGD dan Lokakarya, workshop, sarasehan"),
            ["FGD", "lokakarya", "workshop", "sarasehan"]
        );
        assert_eq!(kata_penunjang("Konsultasi ke Kementerian"), ["konsultasi"]);
        // Jalan raya bukan perjalanan; bimbingan saja bukan bimbingan teknis.
        assert!(kata_penunjang("Pembangunan Jalan dan Jembatan").is_empty());
        assert!(kata_penunjang("Bimbingan dan Konseling").is_empty());
        assert!(kata_penunjang("Pengadaan Makanan Bergizi untuk Posyandu").is_empty());
        assert!(kata_penunjang("Membandingkan studi").is_empty());
    }

    #[test]
    fn administratif() {
        assert!(indikator_administratif(
            "Jumlah Dokumen Hasil Pengelolaan",
            "Dokumen"
        ));
        assert!(indikator_administratif("x", "Laporan / Dokumen"));
        assert!(indikator_administratif("x", "kegiatan"));
        assert!(indikator_administratif("x", "Rapat"));
        assert!(indikator_administratif("Jumlah Laporan Evaluasi", ""));
        assert!(!indikator_administratif(
            "Jumlah Balita yang Menerima Makanan Tambahan",
            "Orang"
        ));
        assert!(!indikator_administratif("Jumlah Balita", ""));
        assert!(!indikator_administratif("x", "Unit"));
    }
}
