//! Layanan Kinerja: kasus penggunaan, otorisasi per objek, audit dan impor.
//! Setiap fungsi publik menerima `Konteks` (siapa dan dalam bahasa apa) dan
//! memeriksa haknya sendiri; lapisan web hanya meneruskan.

pub mod akun;
pub mod audit;
pub mod demo;
pub mod galat;
pub mod impor;
pub mod konteks;
pub mod organisasi;
pub mod peran;
pub mod teks;
pub mod validasi;

pub use galat::{Galat, Hasil};
pub use konteks::{Aktor, Konteks};
pub use peran::Peran;
pub use rules::Bahasa;

use store::Db;

/// Keadaan bersama layanan: basis data dan konfigurasi.
#[derive(Clone)]
pub struct Layanan {
    pub db: Db,
    pub konfigurasi: Konfigurasi,
    /// Pembacaan yang sudah dicatat hari ini (lihat `audit::catat_baca`).
    pub jejak_baca: std::sync::Arc<audit::JejakBaca>,
}

#[derive(Clone, Debug)]
pub struct Konfigurasi {
    /// Lama sesi sebelum harus masuk lagi.
    pub lama_sesi_jam: i64,
    /// Percobaan per (nama pengguna, alamat) sebelum jeda yang tumbuh.
    pub batas_gagal_masuk: i64,
    /// Kegagalan per alamat sebelum jeda yang tumbuh (di balik NAT banyak orang).
    pub batas_gagal_alamat: i64,
    /// Jeda terpanjang antara dua percobaan yang dibatasi.
    pub jeda_maks_detik: i64,
    /// Hitungan yang tidak bertambah selama ini dilupakan.
    pub jendela_gagal_menit: i64,
}

impl Default for Konfigurasi {
    fn default() -> Self {
        Konfigurasi {
            lama_sesi_jam: 12,
            batas_gagal_masuk: 5,
            batas_gagal_alamat: 50,
            jeda_maks_detik: 15 * 60,
            jendela_gagal_menit: 24 * 60,
        }
    }
}

impl Layanan {
    pub fn baru(db: Db) -> Self {
        Layanan {
            db,
            konfigurasi: Konfigurasi::default(),
            jejak_baca: Default::default(),
        }
    }
    pub fn pool(&self) -> &store::AnyPool {
        self.db.pool()
    }
}
