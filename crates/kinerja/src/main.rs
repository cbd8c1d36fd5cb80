//! `kinerja`: satu biner dengan subperintah. Urutan konfigurasi: flag, lalu
//! lingkungan `KINERJA_*`, lalu berkas konfigurasi, lalu bawaan.

mod konfigurasi;
mod perintah;

use clap::{Args, Parser, Subcommand};
use std::process::ExitCode;

/// mimalloc: tumpukan per thread, tanpa kunci arena bersama antara thread
/// tokio dan thread pekerja SQLite (docs/tolok-ukur.md, ADR 0012).
#[global_allocator]
static ALOKATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Blok Argon2 (19 MiB per hash) dikembalikan ke sistem begitu hitungannya
/// selesai, agar serbuan masuk tidak menumpuk di RSS (batas 100 MB,
/// kinerja/tests/masuk_rss.rs). Hanya thread Argon2 yang dibersihkan:
/// melepas memori seketika untuk semua alokasi membuat setiap permintaan
/// membayar page fault (docs/tolok-ukur.md).
fn bersihkan_tumpukan_thread() {
    // SAFETY: mi_collect hanya merapikan tumpukan mimalloc thread ini.
    unsafe { libmimalloc_sys::mi_collect(true) };
}

/// Memori bebas dikembalikan ke sistem setelah 2 ms (bawaan mimalloc 10 ms):
/// unggahan besar berturut-turut tidak menumpuk di RSS, sementara alokasi
/// yang segera dipakai ulang di bawah beban tidak membayar page fault
/// (0 ms: halaman HTML daftar ±15 % CPU di page fault). Nomor opsi dari enum
/// `mi_option_e` mimalloc v2 (`mi_option_purge_delay`), yang tidak diekspor
/// libmimalloc-sys sebagai konstanta; `MIMALLOC_PURGE_DELAY` tetap dapat
/// menimpanya lewat lingkungan.
fn atur_mimalloc() {
    const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: hanya mengubah satu opsi alokator; dipanggil di awal `main`.
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 2) };
    }
    matikan_thp();
}

/// Halaman besar transparan (THP) dimatikan untuk proses ini: arena mimalloc
/// di-commit di muka, dan dengan THP `madvise`/`always` kernel mengisinya per
/// 2 MB pada sentuhan kecil banyak thread pemblokir (tulis bukti, SHA-256),
/// sehingga serbuan realisasi berfoto mencapai ±200 MB RSS padahal yang
/// dipakai ±60 MB (docs/tolok-ukur.md, SKP batang 2). Mengubah opsi arena
/// mimalloc di `main` terlambat (arena pertama sudah dibuat sebelum `main`);
/// `prctl` berlaku untuk seluruh ruang alamat proses, termasuk arena itu.
/// `KINERJA_THP=1` mempertahankan THP.
#[cfg(target_os = "linux")]
fn matikan_thp() {
    if std::env::var_os("KINERJA_THP").is_some_and(|v| v == "1") {
        return;
    }
    // SAFETY: prctl dengan argumen bilangan; tidak menyentuh memori Rust.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

#[cfg(not(target_os = "linux"))]
fn matikan_thp() {}

#[derive(Parser)]
#[command(
    name = "kinerja",
    version,
    about = "Kinerja: manajemen kinerja ASN (target, beban kerja, anggaran berbasis keluaran)",
    long_about = "Kinerja: manajemen kinerja ASN.\n\n\
        Mulai cepat:  kinerja serve --demo   (SQLite tertanam, Provinsi Maluku demo)\n\
        PostgreSQL:   kinerja serve --database-url postgres://user:pass@host/db\n\n\
        Urutan konfigurasi: flag > lingkungan KINERJA_* > berkas (--config, bawaan DATA_DIR/kinerja.toml) > bawaan."
)]
struct Cli {
    #[command(subcommand)]
    perintah: Perintah,
}

/// Pilihan basis data yang sama untuk setiap subperintah yang memakainya.
#[derive(Args, Clone, Debug, Default)]
pub struct OpsiDb {
    /// Folder data (berkas SQLite dan bukti unggahan). Bawaan: ./kinerja-data
    #[arg(long, env = "KINERJA_DATA_DIR", global = true)]
    pub data_dir: Option<String>,
    /// URL basis data: sqlite://… atau postgres://… Bawaan: SQLite di folder data.
    #[arg(long, env = "KINERJA_DATABASE_URL", global = true)]
    pub database_url: Option<String>,
    /// Berkas konfigurasi TOML. Bawaan: DATA_DIR/kinerja.toml bila ada.
    #[arg(long, env = "KINERJA_CONFIG", global = true)]
    pub config: Option<String>,
}

