//! Galat kontrak kalkulator: setiap jenis masukan rusak memberi `kode` yang
//! tepat dan kunci `fields` yang menyebut field-nya, dalam id dan en.

use rules::Bahasa;
use rules::kalkulator::{GalatKalkulator, JenisGalat, hitung, hitung_teks};
use serde_json::{Value, json};

fn galat(nama: &str, input: Value, bahasa: Bahasa) -> GalatKalkulator {
    match hitung(nama, &input, bahasa) {
        Ok(v) => panic!("{nama}: harus galat, dapat {v}"),
        Err(g) => g,
    }
}

fn galat_teks(nama: &str, teks: &str, bahasa: Bahasa) -> GalatKalkulator {
    match hitung_teks(nama, teks, bahasa) {
        Ok(v) => panic!("{nama}: harus galat, dapat {v}"),
        Err(g) => g,
    }
}

/// Galat dengan kode `kode` dan field `field`, dengan pesan id berisi
/// `kata_id` dan pesan en berisi `kata_en`.
fn periksa(nama: &str, input: Value, kode: &str, field: &str, kata_id: &str, kata_en: &str) {
    for (bahasa, kata) in [(Bahasa::Id, kata_id), (Bahasa::En, kata_en)] {
        let g = galat(nama, input.clone(), bahasa);
        assert_eq!(g.jenis, JenisGalat::InputTidakValid, "{nama} {input}");
        assert_eq!(g.kode, kode, "{nama} {input}: {g:?}");
        let pesan = g
            .fields
            .get(field)
            .unwrap_or_else(|| panic!("{nama}: field {field} tidak ada di {:?}", g.fields));
        assert!(
            pesan.contains(kata),
            "{bahasa:?} {nama}: '{pesan}' harus memuat '{kata}'"
        );
        assert!(
            g.pesan.contains(kata),
            "{bahasa:?} {nama}: '{}' harus memuat '{kata}'",
            g.pesan
        );
        let j = g.ke_json();
        assert_eq!(j["error"]["code"], json!(kode));
        assert_eq!(j["error"]["message"], json!(g.pesan));
        assert!(j["error"]["fields"][field].is_string());
    }
}

#[test]
fn field_hilang() {
    periksa(
        "capaian",
        json!({"polaritas": "positif", "target": "10"}),
        "field_wajib",
        "realisasi",
        "wajib diisi",
        "is required",
    );
    periksa(
        "nilai-kinerja-pp30",
        json!({"nilai_skp": 1, "nilai_perilaku": 1, "bobot": "70_30"}),
        "field_wajib",
        "ide_baru",
        "wajib",
        "required",
    );
    periksa(
        "capaian",
        json!({"polaritas": "positif", "target": {"min": 1}, "realisasi": 1}),
        "field_wajib",
        "target.max",
        "wajib",
        "required",
    );
    periksa(
        "nip",
        json!({"nip": null}),
        "field_wajib",
        "nip",
        "wajib",
        "required",
    );
    periksa(
        "skp-pp46",
        json!({"kegiatan": [{"target_output": 1, "realisasi_output": 1, "target_kualitas": 1, "realisasi_kualitas": 1, "realisasi_waktu": 1}], "nilai_perilaku": 1}),
        "field_wajib",
        "kegiatan[0].target_waktu",
        "wajib",
        "required",
    );
    // Biaya: target tanpa realisasi, atau realisasi tanpa target.
    let kegiatan = |extra: Value| {
        let mut k = json!({"target_output": 1, "realisasi_output": 1, "target_kualitas": 1, "realisasi_kualitas": 1, "target_waktu": 1, "realisasi_waktu": 1});
        for (a, b) in extra.as_object().unwrap() {
            k[a] = b.clone();
        }
        json!({"kegiatan": [k], "nilai_perilaku": 1})
    };
    periksa(
        "skp-pp46",
        kegiatan(json!({"target_biaya": 5})),
        "field_wajib",
        "kegiatan[0].realisasi_biaya",
        "wajib",
        "required",
    );
    periksa(
        "skp-pp46",
        kegiatan(json!({"realisasi_biaya": 5})),
        "field_wajib",
        "kegiatan[0].target_biaya",
        "wajib",
        "required",
    );
}

