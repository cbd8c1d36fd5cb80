//! Kalkulator kinerja pegawai: predikat, kurva, capaian, nilai IKI, SKP lama, PP 30.

use super::masukan::{Obj, Pembaca, pasti};
use super::penjelasan::{Penjelasan, d2, r};
use super::{GalatKalkulator, Konfigurasi, dari_galat_input};
use crate::permenpanrb_6_2022::{
    self as p6, JumlahPredikat, PredikatKinerjaPegawai, PredikatOrganisasi, RatingKinerja,
};
use crate::permenpanrb_8_2021::{self as p8, PembandingTarget, PitaIki, Polaritas, Target};
use crate::pp_30_2019::{self as p30, BobotPp30};
use crate::pp_46_2011::{self as p46, Biaya, KegiatanPp46};
use crate::{Bahasa, StatusSumber};
use rust_decimal::Decimal;
use serde_json::{Value, json};

type Hasil = Result<Value, GalatKalkulator>;

/// Batas wajar hitungan pegawai per predikat dalam satu unit.
const MAKS_PEGAWAI: u64 = 10_000_000;

pub(super) fn predikat_kinerja(p: &mut Pembaca, input: &Value, _: &Konfigurasi) -> Hasil {
    let b = p.bahasa;
    let o = p.akar(input, &["hasil_kerja", "perilaku_kerja"])?;
    let hasil = p.pilihan::<RatingKinerja>(&o, "hasil_kerja");
    let perilaku = p.pilihan::<RatingKinerja>(&o, "perilaku_kerja");
    p.selesai()?;
    let (hasil, perilaku) = (pasti(hasil, b)?, pasti(perilaku, b)?);
    let predikat = p6::predikat_kinerja(hasil, perilaku);
    let langkah = match b {
        Bahasa::Id => format!(
            "hasil kerja {} × perilaku kerja {} → {}",
            hasil.label(b),
            perilaku.label(b),
            predikat.label(b)
        ),
        Bahasa::En => format!(
            "work results {} × work behaviour {} → {}",
            hasil.label(b),
            perilaku.label(b),
            predikat.label(b)
        ),
    };
    let penjelasan = Penjelasan::baru(b, p6::SUMBER, StatusSumber::Sekunder)
        .isi("label", predikat.label(b))
        .langkah(vec![langkah]);
    Ok(json!({ "predikat": predikat.token(), "penjelasan": penjelasan.ke_value() }))
}

pub(super) fn kurva_distribusi(p: &mut Pembaca, input: &Value, k: &Konfigurasi) -> Hasil {
    let b = p.bahasa;
    let o = p.akar(input, &["predikat_organisasi", "jumlah"])?;
    let organisasi = p.pilihan::<PredikatOrganisasi>(&o, "predikat_organisasi");
    let mut jumlah = JumlahPredikat::default();
    if let Some(v) = p.wajib(&o, "jumlah")
        && let Some(oj) = p.objek(v, "jumlah", PredikatKinerjaPegawai::TOKEN)
    {
        for pred in PredikatKinerjaPegawai::SEMUA {
            if let Some(n) = p.bulat_opsional(&oj, pred.token(), 0, MAKS_PEGAWAI) {
                *jumlah.jumlah_mut(*pred) = n;
            }
        }
    }
    p.selesai()?;
    let organisasi = pasti(organisasi, b)?;
    let hasil =
        p6::periksa_kurva(organisasi, &jumlah, &k.kurva).map_err(|g| dari_galat_input(g, b))?;
    let pelanggaran: Vec<Value> = hasil
        .pelanggaran()
        .map(|x| {
            json!({
                "aturan": x.aturan.token(),
                "pesan": x.pesan(b),
                "ditemukan": x.ditemukan,
                "batas": x.batas,
            })
        })
        .collect();
    let aturan: Vec<Value> = hasil
        .pemeriksaan
        .iter()
        .map(|x| {
            let mut v = json!({
                "aturan": x.aturan.token(),
                "jenis": x.jenis.token(),
                "kelompok": x.kelompok.iter().map(|p| p.token()).collect::<Vec<_>>(),
                "ditemukan": x.ditemukan,
                "batas": x.batas,
                "dipenuhi": x.dipenuhi(),
                "pesan": x.pesan(b),
            });
            if let (Some(persen), Some(eksak), Some(bulat)) =
                (x.persen, x.batas_eksak, x.pembulatan)
            {
                v["persen"] = r(persen).into();
                v["batas_eksak"] = r(eksak).into();
                v["pembulatan"] = bulat.token().into();
            }
            v
        })
        .collect();
    let kebijakan = &k.kurva;
    let penjelasan = Penjelasan::baru(b, p6::SUMBER, StatusSumber::Sekunder)
        .isi("total_pegawai", hasil.total)
        .isi(
            "kebijakan",
            json!({
                "pembulatan_maksimal": kebijakan.pembulatan_maksimal.token(),
                "pembulatan_minimal": kebijakan.pembulatan_minimal.token(),
                "harus_ada_minimal": kebijakan.harus_ada_minimal,
                "status": StatusSumber::BelumTerkonfirmasi.token(),
            }),
        )
        .isi("aturan", aturan);
    Ok(json!({
        "valid": hasil.valid(),
        "pelanggaran": pelanggaran,
        "penjelasan": penjelasan.ke_value(),
    }))
}

