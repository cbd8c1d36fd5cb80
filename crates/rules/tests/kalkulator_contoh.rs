//! Setiap contoh EXAMPLES.md (E1–E9) lewat kontrak JSON `kalkulator::hitung`,
//! membandingkan field keluaran persis (tanpa `penjelasan`).

use rules::Bahasa;
use rules::kalkulator::{DAFTAR, hitung, hitung_teks, info};
use serde_json::{Value, json};

/// Keluaran tanpa `penjelasan` (dibandingkan terpisah).
fn jalankan(nama: &str, input: Value) -> Value {
    let mut v = hitung(nama, &input, Bahasa::Id).unwrap_or_else(|e| panic!("{nama}: {e}"));
    let penjelasan = v.as_object_mut().unwrap().remove("penjelasan");
    assert!(
        penjelasan.is_some_and(|p| p.is_object()),
        "{nama}: penjelasan harus objek"
    );
    v
}

#[test]
fn e1_predikat_kinerja() {
    let kasus = [
        ("di_atas_ekspektasi", "di_atas_ekspektasi", "sangat_baik"),
        ("di_atas_ekspektasi", "sesuai_ekspektasi", "baik"),
        ("di_atas_ekspektasi", "di_bawah_ekspektasi", "kurang"),
        ("sesuai_ekspektasi", "di_atas_ekspektasi", "baik"),
        ("sesuai_ekspektasi", "sesuai_ekspektasi", "baik"),
        ("sesuai_ekspektasi", "di_bawah_ekspektasi", "kurang"),
        (
            "di_bawah_ekspektasi",
            "di_atas_ekspektasi",
            "butuh_perbaikan",
        ),
        (
            "di_bawah_ekspektasi",
            "sesuai_ekspektasi",
            "butuh_perbaikan",
        ),
        (
            "di_bawah_ekspektasi",
            "di_bawah_ekspektasi",
            "sangat_kurang",
        ),
    ];
    for (h, p, harap) in kasus {
        let v = jalankan(
            "predikat-kinerja",
            json!({"hasil_kerja": h, "perilaku_kerja": p}),
        );
        assert_eq!(v, json!({"predikat": harap}), "{h} × {p}");
    }
}

#[test]
fn e2_kurva_distribusi() {
    let v = jalankan(
        "kurva-distribusi",
        json!({"predikat_organisasi": "baik", "jumlah": {"sangat_baik": 3, "baik": 14, "butuh_perbaikan": 2, "kurang": 1, "sangat_kurang": 0}}),
    );
    assert_eq!(v, json!({"valid": true, "pelanggaran": []}));

    let v = jalankan(
        "kurva-distribusi",
        json!({"predikat_organisasi": "baik", "jumlah": {"sangat_baik": 5, "baik": 15}}),
    );
    assert_eq!(
        v,
        json!({"valid": false, "pelanggaran": [
            {"aturan": "baik_maksimal", "pesan": "Baik melebihi 70% dari 20 pegawai (ditemukan 15, maksimal 14)", "ditemukan": 15, "batas": 14},
            {"aturan": "harus_ada_butuh_perbaikan_atau_kurang", "pesan": "Harus ada pegawai dengan predikat Butuh Perbaikan dan/atau Kurang/Misconduct (ditemukan 0, minimal 1)", "ditemukan": 0, "batas": 1},
        ]})
    );

    let v = jalankan(
        "kurva-distribusi",
        json!({"predikat_organisasi": "butuh_perbaikan", "jumlah": {"sangat_baik": 1, "baik": 3, "butuh_perbaikan": 6}}),
    );
    assert_eq!(v, json!({"valid": true, "pelanggaran": []}));

    let v = jalankan(
        "kurva-distribusi",
        json!({"predikat_organisasi": "butuh_perbaikan", "jumlah": {"sangat_baik": 2, "baik": 2, "butuh_perbaikan": 6}}),
    );
    assert_eq!(v["valid"], json!(false));
    let p = v["pelanggaran"].as_array().unwrap();
    assert_eq!(p.len(), 1);
    assert_eq!(p[0]["aturan"], json!("sangat_baik_maksimal"));
    assert_eq!(p[0]["ditemukan"], json!(2));
    assert_eq!(p[0]["batas"], json!(1));
}

