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

/// Indikator hasil (outcome) program Maluku, satu per program: (program,
/// indikator, satuan, baseline, target, target kumulatif triwulan I–IV).
/// Baris impor tanpa sub kegiatan; tanpa unit, sehingga perjanjian kinerja
/// unit tetap memakai indikator keluaran sub kegiatannya.
type HasilDemo = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    [&'static str; 4],
);

const HASIL_MALUKU: &[HasilDemo] = &[
    (
        "1.02.02",
        "Persentase balita gizi buruk yang ditangani",
        "%",
        "70",
        "90",
        ["75", "80", "85", "90"],
    ),
    (
        "1.02.03",
        "Persentase fasilitas pelayanan kesehatan dengan SDM kesehatan sesuai standar",
        "%",
        "55",
        "70",
        ["58", "62", "66", "70"],
    ),
    (
        "1.03.02",
        "Persentase kawasan rawan banjir yang terlindungi tanggul",
        "%",
        "40",
        "55",
        ["40", "45", "50", "55"],
    ),
    (
        "1.06.04",
        "Persentase penyandang disabilitas terlantar yang terpenuhi kebutuhan dasarnya di dalam panti",
        "%",
        "85",
        "100",
        ["90", "95", "100", "100"],
    ),
    (
        "3.25.03",
        "Persentase nelayan yang memanfaatkan prasarana perikanan tangkap",
        "%",
        "35",
        "45",
        ["37", "40", "42", "45"],
    ),
    (
        "1.01.02",
        "Persentase ruang kelas SMA dalam kondisi baik",
        "%",
        "72",
        "80",
        ["74", "76", "78", "80"],
    ),
];

/// Baris indikator hasil program-program di `baris` (urut kemunculan).
fn csv_hasil(baris: &[Baris], hasil: &[HasilDemo]) -> String {
    let mut s = String::new();
    let mut sudah = Vec::new();
    for b in baris {
        if sudah.contains(&b.program.0) {
            continue;
        }
        sudah.push(b.program.0);
        for (p, ind, sat, baseline, target, tw) in hasil.iter().filter(|h| h.0 == b.program.0) {
            s.push_str(&format!(
                ",{p},\"{}\",,,,,\"{ind}\",{sat},positif,{baseline},{target},{},{},{},{},\n",
                b.program.1.replace('"', "\"\""),
                tw[0],
                tw[1],
                tw[2],
                tw[3]
            ));
        }
    }
    s
}

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

