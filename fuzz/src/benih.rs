//! Pembangkit benih korpus untuk kelima target (bukan target fuzz).
//!
//! Dibangun bersama target oleh `cargo fuzz build` (bendera yang sama, tanpa
//! pembangunan ulang `app`), lalu dijalankan dari folder `fuzz/`:
//!
//! ```text
//! KINERJA_BENIH=corpus target/x86_64-unknown-linux-gnu/release/benih
//! ```
//!
//! Menulis ke `corpus/<target>/benih-*`. Bita pertama benih kalkulator dan
//! impor adalah pemilih (indeks kalkulator; genap = pegawai, ganjil = unit).
#![no_main]

use app::impor::{Format, Jenis, templat};
use libfuzzer_sys::fuzz_target;
use rules::Bahasa;
use rules::kalkulator::DAFTAR;
use rust_xlsxwriter::{ExcelDateTime, Formula, Workbook};
use std::fs;
use std::path::{Path, PathBuf};

fn tulis(akar: &Path, target: &str, nama: &str, isi: &[u8]) {
    let dir = akar.join(target);
    fs::create_dir_all(&dir).expect("buat folder korpus");
    fs::write(dir.join(format!("benih-{nama}")), isi).expect("tulis benih");
}

fn dengan_pemilih(pemilih: u8, isi: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(isi.len() + 1);
    v.push(pemilih);
    v.extend_from_slice(isi);
    v
}

const NIP: &[&str] = &[
    "198503152010011002",
    "19850315 201001 1 002",
    "198902252024211013",
    "200002292024212001",
    " 196012311985121001 ",
    "198503152010131002",
];

const KODE: &[&str] = &[
    "1",
    "1.02",
    "1.02.02",
    "1.02.02.2.01",
    "1.02.02.2.01.0006",
    "X.XX.01.2.01",
    "X.XX.01.2.01.0001",
    "005",
    "005.01.WA.1066.EBA.994.001",
    "023.15.dh.5032.qdb.001",
    "1.02.02.2",
];

/// Baris contoh pegawai, urutan kolom seperti `KOLOM_PEGAWAI`.
const PEGAWAI: &[&[&str]] = &[
    &[
        "198503152010011002", "Budi Santoso", "dr.", "M.Kes.", "pns", "III/c",
        "Dinas Kesehatan > Sekretariat", "Analis Kebijakan", "197001011995031001",
        "aktif", "budi@example.go.id", "081234567890",
    ],
    &[
        "198902252024211013", "Siti Aminah", "", "S.Kom.", "pppk", "IX",
        "Dinas Kesehatan", "Pranata Komputer", "", "aktif", "", "",
    ],
    &["", "Bupati", "", "", "pejabat_negara", "", "Sekretariat Daerah", "", "", "", "", ""],
];

/// Baris contoh unit, urutan kolom seperti `KOLOM_UNIT`.
const UNIT: &[&[&str]] = &[
    &["", "Dinas Kesehatan", "Dinkes", "dinas", "", "1", "2024-01-01", ""],
    &["", "Sekretariat", "", "sekretariat", "Dinas Kesehatan", "2", "", ""],
    &["", "Bidang P2P", "P2P", "bidang", "Dinas Kesehatan", "3,0", "2024-01-01", "2026-12-31"],
];

fn kepala(jenis: Jenis) -> Vec<&'static str> {
    jenis.kolom().iter().map(|k| k.nama).collect()
}

/// XLSX seperti hasil ekspor: judul + baris data, ditambah sel angka,
/// tanggal, boolean dan rumus agar jalur sel non-teks ikut teruji.
fn xlsx_isi(jenis: Jenis, baris: &[&[&str]], judul_laporan: bool) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let mut r0 = 0u32;
    if judul_laporan {
        ws.write_string(0, 0, "Laporan ekspor").unwrap();
        r0 = 2;
    }
    for (c, k) in kepala(jenis).iter().enumerate() {
        ws.write_string(r0, c as u16, *k).unwrap();
    }
    for (r, isi) in baris.iter().enumerate() {
        for (c, v) in isi.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r0 + 1 + r as u32, c as u16, *v).unwrap();
            }
        }
    }
    let r = r0 + 1 + baris.len() as u32;
    // Baris dengan jenis sel lain (NIP sebagai angka, tanggal, boolean, rumus).
    ws.write_number(r, 0, 198503152010011002.0).unwrap();
    ws.write_string(r, 1, "Angka").unwrap();
    ws.write_boolean(r, 2, true).unwrap();
    ws.write_datetime(r, 6, ExcelDateTime::from_ymd(2024, 1, 1).unwrap()).unwrap();
    ws.write_formula(r, 5, Formula::new("=1+2").set_result("3")).unwrap();
    ws.write_number(r, 7, 3.0).unwrap();
    wb.save_to_buffer().unwrap()
}