/// Field `target` kalkulator capaian: desimal tunggal atau rentang `{min, max}`.
pub(super) fn baca_target(p: &mut Pembaca, o: &Obj) -> Option<Target> {
    match p.wajib(o, "target") {
        Some(v @ Value::Object(_)) => match p.objek(v, &o.jalur("target"), &["min", "max"]) {
            Some(ot) => {
                let min = p.desimal(&ot, "min");
                let max = p.desimal(&ot, "max");
                min.zip(max).map(|(min, max)| Target::Rentang { min, max })
            }
            None => None,
        },
        Some(v) => p.nilai_desimal(v, &o.jalur("target")).map(Target::Tunggal),
        None => None,
    }
}

pub(super) fn capaian(p: &mut Pembaca, input: &Value, _: &Konfigurasi) -> Hasil {
    let b = p.bahasa;
    let o = p.akar(input, &["polaritas", "target", "realisasi"])?;
    let polaritas = p.pilihan::<Polaritas>(&o, "polaritas");
    let target = baca_target(p, &o);
    let realisasi = p.desimal(&o, "realisasi");
    p.selesai()?;
    let (polaritas, target, realisasi) = (
        pasti(polaritas, b)?,
        pasti(target, b)?,
        pasti(realisasi, b)?,
    );
    let h = p8::capaian(polaritas, target, realisasi).map_err(|g| dari_galat_input(g, b))?;
    let c = h.capaian_persen;
    let rumus = match (h.target_dipakai, polaritas) {
        (None, _) => match (target, b) {
            (Target::Rentang { min, max }, Bahasa::Id) => {
                format!(
                    "realisasi {} di dalam rentang {}–{} → 100",
                    r(realisasi),
                    r(min),
                    r(max)
                )
            }
            (Target::Rentang { min, max }, Bahasa::En) => {
                format!(
                    "realisasi {} is inside the range {}–{} → 100",
                    r(realisasi),
                    r(min),
                    r(max)
                )
            }
            _ => String::new(),
        },
        (Some(t), Polaritas::Negatif) if t.is_zero() => b
            .pilih(
                "target 0 pada indikator negatif: realisasi 0 → 100, selain itu 0",
                "target 0 on a negative indicator: realisasi 0 → 100, otherwise 0",
            )
            .to_string(),
        (Some(t), Polaritas::Positif) => format!("{} / {} × 100 = {}", r(realisasi), r(t), r(c)),
        (Some(t), Polaritas::Negatif) => {
            let mut s = format!("(1 + (1 − {} / {})) × 100", r(realisasi), r(t));
            if h.dibatasi_nol {
                s.push_str(b.pilih(" < 0 → dibatasi 0", " < 0 → floored at 0"));
            } else {
                s.push_str(&format!(" = {}", r(c)));
            }
            s
        }
    };
    let mut penjelasan = Penjelasan::baru(b, p8::SUMBER, StatusSumber::Primer)
        .isi("pembanding", h.pembanding.token())
        .rumus(rumus);
    if let Some(t) = h.target_dipakai {
        penjelasan = penjelasan.isi("target_dipakai", r(t));
    }
    if matches!(
        h.pembanding,
        PembandingTarget::BatasAtas | PembandingTarget::BatasBawah
    ) {
        let teks = match (h.pembanding, b) {
            (PembandingTarget::BatasAtas, Bahasa::Id) => {
                "realisasi di atas rentang: dibandingkan dengan max"
            }
            (PembandingTarget::BatasAtas, Bahasa::En) => {
                "realisasi above the range: compared with max"
            }
            (_, Bahasa::Id) => "realisasi di bawah rentang: dibandingkan dengan min",
            (_, Bahasa::En) => "realisasi below the range: compared with min",
        };
        penjelasan = penjelasan.langkah(vec![teks.to_string()]);
    }
    Ok(json!({ "capaian_persen": d2(c), "penjelasan": penjelasan.ke_value() }))
}

