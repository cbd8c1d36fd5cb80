//! SAKIP (isu 10): Renstra dan IKU, pohon kinerja dari sasaran sampai sub
//! kegiatan rencana tahunan, capaian triwulanan, Perjanjian Kinerja, LKE
//! dengan reviu tiga tahap, dan LKjIP. Aturannya di `rules::sakip`;
//! keputusan desain di docs/adr/0015-sakip.md.
//!
//! Satu pemuat data ([`capaian::DataCapaian`]) dan satu fungsi aturan
//! menghasilkan capaian untuk pohon, PK dan LKjIP, supaya angkanya sama.

pub mod capaian;
pub mod lke;
pub mod lkjip;
pub mod pdf;
pub mod perjanjian;
pub mod pohon;
pub mod renstra;

pub use capaian::{MasukanRealisasiIku, simpan_realisasi_iku};
pub use lke::{
    LkeLengkap, MasukanJawaban, MasukanReviuJawaban, MasukanTahap, ajukan_lke, isi_jawaban, lke,
    putuskan_tahap, reviu_jawaban,
};
pub use lkjip::{DataLkjip, lkjip, lkjip_xlsx};
pub use pdf::{lkjip_pdf, pk_pdf};
pub use perjanjian::{
    MasukanKeputusanPk, MasukanPk, PkLengkap, SaranUnit, ajukan_pk, daftar_pk, pk_satu,
    putuskan_pk, saran_predikat,
};
pub use pohon::{Pohon, Simpul, pohon};
pub use renstra::{
    MasukanIku, MasukanKontributor, MasukanPeriode, MasukanSasaran, MasukanTarget, MasukanTautan,
    Renstra, buat_periode, renstra, salin_pohon, simpan_kontributor, simpan_target_iku, tambah_iku,
    tambah_sasaran, tautkan_program,
};

use crate::{Galat, Hasil, Konteks};
use rules::permenpanrb_8_2021::capaian::Target;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

pub(crate) use crate::perencanaan::periksa_tahun;

/// Galat masukan pada satu kolom.
pub(crate) fn galat_kolom(k: &Konteks, kolom: &str, pesan: impl Into<String>) -> Galat {
    Galat::input(
        k.t("Periksa isian yang ditandai.", "Check the marked fields."),
        BTreeMap::from([(kolom.to_string(), pesan.into())]),
    )
}

pub(crate) fn basi(k: &Konteks) -> Galat {
    Galat::Konflik(
        k.t(
            "Isian ini sudah diubah orang lain. Muat ulang lalu ulangi.",
            "Someone else changed this entry. Reload and try again.",
        )
        .into(),
    )
}

/// Teks satu baris wajib (nama, kode): dipangkas, diperiksa panjang dan karakternya.
pub(crate) fn teks_wajib(k: &Konteks, kolom: &str, nilai: &str, maks: usize) -> Hasil<String> {
    let v = nilai.trim();
    if v.is_empty() {
        return Err(galat_kolom(k, kolom, k.t("Wajib diisi.", "Required.")));
    }
    if let Some(a) = crate::validasi::alasan(k.bahasa, v, maks, crate::validasi::JenisTeks::Nama) {
        return Err(galat_kolom(k, kolom, a));
    }
    Ok(v.to_string())
}

/// Teks bebas opsional (penjelasan, catatan, komentar).
pub(crate) fn teks_bebas(
    k: &Konteks,
    kolom: &str,
    nilai: Option<String>,
    maks: usize,
) -> Hasil<Option<String>> {
    let Some(v) = nilai
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
    else {
        return Ok(None);
    };
    if let Some(a) = crate::validasi::alasan(k.bahasa, &v, maks, crate::validasi::JenisTeks::Bebas)
    {
        return Err(galat_kolom(k, kolom, a));
    }
    Ok(Some(v))
}

/// Target: satu angka (`"95"`, `"95,5"`) atau rentang (`"80-90"`, `"80–90"`).
pub fn baca_target(teks: &str) -> Option<Target> {
    let t = teks.trim();
    let pisah = t
        .char_indices()
        .skip(1)
        .find(|(_, c)| *c == '-' || *c == '–')
        .map(|(i, c)| (i, c.len_utf8()));
    match pisah {
        Some((i, n)) => {
            let min = rules::angka::baca_desimal(&t[..i])?;
            let max = rules::angka::baca_desimal(&t[i + n..])?;
            (min >= Decimal::ZERO && min <= max).then_some(Target::Rentang { min, max })
        }
        None => rules::angka::baca_desimal(t)
            .filter(|d| !d.is_sign_negative())
            .map(Target::Tunggal),
    }
}

