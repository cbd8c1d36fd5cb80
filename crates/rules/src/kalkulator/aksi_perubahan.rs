//! Kalkulator `status-aksi-perubahan` (pembungkus JSON atas
//! [`crate::aksi_perubahan::status`]).

use super::masukan::{Obj, Pembaca, pasti};
use super::penjelasan::Penjelasan;
use super::{GalatKalkulator, Konfigurasi};
use crate::aksi_perubahan::{
    self as ap, AlasanTonggak, MAKS_HARI, Tahap, Tonggak, baca_tanggal, teks_tanggal,
};
use crate::{Bahasa, StatusSumber};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use time::Date;

/// Batas banyaknya tonggak satu proyek (masukan terbatas).
pub(crate) const MAKS_TONGGAK: usize = 200;
/// Batas panjang id tonggak dan alasan pembatalan.
const MAKS_ID: usize = 100;
const MAKS_ALASAN: usize = 1000;

fn tanggal(p: &mut Pembaca, o: &Obj, k: &str, wajib: bool) -> Option<Date> {
    let teks = if wajib {
        p.teks(o, k)?
    } else {
        p.teks_opsional(o, k)?
    };
    let d = baca_tanggal(teks.trim());
    if d.is_none() {
        let f = o.jalur(k);
        let pesan = match p.bahasa {
            Bahasa::Id => format!("{f} harus tanggal YYYY-MM-DD yang ada, mis. 2026-12-01"),
            Bahasa::En => format!("{f} must be an existing date YYYY-MM-DD, e.g. 2026-12-01"),
        };
        p.catat(f, "tanggal_tidak_valid", pesan);
    }
    d
}

fn teks_terbatas<'a>(p: &mut Pembaca, o: &Obj<'a>, k: &str, maks: usize) -> Option<&'a str> {
    let t = p.teks(o, k)?;
    let t = t.trim();
    if t.is_empty() || t.chars().count() > maks {
        let f = o.jalur(k);
        let pesan = match p.bahasa {
            Bahasa::Id => format!("{f} wajib diisi, paling banyak {maks} karakter"),
            Bahasa::En => format!("{f} is required, at most {maks} characters"),
        };
        p.catat(f, "panjang_tidak_valid", pesan);
        return None;
    }
    Some(t)
}

fn baca_tonggak(p: &mut Pembaca, v: &Value, jalur: &str) -> Option<Tonggak> {
    let o = p.objek(
        v,
        jalur,
        &[
            "id",
            "tahap",
            "jatuh_tempo",
            "progres_persen",
            "diperbarui_pada",
            "selesai_pada",
            "dibatalkan",
        ],
    )?;
    let id = teks_terbatas(p, &o, "id", MAKS_ID);
    let tahap = p.pilihan::<Tahap>(&o, "tahap");
    let jatuh_tempo = tanggal(p, &o, "jatuh_tempo", true);
    let progres = p.desimal(&o, "progres_persen");
    if let Some(x) = progres
        && (x < Decimal::ZERO || x > Decimal::ONE_HUNDRED)
    {
        p.catat_input(crate::GalatInput::baru(
            o.jalur("progres_persen"),
            crate::Masalah::DiLuarRentang {
                min: Some(Decimal::ZERO),
                maks: Some(Decimal::ONE_HUNDRED),
            },
        ));
    }
    let diperbarui_pada = tanggal(p, &o, "diperbarui_pada", true);
    // Teks kosong = belum selesai (seperti `null`).
    let selesai_ada = p
        .opsional(&o, "selesai_pada")
        .is_some_and(|v| !v.as_str().is_some_and(|s| s.trim().is_empty()));
    let selesai_pada = tanggal(p, &o, "selesai_pada", false);
    let mut dibatalkan = None;
    let mut batal_ok = true;
    if let Some(b) = p.opsional(&o, "dibatalkan") {
        let jb = o.jalur("dibatalkan");
        batal_ok = false;
        if let Some(ob) = p.objek(b, &jb, &["alasan"])
            && let Some(a) = teks_terbatas(p, &ob, "alasan", MAKS_ALASAN)
        {
            dibatalkan = Some(a.to_string());
            batal_ok = true;
        }
    }
    Some(Tonggak {
        id: id?.to_string(),
        tahap: tahap?,
        jatuh_tempo: jatuh_tempo?,
        progres_persen: progres.filter(|x| *x >= Decimal::ZERO && *x <= Decimal::ONE_HUNDRED)?,
        diperbarui_pada: diperbarui_pada?,
        selesai_pada: if selesai_ada {
            Some(selesai_pada?)
        } else {
            None
        },
        dibatalkan: if batal_ok { dibatalkan } else { None },
    })
}

