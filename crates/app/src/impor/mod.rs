//! Impor dan ekspor pegawai dan unit kerja dalam CSV dan XLSX.
//!
//! Kolom templat, ekspor dan impor sama (lihat [`KOLOM_PEGAWAI`] dan
//! [`KOLOM_UNIT`]), sehingga berkas ekspor dapat diubah lalu diimpor kembali.
//!
//! - **Semua atau tidak sama sekali per berkas.** Setiap baris diperiksa lebih
//!   dulu (aturan yang sama dengan formulir, lewat
//!   `organisasi::pegawai::susun_isian`); bila ada satu galat saja, tidak ada
//!   yang ditulis dan laporan menyebut setiap galat dengan nomor baris (seperti
//!   di spreadsheet: judul kolom = baris 1) dan nama kolomnya. Bila tidak ada
//!   galat, semuanya ditulis dalam satu transaksi dengan satu baris audit per
//!   rekaman yang dibuat atau diubah.
//! - **Impor ulang memperbarui, tidak menggandakan.** Pegawai dicocokkan
//!   dengan NIP di instansi itu (pejabat negara tanpa NIP: nama dalam unit
//!   yang sama); unit dengan kolom `id`, atau nama di bawah induk yang sama.
//!   Rekaman yang tidak berubah tidak ditulis (versi tetap).
//! - **NIP harus teks.** Sel NIP berisi angka (XLSX) atau yang tampak hasil
//!   konversi angka (CSV: `1.98503E+17`, `…,0`) ditolak dengan penjelasan 15
//!   digit (EXAMPLES.md E9).
//! - **CSV** berpemisah `,`, `;` atau tab (dikenali dari baris judul), dengan
//!   atau tanpa BOM UTF-8, UTF-8 atau Windows-1252; koma desimal diterima
//!   pada kolom angka.
//! - Kolom yang tidak ada di berkas tidak mengubah nilai lama; sel kosong di
//!   kolom yang ada mengosongkan nilainya. Rekaman yang tidak disebut di
//!   berkas tidak disentuh (impor bukan sinkronisasi).

mod anggaran;
pub(crate) mod baca;
mod jalur;
mod nomenklatur;
mod pegawai;
mod siasn;
pub(crate) mod tulis;
mod unit;

pub use anggaran::{
    KOLOM_BELANJA, KOLOM_KESELARASAN, KOLOM_NILAI_UANG, KOLOM_REALISASI_ANGGARAN,
    KOLOM_REALISASI_KELUARAN, KOLOM_RENCANA, KOLOM_UNIT_ANGGARAN, KOLOM_WILAYAH, TabelEkspor,
    ekspor_anggaran, ekspor_wilayah, impor_belanja, impor_realisasi_anggaran,
    impor_realisasi_keluaran, impor_rencana,
};
pub use nomenklatur::{HasilMuatNomenklatur, KOLOM_NOMENKLATUR, MasukanVersi, impor_nomenklatur};
pub use pegawai::{KOLOM_PEGAWAI, ekspor_pegawai, impor_pegawai};
pub use siasn::{KOLOM_SIASN, impor_pegawai_siasn};

/// CSV atau XLSX untuk tabel apa pun (di thread pemblokir).
async fn tulis_berkas_tabel(
    k: &Konteks,
    nama: &'static str,
    kolom: &'static [Kolom],
    format: Format,
    baris: Vec<Vec<String>>,
) -> Hasil<Vec<u8>> {
    let b = k.bahasa;
    tokio::task::spawn_blocking(move || match format {
        Format::Csv => tulis::csv(kolom, &baris),
        Format::Xlsx => tulis::xlsx_tabel(b, nama, kolom, &baris),
    })
    .await
    .map_err(|e| Galat::Internal(e.to_string()))?
}

/// Kunci pembanding nama (huruf kecil, spasi rapat): pencocok indikator.
pub fn kunci_nama(nama: &str) -> String {
    jalur::kunci(nama)
}
pub use unit::{KOLOM_UNIT, ekspor_unit, impor_unit};

use crate::{Bahasa, Galat, Hasil, Konteks, Layanan};
use serde::Serialize;

/// Batas ukuran unggahan lewat web (CLI tidak dibatasi).
pub const BATAS_UKURAN: usize = 10 * 1024 * 1024;

// Batas kerja satu berkas, diturunkan dari templat (baris × kolom), agar
// tidak ada berkas, sekecil apa pun, yang memakan memori atau waktu tanpa
// batas. Berkas yang lebih besar dibagi.