#[test]
fn field_tidak_dikenal() {
    periksa(
        "predikat-kinerja",
        json!({"hasil_kerja": "sesuai_ekspektasi", "perilaku_kerja": "sesuai_ekspektasi", "catatan": "x"}),
        "field_tidak_dikenal",
        "catatan",
        "tidak dikenal",
        "unknown field",
    );
    periksa(
        "kurva-distribusi",
        json!({"predikat_organisasi": "baik", "jumlah": {"baik": 1, "hebat": 2}}),
        "field_tidak_dikenal",
        "jumlah.hebat",
        "sangat_baik, baik",
        "sangat_baik, baik",
    );
    periksa(
        "beban-kerja",
        json!({"tugas": [{"volume": 1, "norma_waktu_menit": 1, "menit": 3}], "jumlah_pegawai": 1}),
        "field_tidak_dikenal",
        "tugas[0].menit",
        "tidak dikenal",
        "unknown",
    );
}

#[test]
fn pilihan_salah_menyebut_token_yang_diizinkan() {
    periksa(
        "predikat-kinerja",
        json!({"hasil_kerja": "bagus", "perilaku_kerja": "sesuai_ekspektasi"}),
        "pilihan_tidak_valid",
        "hasil_kerja",
        "di_atas_ekspektasi, sesuai_ekspektasi, di_bawah_ekspektasi",
        "di_atas_ekspektasi, sesuai_ekspektasi, di_bawah_ekspektasi",
    );
    periksa(
        "nilai-kinerja-pp30",
        json!({"nilai_skp": 1, "nilai_perilaku": 1, "bobot": "50_50", "ide_baru": false}),
        "pilihan_tidak_valid",
        "bobot",
        "70_30, 60_40",
        "70_30, 60_40",
    );
    periksa(
        "angka-kredit",
        json!({"jenjang": "ahli", "predikat": "baik"}),
        "pilihan_tidak_valid",
        "jenjang",
        "ahli_utama",
        "ahli_utama",
    );
    periksa(
        "beban-kerja",
        json!({"tugas": [{"volume": 1, "norma_waktu_menit": 1}], "jumlah_pegawai": 1, "pembulatan": "ke_bawah"}),
        "pilihan_tidak_valid",
        "pembulatan",
        "terdekat, ke_atas",
        "terdekat, ke_atas",
    );
    periksa(
        "capaian",
        json!({"polaritas": 1, "target": 1, "realisasi": 1}),
        "pilihan_tidak_valid",
        "polaritas",
        "positif, negatif",
        "positif, negatif",
    );
}

#[test]
fn bukan_angka() {
    periksa(
        "capaian",
        json!({"polaritas": "positif", "target": "10", "realisasi": "abc"}),
        "bukan_angka",
        "realisasi",
        "harus berupa angka",
        "must be a number",
    );
    periksa(
        "capaian",
        json!({"polaritas": "positif", "target": "10", "realisasi": true}),
        "bukan_angka",
        "realisasi",
        "angka",
        "number",
    );
    periksa(
        "penyerapan",
        json!({"realisasi": "1.000.000", "pagu": 10}),
        "bukan_angka",
        "realisasi",
        "angka",
        "number",
    );
    periksa(
        "capaian",
        json!({"polaritas": "positif", "target": [1], "realisasi": 1}),
        "bukan_angka",
        "target",
        "angka",
        "number",
    );
}

#[test]
fn angka_pecahan_json_ditolak() {
    for bahasa in [Bahasa::Id, Bahasa::En] {
        let g = galat_teks(
            "capaian",
            r#"{"polaritas": "positif", "target": 100, "realisasi": 97.89}"#,
            bahasa,
        );
        assert_eq!(g.kode, "angka_pecahan_harus_teks");
        let pesan = &g.fields["realisasi"];
        assert!(pesan.contains("\"97.89\""), "{pesan}");
        assert!(
            pesan.contains(bahasa.pilih_uji("teks", "string")),
            "{pesan}"
        );
    }
    let g = galat_teks(
        "penyerapan",
        r#"{"realisasi": 1e3, "pagu": 10}"#,
        Bahasa::Id,
    );
    assert_eq!(g.kode, "angka_pecahan_harus_teks");
    let g = galat_teks(
        "angka-kredit",
        r#"{"jenjang": "mahir", "predikat": "baik", "bulan": 6.5}"#,
        Bahasa::Id,
    );
    assert_eq!(g.kode, "bukan_bilangan_bulat");
    assert!(g.fields.contains_key("bulan"));
}

