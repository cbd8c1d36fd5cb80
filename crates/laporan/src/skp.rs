//! Dokumen Sasaran Kinerja Pegawai dan Dokumen Evaluasi Kinerja Pegawai
//! (PermenPANRB 6/2022, tata letak seperti cetakan e-Kinerja BKN).
//!
//! Seperti dokumen lain di crate ini, semua isian adalah teks yang sudah
//! diformat pemanggil; crate ini tidak mengenal aturan SKP. Tujuh nilai
//! BerAKHLAK dan panduan perilakunya pun datang dari pemanggil
//! ([`PerilakuDokumen`]), dicetak sesuai urutan yang diberikan.

use serde::Serialize;

use crate::{GalatLaporan, mesin};

/// Identitas satu pihak pada blok "PEGAWAI YANG DINILAI", "PEJABAT PENILAI
/// KINERJA" atau "ATASAN PEJABAT PENILAI KINERJA", dan pada tanda tangan.
#[derive(Debug, Clone, Default, Serialize)]
pub struct IdentitasPegawai {
    /// Nama lengkap dengan gelar.
    pub nama: String,
    /// NIP; kosong untuk pejabat non-ASN (dicetak "–" di blok identitas,
    /// baris NIP dilewati di tanda tangan).
    pub nip: String,
    /// Pangkat dan golongan ruang, mis. "Penata Tk. I (III/d)"; kosong
    /// dicetak "–".
    pub pangkat: String,
    /// Jabatan, mis. "Kepala Seksi Surveilans dan Imunisasi".
    pub jabatan: String,
    /// Unit kerja, mis. "Dinas Kesehatan Provinsi Maluku".
    pub unit_kerja: String,
}

/// Satu indikator kinerja individu (IKI) dari sebuah RHK: satu baris tabel
/// "HASIL KERJA".
#[derive(Debug, Clone, Default, Serialize)]
pub struct BarisIndikatorDokumen {
    /// Aspek indikator, mis. "Kuantitas", "Kualitas", "Waktu"; boleh kosong.
    pub aspek: String,
    /// Uraian indikator kinerja individu.
    pub indikator: String,
    /// Target beserta satuannya, sudah diformat, mis. "12 laporan".
    pub target: String,
    /// Realisasi berdasarkan bukti dukung, sudah diformat beserta satuan;
    /// hanya dicetak di dokumen evaluasi (diabaikan di SKP). Boleh kosong.
    pub realisasi: String,
    /// Umpan balik berkelanjutan pejabat penilai atas realisasi indikator
    /// ini; hanya dicetak di dokumen evaluasi. Boleh kosong.
    pub umpan_balik: String,
}

/// Satu rencana hasil kerja (RHK) dengan indikatornya.
///
/// Sel RHK (dan nomornya) merentang semua baris indikatornya; RHK tanpa
/// indikator tetap dicetak satu baris dengan sel indikator kosong. Sel RHK
/// pimpinan (atau perspektif) digabung untuk RHK berurutan yang nilainya sama.
#[derive(Debug, Clone, Default, Serialize)]
pub struct BarisRhkDokumen {
    /// RHK pimpinan yang diintervensi; dicetak bila dokumen bukan JPT.
    /// Boleh kosong (mis. RHK tambahan).
    pub rhk_pimpinan: String,
    /// Perspektif (mis. "Perspektif Penerima Layanan"); dicetak sebagai
    /// pengganti `rhk_pimpinan` bila dokumen untuk JPT.
    pub perspektif: String,
    /// Uraian rencana hasil kerja.
    pub rhk: String,
    /// Indikator kinerja individu RHK ini, dalam urutan cetak.
    pub indikator: Vec<BarisIndikatorDokumen>,
}

/// Satu nilai dasar BerAKHLAK pada tabel "PERILAKU KERJA".
#[derive(Debug, Clone, Default, Serialize)]
pub struct PerilakuDokumen {
    /// Nama nilai, mis. "Berorientasi Pelayanan".
    pub nilai: String,
    /// Panduan perilaku (tiga butir pada format resmi), dicetak bernomor.
    pub panduan: Vec<String>,
    /// Ekspektasi khusus pimpinan; boleh kosong.
    pub ekspektasi: String,
    /// Umpan balik berkelanjutan berdasarkan bukti dukung; hanya dicetak di
    /// dokumen evaluasi. Boleh kosong.
    pub umpan_balik: String,
}

/// Lampiran SKP. Bagian yang daftarnya kosong tidak dicetak; bila ketiganya
/// kosong, halaman lampiran tidak dicetak sama sekali.
#[derive(Debug, Clone, Default, Serialize)]
pub struct LampiranSkp {
    /// Dukungan sumber daya, satu butir per baris.
    pub dukungan_sumber_daya: Vec<String>,
    /// Skema pertanggungjawaban, satu butir per baris.
    pub skema_pertanggungjawaban: Vec<String>,
    /// Konsekuensi, satu butir per baris.
    pub konsekuensi: Vec<String>,
}

