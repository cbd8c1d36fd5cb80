//! Kamus nomenklatur yang berlaku untuk satu rencana: data yang ditanam
//! (versi dasar menurut tahun dan jenis pemda) dilipat dengan daftar
//! perubahan resmi (Kepmendagri 900.1.15.5-1317/2023, -3406/2024,
//! 900.1-2850/2025, 900.1-861/2026, …) yang dimuat admin, berurutan.
//!
//! Perubahan: `ubah` menambah atau mengganti satu kode (tingkat mana pun);
//! `hapus` menghapus kode itu dan semua kode di bawahnya (awalan per segmen).
//! Kode yang dihapus lalu ditambahkan lagi oleh perubahan sesudahnya dikenal.

use super::data::{
    self, JenisPemda, JenisSubkegiatan, VersiNomenklatur, kode_dikenal_di, normalkan_kode,
};
use crate::nomenklatur::{KodePemda, TingkatPemda};
use std::collections::BTreeMap;

/// Sumber pengetahuan kode untuk aturan keselarasan.
pub trait KamusNomenklatur {
    /// Kode (tingkat mana pun) dikenal.
    fn dikenal(&self, kode: &str) -> bool;
    /// Jenis sub kegiatan (Layanan/Aktifitas), bila diketahui.
    fn jenis(&self, kode: &str) -> Option<JenisSubkegiatan>;
    /// Bentuk kode sesuai tingkatnya (bawaan: struktur kode pemda).
    fn tingkat_sah(&self, kode: &str, tingkat: TingkatPemda) -> bool {
        KodePemda::parse(&normalkan_kode(kode)).is_ok_and(|k| k.tingkat() == tingkat)
    }
}

/// Perilaku kalkulator: semua versi yang ditanam, tanpa perubahan.
pub struct KamusBawaan;

impl KamusNomenklatur for KamusBawaan {
    fn dikenal(&self, kode: &str) -> bool {
        data::kode_dikenal(kode)
    }
    fn jenis(&self, kode: &str) -> Option<JenisSubkegiatan> {
        data::jenis_subkegiatan(kode)
    }
}

/// Kementerian/lembaga: kode program–kegiatan–KRO–RO mengikuti DIPA, bukan
/// nomenklatur Kemendagri; setiap kode yang berbentuk sah dianggap dikenal
/// dan jenis Layanan/Aktifitas tidak ada.
pub struct KamusKl;

impl KamusNomenklatur for KamusKl {
    fn dikenal(&self, kode: &str) -> bool {
        let k = kode.trim();
        !k.is_empty() && k.len() <= 40 && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '.')
    }
    fn jenis(&self, _: &str) -> Option<JenisSubkegiatan> {
        None
    }
    /// Kode K/L tidak bertingkat seperti kode pemda.
    fn tingkat_sah(&self, _: &str, _: TingkatPemda) -> bool {
        true
    }
}

/// Tindakan satu baris perubahan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tindakan {
    /// Menambah atau mengganti kode.
    Ubah,
    /// Menghapus kode dan turunannya.
    Hapus,
}

/// Satu baris perubahan nomenklatur.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PerubahanNomenklatur {
    /// Tindakan.
    pub tindakan: Tindakan,
    /// Jenis pemda yang dikenai.
    pub pemda: JenisPemda,
    /// Kode (dinormalkan saat dilipat).
    pub kode: String,
    /// Jenis sub kegiatan baru, bila disebut.
    pub jenis: Option<JenisSubkegiatan>,
}

/// Versi dasar yang ditanam untuk tahun anggaran dan jenis pemda: mulai TA
/// 2027 pemutakhiran 2027; sebelumnya kabupaten/kota memakai templat
/// Kepmendagri 900 (2024), provinsi memakai pemutakhiran 2027 karena berkas
/// 2024 yang ditanam hanya untuk kabupaten/kota.
pub fn versi_untuk(tahun: i64, pemda: JenisPemda) -> VersiNomenklatur {
    match (tahun >= 2027, pemda) {
        (false, JenisPemda::KabupatenKota) => VersiNomenklatur::Kepmendagri900Tahun2024,
        _ => VersiNomenklatur::Pemutakhiran2027,
    }
}

/// Kode `k` sama dengan atau di bawah `awalan` (per segmen).
fn di_bawah(k: &str, awalan: &str) -> bool {
    k == awalan || (k.starts_with(awalan) && k.as_bytes().get(awalan.len()) == Some(&b'.'))
}

/// Kamus satu jenis pemda: dasar yang ditanam + perubahan berurutan.
#[derive(Clone, Debug)]
pub struct KamusBerlaku {
    dasar: VersiNomenklatur,
    pemda: JenisPemda,
    /// Kode yang ditambah/diubah (sesudah penghapusan terakhir yang menyentuhnya).
    ubah: BTreeMap<String, Option<JenisSubkegiatan>>,
    /// Awalan yang dihapus.
    hapus: Vec<String>,
}

