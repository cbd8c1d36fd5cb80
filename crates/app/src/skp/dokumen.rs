//! Dokumen SKP dan Dokumen Evaluasi Kinerja Pegawai sebagai PDF (typst,
//! crate `laporan`), disusun dari data yang sama dengan halaman; hak baca
//! sama dengan SKP-nya. Tempat tanda tangan elektronik disisakan kosong.

use super::{berakhlak, muat};
use crate::sakip::pdf::{angka_id, render};
use crate::{Bahasa, Hasil, Konteks, Layanan};
use rules::permenpanrb_6_2022::{PredikatKinerjaPegawai, RatingKinerja};
use rules::skp::Periode;
use std::collections::HashMap;

async fn identitas(
    l: &Layanan,
    iid: &str,
    pegawai_id: Option<&str>,
) -> Hasil<laporan::IdentitasPegawai> {
    let Some(pid) = pegawai_id else {
        return Ok(laporan::IdentitasPegawai::default());
    };
    let Some(p) = store::organisasi::pegawai(l.pool(), iid, pid).await? else {
        return Ok(laporan::IdentitasPegawai::default());
    };
    let jabatan = match &p.jabatan_id {
        Some(j) => store::organisasi::jabatan(l.pool(), iid, j)
            .await?
            .map(|j| j.nama)
            .unwrap_or_default(),
        None => String::new(),
    };
    let unit = store::organisasi::unit(l.pool(), iid, &p.unit_id)
        .await?
        .map(|u| u.nama)
        .unwrap_or_default();
    let pangkat = match p.golongan.as_deref() {
        Some(g) => match crate::organisasi::referensi::pangkat(g) {
            Some(n) => format!("{n} ({g})"),
            None => g.to_string(),
        },
        None => String::new(),
    };
    Ok(laporan::IdentitasPegawai {
        nama: crate::sakip::nama_lengkap(&p),
        nip: p.nip.clone().unwrap_or_default(),
        pangkat,
        jabatan,
        unit_kerja: unit,
    })
}

/// Baris RHK dokumen: utama dan tambahan, dengan realisasi periode (bila ada).
async fn baris_rhk(
    l: &Layanan,
    s: &super::TampilanSkp,
    iid: &str,
    realisasi: &HashMap<String, (String, String)>,
) -> Hasil<(Vec<laporan::BarisRhkDokumen>, Vec<laporan::BarisRhkDokumen>)> {
    let mut utama = Vec::new();
    let mut tambahan = Vec::new();
    for r in &s.rhk {
        let pimpinan = match &r.rhk_atasan_id {
            Some(a) => store::skp::rhk(l.pool(), iid, a)
                .await?
                .map(|x| x.uraian)
                .unwrap_or_default(),
            None => String::new(),
        };
        let b = laporan::BarisRhkDokumen {
            rhk_pimpinan: pimpinan,
            perspektif: r
                .perspektif
                .as_deref()
                .map(|p| p.replace('_', " "))
                .unwrap_or_default(),
            rhk: r.uraian.clone(),
            indikator: r
                .indikator
                .iter()
                .map(|i| {
                    let (nilai, ub) = realisasi.get(&i.id).cloned().unwrap_or_default();
                    laporan::BarisIndikatorDokumen {
                        aspek: i.aspek.clone(),
                        indikator: i.uraian.clone(),
                        target: format!("{} {}", angka_id(&i.target), i.satuan),
                        realisasi: if nilai.is_empty() {
                            String::new()
                        } else {
                            format!("{} {}", angka_id(&nilai), i.satuan)
                        },
                        umpan_balik: ub,
                    }
                })
                .collect(),
        };
        if r.jenis == "utama" {
            utama.push(b);
        } else {
            tambahan.push(b);
        }
    }
    Ok((utama, tambahan))
}

fn perilaku(ekspektasi: &[super::Ekspektasi]) -> Vec<laporan::PerilakuDokumen> {
    berakhlak()
        .iter()
        .map(|(kode, nama, panduan)| laporan::PerilakuDokumen {
            nilai: nama.clone(),
            panduan: panduan.clone(),
            ekspektasi: ekspektasi
                .iter()
                .find(|e| &e.nilai == kode)
                .map(|e| e.ekspektasi.clone())
                .unwrap_or_default(),
            umpan_balik: String::new(),
        })
        .collect()
}

fn periode_penilaian(tahun: i64, b: Bahasa) -> String {
    match b {
        Bahasa::Id => format!("1 Januari s.d. 31 Desember {tahun}"),
        Bahasa::En => format!("1 January to 31 December {tahun}"),
    }
}

async fn nama_instansi(l: &Layanan, iid: &str) -> Hasil<String> {
    Ok(store::organisasi::instansi(l.pool(), iid)
        .await?
        .map(|i| i.nama.to_uppercase())
        .unwrap_or_default())
}

