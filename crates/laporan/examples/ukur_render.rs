//! Mengukur waktu render dan ukuran PDF.
//!
//! ```sh
//! cargo run --release -p laporan --example ukur_render -- /tmp/laporan
//! ```
//! Menulis contoh PDF ke direktori argumen pertama (bawaan: direktori
//! sementara) dan mencetak waktu per dokumen.

use std::time::Instant;

use laporan::*;

fn pihak(nama: &str, nip: &str, jabatan: &str) -> Pihak {
    Pihak {
        nama: nama.into(),
        nip: nip.into(),
        jabatan: jabatan.into(),
    }
}

fn pk() -> PerjanjianKinerja {
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
        status: "Usulan (belum disetujui)".into(),
        revisi: 1,
        sasaran: (0..8)
            .map(|i| BarisPk {
                no: (i / 3 + 1).to_string(),
                sasaran: format!("Meningkatnya mutu layanan kesehatan {}", i / 3 + 1),
                indikator: format!("Persentase fasilitas kesehatan memenuhi standar {}", i + 1),
                satuan: "%".into(),
                target: "87,50".into(),
            })
            .collect(),
        anggaran: (0..4)
            .map(|i| BarisAnggaranPk {
                program: format!("Program Pemenuhan Upaya Kesehatan {}", i + 1),
                pagu: "Rp12.345.678.900".into(),
            })
            .collect(),
        total_anggaran: "Rp49.382.715.600".into(),
    }
}

fn lkjip(iku: usize) -> Lkjip {
    Lkjip {
        instansi: "Pemerintah Provinsi Maluku".into(),
        tahun: 2025,
        kepala: pihak("Ir. Benyamin Latumahina, M.T.", "", "Gubernur Maluku"),
        tempat_tanggal: "Ambon, 27 Februari 2026".into(),
        ringkasan: vec![
            "Laporan Kinerja tahun 2025 menyajikan capaian 12 indikator kinerja utama.".into(),
            "Sebagian besar indikator mencapai kategori sangat baik; serapan anggaran 91,20%."
                .into(),
        ],
        periode_renstra: "2025–2029".into(),
        tujuan: vec![
            "Meningkatkan kualitas sumber daya manusia".into(),
            "Meningkatkan pertumbuhan ekonomi inklusif".into(),
        ],
        sasaran: vec![
            "Meningkatnya derajat kesehatan masyarakat".into(),
            "Meningkatnya kualitas pendidikan".into(),
        ],
        capaian_iku: (0..iku)
            .map(|i| BarisIku {
                sasaran: format!("Sasaran strategis {}", i / 4 + 1),
                indikator: format!("Indikator kinerja utama {}", i + 1),
                satuan: "%".into(),
                target: "90,00".into(),
                realisasi: "84,15".into(),
                capaian: "93,50".into(),
                kategori: "Sangat Baik".into(),
                realisasi_tahun_lalu: "80,00".into(),
                target_akhir_renstra: "95,00".into(),
                penjelasan:
                    "Capaian didukung perluasan layanan puskesmas keliling ke pulau-pulau kecil."
                        .into(),
            })
            .collect(),
        anggaran_program: (0..6)
            .map(|i| BarisAnggaranProgram {
                program: format!("Program {}", i + 1),
                pagu: "Rp1.234.567.000".into(),
                realisasi: "Rp1.125.000.000".into(),
                serapan: "91,12".into(),
            })
            .collect(),
        total_pagu: "Rp7.407.402.000".into(),
        total_realisasi: "Rp6.750.000.000".into(),
        total_serapan: "91,12".into(),
        evaluasi: Some(Evaluasi {
            nilai: "72,35".into(),
            predikat: "BB".into(),
            interpretasi: "Sangat baik, akuntabel, berkinerja baik.".into(),
            komponen: vec![KomponenEvaluasi {
                nama: "Perencanaan Kinerja".into(),
                bobot: "30".into(),
                nilai: "22,50".into(),
            }],
        }),
    }
}