impl KamusBerlaku {
    /// Melipat perubahan (dalam urutan penetapannya) di atas versi dasar;
    /// baris untuk jenis pemda lain diabaikan.
    pub fn baru(
        dasar: VersiNomenklatur,
        pemda: JenisPemda,
        perubahan: &[PerubahanNomenklatur],
    ) -> Self {
        let mut k = KamusBerlaku {
            dasar,
            pemda,
            ubah: BTreeMap::new(),
            hapus: Vec::new(),
        };
        for p in perubahan.iter().filter(|p| p.pemda == pemda) {
            let kode = normalkan_kode(&p.kode);
            match p.tindakan {
                Tindakan::Hapus => {
                    k.ubah.retain(|x, _| !di_bawah(x, &kode));
                    k.hapus.push(kode);
                }
                Tindakan::Ubah => {
                    k.ubah.insert(kode, p.jenis);
                }
            }
        }
        k
    }

    fn dihapus(&self, kode: &str) -> bool {
        self.hapus.iter().any(|h| di_bawah(kode, h))
    }
}

impl KamusNomenklatur for KamusBerlaku {
    fn dikenal(&self, kode: &str) -> bool {
        let kode = normalkan_kode(kode);
        if self.ubah.contains_key(&kode) {
            return true;
        }
        !self.dihapus(&kode) && kode_dikenal_di(&kode, self.dasar)
    }
    fn jenis(&self, kode: &str) -> Option<JenisSubkegiatan> {
        let kode = normalkan_kode(kode);
        if let Some(j) = self.ubah.get(&kode) {
            return *j;
        }
        if self.dihapus(&kode) {
            return None;
        }
        data::jenis_subkegiatan_pemda(&kode, self.pemda)
    }
}

#[cfg(test)]
mod tes {
    use super::*;

    fn p(tindakan: Tindakan, kode: &str) -> PerubahanNomenklatur {
        PerubahanNomenklatur {
            tindakan,
            pemda: JenisPemda::KabupatenKota,
            kode: kode.into(),
            jenis: Some(JenisSubkegiatan::Layanan),
        }
    }

    #[test]
    fn versi_menurut_tahun_dan_pemda() {
        assert_eq!(
            versi_untuk(2026, JenisPemda::KabupatenKota),
            VersiNomenklatur::Kepmendagri900Tahun2024
        );
        assert_eq!(
            versi_untuk(2026, JenisPemda::Provinsi),
            VersiNomenklatur::Pemutakhiran2027
        );
        assert_eq!(
            versi_untuk(2027, JenisPemda::KabupatenKota),
            VersiNomenklatur::Pemutakhiran2027
        );
    }

    #[test]
    fn hapus_awalan_lalu_tambah_ulang_berurutan() {
        let dasar = VersiNomenklatur::Pemutakhiran2027;
        let kode = "1.02.02.2.02.0015";
        assert!(data::kode_dikenal_di(kode, dasar));
        let k = KamusBerlaku::baru(
            dasar,
            JenisPemda::KabupatenKota,
            &[p(Tindakan::Hapus, "1.02.02.2.02")],
        );
        assert!(!k.dikenal(kode), "dihapus lewat kegiatannya");
        assert!(k.dikenal("1.02.02"), "program tetap");
        assert_eq!(k.jenis(kode), None);
        let k = KamusBerlaku::baru(
            dasar,
            JenisPemda::KabupatenKota,
            &[p(Tindakan::Hapus, "1.02.02.2.02"), p(Tindakan::Ubah, kode)],
        );
        assert!(k.dikenal(kode), "ditambah lagi sesudah dihapus");
        // Urutan terbalik: penghapusan sesudahnya menang.
        let k = KamusBerlaku::baru(
            dasar,
            JenisPemda::KabupatenKota,
            &[
                p(Tindakan::Ubah, "9.99.99.2.01.0001"),
                p(Tindakan::Hapus, "9.99.99"),
            ],
        );
        assert!(!k.dikenal("9.99.99.2.01.0001"));
        // Kode baru dari perubahan dikenal; perubahan untuk provinsi diabaikan di kab/kota.
        let mut prov = p(Tindakan::Ubah, "1.02.02.2.02.0099");
        prov.pemda = JenisPemda::Provinsi;
        let k = KamusBerlaku::baru(
            dasar,
            JenisPemda::KabupatenKota,
            &[p(Tindakan::Ubah, "1.02.02.2.02.0098"), prov],
        );
        assert!(k.dikenal("1.02.02.2.02.0098"));
        assert!(!k.dikenal("1.02.02.2.02.0099"));
        assert_eq!(
            k.jenis("1.02.02.2.02.0098"),
            Some(JenisSubkegiatan::Layanan)
        );
    }
}
