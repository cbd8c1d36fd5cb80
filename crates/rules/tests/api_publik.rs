//! API publik yang dipakai crate lain: Nip, kode nomenklatur, rezim, token enum,
//! serde sebagai string, Bahasa.

use rules::nip::{GalatNip, JenisAsn, Nip};
use rules::nomenklatur::{GalatKode, JenisKode, KodeKl, KodeNomenklatur, KodePemda, TingkatPemda};
use rules::permenpanrb_6_2022::{PredikatKinerjaPegawai, RatingKinerja};
use rules::rezim::{self, RezimSkp};
use rules::{Bahasa, TokenTidakDikenal};
use time::macros::date;

#[test]
fn nip_serde_dan_fromstr() {
    let n: Nip = "198503152010011002".parse().unwrap();
    assert_eq!(serde_json::to_string(&n).unwrap(), "\"198503152010011002\"");
    let kembali: Nip = serde_json::from_str("\"19850315 201001 1 002\"").unwrap();
    assert_eq!(kembali, n);
    assert_eq!(n.berkelompok(), "19850315 201001 1 002");
    assert!(serde_json::from_str::<Nip>("\"123\"").is_err());
    assert!(
        serde_json::from_str::<Nip>("198503152010011002").is_err(),
        "angka JSON ditolak"
    );
    let p: Nip = "199602292020122001".parse().unwrap(); // 29 Feb tahun kabisat, perempuan
    assert_eq!(p.tanggal_lahir(), date!(1996 - 02 - 29));
    assert_eq!(p.jenis_kelamin().token(), "P");
    assert_eq!(p.jenis_asn(), JenisAsn::Pns);
    assert_eq!(p.tmt().to_string(), "2020-12");
    assert_eq!(
        Nip::parse("199702292020122001"),
        Err(GalatNip::TanggalLahirTidakValid {
            digit: "19970229".into()
        })
    );
    assert_eq!(Nip::parse(""), Err(GalatNip::PanjangSalah { panjang: 0 }));
    assert_eq!(
        Nip::parse("18990101192001 1001").unwrap_err().kode(),
        "nip_tanggal_lahir_tidak_valid"
    );
    let g = Nip::parse("19850315201001100").unwrap_err();
    assert_eq!(g.to_string(), "NIP harus 18 digit, bukan 17");
    assert_eq!(g.pesan(Bahasa::En), "a NIP has 18 digits, not 17");
}

#[test]
fn kode_pemda_generik_dan_induk() {
    let k = KodePemda::parse("X.XX.01.2.01.0001").unwrap();
    assert!(k.generik());
    assert_eq!(k.bidang_urusan(), Some("X.XX"));
    assert_eq!(k.program(), Some("X.XX.01"));
    assert!(KodePemda::parse("X.01.01").is_err());
    assert!(KodePemda::parse("1.XX.01").is_err());
    assert!(KodePemda::parse("x.xx.01").is_err());
    let k = KodePemda::parse(" 1.02.02.2.01.0006 ").unwrap();
    assert!(!k.generik());
    let rantai: Vec<String> = std::iter::successors(Some(k), KodePemda::induk)
        .map(|k| k.to_string())
        .collect();
    assert_eq!(
        rantai,
        ["1.02.02.2.01.0006", "1.02.02.2.01", "1.02.02", "1.02", "1"]
    );
    assert_eq!(
        KodePemda::parse("1.02").unwrap().tingkat(),
        TingkatPemda::BidangUrusan
    );
    assert_eq!(KodePemda::parse("1.02").unwrap().kegiatan(), None);
}

#[test]
fn kode_kl_huruf_kecil_dan_serde() {
    let k = KodeKl::parse("005.01.wa.1066.eba").unwrap();
    assert_eq!(k.to_string(), "005.01.WA.1066.EBA");
    assert_eq!(k.induk().unwrap().to_string(), "005.01.WA.1066");
    assert_eq!(KodeKl::parse("005").unwrap().induk(), None);
    let kode: KodeNomenklatur = serde_json::from_str("\"005.01.WA\"").unwrap();
    assert_eq!(kode.jenis(), JenisKode::Kl);
    assert_eq!(
        serde_json::to_value(&kode).unwrap(),
        serde_json::json!("005.01.WA")
    );
    assert!(serde_json::from_str::<KodeNomenklatur>("\"1.2\"").is_err());
    let g: GalatKode = "1.2".parse::<KodeNomenklatur>().unwrap_err();
    assert_eq!(g.kode(), "kode_segmen_tidak_valid");
    // KodeKl::parse pada kode pemda: segmen pertama salah jenis.
    assert_eq!(
        KodeKl::parse("1.02").unwrap_err().kode(),
        "kode_jenis_tidak_dikenal"
    );
}

