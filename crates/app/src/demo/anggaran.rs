//! Rencana dan anggaran demo (isu 9): Provinsi Maluku 2026 ditetapkan dengan
//! realisasi Januari–November, Kota Ambon 2026 dengan contoh Presiden 2023,
//! dan draf Maluku 2027 yang sengaja gagal gerbang. Sebagian OPD sehat,
//! sebagian sengaja bermasalah sehingga setiap tanda dan putusan muncul.
//!
//! Semuanya dimuat lewat impor yang sama dengan pengguna (CSV disusun di
//! sini), sehingga demo juga menguji jalur itu. Kode, nama program/kegiatan
//! dan indikator dari Kepmendagri pemutakhiran 2027 (data/nomenklatur);
//! angka pagu dan realisasi rekaan.

use crate::perencanaan::{self as pr, MasukanKunci};
use crate::{Galat, Hasil, Konteks, Layanan};

const KEPALA: &str = "unit,program_kode,program_nama,kegiatan_kode,kegiatan_nama,subkegiatan_kode,subkegiatan_nama,indikator,satuan,polaritas,baseline,target,target_tw1,target_tw2,target_tw3,target_tw4,pagu\n";

/// Satu sub kegiatan demo dan nasibnya sepanjang tahun.
struct Baris {
    unit: &'static str,
    program: (&'static str, &'static str),
    kegiatan: (&'static str, &'static str),
    kode: &'static str,
    indikator: (&'static str, &'static str),
    baseline: Option<u32>,
    target: u32,
    /// Pagu dalam juta rupiah.
    pagu_juta: i64,
    /// Penyerapan sampai November (%).
    serapan: i64,
    /// Realisasi keluaran kumulatif sampai triwulan III.
    keluaran: u32,
    /// 0 tanpa bukti, 1 tautan bukti, 2 tautan bukti yang sudah diverifikasi.
    bukti: u8,
    /// Rincian belanja: (kode rekening, uraian, bagian pagu dalam permil).
    belanja: &'static [(&'static str, &'static str, i64)],
}

const P_KES: (&str, &str) = (
    "1.02.02",
    "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat",
);

