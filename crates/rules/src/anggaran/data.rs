//! Data acuan yang ditanam: nomenklatur sub kegiatan pemda (dua versi) dan
//! bagan akun belanja (akun 5), dalam bentuk ringkas yang dihasilkan
//! `scripts/nomenklatur_ringkas.py` dari salinan sumber di
//! `data/nomenklatur/sumber/` (asal-usul: `data/SOURCES.md`).
//!
//! | berkas | isi | ukuran |
//! |---|---|---|
//! | `subkegiatan_2027.tsv` | pemutakhiran nomenklatur untuk TA 2027 (provinsi dan kabupaten/kota), dengan jenis Layanan/Aktifitas | ±1,5 MB |
//! | `subkegiatan_2024.tsv` | templat Kepmendagri 900 (kabupaten/kota, berkas Februari 2024), tanpa jenis | ±0,7 MB |
//! | `rekening_belanja.tsv` | kode rekening belanja dan uraiannya | ±0,26 MB |
//!
//! Kode dinormalkan (segmen bidang urusan 2 digit: `1.2.02…` → `1.02.02…`).
//! Kode program penunjang bidang mana pun (`1.02.01.2.01.0001`) dikenal lewat
//! baris generik `X.XX.01…`.

use crate::nomenklatur::{KodePemda, TingkatPemda};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

const TSV_2027: &str = include_str!("../../../../data/nomenklatur/ringkas/subkegiatan_2027.tsv");
const TSV_2024: &str = include_str!("../../../../data/nomenklatur/ringkas/subkegiatan_2024.tsv");
const TSV_REKENING: &str =
    include_str!("../../../../data/nomenklatur/ringkas/rekening_belanja.tsv");

enum_token! {
    /// Versi nomenklatur yang dikirim bersama Kinerja.
    pub enum VersiNomenklatur {
        /// Templat sub kegiatan kabupaten/kota Kepmendagri 900 (berkas Februari
        /// 2024, sebelum perubahan kedua 27 Agustus 2024) [S].
        Kepmendagri900Tahun2024 => "kepmendagri_900_2024",
        /// Pemutakhiran nomenklatur untuk tahun anggaran 2027 (ekspor Januari 2026) [S].
        Pemutakhiran2027 => "pemutakhiran_2027",
    }
}

enum_token! {
    /// Jenis sub kegiatan menurut nomenklatur.
    pub enum JenisSubkegiatan {
        /// Menghasilkan layanan bagi masyarakat.
        Layanan => "layanan",
        /// Kegiatan pendukung (aktivitas).
        Aktifitas => "aktifitas",
    }
}

enum_token! {
    /// Jenis pemerintah daerah pemilik kewenangan.
    pub enum JenisPemda {
        /// Provinsi.
        Provinsi => "provinsi",
        /// Kabupaten/kota.
        KabupatenKota => "kabupaten_kota",
    }
}

/// Satu baris nomenklatur sub kegiatan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntriSubkegiatan {
    /// Kode ternormalkan (`1.02.02.2.02.0015`, atau `X.XX.01…` untuk penunjang).
    pub kode: &'static str,
    /// Versi nomenklatur.
    pub versi: VersiNomenklatur,
    /// Berlaku untuk provinsi.
    pub provinsi: bool,
    /// Berlaku untuk kabupaten/kota.
    pub kabupaten_kota: bool,
    /// Layanan atau Aktifitas (`None` bila versi itu tidak menyebutnya).
    pub jenis: Option<JenisSubkegiatan>,
    /// Nama sub kegiatan.
    pub nama: &'static str,
    /// Indikator keluaran baku.
    pub indikator: &'static str,
    /// Satuan indikator.
    pub satuan: &'static str,
}

impl EntriSubkegiatan {
    /// Berlaku untuk jenis pemda itu.
    pub fn berlaku_untuk(&self, pemda: JenisPemda) -> bool {
        match pemda {
            JenisPemda::Provinsi => self.provinsi,
            JenisPemda::KabupatenKota => self.kabupaten_kota,
        }
    }
}

