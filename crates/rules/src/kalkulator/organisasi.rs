//! Kalkulator organisasi dan anggaran: AKIP, ABK, penyerapan, efisiensi, angka kredit.

use super::masukan::{Pembaca, pasti};
use super::penjelasan::{Penjelasan, d2, r};
use super::{GalatKalkulator, Konfigurasi, dari_galat_input};
use crate::abk::{self, PembulatanPegawai, TugasAbk};
use crate::permenpanrb_1_2023::{self as p1, Jenjang, ProrataAngkaKredit};
use crate::permenpanrb_6_2022::PredikatKinerjaPegawai;
use crate::permenpanrb_88_2021::{self as p88, KomponenAkip};
use crate::pmk_22_2021::{self as pmk, Keluaran};
use crate::{Bahasa, StatusSumber, angka};
use serde_json::{Value, json};

type Hasil = Result<Value, GalatKalkulator>;

pub(super) fn evaluasi_akip(p: &mut Pembaca, input: &Value, _: &Konfigurasi) -> Hasil {
    let b = p.bahasa;
    let kunci: Vec<&str> = p88::BOBOT.iter().map(|(k, _)| *k).collect();
    let o = p.akar(input, &kunci)?;
    let nilai: Vec<_> = kunci.iter().map(|k| p.desimal(&o, k)).collect();
    p.selesai()?;
    let k = KomponenAkip {
        perencanaan: pasti(nilai[0], b)?,
        pengukuran: pasti(nilai[1], b)?,
        pelaporan: pasti(nilai[2], b)?,
        evaluasi_internal: pasti(nilai[3], b)?,
    };
    let h = p88::evaluasi_akip(&k).map_err(|g| dari_galat_input(g, b))?;
    let suku: Vec<String> = nilai.iter().flatten().map(|x| r(*x)).collect();
    let komponen: Vec<Value> = p88::BOBOT
        .iter()
        .zip(nilai.iter().flatten())
        .map(|((nama, bobot), x)| json!({ "komponen": nama, "bobot": bobot, "nilai": r(*x) }))
        .collect();
    let penjelasan = Penjelasan::baru(b, p88::SUMBER, StatusSumber::Sekunder)
        .isi("komponen", komponen)
        .isi("interpretasi", h.predikat.interpretasi(b))
        .isi(
            "status_interpretasi",
            StatusSumber::BelumTerkonfirmasi.token(),
        )
        .rumus(format!("{} = {}", suku.join(" + "), r(h.nilai)))
        .langkah(vec![
            "> 90 AA; > 80 A; > 70 BB; > 60 B; > 50 CC; > 30 C; ≤ 30 D".to_string(),
        ]);
    Ok(json!({
        "nilai": d2(h.nilai),
        "predikat": h.predikat.token(),
        "penjelasan": penjelasan.ke_value(),
    }))
}

/// Batas wajar jumlah pegawai satu jabatan.
const MAKS_PEGAWAI: u64 = 10_000_000;

pub(super) fn beban_kerja(p: &mut Pembaca, input: &Value, k: &Konfigurasi) -> Hasil {
    let b = p.bahasa;
    let o = p.akar(
        input,
        &["tugas", "jumlah_pegawai", "jam_kerja_efektif", "pembulatan"],
    )?;
    let mut tugas = Vec::new();
    if let Some(daftar) = p.daftar(&o, "tugas") {
        for (i, v) in daftar.iter().enumerate() {
            let jalur = format!("tugas[{i}]");
            if let Some(ot) = p.objek(v, &jalur, &["volume", "norma_waktu_menit"]) {
                let volume = p.desimal(&ot, "volume");
                let norma = p.desimal(&ot, "norma_waktu_menit");
                if let (Some(volume), Some(norma_waktu_menit)) = (volume, norma) {
                    tugas.push(TugasAbk {
                        volume,
                        norma_waktu_menit,
                    });
                }
            }
        }
    }
    let pegawai = p.bulat(&o, "jumlah_pegawai", 1, MAKS_PEGAWAI);
    let mut konf = k.abk;
    if let Some(jam) = p.desimal_opsional(&o, "jam_kerja_efektif") {
        konf.jam_kerja_efektif = jam;
    }
    if let Some(pembulatan) = p.pilihan_opsional::<PembulatanPegawai>(&o, "pembulatan") {
        konf.pembulatan = pembulatan;
    }
    p.selesai()?;
    let pegawai = pasti(pegawai, b)?;
    let h =
        abk::analisis_beban_kerja(&tugas, pegawai, &konf).map_err(|g| dari_galat_input(g, b))?;
    let jam = konf.jam_kerja_efektif;
    let ej_bulat = angka::bulatkan(h.efisiensi_jabatan);
    let penjelasan = Penjelasan::baru(b, abk::SUMBER, StatusSumber::Sekunder)
        .isi("jam_kerja_efektif", r(jam))
        .isi("pembulatan", konf.pembulatan.token())
        .isi("skala_ej", konf.skala_ej.token())
        .isi("status_skala_ej", StatusSumber::BelumTerkonfirmasi.token())
        .isi("label_ej", h.kategori_ej.label(b))
        .rumus(format!(
            "Σ volume × norma / 60 = {} jam; {} / {} = {}; {} / ({} × {}) = {}",
            r(h.beban_kerja_jam),
            r(h.beban_kerja_jam),
            r(jam),
            r(h.kebutuhan_pegawai),
            r(h.beban_kerja_jam),
            pegawai,
            r(jam),
            r(h.efisiensi_jabatan),
        ))
        .langkah(vec![match b {
            Bahasa::Id => format!("EJ dibulatkan {ej_bulat} → kategori {}", h.kategori_ej),
            Bahasa::En => format!("EJ rounded {ej_bulat} → category {}", h.kategori_ej),
        }]);
    Ok(json!({
        "beban_kerja_jam": d2(h.beban_kerja_jam),
        "kebutuhan_pegawai": d2(h.kebutuhan_pegawai),
        "kebutuhan_pegawai_dibulatkan": h.kebutuhan_pegawai_dibulatkan,
        "efisiensi_jabatan": d2(h.efisiensi_jabatan),
        "kategori_ej": h.kategori_ej.token(),
        "penjelasan": penjelasan.ke_value(),
    }))
}