/// Baris data paling banyak per berkas (tolok ukur memakai 100.000 pegawai).
pub const BATAS_BARIS: usize = 100_000;
/// Baris judul laporan yang boleh ada di atas baris judul kolom.
const BARIS_DI_ATAS_DATA: usize = 20;
/// Kolom yang dibaca per baris. Templat Kinerja memakai kurang dari 20,
/// tetapi ekspor kepegawaian SIASN (impor `pegawai-siasn`) membawa puluhan
/// kolom dan `UNOR_NAMA` dapat berada jauh di kanan; jumlah sel tetap
/// dibatasi `BATAS_SEL`.
pub const BATAS_KOLOM: usize = 128;
/// Sel berisi paling banyak per berkas: setiap baris dengan semua kolom templat terisi.
const BATAS_SEL: usize = BATAS_BARIS * 20;
/// Isi XLSX setelah dibuka (melindungi dari "bom zip").
const BATAS_ISI_ZIP: u64 = 256 * 1024 * 1024;
/// `sharedStrings.xml` setelah dibuka: calamine menyimpan semuanya di memori.
const BATAS_TEKS_BERSAMA: u64 = 32 * 1024 * 1024;
/// Berkas di dalam ZIP; XLSX biasa berisi belasan.
const BATAS_ENTRI_ZIP: usize = 1_000;
/// Galat yang dimuat laporan; sisanya hanya dihitung (`jumlah_galat`).
pub const BATAS_GALAT_LAPORAN: usize = 200;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Csv,
    Xlsx,
}

impl Format {
    pub fn dari_kode(s: &str) -> Option<Format> {
        match s
            .trim()
            .trim_start_matches('.')
            .to_ascii_lowercase()
            .as_str()
        {
            "csv" => Some(Format::Csv),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }
    pub fn ekstensi(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }
    pub fn tipe_mime(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }
}

/// Yang diimpor atau diekspor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
#[schema(as = JenisImpor)]
pub enum Jenis {
    Pegawai,
    /// Pegawai dari ekspor data kepegawaian SIASN (BKN): judul kolom SIASN.
    PegawaiSiasn,
    Unit,
    /// Rencana: program, kegiatan, sub kegiatan, indikator, target, pagu.
    Rencana,
    /// Rincian belanja per kode rekening.
    Belanja,
    RealisasiAnggaran,
    RealisasiKeluaran,
    /// Perubahan nomenklatur Kepmendagri (super admin).
    Nomenklatur,
}

impl Jenis {
    pub fn kode(self) -> &'static str {
        match self {
            Jenis::Pegawai => "pegawai",
            Jenis::PegawaiSiasn => "pegawai-siasn",
            Jenis::Unit => "unit",
            Jenis::Rencana => "rencana",
            Jenis::Belanja => "belanja",
            Jenis::RealisasiAnggaran => "realisasi-anggaran",
            Jenis::RealisasiKeluaran => "realisasi-keluaran",
            Jenis::Nomenklatur => "nomenklatur",
        }
    }
    pub fn dari_kode(s: &str) -> Option<Jenis> {
        match s.trim().to_ascii_lowercase().as_str() {
            "pegawai" | "employees" | "employee" => Some(Jenis::Pegawai),
            "pegawai-siasn" | "pegawai_siasn" | "siasn" => Some(Jenis::PegawaiSiasn),
            "unit" | "units" | "unit_kerja" => Some(Jenis::Unit),
            "rencana" => Some(Jenis::Rencana),
            "belanja" => Some(Jenis::Belanja),
            "realisasi-anggaran" | "realisasi_anggaran" => Some(Jenis::RealisasiAnggaran),
            "realisasi-keluaran" | "realisasi_keluaran" => Some(Jenis::RealisasiKeluaran),
            "nomenklatur" => Some(Jenis::Nomenklatur),
            _ => None,
        }
    }
    pub fn kolom(self) -> &'static [Kolom] {
        match self {
            Jenis::Pegawai => KOLOM_PEGAWAI,
            Jenis::PegawaiSiasn => KOLOM_SIASN,
            Jenis::Unit => KOLOM_UNIT,
            Jenis::Rencana => KOLOM_RENCANA,
            Jenis::Belanja => KOLOM_BELANJA,
            Jenis::RealisasiAnggaran => KOLOM_REALISASI_ANGGARAN,
            Jenis::RealisasiKeluaran => KOLOM_REALISASI_KELUARAN,
            Jenis::Nomenklatur => KOLOM_NOMENKLATUR,
        }
    }
}