const MALUKU_2026: &[Baris] = &[
    Baris {
        unit: "Dinas Kesehatan > Bidang Pelayanan Kesehatan",
        program: P_KES,
        kegiatan: (
            "1.02.02.1.04",
            "Penerbitan Izin Rumah Sakit Kelas B dan Fasilitas Pelayanan Kesehatan Tingkat Daerah Provinsi",
        ),
        kode: "1.02.02.1.04.0003",
        indikator: (
            "Jumlah Fasilitas Kesehatan yang Dilakukan Pengukuran Indikator Nasional Mutu (INM) Pelayanan Kesehatan",
            "Unit",
        ),
        baseline: None,
        target: 10,
        pagu_juta: 1_200,
        serapan: 78,
        keluaran: 8,
        bukti: 2,
        belanja: &[
            (
                "5.1.02.04.01.0001",
                "Perjalanan dinas penilai mutu ke fasilitas kesehatan",
                40,
            ),
            (
                "5.1.02.02.01.0003",
                "Honorarium narasumber seminar mutu",
                25,
            ),
            ("5.1.02.04.01.0004", "Paket rapat koordinasi mutu", 200),
            ("5.1.02.01.01.0026", "Cetak instrumen penilaian", 150),
        ],
    },
    Baris {
        unit: "Dinas Kesehatan > Bidang Kesehatan Masyarakat",
        program: P_KES,
        kegiatan: (
            "1.02.02.1.03",
            "Penyelenggaraan Sistem Informasi Kesehatan Secara Terintegrasi",
        ),
        kode: "1.02.02.1.03.0002",
        indikator: (
            "Jumlah Dokumen Hasil Pengelolaan Sistem Informasi Kesehatan",
            "Dokumen",
        ),
        baseline: None,
        target: 4,
        pagu_juta: 800,
        serapan: 85,
        keluaran: 3,
        bukti: 1,
        belanja: &[
            ("5.1.02.02.12.0002", "Sosialisasi aplikasi kesehatan", 450),
            ("5.1.02.04.01.0005", "Paket meeting luar kota", 350),
            ("5.1.02.01.01.0052", "Makan minum rapat", 200),
        ],
    },
    Baris {
        unit: "Dinas Kesehatan > Bidang Sumber Daya Kesehatan",
        program: (
            "1.02.03",
            "Program Peningkatan Kapasitas Sumber Daya Manusia Kesehatan",
        ),
        kegiatan: (
            "1.02.03.1.01",
            "Perencanaan Kebutuhan Sumber Daya Manusia Kesehatan untuk UKM dan UKP Provinsi",
        ),
        kode: "1.02.03.1.01.0001",
        indikator: (
            "Jumlah Sumber Daya Manusia Kesehatan yang Memenuhi Standar di Fasilitas Pelayanan Kesehatan (Fasyankes)",
            "Orang",
        ),
        baseline: Some(60),
        target: 120,
        pagu_juta: 1_500,
        serapan: 74,
        keluaran: 90,
        bukti: 2,
        belanja: &[
            (
                "5.1.02.02.12.0001",
                "Pelatihan tenaga kesehatan pulau terluar",
                70,
            ),
            ("5.1.02.04.01.0001", "Perjalanan peserta pelatihan", 300),
        ],
    },
    Baris {
        unit: "Dinas Pekerjaan Umum dan Penataan Ruang > Bidang Sumber Daya Air",
        program: ("1.03.02", "Program Pengelolaan Sumber Daya Air (SDA)"),
        kegiatan: (
            "1.03.02.1.01",
            "Pengelolaan SDA dan Bangunan Pengaman Pantai pada Wilayah Sungai Lintas Daerah Kabupaten/Kota",
        ),
        kode: "1.03.02.1.01.0009",
        indikator: ("Panjang Tanggul Sungai yang Dibangun", "KM"),
        baseline: None,
        target: 10,
        pagu_juta: 5_000,
        serapan: 95,
        keluaran: 3,
        bukti: 1,
        belanja: &[(
            "5.2.04.02.04.0001",
            "Pembangunan tanggul Sungai Wai Batu Merah",
            100,
        )],
    },
    Baris {
        unit: "Dinas Sosial > Bidang Rehabilitasi Sosial",
        program: ("1.06.04", "Program Rehabilitasi Sosial"),
        kegiatan: (
            "1.06.04.1.01",
            "Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar di dalam Panti",
        ),
        kode: "1.06.04.1.01.0001",
        indikator: (
            "Jumlah Orang yang Mendapatkan Pemenuhan Kebutuhan Permakanan Sesuai dengan Standar Gizi Minimal Kewenangan Provinsi",
            "Orang",
        ),
        baseline: None,
        target: 500,
        pagu_juta: 600,
        serapan: 5,
        keluaran: 500,
        bukti: 1,
        belanja: &[("5.1.02.01.01.0039", "Bahan makanan penghuni panti", 1000)],
    },
    Baris {
        unit: "Dinas Kelautan dan Perikanan > Bidang Perikanan Tangkap",
        program: ("3.25.03", "Program Pengelolaan Perikanan Tangkap"),
        kegiatan: (
            "3.25.03.1.01",
            "Pengelolaan Penangkapan Ikan di Wilayah Laut Sampai Dengan 12 Mil",
        ),
        kode: "3.25.03.1.01.0002",
        indikator: (
            "Jumlah Prasarana Usaha Perikanan Tangkap yang Tersedia di Wilayah Laut sampai dengan 12 Mil",
            "Unit",
        ),
        baseline: None,
        target: 4,
        pagu_juta: 3_000,
        serapan: 70,
        keluaran: 3,
        bukti: 0,
        belanja: &[(
            "5.2.03.01.01.0001",
            "Pembangunan tempat pelelangan ikan",
            100,
        )],
    },
    Baris {
        unit: "Dinas Pendidikan dan Kebudayaan > Bidang Pembinaan SMA",
        program: ("1.01.02", "Program Pengelolaan Pendidikan"),
        kegiatan: (
            "1.01.02.1.01",
            "Pengelolaan Pendidikan Sekolah Menengah Atas",
        ),
        kode: "1.01.02.1.01.0019",
        indikator: (
            "Jumlah Ruang Kelas Sekolah yang Telah Direhabilitasi Sedang/Berat",
            "Ruang",
        ),
        baseline: Some(30),
        target: 20,
        pagu_juta: 2_000,
        serapan: 72,
        keluaran: 15,
        bukti: 2,
        belanja: &[("5.2.03.01.01.0001", "Rehabilitasi ruang kelas SMA", 1000)],
    },
];

/// Contoh Presiden 2023 (Kota Ambon): Rp10 miliar stunting.
const AMBON_2026: &[Baris] = &[Baris {
    unit: "Dinas Kesehatan",
    program: (
        "1.02.02",
        "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat",
    ),
    kegiatan: (
        "1.02.02.2.02",
        "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota",
    ),
    kode: "1.02.02.2.02.0015",
    indikator: (
        "Jumlah Dokumen Hasil Pengelolaan Pelayanan Kesehatan Gizi Masyarakat",
        "Dokumen",
    ),
    baseline: None,
    target: 4,
    pagu_juta: 10_000,
    serapan: 90,
    keluaran: 3,
    bukti: 1,
    belanja: &[
        ("5.1.02.04.01.0001", "Perjalanan dinas", 300),
        ("5.1.02.04.01.0004", "Paket meeting", 300),
        ("5.1.02.02.12.0001", "Penguatan kapasitas kader", 200),
        ("5.1.02.01.01.0039", "Pemberian makanan tambahan", 195),
        ("5.1.02.01.01.0024", "Alat tulis kantor", 5),
    ],
}];

