//! Kalibrasi kurva per unit: distribusi predikat pegawai terhadap predikat organisasi.

use super::*;

#[derive(serde::Deserialize, Default)]
pub(super) struct TanyaKalibrasi {
    #[serde(default)]
    unit_id: String,
    #[serde(default)]
    periode: String,
    /// `dilanggar`: hanya kelompok yang melanggar kurva.
    #[serde(default)]
    hanya: String,
    #[serde(default)]
    halaman: Option<usize>,
}

pub(super) struct BarisRingkas {
    unit_id: String,
    nama: String,
    jumlah: u64,
    belum: u64,
    digabung: bool,
    predikat: String,
    status: String,
    kelas: &'static str,
    pelanggaran: String,
}

pub(super) const PER_HALAMAN: usize = 25;

pub(super) struct BarisKurva {
    label: String,
    jumlah: u64,
    persen: String,
}

#[derive(Template)]
#[template(path = "skp_kalibrasi.html")]
pub(super) struct HalamanKalibrasi {
    b: Bingkai,
    ringkas: Vec<BarisRingkas>,
    total_ringkas: usize,
    hanya: String,
    sebelum: Option<String>,
    sesudah: Option<String>,
    unit_id: String,
    periode: String,
    pilihan_periode: Vec<(String, String)>,
    h: Option<sk::evaluasi::HasilKalibrasi>,
    nama_kelompok: String,
    anggota: Vec<String>,
    kurva: Vec<BarisKurva>,
    predikat_org: Vec<(&'static str, &'static str)>,
    pesan: Option<String>,
    galat: Option<String>,
    galat_rinci: Vec<String>,
    /// Tautan rekap rating (cakupan dasbor: BKD, pimpinan unit).
    rekap: Option<String>,
}

pub(super) async fn halaman_kalibrasi(
    s: &AppState,
    p: &Pengunjung,
    q: &TanyaKalibrasi,
    pesan: Option<String>,
    galat: Option<(String, Vec<String>)>,
) -> HasilHalaman {
    let iid = instansi(p)?;
    let l = &s.layanan;
    let tahun = match Periode::urai(&q.periode) {
        Ok(x) => i64::from(x.tahun),
        Err(_) => tahun_ini(s, &iid).await,
    };
    let periode = if q.periode.is_empty() {
        format!("{tahun}-TW1")
    } else {
        q.periode.clone()
    };
    let semua_unit = store::organisasi::semua_unit(l.pool(), &iid)
        .await
        .map_err(|e| crate::halaman::galat(p, e.into()))?;
    let nama_unit: HashMap<String, String> = semua_unit
        .iter()
        .map(|u| (u.id.clone(), u.nama.clone()))
        .collect();
    let b = Bingkai::dari(
        p,
        p.konteks.t(
            "Kalibrasi kurva distribusi",
            "Distribution curve calibration",
        ),
    );
    let t = b.t;
    let frek = sk::periode::periode(l, &p.konteks, &iid, tahun)
        .await
        .atau_halaman(p)?
        .and_then(|x| Frekuensi::dari_token(&x.frekuensi))
        .unwrap_or(Frekuensi::Triwulanan);
    let pilihan_periode = rules::skp::daftar_periode(tahun as i32, frek)
        .into_iter()
        .chain(Periode::urai(&format!("{tahun}-TAHUNAN")).ok())
        .map(|x| (x.kode(), x.label(t.0)))
        .collect();
    let mut ringkas = Vec::new();
    let mut total_ringkas = 0;
    let halaman = q.halaman.unwrap_or(1).max(1);
    if q.unit_id.is_empty() {
        let semua = sk::evaluasi::ringkasan(l, &p.konteks, &iid, tahun, &periode)
            .await
            .atau_halaman(p)?;
        let pilih: Vec<_> = semua
            .into_iter()
            .filter(|x| q.hanya != "dilanggar" || (!x.memenuhi && !x.final_))
            .collect();
        total_ringkas = pilih.len();
        for x in pilih
            .into_iter()
            .skip((halaman - 1) * PER_HALAMAN)
            .take(PER_HALAMAN)
        {
            let (status, kelas) = if x.final_ {
                (t.s("final", "final"), "st-hijau")
            } else if x.memenuhi {
                (t.s("terpenuhi", "holds"), "st-hijau")
            } else {
                (t.s("dilanggar", "violated"), "st-merah")
            };
            ringkas.push(BarisRingkas {
                nama: nama_unit.get(&x.unit_id).cloned().unwrap_or_default(),
                unit_id: x.unit_id,
                jumlah: x.jumlah,
                belum: x.belum_dinilai,
                digabung: x.digabung,
                predikat: x
                    .predikat_organisasi
                    .as_deref()
                    .and_then(PredikatOrganisasi::dari_token)
                    .map(|o| o.label(t.0).to_string())
                    .unwrap_or_else(|| "—".into()),
                status: status.to_string(),
                kelas,
                pelanggaran: x.pelanggaran.first().cloned().unwrap_or_default(),
            });
        }
    }
    let ke = |n: usize| {
        format!(
            "/skp/kalibrasi?{}&halaman={n}",
            crate::halaman::query(&[("periode", &periode), ("hanya", &q.hanya)])
        )
    };
    let sebelum = (halaman > 1).then(|| ke(halaman - 1));
    let sesudah = (halaman * PER_HALAMAN < total_ringkas).then(|| ke(halaman + 1));
    let h = if q.unit_id.is_empty() {
        None
    } else {
        Some(
            sk::evaluasi::kalibrasi(l, &p.konteks, &iid, tahun, &periode, &q.unit_id)
                .await
                .atau_halaman(p)?,
        )
    };
    let (nama_kelompok, anggota, kurva) = match &h {
        Some(h) => {
            let total: u64 = h.distribusi.sangat_baik
                + h.distribusi.baik
                + h.distribusi.butuh_perbaikan
                + h.distribusi.kurang
                + h.distribusi.sangat_kurang;
            let baris = [
                (PredikatKinerjaPegawai::SangatBaik, h.distribusi.sangat_baik),
                (PredikatKinerjaPegawai::Baik, h.distribusi.baik),
                (
                    PredikatKinerjaPegawai::ButuhPerbaikan,
                    h.distribusi.butuh_perbaikan,
                ),
                (PredikatKinerjaPegawai::Kurang, h.distribusi.kurang),
                (
                    PredikatKinerjaPegawai::SangatKurang,
                    h.distribusi.sangat_kurang,
                ),
            ]
            .into_iter()
            .map(|(pr, n)| BarisKurva {
                label: pr.label(t.0).to_string(),
                jumlah: n,
                persen: if total == 0 {
                    "0".into()
                } else {
                    format!("{}", n * 100 / total)
                },
            })
            .collect();
            (
                nama_unit
                    .get(&h.kelompok.unit_id)
                    .cloned()
                    .unwrap_or_default(),
                h.kelompok
                    .anggota
                    .iter()
                    .filter_map(|a| nama_unit.get(a).cloned())
                    .collect(),
                baris,
            )
        }
        None => (String::new(), Vec::new(), Vec::new()),
    };
    let (galat, galat_rinci) = match galat {
        Some((g, r)) => (Some(g), r),
        None => (None, Vec::new()),
    };
    drop(semua_unit);
    let rekap = p
        .konteks
        .aktor()
        .ok()
        .filter(|a| {
            sk::periode::wajib_bkd(&p.konteks, &iid).is_ok() || a.punya(app::Peran::PimpinanUnit)
        })
        .map(|_| {
            format!("/api/v1/instansi/{iid}/skp/rekap?tahun={tahun}&periode={periode}&format=")
        });
    Ok(render(&HalamanKalibrasi {
        ringkas,
        total_ringkas,
        hanya: q.hanya.clone(),
        sebelum,
        sesudah,
        unit_id: q.unit_id.clone(),
        periode,
        pilihan_periode,
        h,
        nama_kelompok,
        anggota,
        kurva,
        predikat_org: PredikatOrganisasi::SEMUA
            .iter()
            .map(|x| (x.token(), x.label(t.0)))
            .collect(),
        pesan,
        galat,
        galat_rinci,
        rekap,
        b,
    }))
}

