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

/// Contoh EXAMPLES.md E1–E9 dan contoh resmi lain, satu berkas untuk tes
/// rules, CLI dan HTTP (tests/data/contoh_kalkulator.json).
const CONTOH: &str = include_str!("data/contoh_kalkulator.json");

#[test]
fn setiap_contoh_lewat_hitung() {
    let berkas: Value = serde_json::from_str(CONTOH).unwrap();
    let kasus = berkas["kasus"].as_array().unwrap();
    assert!(kasus.len() >= 90, "berkas contoh terpotong");
    for nama in DAFTAR {
        assert!(
            kasus.iter().any(|k| k["nama"] == *nama),
            "{nama} tanpa contoh"
        );
    }
    for k in kasus {
        let nama = k["nama"].as_str().unwrap();
        let mut v = jalankan(nama, k["masukan"].clone());
        // Pesan pelanggaran bergantung bahasa; diuji terpisah di bawah.
        // Pesan bergantung bahasa: setiap butir daftar keluaran (pelanggaran,
        // kekurangan, tanda, alasan, peringatan) dibandingkan tanpa `pesan`.
        for daftar in v.as_object_mut().unwrap().values_mut() {
            for x in daftar.as_array_mut().into_iter().flatten() {
                if let Some(m) = x.as_object_mut().and_then(|o| o.remove("pesan")) {
                    assert!(m.is_string(), "pesan harus teks: {m}");
                }
            }
        }
        assert_eq!(v, k["keluaran"], "{} {nama} {}", k["contoh"], k["masukan"]);
    }
}

#[test]
fn setiap_masukan_salah_ditolak_dengan_field() {
    let berkas: Value = serde_json::from_str(CONTOH).unwrap();
    for k in berkas["galat"].as_array().unwrap() {
        let nama = k["nama"].as_str().unwrap();
        let e = hitung(nama, &k["masukan"], Bahasa::Id).expect_err(&k["masukan"].to_string());
        assert_eq!(e.kode, k["kode"].as_str().unwrap(), "{}", k["masukan"]);
        let field = k["field"].as_str().unwrap();
        let pesan = e
            .fields
            .get(field)
            .unwrap_or_else(|| panic!("{}: tanpa field {field}", k["masukan"]));
        if let Some(m) = k["pesan_memuat"].as_str() {
            assert!(
                pesan.contains(m) || e.pesan.contains(m),
                "{}: {pesan}",
                k["masukan"]
            );
        }
    }
}

#[test]
fn e2_pesan_pelanggaran_indonesia() {
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
            "gerbang-anggaran",
            json!({"subkegiatan": [{"kode": "1.02.02.2.02.0015"}]}),
        ),
        (
            "nilai-uang",
            json!({"pagu": 1, "realisasi_anggaran": 1, "target": 1, "realisasi_keluaran": 1, "polaritas": "positif", "ada_bukti": true, "bulan": 12}),
        ),
        (
            "keselarasan-program",
            json!({"program": {"kode": "1.02.02", "nama": "x"}, "subkegiatan": [{"kode": "1.02.02.2.02.0015", "nama": "x"}]}),
        ),
        (
            "angka-kredit",
            json!({"jenjang": "mahir", "predikat": "baik"}),
        ),
        ("kode-nomenklatur", json!({"kode": "1"})),
        ("nip", json!({"nip": "198503152010011002"})),
        (
            "status-aksi-perubahan",
            json!({"tanggal": "2026-12-01", "tonggak": [{"id": "t", "tahap": "jangka_pendek", "jatuh_tempo": "2026-12-01", "progres_persen": 0, "diperbarui_pada": "2026-12-01"}]}),
        ),
        (
            "peringkat-inovasi",
            json!({"n": 1, "kriteria": [{"kode": "k", "bobot": 100}], "entri": [{"id": "a", "nilai": [{"juri": "j", "skor": {"k": 90}}]}]}),
        ),
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
