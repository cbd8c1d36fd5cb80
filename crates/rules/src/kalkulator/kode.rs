//! Kalkulator pembacaan kode: nomenklatur anggaran dan NIP.

use super::masukan::{Pembaca, pasti};
use super::penjelasan::Penjelasan;
use super::{GalatKalkulator, Konfigurasi};
use crate::nip::Nip;
use crate::nomenklatur::{KodeNomenklatur, TingkatKl, TingkatPemda};
use crate::{Bahasa, StatusSumber};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

type Hasil = Result<Value, GalatKalkulator>;

fn galat_field(field: &str, kode: &str, pesan: String) -> GalatKalkulator {
    GalatKalkulator {
        jenis: super::JenisGalat::InputTidakValid,
        kode: kode.to_string(),
        fields: BTreeMap::from([(field.to_string(), pesan.clone())]),
        pesan,
    }
}

pub(super) fn kode_nomenklatur(p: &mut Pembaca, input: &Value, _: &Konfigurasi) -> Hasil {
    let b = p.bahasa;
    let o = p.akar(input, &["kode"])?;
    let teks = p.teks(&o, "kode");
    p.selesai()?;
    let kode = KodeNomenklatur::parse(pasti(teks, b)?)
        .map_err(|g| galat_field("kode", g.kode(), g.pesan(b)))?;
    let mut keluaran = Map::new();
    keluaran.insert("jenis".into(), kode.jenis().token().into());
    let mut penjelasan = match &kode {
        KodeNomenklatur::Pemda(k) => {
            for t in TingkatPemda::SEMUA {
                if let Some(s) = k.awalan(*t) {
                    keluaran.insert(t.token().into(), s.into());
                }
            }
            Penjelasan::baru(
                b,
                "Permendagri No. 90 Tahun 2019; Kepmendagri 050-5889/2021 dan pemutakhirannya",
                StatusSumber::Sekunder,
            )
            .isi("tingkat", k.tingkat().token())
            .isi("generik", k.generik())
        }
        KodeNomenklatur::Kl(k) => {
            for t in TingkatKl::SEMUA {
                if let Some(s) = k.segmen(*t) {
                    keluaran.insert(t.token().into(), s.into());
                }
            }
            Penjelasan::baru(
                b,
                "KRISNA/SAKTI (RSPP, PMK 62/2023)",
                StatusSumber::Sekunder,
            )
            .isi("tingkat", k.tingkat().token())
        }
    };
    penjelasan = penjelasan.isi("kode", kode.to_string());
    if let Some(induk) = kode.induk() {
        penjelasan = penjelasan.isi("induk", induk.to_string());
    }
    keluaran.insert("penjelasan".into(), penjelasan.ke_value());
    Ok(Value::Object(keluaran))
}

pub(super) fn nip(p: &mut Pembaca, input: &Value, _: &Konfigurasi) -> Hasil {
    let b = p.bahasa;
    let o = p.akar(input, &["nip"])?;
    // NIP sebagai angka JSON: tolak dengan alasan yang jelas (digit bisa hilang).
    if let Some(Value::Number(_)) = p.opsional(&o, "nip") {
        let pesan = b
            .pilih(
                "nip harus dikirim sebagai teks (string): sebagai angka, digit NIP bisa hilang (spreadsheet hanya menyimpan 15 digit bermakna)",
                "nip must be sent as a string: as a number its digits can be lost (spreadsheets keep only 15 significant digits)",
            )
            .to_string();
        p.catat("nip", "tipe_salah", pesan);
    }
    let teks = match p.opsional(&o, "nip") {
        Some(Value::Number(_)) => None,
        _ => p.teks(&o, "nip"),
    };
    p.selesai()?;
    let nip = Nip::parse(pasti(teks, b)?).map_err(|g| galat_field("nip", g.kode(), g.pesan(b)))?;
    let penjelasan = Penjelasan::baru(b, "Peraturan BKN tentang NIP (struktur 18 digit)", StatusSumber::Sekunder)
        .isi("nip_berkelompok", nip.berkelompok())
        .langkah(vec![match b {
            Bahasa::Id => "digit 1–8 tanggal lahir; 9–14 TMT (bulan 21 = PPPK); 15 jenis kelamin; 16–18 nomor urut".to_string(),
            Bahasa::En => "digits 1–8 birth date; 9–14 appointment (month 21 = PPPK); 15 sex; 16–18 sequence".to_string(),
        }]);
    let tanggal = nip.tanggal_lahir();
    Ok(json!({
        "jenis_asn": nip.jenis_asn().token(),
        "tanggal_lahir": format!("{:04}-{:02}-{:02}", tanggal.year(), u8::from(tanggal.month()), tanggal.day()),
        "tmt": nip.tmt().to_string(),
        "jenis_kelamin": nip.jenis_kelamin().token(),
        "nomor_urut": nip.nomor_urut(),
        "penjelasan": penjelasan.ke_value(),
    }))
}