pub(super) fn status_aksi_perubahan(
    p: &mut Pembaca,
    input: &Value,
    k: &Konfigurasi,
) -> Result<Value, GalatKalkulator> {
    let b = p.bahasa;
    let o = p.akar(
        input,
        &["tanggal", "hari_senyap", "hari_berisiko", "tonggak"],
    )?;
    let tgl = tanggal(p, &o, "tanggal", true);
    let mut konf = k.aksi_perubahan;
    if let Some(h) = p.bulat_opsional(&o, "hari_senyap", 1, MAKS_HARI.into()) {
        konf.hari_senyap = u32::try_from(h).unwrap_or(MAKS_HARI);
    }
    if let Some(h) = p.bulat_opsional(&o, "hari_berisiko", 0, MAKS_HARI.into()) {
        konf.hari_berisiko = u32::try_from(h).unwrap_or(MAKS_HARI);
    }
    let mut tonggak = Vec::new();
    if let Some(daftar) = p.daftar(&o, "tonggak") {
        if daftar.len() > MAKS_TONGGAK {
            let pesan = match b {
                Bahasa::Id => format!("tonggak paling banyak {MAKS_TONGGAK} butir"),
                Bahasa::En => format!("at most {MAKS_TONGGAK} milestones"),
            };
            p.catat("tonggak", "terlalu_banyak", pesan);
        } else {
            for (i, v) in daftar.iter().enumerate() {
                if let Some(t) = baca_tonggak(p, v, &format!("tonggak[{i}]")) {
                    tonggak.push(t);
                }
            }
        }
    }
    p.selesai()?;
    let tgl = pasti(tgl, b)?;
    let h = ap::status(tgl, &tonggak, &konf);
    let langkah: Vec<String> = tonggak
        .iter()
        .zip(&h.tonggak)
        .map(|(t, s)| langkah_tonggak(t, s, &konf, b))
        .collect();
    let penjelasan = Penjelasan::baru(b, ap::SUMBER, StatusSumber::BelumTerkonfirmasi)
        .isi("tanggal", teks_tanggal(tgl))
        .isi("hari_senyap", konf.hari_senyap)
        .isi("hari_berisiko", konf.hari_berisiko)
        .rumus(match b {
            Bahasa::Id => "tonggak: selesai → dibatalkan → terlambat (jatuh tempo < tanggal) → senyap (tanggal − diperbarui ≥ hari_senyap) → berisiko (jatuh tempo − tanggal ≤ hari_berisiko dan progres < 50) → sesuai jadwal; proyek: semua dibatalkan → semua selesai → terlambat → senyap → berisiko → sesuai jadwal",
            Bahasa::En => "milestone: done → cancelled → late (due < date) → silent (date − updated ≥ hari_senyap) → at risk (due − date ≤ hari_berisiko and progress < 50) → on schedule; project: all cancelled → all done → late → silent → at risk → on schedule",
        })
        .langkah(langkah);
    let tonggak_json: Vec<Value> = h
        .tonggak
        .iter()
        .map(|s| json!({"id": s.id, "status": s.status.token(), "alasan": s.alasan.token()}))
        .collect();
    Ok(json!({
        "status": h.status.token(),
        "alasan": h.alasan.token(),
        "tonggak": tonggak_json,
        "penjelasan": penjelasan.ke_value(),
    }))
}

fn langkah_tonggak(
    t: &Tonggak,
    s: &ap::StatusTonggak,
    k: &ap::KonfigurasiAksiPerubahan,
    b: Bahasa,
) -> String {
    let sebab = match (s.alasan, b) {
        (AlasanTonggak::AdaTanggalSelesai, Bahasa::Id) => format!(
            "selesai pada {}",
            t.selesai_pada.map(teks_tanggal).unwrap_or_default()
        ),
        (AlasanTonggak::AdaTanggalSelesai, Bahasa::En) => format!(
            "done on {}",
            t.selesai_pada.map(teks_tanggal).unwrap_or_default()
        ),
        (AlasanTonggak::Dibatalkan, Bahasa::Id) => "dibatalkan".to_string(),
        (AlasanTonggak::Dibatalkan, Bahasa::En) => "cancelled".to_string(),
        (AlasanTonggak::LewatJatuhTempo, Bahasa::Id) => format!(
            "jatuh tempo {} sudah lewat {} hari",
            teks_tanggal(t.jatuh_tempo),
            -s.hari_ke_jatuh_tempo
        ),
        (AlasanTonggak::LewatJatuhTempo, Bahasa::En) => format!(
            "due {} passed {} days ago",
            teks_tanggal(t.jatuh_tempo),
            -s.hari_ke_jatuh_tempo
        ),
        (AlasanTonggak::TanpaPembaruan, Bahasa::Id) => format!(
            "{} hari tanpa pembaruan (ambang {})",
            s.hari_sejak_pembaruan, k.hari_senyap
        ),
        (AlasanTonggak::TanpaPembaruan, Bahasa::En) => format!(
            "{} days without an update (threshold {})",
            s.hari_sejak_pembaruan, k.hari_senyap
        ),
        (AlasanTonggak::JatuhTempoDekatProgresRendah, Bahasa::Id) => format!(
            "jatuh tempo {} hari lagi (ambang {}), progres {}% < 50%",
            s.hari_ke_jatuh_tempo,
            k.hari_berisiko,
            super::penjelasan::r(t.progres_persen)
        ),
        (AlasanTonggak::JatuhTempoDekatProgresRendah, Bahasa::En) => format!(
            "due in {} days (threshold {}), progress {}% < 50%",
            s.hari_ke_jatuh_tempo,
            k.hari_berisiko,
            super::penjelasan::r(t.progres_persen)
        ),
        (AlasanTonggak::SesuaiJadwal, Bahasa::Id) => format!(
            "jatuh tempo {} hari lagi, diperbarui {} hari lalu",
            s.hari_ke_jatuh_tempo, s.hari_sejak_pembaruan
        ),
        (AlasanTonggak::SesuaiJadwal, Bahasa::En) => format!(
            "due in {} days, updated {} days ago",
            s.hari_ke_jatuh_tempo, s.hari_sejak_pembaruan
        ),
    };
    format!("{}: {sebab} → {}", t.id, s.status.token())
}
