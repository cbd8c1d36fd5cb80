//! # rules — aturan kinerja ASN sebagai fungsi murni
//!
//! Crate ini berisi perhitungan dan tipe dari regulasi kinerja ASN, tanpa I/O,
//! tanpa async, tanpa SQL. Setiap regulasi punya modulnya sendiri, sehingga
//! aturan yang berlaku bersamaan (PP 46/2011, PP 30/2019 + PermenPANRB 8/2021,
//! PermenPANRB 6/2022) tidak bercampur:
//!
//! | modul | isi |
//! |---|---|
//! | [`permenpanrb_6_2022`] | matriks predikat kinerja pegawai, kurva distribusi |
//! | [`permenpanrb_8_2021`] | capaian IKI, nilai capaian IKI (0–120) |
//! | [`pp_30_2019`] | nilai kinerja PNS (70/30 atau 60/40) dan predikatnya |
//! | [`pp_46_2011`] | SKP lama (kuantitas/kualitas/waktu/biaya), nilai prestasi kerja |
//! | [`permenpanrb_88_2021`] | evaluasi AKIP (SAKIP) |
//! | [`sakip`] | capaian indikator organisasi per triwulan, warna pohon kinerja, saran predikat organisasi, nilai LKE |
//! | [`skp`] | periode penilaian SKP, alur persetujuan, pejabat penilai, kelompok kurva, saran rating hasil kerja |
//! | [`aksi_perubahan`] | status tonggak dan proyek perubahan alumni pelatihan kepemimpinan |
//! | [`inovasi`] | inovasi pelayanan publik: peringkat juri, kelayakan, penugasan juri, teks pencarian |
//! | [`abk`] | analisis beban kerja, efisiensi jabatan |
//! | [`pmk_22_2021`] | penyerapan anggaran, efisiensi anggaran |
//! | [`anggaran`] | gerbang anggaran, nilai uang, keselarasan program; data nomenklatur dan kode rekening belanja |
//! | [`permenpanrb_1_2023`] | angka kredit jabatan fungsional |
//! | [`nomenklatur`] | kode nomenklatur pemda dan K/L |
//! | [`nip`] | Nomor Induk Pegawai |
//! | [`rezim`] | rezim SKP mana yang berlaku pada suatu tanggal |
//! | [`kalkulator`] | kontrak JSON untuk CLI dan HTTP API |
//!
//! Semua angka memakai [`rust_decimal::Decimal`] (tidak pernah f32/f64):
//! batas 24 % PP 46/2011 meleset di f64. Hasil akhir dibulatkan SEKALI ke
//! 2 desimal, setengah menjauhi nol ([`angka::bulatkan`]); predikat atau
//! kategori diambil dari nilai yang sudah dibulatkan itu.
//!
//! Tag sumber di komentar: **[P]** teks primer, **[S]** sumber sekunder,
//! **[R]** belum terkonfirmasi (nilai [R] dapat dikonfigurasi).
#![forbid(unsafe_code)]
#![warn(clippy::float_arithmetic, missing_docs)]
// Tag [P]/[S]/[R] di dokumentasi adalah tag sumber, bukan tautan.
#![allow(rustdoc::broken_intra_doc_links)]

#[macro_use]
mod token;

pub mod abk;
pub mod aksi_perubahan;
pub mod anggaran;
pub mod angka;
mod bahasa;
pub mod galat;
pub mod inovasi;
pub mod kalkulator;
pub mod nip;
pub mod nomenklatur;
mod pemotong;
pub mod permenpanrb_1_2023;
pub mod permenpanrb_6_2022;
pub mod permenpanrb_88_2021;
pub mod permenpanrb_8_2021;
pub mod pmk_22_2021;
pub mod pp_30_2019;
pub mod pp_46_2011;
pub mod rezim;
pub mod sakip;
pub mod skp;
pub mod sumber;

pub use bahasa::Bahasa;
pub use galat::{GalatInput, Masalah};
pub use sumber::StatusSumber;
pub use token::TokenTidakDikenal;