pub(super) async fn kalibrasi(
    State(s): State<AppState>,
    p: Pengunjung,
    Query(q): Query<TanyaKalibrasi>,
) -> HasilHalaman {
    halaman_kalibrasi(&s, &p, &q, None, None).await
}

#[derive(serde::Deserialize)]
pub(super) struct FormKurva {
    #[serde(rename = "_csrf", default)]
    csrf: String,
    unit_id: String,
    periode: String,
    #[serde(default)]
    predikat_organisasi: String,
    #[serde(default)]
    finalkan: String,
    #[serde(default)]
    alasan_pengecualian: String,
    #[serde(default)]
    versi: i64,
}

pub(super) async fn simpan_kurva(
    State(s): State<AppState>,
    p: Pengunjung,
    Form(f): Form<FormKurva>,
) -> HasilHalaman {
    p.periksa_csrf(&f.csrf).atau_halaman(&p)?;
    let iid = instansi(&p)?;
    let tahun = Periode::urai(&f.periode)
        .map(|x| i64::from(x.tahun))
        .unwrap_or(0);
    let m = sk::evaluasi::MasukanKurva {
        tahun,
        periode: f.periode.clone(),
        unit_id: f.unit_id.clone(),
        predikat_organisasi: PredikatOrganisasi::dari_token(&f.predikat_organisasi),
        finalkan: f.finalkan == "ya",
        alasan_pengecualian: Some(f.alasan_pengecualian),
        versi: Some(f.versi),
    };
    let q = TanyaKalibrasi {
        unit_id: f.unit_id,
        periode: f.periode,
        ..Default::default()
    };
    match sk::evaluasi::simpan_kurva(&s.layanan, &p.konteks, &iid, m).await {
        Ok(h) => {
            let pesan = if h.final_ {
                p.konteks.t("Kurva difinalkan.", "Curve finalised.")
            } else {
                p.konteks.t(
                    "Predikat organisasi tersimpan.",
                    "Organisation predicate saved.",
                )
            };
            halaman_kalibrasi(&s, &p, &q, Some(pesan.to_string()), None).await
        }
        Err(
            g @ (app::Galat::Status { .. }
            | app::Galat::Konflik(_)
            | app::Galat::InputTidakValid { .. }),
        ) => {
            let st = crate::galat::status(&g);
            let rinci = crate::galat::kolom_galat(&g, p.bahasa())
                .into_iter()
                .map(|(_, v)| v)
                .collect();
            let r = halaman_kalibrasi(
                &s,
                &p,
                &q,
                None,
                Some((crate::galat::pesan_aman(&g, p.bahasa()), rinci)),
            )
            .await?;
            Ok((st, r).into_response())
        }
        Err(g) => Err(crate::halaman::galat(&p, g)),
    }
}
