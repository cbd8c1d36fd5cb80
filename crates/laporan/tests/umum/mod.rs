//! Alat bersama tes: contoh data dan pembacaan teks PDF lewat pdftotext.
#![allow(dead_code)]

use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use laporan::*;

/// String yang akan meledak bila data pernah ditafsirkan sebagai markup typst.
pub const INJEKSI: &str = r#"#panic("x") *tebal* $x$ ] [ \ @ref <lbl>"#;

/// Karakter yang muncul pada nama dan jabatan nyata.
pub const NAMA_BERAKSEN: &str =
    "Dr. Ni Ketut Sūrya Ma’ruf Dewi, M.Si. – Badan Perencanaan & Pembangunan; café “Ūlú”";

static NOMOR: AtomicUsize = AtomicUsize::new(0);

/// Teks PDF per halaman (pdftotext memisahkan halaman dengan form feed).
/// Gagal, bukan dilewati, bila pdftotext tidak ada: tes ini yang menjaga
/// isi PDF, jadi melewatinya diam-diam sama dengan tidak menguji.
pub fn halaman(pdf: &[u8]) -> Vec<String> {
    per_halaman(&pdftotext(pdf, &[]))
}

/// Seperti [`halaman`], tetapi dengan `-layout`: satu baris tabel tetap satu
/// baris teks, jadi urutan sel dapat diperiksa. Paragraf dan kolom
/// berdampingan lebih baik diperiksa dengan [`halaman`].
pub fn halaman_tata_letak(pdf: &[u8]) -> Vec<String> {
    per_halaman(&pdftotext(pdf, &["-layout"]))
}

/// Seperti [`halaman`], tetapi dengan `-raw` (urutan aliran isi PDF). Teks
/// miring seperti tanda air keluar huruf demi huruf dan teracak tanpa `-raw`;
/// dengan `-raw` hurufnya berurutan walau dipisah spasi.
pub fn halaman_mentah(pdf: &[u8]) -> Vec<String> {
    per_halaman(&pdftotext(pdf, &["-raw"]))
}

fn per_halaman(semua: &str) -> Vec<String> {
    let mut h: Vec<String> = semua.split('\u{c}').map(rapikan).collect();
    if h.last().is_some_and(|s| s.is_empty()) {
        h.pop();
    }
    h
}

/// Teks satu rentang halaman, memakai -f/-l pdftotext sendiri.
pub fn teks_halaman(pdf: &[u8], dari: u32, sampai: u32) -> String {
    rapikan(&pdftotext(
        pdf,
        &["-f", &dari.to_string(), "-l", &sampai.to_string()],
    ))
}

fn pdftotext(pdf: &[u8], opsi: &[&str]) -> String {
    let n = NOMOR.fetch_add(1, Ordering::Relaxed);
    let jalur = std::env::temp_dir().join(format!("laporan-tes-{}-{n}.pdf", std::process::id()));
    std::fs::write(&jalur, pdf).expect("menulis PDF sementara");
    let hasil = Command::new("pdftotext")
        .args(opsi)
        .args(["-enc", "UTF-8"])
        .arg(&jalur)
        .arg("-")
        .output();
    let _ = std::fs::remove_file(&jalur);
    match hasil {
        Ok(o) if o.status.success() => String::from_utf8(o.stdout).expect("pdftotext UTF-8"),
        Ok(o) => panic!(
            "pdftotext gagal ({}): {}",
            o.status,
            String::from_utf8_lossy(&o.stderr)
        ),
        Err(e) => panic!(
            "pdftotext tidak dapat dijalankan ({e}). Pasang paket Debian poppler-utils \
             (apt-get install poppler-utils); scripts/browser.sh memasangnya untuk CI."
        ),
    }
}