#[test]
fn e2_pesan_inggris_dan_sangat_kurang() {
    let input = json!({"predikat_organisasi": "sangat_kurang", "jumlah": {"sangat_baik": 1, "baik": 3, "sangat_kurang": 6}});
    let v = hitung("kurva-distribusi", &input, Bahasa::En).unwrap();
    let p = v["pelanggaran"].as_array().unwrap();
    let aturan: Vec<_> = p.iter().map(|x| x["aturan"].as_str().unwrap()).collect();
    assert_eq!(
        aturan,
        [
            "kurang_atau_butuh_perbaikan_minimal",
            "sangat_baik_tidak_boleh_ada"
        ]
    );
    assert_eq!(p[1]["batas"], json!(0));
    assert_eq!(
        p[1]["pesan"],
        json!("No employee may be rated Very Good (found 1, at most 0 allowed)")
    );
}

#[test]
fn e3_nilai_capaian_iki() {
    let kasus = [
        (json!({"capaian_persen": "98"}), "88.00", "cukup"),
        (json!({"capaian_persen": 100}), "109.00", "baik"),
        (
            json!({"capaian_persen": "100", "target_maksimal": true}),
            "120.00",
            "sangat_baik",
        ),
        (json!({"capaian_persen": "115"}), "120.00", "sangat_baik"),
        (json!({"capaian_persen": "70"}), "60.00", "kurang"),
        (json!({"capaian_persen": "97.89"}), "88.00", "cukup"),
        (json!({"capaian_persen": "97,89"}), "88.00", "cukup"),
        (
            json!({"capaian_persen": "99.5", "target_maksimal": false}),
            "109.00",
            "baik",
        ),
    ];
    for (input, nilai, kategori) in kasus {
        let v = jalankan("nilai-capaian-iki", input.clone());
        assert_eq!(v, json!({"nilai": nilai, "kategori": kategori}), "{input}");
    }
}

#[test]
fn e4_capaian() {
    let kasus = [
        (
            json!({"polaritas": "positif", "target": {"min": "80", "max": "90"}, "realisasi": "70"}),
            "87.50",
        ),
        (
            json!({"polaritas": "positif", "target": {"min": 80, "max": 90}, "realisasi": 92}),
            "102.22",
        ),
        (
            json!({"polaritas": "positif", "target": {"min": 80, "max": 90}, "realisasi": "85.5"}),
            "100.00",
        ),
        (
            json!({"polaritas": "negatif", "target": "10", "realisasi": "8"}),
            "120.00",
        ),
        (
            json!({"polaritas": "negatif", "target": 10, "realisasi": 12}),
            "80.00",
        ),
        (
            json!({"polaritas": "negatif", "target": 0, "realisasi": 0}),
            "100.00",
        ),
        (
            json!({"polaritas": "negatif", "target": 0, "realisasi": "0,5"}),
            "0.00",
        ),
        (
            json!({"polaritas": "positif", "target": "95", "realisasi": "93"}),
            "97.89",
        ),
    ];
    for (input, harap) in kasus {
        let v = jalankan("capaian", input.clone());
        assert_eq!(v, json!({"capaian_persen": harap}), "{input}");
    }
}

#[test]
fn e4_penjelasan_menyebut_batas_yang_dipakai() {
    let input =
        json!({"polaritas": "positif", "target": {"min": "80", "max": "90"}, "realisasi": "92"});
    let v = hitung("capaian", &input, Bahasa::Id).unwrap();
    let p = &v["penjelasan"];
    assert_eq!(p["pembanding"], json!("max"));
    assert_eq!(p["target_dipakai"], json!("90"));
    assert_eq!(p["status"], json!("P"));
    assert_eq!(p["sumber"], json!("PermenPANRB No. 8 Tahun 2021"));
    assert!(p["rumus"].as_str().unwrap().contains("92 / 90 × 100"));
    let input =
        json!({"polaritas": "positif", "target": {"min": "80", "max": "90"}, "realisasi": "70"});
    let v = hitung("capaian", &input, Bahasa::En).unwrap();
    assert_eq!(v["penjelasan"]["pembanding"], json!("min"));
    assert!(
        v["penjelasan"]["langkah"][0]
            .as_str()
            .unwrap()
            .contains("below the range")
    );
}

#[test]
fn e5_skp_pp46() {
    let input = json!({
        "kegiatan": [{
            "target_output": 1, "realisasi_output": 1,
            "target_kualitas": 100, "realisasi_kualitas": 90,
            "target_waktu": 12, "realisasi_waktu": 12,
            "target_biaya": "170395000", "realisasi_biaya": 170395000
        }],
        "nilai_perilaku": 80
    });
    let v = jalankan("skp-pp46", input);
    assert_eq!(
        v,
        json!({
            "kegiatan": [{"kuantitas": "100.00", "kualitas": "90.00", "waktu": "76.00", "biaya": "76.00", "nilai": "85.50"}],
            "nilai_skp": "85.50",
            "kategori_skp": "baik",
            "nilai_prestasi_kerja": "83.30",
            "kategori": "baik"
        })
    );
}