fn csv_isi(jenis: Jenis, baris: &[&[&str]], pemisah: &str) -> String {
    let mut s = kepala(jenis).join(pemisah);
    s.push('\n');
    for b in baris {
        let sel: Vec<String> = b
            .iter()
            .map(|v| {
                if v.contains(pemisah) || v.contains('"') {
                    format!("\"{}\"", v.replace('"', "\"\""))
                } else {
                    v.to_string()
                }
            })
            .collect();
        s.push_str(&sel.join(pemisah));
        s.push('\n');
    }
    s
}

fn bangkitkan(akar: &Path) {
    for (i, n) in NIP.iter().enumerate() {
        tulis(akar, "nip", &i.to_string(), n.as_bytes());
    }
    for (i, k) in KODE.iter().enumerate() {
        tulis(akar, "nomenklatur", &i.to_string(), k.as_bytes());
    }

    // Kalkulator: contoh resmi dari data tes rules (kasus dan galat).
    let teks = fs::read_to_string("../crates/rules/tests/data/contoh_kalkulator.json")
        .expect("baca contoh_kalkulator.json (jalankan dari folder fuzz/)");
    let contoh: serde_json::Value = serde_json::from_str(&teks).expect("JSON contoh");
    let mut n = 0;
    for bagian in ["kasus", "galat"] {
        for c in contoh[bagian].as_array().expect("daftar") {
            let nama = c["nama"].as_str().expect("nama");
            let pemilih = DAFTAR.iter().position(|d| *d == nama).expect("nama di DAFTAR") as u8;
            let masukan = serde_json::to_vec(&c["masukan"]).expect("masukan");
            tulis(akar, "kalkulator", &n.to_string(), &dengan_pemilih(pemilih, &masukan));
            n += 1;
        }
    }

    for (p, jenis, baris) in [(0u8, Jenis::Pegawai, PEGAWAI), (1u8, Jenis::Unit, UNIT)] {
        let kode = jenis.kode();
        // XLSX: templat resmi (judul saja) dan berkas berisi data.
        let t = templat(Bahasa::Id, Format::Xlsx, jenis).expect("templat xlsx");
        tulis(akar, "impor_xlsx", &format!("{kode}-templat"), &dengan_pemilih(p, &t));
        let x = xlsx_isi(jenis, baris, false);
        tulis(akar, "impor_xlsx", &format!("{kode}-ekspor"), &dengan_pemilih(p, &x));
        let x = xlsx_isi(jenis, baris, true);
        tulis(akar, "impor_xlsx", &format!("{kode}-judul"), &dengan_pemilih(p, &x));

        // CSV: templat, koma, titik koma dengan sep=, BOM + CRLF, Windows-1252.
        let t = templat(Bahasa::Id, Format::Csv, jenis).expect("templat csv");
        tulis(akar, "impor_csv", &format!("{kode}-templat"), &dengan_pemilih(p, &t));
        let koma = csv_isi(jenis, baris, ",");
        tulis(akar, "impor_csv", &format!("{kode}-koma"), &dengan_pemilih(p, koma.as_bytes()));
        let tk = format!("sep=;\n{}", csv_isi(jenis, baris, ";"));
        tulis(akar, "impor_csv", &format!("{kode}-sep"), &dengan_pemilih(p, tk.as_bytes()));
        let crlf = format!("\u{feff}{}", koma.replace('\n', "\r\n"));
        tulis(akar, "impor_csv", &format!("{kode}-bom-crlf"), &dengan_pemilih(p, crlf.as_bytes()));
        let mut w1252 = csv_isi(jenis, baris, "\t").into_bytes();
        w1252.extend_from_slice(b"\"Caf\xe9\nbaris\",x\n");
        tulis(akar, "impor_csv", &format!("{kode}-w1252"), &dengan_pemilih(p, &w1252));
    }
}

/// Keluar sesudah menulis benih, sebelum libFuzzer mulai berjalan.
fn selesai() {
    std::process::exit(0);
}

fuzz_target!(
    init: {
        let akar = PathBuf::from(
            std::env::var("KINERJA_BENIH").expect("setel KINERJA_BENIH=folder korpus"),
        );
        bangkitkan(&akar);
        eprintln!("benih ditulis ke {}", akar.display());
        selesai();
    },
    |_data: &[u8]| {}
);
