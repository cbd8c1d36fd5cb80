//! Target fuzz kode nomenklatur (pemda dan K/L): ketiga pembaca dijalankan;
//! kode yang diterima harus pulang-pergi lewat teks dan serde, dan rantai
//! induknya harus berakhir dengan awalan yang juga sah.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rules::Bahasa;
use rules::nomenklatur::{GalatKode, KodeKl, KodeNomenklatur, KodePemda, TingkatKl, TingkatPemda};

fn galat(g: &GalatKode) {
    assert!(!g.kode().is_empty());
    let _ = g.pesan(Bahasa::Id);
    let _ = g.pesan(Bahasa::En);
}

fn periksa_pemda(k: &KodePemda) {
    let s = k.as_str();
    assert_eq!(KodePemda::parse(s).as_ref(), Ok(k), "{s:?}");
    assert_eq!(k.to_string(), s);
    assert_eq!(s.len(), s.trim().len());
    assert_eq!(k.generik(), s.starts_with("X.XX") || s == "X");
    assert_eq!(k.urusan(), &s[..1]);
    for t in TingkatPemda::SEMUA {
        match k.awalan(*t) {
            Some(a) => {
                assert!(*t <= k.tingkat());
                assert!(s.starts_with(a));
                // Awalan pada tingkat yang sah juga kode yang sah dengan tingkat itu.
                let p = KodePemda::parse(a).expect("awalan sah");
                assert_eq!(p.tingkat(), *t);
            }
            None => assert!(*t > k.tingkat()),
        }
    }
    assert_eq!(k.sub_kegiatan().is_some(), k.tingkat() == TingkatPemda::SubKegiatan);
    let _ = (k.bidang_urusan(), k.program(), k.kegiatan());
    let mut anak = k.clone();
    let mut langkah = 0;
    while let Some(induk) = anak.induk() {
        assert!(induk.tingkat() < anak.tingkat());
        assert!(anak.as_str().starts_with(induk.as_str()));
        assert_eq!(KodePemda::parse(induk.as_str()).as_ref(), Ok(&induk));
        anak = induk;
        langkah += 1;
        assert!(langkah < TingkatPemda::SEMUA.len());
    }
    assert_eq!(anak.tingkat(), TingkatPemda::Urusan);
}

fn periksa_kl(k: &KodeKl) {
    let s = k.to_string();
    assert_eq!(KodeKl::parse(&s).as_ref(), Ok(k), "{s:?}");
    assert_eq!(s, s.to_ascii_uppercase());
    assert!(s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.'));
    assert_eq!(k.segmen(TingkatKl::BagianAnggaran), Some(k.bagian_anggaran()));
    for t in TingkatKl::SEMUA {
        assert_eq!(k.segmen(*t).is_some(), *t <= k.tingkat());
    }
    let _ = (k.unit_eselon_1(), k.program(), k.kegiatan(), k.kro(), k.ro(), k.komponen());
    let mut anak = k.clone();
    let mut langkah = 0;
    while let Some(induk) = anak.induk() {
        assert!(induk.tingkat() < anak.tingkat());
        assert!(anak.to_string().starts_with(&induk.to_string()));
        anak = induk;
        langkah += 1;
        assert!(langkah < TingkatKl::SEMUA.len());
    }
    assert_eq!(anak.tingkat(), TingkatKl::BagianAnggaran);
}

fuzz_target!(|teks: &str| {
    match KodePemda::parse(teks) {
        Ok(k) => periksa_pemda(&k),
        Err(g) => galat(&g),
    }
    match KodeKl::parse(teks) {
        Ok(k) => periksa_kl(&k),
        Err(g) => galat(&g),
    }
    match KodeNomenklatur::parse(teks) {
        Ok(k) => {
            let s = k.to_string();
            assert_eq!(KodeNomenklatur::parse(&s).as_ref(), Ok(&k), "{s:?}");
            match &k {
                KodeNomenklatur::Pemda(p) => {
                    assert_eq!(KodePemda::parse(teks).as_ref(), Ok(p));
                    periksa_pemda(p);
                }
                KodeNomenklatur::Kl(p) => {
                    assert_eq!(KodeKl::parse(teks).as_ref(), Ok(p));
                    periksa_kl(p);
                }
            }
            let json = serde_json::to_string(&k).expect("serialisasi");
            let balik: KodeNomenklatur = serde_json::from_str(&json).expect("deserialisasi");
            assert_eq!(balik, k);
            let _ = (k.jenis(), k.induk());
        }
        Err(g) => galat(&g),
    }
});
