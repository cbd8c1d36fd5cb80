//! `kinerja calc NAMA 'JSON' [--lang en]` dari biner yang sudah dibangun:
//! setiap contoh E1–E9 dari EXAMPLES.md, satu baris JSON di stdout, kode keluar
//! 0 (berhasil) atau 2 (masukan salah, objek galat di stdout).

use serde_json::{Value, json};
use std::process::Command;

struct Keluaran {
    kode: i32,
    stdout: String,
    stderr: String,
}

fn jalankan(args: &[&str]) -> Keluaran {
    let o = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .arg("calc")
        .args(args)
        // Kalkulator tidak membuka basis data; pastikan lingkungan tidak ikut campur.
        .env_remove("KINERJA_DATABASE_URL")
        .output()
        .expect("biner kinerja dapat dijalankan");
    Keluaran {
        kode: o.status.code().expect("keluar dengan kode, bukan sinyal"),
        stdout: String::from_utf8(o.stdout).expect("stdout UTF-8"),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

/// stdout harus tepat satu baris JSON (diakhiri satu `\n`).
fn satu_baris_json(k: &Keluaran) -> Value {
    let baris = k
        .stdout
        .strip_suffix('\n')
        .unwrap_or_else(|| panic!("stdout tanpa baris baru: {:?}", k.stdout));
    assert!(
        !baris.contains('\n'),
        "stdout lebih dari satu baris: {:?}",
        k.stdout
    );
    serde_json::from_str(baris).unwrap_or_else(|e| panic!("stdout bukan JSON ({e}): {baris}"))
}

/// Berhasil: kode 0, satu baris JSON; dikembalikan tanpa `penjelasan`.
fn hitung(nama: &str, masukan: Value) -> Value {
    let k = jalankan(&[nama, &masukan.to_string()]);
    assert_eq!(
        k.kode, 0,
        "{nama} {masukan}: stdout {} stderr {}",
        k.stdout, k.stderr
    );
    let mut v = satu_baris_json(&k);
    let pj = v.as_object_mut().expect("objek").remove("penjelasan");
    assert!(
        pj.is_some_and(|p| p.is_object()),
        "{nama}: penjelasan harus ada"
    );
    v
}

/// Masukan salah: kode 2, objek galat di stdout yang menyebut field-nya.
fn galat(args: &[&str], kode: &str, field: &str) -> Value {
    let k = jalankan(args);
    assert_eq!(
        k.kode, 2,
        "{args:?}: stdout {} stderr {}",
        k.stdout, k.stderr
    );
    let v = satu_baris_json(&k);
    let e = v["error"].clone();
    assert_eq!(e["code"], kode, "{args:?}: {v}");
    assert!(
        e["fields"][field].is_string(),
        "{args:?}: field {field} tidak disebut: {v}"
    );
    assert!(!e["message"].as_str().unwrap_or("").is_empty(), "{v}");
    e
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
    for (hasil, perilaku, predikat) in kasus {
        let v = hitung(
            "predikat-kinerja",
            json!({"hasil_kerja": hasil, "perilaku_kerja": perilaku}),
        );
        assert_eq!(v, json!({"predikat": predikat}), "{hasil} × {perilaku}");
    }
}

fn cek_pelanggaran(v: &Value, harapan: &[(&str, u64, u64)]) {
    let p = v["pelanggaran"].as_array().expect("daftar pelanggaran");
    assert_eq!(p.len(), harapan.len(), "{v}");
    for (x, (aturan, ditemukan, batas)) in p.iter().zip(harapan) {
        assert_eq!(x["aturan"], *aturan, "{x}");
        assert_eq!(x["ditemukan"], *ditemukan, "{x}");
        assert_eq!(x["batas"], *batas, "{x}");
        let pesan = x["pesan"].as_str().expect("pesan");
        assert!(
            pesan.contains(&ditemukan.to_string()) && pesan.contains(&batas.to_string()),
            "{pesan}"
        );
    }
}

#[test]
fn e2_kurva_distribusi() {
    let v = hitung(
        "kurva-distribusi",
        json!({"predikat_organisasi": "baik", "jumlah": {"sangat_baik": 3, "baik": 14, "butuh_perbaikan": 2, "kurang": 1, "sangat_kurang": 0}}),
    );
    assert_eq!(v, json!({"valid": true, "pelanggaran": []}));
    let v = hitung(
        "kurva-distribusi",
        json!({"predikat_organisasi": "baik", "jumlah": {"sangat_baik": 5, "baik": 15}}),
    );
    assert_eq!(v["valid"], false);
    cek_pelanggaran(
        &v,
        &[
            ("baik_maksimal", 15, 14),
            ("harus_ada_butuh_perbaikan_atau_kurang", 0, 1),
        ],
    );
    let v = hitung(
        "kurva-distribusi",
        json!({"predikat_organisasi": "butuh_perbaikan", "jumlah": {"sangat_baik": 1, "baik": 3, "butuh_perbaikan": 6}}),
    );
    assert_eq!(v, json!({"valid": true, "pelanggaran": []}));
    let v = hitung(
        "kurva-distribusi",
        json!({"predikat_organisasi": "butuh_perbaikan", "jumlah": {"sangat_baik": 2, "baik": 2, "butuh_perbaikan": 6}}),
    );
    assert_eq!(v["valid"], false);
    cek_pelanggaran(&v, &[("sangat_baik_maksimal", 2, 1)]);
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
        (json!({"capaian_persen": "99.5"}), "109.00", "baik"),
    ];
    for (masukan, nilai, kategori) in kasus {
        let v = hitung("nilai-capaian-iki", masukan.clone());
        assert_eq!(
            v,
            json!({"nilai": nilai, "kategori": kategori}),
            "{masukan}"
        );
    }
    let v = hitung(
        "capaian",
        json!({"polaritas": "positif", "target": "85", "realisasi": "85"}),
    );
    assert_eq!(v, json!({"capaian_persen": "100.00"}));
    let v = hitung(
        "capaian",
        json!({"polaritas": "positif", "target": "95", "realisasi": "93"}),
    );
    assert_eq!(v, json!({"capaian_persen": "97.89"}));
}

#[test]
fn e4_capaian_rentang_dan_negatif() {
    let v = hitung(
        "capaian",
        json!({"polaritas": "positif", "target": {"min": "80", "max": "90"}, "realisasi": "70"}),
    );
    assert_eq!(v, json!({"capaian_persen": "87.50"}));
    let v = hitung(
        "capaian",
        json!({"polaritas": "negatif", "target": "10", "realisasi": "8"}),
    );
    assert_eq!(v, json!({"capaian_persen": "120.00"}));
    let v = hitung(
        "capaian",
        json!({"polaritas": "negatif", "target": "10", "realisasi": "12"}),
    );
    assert_eq!(v, json!({"capaian_persen": "80.00"}));
}

#[test]
fn e5_skp_pp46() {
    let v = hitung(
        "skp-pp46",
        json!({
            "kegiatan": [{
                "target_output": 1, "realisasi_output": 1,
                "target_kualitas": 100, "realisasi_kualitas": 90,
                "target_waktu": 12, "realisasi_waktu": 12,
                "target_biaya": "170395000", "realisasi_biaya": "170395000"
            }],
            "nilai_perilaku": 80
        }),
    );
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
    let v = hitung(
        "skp-pp46",
        json!({"kegiatan": [{"target_output": 1, "realisasi_output": 1, "target_kualitas": 100, "realisasi_kualitas": 100, "target_waktu": 12, "realisasi_waktu": 10}], "nilai_perilaku": 80}),
    );
    assert_eq!(v["kegiatan"][0]["waktu"], "92.67");
    assert!(v["kegiatan"][0].get("biaya").is_none(), "{v}");
}

#[test]
fn e6_nilai_kinerja_pp30() {
    let kasus = [
        ("100", "90", "70_30", false, "97.00", "baik"),
        ("100", "90", "60_40", false, "96.00", "baik"),
        ("112", "112", "70_30", false, "112.00", "baik"),
        ("112", "112", "70_30", true, "112.00", "sangat_baik"),
        ("89.99", "89.99", "70_30", false, "89.99", "cukup"),
        ("69.90", "69.90", "70_30", false, "69.90", "kurang"),
        ("49.00", "49.00", "60_40", false, "49.00", "sangat_kurang"),
    ];
    for (skp, perilaku, bobot, ide, nilai, predikat) in kasus {
        let m =
            json!({"nilai_skp": skp, "nilai_perilaku": perilaku, "bobot": bobot, "ide_baru": ide});
        assert_eq!(
            hitung("nilai-kinerja-pp30", m.clone()),
            json!({"nilai_kinerja": nilai, "predikat": predikat}),
            "{m}"
        );
    }
}

#[test]
fn e7_evaluasi_akip() {
    let v = hitung(
        "evaluasi-akip",
        json!({"perencanaan": "24.5", "pengukuran": "22.1", "pelaporan": "11.3", "evaluasi_internal": "17.6"}),
    );
    assert_eq!(v, json!({"nilai": "75.50", "predikat": "BB"}));
}

#[test]
fn e8_kode_nomenklatur() {
    let v = hitung("kode-nomenklatur", json!({"kode": "1.02.02.2.01.0006"}));
    assert_eq!(
        v,
        json!({
            "jenis": "pemda",
            "urusan": "1",
            "bidang_urusan": "1.02",
            "program": "1.02.02",
            "kegiatan": "1.02.02.2.01",
            "sub_kegiatan": "1.02.02.2.01.0006"
        })
    );
    for (kode, segmen) in [
        ("1.2.02", "ke-2"),
        ("1.02.02.2.01.6", "ke-6"),
        ("1.0a.02", "ke-2"),
    ] {
        let m = json!({"kode": kode}).to_string();
        let e = galat(&["kode-nomenklatur", &m], "kode_segmen_tidak_valid", "kode");
        assert!(
            e["fields"]["kode"].as_str().unwrap().contains(segmen),
            "{kode}: {e}"
        );
    }
}

#[test]
fn e9_nip() {
    let v = hitung("nip", json!({"nip": "198503152010011002"}));
    assert_eq!(
        v,
        json!({"jenis_asn": "pns", "tanggal_lahir": "1985-03-15", "tmt": "2010-01", "jenis_kelamin": "L", "nomor_urut": "002"})
    );
    let v = hitung("nip", json!({"nip": "198902252024211013"}));
    assert_eq!(
        v,
        json!({"jenis_asn": "pppk", "tanggal_lahir": "1989-02-25", "tmt": "2024", "jenis_kelamin": "L", "nomor_urut": "013"})
    );
    for (nip, kode) in [
        ("19850315201001100", "nip_panjang_salah"),
        ("1985031520100110x2", "nip_bukan_digit"),
        ("198502302010011002", "nip_tanggal_lahir_tidak_valid"),
        ("198503152010131002", "nip_tmt_tidak_valid"),
        ("198503152010013002", "nip_jenis_kelamin_tidak_valid"),
    ] {
        let m = json!({"nip": nip}).to_string();
        galat(&["nip", &m], kode, "nip");
    }
}

#[test]
fn masukan_salah_keluar_2_dengan_field() {
    let e = galat(
        &["nilai-capaian-iki", r#"{"capaian_persen": "abc"}"#],
        "bukan_angka",
        "capaian_persen",
    );
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .contains("harus berupa angka"),
        "{e}"
    );
    galat(
        &["nilai-capaian-iki", r#"{"capaian_persen": 97.89}"#],
        "angka_pecahan_harus_teks",
        "capaian_persen",
    );
    galat(&["nilai-capaian-iki", "{"], "json_tidak_valid", "input");
    galat(
        &["nilai-capaian-iki", "{}"],
        "field_wajib",
        "capaian_persen",
    );
    galat(
        &[
            "skp-pp46",
            r#"{"kegiatan": [{"target_output": "x"}], "nilai_perilaku": 80}"#,
        ],
        "bukan_angka",
        "kegiatan[0].target_output",
    );
}

#[test]
fn bahasa_inggris() {
    let e = galat(
        &[
            "nilai-capaian-iki",
            r#"{"capaian_persen": "abc"}"#,
            "--lang",
            "en",
        ],
        "bukan_angka",
        "capaian_persen",
    );
    assert!(
        e["message"].as_str().unwrap().contains("must be a number"),
        "{e}"
    );
    let k = jalankan(&[
        "--lang",
        "en",
        "nilai-capaian-iki",
        r#"{"capaian_persen": "98"}"#,
    ]);
    assert_eq!(k.kode, 0, "{}", k.stderr);
    let v = satu_baris_json(&k);
    assert_eq!(v["nilai"], "88.00");
    assert!(
        v["penjelasan"]["status_arti"]
            .as_str()
            .unwrap()
            .contains("confirmed from the primary text"),
        "{v}"
    );
}

#[test]
fn nama_tidak_dikenal_keluar_2() {
    let e = galat(&["tidak-ada", "{}"], "kalkulator_tidak_dikenal", "nama");
    assert!(
        e["message"].as_str().unwrap().contains("nilai-capaian-iki"),
        "daftar kalkulator disebut: {e}"
    );
}
