//! Dasbor pemantauan aksi perubahan bagi penanggung jawab (lembaga
//! pelatihan, BKD, provinsi): proyek per status, tonggak terlambat, capaian
//! tonggak jangka menengah dan panjang per angkatan dan per wilayah, alumni
//! yang senyap; ekspor XLSX. Cakupannya sama dengan daftar (`CakupanAksi`).

use super::{ProyekTerlihat, SaringanAksi, terlihat};
use crate::kebijakan::CakupanAksi;
use crate::{Galat, Hasil, Konteks, Layanan};
use rules::aksi_perubahan::{StatusAksi, Tahap};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

/// Baris daftar panjang di dasbor (sisanya lewat ekspor).
pub const MAKS_BARIS_DAFTAR: usize = 50;

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct JumlahStatus {
    pub status: StatusAksi,
    pub jumlah: i64,
}

/// Capaian tonggak satu kelompok (angkatan atau wilayah).
#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct Capaian {
    pub kunci: String,
    pub nama: String,
    pub proyek: i64,
    pub menengah_selesai: i64,
    /// Tonggak jangka menengah yang tidak dibatalkan.
    pub menengah_total: i64,
    pub panjang_selesai: i64,
    pub panjang_total: i64,
    /// Persen, 1 desimal (teks); null bila tidak ada tonggaknya.
    pub menengah_persen: Option<String>,
    pub panjang_persen: Option<String>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AlumniSenyap {
    pub aksi_id: String,
    pub alumni: String,
    pub instansi: String,
    pub judul: String,
    /// Hari sejak pembaruan terakhir tonggak yang masih berjalan.
    pub hari: i64,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TonggakTerlambat {
    pub aksi_id: String,
    pub alumni: String,
    pub instansi: String,
    pub judul: String,
    pub jatuh_tempo: String,
    pub hari_terlambat: i64,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Dasbor {
    pub total: i64,
    pub per_status: Vec<JumlahStatus>,
    pub tonggak_terlambat: i64,
    pub per_angkatan: Vec<Capaian>,
    pub per_wilayah: Vec<Capaian>,
    /// Paling lama senyap dulu (paling banyak 50).
    pub senyap: Vec<AlumniSenyap>,
    pub jumlah_senyap: i64,
    /// Paling lama terlambat dulu (paling banyak 50).
    pub terlambat: Vec<TonggakTerlambat>,
}

fn persen(a: i64, b: i64) -> Option<String> {
    (b > 0).then(|| {
        let p = Decimal::from(a) * Decimal::ONE_HUNDRED / Decimal::from(b);
        let mut p =
            p.round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        p.rescale(1);
        p.to_string()
    })
}

fn tambah(c: &mut Capaian, p: &ProyekTerlihat) {
    c.proyek += 1;
    for (t, s) in &p.tonggak {
        if *s == StatusAksi::Dibatalkan {
            continue;
        }
        let selesai = i64::from(*s == StatusAksi::Selesai);
        match Tahap::dari_token(&t.tahap) {
            Some(Tahap::JangkaMenengah) => {
                c.menengah_total += 1;
                c.menengah_selesai += selesai;
            }
            Some(Tahap::JangkaPanjang) => {
                c.panjang_total += 1;
                c.panjang_selesai += selesai;
            }
            _ => {}
        }
    }
}

/// Dasbor atas proyek yang terlihat (saringan angkatan/wilayah/status berlaku).
pub async fn dasbor(l: &Layanan, k: &Konteks, s: &SaringanAksi) -> Hasil<Dasbor> {
    let c = CakupanAksi::untuk(l, k).await?;
    let semua = terlihat(l, k, &c, s).await?;
    let mut per_status: BTreeMap<StatusAksi, i64> = BTreeMap::new();
    let mut per_angkatan: BTreeMap<String, Capaian> = BTreeMap::new();
    let mut per_wilayah: BTreeMap<String, Capaian> = BTreeMap::new();
    let mut senyap = Vec::new();
    let mut terlambat = Vec::new();
    let mut jumlah_terlambat = 0;
    let mut nama_angkatan: BTreeMap<String, String> = BTreeMap::new();
    for p in semua.iter() {
        *per_status.entry(p.status).or_default() += 1;
        jumlah_terlambat += p.terlambat;
        if !nama_angkatan.contains_key(&p.aksi.angkatan_id) {
            let n = store::aksi_perubahan::angkatan(l.pool(), &p.aksi.angkatan_id)
                .await?
                .map(|a| a.nama)
                .unwrap_or_else(|| p.aksi.angkatan_id.clone());
            nama_angkatan.insert(p.aksi.angkatan_id.clone(), n);
        }
        let ca = per_angkatan
            .entry(p.aksi.angkatan_id.clone())
            .or_insert_with(|| Capaian {
                kunci: p.aksi.angkatan_id.clone(),
                nama: nama_angkatan[&p.aksi.angkatan_id].clone(),
                ..Default::default()
            });
        tambah(ca, p);
        let w = p.aksi.kode_wilayah.clone().unwrap_or_default();
        let cw = per_wilayah.entry(w.clone()).or_insert_with(|| Capaian {
            kunci: w,
            nama: p.aksi.instansi_nama.clone(),
            ..Default::default()
        });
        tambah(cw, p);
        // Senyap: tonggak yang masih berjalan, pembaruan terakhirnya paling baru.
        let terakhir = p
            .tonggak
            .iter()
            .filter(|(_, s)| !matches!(s, StatusAksi::Selesai | StatusAksi::Dibatalkan))
            .filter_map(|(t, _)| rules::aksi_perubahan::baca_tanggal(&t.diperbarui_pada))
            .max();
        if let Some(d) = terakhir {
            let hari = (p.tanggal - d).whole_days();
            // Ambang instansi alumni (pengaturan), bawaan 90 hari.
            if hari >= i64::from(p.hari_senyap) {
                senyap.push(AlumniSenyap {
                    aksi_id: p.aksi.id.clone(),
                    alumni: p.aksi.alumni.clone(),
                    instansi: p.aksi.instansi_nama.clone(),
                    judul: p.aksi.judul.clone(),
                    hari,
                });
            }
        }
        for (t, s) in &p.tonggak {
            if *s == StatusAksi::Terlambat
                && let Some(jt) = rules::aksi_perubahan::baca_tanggal(&t.jatuh_tempo)
            {
                terlambat.push(TonggakTerlambat {
                    aksi_id: p.aksi.id.clone(),
                    alumni: p.aksi.alumni.clone(),
                    instansi: p.aksi.instansi_nama.clone(),
                    judul: p.aksi.judul.clone(),
                    jatuh_tempo: t.jatuh_tempo.clone(),
                    hari_terlambat: (p.tanggal - jt).whole_days(),
                });
            }
        }
    }
    senyap.sort_by(|a, b| b.hari.cmp(&a.hari).then(a.aksi_id.cmp(&b.aksi_id)));
    let jumlah_senyap = senyap.len() as i64;
    senyap.truncate(MAKS_BARIS_DAFTAR);
    terlambat.sort_by(|a, b| {
        b.hari_terlambat
            .cmp(&a.hari_terlambat)
            .then(a.aksi_id.cmp(&b.aksi_id))
    });
    terlambat.truncate(MAKS_BARIS_DAFTAR);
    let selesaikan = |m: BTreeMap<String, Capaian>| -> Vec<Capaian> {
        m.into_values()
            .map(|mut c| {
                c.menengah_persen = persen(c.menengah_selesai, c.menengah_total);
                c.panjang_persen = persen(c.panjang_selesai, c.panjang_total);
                c
            })
            .collect()
    };
    Ok(Dasbor {
        total: semua.iter().count() as i64,
        per_status: StatusAksi::SEMUA
            .iter()
            .map(|s| JumlahStatus {
                status: *s,
                jumlah: per_status.get(s).copied().unwrap_or(0),
            })
            .collect(),
        tonggak_terlambat: jumlah_terlambat,
        per_angkatan: selesaikan(per_angkatan),
        per_wilayah: selesaikan(per_wilayah),
        senyap,
        jumlah_senyap,
        terlambat,
    })
}

/// Ekspor XLSX semua proyek yang terlihat (dengan saringan): satu baris per proyek.
pub async fn ekspor_xlsx(l: &Layanan, k: &Konteks, s: &SaringanAksi) -> Hasil<Vec<u8>> {
    let c = CakupanAksi::untuk(l, k).await?;
    let semua = terlihat(l, k, &c, s).await?;
    let b = k.bahasa;
    let judul_kolom: &[&str] = match b {
        rules::Bahasa::Id => &[
            "id",
            "judul",
            "alumni",
            "instansi",
            "kode_wilayah",
            "angkatan_id",
            "status",
            "tonggak_terlambat",
            "tonggak",
            "tanggal_status",
        ],
        rules::Bahasa::En => &[
            "id",
            "title",
            "alumnus",
            "agency",
            "region_code",
            "cohort_id",
            "status",
            "late_milestones",
            "milestones",
            "status_date",
        ],
    };
    let galat = |e: rust_xlsxwriter::XlsxError| Galat::Internal(format!("xlsx: {e}"));
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("aksi_perubahan").map_err(galat)?;
    let tebal = rust_xlsxwriter::Format::new().set_bold();
    for (i, j) in judul_kolom.iter().enumerate() {
        ws.write_string_with_format(0, i as u16, *j, &tebal)
            .map_err(galat)?;
    }
    for (r, p) in semua.iter().enumerate() {
        let r = r as u32 + 1;
        let teks = [
            p.aksi.id.as_str(),
            p.aksi.judul.as_str(),
            p.aksi.alumni.as_str(),
            p.aksi.instansi_nama.as_str(),
            p.aksi.kode_wilayah.as_deref().unwrap_or(""),
            p.aksi.angkatan_id.as_str(),
            p.status.label(b),
        ];
        for (c, v) in teks.iter().enumerate() {
            // Teks apa adanya: rumus tidak pernah ditulis dari data pengguna.
            ws.write_string(r, c as u16, *v).map_err(galat)?;
        }
        ws.write_number(r, 7, p.terlambat as f64).map_err(galat)?;
        ws.write_number(r, 8, p.tonggak.len() as f64)
            .map_err(galat)?;
        ws.write_string(r, 9, rules::aksi_perubahan::teks_tanggal(p.tanggal))
            .map_err(galat)?;
    }
    ws.set_freeze_panes(1, 0).map_err(galat)?;
    wb.save_to_buffer().map_err(galat)
}

/// Laporan pemantauan sebagai PDF (crate `laporan`): per angkatan jumlah
/// peserta menurut status dan persen tonggak jangka menengah/panjang yang
/// selesai, lalu tonggak terlambat (paling lama dulu, paling banyak 500).
/// Cakupan dan saringan sama dengan dasbor.
pub async fn laporan_pdf(l: &Layanan, k: &Konteks, s: &SaringanAksi) -> Hasil<Vec<u8>> {
    let c = CakupanAksi::untuk(l, k).await?;
    let semua = terlihat(l, k, &c, s).await?;
    let a = k.aktor()?.clone();
    #[derive(Default)]
    struct Hitung {
        nama: String,
        peserta: i64,
        status: BTreeMap<StatusAksi, i64>,
        selesai: i64,
        total: i64,
    }
    let mut per_angkatan: BTreeMap<String, Hitung> = BTreeMap::new();
    let mut jumlah = Hitung::default();
    let mut terlambat = Vec::new();
    for p in semua.iter() {
        let h = match per_angkatan.get_mut(&p.aksi.angkatan_id) {
            Some(h) => h,
            None => {
                let nama = store::aksi_perubahan::angkatan(l.pool(), &p.aksi.angkatan_id)
                    .await?
                    .map(|a| a.nama)
                    .unwrap_or_else(|| p.aksi.angkatan_id.clone());
                per_angkatan
                    .entry(p.aksi.angkatan_id.clone())
                    .or_insert(Hitung {
                        nama,
                        ..Default::default()
                    })
            }
        };
        let mut c = Capaian::default();
        tambah(&mut c, p);
        for x in [&mut *h, &mut jumlah] {
            x.peserta += 1;
            *x.status.entry(p.status).or_default() += 1;
            x.selesai += c.menengah_selesai + c.panjang_selesai;
            x.total += c.menengah_total + c.panjang_total;
        }
        for (t, st) in &p.tonggak {
            if *st == StatusAksi::Terlambat
                && let Some(jt) = rules::aksi_perubahan::baca_tanggal(&t.jatuh_tempo)
            {
                terlambat.push((
                    (p.tanggal - jt).whole_days(),
                    p.aksi.alumni.clone(),
                    p.aksi.instansi_nama.clone(),
                    format!("{} ({})", p.aksi.judul, t.tahap.replace('_', " ")),
                    t.jatuh_tempo.clone(),
                ));
            }
        }
    }
    terlambat.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
    terlambat.truncate(500);
    let baris = |h: &Hitung| laporan::BarisAngkatan {
        angkatan: h.nama.clone(),
        peserta: h.peserta.to_string(),
        sesuai_jadwal: h
            .status
            .get(&StatusAksi::SesuaiJadwal)
            .copied()
            .unwrap_or(0)
            .to_string(),
        berisiko: h
            .status
            .get(&StatusAksi::Berisiko)
            .copied()
            .unwrap_or(0)
            .to_string(),
        terlambat: h
            .status
            .get(&StatusAksi::Terlambat)
            .copied()
            .unwrap_or(0)
            .to_string(),
        senyap: h
            .status
            .get(&StatusAksi::Senyap)
            .copied()
            .unwrap_or(0)
            .to_string(),
        selesai: h
            .status
            .get(&StatusAksi::Selesai)
            .copied()
            .unwrap_or(0)
            .to_string(),
        persen_tonggak_selesai: persen(h.selesai, h.total)
            .map(|p| p.replace('.', ","))
            .unwrap_or_else(|| "–".into()),
    };
    let penyelenggara = store::organisasi::instansi(l.pool(), &a.instansi_id)
        .await?
        .map(|i| i.nama)
        .unwrap_or_else(|| "Kinerja".into());
    let hari_ini = crate::teks::tanggal(k.bahasa, &crate::organisasi::hari_ini());
    let d = laporan::MonitoringAksi {
        penyelenggara,
        per_tanggal: hari_ini.clone(),
        angkatan: per_angkatan.values().map(baris).collect(),
        jumlah: Some(laporan::BarisAngkatan {
            angkatan: crate::teks::t(k.bahasa, "Jumlah", "Total").into(),
            ..baris(&jumlah)
        }),
        tonggak_terlambat: terlambat
            .into_iter()
            .map(
                |(hari, alumnus, instansi, tonggak, jatuh_tempo)| laporan::TonggakTerlambat {
                    alumnus,
                    instansi,
                    tonggak,
                    jatuh_tempo: crate::teks::tanggal(k.bahasa, &jatuh_tempo),
                    hari_terlambat: hari.to_string(),
                },
            )
            .collect(),
        penanda_tangan: laporan::Pihak {
            nama: a.nama.clone(),
            nip: String::new(),
            jabatan: String::new(),
        },
        tempat_tanggal: hari_ini,
    };
    tokio::task::spawn_blocking(move || laporan::monitoring_aksi_perubahan_pdf(&d))
        .await
        .map_err(|e| Galat::Internal(format!("laporan PDF: {e}")))?
        .map_err(|e| Galat::Internal(format!("laporan PDF: {e}")))
}