/// Spasi dan baris baru disatukan: tata letak boleh membungkus baris di mana saja.
pub fn rapikan(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn pihak(nama: &str, nip: &str, jabatan: &str) -> Pihak {
    Pihak {
        nama: nama.into(),
        nip: nip.into(),
        jabatan: jabatan.into(),
    }
}

pub fn contoh_pk() -> PerjanjianKinerja {
    PerjanjianKinerja {
        instansi: "Pemerintah Provinsi Maluku".into(),
        unit: "Dinas Kesehatan".into(),
        tahun: 2026,
        pihak_pertama: pihak(
            "dr. Zulkarnain Pattimura, M.Kes.",
            "19720410 199803 1 005",
            "Kepala Dinas Kesehatan",
        ),
        pihak_kedua: pihak("Ir. Benyamin Latumahina, M.T.", "", "Gubernur Maluku"),
        tempat_tanggal: "Ambon, 2 Januari 2026".into(),
        status: "Disetujui".into(),
        revisi: 0,
        sasaran: vec![
            BarisPk {
                no: "1".into(),
                sasaran: "Meningkatnya derajat kesehatan masyarakat".into(),
                indikator: "Angka kematian ibu per 100.000 kelahiran hidup".into(),
                satuan: "per 100.000 KH".into(),
                target: "145".into(),
            },
            BarisPk {
                no: "1".into(),
                sasaran: "Meningkatnya derajat kesehatan masyarakat".into(),
                indikator: "Prevalensi stunting balita".into(),
                satuan: "%".into(),
                target: "18,50".into(),
            },
            BarisPk {
                no: "2".into(),
                sasaran: "Meningkatnya mutu layanan kesehatan rujukan".into(),
                indikator: "Persentase rumah sakit terakreditasi paripurna".into(),
                satuan: "%".into(),
                target: "75,00".into(),
            },
        ],
        anggaran: vec![
            BarisAnggaranPk {
                program:
                    "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat"
                        .into(),
                pagu: "Rp45.250.000.000".into(),
            },
            BarisAnggaranPk {
                program: "Program Penunjang Urusan Pemerintahan Daerah Provinsi".into(),
                pagu: "Rp12.500.000.000".into(),
            },
        ],
        total_anggaran: "Rp57.750.000.000".into(),
    }
}

pub fn baris_iku(i: usize) -> BarisIku {
    BarisIku {
        sasaran: format!("Sasaran strategis {}", i / 4 + 1),
        indikator: format!("Indikator uji {i:04}"),
        satuan: "%".into(),
        target: "90,00".into(),
        realisasi: "84,15".into(),
        capaian: "93,50".into(),
        kategori: "Sangat Baik".into(),
        realisasi_tahun_lalu: "80,00".into(),
        target_akhir_renstra: "95,00".into(),
        penjelasan: format!(
            "Penjelasan indikator {i:04}: capaian didukung perluasan layanan puskesmas keliling."
        ),
    }
}

pub fn contoh_lkjip() -> Lkjip {
    Lkjip {
        instansi: "Pemerintah Provinsi Maluku".into(),
        tahun: 2025,
        kepala: pihak("Ir. Benyamin Latumahina, M.T.", "", "Gubernur Maluku"),
        tempat_tanggal: "Ambon, 27 Februari 2026".into(),
        ringkasan: vec![
            "Laporan ini menyajikan capaian kinerja tahun 2025.".into(),
            "Dari 3 indikator kinerja utama, 2 mencapai kategori sangat baik.".into(),
        ],
        periode_renstra: "2025–2029".into(),
        tujuan: vec!["Meningkatkan kualitas sumber daya manusia".into()],
        sasaran: vec![
            "Meningkatnya derajat kesehatan masyarakat".into(),
            "Meningkatnya kualitas pendidikan".into(),
        ],
        capaian_iku: (0..3).map(baris_iku).collect(),
        anggaran_program: vec![BarisAnggaranProgram {
            program: "Program Pemenuhan Upaya Kesehatan".into(),
            pagu: "Rp1.234.567".into(),
            realisasi: "Rp1.000.000".into(),
            serapan: "81,00".into(),
        }],
        total_pagu: "Rp1.234.567".into(),
        total_realisasi: "Rp1.000.000".into(),
        total_serapan: "81,00".into(),
        evaluasi: Some(Evaluasi {
            nilai: "72,35".into(),
            predikat: "BB".into(),
            interpretasi: "Sangat baik, akuntabel, berkinerja baik.".into(),
            komponen: vec![
                KomponenEvaluasi {
                    nama: "Perencanaan Kinerja".into(),
                    bobot: "30".into(),
                    nilai: "22,50".into(),
                },
                KomponenEvaluasi {
                    nama: "Pengukuran Kinerja".into(),
                    bobot: "30".into(),
                    nilai: "21,00".into(),
                },
            ],
        }),
    }
}