struct Indeks {
    entri: Vec<EntriSubkegiatan>,
    /// Kode sub kegiatan → indeks entri (semua versi).
    per_kode: HashMap<&'static str, Vec<usize>>,
    /// Awalan (urusan, bidang, program, kegiatan) per versi.
    awalan: HashMap<VersiNomenklatur, HashSet<&'static str>>,
    rekening: HashMap<&'static str, &'static str>,
}

fn baca_tsv(teks: &'static str, versi: VersiNomenklatur, out: &mut Vec<EntriSubkegiatan>) {
    for baris in teks.lines().skip(1) {
        let k: Vec<&'static str> = baris.split('\t').collect();
        let [kode, pemda, jenis, nama, indikator, satuan] = k[..] else {
            continue;
        };
        out.push(EntriSubkegiatan {
            kode,
            versi,
            provinsi: pemda.contains('P'),
            kabupaten_kota: pemda.contains('K'),
            jenis: match jenis {
                "L" => Some(JenisSubkegiatan::Layanan),
                "A" => Some(JenisSubkegiatan::Aktifitas),
                _ => None,
            },
            nama,
            indikator,
            satuan,
        });
    }
}

static INDEKS: LazyLock<Indeks> = LazyLock::new(|| {
    let mut entri = Vec::new();
    baca_tsv(
        TSV_2024,
        VersiNomenklatur::Kepmendagri900Tahun2024,
        &mut entri,
    );
    baca_tsv(TSV_2027, VersiNomenklatur::Pemutakhiran2027, &mut entri);
    let mut per_kode: HashMap<&'static str, Vec<usize>> = HashMap::new();
    let mut awalan: HashMap<VersiNomenklatur, HashSet<&'static str>> = HashMap::new();
    for (i, e) in entri.iter().enumerate() {
        per_kode.entry(e.kode).or_default().push(i);
        let a = awalan.entry(e.versi).or_default();
        for n in [1, 4, 7, 12] {
            if let Some(s) = e.kode.get(..n) {
                a.insert(s);
            }
        }
    }
    let rekening = TSV_REKENING
        .lines()
        .skip(1)
        .filter_map(|b| b.split_once('\t'))
        .collect();
    Indeks {
        entri,
        per_kode,
        awalan,
        rekening,
    }
});

/// Normalkan kode nomenklatur pemda: spasi di tepi dibuang, `x` → `X`, dan
/// segmen bidang urusan yang berupa 1 digit diberi nol di depan
/// (`1.2.02.2.02.0001` → `1.02.02.2.02.0001`). Kode lain dikembalikan apa adanya.
pub fn normalkan_kode(kode: &str) -> String {
    let kode = kode.trim();
    let mut seg: Vec<String> = kode.split('.').map(|s| s.to_string()).collect();
    if seg.first().is_some_and(|s| s == "x") {
        seg[0] = "X".into();
    }
    if let Some(b) = seg.get_mut(1) {
        if b == "xx" {
            *b = "XX".into();
        } else if b.len() == 1 && b.bytes().all(|c| c.is_ascii_digit()) {
            b.insert(0, '0');
        }
    }
    seg.join(".")
}

/// Kode program penunjang (`1.02.01`, `X.XX.01`, dan semua kode di bawahnya):
/// segmen program `01`, "Program Penunjang Urusan Pemerintahan Daerah".
pub fn program_penunjang(kode: &str) -> bool {
    normalkan_kode(kode).split('.').nth(2) == Some("01")
}

/// Padanan generik program penunjang: `1.02.01.2.01.0001` → `X.XX.01.2.01.0001`.
fn generik(kode: &str) -> Option<String> {
    let seg: Vec<&str> = kode.split('.').collect();
    (seg.len() >= 3 && seg[2] == "01" && seg[0] != "X").then(|| {
        std::iter::once("X.XX")
            .chain(seg[2..].iter().copied())
            .collect::<Vec<_>>()
            .join(".")
    })
}

fn tingkat(kode: &str) -> Option<TingkatPemda> {
    KodePemda::parse(kode).ok().map(|k| k.tingkat())
}

