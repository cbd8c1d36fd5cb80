mod umum;

use std::time::Instant;

use laporan::*;
use umum::*;

#[test]
fn lkjip_menjadi_pdf_dengan_semua_bab() {
    let pdf = lkjip_pdf(&contoh_lkjip()).expect("render");
    assert!(pdf.starts_with(b"%PDF"), "bukan PDF");

    let sampul = teks_halaman(&pdf, 1, 1);
    assert!(
        sampul.contains("Pemerintah Provinsi Maluku"),
        "nama instansi harus di halaman 1:\n{sampul}"
    );
    assert!(sampul.contains("TAHUN 2025"), "{sampul}");

    let h = halaman(&pdf);
    let semua = h.join(" ");
    let n = h.len();
    // Baris tabel dibaca dengan -layout (sel berurutan dalam satu baris teks).
    let tabel = halaman_tata_letak(&pdf).join(" ");
    for harus in [
        "Sasaran Indikator Satuan Target Realisasi Capaian (%) Kategori",
        "Indikator uji 0002 % 90,00 84,15 93,50 Sangat Baik",
        "No Program Pagu Realisasi Serapan (%)",
        "1 Program Pemenuhan Upaya Kesehatan Rp1.234.567 Rp1.000.000 81,00",
        "Jumlah Rp1.234.567 Rp1.000.000 81,00",
        "No Komponen Bobot Nilai",
        "2 Pengukuran Kinerja 30 21,00",
        "Nilai akhir 72,35",
    ] {
        assert!(
            tabel.contains(harus),
            "tabel LKjIP tanpa {harus:?}:\n{tabel}"
        );
    }
    for harus in [
        "RINGKASAN EKSEKUTIF",
        "Dari 3 indikator kinerja utama, 2 mencapai kategori sangat baik.",
        "BAB I PENDAHULUAN",
        "BAB II PERENCANAAN KINERJA",
        "periode 2025–2029",
        "Meningkatnya kualitas pendidikan",
        "BAB III AKUNTABILITAS KINERJA",
        "A. Capaian Kinerja Organisasi",
        "Indikator uji 0002",
        "Realisasi 2024 : 80,00 %",
        "Target akhir Renstra 2025–2029 : 95,00 %",
        "Penjelasan indikator 0001",
        "B. Realisasi Anggaran",
        "C. Hasil Evaluasi AKIP",
        "predikat BB. Interpretasi: Sangat baik, akuntabel, berkinerja baik.",
        "BAB IV PENUTUP",
        "Tempat tanda tangan elektronik",
        "Ir. Benyamin Latumahina, M.T.",
        &format!("Halaman {n} dari {n}"),
    ] {
        assert!(semua.contains(harus), "LKjIP tanpa {harus:?}:\n{semua}");
    }

    let mut tanpa = contoh_lkjip();
    tanpa.evaluasi = None;
    let semua = halaman(&lkjip_pdf(&tanpa).expect("render")).join(" ");
    assert!(
        !semua.contains("Hasil Evaluasi AKIP"),
        "bagian C hanya bila ada evaluasi"
    );
    assert!(semua.contains("BAB IV PENUTUP"));
}

#[test]
fn lkjip_teks_data_tidak_pernah_menjadi_markup() {
    let mut d = contoh_lkjip();
    d.instansi = INJEKSI.into();
    d.ringkasan = vec![INJEKSI.into(), NAMA_BERAKSEN.into()];
    d.tujuan = vec![INJEKSI.into()];
    d.capaian_iku[1].indikator = INJEKSI.into();
    d.capaian_iku[1].penjelasan = INJEKSI.into();
    d.capaian_iku[2].realisasi_tahun_lalu = String::new();
    d.kepala = pihak(NAMA_BERAKSEN, INJEKSI, INJEKSI);
    let pdf = lkjip_pdf(&d).expect("teks markup tetap dirender");
    let sampul = teks_halaman(&pdf, 1, 1);
    assert!(sampul.contains(INJEKSI), "sampul:\n{sampul}");
    let semua = halaman(&pdf).join(" ");
    assert!(semua.matches(INJEKSI).count() >= 8, "{semua}");
    assert!(
        semua.contains(NAMA_BERAKSEN),
        "karakter Indonesia hilang:\n{semua}"
    );
    assert!(
        semua.contains("Realisasi 2024 : – Target akhir"),
        "isian kosong dicetak strip tanpa satuan:\n{semua}"
    );
}

#[test]
fn lkjip_seribu_baris_kepala_tabel_berulang() {
    let mut d = contoh_lkjip();
    d.capaian_iku = (0..1000).map(baris_iku).collect();
    let mulai = Instant::now();
    let pdf = lkjip_pdf(&d).expect("render 1.000 baris");
    eprintln!(
        "LKjIP 1.000 baris: {} ms, {} bita",
        mulai.elapsed().as_millis(),
        pdf.len()
    );
    let h = halaman_tata_letak(&pdf);
    let awal_tabel = h
        .iter()
        .position(|t| t.contains("A. Capaian Kinerja Organisasi"))
        .expect("bagian A");
    let baris_500 = h
        .iter()
        .position(|t| t.contains("Indikator uji 0500 %"))
        .expect("baris 500 di tabel");
    assert!(
        baris_500 > awal_tabel,
        "baris 500 harus di halaman lanjutan tabel"
    );
    for (i, t) in h.iter().enumerate().take(baris_500 + 1).skip(awal_tabel) {
        assert!(
            t.contains("Sasaran Indikator Satuan Target Realisasi Capaian (%) Kategori"),
            "kepala tabel tidak berulang di halaman {}:\n{t}",
            i + 1
        );
    }
    let n = h.len();
    assert!(h[n - 1].contains(&format!("Halaman {n} dari {n}")));
}

#[test]
fn masukan_raksasa_ditolak_sebelum_render() {
    let mut d = contoh_lkjip();
    d.capaian_iku = (0..BATAS_BARIS + 1).map(baris_iku).collect();
    let mulai = Instant::now();
    match lkjip_pdf(&d) {
        Err(GalatLaporan::TerlaluBesar { batas, .. }) => assert_eq!(batas, BATAS_BARIS),
        lain => panic!("harus ditolak: {:?}", lain.map(|b| b.len())),
    }
    assert!(mulai.elapsed().as_millis() < 2_000, "penolakan harus murah");

    let mut d = contoh_lkjip();
    d.ringkasan = vec!["kata ".repeat(3_000); 14];
    assert!(matches!(
        lkjip_pdf(&d),
        Err(GalatLaporan::TerlaluBesar {
            batas: BATAS_KARAKTER,
            ..
        })
    ));

    let mut d = contoh_pk();
    d.sasaran[0].indikator = "x".repeat(BATAS_TEKS_SATU_ISIAN + 1);
    assert!(matches!(
        perjanjian_kinerja_pdf(&d),
        Err(GalatLaporan::TerlaluBesar {
            batas: BATAS_TEKS_SATU_ISIAN,
            ..
        })
    ));

    let mut d = contoh_pk();
    d.anggaran = (0..BATAS_BARIS + 1)
        .map(|i| BarisAnggaranPk {
            program: format!("Program {i}"),
            pagu: "Rp1".into(),
        })
        .collect();
    let e = perjanjian_kinerja_pdf(&d).expect_err("ditolak");
    assert!(e.to_string().contains("terlalu besar"), "{e}");
}
