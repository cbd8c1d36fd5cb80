//! Kalkulator anggaran berbasis kinerja (isu 9): gerbang anggaran, nilai
//! uang, keselarasan program. Pembungkus JSON tipis atas [`crate::anggaran`].

use super::kinerja::baca_target;
use super::masukan::{Obj, Pembaca, pasti};
use super::penjelasan::{Penjelasan, d2, r};
use super::{GalatKalkulator, Konfigurasi, dari_galat_input};
use crate::anggaran::{
    self as ag, BarisBelanja, IndikatorKeluaran, IndikatorRencana, JenisSubkegiatan,
    MasukanKeselarasan, MasukanNilaiUang, ProgramRencana, SubkegiatanBelanja, SubkegiatanRencana,
};
use crate::galat::{GalatInput, dalam_rentang};
use crate::permenpanrb_8_2021::Polaritas;
use crate::{Bahasa, StatusSumber};
use rust_decimal::Decimal;
use serde_json::{Map, Value, json};

type Hasil = Result<Value, GalatKalkulator>;

const KUNCI_SUB_RENCANA: &[&str] = &["kode", "program_kode", "unit", "pagu", "indikator"];
const KUNCI_IND_RENCANA: &[&str] = &["nama", "satuan", "polaritas", "target", "target_triwulan"];

fn desimal_draf(p: &mut Pembaca, o: &Obj, k: &str) -> Option<Decimal> {
    let v = p.mentah(o, k);
    p.nilai_desimal_draf(v, &o.jalur(k)).unwrap_or(None)
}

fn baca_indikator_rencana(p: &mut Pembaca, v: &Value, jalur: &str) -> Option<IndikatorRencana> {
    let o = p.objek(v, jalur, KUNCI_IND_RENCANA)?;
    let nama = p.teks_opsional(&o, "nama").map(String::from);
    let satuan = p.teks_opsional(&o, "satuan").map(String::from);
    let polaritas = p.pilihan_draf::<Polaritas>(&o, "polaritas");
    let target = desimal_draf(p, &o, "target");
    let f = o.jalur("target_triwulan");
    let target_triwulan = match p.daftar_opsional(&o, "target_triwulan") {
        None | Some([]) => None,
        Some(a) if a.len() > 4 => {
            let pesan = match p.bahasa {
                Bahasa::Id => format!(
                    "{f} berisi paling banyak 4 target kumulatif (triwulan I–IV), bukan {}",
                    a.len()
                ),
                Bahasa::En => format!(
                    "{f} holds at most 4 cumulative targets (quarters I–IV), not {}",
                    a.len()
                ),
            };
            p.catat(f, "jumlah_butir_salah", pesan);
            None
        }
        Some(a) => {
            let mut tw = [None; 4];
            for (k, x) in a.iter().enumerate() {
                tw[k] = p
                    .nilai_desimal_draf(Some(x), &format!("{f}[{k}]"))
                    .unwrap_or(None);
            }
            Some(tw)
        }
    };
    Some(IndikatorRencana {
        nama,
        satuan,
        polaritas,
        target,
        target_triwulan,
    })
}

fn baca_subkegiatan_rencana(p: &mut Pembaca, v: &Value, jalur: &str) -> Option<SubkegiatanRencana> {
    let o = p.objek(v, jalur, KUNCI_SUB_RENCANA)?;
    let kode = p.teks_opsional(&o, "kode").map(String::from);
    let program_kode = p.teks_opsional(&o, "program_kode").map(String::from);
    let unit = p.teks_opsional(&o, "unit").map(String::from);
    let pagu = desimal_draf(p, &o, "pagu");
    let mut indikator = Vec::new();
    if let Some(daftar) = p.daftar_opsional(&o, "indikator") {
        for (j, x) in daftar.iter().enumerate() {
            if let Some(ind) = baca_indikator_rencana(p, x, &format!("{jalur}.indikator[{j}]")) {
                indikator.push(ind);
            }
        }
    }
    Some(SubkegiatanRencana {
        kode,
        program_kode,
        unit,
        pagu,
        indikator,
    })
}