fn dikenal_persis(kode: &str, versi: Option<VersiNomenklatur>) -> bool {
    let ix = &*INDEKS;
    match tingkat(kode) {
        Some(TingkatPemda::SubKegiatan) => ix.per_kode.get(kode).is_some_and(|v| {
            v.iter()
                .any(|i| versi.is_none_or(|x| ix.entri[*i].versi == x))
        }),
        Some(_) => ix
            .awalan
            .iter()
            .any(|(v, a)| versi.is_none_or(|x| *v == x) && a.contains(kode)),
        None => false,
    }
}

fn dikenal(kode: &str, versi: Option<VersiNomenklatur>) -> bool {
    let kode = normalkan_kode(kode);
    dikenal_persis(&kode, versi) || generik(&kode).is_some_and(|g| dikenal_persis(&g, versi))
}

/// Kode pemda (tingkat mana pun: urusan sampai sub kegiatan) ada di salah
/// satu versi nomenklatur yang dikirim. Kode program penunjang bidang mana pun
/// dikenal lewat baris generik `X.XX.01`.
pub fn kode_dikenal(kode: &str) -> bool {
    dikenal(kode, None)
}

/// Seperti [`kode_dikenal`], untuk satu versi saja.
pub fn kode_dikenal_di(kode: &str, versi: VersiNomenklatur) -> bool {
    dikenal(kode, Some(versi))
}

/// Baris nomenklatur untuk kode sub kegiatan (semua versi dan jenis pemda;
/// lewat baris generik `X.XX.01` bila kode program penunjang).
pub fn entri_subkegiatan(kode: &str) -> Vec<&'static EntriSubkegiatan> {
    let ix = &*INDEKS;
    let kode = normalkan_kode(kode);
    let cari = |k: &str| -> Vec<&'static EntriSubkegiatan> {
        ix.per_kode
            .get(k)
            .map(|v| v.iter().map(|i| &ix.entri[*i]).collect())
            .unwrap_or_default()
    };
    let hasil = cari(&kode);
    if hasil.is_empty() {
        generik(&kode).map(|g| cari(&g)).unwrap_or_default()
    } else {
        hasil
    }
}

fn jenis_dari<'a>(entri: impl Iterator<Item = &'a EntriSubkegiatan>) -> Option<JenisSubkegiatan> {
    let mut jenis = entri.filter_map(|e| e.jenis);
    let pertama = jenis.next()?;
    jenis.all(|j| j == pertama).then_some(pertama)
}

/// Jenis sub kegiatan (Layanan/Aktifitas) menurut nomenklatur. `None` bila
/// kode tidak dikenal, versinya tidak menyebut jenis, atau provinsi dan
/// kabupaten/kota memberi jenis berbeda untuk kode yang sama (111 kode di
/// pemutakhiran 2027); pakai [`jenis_subkegiatan_pemda`] bila jenis pemda diketahui.
pub fn jenis_subkegiatan(kode: &str) -> Option<JenisSubkegiatan> {
    jenis_dari(entri_subkegiatan(kode).into_iter())
}

/// Jenis sub kegiatan untuk satu jenis pemda.
pub fn jenis_subkegiatan_pemda(kode: &str, pemda: JenisPemda) -> Option<JenisSubkegiatan> {
    jenis_dari(
        entri_subkegiatan(kode)
            .into_iter()
            .filter(|e| e.berlaku_untuk(pemda)),
    )
}

/// Normalkan kode rekening: segmen angka diberi lebar baku 1.1.2.2.2.4
/// (`5.1.2.4.1.1` → `5.1.02.04.01.0001`); spasi di tepi dibuang.
pub fn normalkan_rekening(kode: &str) -> String {
    const LEBAR: [usize; 6] = [1, 1, 2, 2, 2, 4];
    let kode = kode.trim();
    let seg: Vec<&str> = kode.split('.').collect();
    if seg.len() > LEBAR.len()
        || seg
            .iter()
            .any(|s| s.is_empty() || !s.bytes().all(|c| c.is_ascii_digit()))
    {
        return kode.to_string();
    }
    seg.iter()
        .zip(LEBAR)
        .map(|(s, w)| format!("{s:0>w$}"))
        .collect::<Vec<_>>()
        .join(".")
}