fn aksi() -> MonitoringAksi {
    let baris = |nama: &str| BarisAngkatan {
        angkatan: nama.into(),
        peserta: "30".into(),
        sesuai_jadwal: "18".into(),
        berisiko: "4".into(),
        terlambat: "3".into(),
        senyap: "2".into(),
        selesai: "3".into(),
        persen_tonggak_selesai: "41,67".into(),
    };
    MonitoringAksi {
        penyelenggara: "BPSDM Provinsi Maluku".into(),
        per_tanggal: "15 Mei 2026".into(),
        angkatan: vec![
            baris("PKN II Angkatan I 2025"),
            baris("PKA Angkatan IV 2025"),
            baris("PKP Angkatan XII 2025"),
        ],
        jumlah: Some(baris("Jumlah")),
        tonggak_terlambat: (0..25)
            .map(|i| TonggakTerlambat {
                alumnus: format!("Alumnus Contoh {}", i + 1),
                instansi: "Pemerintah Kabupaten Maluku Tengah".into(),
                tonggak: "Peraturan bupati tentang layanan perizinan terpadu".into(),
                jatuh_tempo: "31 Maret 2026".into(),
                hari_terlambat: (45 + i).to_string(),
            })
            .collect(),
        penanda_tangan: pihak(
            "Dra. Maria Tahapary, M.Si.",
            "19700101 199503 2 001",
            "Kepala BPSDM Provinsi Maluku",
        ),
        tempat_tanggal: "Ambon, 15 Mei 2026".into(),
    }
}

fn ukur(nama: &str, dir: &std::path::Path, kali: u32, f: impl Fn() -> Vec<u8>) {
    let t = Instant::now();
    let pdf = f();
    let pertama = t.elapsed();
    let t = Instant::now();
    for _ in 0..kali {
        f();
    }
    let rata = t.elapsed() / kali;
    std::fs::write(dir.join(format!("{nama}.pdf")), &pdf).expect("tulis PDF");
    println!(
        "{nama}: pertama {} ms, rata-rata {} ms ({kali}×), {} bita",
        pertama.as_millis(),
        rata.as_millis(),
        pdf.len()
    );
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(std::path::PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    std::fs::create_dir_all(&dir).expect("direktori keluaran");
    ukur("perjanjian_kinerja", &dir, 20, || {
        perjanjian_kinerja_pdf(&pk()).expect("PK")
    });
    ukur("lkjip_12", &dir, 20, || {
        lkjip_pdf(&lkjip(12)).expect("LKjIP")
    });
    ukur("monitoring_aksi", &dir, 20, || {
        monitoring_aksi_perubahan_pdf(&aksi()).expect("aksi")
    });
    ukur("lkjip_1000", &dir, 3, || {
        lkjip_pdf(&lkjip(1000)).expect("LKjIP 1.000")
    });
    // Kasus terburuk yang masih di bawah batas.
    ukur("pk_4990_program", &dir, 1, || {
        let mut d = pk();
        d.anggaran = (0..4990)
            .map(|i| BarisAnggaranPk {
                program: format!("Program {i}"),
                pagu: "Rp1.000".into(),
            })
            .collect();
        perjanjian_kinerja_pdf(&d).expect("PK 4.990")
    });
    ukur("lkjip_1200_iku", &dir, 1, || {
        lkjip_pdf(&lkjip(1200)).expect("LKjIP 1.200")
    });
    ukur("lkjip_ringkasan_190rb", &dir, 1, || {
        let mut d = lkjip(1);
        d.ringkasan = vec!["kinerja ".repeat(2_370); 10];
        lkjip_pdf(&d).expect("ringkasan raksasa")
    });
    ukur("pk_kata_20rb_tanpa_spasi", &dir, 1, || {
        let mut d = pk();
        d.sasaran[0].indikator = "x".repeat(BATAS_TEKS_SATU_ISIAN);
        d.unit = "y".repeat(BATAS_TEKS_SATU_ISIAN);
        perjanjian_kinerja_pdf(&d).expect("kata panjang")
    });
    println!("PDF di {}", dir.display());
}