pub(super) fn penyerapan(p: &mut Pembaca, input: &Value, _: &Konfigurasi) -> Hasil {
    let b = p.bahasa;
    let o = p.akar(input, &["realisasi", "pagu"])?;
    let realisasi = p.desimal(&o, "realisasi");
    let pagu = p.desimal(&o, "pagu");
    p.selesai()?;
    let (realisasi, pagu) = (pasti(realisasi, b)?, pasti(pagu, b)?);
    let persen = pmk::penyerapan(realisasi, pagu).map_err(|g| dari_galat_input(g, b))?;
    let penjelasan = Penjelasan::baru(b, pmk::SUMBER, StatusSumber::Primer).rumus(format!(
        "{} / {} × 100 = {}",
        r(realisasi),
        r(pagu),
        r(persen)
    ));
    Ok(json!({ "penyerapan_persen": d2(persen), "penjelasan": penjelasan.ke_value() }))
}

pub(super) fn efisiensi_anggaran(p: &mut Pembaca, input: &Value, k: &Konfigurasi) -> Hasil {
    let b = p.bahasa;
    let o = p.akar(input, &["keluaran", "batasi_capaian"])?;
    let mut keluaran = Vec::new();
    if let Some(daftar) = p.daftar(&o, "keluaran") {
        for (i, v) in daftar.iter().enumerate() {
            let jalur = format!("keluaran[{i}]");
            if let Some(ok) = p.objek(v, &jalur, &["pagu", "capaian_persen", "realisasi_anggaran"])
            {
                let pagu = p.desimal(&ok, "pagu");
                let ck = p.desimal(&ok, "capaian_persen");
                let rak = p.desimal(&ok, "realisasi_anggaran");
                if let (Some(pagu), Some(capaian_persen), Some(realisasi_anggaran)) =
                    (pagu, ck, rak)
                {
                    keluaran.push(Keluaran {
                        pagu,
                        capaian_persen,
                        realisasi_anggaran,
                    });
                }
            }
        }
    }
    let mut konf = k.efisiensi;
    if let Some(batasi) = p.boolean_opsional(&o, "batasi_capaian") {
        konf.batasi_capaian = batasi;
    }
    p.selesai()?;
    let h = pmk::efisiensi(&keluaran, &konf).map_err(|g| dari_galat_input(g, b))?;
    let penjelasan = Penjelasan::baru(b, pmk::SUMBER, StatusSumber::Primer)
        .isi("batasi_capaian", konf.batasi_capaian)
        .isi(
            "status_batasi_capaian",
            StatusSumber::BelumTerkonfirmasi.token(),
        )
        .isi("capaian_dibatasi", h.capaian_dibatasi)
        .rumus(format!(
            "Σ(PAK × CK/100) = {}; Σ RAK = {}; ({} − {}) / {} × 100 = {}",
            r(h.nilai_keluaran),
            r(h.realisasi_anggaran),
            r(h.nilai_keluaran),
            r(h.realisasi_anggaran),
            r(h.nilai_keluaran),
            r(h.efisiensi_persen),
        ));
    Ok(json!({ "efisiensi_persen": d2(h.efisiensi_persen), "penjelasan": penjelasan.ke_value() }))
}

pub(super) fn angka_kredit(p: &mut Pembaca, input: &Value, k: &Konfigurasi) -> Hasil {
    let b = p.bahasa;
    let o = p.akar(input, &["jenjang", "predikat", "bulan"])?;
    let jenjang = p.pilihan::<Jenjang>(&o, "jenjang");
    let predikat = p.pilihan::<PredikatKinerjaPegawai>(&o, "predikat");
    let bulan = p.bulat_opsional(&o, "bulan", 1, 12).unwrap_or(12);
    p.selesai()?;
    let (jenjang, predikat) = (pasti(jenjang, b)?, pasti(predikat, b)?);
    let bulan = u8::try_from(bulan).unwrap_or(12);
    let h = p1::angka_kredit(jenjang, predikat, bulan, &k.angka_kredit)
        .map_err(|g| dari_galat_input(g, b))?;
    let prorata = match k.angka_kredit.prorata {
        ProrataAngkaKredit::BulanPer12 => format!(" × {bulan}/12"),
        ProrataAngkaKredit::TanpaProrata => String::new(),
    };
    let penjelasan = Penjelasan::baru(b, p1::SUMBER, StatusSumber::Sekunder)
        .isi("koefisien", r(h.koefisien))
        .isi("pengali_persen", r(h.pengali_persen))
        .isi("prorata", k.angka_kredit.prorata.token())
        .isi("status_prorata", StatusSumber::BelumTerkonfirmasi.token())
        .rumus(format!(
            "{} × {}%{prorata} = {}",
            r(h.koefisien),
            r(h.pengali_persen),
            r(h.angka_kredit)
        ));
    Ok(json!({ "angka_kredit": d2(h.angka_kredit), "penjelasan": penjelasan.ke_value() }))
}
