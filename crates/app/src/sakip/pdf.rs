//! Dokumen PDF SAKIP: LKjIP dan Perjanjian Kinerja, dirender crate
//! `laporan` (typst) dari data yang sama dengan API. Angka diformat di sini
//! (koma desimal, titik ribuan); `laporan` tidak punya logika domain.
//! Perenderan memakan CPU, jadi dijalankan di `spawn_blocking`.

use super::lkjip::DataLkjip;
use crate::kebijakan::{self, Aksi, Sumber};
use crate::{Bahasa, Galat, Hasil, Konteks, Layanan};
use std::collections::HashMap;

/// `"1234.50"` → `"1.234,50"`; teks lain apa adanya.
pub fn angka_id(s: &str) -> String {
    let (bulat, pecahan) = s.split_once('.').unwrap_or((s, ""));
    let negatif = bulat.starts_with('-');
    let Ok(n) = bulat.trim_start_matches('-').parse::<i64>() else {
        return s.to_string();
    };
    let mut t = crate::teks::ribuan(n);
    if negatif {
        t.insert(0, '-');
    }
    if !pecahan.is_empty() {
        t.push(',');
        t.push_str(pecahan);
    }
    t
}

/// `"1500000000.00"` → `"Rp1.500.000.000"` (sen ditampilkan bila bukan nol).
pub fn rupiah_id(s: &str) -> String {
    let t = angka_id(s);
    format!("Rp{}", t.strip_suffix(",00").unwrap_or(&t))
}

fn o(x: &Option<String>) -> String {
    x.as_deref().map(angka_id).unwrap_or_else(|| "–".into())
}

fn galat_laporan(e: laporan::GalatLaporan) -> Galat {
    match e {
        laporan::GalatLaporan::TerlaluBesar { .. } => Galat::TerlaluBesar(e.to_string()),
        _ => Galat::Internal(format!("laporan PDF: {e}")),
    }
}

pub(crate) async fn render<T: Send + 'static>(
    d: T,
    f: fn(&T) -> Result<Vec<u8>, laporan::GalatLaporan>,
) -> Hasil<Vec<u8>> {
    tokio::task::spawn_blocking(move || f(&d))
        .await
        .map_err(|e| Galat::Internal(format!("laporan PDF: {e}")))?
        .map_err(galat_laporan)
}

fn tanggal_hari_ini(b: Bahasa) -> String {
    crate::teks::tanggal(b, &crate::organisasi::hari_ini())
}

/// Dokumen LKjIP dari data LKjIP.
pub fn dokumen_lkjip(d: &DataLkjip, b: Bahasa) -> laporan::Lkjip {
    laporan::Lkjip {
        instansi: d.instansi.clone(),
        tahun: d.tahun as i32,
        kepala: laporan::Pihak {
            nama: d.kepala.clone().unwrap_or_default(),
            nip: d.kepala_nip.clone().unwrap_or_default(),
            jabatan: d
                .kepala_jabatan
                .clone()
                .unwrap_or_else(|| crate::teks::t(b, "Kepala", "Head").to_string()),
        },
        tempat_tanggal: tanggal_hari_ini(b),
        ringkasan: d.ringkasan.clone(),
        periode_renstra: d.periode_renstra.clone().unwrap_or_else(|| "–".into()),
        tujuan: d.tujuan.clone(),
        sasaran: d.sasaran.clone(),
        capaian_iku: d
            .iku
            .iter()
            .map(|x| laporan::BarisIku {
                sasaran: x.sasaran.clone(),
                indikator: x.indikator.clone(),
                satuan: x.satuan.clone().unwrap_or_default(),
                target: x
                    .target
                    .as_deref()
                    .map(|t| t.split('–').map(angka_id).collect::<Vec<_>>().join("–"))
                    .unwrap_or_else(|| "–".into()),
                realisasi: o(&x.realisasi),
                capaian: o(&x.capaian_persen),
                kategori: x.kategori.clone(),
                realisasi_tahun_lalu: o(&x.realisasi_tahun_lalu),
                target_akhir_renstra: x
                    .target_akhir_renstra
                    .as_deref()
                    .map(|t| t.split('–').map(angka_id).collect::<Vec<_>>().join("–"))
                    .unwrap_or_else(|| "–".into()),
                penjelasan: x.penjelasan.clone().unwrap_or_default(),
            })
            .collect(),
        anggaran_program: d
            .program
            .iter()
            .map(|p| laporan::BarisAnggaranProgram {
                program: format!("{} {}", p.kode, p.program),
                pagu: rupiah_id(&p.pagu),
                realisasi: rupiah_id(&p.realisasi),
                serapan: o(&p.serapan_persen),
            })
            .collect(),
        total_pagu: rupiah_id(&d.total_pagu),
        total_realisasi: rupiah_id(&d.total_realisasi),
        total_serapan: o(&d.total_serapan_persen),
        evaluasi: d.evaluasi.as_ref().map(|e| laporan::Evaluasi {
            nilai: angka_id(&e.nilai.nilai),
            predikat: e.nilai.predikat.clone(),
            interpretasi: e.nilai.interpretasi.clone(),
            komponen: e
                .komponen
                .iter()
                .map(|c| laporan::KomponenEvaluasi {
                    nama: c.nama.clone(),
                    bobot: angka_id(&c.bobot),
                    nilai: angka_id(&c.nilai),
                })
                .collect(),
        }),
    }
}