fn csv_rencana(baris: &[Baris], tanpa_indikator: &[&str]) -> String {
    let mut s = String::from(KEPALA);
    for b in baris {
        let (ind, sat, target, tw) = if tanpa_indikator.contains(&b.kode) {
            (
                "",
                "",
                String::new(),
                [String::new(), String::new(), String::new(), String::new()],
            )
        } else {
            let t = b.target;
            let tw = [t / 5, t / 2, t * 4 / 5, t].map(|x| x.to_string());
            (b.indikator.0, b.indikator.1, t.to_string(), tw)
        };
        let baseline = b.baseline.map(|x| x.to_string()).unwrap_or_default();
        let kutip = |x: &str| format!("\"{}\"", x.replace('"', "\"\""));
        s.push_str(&format!(
            "{},{},{},{},{},{},,{},{},positif,{baseline},{target},{},{},{},{},{}\n",
            kutip(b.unit),
            b.program.0,
            kutip(b.program.1),
            b.kegiatan.0,
            kutip(b.kegiatan.1),
            b.kode,
            kutip(ind),
            kutip(sat),
            tw[0],
            tw[1],
            tw[2],
            tw[3],
            b.pagu_juta * 1_000_000
        ));
    }
    s
}

fn csv_belanja(baris: &[Baris]) -> String {
    let mut s = String::from("subkegiatan_kode,kode_rekening,uraian,jumlah\n");
    for b in baris {
        for (rek, uraian, permil) in b.belanja {
            s.push_str(&format!(
                "{},{rek},\"{uraian}\",{}\n",
                b.kode,
                b.pagu_juta * 1_000_000 * permil / 1_000
            ));
        }
    }
    s
}

/// Realisasi Januari–November: jumlah bulan sama, sisa di November.
fn csv_realisasi(baris: &[Baris]) -> String {
    let mut s = String::from("subkegiatan_kode,bulan,jumlah\n");
    for b in baris {
        let total = b.pagu_juta * 1_000_000 * b.serapan / 100;
        let per_bulan = total / 11;
        for bulan in 1..=11 {
            let x = if bulan == 11 {
                total - per_bulan * 10
            } else {
                per_bulan
            };
            s.push_str(&format!("{},{bulan},{x}\n", b.kode));
        }
    }
    s
}

fn csv_keluaran(baris: &[Baris]) -> String {
    let mut s = String::from("subkegiatan_kode,indikator,triwulan,realisasi,bukti_url\n");
    for b in baris {
        for (tw, bagian) in [(1u32, 3u32), (2, 6), (3, 10)] {
            let x = b.keluaran * bagian / 10;
            let url = if b.bukti > 0 {
                format!("https://kinerja.malukuprov.go.id/bukti/{}/tw{tw}", b.kode)
            } else {
                String::new()
            };
            s.push_str(&format!(
                "{},\"{}\",{tw},{x},{url}\n",
                b.kode, b.indikator.0
            ));
        }
    }
    s
}

async fn impor(l: &Layanan, jenis: &str, iid: &str, tahun: i64, isi: &str) -> Hasil<()> {
    let k = Konteks::sistem();
    let nama = format!("demo-{jenis}-{tahun}.csv");
    let b = isi.as_bytes();
    let lap = match jenis {
        "rencana" => crate::impor::impor_rencana(l, &k, iid, tahun, &nama, b).await?,
        "belanja" => crate::impor::impor_belanja(l, &k, iid, tahun, &nama, b).await?,
        "realisasi-anggaran" => {
            crate::impor::impor_realisasi_anggaran(l, &k, iid, tahun, &nama, b).await?
        }
        _ => crate::impor::impor_realisasi_keluaran(l, &k, iid, tahun, &nama, b).await?,
    };
    if lap.diterima {
        Ok(())
    } else {
        Err(Galat::Internal(format!(
            "demo {jenis} {tahun}: {}",
            lap.ke_teks(crate::Bahasa::Id)
        )))
    }
}

async fn tahun_penuh(l: &Layanan, iid: &str, baris: &[Baris]) -> Hasil<()> {
    let k = Konteks::sistem();
    impor(l, "rencana", iid, 2026, &csv_rencana(baris, &[])).await?;
    impor(l, "belanja", iid, 2026, &csv_belanja(baris)).await?;
    pr::tetapkan(l, &k, iid, 2026)
        .await?
        .map_err(|t| Galat::Internal(format!("demo tetapkan: {:?}", t.kekurangan)))?;
    impor(l, "realisasi-anggaran", iid, 2026, &csv_realisasi(baris)).await?;
    impor(l, "realisasi-keluaran", iid, 2026, &csv_keluaran(baris)).await?;
    Ok(())
}

