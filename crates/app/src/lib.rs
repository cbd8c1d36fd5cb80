//! Layanan Kinerja: kasus penggunaan, otorisasi per objek, audit dan impor.
//! Setiap fungsi publik menerima `Konteks` (siapa dan dalam bahasa apa) dan
//! memeriksa haknya sendiri; lapisan web hanya meneruskan.

pub mod aksi_perubahan;
pub mod akun;
pub mod audit;
pub mod bukti;
pub mod demo;
pub mod galat;
pub mod impor;
pub mod inovasi;
pub mod kebijakan;
pub mod kompetisi;
pub mod konteks;
pub mod notifikasi;
pub mod organisasi;
pub mod peran;
pub mod perencanaan;
pub mod sakip;
pub mod skp;
pub mod teks;
pub mod tugas;
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
    /// Penyimpanan isi berkas bukti (folder lokal atau S3; lihat `bukti`).
    pub bukti: std::sync::Arc<dyn bukti::PenyimpanBukti>,
    /// Kamus kata dasar repositori inovasi untuk koreksi salah ketik.
    pub kamus_inovasi: std::sync::Arc<inovasi::cari::Kamus>,
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
    /// Unggahan impor di atas ukuran ini berjalan sebagai tugas latar (202);
    /// None: selalu langsung (bawaan pustaka; `serve` memakai 1 MiB).
    pub impor_latar_bita: Option<usize>,
    /// SMTP untuk surel (`smtp://…`, `smtps://…`); None: berkas .eml di `outbox`.
    pub smtp_url: Option<String>,
    /// Folder surel bila SMTP tidak diatur (`DATA_DIR/outbox`); None dan tanpa
    /// SMTP: surel tidak dikirim.
    pub outbox: Option<std::path::PathBuf>,
    /// Alamat pengirim surel.
    pub surel_dari: String,
    /// Alamat publik aplikasi (`https://kinerja.example.go.id`) untuk tautan
    /// di surel (atur ulang sandi). Tidak pernah diambil dari header `Host`
    /// permintaan (penyerang dapat memalsukannya). None: tautan berupa jalur
    /// saja.
    pub alamat_publik: Option<String>,
    /// Lama sewa tugas; pemegang memperpanjangnya selama tugas berjalan.
    pub sewa_tugas_ms: i64,
    /// Jeda sebelum percobaan ulang pertama; berlipat dua tiap kali (maks 1 jam).
    pub jeda_ulang_dasar_ms: i64,
    /// Jenis tugas khusus tes (`uji_tidur`, `uji_gagal`) boleh dijalankan.
    pub tugas_uji: bool,
    /// Ukuran terbesar satu berkas bukti (bita).
    pub bukti_maks_bita: u64,
    /// Jumlah ukuran berkas dalam satu unggahan (bita).
    pub bukti_maks_permintaan: u64,
    /// Berkas per unggahan.
    pub bukti_maks_berkas: usize,
    /// Bukti yang tidak dirujuk rekaman mana pun dibuang setelah ini.
    pub bukti_tenggang_jam: i64,
}

impl Default for Konfigurasi {
    fn default() -> Self {
        Konfigurasi {
            lama_sesi_jam: 12,
            batas_gagal_masuk: 5,
            batas_gagal_alamat: 50,
            jeda_maks_detik: 15 * 60,
            jendela_gagal_menit: 24 * 60,
            impor_latar_bita: None,
            smtp_url: None,
            outbox: None,
            surel_dari: "Kinerja <kinerja@localhost>".into(),
            alamat_publik: None,
            sewa_tugas_ms: 60_000,
            jeda_ulang_dasar_ms: 10_000,
            tugas_uji: false,
            bukti_maks_bita: 10 * 1024 * 1024,
            bukti_maks_permintaan: 20 * 1024 * 1024,
            bukti_maks_berkas: 20,
            bukti_tenggang_jam: 24,
        }
    }
}

impl Layanan {
    pub fn baru(db: Db) -> Self {
        Layanan {
            db,
            konfigurasi: Konfigurasi::default(),
            jejak_baca: Default::default(),
            kamus_inovasi: Default::default(),
            // `serve` memasang DATA_DIR/bukti atau --bukti-url; ini untuk tes dan alat.
            bukti: std::sync::Arc::new(bukti::PenyimpanLokal::baru(
                std::env::temp_dir().join("kinerja-bukti"),
            )),
        }
    }
    pub fn pool(&self) -> &store::AnyPool {
        self.db.pool()
    }
}