pub(super) fn gerbang_anggaran(p: &mut Pembaca, input: &Value, _: &Konfigurasi) -> Hasil {
    let b = p.bahasa;
    let o = p.akar(input, &["subkegiatan"])?;
    let mut daftar = Vec::new();
    if let Some(xs) = p.daftar(&o, "subkegiatan") {
        for (i, v) in xs.iter().enumerate() {
            if let Some(s) = baca_subkegiatan_rencana(p, v, &format!("subkegiatan[{i}]")) {
                daftar.push(s);
            }
        }
    }
    p.selesai()?;
    let h = ag::gerbang(&daftar).map_err(|g| dari_galat_input(g, b))?;
    let kekurangan: Vec<Value> = h
        .kekurangan
        .iter()
        .map(|k| {
            json!({
                "subkegiatan": k.subkegiatan,
                "kode": k.alasan().token(),
                "pesan": k.pesan(b),
            })
        })
        .collect();
    let lolos_sub = (0..daftar.len())
        .filter(|i| h.kekurangan.iter().all(|k| k.posisi != *i))
        .count();
    let langkah = match b {
        Bahasa::Id => vec![
            "indikator keluaran ada (tanpa_indikator)",
            "setiap indikator punya target tahunan (target_kosong)",
            "target triwulan kumulatif: empat angka, triwulan IV = target tahunan, indikator positif tidak turun (triwulan_tidak_konsisten)",
            "ada unit penanggung jawab (tanpa_penanggung_jawab)",
            "kode sub kegiatan diawali kode programnya (di_luar_program)",
            "pagu lebih dari nol (pagu_tidak_valid)",
        ],
        Bahasa::En => vec![
            "an output indicator exists (tanpa_indikator)",
            "every indicator has an annual target (target_kosong)",
            "cumulative quarterly targets: four values, quarter IV = annual target, a positive indicator never falls (triwulan_tidak_konsisten)",
            "a responsible unit is named (tanpa_penanggung_jawab)",
            "the sub-activity code begins with its programme code (di_luar_program)",
            "the budget ceiling is above zero (pagu_tidak_valid)",
        ],
    };
    let penjelasan = Penjelasan::baru(b, ag::SUMBER_GERBANG, StatusSumber::BelumTerkonfirmasi)
        .isi("jumlah_subkegiatan", daftar.len())
        .isi("subkegiatan_lolos", lolos_sub)
        .langkah(langkah.into_iter().map(String::from).collect());
    Ok(json!({
        "lolos": h.lolos(),
        "kekurangan": kekurangan,
        "penjelasan": penjelasan.ke_value(),
    }))
}

/// Ambang persen masukan (0–100) yang menimpa konfigurasi.
fn ambang(p: &mut Pembaca, o: &Obj, k: &str, slot: &mut Decimal) {
    if let Some(x) = p.desimal_opsional(o, k) {
        match dalam_rentang(x, Decimal::ZERO, Decimal::ONE_HUNDRED, &o.jalur(k)) {
            Ok(x) => *slot = x,
            Err(g) => p.catat_input(g),
        }
    }
}