/// Realisasi indikator hasil program (kolom `subkegiatan_kode` = kode
/// program): triwulan I–III, tepat target kecuali program yang uangnya habis
/// tanpa keluaran (merah), supaya pohon kinerja dan halaman program
/// menampilkan capaian.
fn csv_keluaran_hasil(baris: &[Baris], hasil: &[HasilDemo]) -> String {
    let mut s = String::new();
    let mut sudah = Vec::new();
    // Program yang uangnya habis tanpa keluaran (serapan ≥ 90 %, keluaran
    // ≤ separuh target; di demo 1.03.02): cakupan hasilnya turun di bawah
    // baseline (tanggul lama rusak banjir, yang baru tidak jadi) — merah.
    let tertinggal: Vec<&str> = baris
        .iter()
        .filter(|b| b.serapan >= 90 && b.keluaran * 2 <= b.target)
        .map(|b| b.program.0)
        .collect();
    for b in baris {
        if sudah.contains(&b.program.0) {
            continue;
        }
        sudah.push(b.program.0);
        for (p, ind, _, _, _, tw) in hasil.iter().filter(|h| h.0 == b.program.0) {
            for q in 0..3 {
                let x = if tertinggal.contains(p) { "30" } else { tw[q] };
                s.push_str(&format!(
                    "{p},\"{ind}\",{},{x},https://kinerja.malukuprov.go.id/bukti/{p}/tw{}\n",
                    q + 1,
                    q + 1
                ));
            }
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

async fn tahun_penuh(l: &Layanan, iid: &str, baris: &[Baris], hasil: &[HasilDemo]) -> Hasil<()> {
    let k = Konteks::sistem();
    let rencana = csv_rencana(baris, &[]) + &csv_hasil(baris, hasil);
    impor(l, "rencana", iid, 2026, &rencana).await?;
    impor(l, "belanja", iid, 2026, &csv_belanja(baris)).await?;
    pr::tetapkan(l, &k, iid, 2026)
        .await?
        .map_err(|t| Galat::Internal(format!("demo tetapkan: {:?}", t.kekurangan)))?;
    impor(l, "realisasi-anggaran", iid, 2026, &csv_realisasi(baris)).await?;
    let keluaran = csv_keluaran(baris) + &csv_keluaran_hasil(baris, hasil);
    impor(l, "realisasi-keluaran", iid, 2026, &keluaran).await?;
    Ok(())
}

/// Mengisi rencana dan anggaran demo (dipanggil `isi_demo` sekali).
pub async fn isi_anggaran(l: &Layanan, maluku: &str, ambon: &str) -> Hasil<()> {
    let k = Konteks::sistem();
    tahun_penuh(l, maluku, MALUKU_2026, HASIL_MALUKU).await?;
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
    tahun_penuh(l, ambon, AMBON_2026, &[]).await?;
    pembanding(l).await?;
    // Draf 2027: sistem informasi kesehatan belum punya indikator (skenario peramban).
    impor(
        l,
        "rencana",
        maluku,
        2027,
        &(csv_rencana(&MALUKU_2026[..4], &["1.02.02.1.03.0002"])
            + &csv_hasil(&MALUKU_2026[..4], HASIL_MALUKU)),
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
        // Kabupaten/kota demo lain (aksi perubahan) mungkin sudah ada: pakai itu.
        let ada = store::organisasi::semua_instansi(l.pool())
            .await?
            .into_iter()
            .find(|i| i.kode_wilayah.as_deref() == Some(*kode));
        let i = match ada {
            Some(i) => i,
            None => {
                crate::organisasi::instansi::buat(
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
                .await?
            }
        };
        let unit = store::organisasi::semua_unit(l.pool(), &i.id).await?;
        if !unit.iter().any(|u| u.nama == "Dinas Kesehatan") {
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
        }
        let baris = [Baris {
            pagu_juta: *pagu_juta,
            serapan: 85,
            belanja: &[("5.1.02.01.01.0039", "Pemberian makanan tambahan", 1_000)],
            ..AMBON_2026[0]
        }];
        tahun_penuh(l, &i.id, &baris, &[]).await?;
    }
    Ok(())
}

/// Rencana dan realisasi sintetis untuk tolok ukur (bukan demo): `instansi`
/// pemerintah kabupaten/kota (kode wilayah nyata yang belum berinstansi),
/// masing-masing `unit` unit dan `subkegiatan` sub kegiatan dengan satu
/// indikator, rencana ditetapkan, realisasi anggaran 12 bulan dan keluaran 4
/// triwulan. Ditulis langsung lewat store dengan INSERT berbaris banyak dalam
/// satu transaksi per instansi (pemuat massal yang sama dengan impor), lalu
/// statistik disegarkan (ADR 0006). Kode sub kegiatan sama di setiap
/// instansi, seperti kode nasional. Mengembalikan baris realisasi anggaran.
pub async fn isi_skala_anggaran(
    l: &Layanan,
    instansi: usize,
    unit: usize,
    subkegiatan: usize,
    indikator_per_sub: usize,
    tahun: i64,
) -> Hasil<usize> {
    use store::perencanaan::{Butir, Indikator, RealisasiBulan, RealisasiTriwulan, Rencana};
    const NAMA_INDIKATOR: [&str; 4] = [
        "Jumlah keluaran",
        "Persentase keluaran tepat waktu",
        "Jumlah penerima manfaat",
        "Jumlah dokumen pendukung",
    ];
    let wilayah = super::sqlx_wilayah(l).await?;
    let unit = unit.max(1);
    let mut baris_realisasi = 0usize;
    let mut acak: u64 = 0x9e37_79b9_7f4a_7c15 ^ (instansi as u64) << 20 ^ subkegiatan as u64;
    let mut berikut = move || {
        // xorshift: angka rekaan yang sama di setiap lari.
        acak ^= acak << 13;
        acak ^= acak >> 7;
        acak ^= acak << 17;
        acak
    };
    for (n, (kode, nama, tingkat)) in wilayah.into_iter().take(instansi).enumerate() {
        let k = Konteks::sistem();
        let i = crate::organisasi::instansi::buat(
            l,
            &k,
            crate::organisasi::instansi::MasukanInstansi {
                nama: format!("Pemerintah {nama}"),
                jenis: tingkat,
                kode_wilayah: Some(kode),
                zona_waktu: Some("WIB".into()),
                versi: None,
            },
        )
        .await?;
        let iid = i.id;
        let waktu = store::sekarang();
        let mut units = Vec::with_capacity(unit);
        for u in 0..unit {
            let x = crate::organisasi::unit::buat(
                l,
                &k,
                &iid,
                crate::organisasi::unit::MasukanUnit {
                    nama: format!("Perangkat Daerah {}", u + 1),
                    jenis: "perangkat_daerah".into(),
                    urutan: Some(u as i64),
                    ..Default::default()
                },
            )
            .await?;
            units.push(x.id);
        }
        let rencana = Rencana {
            instansi_id: iid.clone(),
            id: store::id_baru(),
            tahun,
            revisi: 0,
            status: store::perencanaan::DITETAPKAN.into(),
            dasar_id: None,
            alasan_perubahan: None,
            ditetapkan_oleh: None,
            ditetapkan_pada: Some(waktu.clone()),
            nomenklatur: None,
            versi: 1,
            dibuat_pada: waktu.clone(),
            diubah_pada: waktu.clone(),
        };
        let butir_baru = |tingkat: &str,
                          kode: String,
                          induk: Option<String>,
                          unit_id: Option<String>,
                          pagu: Option<i64>,
                          urutan: i64| Butir {
            instansi_id: iid.clone(),
            id: store::id_baru(),
            rencana_id: rencana.id.clone(),
            kunci: store::id_baru(),
            tingkat: tingkat.into(),
            nama: format!("Butir {kode}"),
            kode,
            induk_id: induk,
            unit_id,
            pagu_sen: pagu,
            lokasi: None,
            pejabat_id: None,
            urutan,
            versi: 1,
            dibuat_pada: waktu.clone(),
            diubah_pada: waktu.clone(),
        };
        let (mut program, mut kegiatan, mut sub) = (Vec::new(), Vec::new(), Vec::new());
        let mut indikator = Vec::new();
        let mut real = Vec::new();
        let mut kel = Vec::new();
        for s in 0..subkegiatan {
            // 20 sub kegiatan per kegiatan, 5 kegiatan per program.
            let (p, g) = (s / 100, s / 20);
            let kode_p = format!("{}.{:02}.{:02}", 1 + p / 100, 2 + (p / 10) % 10, 2 + p % 10);
            let kode_g = format!("{kode_p}.2.{:02}", 1 + g % 5);
            if s % 100 == 0 {
                program.push(butir_baru(
                    super::super::perencanaan::PROGRAM,
                    kode_p.clone(),
                    None,
                    None,
                    None,
                    p as i64,
                ));
            }
            if s % 20 == 0 {
                let induk = program.last().map(|b: &Butir| b.id.clone());
                kegiatan.push(butir_baru(
                    super::super::perencanaan::KEGIATAN,
                    kode_g.clone(),
                    induk,
                    None,
                    None,
                    g as i64,
                ));
            }
            let pagu = 100_000_000_00 + (berikut() % 400) as i64 * 1_000_000_00;
            let b = butir_baru(
                super::super::perencanaan::SUBKEGIATAN,
                format!("{kode_g}.{:04}", 1 + s % 20),
                kegiatan.last().map(|b: &Butir| b.id.clone()),
                Some(units[s % unit].clone()),
                Some(pagu),
                s as i64,
            );
            // Serapan 0–100 %: semua tanda muncul di suatu tempat.
            let serapan = (berikut() % 101) as i64;
            for bulan in 1..=12 {
                real.push(RealisasiBulan {
                    instansi_id: iid.clone(),
                    tahun,
                    subkegiatan_kode: b.kode.clone(),
                    bulan,
                    jumlah_sen: pagu * serapan / 100 / 12,
                    versi: 1,
                    diubah_oleh: None,
                    diubah_pada: waktu.clone(),
                });
            }
            for j in 0..indikator_per_sub.max(1) {
                let nama = NAMA_INDIKATOR
                    .get(j)
                    .map(|x| x.to_string())
                    .unwrap_or_else(|| format!("Indikator keluaran {}", j + 1));
                let target = 10 + (berikut() % 90) as i64;
                let ind = Indikator {
                    instansi_id: iid.clone(),
                    id: store::id_baru(),
                    rencana_id: rencana.id.clone(),
                    butir_id: b.id.clone(),
                    kunci: store::id_baru(),
                    nama_kunci: nama.to_lowercase(),
                    nama,
                    satuan: Some("Unit".into()),
                    polaritas: Some("positif".into()),
                    baseline: None,
                    target: Some(target.to_string()),
                    target_tw1: Some((target / 4).to_string()),
                    target_tw2: Some((target / 2).to_string()),
                    target_tw3: Some((target * 3 / 4).to_string()),
                    target_tw4: Some(target.to_string()),
                    urutan: j as i64,
                    versi: 1,
                    dibuat_pada: waktu.clone(),
                    diubah_pada: waktu.clone(),
                };
                // Capaian 0–110 %.
                let capaian = (berikut() % 111) as i64;
                for tw in 1..=4 {
                    kel.push(RealisasiTriwulan {
                        instansi_id: iid.clone(),
                        tahun,
                        indikator_kunci: ind.kunci.clone(),
                        triwulan: tw,
                        subkegiatan_kode: b.kode.clone(),
                        realisasi: (target * capaian * tw / 400).to_string(),
                        bukti_id: None,
                        bukti_url: (berikut() % 3 != 0)
                            .then(|| "https://contoh.go.id/b".to_string()),
                        diverifikasi_oleh: None,
                        diverifikasi_pada: None,
                        catatan_verifikasi: None,
                        versi: 1,
                        diubah_oleh: None,
                        diubah_pada: waktu.clone(),
                    });
                }
                indikator.push(ind);
            }
            sub.push(b);
        }
        let mut tx = l.db.mulai().await?;
        store::perencanaan::sisipkan_rencana(&mut tx, &rencana).await?;
        store::perencanaan::sisipkan_butir_banyak(&mut tx, &program).await?;
        store::perencanaan::sisipkan_butir_banyak(&mut tx, &kegiatan).await?;
        store::perencanaan::sisipkan_butir_banyak(&mut tx, &sub).await?;
        store::perencanaan::sisipkan_indikator_banyak(&mut tx, &indikator).await?;
        store::perencanaan::tulis_realisasi_anggaran_banyak(&mut tx, &real).await?;
        store::perencanaan::tulis_realisasi_keluaran_banyak(&mut tx, &kel).await?;
        baris_realisasi += real.len();
        // Statistik segar setiap kali baris berlipat dua (ADR 0006).
        if (n + 1).is_power_of_two() {
            store::perencanaan::segarkan_statistik_anggaran(&mut tx).await?;
        }
        tx.commit().await?;
    }
    let mut kon = l.pool().acquire().await?;
    store::perencanaan::segarkan_statistik_anggaran(&mut kon).await?;
    store::organisasi::rapikan_setelah_muat(l.pool()).await?;
    Ok(baris_realisasi)
}