/// Satu kolom berkas: nama (judul kolom, sama di templat, ekspor dan impor),
/// wajib ada di baris judul atau tidak, dan penjelasannya.
#[derive(Clone, Copy, Debug)]
pub struct Kolom {
    pub nama: &'static str,
    pub wajib: bool,
    pub id: &'static str,
    pub en: &'static str,
    /// Daftar nilai yang sah (validasi daftar di templat XLSX).
    pub pilihan: &'static [&'static str],
}

impl Kolom {
    pub fn keterangan(&self, b: Bahasa) -> &'static str {
        crate::teks::t(b, self.id, self.en)
    }
}

/// Satu catatan laporan: baris seperti terlihat di spreadsheet (judul kolom =
/// baris 1; 0 = berkas secara keseluruhan), nama kolom (kosong bila seluruh
/// baris) dan pesannya.
#[derive(Clone, Debug, Serialize, PartialEq, utoipa::ToSchema)]
pub struct CatatanBaris {
    pub baris: usize,
    pub kolom: String,
    pub pesan: String,
}

impl CatatanBaris {
    pub(crate) fn baru(baris: usize, kolom: &str, pesan: impl Into<String>) -> Self {
        CatatanBaris {
            baris,
            kolom: kolom.to_string(),
            pesan: pesan.into(),
        }
    }
}

/// Laporan satu impor. `diterima` false: tidak ada yang ditulis, `galat`
/// memuat semua galat. `info` berisi catatan yang tidak menghalangi (mis.
/// jabatan yang dibuat, kolom yang diabaikan).
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct LaporanImpor {
    pub jenis: Jenis,
    pub nama_berkas: String,
    pub format: Option<Format>,
    /// Pemisah kolom CSV yang dikenali.
    pub pemisah: Option<String>,
    pub baris_data: usize,
    pub diterima: bool,
    pub dibuat: usize,
    pub diperbarui: usize,
    pub tidak_berubah: usize,
    /// Semua galat yang ditemukan; `galat` memuat paling banyak
    /// [`BATAS_GALAT_LAPORAN`] yang pertama.
    pub jumlah_galat: usize,
    pub galat: Vec<CatatanBaris>,
    pub info: Vec<CatatanBaris>,
}

impl LaporanImpor {
    pub(crate) fn baru(jenis: Jenis, nama_berkas: &str) -> Self {
        LaporanImpor {
            jenis,
            nama_berkas: nama_berkas.to_string(),
            format: None,
            pemisah: None,
            baris_data: 0,
            diterima: false,
            dibuat: 0,
            diperbarui: 0,
            tidak_berubah: 0,
            jumlah_galat: 0,
            galat: Vec::new(),
            info: Vec::new(),
        }
    }

    /// Satu kalimat ringkasan dalam bahasa pengguna.
    pub fn ringkasan(&self, b: Bahasa) -> String {
        if self.diterima {
            match b {
                Bahasa::Id => format!(
                    "Impor berhasil: {} baris; {} dibuat, {} diperbarui, {} tidak berubah.",
                    self.baris_data, self.dibuat, self.diperbarui, self.tidak_berubah
                ),
                Bahasa::En => format!(
                    "Import succeeded: {} rows; {} created, {} updated, {} unchanged.",
                    self.baris_data, self.dibuat, self.diperbarui, self.tidak_berubah
                ),
            }
        } else {
            match b {
                Bahasa::Id => format!(
                    "Impor ditolak: {} galat. Tidak ada data yang disimpan; perbaiki berkas lalu unggah lagi.",
                    self.jumlah_galat.max(self.galat.len())
                ),
                Bahasa::En => format!(
                    "Import rejected: {} errors. Nothing was saved; fix the file and upload it again.",
                    self.jumlah_galat.max(self.galat.len())
                ),
            }
        }
    }

    /// Laporan lengkap sebagai teks (baris perintah).
    pub fn ke_teks(&self, b: Bahasa) -> String {
        let mut s = String::new();
        s.push_str(&self.ringkasan(b));
        s.push('\n');
        let (judul_galat, judul_info, baris, berkas) = match b {
            Bahasa::Id => ("Galat", "Catatan", "baris", "berkas"),
            Bahasa::En => ("Errors", "Notes", "row", "file"),
        };
        for (judul, daftar) in [(judul_galat, &self.galat), (judul_info, &self.info)] {
            if daftar.is_empty() {
                continue;
            }
            s.push_str(&format!("{judul}:\n"));
            for c in daftar {
                let letak = if c.baris == 0 {
                    berkas.to_string()
                } else {
                    format!("{baris} {}", c.baris)
                };
                if c.kolom.is_empty() {
                    s.push_str(&format!("  {letak}: {}\n", c.pesan));
                } else {
                    s.push_str(&format!("  {letak}, {}: {}\n", c.kolom, c.pesan));
                }
            }
        }
        s
    }
}