trait PilihUji {
    fn pilih_uji<'a>(self, id: &'a str, en: &'a str) -> &'a str;
}
impl PilihUji for Bahasa {
    fn pilih_uji<'a>(self, id: &'a str, en: &'a str) -> &'a str {
        if self == Bahasa::Id { id } else { en }
    }
}

#[test]
fn negatif_tidak_mungkin() {
    periksa(
        "penyerapan",
        json!({"realisasi": "-1", "pagu": 10}),
        "tidak_boleh_negatif",
        "realisasi",
        "tidak boleh negatif",
        "must not be negative",
    );
    periksa(
        "nilai-capaian-iki",
        json!({"capaian_persen": -5}),
        "tidak_boleh_negatif",
        "capaian_persen",
        "negatif",
        "negative",
    );
    periksa(
        "evaluasi-akip",
        json!({"perencanaan": 1, "pengukuran": "-0.1", "pelaporan": 1, "evaluasi_internal": 1}),
        "tidak_boleh_negatif",
        "pengukuran",
        "negatif",
        "negative",
    );
    periksa(
        "kurva-distribusi",
        json!({"predikat_organisasi": "baik", "jumlah": {"baik": -1}}),
        "di_luar_rentang",
        "jumlah.baik",
        "antara 0",
        "between 0",
    );
    periksa(
        "efisiensi-anggaran",
        json!({"keluaran": [{"pagu": 1, "capaian_persen": 1, "realisasi_anggaran": -1}]}),
        "tidak_boleh_negatif",
        "keluaran[0].realisasi_anggaran",
        "negatif",
        "negative",
    );
}

#[test]
fn nol_dan_rentang() {
    periksa(
        "capaian",
        json!({"polaritas": "positif", "target": 0, "realisasi": 5}),
        "target_nol",
        "target",
        "tidak boleh nol",
        "must not be zero",
    );
    periksa(
        "capaian",
        json!({"polaritas": "positif", "target": {"min": 90, "max": 80}, "realisasi": 85}),
        "min_lebih_besar_dari_max",
        "target",
        "min lebih besar dari max",
        "min is greater than max",
    );
    periksa(
        "penyerapan",
        json!({"realisasi": 1, "pagu": "0"}),
        "tidak_boleh_nol",
        "pagu",
        "nol",
        "zero",
    );
    periksa(
        "kurva-distribusi",
        json!({"predikat_organisasi": "baik", "jumlah": {}}),
        "total_nol",
        "jumlah",
        "nol",
        "zero",
    );
    periksa(
        "efisiensi-anggaran",
        json!({"keluaran": [{"pagu": 0, "capaian_persen": 100, "realisasi_anggaran": 1}]}),
        "pembagi_nol",
        "keluaran",
        "nol",
        "zero",
    );
    periksa(
        "efisiensi-anggaran",
        json!({"keluaran": []}),
        "daftar_kosong",
        "keluaran",
        "minimal satu",
        "at least one",
    );
    periksa(
        "skp-pp46",
        json!({"kegiatan": [], "nilai_perilaku": 80}),
        "daftar_kosong",
        "kegiatan",
        "minimal satu",
        "at least one",
    );
    periksa(
        "nilai-kinerja-pp30",
        json!({"nilai_skp": "120.01", "nilai_perilaku": 1, "bobot": "70_30", "ide_baru": false}),
        "di_luar_rentang",
        "nilai_skp",
        "antara 0 dan 120",
        "between 0 and 120",
    );
    periksa(
        "skp-pp46",
        json!({"kegiatan": [{"target_output": 1, "realisasi_output": 1, "target_kualitas": 1, "realisasi_kualitas": 1, "target_waktu": 1, "realisasi_waktu": 1}], "nilai_perilaku": 101}),
        "di_luar_rentang",
        "nilai_perilaku",
        "antara 0 dan 100",
        "between 0 and 100",
    );
    periksa(
        "evaluasi-akip",
        json!({"perencanaan": 30, "pengukuran": 30, "pelaporan": "15.5", "evaluasi_internal": 25}),
        "melebihi_bobot",
        "pelaporan",
        "melebihi bobotnya (15)",
        "above its weight (15)",
    );
    periksa(
        "angka-kredit",
        json!({"jenjang": "mahir", "predikat": "baik", "bulan": 13}),
        "di_luar_rentang",
        "bulan",
        "antara 1 dan 12",
        "between 1 and 12",
    );
    periksa(
        "angka-kredit",
        json!({"jenjang": "mahir", "predikat": "baik", "bulan": 0}),
        "di_luar_rentang",
        "bulan",
        "antara 1 dan 12",
        "between 1 and 12",
    );
    periksa(
        "beban-kerja",
        json!({"tugas": [{"volume": 1, "norma_waktu_menit": 1}], "jumlah_pegawai": 0}),
        "di_luar_rentang",
        "jumlah_pegawai",
        "1",
        "1",
    );
    periksa(
        "beban-kerja",
        json!({"tugas": [{"volume": 1, "norma_waktu_menit": 1}], "jumlah_pegawai": 1, "jam_kerja_efektif": 0}),
        "tidak_boleh_nol",
        "jam_kerja_efektif",
        "nol",
        "zero",
    );
}

