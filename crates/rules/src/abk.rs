//! Analisis Beban Kerja (ABK): PermenPANRB 1/2020, Permendagri 12/2008.
//!
//! * Beban kerja (jam) = Σ volume × norma waktu (menit) / 60 [S].
//! * Kebutuhan pegawai = beban kerja / jam kerja efektif per tahun [S].
//! * Efisiensi jabatan (EJ) = beban kerja / (jumlah pegawai × jam kerja efektif) [S/R].
//!
//! Nilai [R] yang dapat diatur ([`KonfigurasiAbk`]): jam kerja efektif 1.250
//! jam/tahun [S] (varian: 1.300 JLA lama, 1.507 Kemenkeu); pembulatan kebutuhan
//! pegawai (bawaan: ke terdekat); skala EJ (bawaan Permendagri 12/2008 [R], juga
//! skala lama Kemenkeu/JLA [S]). Kategori EJ dan pembulatan kebutuhan diambil
//! dari nilai yang sudah dibulatkan ke 2 desimal, sehingga angka yang tampil
//! dan labelnya selalu sepakat.

use crate::Bahasa;
use crate::angka;
use crate::galat::{GalatInput, Masalah, bukan_negatif, cek};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};

/// Sumber regulasi untuk penjelasan.
pub const SUMBER: &str = "PermenPANRB No. 1 Tahun 2020; Permendagri No. 12 Tahun 2008";

enum_token! {
    /// Cara membulatkan kebutuhan pegawai menjadi bilangan bulat [R].
    pub enum PembulatanPegawai {
        /// Ke bilangan bulat terdekat (setengah ke atas).
        Terdekat => "terdekat",
        /// Selalu ke atas.
        KeAtas => "ke_atas",
    }
}

enum_token! {
    /// Skala penilaian efisiensi jabatan.
    pub enum SkalaEj {
        /// Permendagri 12/2008 [R]: A > 1,00; B 0,90–1,00; C 0,70–0,89; D 0,50–0,69; E < 0,50.
        Permendagri12Tahun2008 => "permendagri_12_2008",
        /// Skala lama Kemenkeu/JLA [S]: A > 1; B 0,81–1,00; C 0,66–0,80; D 0,50–0,65; E < 0,50.
        KemenkeuJla => "kemenkeu_jla",
    }
}

enum_token! {
    /// Kategori efisiensi jabatan.
    pub enum KategoriEj {
        /// A, Sangat Baik.
        A => "A",
        /// B, Baik.
        B => "B",
        /// C, Cukup.
        C => "C",
        /// D, Sedang.
        D => "D",
        /// E, Kurang.
        E => "E",
    }
}

impl KategoriEj {
    /// Label untuk manusia.
    pub fn label(self, bahasa: Bahasa) -> &'static str {
        match self {
            KategoriEj::A => bahasa.pilih("Sangat Baik", "Very good"),
            KategoriEj::B => bahasa.pilih("Baik", "Good"),
            KategoriEj::C => bahasa.pilih("Cukup", "Fair"),
            KategoriEj::D => bahasa.pilih("Sedang", "Moderate"),
            KategoriEj::E => bahasa.pilih("Kurang", "Poor"),
        }
    }
}

impl SkalaEj {
    /// Batas bawah inklusif B, C, D (A: di atas 1,00; E: di bawah batas D).
    pub fn batas_bawah(self) -> [(KategoriEj, Decimal); 3] {
        let d = |x: i64| Decimal::new(x, 2);
        match self {
            SkalaEj::Permendagri12Tahun2008 => [
                (KategoriEj::B, d(90)),
                (KategoriEj::C, d(70)),
                (KategoriEj::D, d(50)),
            ],
            SkalaEj::KemenkeuJla => [
                (KategoriEj::B, d(81)),
                (KategoriEj::C, d(66)),
                (KategoriEj::D, d(50)),
            ],
        }
    }

    /// Kategori dari EJ yang sudah dibulatkan ke 2 desimal.
    pub fn kategori(self, ej: Decimal) -> KategoriEj {
        if ej > Decimal::ONE {
            return KategoriEj::A;
        }
        self.batas_bawah()
            .into_iter()
            .find(|(_, batas)| ej >= *batas)
            .map_or(KategoriEj::E, |(k, _)| k)
    }
}