#[test]
fn e5_waktu_tanpa_biaya() {
    let input = json!({
        "kegiatan": [
            {"target_output": 1, "realisasi_output": 1, "target_kualitas": 100, "realisasi_kualitas": 100,
             "target_waktu": 12, "realisasi_waktu": 10},
            {"target_output": 1, "realisasi_output": 1, "target_kualitas": 100, "realisasi_kualitas": 100,
             "target_waktu": 12, "realisasi_waktu": "9.12", "target_biaya": 0}
        ],
        "nilai_perilaku": "90"
    });
    let v = jalankan("skp-pp46", input);
    // (100 + 100 + 92,666…)/3 = 97,555…; (100 + 100 + 100)/3 = 100; rata-rata 98,777… → 98,78.
    assert_eq!(
        v,
        json!({
            "kegiatan": [
                {"kuantitas": "100.00", "kualitas": "100.00", "waktu": "92.67", "nilai": "97.56"},
                {"kuantitas": "100.00", "kualitas": "100.00", "waktu": "100.00", "nilai": "100.00"}
            ],
            "nilai_skp": "98.78",
            "kategori_skp": "sangat_baik",
            "nilai_prestasi_kerja": "95.27",
            "kategori": "sangat_baik"
        })
    );
}

#[test]
fn e6_nilai_kinerja_pp30() {
    let kasus = [
        ("100", "90", "70_30", false, "97.00", "baik"),
        ("100", "90", "60_40", false, "96.00", "baik"),
        ("112", "112", "70_30", false, "112.00", "baik"),
        ("112", "112", "60_40", true, "112.00", "sangat_baik"),
        ("89.99", "89.99", "70_30", false, "89.99", "cukup"),
        ("69.90", "69.90", "70_30", false, "69.90", "kurang"),
        ("49.00", "49.00", "60_40", false, "49.00", "sangat_kurang"),
    ];
    for (skp, perilaku, bobot, ide, nilai, predikat) in kasus {
        let v = jalankan(
            "nilai-kinerja-pp30",
            json!({"nilai_skp": skp, "nilai_perilaku": perilaku, "bobot": bobot, "ide_baru": ide}),
        );
        assert_eq!(
            v,
            json!({"nilai_kinerja": nilai, "predikat": predikat}),
            "{skp}/{perilaku} {bobot}"
        );
    }
}

#[test]
fn e7_evaluasi_akip() {
    let v = jalankan(
        "evaluasi-akip",
        json!({"perencanaan": "24.5", "pengukuran": "22.1", "pelaporan": "11.3", "evaluasi_internal": "17.6"}),
    );
    assert_eq!(v, json!({"nilai": "75.50", "predikat": "BB"}));
    let v = jalankan(
        "evaluasi-akip",
        json!({"perencanaan": 30, "pengukuran": 30, "pelaporan": 15, "evaluasi_internal": 25}),
    );
    assert_eq!(v, json!({"nilai": "100.00", "predikat": "AA"}));
}

#[test]
fn e8_kode_nomenklatur() {
    let v = jalankan("kode-nomenklatur", json!({"kode": "1.02.02.2.01.0006"}));
    assert_eq!(
        v,
        json!({"jenis": "pemda", "urusan": "1", "bidang_urusan": "1.02", "program": "1.02.02",
               "kegiatan": "1.02.02.2.01", "sub_kegiatan": "1.02.02.2.01.0006"})
    );
    let v = jalankan("kode-nomenklatur", json!({"kode": "1.02.02"}));
    assert_eq!(
        v,
        json!({"jenis": "pemda", "urusan": "1", "bidang_urusan": "1.02", "program": "1.02.02"})
    );
    let v = jalankan(
        "kode-nomenklatur",
        json!({"kode": "005.01.WA.1066.EBA.994.001"}),
    );
    assert_eq!(
        v,
        json!({"jenis": "kl", "bagian_anggaran": "005", "unit_eselon_1": "01", "program": "WA",
               "kegiatan": "1066", "kro": "EBA", "ro": "994", "komponen": "001"})
    );
    let v = jalankan("kode-nomenklatur", json!({"kode": "005.01.WA"}));
    assert_eq!(
        v,
        json!({"jenis": "kl", "bagian_anggaran": "005", "unit_eselon_1": "01", "program": "WA"})
    );
}

