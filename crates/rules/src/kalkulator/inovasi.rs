//! Kalkulator `peringkat-inovasi` (pembungkus JSON atas
//! [`crate::inovasi::peringkat`]).

use super::masukan::{Obj, Pembaca};
use super::penjelasan::{Penjelasan, d2, r};
use super::{GalatKalkulator, Konfigurasi};
use crate::inovasi::{
    self as ino, EntriDinilai, KriteriaBobot, MAKS_ENTRI, MAKS_JURI, MAKS_KRITERIA,
    MasukanPeringkat, NILAI_MINIMUM_KIPP, NilaiJuri,
};
use crate::{Bahasa, StatusSumber};
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashSet};

/// Batas panjang kode kriteria, id entri dan pengenal juri.
const MAKS_KODE: usize = 50;
const MAKS_ID: usize = 100;
/// Langkah penjelasan paling banyak untuk sekian entri teratas.
const MAKS_LANGKAH: usize = 100;

fn teks_id<'a>(p: &mut Pembaca, o: &Obj<'a>, k: &str, maks: usize) -> Option<&'a str> {
    let t = p.teks(o, k)?.trim();
    if t.is_empty() || t.chars().count() > maks {
        p.catat_input(crate::GalatInput::baru(
            o.jalur(k),
            crate::Masalah::PanjangTeks { maks },
        ));
        return None;
    }
    Some(t)
}

fn terlalu_banyak(p: &mut Pembaca, field: &str, maks: usize, apa: (&str, &str)) {
    let pesan = match p.bahasa {
        Bahasa::Id => format!("{field} paling banyak {maks} {}", apa.0),
        Bahasa::En => format!("{field}: at most {maks} {}", apa.1),
    };
    p.catat(field, "terlalu_banyak", pesan);
}

fn baca_kriteria(p: &mut Pembaca, v: &Value, jalur: &str) -> Option<KriteriaBobot> {
    let o = p.objek(v, jalur, &["kode", "bobot"])?;
    let kode = teks_id(p, &o, "kode", MAKS_KODE);
    let bobot = p.desimal(&o, "bobot");
    Some(KriteriaBobot {
        kode: kode?.to_string(),
        bobot: bobot?,
    })
}

fn baca_nilai_juri(p: &mut Pembaca, v: &Value, jalur: &str) -> Option<NilaiJuri> {
    let o = p.objek(v, jalur, &["juri", "skor"])?;
    let juri = teks_id(p, &o, "juri", MAKS_ID);
    let mut skor = BTreeMap::new();
    let mut ok = true;
    match p.wajib(&o, "skor") {
        Some(Value::Object(m)) => {
            let js = o.jalur("skor");
            // Lebih banyak kunci daripada kriteria mana pun pasti memuat kode asing.
            if m.len() > MAKS_KRITERIA {
                terlalu_banyak(p, &js, MAKS_KRITERIA, ("kriteria", "criteria"));
                return None;
            }
            for (k, x) in m {
                match p.nilai_desimal(x, &format!("{js}.{k}")) {
                    Some(d) => {
                        skor.insert(k.clone(), d);
                    }
                    None => ok = false,
                }
            }
        }
        Some(_) => {
            p.tipe_salah(&o.jalur("skor"), super::masukan::Jenis::Objek);
            ok = false;
        }
        None => ok = false,
    }
    let juri = juri?;
    ok.then(|| NilaiJuri {
        juri: juri.to_string(),
        skor,
    })
}

fn baca_entri(p: &mut Pembaca, v: &Value, jalur: &str) -> Option<EntriDinilai> {
    let o = p.objek(v, jalur, &["id", "nilai"])?;
    let id = teks_id(p, &o, "id", MAKS_ID);
    let mut nilai = Vec::new();
    let mut ok = false;
    if let Some(daftar) = p.daftar(&o, "nilai") {
        let jn = o.jalur("nilai");
        if daftar.len() > MAKS_JURI {
            terlalu_banyak(p, &jn, MAKS_JURI, ("juri", "judges"));
        } else {
            ok = true;
            for (j, x) in daftar.iter().enumerate() {
                match baca_nilai_juri(p, x, &format!("{jn}[{j}]")) {
                    Some(n) => nilai.push(n),
                    None => ok = false,
                }
            }
        }
    }
    let id = id?;
    ok.then(|| EntriDinilai {
        id: id.to_string(),
        nilai,
    })
}