pub(super) fn nilai_uang(p: &mut Pembaca, input: &Value, k: &Konfigurasi) -> Hasil {
    let b = p.bahasa;
    let o = p.akar(
        input,
        &[
            "pagu",
            "realisasi_anggaran",
            "target",
            "realisasi_keluaran",
            "polaritas",
            "baseline",
            "ada_bukti",
            "bulan",
            "ambang_penyerapan",
            "ambang_capaian",
            "ambang_tertinggal",
        ],
    )?;
    let pagu = p.desimal(&o, "pagu");
    let realisasi_anggaran = p.desimal(&o, "realisasi_anggaran");
    let target = baca_target(p, &o);
    let realisasi_keluaran = p.desimal(&o, "realisasi_keluaran");
    let polaritas = p.pilihan::<Polaritas>(&o, "polaritas");
    let baseline = p.desimal_opsional(&o, "baseline");
    let ada_bukti = p.boolean(&o, "ada_bukti");
    let bulan = p.bulat(&o, "bulan", 1, 12);
    let mut a = k.anggaran.nilai_uang;
    ambang(p, &o, "ambang_penyerapan", &mut a.ambang_penyerapan);
    ambang(p, &o, "ambang_capaian", &mut a.ambang_capaian);
    ambang(p, &o, "ambang_tertinggal", &mut a.ambang_tertinggal);
    p.selesai()?;
    let m = MasukanNilaiUang {
        pagu: pasti(pagu, b)?,
        realisasi_anggaran: pasti(realisasi_anggaran, b)?,
        target: pasti(target, b)?,
        realisasi_keluaran: pasti(realisasi_keluaran, b)?,
        polaritas: pasti(polaritas, b)?,
        baseline,
        ada_bukti: pasti(ada_bukti, b)?,
        bulan: u8::try_from(pasti(bulan, b)?).map_err(|_| GalatKalkulator::internal(b))?,
    };
    let h = ag::nilai_uang(&m, &a).map_err(|g| dari_galat_input(g, b))?;
    let tanda: Vec<Value> = h
        .tanda
        .iter()
        .map(|t| json!({"kode": t.kode().token(), "pesan": t.pesan(b)}))
        .collect();
    let c = &h.capaian;
    let target_teks = match c.target_dipakai {
        Some(t) => r(t),
        None => b
            .pilih("rentang (realisasi di dalamnya)", "range (result inside)")
            .to_string(),
    };
    let mut rumus = vec![
        format!(
            "penyerapan = {} / {} × 100 = {}",
            r(m.realisasi_anggaran),
            r(m.pagu),
            r(h.penyerapan_persen)
        ),
        format!(
            "capaian ({}) = {} / {} → {}",
            m.polaritas.token(),
            r(m.realisasi_keluaran),
            target_teks,
            r(c.capaian_persen)
        ),
        format!(
            "ekspektasi = {} / 12 × 100 = {}",
            m.bulan,
            r(h.ekspektasi_waktu_persen)
        ),
    ];
    if let Some(bs) = h.biaya_per_satuan {
        rumus.push(format!(
            "biaya per satuan = {} / {} = {}",
            r(m.realisasi_anggaran),
            r(m.realisasi_keluaran),
            r(bs)
        ));
    }
    let penjelasan = Penjelasan::baru(b, ag::SUMBER_NILAI_UANG, StatusSumber::BelumTerkonfirmasi)
        .isi("pembanding", c.pembanding.token())
        .isi(
            "ambang",
            json!({
                "ambang_penyerapan": r(a.ambang_penyerapan),
                "ambang_capaian": r(a.ambang_capaian),
                "ambang_tertinggal": r(a.ambang_tertinggal),
                "capaian_tanpa_belanja": r(a.capaian_tanpa_belanja),
                "penyerapan_tanpa_belanja": r(a.penyerapan_tanpa_belanja),
                "status": StatusSumber::BelumTerkonfirmasi.token(),
            }),
        )
        .rumus(rumus.join("; "))
        .langkah(vec![
            b.pilih(
                "penyerapan [P] PMK 22/2021; capaian [P] PermenPANRB 8/2021; tanda dibandingkan dengan nilai 2 desimal yang ditampilkan",
                "absorption [P] PMK 22/2021; achievement [P] PermenPANRB 8/2021; flags compare the 2-decimal values shown",
            )
            .to_string(),
        ]);
    Ok(json!({
        "penyerapan_persen": d2(h.penyerapan_persen),
        "capaian_persen": d2(c.capaian_persen),
        "ekspektasi_waktu_persen": d2(h.ekspektasi_waktu_persen),
        "biaya_per_satuan": h.biaya_per_satuan.map(d2),
        "tanda": tanda,
        "penjelasan": penjelasan.ke_value(),
    }))
}

fn baca_subkegiatan_belanja(p: &mut Pembaca, v: &Value, jalur: &str) -> Option<SubkegiatanBelanja> {
    let o = p.objek(v, jalur, &["kode", "nama", "jenis", "indikator", "belanja"])?;
    let kode = p.teks(&o, "kode");
    let nama = p.teks(&o, "nama");
    let jenis = p.pilihan_opsional::<JenisSubkegiatan>(&o, "jenis");
    let mut indikator = Vec::new();
    if let Some(xs) = p.daftar_opsional(&o, "indikator") {
        for (j, x) in xs.iter().enumerate() {
            if let Some(oi) = p.objek(x, &format!("{jalur}.indikator[{j}]"), &["nama", "satuan"]) {
                let nama = p.teks(&oi, "nama");
                let satuan = p.teks(&oi, "satuan");
                if let (Some(nama), Some(satuan)) = (nama, satuan) {
                    indikator.push(IndikatorKeluaran {
                        nama: nama.into(),
                        satuan: satuan.into(),
                    });
                }
            }
        }
    }
    let mut belanja = Vec::new();
    if let Some(xs) = p.daftar_opsional(&o, "belanja") {
        for (j, x) in xs.iter().enumerate() {
            let jl = format!("{jalur}.belanja[{j}]");
            if let Some(ob) = p.objek(x, &jl, &["kode_rekening", "uraian", "jumlah"]) {
                let kode_rekening = p.teks(&ob, "kode_rekening");
                let uraian = p.teks_opsional(&ob, "uraian");
                let jumlah = p.desimal(&ob, "jumlah");
                if let (Some(kode_rekening), Some(jumlah)) = (kode_rekening, jumlah) {
                    belanja.push(BarisBelanja {
                        kode_rekening: kode_rekening.into(),
                        uraian: uraian.map(String::from),
                        jumlah,
                    });
                }
            }
        }
    }
    Some(SubkegiatanBelanja {
        kode: kode?.into(),
        nama: nama?.into(),
        jenis,
        indikator,
        belanja,
    })
}