#[test]
fn rezim_menurut_tanggal() {
    assert_eq!(
        rezim::rezim_skp(date!(2019 - 12 - 31)),
        RezimSkp::Pp46Tahun2011
    );
    assert_eq!(
        rezim::rezim_skp(date!(2020 - 01 - 01)),
        RezimSkp::Pp30Tahun2019
    );
    assert_eq!(
        rezim::rezim_skp(date!(2020 - 06 - 30)),
        RezimSkp::Pp30Tahun2019
    );
    assert_eq!(
        rezim::rezim_skp(date!(2021 - 12 - 31)),
        RezimSkp::Pp30Tahun2019
    );
    assert_eq!(
        rezim::rezim_skp(date!(2022 - 01 - 01)),
        RezimSkp::Permenpanrb6Tahun2022
    );
    assert_eq!(
        rezim::rezim_skp(date!(2026 - 11 - 28)),
        RezimSkp::Permenpanrb6Tahun2022
    );
    assert_eq!(
        rezim::rezim_periode(date!(2021 - 01 - 01), date!(2021 - 12 - 31)),
        Some(RezimSkp::Pp30Tahun2019)
    );
    assert_eq!(
        rezim::rezim_periode(date!(2021 - 07 - 01), date!(2022 - 06 - 30)),
        None
    );
    assert_eq!(
        rezim::rezim_periode(date!(2023 - 02 - 01), date!(2023 - 01 - 01)),
        None
    );
    for r in RezimSkp::SEMUA {
        for nama in r.kalkulator() {
            assert!(rules::kalkulator::DAFTAR.contains(nama), "{nama}");
        }
    }
}

#[test]
fn token_enum() {
    assert_eq!(
        RatingKinerja::DiAtasEkspektasi.to_string(),
        "di_atas_ekspektasi"
    );
    assert_eq!(
        "baik".parse::<PredikatKinerjaPegawai>(),
        Ok(PredikatKinerjaPegawai::Baik)
    );
    let g: TokenTidakDikenal = "bagus".parse::<PredikatKinerjaPegawai>().unwrap_err();
    assert_eq!(g.diizinkan, PredikatKinerjaPegawai::TOKEN);
    assert!(g.to_string().contains("sangat_kurang"));
    assert_eq!(
        serde_json::to_string(&PredikatKinerjaPegawai::Kurang).unwrap(),
        "\"kurang\""
    );
    assert_eq!(
        serde_json::from_str::<RatingKinerja>("\"sesuai_ekspektasi\"").unwrap(),
        RatingKinerja::SesuaiEkspektasi
    );
    assert!(serde_json::from_str::<RatingKinerja>("\"x\"").is_err());
    assert_eq!(
        PredikatKinerjaPegawai::Kurang.label(Bahasa::Id),
        "Kurang/Misconduct"
    );
    assert_eq!(
        PredikatKinerjaPegawai::SEMUA.len(),
        PredikatKinerjaPegawai::TOKEN.len()
    );
}

#[test]
fn info_dapat_diserialisasi() {
    let i = rules::kalkulator::info("beban-kerja").unwrap();
    let v = serde_json::to_value(i).unwrap();
    assert_eq!(v["nama"], "beban-kerja");
    assert!(
        v["belum_terkonfirmasi"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["status"] == "R")
    );
    assert_eq!(i.judul(Bahasa::En), "Workload analysis");
    for nama in rules::kalkulator::DAFTAR {
        assert!(rules::kalkulator::info(nama).is_some(), "{nama}");
    }
}

#[test]
fn bahasa_dari_header() {
    assert_eq!(Bahasa::dari_kode("en-US,en;q=0.9"), Bahasa::En);
    assert_eq!(Bahasa::dari_kode("id-ID"), Bahasa::Id);
    assert_eq!(Bahasa::dari_kode("de"), Bahasa::Id);
    assert_eq!(Bahasa::default(), Bahasa::Id);
}