/// PDF Sasaran Kinerja Pegawai (bertanda air DRAF sampai disetujui).
pub async fn skp_pdf(l: &Layanan, k: &Konteks, iid: &str, skp_id: &str) -> Hasil<Vec<u8>> {
    let (s, hak) = muat(l, k, iid, skp_id).await?;
    let t = super::tampilkan(l, &s, hak).await?;
    let (utama, tambahan) = baris_rhk(l, &t, iid, &HashMap::new()).await?;
    let d = laporan::DokumenSkp {
        instansi: nama_instansi(l, iid).await?,
        subjudul: crate::teks::t(
            k.bahasa,
            "PENDEKATAN HASIL KERJA KUANTITATIF",
            "QUANTITATIVE WORK-RESULT APPROACH",
        )
        .into(),
        periode_penilaian: periode_penilaian(s.tahun, k.bahasa),
        jpt: s.jpt != 0,
        pegawai: identitas(l, iid, Some(&s.pegawai_id)).await?,
        penilai: identitas(l, iid, s.penilai_id.as_deref()).await?,
        utama,
        tambahan,
        perilaku: perilaku(&t.ekspektasi),
        lampiran: laporan::LampiranSkp::default(),
        tempat_tanggal: crate::teks::tanggal(
            k.bahasa,
            &crate::organisasi::hari_ini_di(l, iid).await?,
        ),
        status: s.status.clone(),
    };
    render(d, laporan::skp_pdf).await
}

/// PDF Dokumen Evaluasi Kinerja Pegawai satu periode.
pub async fn evaluasi_pdf(
    l: &Layanan,
    k: &Konteks,
    iid: &str,
    skp_id: &str,
    periode: &str,
) -> Hasil<Vec<u8>> {
    let (s, hak) = muat(l, k, iid, skp_id).await?;
    let p = Periode::urai(periode.trim()).map_err(|_| {
        crate::Galat::input(
            k.t("Periode tidak sah.", "Invalid period."),
            [(
                "periode".to_string(),
                k.t(
                    "Mis. 2026-TW1 atau 2026-TAHUNAN.",
                    "E.g. 2026-TW1 or 2026-TAHUNAN.",
                )
                .to_string(),
            )]
            .into(),
        )
    })?;
    let t = super::tampilkan(l, &s, hak).await?;
    let evaluasi = super::evaluasi::daftar(l, k, iid, skp_id).await?;
    let e = evaluasi.iter().find(|e| e.periode == p.kode());
    // Realisasi yang dihitung: entri terverifikasi terakhir pada periode itu
    // (untuk tahunan: periode berkala terakhir yang terverifikasi).
    let mut realisasi: HashMap<String, (String, String)> = HashMap::new();
    for r in store::skp::realisasi_skp(l.pool(), iid, &s.id).await? {
        let cocok = Periode::urai(&r.periode).is_ok_and(|x| x.tercakup_dalam(&p) || x == p);
        if cocok && r.status == "diverifikasi" {
            realisasi.insert(
                r.indikator_id.clone(),
                (
                    r.realisasi.clone(),
                    r.umpan_balik.clone().unwrap_or_default(),
                ),
            );
        }
    }
    let (utama, tambahan) = baris_rhk(l, &t, iid, &realisasi).await?;
    let label_rating = |x: &str| {
        RatingKinerja::dari_token(x)
            .map(|r| r.label(k.bahasa).to_uppercase())
            .unwrap_or_default()
    };
    // Kurva kelompok unit: predikat organisasi dan final.
    let kurva = super::evaluasi::kurva_kelompok(l, iid, s.tahun, &p.kode(), &s.unit_id).await?;
    let capaian_org = kurva
        .as_ref()
        .and_then(|u| u.predikat_organisasi.as_deref())
        .and_then(rules::permenpanrb_6_2022::PredikatOrganisasi::dari_token)
        .map(|o| o.label(k.bahasa).to_uppercase())
        .unwrap_or_default();
    let final_ = kurva.is_some_and(|u| u.difinalkan == 1);
    let d = laporan::DokumenEvaluasi {
        instansi: nama_instansi(l, iid).await?,
        subjudul: String::new(),
        periode: p.label(k.bahasa),
        periode_penilaian: periode_penilaian(s.tahun, k.bahasa),
        jpt: s.jpt != 0,
        pegawai: identitas(l, iid, Some(&s.pegawai_id)).await?,
        penilai: identitas(l, iid, s.penilai_id.as_deref()).await?,
        atasan_penilai: match &s.atasan_penilai_id {
            Some(a) => Some(identitas(l, iid, Some(a)).await?),
            None => None,
        },
        pola_distribusi: if capaian_org.is_empty() {
            String::new()
        } else {
            format!(
                "{} {}",
                crate::teks::t(
                    k.bahasa,
                    "Pola distribusi organisasi",
                    "Distribution pattern for"
                ),
                capaian_org
            )
        },
        capaian_organisasi: capaian_org,
        utama,
        tambahan,
        rating_hasil_kerja: e.map(|e| label_rating(&e.rating_hasil)).unwrap_or_default(),
        perilaku: perilaku(&t.ekspektasi),
        rating_perilaku_kerja: e
            .map(|e| label_rating(&e.rating_perilaku))
            .unwrap_or_default(),
        predikat: e
            .and_then(|e| PredikatKinerjaPegawai::dari_token(&e.predikat))
            .map(|x| x.label(k.bahasa).to_uppercase())
            .unwrap_or_default(),
        angka_kredit: e.and_then(|e| e.angka_kredit.as_deref().map(angka_id)),
        tempat_tanggal: crate::teks::tanggal(
            k.bahasa,
            &crate::organisasi::hari_ini_di(l, iid).await?,
        ),
        ttd_pegawai: true,
        // Belum final (atau belum dinilai): masih dapat berubah.
        draf: e.is_none() || !final_,
    };
    render(d, laporan::evaluasi_kinerja_pdf).await
}