fn temuan_json(t: &ag::Temuan, b: Bahasa) -> Value {
    json!({
        "kode": t.kode().token(),
        "subkegiatan": t.subkegiatan,
        "pesan": t.pesan(b),
        "bukti": t.bukti,
    })
}

pub(super) fn keselarasan_program(p: &mut Pembaca, input: &Value, k: &Konfigurasi) -> Hasil {
    let b = p.bahasa;
    let o = p.akar(
        input,
        &["program", "subkegiatan", "ambang_belanja_penunjang_persen"],
    )?;
    let mut program = None;
    if let Some(v) = p.wajib(&o, "program")
        && let Some(op) = p.objek(v, "program", &["kode", "nama"])
    {
        let kode = p.teks(&op, "kode");
        let nama = p.teks(&op, "nama");
        program = kode.zip(nama).map(|(kode, nama)| ProgramRencana {
            kode: kode.into(),
            nama: nama.into(),
        });
    }
    let mut subkegiatan = Vec::new();
    if let Some(xs) = p.daftar(&o, "subkegiatan") {
        for (i, v) in xs.iter().enumerate() {
            if let Some(s) = baca_subkegiatan_belanja(p, v, &format!("subkegiatan[{i}]")) {
                subkegiatan.push(s);
            }
        }
    }
    let mut konf = k.anggaran.keselarasan.clone();
    if let Some(x) = p.desimal_opsional(&o, "ambang_belanja_penunjang_persen") {
        konf.ambang_belanja_penunjang_persen = x;
    }
    p.selesai()?;
    let m = MasukanKeselarasan {
        program: pasti(program, b)?,
        subkegiatan,
    };
    let h = ag::keselarasan(&m, &konf).map_err(|g: GalatInput| dari_galat_input(g, b))?;
    let mut kelompok = Map::new();
    for kel in &konf.belanja_penunjang.kelompok {
        kelompok.insert(kel.nama.clone(), json!(kel.kode));
    }
    let mut jenis = Map::new();
    for s in &m.subkegiatan {
        let j = s.jenis.or_else(|| ag::jenis_subkegiatan(&s.kode));
        jenis.insert(s.kode.clone(), json!(j.map(|j| j.token())));
    }
    let penjelasan = Penjelasan::baru(b, ag::SUMBER_KESELARASAN, StatusSumber::BelumTerkonfirmasi)
        .isi("total_belanja", r(h.total_belanja))
        .isi("belanja_penunjang", r(h.belanja_penunjang))
        .isi("ambang_persen", r(h.ambang_persen))
        .isi("status_ambang_persen", StatusSumber::BelumTerkonfirmasi.token())
        .isi("program_penunjang", h.program_penunjang)
        .isi("jenis_subkegiatan", jenis)
        .isi("kelompok_penunjang", kelompok)
        .rumus(format!(
            "Σ belanja penunjang / Σ belanja × 100 = {} / {} × 100 = {}",
            r(h.belanja_penunjang),
            r(h.total_belanja),
            r(h.porsi_belanja_penunjang_persen)
        ))
        .langkah(vec![
            b.pilih(
                "kode rekening termasuk kelompok penunjang bila sama dengan atau diawali kode kelompok; program penunjang (segmen program 01) tidak diperiksa porsi dan kata penunjangnya",
                "an account code is overhead when it equals or begins with a group's code; support programmes (programme segment 01) are exempt from the overhead share and word checks",
            )
            .to_string(),
        ]);
    Ok(json!({
        "selaras": h.selaras(),
        "porsi_belanja_penunjang_persen": d2(h.porsi_belanja_penunjang_persen),
        "alasan": h.alasan.iter().map(|t| temuan_json(t, b)).collect::<Vec<_>>(),
        "peringatan": h.peringatan.iter().map(|t| temuan_json(t, b)).collect::<Vec<_>>(),
        "penjelasan": penjelasan.ke_value(),
    }))
}
