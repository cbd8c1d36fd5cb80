//! `kinerja calc NAMA 'JSON' [--lang en]` dari biner yang sudah dibangun:
//! setiap contoh E1–E9 dari EXAMPLES.md, satu baris JSON di stdout, kode keluar
//! 0 (berhasil) atau 2 (masukan salah, objek galat di stdout).

use serde_json::Value;
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

/// Contoh bersama tes rules, CLI dan HTTP.
const CONTOH: &str = include_str!("../../rules/tests/data/contoh_kalkulator.json");

#[test]
fn setiap_contoh_lewat_cli() {
    let berkas: Value = serde_json::from_str(CONTOH).unwrap();
    let kasus = berkas["kasus"].as_array().unwrap();
    assert!(kasus.len() >= 90);
    for k in kasus {
        let nama = k["nama"].as_str().unwrap();
        let mut v = hitung(nama, k["masukan"].clone());
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
fn setiap_masukan_salah_contoh_keluar_2() {
    let berkas: Value = serde_json::from_str(CONTOH).unwrap();
    for k in berkas["galat"].as_array().unwrap() {
        let masukan = k["masukan"].to_string();
        let e = galat(
            &[k["nama"].as_str().unwrap(), &masukan],
            k["kode"].as_str().unwrap(),
            k["field"].as_str().unwrap(),
        );
        if let Some(m) = k["pesan_memuat"].as_str() {
            assert!(e.to_string().contains(m), "{masukan}: {e}");
        }
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
