//! Target fuzz NIP: `Nip::parse` atas teks UTF-8 sembarang. Bila diterima,
//! semua pengakses dipanggil dan sifat yang harus berlaku diperiksa.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rules::Bahasa;
use rules::nip::{JenisAsn, JenisKelamin, Nip, Tmt};

fn angka(s: &str) -> i32 {
    s.parse().expect("digit")
}

fuzz_target!(|teks: &str| {
    let nip = match Nip::parse(teks) {
        Ok(n) => n,
        Err(g) => {
            // Pesan galat tidak boleh panik dalam bahasa mana pun.
            assert!(!g.kode().is_empty());
            let _ = g.pesan(Bahasa::Id);
            let _ = g.pesan(Bahasa::En);
            return;
        }
    };
    let s = nip.as_str();
    assert_eq!(s.len(), 18, "{s:?}");
    assert!(s.bytes().all(|b| b.is_ascii_digit()), "{s:?}");
    // Yang disimpan = masukan tanpa spasi.
    let bersih: String = teks.trim().chars().filter(|c| *c != ' ').collect();
    assert_eq!(bersih, s);

    // Tanggal lahir sesuai digit 1–8.
    let lahir = nip.tanggal_lahir();
    assert!((1900..=2099).contains(&lahir.year()));
    assert_eq!(lahir.year(), angka(&s[0..4]));
    assert_eq!(lahir.month() as i32, angka(&s[4..6]));
    assert_eq!(i32::from(lahir.day()), angka(&s[6..8]));

    // TMT sesuai digit 9–14, sesudah tahun lahir.
    let tmt = nip.tmt();
    assert!((1900..=2099).contains(&tmt.tahun()));
    assert!(tmt.tahun() > lahir.year());
    assert_eq!(tmt.tahun(), angka(&s[8..12]));
    match (tmt, nip.jenis_asn()) {
        (Tmt::Pns { bulan, .. }, JenisAsn::Pns) => {
            assert_eq!(bulan as i32, angka(&s[12..14]));
            assert_eq!(tmt.to_string(), format!("{}-{}", &s[8..12], &s[12..14]));
        }
        (Tmt::Pppk { .. }, JenisAsn::Pppk) => {
            assert_eq!(&s[12..14], "21");
            assert_eq!(tmt.to_string(), &s[8..12]);
        }
        (t, j) => panic!("TMT {t:?} tidak cocok dengan jenis ASN {j:?}"),
    }

    // Jenis kelamin dari digit 15, nomor urut digit 16–18.
    let jk = match &s[14..15] {
        "1" => JenisKelamin::L,
        "2" => JenisKelamin::P,
        d => panic!("digit jenis kelamin {d}"),
    };
    assert_eq!(nip.jenis_kelamin(), jk);
    assert_eq!(nip.nomor_urut(), &s[15..18]);

    // Pulang-pergi: teks, bentuk berkelompok, Display dan serde.
    assert_eq!(Nip::parse(s).as_ref(), Ok(&nip));
    assert_eq!(Nip::parse(&nip.berkelompok()).as_ref(), Ok(&nip));
    assert_eq!(nip.to_string(), s);
    let json = serde_json::to_string(&nip).expect("serialisasi");
    let balik: Nip = serde_json::from_str(&json).expect("deserialisasi");
    assert_eq!(balik, nip);
});