#[test]
fn tipe_salah() {
    periksa(
        "skp-pp46",
        json!({"kegiatan": {"a": 1}, "nilai_perilaku": 1}),
        "tipe_salah",
        "kegiatan",
        "daftar",
        "array",
    );
    periksa(
        "skp-pp46",
        json!({"kegiatan": [5], "nilai_perilaku": 1}),
        "tipe_salah",
        "kegiatan[0]",
        "objek",
        "object",
    );
    periksa(
        "nilai-capaian-iki",
        json!({"capaian_persen": 1, "target_maksimal": "ya"}),
        "tipe_salah",
        "target_maksimal",
        "boolean",
        "boolean",
    );
    periksa(
        "kode-nomenklatur",
        json!({"kode": 1}),
        "tipe_salah",
        "kode",
        "teks",
        "string",
    );
    periksa(
        "nip",
        json!({"nip": 198503152010011002u64}),
        "tipe_salah",
        "nip",
        "15 digit",
        "15 significant digits",
    );
    for bahasa in [Bahasa::Id, Bahasa::En] {
        for input in [json!([1, 2]), json!("x"), json!(null), json!(3)] {
            let g = galat("penyerapan", input, bahasa);
            assert_eq!(g.kode, "tipe_salah");
            assert!(g.fields.contains_key("input"));
        }
    }
}

#[test]
fn json_rusak() {
    for teks in ["", "{", "{\"realisasi\": }", "nan", "{'a': 1}"] {
        for bahasa in [Bahasa::Id, Bahasa::En] {
            let g = galat_teks("penyerapan", teks, bahasa);
            assert_eq!(g.kode, "json_tidak_valid", "{teks:?}");
            assert_eq!(g.jenis, JenisGalat::InputTidakValid);
            assert!(g.fields.contains_key("input"));
            assert!(
                g.pesan
                    .contains(bahasa.pilih_uji("bukan JSON", "not valid JSON")),
                "{}",
                g.pesan
            );
        }
    }
}

#[test]
fn kalkulator_tidak_dikenal() {
    for bahasa in [Bahasa::Id, Bahasa::En] {
        let g = galat("hitung-gaji", json!({}), bahasa);
        assert_eq!(g.jenis, JenisGalat::KalkulatorTidakDikenal);
        assert_eq!(g.kode, "kalkulator_tidak_dikenal");
        assert!(g.fields.contains_key("nama"));
        assert!(g.pesan.contains("hitung-gaji") && g.pesan.contains("predikat-kinerja"));
        assert!(
            g.pesan
                .contains(bahasa.pilih_uji("tidak dikenal", "unknown"))
        );
        // Nama dicek sebelum JSON dibaca.
        let g = galat_teks("hitung-gaji", "{", bahasa);
        assert_eq!(g.jenis, JenisGalat::KalkulatorTidakDikenal);
    }
}

#[test]
fn beberapa_galat_dilaporkan_sekaligus() {
    let g = galat(
        "capaian",
        json!({"polaritas": "naik", "target": "x", "lain": 1}),
        Bahasa::Id,
    );
    let kunci: Vec<_> = g.fields.keys().map(String::as_str).collect();
    assert_eq!(kunci, ["lain", "polaritas", "realisasi", "target"]);
    assert_eq!(g.kode, "field_tidak_dikenal");
    assert!(g.pesan.contains("(dan 3 kesalahan lain)"), "{}", g.pesan);
    let g = galat(
        "capaian",
        json!({"polaritas": "naik", "target": "x", "lain": 1}),
        Bahasa::En,
    );
    assert!(g.pesan.contains("(and 3 more errors)"), "{}", g.pesan);
}