#[test]
fn e9_nip() {
    let v = jalankan("nip", json!({"nip": "198503152010011002"}));
    assert_eq!(
        v,
        json!({"jenis_asn": "pns", "tanggal_lahir": "1985-03-15", "tmt": "2010-01", "jenis_kelamin": "L", "nomor_urut": "002"})
    );
    let v = jalankan("nip", json!({"nip": "198902252024211013"}));
    assert_eq!(
        v,
        json!({"jenis_asn": "pppk", "tanggal_lahir": "1989-02-25", "tmt": "2024", "jenis_kelamin": "L", "nomor_urut": "013"})
    );
}

#[test]
fn penyerapan_efisiensi_angka_kredit_beban_kerja() {
    let v = jalankan(
        "penyerapan",
        json!({"realisasi": 734881464333u64, "pagu": "855830897000"}),
    );
    assert_eq!(v, json!({"penyerapan_persen": "85.87"}));

    let keluaran = json!([{"pagu": 1000, "capaian_persen": "120", "realisasi_anggaran": 900}]);
    let v = jalankan("efisiensi-anggaran", json!({"keluaran": keluaran}));
    assert_eq!(v, json!({"efisiensi_persen": "25.00"}));
    let v = jalankan(
        "efisiensi-anggaran",
        json!({"keluaran": keluaran, "batasi_capaian": true}),
    );
    assert_eq!(v, json!({"efisiensi_persen": "10.00"}));

    let v = jalankan(
        "angka-kredit",
        json!({"jenjang": "pemula", "predikat": "sangat_baik"}),
    );
    assert_eq!(v, json!({"angka_kredit": "5.63"}));
    let v = jalankan(
        "angka-kredit",
        json!({"jenjang": "mahir", "predikat": "butuh_perbaikan", "bulan": 12}),
    );
    assert_eq!(v, json!({"angka_kredit": "9.38"}));
    let v = jalankan(
        "angka-kredit",
        json!({"jenjang": "ahli_madya", "predikat": "sangat_kurang"}),
    );
    assert_eq!(v, json!({"angka_kredit": "9.38"}));
    let v = jalankan(
        "angka-kredit",
        json!({"jenjang": "ahli_muda", "predikat": "baik", "bulan": 6}),
    );
    assert_eq!(v, json!({"angka_kredit": "12.50"}));

    let v = jalankan(
        "beban-kerja",
        json!({"tugas": [{"volume": 1500, "norma_waktu_menit": 50}], "jumlah_pegawai": 1}),
    );
    assert_eq!(
        v,
        json!({"beban_kerja_jam": "1250.00", "kebutuhan_pegawai": "1.00", "kebutuhan_pegawai_dibulatkan": 1,
               "efisiensi_jabatan": "1.00", "kategori_ej": "B"})
    );
    let v = jalankan(
        "beban-kerja",
        json!({"tugas": [{"volume": "2512.5", "norma_waktu_menit": 60}], "jumlah_pegawai": 3,
               "jam_kerja_efektif": 1250, "pembulatan": "ke_atas"}),
    );
    assert_eq!(
        v,
        json!({"beban_kerja_jam": "2512.50", "kebutuhan_pegawai": "2.01", "kebutuhan_pegawai_dibulatkan": 3,
               "efisiensi_jabatan": "0.67", "kategori_ej": "D"})
    );
    let v = jalankan(
        "beban-kerja",
        json!({"tugas": [{"volume": 1507, "norma_waktu_menit": 60}], "jumlah_pegawai": 1, "jam_kerja_efektif": "1507"}),
    );
    assert_eq!(v["efisiensi_jabatan"], json!("1.00"));
}

#[test]
fn hitung_teks_sama_dengan_hitung() {
    let teks = r#"{"capaian_persen": "97.89"}"#;
    let a = hitung_teks("nilai-capaian-iki", teks, Bahasa::Id).unwrap();
    let b = hitung(
        "nilai-capaian-iki",
        &json!({"capaian_persen": "97.89"}),
        Bahasa::Id,
    )
    .unwrap();
    assert_eq!(a, b);
    // Bilangan bulat JSON dengan banyak digit tetap eksak.
    let v = hitung_teks(
        "penyerapan",
        r#"{"realisasi": 734881464333, "pagu": 855830897000}"#,
        Bahasa::Id,
    )
    .unwrap();
    assert_eq!(v["penyerapan_persen"], json!("85.87"));
}