/// Uraian kode rekening belanja (bagan akun belanja Permendagri), bila ada.
pub fn uraian_rekening(kode: &str) -> Option<&'static str> {
    INDEKS
        .rekening
        .get(normalkan_rekening(kode).as_str())
        .copied()
}

#[cfg(test)]
mod tes {
    use super::*;

    #[test]
    fn data_termuat() {
        let ix = &*INDEKS;
        let n = |v| ix.entri.iter().filter(|e| e.versi == v).count();
        assert_eq!(n(VersiNomenklatur::Pemutakhiran2027), 7476);
        assert_eq!(n(VersiNomenklatur::Kepmendagri900Tahun2024), 3395);
        assert_eq!(ix.rekening.len(), 3413);
    }

    #[test]
    fn normalkan() {
        assert_eq!(normalkan_kode(" 1.2.02.2.02.0001 "), "1.02.02.2.02.0001");
        assert_eq!(normalkan_kode("x.xx.01"), "X.XX.01");
        assert_eq!(normalkan_rekening("5.1.2.4.1.1"), "5.1.02.04.01.0001");
        assert_eq!(normalkan_rekening("5.1.02.04"), "5.1.02.04");
        assert_eq!(normalkan_rekening("abc"), "abc");
    }

    #[test]
    fn kode_dan_jenis() {
        assert!(kode_dikenal("1.02.02.2.02.0015"));
        assert!(kode_dikenal("1.2.02.2.02.0015"));
        assert!(kode_dikenal("1.02.02"));
        assert!(kode_dikenal("1.02.02.2.02"));
        // Program penunjang bidang kesehatan lewat baris generik X.XX.01.
        assert!(kode_dikenal("1.02.01.2.01.0001"));
        assert!(kode_dikenal("1.02.01"));
        assert!(!kode_dikenal("1.02.02.2.02.9999"));
        assert!(!kode_dikenal("9.99.99"));
        assert!(!kode_dikenal("1.02.02.2"));
        assert!(!kode_dikenal("005.01.WA"));
        assert_eq!(
            jenis_subkegiatan("1.02.02.2.02.0015"),
            Some(JenisSubkegiatan::Layanan)
        );
        assert_eq!(
            jenis_subkegiatan("1.02.02.2.02.0020"),
            Some(JenisSubkegiatan::Aktifitas)
        );
        // Kode 2024 saja: dikenal, tetapi versinya tanpa jenis.
        let hanya_2024 = INDEKS
            .entri
            .iter()
            .find(|e| {
                e.versi == VersiNomenklatur::Kepmendagri900Tahun2024
                    && !kode_dikenal_di(e.kode, VersiNomenklatur::Pemutakhiran2027)
            })
            .unwrap();
        assert!(kode_dikenal(hanya_2024.kode));
        assert_eq!(jenis_subkegiatan(hanya_2024.kode), None);
        // Provinsi dan kabupaten/kota berbeda jenis: tidak ditebak.
        assert_eq!(jenis_subkegiatan("1.01.02.3.04.0030"), None);
        assert!(jenis_subkegiatan_pemda("1.01.02.3.04.0030", JenisPemda::Provinsi).is_some());
        assert!(program_penunjang("1.02.01.2.01.0001"));
        assert!(program_penunjang("X.XX.01"));
        assert!(!program_penunjang("1.02.02"));
    }

    #[test]
    fn rekening() {
        assert_eq!(
            uraian_rekening("5.1.02.04.01.0001"),
            Some("Belanja Perjalanan Dinas Biasa")
        );
        assert_eq!(
            uraian_rekening("5.1.2.1.1.52"),
            Some("Belanja Makanan dan Minuman Rapat")
        );
        assert_eq!(uraian_rekening("5.9"), None);
    }
}