/// Konfigurasi ABK; `Default` = nilai yang terdokumentasi. Dapat dibaca dari
/// JSON/TOML (field yang tidak disebut memakai nilai bawaan).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct KonfigurasiAbk {
    /// Jam kerja efektif per tahun (bawaan 1.250) [S].
    pub jam_kerja_efektif: Decimal,
    /// Pembulatan kebutuhan pegawai (bawaan terdekat) [R].
    pub pembulatan: PembulatanPegawai,
    /// Skala EJ (bawaan Permendagri 12/2008) [R].
    pub skala_ej: SkalaEj,
}

impl Default for KonfigurasiAbk {
    fn default() -> Self {
        KonfigurasiAbk {
            jam_kerja_efektif: Decimal::from(1250),
            pembulatan: PembulatanPegawai::Terdekat,
            skala_ej: SkalaEj::Permendagri12Tahun2008,
        }
    }
}

/// Satu uraian tugas.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TugasAbk {
    /// Volume hasil kerja per tahun.
    pub volume: Decimal,
    /// Norma waktu penyelesaian satu hasil kerja, dalam menit.
    pub norma_waktu_menit: Decimal,
}

/// Hasil analisis beban kerja.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HasilAbk {
    /// Σ beban kerja dalam jam, eksak.
    pub beban_kerja_jam: Decimal,
    /// Kebutuhan pegawai, eksak.
    pub kebutuhan_pegawai: Decimal,
    /// Kebutuhan pegawai dibulatkan menjadi bilangan bulat (dari nilai 2 desimal).
    pub kebutuhan_pegawai_dibulatkan: u64,
    /// Efisiensi jabatan, eksak.
    pub efisiensi_jabatan: Decimal,
    /// Kategori EJ (dari EJ yang dibulatkan 2 desimal).
    pub kategori_ej: KategoriEj,
}

/// Analisis beban kerja satu jabatan. Field galat: `tugas`, `tugas[i].volume`,
/// `tugas[i].norma_waktu_menit`, `jumlah_pegawai`, `jam_kerja_efektif`.
pub fn analisis_beban_kerja(
    tugas: &[TugasAbk],
    jumlah_pegawai: u64,
    konfigurasi: &KonfigurasiAbk,
) -> Result<HasilAbk, GalatInput> {
    if tugas.is_empty() {
        return Err(GalatInput::baru("tugas", Masalah::DaftarKosong));
    }
    if jumlah_pegawai == 0 {
        return Err(GalatInput::baru(
            "jumlah_pegawai",
            Masalah::DiLuarRentang {
                min: Some(Decimal::ONE),
                maks: None,
            },
        ));
    }
    let jam = bukan_negatif(konfigurasi.jam_kerja_efektif, "jam_kerja_efektif")?;
    if jam.is_zero() {
        return Err(GalatInput::baru("jam_kerja_efektif", Masalah::Nol));
    }
    let mut menit = Decimal::ZERO;
    for (i, t) in tugas.iter().enumerate() {
        let volume = bukan_negatif(t.volume, &format!("tugas[{i}].volume"))?;
        let norma = bukan_negatif(
            t.norma_waktu_menit,
            &format!("tugas[{i}].norma_waktu_menit"),
        )?;
        let beban = volume.checked_mul(norma).and_then(|b| menit.checked_add(b));
        menit = cek(beban, &format!("tugas[{i}].volume"))?;
    }
    let beban_kerja_jam = menit / Decimal::from(60);
    let kebutuhan_pegawai = cek(beban_kerja_jam.checked_div(jam), "jam_kerja_efektif")?;
    let efisiensi_jabatan = cek(
        Decimal::from(jumlah_pegawai)
            .checked_mul(jam)
            .and_then(|pegawai_jam| beban_kerja_jam.checked_div(pegawai_jam)),
        "jumlah_pegawai",
    )?;
    // Pembulatan dari angka 2 desimal yang ditampilkan, supaya keduanya sepakat.
    let kebutuhan_bulat = angka::bulatkan(kebutuhan_pegawai);
    let dibulatkan = match konfigurasi.pembulatan {
        PembulatanPegawai::Terdekat => angka::bulatkan_bulat(kebutuhan_bulat),
        PembulatanPegawai::KeAtas => kebutuhan_bulat.ceil(),
    };
    let kebutuhan_pegawai_dibulatkan = dibulatkan
        .to_u64()
        .ok_or_else(|| GalatInput::baru("tugas", Masalah::TerlaluBesar))?;
    Ok(HasilAbk {
        beban_kerja_jam,
        kebutuhan_pegawai,
        kebutuhan_pegawai_dibulatkan,
        efisiensi_jabatan,
        kategori_ej: konfigurasi
            .skala_ej
            .kategori(angka::bulatkan(efisiensi_jabatan)),
    })
}