/// Satu impor pada satu waktu per proses: tabel sel satu berkas besar bisa
/// puluhan MB, dan yang memori servernya dibatasi adalah jumlahnya. Impor lain
/// menunggu gilirannya (permintaan tetap terjawab, hanya lebih lambat).
static GILIRAN_IMPOR: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(1);

pub(crate) async fn giliran_impor() -> Hasil<tokio::sync::SemaphorePermit<'static>> {
    GILIRAN_IMPOR
        .acquire()
        .await
        .map_err(|e| Galat::Internal(e.to_string()))
}

/// Hanya membaca dan memeriksa bentuk berkas, tanpa basis data: jumlah baris
/// data, atau galat tingkat berkas. Dipakai target fuzz (`fuzz/`).
pub fn baca_saja(
    b: Bahasa,
    jenis: Jenis,
    nama_berkas: &str,
    bytes: &[u8],
) -> Result<usize, CatatanBaris> {
    baca::baca(&Konteks::publik(b), jenis, nama_berkas, bytes).map(|t| t.baris.len())
}

/// Templat kosong (baris judul saja; XLSX dengan kolom berformat teks,
/// daftar pilihan, dan lembar petunjuk).
pub fn templat(b: Bahasa, format: Format, jenis: Jenis) -> Hasil<Vec<u8>> {
    match format {
        Format::Csv => tulis::csv(jenis.kolom(), &[]),
        Format::Xlsx => tulis::xlsx(b, jenis, &[]),
    }
}

/// Nama berkas unduhan, mis. `pegawai-2026-05-01.xlsx`.
pub fn nama_berkas_ekspor(jenis: Jenis, format: Format) -> String {
    format!(
        "{}-{}.{}",
        jenis.kode(),
        crate::organisasi::hari_ini(),
        format.ekstensi()
    )
}

pub fn nama_berkas_templat(jenis: Jenis, format: Format) -> String {
    format!("templat-{}.{}", jenis.kode(), format.ekstensi())
}

fn pilih(k: &Konteks, id: String, en: String) -> String {
    match k.bahasa {
        Bahasa::Id => id,
        Bahasa::En => en,
    }
}

async fn pastikan_instansi(l: &Layanan, k: &Konteks, instansi_id: &str) -> Hasil<()> {
    match store::organisasi::instansi(l.pool(), instansi_id).await? {
        Some(_) => Ok(()),
        None => Err(Galat::TidakDitemukan(
            k.t("Instansi tidak ditemukan.", "Agency not found.").into(),
        )),
    }
}

/// Membaca berkas (di thread pemblokir) dan memeriksa baris judulnya.
/// `None`: berkas ditolak, galatnya sudah di laporan.
pub(crate) async fn baca_berkas(
    k: &Konteks,
    jenis: impl Into<baca::Bentuk>,
    nama_berkas: &str,
    bytes: &[u8],
    lap: &mut LaporanImpor,
) -> Hasil<Option<baca::Tabel>> {
    let data = bytes.to_vec();
    let nama = nama_berkas.to_string();
    let kk = k.clone();
    let jenis: baca::Bentuk = jenis.into();
    let hasil = tokio::task::spawn_blocking(move || baca::baca(&kk, jenis, &nama, &data))
        .await
        .map_err(|e| Galat::Internal(e.to_string()))?;
    let tabel = match hasil {
        Ok(t) => t,
        Err(c) => {
            lap.galat.push(c);
            return Ok(None);
        }
    };
    lap.format = Some(tabel.format);
    lap.pemisah = tabel.pemisah.map(|c| {
        if c == '\t' {
            "tab".to_string()
        } else {
            c.to_string()
        }
    });
    lap.info.extend(tabel.info.iter().cloned());
    let nb = tabel.baris_kepala;
    let kolom = jenis.kolom;
    let mut terlihat = std::collections::HashSet::new();
    for (i, h) in tabel.kepala.iter().enumerate() {
        if h.is_empty() {
            continue;
        }
        if !terlihat.insert(h.clone()) {
            lap.galat.push(CatatanBaris::baru(
                nb,
                h,
                pilih(
                    k,
                    format!("Kolom “{h}” muncul lebih dari sekali di baris judul."),
                    format!("Column “{h}” appears more than once in the header row."),
                ),
            ));
        } else if !kolom.iter().any(|x| x.nama == h) {
            let huruf = tabel.huruf(i);
            lap.info.push(CatatanBaris::baru(
                nb,
                h,
                pilih(
                    k,
                    format!("Kolom {huruf} “{h}” tidak dikenal dan diabaikan."),
                    format!("Column {huruf} “{h}” is not known and was ignored."),
                ),
            ));
        }
    }
    for x in kolom.iter().filter(|x| x.wajib) {
        if !terlihat.contains(x.nama) {
            lap.galat.push(CatatanBaris::baru(
                nb,
                x.nama,
                pilih(
                    k,
                    format!("Kolom wajib “{}” tidak ada di baris judul. Pakai templat: {}.", x.nama, daftar_kolom(kolom)),
                    format!("Required column “{}” is missing from the header row. Use the template: {}.", x.nama, daftar_kolom(kolom)),
                ),
            ));
        }
    }
    lap.baris_data = tabel.baris.len();
    if tabel.baris.is_empty() && lap.galat.is_empty() {
        lap.galat.push(CatatanBaris::baru(
            0,
            "",
            k.t(
                "Berkas tidak berisi baris data di bawah baris judul.",
                "The file holds no data rows below the header row.",
            ),
        ));
    }
    lap.jumlah_galat = lap.galat.len();
    if lap.galat.is_empty() {
        Ok(Some(tabel))
    } else {
        Ok(None)
    }
}

