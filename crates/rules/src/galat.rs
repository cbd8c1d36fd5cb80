//! Kesalahan masukan fungsi aturan. Setiap kesalahan menyebut field yang
//! salah (`target.min`, `kegiatan[0].target_waktu`) dan punya kode stabil
//! serta pesan dalam bahasa Indonesia (bawaan) atau Inggris.

use crate::Bahasa;
use rust_decimal::Decimal;

/// Badan galat JSON Kinerja, disusun hanya di sini (API, CLI, kalkulator):
/// `{"error": {"code": …, "message": …, "fields": {jalur: pesan}}}`.
pub fn badan_json(
    kode: &str,
    pesan: &str,
    fields: &std::collections::BTreeMap<String, String>,
) -> serde_json::Value {
    serde_json::json!({ "error": { "code": kode, "message": pesan, "fields": fields } })
}

/// Masalah pada satu field masukan fungsi aturan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GalatInput {
    /// Jalur field yang salah, mis. `target.min` atau `kegiatan[0].target_output`.
    pub field: String,
    /// Jenis masalahnya.
    pub masalah: Masalah,
}

/// Jenis masalah pada masukan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Masalah {
    /// Nilai negatif padahal tidak mungkin negatif.
    Negatif,
    /// Nilai nol padahal dipakai sebagai pembagi.
    Nol,
    /// Target nol untuk indikator positif (capaian tidak terdefinisi).
    TargetNol,
    /// Rentang target dengan `min` > `max`.
    MinLebihBesarDariMax,
    /// Di luar rentang yang diizinkan (batas inklusif; `None` = tanpa batas).
    DiLuarRentang {
        /// Batas bawah.
        min: Option<Decimal>,
        /// Batas atas.
        maks: Option<Decimal>,
    },
    /// Nilai komponen melebihi bobotnya.
    MelebihiBobot {
        /// Bobot komponen.
        bobot: Decimal,
    },
    /// Daftar kosong padahal minimal satu butir.
    DaftarKosong,
    /// Jumlah seluruh hitungan nol.
    TotalNol,
    /// Penyebut rumus bernilai nol.
    PembagiNol,
    /// Angka terlalu besar untuk dihitung.
    TerlaluBesar,
    /// Pilihan yang tidak dikenal (token, kode, jawaban).
    PilihanTidakDikenal,
    /// Kode yang sama muncul lebih dari sekali.
    Ganda,
    /// Teks kosong atau melebihi panjang yang diizinkan.
    PanjangTeks {
        /// Panjang maksimal (karakter).
        maks: usize,
    },
}

impl GalatInput {
    /// Galat baru untuk `field`.
    pub fn baru(field: impl Into<String>, masalah: Masalah) -> Self {
        GalatInput {
            field: field.into(),
            masalah,
        }
    }

