//! # laporan — dokumen PDF yang dirender typst
//!
//! Crate ini hanya menata letak: pemanggil memberikan struct data polos yang
//! semua angkanya SUDAH diformat sebagai teks Indonesia ("93,50",
//! "Rp1.234.567"), dan crate ini mengembalikan bita PDF. Tidak ada logika
//! domain dan tidak ada crate ruang kerja lain sebagai dependensi, supaya
//! kompilasi typst yang berat tetap tersimpan di cache saat crate lain berubah.
//!
//! | fungsi | dokumen |
//! |---|---|
//! | [`perjanjian_kinerja_pdf`] | Perjanjian Kinerja (PermenPANRB 53/2014) beserta lampirannya |
//! | [`lkjip_pdf`] | Laporan Kinerja Instansi Pemerintah (LKjIP) |
//! | [`monitoring_aksi_perubahan_pdf`] | Laporan Pemantauan Aksi Perubahan |
//! | [`hasil_kompetisi_pdf`] | Lampiran keputusan penetapan hasil kompetisi inovasi |
//!
//! Hal yang dijamin:
//!
//! - **Tanpa suntikan markup.** Data tidak pernah disisipkan ke teks templat;
//!   ia masuk sebagai nilai (`sys.inputs.data`) dan ditempatkan sebagai teks,
//!   sehingga `#panic("x")` atau `*tebal*` tercetak apa adanya.
//! - **Fon tertanam.** Hanya fon typst-assets yang tertanam di biner yang
//!   dimuat (teks memakai Libertinus Serif; sisanya cadangan untuk glyph yang
//!   tidak ada); fon sistem tidak pernah dibaca, jadi hasil di mesin
//!   pengembang dan CI sama.
//! - **Terbatas.** Masukan di atas [`BATAS_BARIS`] butir daftar,
//!   [`BATAS_KARAKTER`] karakter, atau [`BATAS_TEKS_SATU_ISIAN`] karakter
//!   dalam satu isian ditolak dengan [`GalatLaporan::TerlaluBesar`] sebelum
//!   typst bekerja, karena waktu tata letak sebanding dengan ukuran.
//!
//! Rendering memakai CPU puluhan milidetik sampai beberapa detik; dari kode
//! async panggil lewat `spawn_blocking`.

mod kompetisi;
mod mesin;
mod skp;

use serde::Serialize;

pub use kompetisi::{BarisLampiran, KelompokLampiran, LampiranKeputusan, hasil_kompetisi_pdf};
pub use mesin::{BATAS_BARIS, BATAS_KARAKTER, BATAS_TEKS_SATU_ISIAN};
pub use skp::{
    BarisIndikatorDokumen, BarisRhkDokumen, DokumenEvaluasi, DokumenSkp, IdentitasPegawai,
    LampiranSkp, PerilakuDokumen, evaluasi_kinerja_pdf, skp_pdf,
};

/// Galat pembuatan laporan.
#[derive(Debug, thiserror::Error)]
pub enum GalatLaporan {
    /// Masukan melampaui batas; ditolak sebelum tata letak dimulai.
    #[error("dokumen terlalu besar: {jumlah} {ukuran} (batas {batas})")]
    TerlaluBesar {
        /// Apa yang dihitung, mis. "baris tabel".
        ukuran: &'static str,
        /// Jumlah pada masukan.
        jumlah: usize,
        /// Batas yang berlaku.
        batas: usize,
    },
    /// Templat gagal dikompilasi. Data tidak dapat memicu ini, jadi ini
    /// menandakan kesalahan di templat crate ini sendiri.
    #[error("templat typst gagal: {0}")]
    Templat(String),
    /// Ekspor PDF gagal.
    #[error("ekspor PDF gagal: {0}")]
    Pdf(String),
}

/// Penanda tangan: nama, NIP dan jabatan seperti dicetak.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Pihak {
    /// Nama lengkap dengan gelar.
    pub nama: String,
    /// NIP; kosong untuk pejabat non-ASN (baris NIP tidak dicetak).
    pub nip: String,
    /// Jabatan, mis. "Kepala Dinas Kesehatan".
    pub jabatan: String,
}