/// Target dalam bentuk tersimpan (kanonis): `"95"` atau `"80-90"`.
pub fn teks_target(t: &Target) -> String {
    match t {
        Target::Tunggal(x) => crate::perencanaan::kanonis(*x),
        Target::Rentang { min, max } => format!(
            "{}-{}",
            crate::perencanaan::kanonis(*min),
            crate::perencanaan::kanonis(*max)
        ),
    }
}

/// Target untuk dibaca manusia, dua desimal: `"95.00"` atau `"80.00–90.00"`.
pub fn tampil_target(t: &Target) -> String {
    match t {
        Target::Tunggal(x) => rules::angka::teks_2(*x),
        Target::Rentang { min, max } => {
            format!(
                "{}–{}",
                rules::angka::teks_2(*min),
                rules::angka::teks_2(*max)
            )
        }
    }
}

/// Memeriksa isian target wajib.
pub(crate) fn target_wajib(k: &Konteks, kolom: &str, teks: &str) -> Hasil<Target> {
    baca_target(teks).ok_or_else(|| {
        galat_kolom(
            k,
            kolom,
            k.t(
                "Isi angka ≥ 0 (mis. 95 atau 95,5) atau rentang (mis. 80-90).",
                "Enter a number ≥ 0 (e.g. 95 or 95.5) or a range (e.g. 80-90).",
            ),
        )
    })
}

/// Angka opsional ≥ 0 dalam bentuk kanonis.
pub(crate) fn angka_opsional(
    k: &Konteks,
    kolom: &str,
    teks: Option<&str>,
) -> Hasil<Option<String>> {
    match teks.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(t) => rules::angka::baca_desimal(t)
            .filter(|d| !d.is_sign_negative())
            .map(|d| Some(crate::perencanaan::kanonis(d)))
            .ok_or_else(|| galat_kolom(k, kolom, k.t("Isi angka ≥ 0.", "Enter a number ≥ 0."))),
    }
}

/// Tautan bukti http(s) opsional.
pub(crate) fn tautan_bukti(k: &Konteks, url: Option<String>) -> Hasil<Option<String>> {
    let url = url.map(|u| u.trim().to_string()).filter(|u| !u.is_empty());
    if let Some(u) = &url
        && (!(u.starts_with("https://") || u.starts_with("http://"))
            || crate::validasi::alasan(k.bahasa, u, 2_000, crate::validasi::JenisTeks::Baris)
                .is_some())
    {
        return Err(galat_kolom(
            k,
            "bukti_url",
            k.t(
                "Tautan bukti harus alamat http:// atau https:// (paling panjang 2.000 karakter).",
                "The evidence link must be an http:// or https:// address (at most 2,000 characters).",
            ),
        ));
    }
    Ok(url)
}

/// Kepala sebuah unit menurut data kepegawaian: pegawai aktif unit itu yang
/// atasannya tidak berada di unit yang sama (puncak rantai di unit itu);
/// bila beberapa, yang kelas jabatannya tertinggi. Kinerja belum menyimpan
/// "kepala unit" sebagai data tersendiri [R].
pub(crate) fn kepala_unit<'a>(
    pegawai: &'a [store::organisasi::Pegawai],
    kelas: &std::collections::HashMap<String, i64>,
    unit_id: &str,
) -> Option<&'a store::organisasi::Pegawai> {
    let di_unit: Vec<&store::organisasi::Pegawai> = pegawai
        .iter()
        .filter(|p| p.unit_id == unit_id && p.status == "aktif")
        .collect();
    let per_id: std::collections::HashSet<&str> = di_unit.iter().map(|p| p.id.as_str()).collect();
    di_unit
        .into_iter()
        .filter(|p| p.atasan_id.as_deref().is_none_or(|a| !per_id.contains(a)))
        .max_by_key(|p| {
            (
                p.jabatan_id
                    .as_ref()
                    .and_then(|j| kelas.get(j))
                    .copied()
                    .unwrap_or(0),
                std::cmp::Reverse(p.id.clone()),
            )
        })
}

/// Nama lengkap dengan gelar.
pub(crate) fn nama_lengkap(p: &store::organisasi::Pegawai) -> String {
    let mut s = String::new();
    if let Some(g) = p.gelar_depan.as_deref().filter(|g| !g.is_empty()) {
        s.push_str(g);
        s.push(' ');
    }
    s.push_str(&p.nama);
    if let Some(g) = p.gelar_belakang.as_deref().filter(|g| !g.is_empty()) {
        s.push_str(", ");
        s.push_str(g);
    }
    s
}