#[test]
fn konfigurasi_instansi_dari_json() {
    use rules::kalkulator::{Konfigurasi, hitung_dengan};
    use serde_json::json;
    let bawaan: Konfigurasi = serde_json::from_str("{}").unwrap();
    assert_eq!(bawaan, Konfigurasi::default());
    assert_eq!(bawaan.abk.jam_kerja_efektif.to_string(), "1250");
    let k: Konfigurasi = serde_json::from_value(json!({
        "abk": {"jam_kerja_efektif": "1507", "skala_ej": "kemenkeu_jla"},
        "kurva": {"pembulatan_maksimal": "atas"},
        "efisiensi": {"batasi_capaian": true},
        "angka_kredit": {"prorata": "tanpa_prorata"}
    }))
    .unwrap();
    assert!(serde_json::from_value::<Konfigurasi>(json!({"abk": {"jam": 1}})).is_err());
    // 1.281 jam / 1.507 = 0,85 → B pada skala Kemenkeu/JLA (C pada Permendagri).
    let input = json!({"tugas": [{"volume": 1281, "norma_waktu_menit": 60}], "jumlah_pegawai": 1});
    let v = hitung_dengan("beban-kerja", &input, Bahasa::Id, &k).unwrap();
    assert_eq!(v["efisiensi_jabatan"], json!("0.85"));
    assert_eq!(v["kategori_ej"], json!("B"));
    let v = hitung_dengan(
        "angka-kredit",
        &json!({"jenjang": "ahli_muda", "predikat": "baik", "bulan": 6}),
        Bahasa::Id,
        &k,
    )
    .unwrap();
    assert_eq!(v["angka_kredit"], json!("25.00"));
    let v = hitung_dengan(
        "efisiensi-anggaran",
        &json!({"keluaran": [{"pagu": 1000, "capaian_persen": 120, "realisasi_anggaran": 900}]}),
        Bahasa::Id,
        &k,
    )
    .unwrap();
    assert_eq!(v["efisiensi_persen"], json!("10.00"));
    // Field masukan mengalahkan konfigurasi.
    let v = hitung_dengan("efisiensi-anggaran", &json!({"keluaran": [{"pagu": 1000, "capaian_persen": 120, "realisasi_anggaran": 900}], "batasi_capaian": false}), Bahasa::Id, &k).unwrap();
    assert_eq!(v["efisiensi_persen"], json!("25.00"));
    let v = hitung_dengan(
        "kurva-distribusi",
        &json!({"predikat_organisasi": "baik", "jumlah": {"baik": 5, "kurang": 2}}),
        Bahasa::Id,
        &k,
    )
    .unwrap();
    assert_eq!(v["valid"], json!(true)); // 70 % dari 7 = 4,9 → 5 bila dibulatkan ke atas
}

/// Konfigurasi anggaran per instansi: ambang dan kelompok belanja penunjang
/// dari JSON/TOML; field masukan tetap mengalahkan konfigurasi.
#[test]
fn konfigurasi_anggaran_dari_json() {
    use rules::anggaran::{BelanjaPenunjang, KonfigurasiAnggaran};
    use rules::kalkulator::{Konfigurasi, hitung, hitung_dengan};
    use serde_json::json;
    let bawaan: KonfigurasiAnggaran = serde_json::from_str("{}").unwrap();
    assert_eq!(bawaan, KonfigurasiAnggaran::default());
    assert_eq!(
        bawaan.keselarasan.belanja_penunjang,
        BelanjaPenunjang::default()
    );
    let k: Konfigurasi = serde_json::from_value(json!({
        "anggaran": {
            "nilai_uang": {"ambang_penyerapan": "80"},
            "keselarasan": {
                "ambang_belanja_penunjang_persen": "50",
                "belanja_penunjang": [{"nama": "perjalanan_dinas", "kode": ["5.1.02.04"]}]
            }
        }
    }))
    .unwrap();
    assert!(
        serde_json::from_value::<Konfigurasi>(json!({"anggaran": {"nilai_uang": {"x": 1}}}))
            .is_err()
    );
    // Honorarium bukan lagi penunjang; perjalanan 40% < ambang instansi 50%.
    let masukan = json!({"program": {"kode": "1.02.02", "nama": "x"}, "subkegiatan": [{
        "kode": "1.02.02.2.02.0015", "nama": "Gizi", "belanja": [
            {"kode_rekening": "5.1.02.04.01.0001", "jumlah": 40},
            {"kode_rekening": "5.1.02.02.01.0003", "jumlah": 30},
            {"kode_rekening": "5.1.02.01.01.0039", "jumlah": 30}]}]});
    let v = hitung_dengan("keselarasan-program", &masukan, Bahasa::Id, &k).unwrap();
    assert_eq!(v["porsi_belanja_penunjang_persen"], json!("40.00"));
    assert_eq!(v["selaras"], json!(true));
    let v = hitung("keselarasan-program", &masukan, Bahasa::Id).unwrap();
    assert_eq!(v["porsi_belanja_penunjang_persen"], json!("70.00"));
    assert_eq!(v["selaras"], json!(false));
    // Ambang masukan mengalahkan konfigurasi.
    let mut m = masukan.clone();
    m["ambang_belanja_penunjang_persen"] = json!("40");
    let v = hitung_dengan("keselarasan-program", &m, Bahasa::Id, &k).unwrap();
    assert_eq!(v["selaras"], json!(false));
    let nu = json!({"pagu": 100, "realisasi_anggaran": 85, "target": 10, "realisasi_keluaran": 4,
        "polaritas": "positif", "ada_bukti": true, "bulan": 3});
    let v = hitung_dengan("nilai-uang", &nu, Bahasa::Id, &k).unwrap();
    assert_eq!(v["tanda"][0]["kode"], json!("uang_habis_hasil_tidak_jelas"));
    assert!(
        hitung("nilai-uang", &nu, Bahasa::Id).unwrap()["tanda"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}