pub(super) fn nilai_capaian_iki(p: &mut Pembaca, input: &Value, _: &Konfigurasi) -> Hasil {
    let b = p.bahasa;
    let o = p.akar(input, &["capaian_persen", "target_maksimal"])?;
    let capaian = p.desimal(&o, "capaian_persen");
    let target_maksimal = p.boolean_opsional(&o, "target_maksimal").unwrap_or(false);
    p.selesai()?;
    let h = p8::nilai_capaian_iki(pasti(capaian, b)?, target_maksimal)
        .map_err(|g| dari_galat_input(g, b))?;
    let (c, n) = (r(h.capaian_bulat), r(h.nilai));
    let rumus = match h.pita {
        PitaIki::TargetMaksimal => format!("{c} ≥ 100 & target_maksimal → 120"),
        PitaIki::LebihDari110 => format!("{c} > 110 → 120"),
        PitaIki::Dari101Sampai110 => format!("110 + (120 − 110) / (110 − 101) × ({c} − 101) = {n}"),
        PitaIki::Tepat100 => "100 → 109".to_string(),
        PitaIki::Dari80Sampai99 => format!("70 + (89 − 70) / (99 − 80) × ({c} − 80) = {n}"),
        PitaIki::Dari60Sampai79 => format!("50 + (69 − 50) / (79 − 60) × ({c} − 60) = {n}"),
        PitaIki::Dari0Sampai59 => format!("{c} / 59 × 49 = {n}"),
    };
    let langkah = match b {
        Bahasa::Id => format!(
            "capaian {} dibulatkan ke persen bulat: {c} (kebijakan Kinerja [R], menutup celah antar-pita)",
            r(pasti(capaian, b)?)
        ),
        Bahasa::En => format!(
            "capaian {} rounded to a whole percent: {c} (Kinerja policy [R], closes the gaps between bands)",
            r(pasti(capaian, b)?)
        ),
    };
    let penjelasan = Penjelasan::baru(b, p8::SUMBER, StatusSumber::Primer)
        .isi("capaian_dibulatkan", c.clone())
        .isi("pita", h.pita.token())
        .rumus(rumus)
        .langkah(vec![langkah]);
    Ok(json!({
        "nilai": d2(h.nilai),
        "kategori": h.kategori.token(),
        "penjelasan": penjelasan.ke_value(),
    }))
}

const KUNCI_KEGIATAN: &[&str] = &[
    "target_output",
    "realisasi_output",
    "target_kualitas",
    "realisasi_kualitas",
    "target_waktu",
    "realisasi_waktu",
    "target_biaya",
    "realisasi_biaya",
];

fn baca_kegiatan(p: &mut Pembaca, v: &Value, jalur: &str) -> Option<KegiatanPp46> {
    let o = p.objek(v, jalur, KUNCI_KEGIATAN)?;
    let to = p.desimal(&o, "target_output");
    let ro = p.desimal(&o, "realisasi_output");
    let tk = p.desimal(&o, "target_kualitas");
    let rk = p.desimal(&o, "realisasi_kualitas");
    let tw = p.desimal(&o, "target_waktu");
    let rw = p.desimal(&o, "realisasi_waktu");
    let ada_tb = p.opsional(&o, "target_biaya").is_some();
    let ada_rb = p.opsional(&o, "realisasi_biaya").is_some();
    let tb = p.desimal_opsional(&o, "target_biaya");
    let rb = p.desimal_opsional(&o, "realisasi_biaya");
    // Biaya: keduanya atau tidak sama sekali; target biaya 0 berarti tanpa aspek biaya.
    let biaya = match (ada_tb, ada_rb) {
        (false, false) => Some(None),
        (true, true) => tb
            .zip(rb)
            .map(|(target, realisasi)| Some(Biaya { target, realisasi })),
        (true, false) => match tb {
            Some(t) if t.is_zero() => Some(None),
            _ => {
                p.wajib(&o, "realisasi_biaya");
                None
            }
        },
        (false, true) => {
            p.wajib(&o, "target_biaya");
            None
        }
    };
    Some(KegiatanPp46 {
        target_output: to?,
        realisasi_output: ro?,
        target_kualitas: tk?,
        realisasi_kualitas: rk?,
        target_waktu: tw?,
        realisasi_waktu: rw?,
        biaya: biaya?,
    })
}