pub(super) fn peringkat_inovasi(
    p: &mut Pembaca,
    input: &Value,
    _k: &Konfigurasi,
) -> Result<Value, GalatKalkulator> {
    let b = p.bahasa;
    let o = p.akar(input, &["n", "nilai_minimum", "kriteria", "entri"])?;
    let n = p.bulat(&o, "n", 0, MAKS_ENTRI as u64);
    let nilai_minimum = p
        .desimal_opsional(&o, "nilai_minimum")
        .unwrap_or(NILAI_MINIMUM_KIPP);
    let mut kriteria = Vec::new();
    if let Some(daftar) = p.daftar(&o, "kriteria") {
        if daftar.len() > MAKS_KRITERIA {
            terlalu_banyak(p, "kriteria", MAKS_KRITERIA, ("kriteria", "criteria"));
        } else {
            for (i, v) in daftar.iter().enumerate() {
                if let Some(k) = baca_kriteria(p, v, &format!("kriteria[{i}]")) {
                    kriteria.push(k);
                }
            }
        }
    }
    let mut entri = Vec::new();
    if let Some(daftar) = p.daftar(&o, "entri") {
        if daftar.len() > MAKS_ENTRI {
            terlalu_banyak(p, "entri", MAKS_ENTRI, ("butir", "entries"));
        } else {
            entri.reserve(daftar.len());
            for (i, v) in daftar.iter().enumerate() {
                if let Some(e) = baca_entri(p, v, &format!("entri[{i}]")) {
                    entri.push(e);
                }
            }
        }
    }
    p.selesai()?;
    let m = MasukanPeringkat {
        n: u32::try_from(super::masukan::pasti(n, b)?).map_err(|_| GalatKalkulator::internal(b))?,
        nilai_minimum,
        kriteria,
        entri,
    };
    let h =
        ino::peringkat(&m).map_err(|g| GalatKalkulator::input(g.kode(), &g.field(), g.pesan(b)))?;

    let lolos: HashSet<&str> = h.lolos.iter().map(String::as_str).collect();
    let seri: HashSet<&str> = h.seri_di_batas.iter().map(String::as_str).collect();
    let per_id: BTreeMap<&str, &EntriDinilai> =
        m.entri.iter().map(|e| (e.id.as_str(), e)).collect();
    let mut langkah: Vec<String> = h
        .peringkat
        .iter()
        .take(MAKS_LANGKAH)
        .map(|x| {
            let juri: Vec<String> = per_id
                .get(x.id.as_str())
                .map(|e| {
                    e.nilai
                        .iter()
                        .map(|nj| r(ino::nilai_juri(&m.kriteria, &nj.skor)))
                        .collect()
                })
                .unwrap_or_default();
            let status = if lolos.contains(x.id.as_str()) {
                b.pilih("lolos", "passes")
            } else if seri.contains(x.id.as_str()) {
                b.pilih(
                    "seri di batas N, perlu keputusan panitia",
                    "tied at the N boundary, the committee decides",
                )
            } else if x.nilai < m.nilai_minimum {
                b.pilih(
                    "tidak lolos (di bawah nilai minimum)",
                    "does not pass (below the minimum)",
                )
            } else {
                b.pilih(
                    "tidak lolos (di luar kuota N)",
                    "does not pass (outside the quota N)",
                )
            };
            let jumlah = if juri.len() > 1 {
                format!("({})", juri.join(" + "))
            } else {
                juri.join("")
            };
            format!(
                "{}. {}: {jumlah} / {} = {} → {status}",
                x.urutan,
                x.id,
                juri.len(),
                crate::angka::teks_2(x.nilai)
            )
        })
        .collect();
    if h.peringkat.len() > MAKS_LANGKAH {
        let sisa = h.peringkat.len() - MAKS_LANGKAH;
        langkah.push(match b {
            Bahasa::Id => format!("… dan {sisa} entri lain"),
            Bahasa::En => format!("… and {sisa} more entries"),
        });
    }
    let bobot: Vec<String> = m
        .kriteria
        .iter()
        .map(|k| format!("{} {}", k.kode, r(k.bobot)))
        .collect();
    let penjelasan = Penjelasan::baru(b, ino::SUMBER, StatusSumber::BelumTerkonfirmasi)
        .isi("n", m.n)
        .isi("nilai_minimum", r(m.nilai_minimum))
        .isi("bobot", bobot.join("; "))
        .isi("jumlah_entri", h.peringkat.len())
        .isi("jumlah_lolos", h.lolos.len())
        .isi("jumlah_seri_di_batas", h.seri_di_batas.len())
        .rumus(match b {
            Bahasa::Id => "nilai juri = Σ skor × bobot / 100; nilai entri = rata-rata nilai juri, dibulatkan 2 desimal (setengah ke atas); urut dari nilai tertinggi (seri: menurut id; peringkat 1, 1, 3); lolos = N terbaik dengan nilai ≥ nilai minimum; seri di batas N: semua entri bernilai batas diserahkan ke panitia",
            Bahasa::En => "judge score = Σ score × weight / 100; entry score = mean of its judges' scores, rounded to 2 decimals (half up); ordered best first (ties by id; ranks 1, 1, 3); passes = best N with score ≥ the minimum; a tie at the N boundary: every entry with that score goes to the committee",
        })
        .langkah(langkah);
    let peringkat: Vec<Value> = h
        .peringkat
        .iter()
        .map(|x| json!({"id": x.id, "nilai": d2(x.nilai), "urutan": x.urutan}))
        .collect();
    Ok(json!({
        "peringkat": peringkat,
        "lolos": h.lolos,
        "seri_di_batas": h.seri_di_batas,
        "perlu_keputusan": h.perlu_keputusan,
        "penjelasan": penjelasan.ke_value(),
    }))
}
