//! PermenPANRB No. 6 Tahun 2022 — Pengelolaan Kinerja Pegawai ASN.
//!
//! Tanpa nilai angka: rating hasil kerja × rating perilaku kerja memberi
//! predikat kinerja pegawai ([`predikat`]), dan predikat organisasi membatasi
//! sebaran predikat pegawainya ([`kurva`]).

pub mod kurva;
pub mod predikat;

pub use kurva::{
    AturanKurva, HasilKurva, JenisBatas, JumlahPredikat, KebijakanKurva, Pelanggaran,
    PembulatanBatas, PemeriksaanAturan, PredikatOrganisasi, periksa_kurva,
};
pub use predikat::{PredikatKinerjaPegawai, RatingKinerja, predikat_kinerja};

/// Sumber regulasi untuk penjelasan.
pub const SUMBER: &str = "PermenPANRB No. 6 Tahun 2022";