    /// Kode stabil (snake_case) untuk API.
    pub fn kode(&self) -> &'static str {
        match self.masalah {
            Masalah::Negatif => "tidak_boleh_negatif",
            Masalah::Nol => "tidak_boleh_nol",
            Masalah::TargetNol => "target_nol",
            Masalah::MinLebihBesarDariMax => "min_lebih_besar_dari_max",
            Masalah::DiLuarRentang { .. } => "di_luar_rentang",
            Masalah::MelebihiBobot { .. } => "melebihi_bobot",
            Masalah::DaftarKosong => "daftar_kosong",
            Masalah::TotalNol => "total_nol",
            Masalah::PembagiNol => "pembagi_nol",
            Masalah::TerlaluBesar => "angka_terlalu_besar",
            Masalah::PilihanTidakDikenal => "pilihan_tidak_dikenal",
            Masalah::Ganda => "ganda",
            Masalah::PanjangTeks { .. } => "panjang_teks",
        }
    }

    /// Pesan untuk pengguna, menyebut field yang salah.
    pub fn pesan(&self, bahasa: Bahasa) -> String {
        let f = &self.field;
        match (&self.masalah, bahasa) {
            (Masalah::Negatif, Bahasa::Id) => format!("{f} tidak boleh negatif"),
            (Masalah::Negatif, Bahasa::En) => format!("{f} must not be negative"),
            (Masalah::Nol, Bahasa::Id) => format!("{f} tidak boleh nol"),
            (Masalah::Nol, Bahasa::En) => format!("{f} must not be zero"),
            (Masalah::TargetNol, Bahasa::Id) => {
                format!("{f} tidak boleh nol untuk indikator positif (capaian tidak terdefinisi)")
            }
            (Masalah::TargetNol, Bahasa::En) => {
                format!("{f} must not be zero for a positive indicator (capaian is undefined)")
            }
            (Masalah::MinLebihBesarDariMax, Bahasa::Id) => {
                format!("{f}: min lebih besar dari max")
            }
            (Masalah::MinLebihBesarDariMax, Bahasa::En) => {
                format!("{f}: min is greater than max")
            }
            (Masalah::DiLuarRentang { min, maks }, b) => pesan_rentang(f, *min, *maks, b),
            (Masalah::MelebihiBobot { bobot }, Bahasa::Id) => {
                format!("{f} melebihi bobotnya ({bobot})")
            }
            (Masalah::MelebihiBobot { bobot }, Bahasa::En) => {
                format!("{f} is above its weight ({bobot})")
            }
            (Masalah::DaftarKosong, Bahasa::Id) => format!("{f} harus berisi minimal satu butir"),
            (Masalah::DaftarKosong, Bahasa::En) => format!("{f} must hold at least one item"),
            (Masalah::TotalNol, Bahasa::Id) => format!("{f}: jumlah seluruhnya nol"),
            (Masalah::TotalNol, Bahasa::En) => format!("{f}: the total is zero"),
            (Masalah::PembagiNol, Bahasa::Id) => {
                format!("{f}: penyebut rumus bernilai nol, hasil tidak terdefinisi")
            }
            (Masalah::PembagiNol, Bahasa::En) => {
                format!("{f}: the formula's denominator is zero, the result is undefined")
            }
            (Masalah::TerlaluBesar, Bahasa::Id) => {
                format!("{f}: angka terlalu besar untuk dihitung")
            }
            (Masalah::TerlaluBesar, Bahasa::En) => format!("{f}: number too large to compute"),
            (Masalah::PilihanTidakDikenal, Bahasa::Id) => format!("{f}: pilihan tidak dikenal"),
            (Masalah::PilihanTidakDikenal, Bahasa::En) => format!("{f}: unknown choice"),
            (Masalah::Ganda, Bahasa::Id) => format!("{f}: kode ganda"),
            (Masalah::Ganda, Bahasa::En) => format!("{f}: duplicate code"),
            (Masalah::PanjangTeks { maks }, Bahasa::Id) => {
                format!("{f} harus diisi, paling panjang {maks} karakter")
            }
            (Masalah::PanjangTeks { maks }, Bahasa::En) => {
                format!("{f} is required, at most {maks} characters")
            }
        }
    }
}

fn pesan_rentang(f: &str, min: Option<Decimal>, maks: Option<Decimal>, b: Bahasa) -> String {
    match (min, maks, b) {
        (Some(a), Some(z), Bahasa::Id) => format!("{f} harus antara {a} dan {z}"),
        (Some(a), Some(z), Bahasa::En) => format!("{f} must be between {a} and {z}"),
        (Some(a), None, Bahasa::Id) => format!("{f} minimal {a}"),
        (Some(a), None, Bahasa::En) => format!("{f} must be at least {a}"),
        (None, Some(z), Bahasa::Id) => format!("{f} maksimal {z}"),
        (None, Some(z), Bahasa::En) => format!("{f} must be at most {z}"),
        (None, None, Bahasa::Id) => format!("{f} di luar rentang"),
        (None, None, Bahasa::En) => format!("{f} is out of range"),
    }
}

impl std::fmt::Display for GalatInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.pesan(Bahasa::Id))
    }
}

impl std::error::Error for GalatInput {}

/// Hasil operasi checked: `None` (luapan) menjadi [`Masalah::TerlaluBesar`]
/// pada `field`.
pub(crate) fn cek(hasil: Option<Decimal>, field: &str) -> Result<Decimal, GalatInput> {
    hasil.ok_or_else(|| GalatInput::baru(field, Masalah::TerlaluBesar))
}

/// Tolak nilai negatif pada `field`.
pub(crate) fn bukan_negatif(nilai: Decimal, field: &str) -> Result<Decimal, GalatInput> {
    if nilai.is_sign_negative() && !nilai.is_zero() {
        Err(GalatInput::baru(field, Masalah::Negatif))
    } else {
        Ok(nilai)
    }
}

/// Pastikan `min ≤ nilai ≤ maks` pada `field`.
pub(crate) fn dalam_rentang(
    nilai: Decimal,
    min: Decimal,
    maks: Decimal,
    field: &str,
) -> Result<Decimal, GalatInput> {
    if nilai < min || nilai > maks {
        Err(GalatInput::baru(
            field,
            Masalah::DiLuarRentang {
                min: Some(min),
                maks: Some(maks),
            },
        ))
    } else {
        Ok(nilai)
    }
}