/// Sasaran Kinerja Pegawai satu pegawai untuk satu periode penilaian.
#[derive(Debug, Clone, Default, Serialize)]
pub struct DokumenSkp {
    /// Nama instansi di kiri atas, mis. "Pemerintah Provinsi Maluku".
    pub instansi: String,
    /// Baris di bawah judul, mis. "Pendekatan Hasil Kerja Kuantitatif bagi
    /// Pejabat Administrasi dan Pejabat Fungsional"; kosong: tidak dicetak.
    pub subjudul: String,
    /// Periode penilaian di kanan atas, mis. "1 Januari s.d. 31 Desember 2026".
    pub periode_penilaian: String,
    /// SKP pejabat pimpinan tinggi: kolom kedua tabel hasil kerja menjadi
    /// "Perspektif" (isi dari [`BarisRhkDokumen::perspektif`]).
    pub jpt: bool,
    /// Pegawai yang dinilai.
    pub pegawai: IdentitasPegawai,
    /// Pejabat penilai kinerja.
    pub penilai: IdentitasPegawai,
    /// RHK utama ("A. UTAMA"), dinomori mulai 1.
    pub utama: Vec<BarisRhkDokumen>,
    /// RHK tambahan ("B. TAMBAHAN"), dinomori mulai 1; kosong dicetak
    /// "Tidak ada data.".
    pub tambahan: Vec<BarisRhkDokumen>,
    /// Tujuh nilai BerAKHLAK dengan panduan dan ekspektasi, dalam urutan cetak.
    pub perilaku: Vec<PerilakuDokumen>,
    /// Lampiran SKP.
    pub lampiran: LampiranSkp,
    /// Tempat dan tanggal penandatanganan, mis. "Ambon, 2 Januari 2026".
    pub tempat_tanggal: String,
    /// Status SKP. Hanya "disetujui" (huruf besar/kecil dan spasi tepi
    /// diabaikan) yang dicetak tanpa tanda air "DRAF"; status lain, termasuk
    /// kosong, diberi tanda air, dan status yang tidak kosong juga dicetak di
    /// kepala setiap halaman.
    pub status: String,
}

/// Dokumen Evaluasi Kinerja Pegawai untuk satu periode (triwulan atau
/// tahunan).
#[derive(Debug, Clone, Default, Serialize)]
pub struct DokumenEvaluasi {
    /// Nama instansi di kiri atas.
    pub instansi: String,
    /// Baris di bawah judul (pendekatan dan kelompok jabatan); kosong: tidak
    /// dicetak.
    pub subjudul: String,
    /// Periode evaluasi, dicetak "PERIODE: …", mis. "Triwulan I 2026" atau
    /// "Tahunan 2026".
    pub periode: String,
    /// Rentang tanggal penilaian di kanan atas, mis. "1 Januari s.d. 31 Maret
    /// 2026"; kosong: tidak dicetak.
    pub periode_penilaian: String,
    /// Evaluasi pejabat pimpinan tinggi: kolom "Perspektif" menggantikan RHK
    /// pimpinan yang diintervensi.
    pub jpt: bool,
    /// Pegawai yang dinilai.
    pub pegawai: IdentitasPegawai,
    /// Pejabat penilai kinerja.
    pub penilai: IdentitasPegawai,
    /// Atasan pejabat penilai kinerja; `None` (mis. penilai adalah pejabat
    /// tertinggi) melewati blok itu.
    pub atasan_penilai: Option<IdentitasPegawai>,
    /// Predikat kinerja organisasi unit, mis. "BAIK"; kosong dicetak "–".
    pub capaian_organisasi: String,
    /// Pola distribusi predikat yang berlaku, mis. "Kurva distribusi
    /// predikat organisasi BAIK"; kosong dicetak "–".
    pub pola_distribusi: String,
    /// RHK utama beserta realisasi dan umpan balik per indikator.
    pub utama: Vec<BarisRhkDokumen>,
    /// RHK tambahan.
    pub tambahan: Vec<BarisRhkDokumen>,
    /// Rating hasil kerja, mis. "SESUAI EKSPEKTASI"; kosong dicetak "–".
    pub rating_hasil_kerja: String,
    /// Tujuh nilai BerAKHLAK dengan ekspektasi dan umpan balik.
    pub perilaku: Vec<PerilakuDokumen>,
    /// Rating perilaku kerja, mis. "SESUAI EKSPEKTASI"; kosong dicetak "–".
    pub rating_perilaku_kerja: String,
    /// Predikat kinerja pegawai, mis. "BAIK"; kosong dicetak "–".
    pub predikat: String,
    /// Angka kredit periode ini untuk jabatan fungsional, sudah diformat
    /// ("12,50"); `None`: baris tidak dicetak.
    pub angka_kredit: Option<String>,
    /// Tempat dan tanggal penandatanganan.
    pub tempat_tanggal: String,
    /// Cetak juga kolom tanda tangan "Pegawai yang Dinilai" di kiri; bila
    /// `false` hanya pejabat penilai yang menandatangani.
    pub ttd_pegawai: bool,
    /// Tanda air "DRAF" di setiap halaman (mis. kurva unit belum difinalkan).
    pub draf: bool,
}

/// Sasaran Kinerja Pegawai: identitas, hasil kerja (utama dan tambahan),
/// perilaku kerja, tanda tangan, lalu lampiran bila ada isinya.
pub fn skp_pdf(d: &DokumenSkp) -> Result<Vec<u8>, GalatLaporan> {
    mesin::render(mesin::Templat::Skp, d)
}

/// Dokumen Evaluasi Kinerja Pegawai: identitas tiga pihak, capaian
/// organisasi dan pola distribusi, hasil kerja dengan realisasi dan umpan
/// balik, perilaku kerja, rating, predikat, tanda tangan.
pub fn evaluasi_kinerja_pdf(d: &DokumenEvaluasi) -> Result<Vec<u8>, GalatLaporan> {
    mesin::render(mesin::Templat::EvaluasiKinerja, d)
}