/// Satu baris indikator pada lampiran Perjanjian Kinerja.
///
/// Baris berurutan dengan `no` dan `sasaran` yang sama digabung menjadi satu
/// sel, seperti format lampiran resmi.
#[derive(Debug, Clone, Default, Serialize)]
pub struct BarisPk {
    /// Nomor sasaran.
    pub no: String,
    /// Sasaran strategis/program.
    pub sasaran: String,
    /// Indikator kinerja.
    pub indikator: String,
    /// Satuan target.
    pub satuan: String,
    /// Target, sudah diformat.
    pub target: String,
}

/// Satu program dan anggarannya pada lampiran Perjanjian Kinerja.
#[derive(Debug, Clone, Default, Serialize)]
pub struct BarisAnggaranPk {
    /// Nama program.
    pub program: String,
    /// Pagu, sudah diformat ("Rp1.234.567").
    pub pagu: String,
}

/// Perjanjian Kinerja satu unit untuk satu tahun.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PerjanjianKinerja {
    /// Nama instansi, mis. "Pemerintah Provinsi Maluku".
    pub instansi: String,
    /// Nama unit yang berjanji, mis. "Dinas Kesehatan".
    pub unit: String,
    /// Tahun perjanjian.
    pub tahun: i32,
    /// Kepala unit yang berjanji.
    pub pihak_pertama: Pihak,
    /// Atasan pihak pertama.
    pub pihak_kedua: Pihak,
    /// Tempat dan tanggal penandatanganan, mis. "Ambon, 2 Januari 2026".
    pub tempat_tanggal: String,
    /// Status dokumen. Selain "Disetujui" (huruf besar/kecil diabaikan) dan
    /// kosong, status dicetak sebagai tanda air dan baris di kepala halaman,
    /// supaya cetakan usulan tidak tertukar dengan yang sah.
    pub status: String,
    /// Nomor perubahan; 0 untuk dokumen awal, selebihnya "Perubahan ke-N".
    pub revisi: i32,
    /// Baris sasaran dan indikator.
    pub sasaran: Vec<BarisPk>,
    /// Program dan anggarannya.
    pub anggaran: Vec<BarisAnggaranPk>,
    /// Jumlah anggaran, sudah diformat.
    pub total_anggaran: String,
}

/// Satu indikator kinerja utama pada Bab III LKjIP.
#[derive(Debug, Clone, Default, Serialize)]
pub struct BarisIku {
    /// Sasaran strategis; baris berurutan dengan sasaran sama digabung.
    pub sasaran: String,
    /// Indikator kinerja.
    pub indikator: String,
    /// Satuan.
    pub satuan: String,
    /// Target tahun laporan.
    pub target: String,
    /// Realisasi tahun laporan.
    pub realisasi: String,
    /// Capaian dalam persen, tanpa tanda "%", mis. "93,50".
    pub capaian: String,
    /// Kategori capaian, mis. "Sangat Baik".
    pub kategori: String,
    /// Realisasi tahun sebelumnya; kosong dicetak "–".
    pub realisasi_tahun_lalu: String,
    /// Target akhir periode Renstra; kosong dicetak "–".
    pub target_akhir_renstra: String,
    /// Analisis/penjelasan capaian; boleh kosong.
    pub penjelasan: String,
}

/// Realisasi anggaran satu program.
#[derive(Debug, Clone, Default, Serialize)]
pub struct BarisAnggaranProgram {
    /// Nama program.
    pub program: String,
    /// Pagu, sudah diformat.
    pub pagu: String,
    /// Realisasi, sudah diformat.
    pub realisasi: String,
    /// Serapan dalam persen tanpa "%", mis. "87,12".
    pub serapan: String,
}

/// Satu komponen evaluasi AKIP.
#[derive(Debug, Clone, Default, Serialize)]
pub struct KomponenEvaluasi {
    /// Nama komponen, mis. "Perencanaan Kinerja".
    pub nama: String,
    /// Bobot, sudah diformat.
    pub bobot: String,
    /// Nilai, sudah diformat.
    pub nilai: String,
}

/// Hasil evaluasi AKIP (Bab III bagian C).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Evaluasi {
    /// Nilai akhir, sudah diformat.
    pub nilai: String,
    /// Predikat, mis. "BB".
    pub predikat: String,
    /// Interpretasi predikat.
    pub interpretasi: String,
    /// Nilai per komponen.
    pub komponen: Vec<KomponenEvaluasi>,
}