/// LKjIP sebagai PDF (A4, fon tertanam).
pub async fn lkjip_pdf(l: &Layanan, k: &Konteks, instansi_id: &str, tahun: i64) -> Hasil<Vec<u8>> {
    kebijakan::wajib(k, Aksi::Baca, Sumber::Sakip(instansi_id))?;
    let d = super::lkjip(l, k, instansi_id, tahun).await?;
    render(dokumen_lkjip(&d, k.bahasa), laporan::lkjip_pdf).await
}

/// Perjanjian Kinerja sebagai PDF, dengan lampiran anggaran program unit itu
/// (pagu sub kegiatan unit dan turunannya, per program).
pub async fn pk_pdf(l: &Layanan, k: &Konteks, instansi_id: &str, id: &str) -> Hasil<Vec<u8>> {
    // Hak baca per PK (unit, atau pihak kedua) diputuskan `pk_satu`.
    k.aktor()?;
    let x = super::pk_satu(l, k, instansi_id, id).await?;
    let pool = l.pool();
    let (instansi, pegawai, jabatan, unit) = tokio::try_join!(
        async { Ok::<_, Galat>(store::organisasi::instansi(pool, instansi_id).await?) },
        async { Ok(store::organisasi::semua_pegawai(pool, instansi_id).await?) },
        async { Ok(store::organisasi::semua_jabatan(pool, instansi_id).await?) },
        async { Ok(store::organisasi::semua_unit(pool, instansi_id).await?) },
    )?;
    let instansi = instansi.map(|i| i.nama).unwrap_or_default();
    let nama_jabatan: HashMap<&str, &str> = jabatan
        .iter()
        .map(|j| (j.id.as_str(), j.nama.as_str()))
        .collect();
    let pihak = |pid: &Option<String>| -> laporan::Pihak {
        match pid
            .as_deref()
            .and_then(|p| pegawai.iter().find(|x| x.id == p))
        {
            Some(p) => laporan::Pihak {
                nama: super::nama_lengkap(p),
                nip: p.nip.clone().unwrap_or_default(),
                jabatan: p
                    .jabatan_id
                    .as_deref()
                    .and_then(|j| nama_jabatan.get(j))
                    .map(|s| s.to_string())
                    .unwrap_or_default(),
            },
            None => laporan::Pihak::default(),
        }
    };
    // Anggaran: pagu sub kegiatan unit itu dan turunannya, per program.
    let cakupan = crate::organisasi::unit::dengan_turunan(&unit, &x.pk.unit_id);
    let mut anggaran = Vec::new();
    let mut total = 0i64;
    if let Some(d) = super::capaian::rencana_tahun(l, instansi_id, x.pk.tahun).await? {
        let per_id = d.per_id();
        let mut per_prog: Vec<(String, i64)> = Vec::new();
        for b in d.subkegiatan_urut() {
            if !b.unit_id.as_ref().is_some_and(|u| cakupan.contains(u)) {
                continue;
            }
            let nama = d
                .leluhur(&per_id, b, crate::perencanaan::PROGRAM)
                .map(|p| format!("{} {}", p.kode, p.nama))
                .unwrap_or_default();
            let pagu = b.pagu_sen.unwrap_or(0);
            total = total.saturating_add(pagu);
            match per_prog.iter_mut().find(|(n, _)| *n == nama) {
                Some(e) => e.1 = e.1.saturating_add(pagu),
                None => per_prog.push((nama, pagu)),
            }
        }
        anggaran = per_prog
            .into_iter()
            .map(|(program, sen)| laporan::BarisAnggaranPk {
                program,
                pagu: rupiah_id(&crate::perencanaan::d2(crate::perencanaan::rupiah(sen))),
            })
            .collect();
    }
    let b = k.bahasa;
    let status = match x.pk.status.as_str() {
        store::sakip::PK_DISETUJUI => "Disetujui".to_string(),
        store::sakip::PK_USULAN => {
            crate::teks::t(b, "Usulan (belum disetujui)", "Proposed (not approved)").into()
        }
        store::sakip::PK_DIKEMBALIKAN => crate::teks::t(
            b,
            "Dikembalikan (belum disetujui)",
            "Returned (not approved)",
        )
        .into(),
        _ => crate::teks::t(b, "Digantikan revisi", "Superseded").into(),
    };
    let tanggal =
        x.pk.diputuskan_pada
            .as_deref()
            .filter(|_| x.pk.status == store::sakip::PK_DISETUJUI || x.pk.status == "diganti")
            .or(x.pk.diajukan_pada.as_deref())
            .map(|w| crate::teks::tanggal(b, &w[..10.min(w.len())]))
            .unwrap_or_else(|| tanggal_hari_ini(b));
    let d = laporan::PerjanjianKinerja {
        instansi,
        // Nama unit sendiri, tanpa induknya ("Induk > Unit" di layar).
        unit: x.unit.rsplit(" > ").next().unwrap_or(&x.unit).to_string(),
        tahun: x.pk.tahun as i32,
        pihak_pertama: pihak(&x.pk.pihak_pertama_id),
        pihak_kedua: pihak(&x.pk.pihak_kedua_id),
        tempat_tanggal: tanggal,
        status,
        revisi: x.pk.revisi as i32,
        sasaran: x
            .baris
            .iter()
            .map(|r| laporan::BarisPk {
                no: r.baris.urutan.to_string(),
                sasaran: r.baris.sasaran.clone(),
                indikator: r.baris.indikator.clone(),
                satuan: r.baris.satuan.clone().unwrap_or_default(),
                target: r
                    .baris
                    .target
                    .split('-')
                    .map(angka_id)
                    .collect::<Vec<_>>()
                    .join("–"),
            })
            .collect(),
        anggaran,
        total_anggaran: rupiah_id(&crate::perencanaan::d2(crate::perencanaan::rupiah(total))),
    };
    render(d, laporan::perjanjian_kinerja_pdf).await
}

#[cfg(test)]
mod tes {
    #[test]
    fn angka_dan_rupiah_indonesia() {
        assert_eq!(super::angka_id("1234567.50"), "1.234.567,50");
        assert_eq!(super::angka_id("87.50"), "87,50");
        assert_eq!(super::angka_id("-3"), "-3");
        assert_eq!(super::angka_id("bukan"), "bukan");
        assert_eq!(super::rupiah_id("1500000000.00"), "Rp1.500.000.000");
        assert_eq!(super::rupiah_id("10.25"), "Rp10,25");
    }
}