#[test]
fn galat_nip_menyebut_bagian_yang_salah() {
    let kasus = [
        (
            "19850315201001100",
            "nip_panjang_salah",
            "18 digit, bukan 17",
            "18 digits, not 17",
        ),
        (
            "1985031520100110021",
            "nip_panjang_salah",
            "bukan 19",
            "not 19",
        ),
        (
            "19850315201001100A",
            "nip_bukan_digit",
            "karakter ke-18 'A'",
            "character 18 'A'",
        ),
        (
            "198513152010011002",
            "nip_tanggal_lahir_tidak_valid",
            "19851315",
            "19851315",
        ),
        (
            "198500152010011002",
            "nip_tanggal_lahir_tidak_valid",
            "bulan 01–12",
            "month 01–12",
        ),
        (
            "198502302010011002",
            "nip_tanggal_lahir_tidak_valid",
            "19850230",
            "19850230",
        ),
        (
            "198503152010001002",
            "nip_tmt_tidak_valid",
            "digit 13–14: 00",
            "digits 13–14: 00",
        ),
        (
            "198503152010131002",
            "nip_tmt_tidak_valid",
            "digit 13–14: 13",
            "digits 13–14: 13",
        ),
        (
            "198503151980011002",
            "nip_tmt_tidak_valid",
            "sesudah tahun lahir",
            "after the birth year",
        ),
        (
            "198503152010013002",
            "nip_jenis_kelamin_tidak_valid",
            "digit 15: 3",
            "digit 15: 3",
        ),
    ];
    for (nip, kode, id, en) in kasus {
        periksa("nip", json!({ "nip": nip }), kode, "nip", id, en);
    }
    // Spasi pengelompokan diterima.
    let v = hitung("nip", &json!({"nip": "19850315 201001 1 002"}), Bahasa::Id).unwrap();
    assert_eq!(v["nomor_urut"], json!("002"));
}

#[test]
fn galat_kode_menyebut_segmen() {
    let kasus = [
        (
            "1.2.02",
            "kode_segmen_tidak_valid",
            "segmen ke-2 (bidang urusan) '2'",
            "segment 2 (bidang urusan) '2'",
        ),
        (
            "1.02.02.2.01.6",
            "kode_segmen_tidak_valid",
            "segmen ke-6 (sub kegiatan) '6'",
            "segment 6 (sub kegiatan) '6'",
        ),
        (
            "1.0A.02",
            "kode_segmen_tidak_valid",
            "'0A' tidak valid: harus 2 digit",
            "'0A' is invalid: expected 2 digits",
        ),
        (
            "1.02.02.2.0X",
            "kode_segmen_tidak_valid",
            "segmen ke-5 (kegiatan)",
            "segment 5 (kegiatan)",
        ),
        (
            "1.02.02.2",
            "kode_tidak_lengkap",
            "segmen ke-5",
            "segment 5",
        ),
        (
            "1.02..2",
            "kode_segmen_tidak_valid",
            "segmen ke-3 (program) kosong",
            "segment 3 (program) is empty",
        ),
        (
            "1.02.02.2.01.0006.1",
            "kode_terlalu_banyak_segmen",
            "6 segmen",
            "6 segments",
        ),
        (
            "005.01.W1",
            "kode_segmen_tidak_valid",
            "segmen ke-3 (program) 'W1'",
            "segment 3 (program) 'W1'",
        ),
        (
            "005.01.WA.1066.E8A",
            "kode_segmen_tidak_valid",
            "(KRO) 'E8A'",
            "(KRO) 'E8A'",
        ),
        (
            "005.1.WA",
            "kode_segmen_tidak_valid",
            "(unit eselon I) '1'",
            "(unit eselon I) '1'",
        ),
        (
            "12.02",
            "kode_jenis_tidak_dikenal",
            "segmen ke-1 '12'",
            "segment 1 '12'",
        ),
        (
            "A.02",
            "kode_jenis_tidak_dikenal",
            "segmen ke-1 'A'",
            "segment 1 'A'",
        ),
        ("   ", "kode_kosong", "kosong", "empty"),
    ];
    for (kode, kode_galat, id, en) in kasus {
        periksa(
            "kode-nomenklatur",
            json!({ "kode": kode }),
            kode_galat,
            "kode",
            id,
            en,
        );
    }
}