#[derive(Subcommand)]
enum Perintah {
    /// Menjalankan server web (migrasi otomatis saat mulai).
    Serve(perintah::OpsiServe),
    /// Menjalankan migrasi basis data lalu keluar.
    Migrate {
        #[command(flatten)]
        db: OpsiDb,
    },
    /// Mengisi data: provinsi demo, atau N pegawai untuk tolok ukur.
    Seed(perintah::OpsiSeed),
    /// Mengelola instansi (K/L, provinsi, kabupaten, kota).
    Instansi {
        #[command(subcommand)]
        perintah: perintah::PerintahInstansi,
    },
    /// Mengelola akun pengguna.
    User {
        #[command(subcommand)]
        perintah: perintah::PerintahUser,
    },
    /// Mengimpor pegawai atau unit kerja dari CSV/XLSX, semua atau tidak sama
    /// sekali; laporan per baris di stdout. Keluar 0 diterima, 2 ditolak, 1 galat.
    Import(perintah::OpsiImpor),
    /// SKP (PermenPANRB 6/2022): membuka periode untuk seluruh instansi.
    Skp {
        #[command(subcommand)]
        perintah: perintah::PerintahSkp,
    },
    /// SAKIP: memuat templat LKE (JSON LKE, kuesioner Mendagri atau MenPAN)
    /// untuk satu tahun dan sesudahnya.
    Sakip {
        #[command(subcommand)]
        perintah: perintah::PerintahSakip,
    },
    /// Perubahan nomenklatur Kepmendagri: memuat keputusan perubahan
    /// (CSV/XLSX, semua atau tidak sama sekali) dan daftarnya.
    Nomenklatur {
        #[command(subcommand)]
        perintah: perintah::PerintahNomenklatur,
    },
    /// Mengekspor pegawai atau unit kerja ke CSV/XLSX (kolom sama dengan impor).
    Export(perintah::OpsiEkspor),
    /// Kalkulator aturan kinerja: `kinerja calc NAMA 'JSON'`. Tidak membuka basis data.
    Calc {
        /// Nama kalkulator, mis. nilai-capaian-iki
        nama: String,
        /// Masukan JSON
        json: String,
        /// Bahasa pesan: id atau en
        #[arg(long, default_value = "id")]
        lang: String,
    },
}

fn main() -> ExitCode {
    app::akun::atur_alokator();
    atur_mimalloc();
    app::akun::atur_setelah_argon2(bersihkan_tumpukan_thread);
    let cli = Cli::parse();
    if let Perintah::Calc { nama, json, lang } = &cli.perintah {
        return perintah::calc(nama, json, lang);
    }
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("gagal memulai runtime: {e}");
            return ExitCode::from(1);
        }
    };
    // Impor punya kode keluar sendiri (2 = berkas ditolak).
    let cli = match cli.perintah {
        Perintah::Import(o) => return rt.block_on(perintah::import(o)),
        Perintah::Nomenklatur { perintah } => return rt.block_on(perintah::nomenklatur(perintah)),
        p => Cli { perintah: p },
    };
    let hasil = rt.block_on(async move {
        match cli.perintah {
            Perintah::Serve(o) => perintah::serve(o).await,
            Perintah::Migrate { db } => perintah::migrate(db).await,
            Perintah::Seed(o) => perintah::seed(o).await,
            Perintah::User { perintah } => perintah::user(perintah).await,
            Perintah::Instansi { perintah } => perintah::instansi(perintah).await,
            Perintah::Export(o) => perintah::export(o).await,
            Perintah::Skp { perintah } => perintah::skp(perintah).await,
            Perintah::Sakip { perintah } => perintah::sakip(perintah).await,
            Perintah::Import(_) | Perintah::Nomenklatur { .. } | Perintah::Calc { .. } => Ok(()),
        }
    });
    match hasil {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("galat: {e}");
            ExitCode::from(1)
        }
    }
}