/// Mengisi rencana dan anggaran demo (dipanggil `isi_demo` sekali).
pub async fn isi_anggaran(l: &Layanan, maluku: &str, ambon: &str) -> Hasil<()> {
    let k = Konteks::sistem();
    tahun_penuh(l, maluku, MALUKU_2026).await?;
    // Pimpinan unit sudah memverifikasi sebagian bukti (Dinkes, Dikbud).
    let rencana = store::perencanaan::rencana_tahun(l.pool(), maluku, 2026).await?;
    if let Some(r) = rencana
        .iter()
        .find(|r| r.status == store::perencanaan::DITETAPKAN)
    {
        let ind = store::perencanaan::indikator_rencana(l.pool(), maluku, &r.id).await?;
        let butir = store::perencanaan::butir_rencana(l.pool(), maluku, &r.id).await?;
        let mut tx = l.db.mulai().await?;
        for b in MALUKU_2026.iter().filter(|b| b.bukti == 2) {
            let Some(bt) = butir.iter().find(|x| x.kode == b.kode) else {
                continue;
            };
            for i in ind.iter().filter(|i| i.butir_id == bt.id) {
                for tw in 1..=3 {
                    store::perencanaan::verifikasi_keluaran(
                        &mut tx,
                        maluku,
                        2026,
                        &i.kunci,
                        tw,
                        None,
                        &store::sekarang(),
                        Some("Sesuai foto dan berita acara."),
                    )
                    .await?;
                }
            }
        }
        tx.commit().await?;
    }
    // Keuangan mengunci Januari–September dan triwulan I–II.
    for (jenis, sampai) in [("anggaran", 9), ("keluaran", 2)] {
        for periode in 1..=sampai {
            let m = MasukanKunci {
                jenis: jenis.into(),
                periode,
                alasan: Some("Tutup buku periode".into()),
            };
            pr::kunci_periode(l, &k, maluku, 2026, m).await?;
        }
    }
    tahun_penuh(l, ambon, AMBON_2026).await?;
    pembanding(l).await?;
    // Draf 2027: sistem informasi kesehatan belum punya indikator (skenario peramban).
    impor(
        l,
        "rencana",
        maluku,
        2027,
        &csv_rencana(&MALUKU_2026[..4], &["1.02.02.1.03.0002"]),
    )
    .await?;
    Ok(())
}

/// Kabupaten/kota pembanding biaya per satuan: sub kegiatan gizi yang sama
/// dengan Kota Ambon, dengan biaya per dokumen yang wajar; Ambon menjadi
/// pencilan (contoh Presiden 2023: uangnya habis untuk rapat dan perjalanan).
const PEMBANDING: &[(&str, &str, &str, i64)] = &[
    (
        "Pemerintah Kabupaten Maluku Tengah",
        "kabupaten",
        "81.01",
        2_400,
    ),
    (
        "Pemerintah Kabupaten Maluku Tenggara",
        "kabupaten",
        "81.02",
        2_000,
    ),
    ("Pemerintah Kabupaten Buru", "kabupaten", "81.04", 2_200),
    (
        "Pemerintah Kabupaten Seram Bagian Barat",
        "kabupaten",
        "81.06",
        2_600,
    ),
    (
        "Pemerintah Kabupaten Kepulauan Aru",
        "kabupaten",
        "81.07",
        2_100,
    ),
    ("Pemerintah Kota Tual", "kota", "81.72", 1_900),
];

async fn pembanding(l: &Layanan) -> Hasil<()> {
    let k = Konteks::sistem();
    for (nama, jenis, kode, pagu_juta) in PEMBANDING {
        let i = crate::organisasi::instansi::buat(
            l,
            &k,
            crate::organisasi::instansi::MasukanInstansi {
                nama: (*nama).into(),
                jenis: (*jenis).into(),
                kode_wilayah: Some((*kode).into()),
                zona_waktu: Some("WIT".into()),
                versi: None,
            },
        )
        .await?;
        crate::organisasi::unit::buat(
            l,
            &k,
            &i.id,
            crate::organisasi::unit::MasukanUnit {
                nama: "Dinas Kesehatan".into(),
                jenis: "perangkat_daerah".into(),
                ..Default::default()
            },
        )
        .await?;
        let baris = [Baris {
            pagu_juta: *pagu_juta,
            serapan: 85,
            belanja: &[("5.1.02.01.01.0039", "Pemberian makanan tambahan", 1_000)],
            ..AMBON_2026[0]
        }];
        tahun_penuh(l, &i.id, &baris).await?;
    }
    Ok(())
}