/// Galat baris berurutan ke laporan: yang pertama sampai batas, semuanya dihitung.
fn isi_galat(lap: &mut LaporanImpor, mut galat: Vec<CatatanBaris>, jumlah: usize, kolom: &[Kolom]) {
    urutkan(&mut galat, kolom);
    galat.truncate(BATAS_GALAT_LAPORAN);
    lap.jumlah_galat = jumlah;
    lap.galat = galat;
}

fn daftar_kolom(kolom: &[Kolom]) -> String {
    kolom.iter().map(|k| k.nama).collect::<Vec<_>>().join(", ")
}

/// Mengurutkan galat per baris lalu menurut urutan kolom di berkas.
fn urutkan(c: &mut [CatatanBaris], kolom: &[Kolom]) {
    let posisi = |n: &str| kolom.iter().position(|k| k.nama == n).unwrap_or(usize::MAX);
    c.sort_by(|a, b| {
        a.baris
            .cmp(&b.baris)
            .then(posisi(&a.kolom).cmp(&posisi(&b.kolom)))
    });
}

/// Pesan untuk NIP yang tersimpan sebagai angka (EXAMPLES.md E9).
pub(crate) fn pesan_nip_angka(k: &Konteks, kolom: &str, tampil: &str) -> String {
    let (label_id, label_en) = if kolom == "nip_atasan" {
        ("NIP atasan", "The supervisor's NIP")
    } else {
        ("NIP", "The NIP")
    };
    pilih(
        k,
        format!(
            "{label_id} tersimpan sebagai angka ({tampil}), bukan teks. Sebagai angka, Excel hanya menyimpan 15 digit bermakna \
             sehingga digit terakhir NIP hilang (198503152010011002 menjadi 198503152010011000). Format kolom ini sebagai Teks, \
             ketik ulang NIP lengkapnya, lalu unggah lagi."
        ),
        format!(
            "{label_en} is stored as a number ({tampil}), not as text. As a number Excel keeps only 15 significant digits, \
             so the last digits of the NIP are lost (198503152010011002 becomes 198503152010011000). Format this column as Text, \
             retype the full NIP and upload again."
        ),
    )
}

#[cfg(test)]
mod tes {
    use super::*;

    #[test]
    fn format_dan_jenis() {
        assert_eq!(Format::dari_kode(".XLSX"), Some(Format::Xlsx));
        assert_eq!(Format::dari_kode("csv"), Some(Format::Csv));
        assert_eq!(Format::dari_kode("pdf"), None);
        assert_eq!(Jenis::dari_kode("Pegawai"), Some(Jenis::Pegawai));
        assert_eq!(
            nama_berkas_templat(Jenis::Unit, Format::Csv),
            "templat-unit.csv"
        );
    }

    #[test]
    fn laporan_teks() {
        let mut l = LaporanImpor::baru(Jenis::Pegawai, "a.csv");
        l.galat.push(CatatanBaris::baru(3, "nip", "salah"));
        let t = l.ke_teks(Bahasa::Id);
        assert!(t.contains("Impor ditolak: 1 galat"), "{t}");
        assert!(t.contains("baris 3, nip: salah"), "{t}");
        assert!(l.ke_teks(Bahasa::En).contains("row 3, nip: salah"));
    }
}