#[test]
fn keluaran_selalu_dua_desimal() {
    let v = jalankan("penyerapan", json!({"realisasi": 1, "pagu": 3}));
    assert_eq!(v, json!({"penyerapan_persen": "33.33"}));
    let v = jalankan("penyerapan", json!({"realisasi": 0, "pagu": 3}));
    assert_eq!(v, json!({"penyerapan_persen": "0.00"}));
    let v = jalankan("penyerapan", json!({"realisasi": "1.005", "pagu": 100}));
    assert_eq!(v, json!({"penyerapan_persen": "1.01"})); // setengah menjauhi nol, bukan bankir
}

#[test]
fn penjelasan_per_kalkulator() {
    let contoh: &[(&str, Value)] = &[
        (
            "predikat-kinerja",
            json!({"hasil_kerja": "sesuai_ekspektasi", "perilaku_kerja": "sesuai_ekspektasi"}),
        ),
        (
            "kurva-distribusi",
            json!({"predikat_organisasi": "istimewa", "jumlah": {"sangat_baik": 1}}),
        ),
        (
            "capaian",
            json!({"polaritas": "positif", "target": 10, "realisasi": 10}),
        ),
        ("nilai-capaian-iki", json!({"capaian_persen": "97.89"})),
        (
            "skp-pp46",
            json!({"kegiatan": [{"target_output": 1, "realisasi_output": 1, "target_kualitas": 1, "realisasi_kualitas": 1, "target_waktu": 1, "realisasi_waktu": 1}], "nilai_perilaku": 1}),
        ),
        (
            "nilai-kinerja-pp30",
            json!({"nilai_skp": 1, "nilai_perilaku": 1, "bobot": "70_30", "ide_baru": false}),
        ),
        (
            "evaluasi-akip",
            json!({"perencanaan": 1, "pengukuran": 1, "pelaporan": 1, "evaluasi_internal": 1}),
        ),
        (
            "beban-kerja",
            json!({"tugas": [{"volume": 1, "norma_waktu_menit": 1}], "jumlah_pegawai": 1}),
        ),
        ("penyerapan", json!({"realisasi": 1, "pagu": 1})),
        (
            "efisiensi-anggaran",
            json!({"keluaran": [{"pagu": 1, "capaian_persen": 1, "realisasi_anggaran": 0}]}),
        ),
        (
            "angka-kredit",
            json!({"jenjang": "mahir", "predikat": "baik"}),
        ),
        ("kode-nomenklatur", json!({"kode": "1"})),
        ("nip", json!({"nip": "198503152010011002"})),
    ];
    assert_eq!(contoh.len(), DAFTAR.len());
    for (nama, input) in contoh {
        assert!(DAFTAR.contains(nama));
        let v = hitung(nama, input, Bahasa::Id).unwrap();
        let p = &v["penjelasan"];
        assert!(
            p["sumber"].as_str().is_some_and(|s| !s.is_empty()),
            "{nama}"
        );
        assert!(
            ["P", "S", "R"].contains(&p["status"].as_str().unwrap()),
            "{nama}"
        );
        let i = info(nama).unwrap();
        assert_eq!(i.nama, *nama);
        assert!(!i.judul(Bahasa::Id).is_empty() && !i.judul(Bahasa::En).is_empty());
        assert!(!i.penjelasan.is_empty());
        assert_eq!(
            i.status.token(),
            p["status"].as_str().unwrap(),
            "{nama}: status info = penjelasan"
        );
    }
    assert!(info("tidak-ada").is_none());
    let v = hitung(
        "nilai-capaian-iki",
        &json!({"capaian_persen": "97.89"}),
        Bahasa::Id,
    )
    .unwrap();
    assert_eq!(v["penjelasan"]["capaian_dibulatkan"], json!("98"));
    assert_eq!(v["penjelasan"]["pita"], json!("80_99"));
    assert_eq!(
        v["penjelasan"]["rumus"],
        json!("70 + (89 − 70) / (99 − 80) × (98 − 80) = 88")
    );
    let v = hitung(
        "kurva-distribusi",
        &json!({"predikat_organisasi": "baik", "jumlah": {"baik": 5, "kurang": 2}}),
        Bahasa::Id,
    )
    .unwrap();
    let aturan = &v["penjelasan"]["aturan"][0];
    assert_eq!(aturan["batas_eksak"], json!("4.9"));
    assert_eq!(aturan["pembulatan"], json!("bawah"));
    assert_eq!(aturan["batas"], json!(4));
}