/// Laporan Kinerja Instansi Pemerintah satu tahun.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Lkjip {
    /// Nama instansi; dicetak di sampul.
    pub instansi: String,
    /// Tahun laporan.
    pub tahun: i32,
    /// Kepala instansi yang menandatangani.
    pub kepala: Pihak,
    /// Tempat dan tanggal penandatanganan.
    pub tempat_tanggal: String,
    /// Paragraf ringkasan eksekutif.
    pub ringkasan: Vec<String>,
    /// Periode Renstra, mis. "2025–2029".
    pub periode_renstra: String,
    /// Tujuan Renstra.
    pub tujuan: Vec<String>,
    /// Sasaran strategis Renstra.
    pub sasaran: Vec<String>,
    /// Capaian indikator kinerja utama.
    pub capaian_iku: Vec<BarisIku>,
    /// Realisasi anggaran per program.
    pub anggaran_program: Vec<BarisAnggaranProgram>,
    /// Jumlah pagu, sudah diformat.
    pub total_pagu: String,
    /// Jumlah realisasi, sudah diformat.
    pub total_realisasi: String,
    /// Serapan keseluruhan dalam persen tanpa "%".
    pub total_serapan: String,
    /// Hasil evaluasi AKIP bila sudah ada; bagian C dilewati bila `None`.
    pub evaluasi: Option<Evaluasi>,
}

/// Rekap status proyek perubahan satu angkatan pelatihan.
#[derive(Debug, Clone, Default, Serialize)]
pub struct BarisAngkatan {
    /// Nama angkatan, mis. "PKN II Angkatan III 2025".
    pub angkatan: String,
    /// Jumlah peserta.
    pub peserta: String,
    /// Proyek yang sesuai jadwal.
    pub sesuai_jadwal: String,
    /// Proyek berisiko.
    pub berisiko: String,
    /// Proyek terlambat.
    pub terlambat: String,
    /// Proyek tanpa pembaruan (senyap).
    pub senyap: String,
    /// Proyek selesai.
    pub selesai: String,
    /// Tonggak jangka menengah/panjang yang selesai, persen tanpa "%".
    pub persen_tonggak_selesai: String,
}

/// Satu tonggak yang melewati jatuh tempo.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TonggakTerlambat {
    /// Nama alumnus.
    pub alumnus: String,
    /// Instansi alumnus.
    pub instansi: String,
    /// Uraian tonggak.
    pub tonggak: String,
    /// Jatuh tempo, sudah diformat ("31 Maret 2026").
    pub jatuh_tempo: String,
    /// Hari terlambat, sudah diformat.
    pub hari_terlambat: String,
}

/// Laporan pemantauan aksi perubahan alumni pelatihan kepemimpinan.
#[derive(Debug, Clone, Default, Serialize)]
pub struct MonitoringAksi {
    /// Penyelenggara atau cakupan, mis. "BPSDM Provinsi Maluku".
    pub penyelenggara: String,
    /// Tanggal keadaan data, mis. "15 Mei 2026".
    pub per_tanggal: String,
    /// Rekap per angkatan.
    pub angkatan: Vec<BarisAngkatan>,
    /// Baris jumlah di bawah rekap (tebal); `None` bila tidak dicetak.
    pub jumlah: Option<BarisAngkatan>,
    /// Tonggak terlambat, dalam urutan dari pemanggil.
    pub tonggak_terlambat: Vec<TonggakTerlambat>,
    /// Penanda tangan laporan.
    pub penanda_tangan: Pihak,
    /// Tempat dan tanggal penandatanganan.
    pub tempat_tanggal: String,
}

/// Perjanjian Kinerja: halaman perjanjian lalu lampiran (indikator dan
/// anggaran), masing-masing dengan blok tanda tangan kedua pihak.
pub fn perjanjian_kinerja_pdf(d: &PerjanjianKinerja) -> Result<Vec<u8>, GalatLaporan> {
    mesin::render(mesin::Templat::PerjanjianKinerja, d)
}

/// LKjIP: sampul, ringkasan eksekutif, Bab I–IV, tanda tangan kepala.
pub fn lkjip_pdf(d: &Lkjip) -> Result<Vec<u8>, GalatLaporan> {
    mesin::render(mesin::Templat::Lkjip, d)
}

/// Laporan Pemantauan Aksi Perubahan: rekap status proyek per angkatan dan
/// daftar tonggak yang melewati jatuh tempo.
pub fn monitoring_aksi_perubahan_pdf(d: &MonitoringAksi) -> Result<Vec<u8>, GalatLaporan> {
    mesin::render(mesin::Templat::MonitoringAksi, d)
}