pub(super) fn skp_pp46(p: &mut Pembaca, input: &Value, _: &Konfigurasi) -> Hasil {
    let b = p.bahasa;
    let o = p.akar(input, &["kegiatan", "nilai_perilaku"])?;
    let mut kegiatan = Vec::new();
    if let Some(daftar) = p.daftar(&o, "kegiatan") {
        for (i, v) in daftar.iter().enumerate() {
            if let Some(k) = baca_kegiatan(p, v, &format!("kegiatan[{i}]")) {
                kegiatan.push(k);
            }
        }
    }
    let perilaku = p.desimal(&o, "nilai_perilaku");
    p.selesai()?;
    let perilaku = pasti(perilaku, b)?;
    let skp = p46::nilai_skp(&kegiatan).map_err(|g| dari_galat_input(g, b))?;
    let prestasi =
        p46::nilai_prestasi_kerja(skp.nilai_skp, perilaku).map_err(|g| dari_galat_input(g, b))?;
    let mut keluaran_kegiatan = Vec::new();
    let mut rincian = Vec::new();
    for n in &skp.kegiatan {
        let mut v = json!({
            "kuantitas": d2(n.kuantitas),
            "kualitas": d2(n.kualitas),
            "waktu": d2(n.waktu.nilai),
            "nilai": d2(n.nilai),
        });
        let cabang = |sampai_24: bool| {
            if sampai_24 {
                "efisiensi ≤ 24"
            } else {
                "efisiensi > 24"
            }
        };
        let mut x = json!({
            "efisiensi_waktu": r(n.waktu.efisiensi),
            "rumus_waktu": cabang(n.waktu.sampai_24),
            "pembagi": n.pembagi,
            "tidak_dikerjakan": n.tidak_dikerjakan,
        });
        if let Some(bi) = n.biaya {
            v["biaya"] = d2(bi.nilai);
            x["efisiensi_biaya"] = r(bi.efisiensi).into();
            x["rumus_biaya"] = cabang(bi.sampai_24).into();
        }
        keluaran_kegiatan.push(v);
        rincian.push(x);
    }
    let penjelasan = Penjelasan::baru(b, p46::SUMBER, StatusSumber::Sekunder)
        .isi("kegiatan", rincian)
        .rumus(format!(
            "nilai_skp = Σ nilai / {} = {}; 60% × {} + 40% × {} = {}",
            skp.kegiatan.len(),
            r(skp.nilai_skp),
            r(skp.nilai_skp),
            r(perilaku),
            r(prestasi.nilai)
        ))
        .langkah(vec![
            b.pilih(
                "waktu/biaya: e = 100 − R/T × 100; e ≤ 24: (1,76·T − R)/T × 100; e > 24: 76 − ((1,76·T − R)/T × 100 − 100)",
                "time/cost: e = 100 − R/T × 100; e ≤ 24: (1.76·T − R)/T × 100; e > 24: 76 − ((1.76·T − R)/T × 100 − 100)",
            )
            .to_string(),
        ]);
    Ok(json!({
        "kegiatan": keluaran_kegiatan,
        "nilai_skp": d2(skp.nilai_skp),
        "kategori_skp": skp.kategori_skp.token(),
        "nilai_prestasi_kerja": d2(prestasi.nilai),
        "kategori": prestasi.kategori.token(),
        "penjelasan": penjelasan.ke_value(),
    }))
}

pub(super) fn nilai_kinerja_pp30(p: &mut Pembaca, input: &Value, _: &Konfigurasi) -> Hasil {
    let b = p.bahasa;
    let o = p.akar(input, &["nilai_skp", "nilai_perilaku", "bobot", "ide_baru"])?;
    let skp = p.desimal(&o, "nilai_skp");
    let perilaku = p.desimal(&o, "nilai_perilaku");
    let bobot = p.pilihan::<BobotPp30>(&o, "bobot");
    let ide_baru = p.boolean(&o, "ide_baru");
    p.selesai()?;
    let (skp, perilaku, bobot, ide_baru) = (
        pasti(skp, b)?,
        pasti(perilaku, b)?,
        pasti(bobot, b)?,
        pasti(ide_baru, b)?,
    );
    let h =
        p30::nilai_kinerja(skp, perilaku, bobot, ide_baru).map_err(|g| dari_galat_input(g, b))?;
    let (bs, bp) = bobot.persen();
    let mut langkah = Vec::new();
    if h.nilai_bulat >= Decimal::from(110) && !ide_baru {
        langkah.push(
            b.pilih(
                "nilai ≥ 110 tetapi tanpa ide baru: Baik (Sangat Baik mensyaratkan ide baru)",
                "score ≥ 110 but no new idea: Baik (Sangat Baik requires a new idea)",
            )
            .to_string(),
        );
    }
    let penjelasan = Penjelasan::baru(b, p30::SUMBER, StatusSumber::Primer)
        .rumus(format!(
            "{bs}% × {} + {bp}% × {} = {}",
            r(skp),
            r(perilaku),
            r(h.nilai)
        ))
        .langkah(langkah);
    Ok(json!({
        "nilai_kinerja": d2(h.nilai),
        "predikat": h.predikat.token(),
        "penjelasan": penjelasan.ke_value(),
    }))
}
