//! Halaman SAKIP (isu 10): pohon kinerja yang dapat dilipat (tujuan →
//! sasaran → program; kegiatan dan sub kegiatan di halaman programnya agar
//! halaman tetap ringan), realisasi IKU per triwulan, Perjanjian Kinerja
//! (usul, setujui, kembalikan) dan LKE (jawaban, reviu tiga tahap). Angka dan
//! keputusan dari layanan yang sama dengan API.

use super::{Bingkai, HasilHalaman, KeHalaman, render};
use crate::AppState;
use crate::pengunjung::Pengunjung;
use app::Galat;
use app::sakip::{self as sk, Simpul};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use std::collections::BTreeMap;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/instansi/{iid}/sakip", get(tahun_ini))
        .route("/instansi/{iid}/sakip/{tahun}", get(pohon))
        .route("/instansi/{iid}/sakip/{tahun}/program/{kode}", get(program))
        .route(
            "/instansi/{iid}/sakip/{tahun}/capaian",
            get(capaian).post(simpan_capaian),
        )
        .route(
            "/instansi/{iid}/sakip/{tahun}/renstra",
            get(renstra).post(simpan_renstra),
        )
        .route(
            "/instansi/{iid}/sakip/{tahun}/perjanjian",
            get(perjanjian).post(ajukan_pk),
        )
        .route(
            "/instansi/{iid}/sakip/perjanjian/{id}/keputusan",
            post(putuskan_pk),
        )
        .route("/instansi/{iid}/sakip/{tahun}/evaluasi", get(evaluasi))
        .route(
            "/instansi/{iid}/sakip/{tahun}/evaluasi/kriteria/{kode}",
            post(isi_jawaban),
        )
        .route(
            "/instansi/{iid}/sakip/{tahun}/evaluasi/kriteria/{kode}/reviu",
            post(reviu_jawaban),
        )
        .route(
            "/instansi/{iid}/sakip/{tahun}/evaluasi/ajukan",
            post(ajukan_lke),
        )
        .route(
            "/instansi/{iid}/sakip/{tahun}/evaluasi/tahap",
            post(putuskan_tahap),
        )
}

fn tahun(p: &Pengunjung, t: &str) -> Result<i64, Response> {
    t.parse::<i64>().map_err(|_| {
        super::galat(
            p,
            Galat::TidakDitemukan(
                p.konteks
                    .t("Halaman tidak ditemukan.", "Page not found.")
                    .into(),
            ),
        )
    })
}

async fn tahun_ini(_p: Pengunjung, Path(iid): Path<String>) -> HasilHalaman {
    let hari = app::organisasi::hari_ini();
    Ok(Redirect::to(&format!("/instansi/{iid}/sakip/{}", &hari[0..4])).into_response())
}

/// Satu baris pohon yang diratakan: `buka` membuka `<details>`, `tutup`
/// menutup sebanyak itu sesudahnya.
struct Baris {
    jenis: String,
    kode: String,
    nama: String,
    unit: Option<String>,
    pejabat: Option<String>,
    kontributor: String,
    capaian: Option<String>,
    warna: String,
    indikator: Vec<sk::pohon::IndikatorSimpul>,
    terbuka: bool,
    tutup: usize,
    /// Program: tautan ke halaman kegiatan dan sub kegiatannya.
    detail: Option<String>,
}

fn ratakan(s: &[Simpul], kedalaman: usize, batas: usize, dasar: &str, keluar: &mut Vec<Baris>) {
    for x in s {
        let anak = kedalaman + 1 < batas && !x.anak.is_empty();
        keluar.push(Baris {
            jenis: x.jenis.clone(),
            kode: x.kode.clone(),
            nama: x.nama.clone(),
            unit: x.unit.clone(),
            pejabat: x.pejabat.clone(),
            kontributor: x.kontributor.join(", "),
            capaian: x.capaian_persen.clone(),
            warna: x.warna.clone(),
            indikator: x.indikator.clone(),
            terbuka: kedalaman == 0 && x.jenis != "program",
            tutup: 0,
            detail: (x.jenis == "program" && batas < 9)
                .then(|| format!("{dasar}/program/{}", x.kode)),
        });
        if anak {
            ratakan(&x.anak, kedalaman + 1, batas, dasar, keluar);
        }
        if let Some(b) = keluar.last_mut() {
            b.tutup += 1;
        }
    }
}

fn jenis_label(b: app::Bahasa, j: &str) -> &'static str {
    match (j, b) {
        ("tujuan", app::Bahasa::Id) => "Tujuan",
        ("tujuan", app::Bahasa::En) => "Goal",
        ("sasaran", app::Bahasa::Id) => "Sasaran",
        ("sasaran", app::Bahasa::En) => "Objective",
        ("program", _) => "Program",
        ("kegiatan", app::Bahasa::Id) => "Kegiatan",
        ("kegiatan", app::Bahasa::En) => "Activity",
        (_, app::Bahasa::Id) => "Sub kegiatan",
        (_, app::Bahasa::En) => "Sub-activity",
    }
}

#[derive(Template)]
#[template(path = "sakip_pohon.html")]
struct HalamanPohon {
    b: Bingkai,
    iid: String,
    tahun: i64,
    triwulan: u8,
    baris: Vec<Baris>,
    yatim_sub: Vec<sk::pohon::Yatim>,
    yatim_sasaran: Vec<sk::pohon::Yatim>,
    ada_rencana: bool,
    ada_renstra: bool,
    /// Halaman satu program: tautan kembali ke pohon.
    kembali: Option<String>,
}

impl HalamanPohon {
    fn label(&self, j: &str) -> &'static str {
        jenis_label(self.b.t.0, j)
    }
}

#[derive(Deserialize)]
struct TanyaTriwulan {
    triwulan: Option<u8>,
}

async fn pohon(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th)): Path<(String, String)>,
    Query(q): Query<TanyaTriwulan>,
) -> HasilHalaman {
    let th = tahun(&p, &th)?;
    let tw = q.triwulan.unwrap_or(4).clamp(1, 4);
    let x = sk::pohon(&s.layanan, &p.konteks, &iid, th, tw)
        .await
        .atau_halaman(&p)?;
    let dasar = format!("/instansi/{iid}/sakip/{th}");
    let mut baris = Vec::new();
    ratakan(&x.akar, 0, 3, &dasar, &mut baris);
    let judul = format!("{} {th}", p.konteks.t("Pohon kinerja", "Performance tree"));
    Ok(render(&HalamanPohon {
        b: Bingkai::dari(&p, judul),
        iid,
        tahun: th,
        triwulan: tw,
        baris,
        yatim_sub: x.subkegiatan_yatim,
        yatim_sasaran: x.sasaran_yatim,
        ada_rencana: x.ada_rencana,
        ada_renstra: x.ada_renstra,
        kembali: None,
    }))
}

/// Kegiatan dan sub kegiatan satu program (detail sesuai permintaan).
async fn program(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th, kode)): Path<(String, String, String)>,
    Query(q): Query<TanyaTriwulan>,
) -> HasilHalaman {
    let th = tahun(&p, &th)?;
    let tw = q.triwulan.unwrap_or(4).clamp(1, 4);
    let x = sk::pohon(&s.layanan, &p.konteks, &iid, th, tw)
        .await
        .atau_halaman(&p)?;
    fn cari<'a>(s: &'a [Simpul], kode: &str) -> Option<&'a Simpul> {
        s.iter().find_map(|x| {
            if x.jenis == "program" && x.kode == kode {
                Some(x)
            } else {
                cari(&x.anak, kode)
            }
        })
    }
    let Some(prog) = cari(&x.akar, &kode) else {
        return Err(super::galat(
            &p,
            Galat::TidakDitemukan(
                p.konteks
                    .t(
                        "Program tidak ada di pohon tahun ini.",
                        "No such programme in this year's tree.",
                    )
                    .into(),
            ),
        ));
    };
    let dasar = format!("/instansi/{iid}/sakip/{th}");
    let mut baris = Vec::new();
    ratakan(std::slice::from_ref(prog), 0, 9, &dasar, &mut baris);
    for b in &mut baris {
        b.terbuka = true;
    }
    let judul = format!("{} {}", prog.kode, prog.nama);
    Ok(render(&HalamanPohon {
        b: Bingkai::dari(&p, judul),
        iid,
        tahun: th,
        triwulan: tw,
        baris,
        yatim_sub: Vec::new(),
        yatim_sasaran: Vec::new(),
        ada_rencana: x.ada_rencana,
        ada_renstra: x.ada_renstra,
        kembali: Some(dasar),
    }))
}

// ---------- capaian IKU ----------

struct BarisCapaian {
    id: String,
    sasaran: String,
    nama: String,
    satuan: String,
    rekap: String,
    target: String,
    /// Per triwulan: (nilai, versi, penjelasan, tautan bukti).
    tw: Vec<(String, i64, String, String)>,
    capaian: Option<String>,
    warna: String,
    boleh: bool,
}

#[derive(Template)]
#[template(path = "sakip_capaian.html")]
struct HalamanCapaian {
    b: Bingkai,
    iid: String,
    tahun: i64,
    baris: Vec<BarisCapaian>,
    pesan: Option<(bool, String)>,
    /// Isian yang ditolak: (iku, triwulan, realisasi, penjelasan, tautan, galat per kolom).
    ditolak: Option<(
        String,
        i64,
        String,
        String,
        String,
        BTreeMap<String, String>,
    )>,
}

impl HalamanCapaian {
    fn isi<'a>(&'a self, id: &str, tw: &i64, kolom: usize, asli: &'a str) -> &'a str {
        match &self.ditolak {
            Some((i, t, a, b, c, _)) if i == id && t == tw => {
                [a.as_str(), b.as_str(), c.as_str()][kolom]
            }
            _ => asli,
        }
    }
    fn galat(&self, id: &str, tw: &i64, kolom: &str) -> Option<&str> {
        match &self.ditolak {
            Some((i, t, _, _, _, g)) if i == id && t == tw => g.get(kolom).map(String::as_str),
            _ => None,
        }
    }
}

async fn tampil_capaian(
    s: &AppState,
    p: &Pengunjung,
    iid: &str,
    th: i64,
    pesan: Option<(bool, String)>,
    ditolak: Option<(
        String,
        i64,
        String,
        String,
        String,
        BTreeMap<String, String>,
    )>,
    st: StatusCode,
) -> HasilHalaman {
    let l = &s.layanan;
    let r = sk::renstra(l, &p.konteks, iid, th).await.atau_halaman(p)?;
    let x = sk::lkjip(l, &p.konteks, iid, th).await.atau_halaman(p)?;
    let nyata = store::sakip::realisasi_iku_tahun(l.pool(), iid, th)
        .await
        .map_err(|e| super::galat(p, Galat::Internal(e.to_string())))?;
    // Siapa boleh mengisi: perencana semua, pimpinan unit sasaran unitnya.
    let cakupan = app::kebijakan::CakupanUnit::untuk(
        l,
        &p.konteks,
        app::kebijakan::Aksi::Kelola,
        app::kebijakan::Sumber::CapaianSakip(iid),
    )
    .await
    .ok();
    let baris = r
        .iku
        .iter()
        .map(|i| {
            let sas = r.sasaran.iter().find(|s| s.id == i.sasaran_id);
            let lk = x.iku.iter().find(|b| b.iku_id == i.id);
            BarisCapaian {
                id: i.id.clone(),
                sasaran: sas
                    .map(|s| format!("{} {}", s.kode, s.nama))
                    .unwrap_or_default(),
                nama: i.nama.clone(),
                satuan: i.satuan.clone().unwrap_or_default(),
                rekap: i.rekap.clone(),
                target: lk.and_then(|b| b.target.clone()).unwrap_or_default(),
                tw: (1..=4)
                    .map(|q| {
                        nyata
                            .iter()
                            .find(|n| n.iku_id == i.id && n.triwulan == q)
                            .map(|n| {
                                (
                                    n.realisasi.clone(),
                                    n.versi,
                                    n.penjelasan.clone().unwrap_or_default(),
                                    n.bukti_url.clone().unwrap_or_default(),
                                )
                            })
                            .unwrap_or_default()
                    })
                    .collect(),
                capaian: lk.and_then(|b| b.capaian_persen.clone()),
                warna: lk.map(|b| b.warna.clone()).unwrap_or_else(|| "abu".into()),
                boleh: cakupan
                    .as_ref()
                    .is_some_and(|c| c.memuat(sas.and_then(|s| s.unit_id.as_deref()))),
            }
        })
        .collect();
    let judul = format!(
        "{} {th}",
        p.konteks.t("Capaian IKU", "Key indicator results")
    );
    Ok((
        st,
        render(&HalamanCapaian {
            b: Bingkai::dari(p, judul),
            iid: iid.into(),
            tahun: th,
            baris,
            pesan,
            ditolak,
        }),
    )
        .into_response())
}

async fn capaian(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th)): Path<(String, String)>,
) -> HasilHalaman {
    let th = tahun(&p, &th)?;
    tampil_capaian(&s, &p, &iid, th, None, None, StatusCode::OK).await
}

#[derive(Deserialize)]
struct FormCapaian {
    #[serde(default, rename = "_csrf")]
    csrf: String,
    iku: String,
    triwulan: i64,
    #[serde(default)]
    realisasi: String,
    #[serde(default)]
    penjelasan: String,
    #[serde(default)]
    bukti_url: String,
    #[serde(default)]
    versi: i64,
}

async fn simpan_capaian(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th)): Path<(String, String)>,
    Form(f): Form<FormCapaian>,
) -> HasilHalaman {
    p.periksa_csrf(&f.csrf).atau_halaman(&p)?;
    let th = tahun(&p, &th)?;
    let m = sk::MasukanRealisasiIku {
        realisasi: f.realisasi.clone(),
        penjelasan: Some(f.penjelasan.clone()),
        bukti_id: None,
        bukti_url: Some(f.bukti_url.clone()),
        versi: Some(f.versi),
    };
    match sk::simpan_realisasi_iku(&s.layanan, &p.konteks, &iid, th, &f.iku, f.triwulan, m).await {
        Ok(_) => {
            let ok = p
                .konteks
                .t("Realisasi tersimpan.", "Result saved.")
                .to_string();
            tampil_capaian(&s, &p, &iid, th, Some((true, ok)), None, StatusCode::OK).await
        }
        Err(g @ (Galat::InputTidakValid { .. } | Galat::Konflik(_))) => {
            let st = crate::galat::status(&g);
            let pesan = crate::galat::pesan_aman(&g, p.bahasa());
            let fields = match g {
                Galat::InputTidakValid { fields, .. } => fields,
                _ => BTreeMap::new(),
            };
            let d = (
                f.iku,
                f.triwulan,
                f.realisasi,
                f.penjelasan,
                f.bukti_url,
                fields,
            );
            tampil_capaian(&s, &p, &iid, th, Some((false, pesan)), Some(d), st).await
        }
        Err(g) => Err(super::galat(&p, g)),
    }
}

// ---------- Perjanjian Kinerja ----------

#[derive(Template)]
#[template(path = "sakip_perjanjian.html")]
struct HalamanPk {
    b: Bingkai,
    iid: String,
    tahun: i64,
    pk: Vec<sk::PkLengkap>,
    saran: Vec<sk::SaranUnit>,
    /// Unit yang boleh diusulkan pengunjung: (id, nama).
    unit: Vec<(String, String)>,
    pesan: Option<(bool, String)>,
    /// Isian yang ditolak (unit, alasan, galat per kolom).
    ditolak: Option<(String, String, BTreeMap<String, String>)>,
}

impl HalamanPk {
    fn status(&self, s: &str) -> &'static str {
        let b = self.b.t.0;
        match (s, b) {
            ("usulan", app::Bahasa::Id) => "Usulan, menunggu atasan",
            ("usulan", app::Bahasa::En) => "Proposed, awaiting the superior",
            ("disetujui", app::Bahasa::Id) => "Disetujui",
            ("disetujui", app::Bahasa::En) => "Approved",
            ("dikembalikan", app::Bahasa::Id) => "Dikembalikan",
            ("dikembalikan", app::Bahasa::En) => "Returned",
            (_, app::Bahasa::Id) => "Digantikan revisi",
            (_, app::Bahasa::En) => "Superseded",
        }
    }
    fn galat(&self, k: &str) -> Option<&str> {
        self.ditolak
            .as_ref()
            .and_then(|(_, _, g)| g.get(k).map(String::as_str))
    }
}

async fn tampil_pk(
    s: &AppState,
    p: &Pengunjung,
    iid: &str,
    th: i64,
    pesan: Option<(bool, String)>,
    ditolak: Option<(String, String, BTreeMap<String, String>)>,
    st: StatusCode,
) -> HasilHalaman {
    let l = &s.layanan;
    let pk = sk::daftar_pk(l, &p.konteks, iid, th)
        .await
        .atau_halaman(p)?;
    let saran = sk::saran_predikat(l, &p.konteks, iid, th)
        .await
        .unwrap_or_default();
    use app::kebijakan::{Aksi, Sumber, putuskan};
    let unit = match putuskan(
        p.konteks.aktor.as_ref(),
        Aksi::Kelola,
        Sumber::PerjanjianKinerja(iid),
    ) {
        app::kebijakan::Akses::Penuh => {
            let semua = store::organisasi::semua_unit(l.pool(), iid)
                .await
                .unwrap_or_default();
            semua.into_iter().map(|u| (u.id, u.nama)).collect()
        }
        app::kebijakan::Akses::Unit => {
            let mut v = Vec::new();
            if let Some(pid) = p.konteks.aktor.as_ref().and_then(|a| a.pegawai_id.clone())
                && let Ok(Some(u)) = store::organisasi::unit_pegawai(l.pool(), iid, &pid).await
                && let Ok(Some(x)) = store::organisasi::unit(l.pool(), iid, &u).await
            {
                v.push((x.id, x.nama));
            }
            v
        }
        _ => Vec::new(),
    };
    let judul = format!(
        "{} {th}",
        p.konteks.t("Perjanjian Kinerja", "Performance agreements")
    );
    Ok((
        st,
        render(&HalamanPk {
            b: Bingkai::dari(p, judul),
            iid: iid.into(),
            tahun: th,
            pk,
            saran,
            unit,
            pesan,
            ditolak,
        }),
    )
        .into_response())
}

async fn perjanjian(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th)): Path<(String, String)>,
) -> HasilHalaman {
    let th = tahun(&p, &th)?;
    tampil_pk(&s, &p, &iid, th, None, None, StatusCode::OK).await
}

#[derive(Deserialize)]
struct FormPk {
    #[serde(default, rename = "_csrf")]
    csrf: String,
    #[serde(default)]
    unit_id: String,
    #[serde(default)]
    alasan_perubahan: String,
}

async fn ajukan_pk(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th)): Path<(String, String)>,
    Form(f): Form<FormPk>,
) -> HasilHalaman {
    p.periksa_csrf(&f.csrf).atau_halaman(&p)?;
    let th = tahun(&p, &th)?;
    let m = sk::MasukanPk {
        unit_id: f.unit_id.clone(),
        indikator: None,
        alasan_perubahan: Some(f.alasan_perubahan.clone()),
    };
    match sk::ajukan_pk(&s.layanan, &p.konteks, &iid, th, m).await {
        Ok(x) => {
            let ok = format!(
                "{} {}.",
                p.konteks.t("PK diusulkan untuk", "Agreement proposed for"),
                x.unit
            );
            tampil_pk(
                &s,
                &p,
                &iid,
                th,
                Some((true, ok)),
                None,
                StatusCode::CREATED,
            )
            .await
        }
        Err(g @ (Galat::InputTidakValid { .. } | Galat::Status { .. } | Galat::Konflik(_))) => {
            let st = crate::galat::status(&g);
            let pesan = crate::galat::pesan_aman(&g, p.bahasa());
            let fields = match g {
                Galat::InputTidakValid { fields, .. } => fields,
                _ => BTreeMap::new(),
            };
            tampil_pk(
                &s,
                &p,
                &iid,
                th,
                Some((false, pesan)),
                Some((f.unit_id, f.alasan_perubahan, fields)),
                st,
            )
            .await
        }
        Err(g) => Err(super::galat(&p, g)),
    }
}

#[derive(Deserialize)]
struct FormKeputusan {
    #[serde(default, rename = "_csrf")]
    csrf: String,
    keputusan: String,
    #[serde(default)]
    catatan: String,
    versi: i64,
    tahun: i64,
}

async fn putuskan_pk(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
    Form(f): Form<FormKeputusan>,
) -> HasilHalaman {
    p.periksa_csrf(&f.csrf).atau_halaman(&p)?;
    let m = sk::MasukanKeputusanPk {
        keputusan: f.keputusan,
        catatan: Some(f.catatan),
        versi: f.versi,
    };
    match sk::putuskan_pk(&s.layanan, &p.konteks, &iid, &id, m).await {
        Ok(x) => {
            let ok = format!(
                "{}: {}.",
                x.unit,
                p.konteks.t("keputusan tersimpan", "decision saved")
            );
            tampil_pk(
                &s,
                &p,
                &iid,
                f.tahun,
                Some((true, ok)),
                None,
                StatusCode::OK,
            )
            .await
        }
        Err(g @ (Galat::InputTidakValid { .. } | Galat::Status { .. } | Galat::Konflik(_))) => {
            let st = crate::galat::status(&g);
            let pesan = crate::galat::pesan_aman(&g, p.bahasa());
            tampil_pk(&s, &p, &iid, f.tahun, Some((false, pesan)), None, st).await
        }
        Err(g) => Err(super::galat(&p, g)),
    }
}

// ---------- LKE ----------

#[derive(Template)]
#[template(path = "sakip_evaluasi.html")]
struct HalamanLke {
    b: Bingkai,
    iid: String,
    tahun: i64,
    x: sk::LkeLengkap,
    pesan: Option<(bool, String)>,
    /// Isian yang ditolak: (kode kriteria, jawaban, catatan, tautan, galat).
    ditolak: Option<(String, String, String, String, BTreeMap<String, String>)>,
}

impl HalamanLke {
    fn tahap(&self, s: &str) -> &'static str {
        let b = self.b.t.0;
        match (s, b) {
            ("belum_dimulai", app::Bahasa::Id) => "Belum dimulai",
            ("belum_dimulai", app::Bahasa::En) => "Not started",
            ("pengisian", app::Bahasa::Id) => "Pengisian mandiri",
            ("pengisian", app::Bahasa::En) => "Self-assessment",
            ("verifikasi", app::Bahasa::Id) => "Verifikasi",
            ("verifikasi", app::Bahasa::En) => "Verification",
            ("penjaminan_mutu", app::Bahasa::Id) => "Penjaminan mutu",
            ("penjaminan_mutu", app::Bahasa::En) => "Quality review",
            ("evaluasi", app::Bahasa::Id) => "Evaluasi",
            ("evaluasi", app::Bahasa::En) => "Evaluation",
            (_, app::Bahasa::Id) => "Selesai",
            (_, app::Bahasa::En) => "Done",
        }
    }
    fn isi<'a>(&'a self, kode: &str, kolom: usize, asli: &'a Option<String>) -> &'a str {
        match &self.ditolak {
            Some((k, a, b, c, _)) if k == kode => [a.as_str(), b.as_str(), c.as_str()][kolom],
            _ => asli.as_deref().unwrap_or(""),
        }
    }
    fn galat(&self, kode: &str) -> Option<String> {
        match &self.ditolak {
            Some((k, _, _, _, g)) if k == kode => {
                Some(g.values().cloned().collect::<Vec<_>>().join(" "))
            }
            _ => None,
        }
    }
    /// Teks pilihan yang dipilih, untuk kriteria berjenis `pilihan`.
    fn uraian_opsi<'a>(
        &self,
        c: &'a app::sakip::lke::KriteriaIsi,
        kode: &Option<String>,
    ) -> Option<&'a str> {
        let kode = kode.as_deref()?;
        c.opsi
            .iter()
            .find(|o| o.kode == kode)
            .map(|o| o.uraian.as_str())
    }
}

async fn tampil_lke(
    s: &AppState,
    p: &Pengunjung,
    iid: &str,
    th: i64,
    pesan: Option<(bool, String)>,
    ditolak: Option<(String, String, String, String, BTreeMap<String, String>)>,
    st: StatusCode,
) -> HasilHalaman {
    let x = sk::lke(&s.layanan, &p.konteks, iid, th)
        .await
        .atau_halaman(p)?;
    let judul = format!(
        "{} {th}",
        if x.instrumen == "akip" {
            p.konteks.t("Evaluasi AKIP (LKE)", "AKIP evaluation (LKE)")
        } else {
            p.konteks
                .t("Evaluasi mandiri (LKE)", "Self-evaluation (LKE)")
        }
    );
    Ok((
        st,
        render(&HalamanLke {
            b: Bingkai::dari(p, judul),
            iid: iid.into(),
            tahun: th,
            x,
            pesan,
            ditolak,
        }),
    )
        .into_response())
}

async fn evaluasi(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th)): Path<(String, String)>,
) -> HasilHalaman {
    let th = tahun(&p, &th)?;
    tampil_lke(&s, &p, &iid, th, None, None, StatusCode::OK).await
}

#[derive(Deserialize)]
struct FormJawaban {
    #[serde(default, rename = "_csrf")]
    csrf: String,
    #[serde(default)]
    jawaban: String,
    #[serde(default)]
    catatan: String,
    #[serde(default)]
    bukti_url: String,
    #[serde(default)]
    versi: i64,
}

/// Hasil sebuah aksi LKE: halaman dengan pesan, atau isian yang ditolak.
async fn hasil_lke<T>(
    s: &AppState,
    p: &Pengunjung,
    iid: &str,
    th: i64,
    r: Result<T, Galat>,
    ok: &str,
    ditolak: Option<(String, String, String, String)>,
) -> HasilHalaman {
    match r {
        Ok(_) => {
            tampil_lke(
                s,
                p,
                iid,
                th,
                Some((true, ok.to_string())),
                None,
                StatusCode::OK,
            )
            .await
        }
        Err(g @ (Galat::InputTidakValid { .. } | Galat::Status { .. } | Galat::Konflik(_))) => {
            let st = crate::galat::status(&g);
            let pesan = crate::galat::pesan_aman(&g, p.bahasa());
            let fields = match g {
                Galat::InputTidakValid { fields, .. } => fields,
                _ => BTreeMap::new(),
            };
            let d = ditolak.map(|(a, b, c, e)| (a, b, c, e, fields));
            tampil_lke(s, p, iid, th, Some((false, pesan)), d, st).await
        }
        Err(g) => Err(super::galat(p, g)),
    }
}

async fn isi_jawaban(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th, kode)): Path<(String, String, String)>,
    Form(f): Form<FormJawaban>,
) -> HasilHalaman {
    p.periksa_csrf(&f.csrf).atau_halaman(&p)?;
    let th = tahun(&p, &th)?;
    let m = sk::MasukanJawaban {
        jawaban: Some(f.jawaban.clone()),
        catatan: Some(f.catatan.clone()),
        bukti_id: None,
        bukti_url: Some(f.bukti_url.clone()),
        versi: Some(f.versi),
    };
    let r = sk::isi_jawaban(&s.layanan, &p.konteks, &iid, th, &kode, m).await;
    let ok = format!(
        "{kode}: {}",
        p.konteks.t("jawaban tersimpan.", "answer saved.")
    );
    hasil_lke(
        &s,
        &p,
        &iid,
        th,
        r,
        &ok,
        Some((kode, f.jawaban, f.catatan, f.bukti_url)),
    )
    .await
}

async fn reviu_jawaban(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th, kode)): Path<(String, String, String)>,
    Form(f): Form<FormJawaban>,
) -> HasilHalaman {
    p.periksa_csrf(&f.csrf).atau_halaman(&p)?;
    let th = tahun(&p, &th)?;
    let m = sk::MasukanReviuJawaban {
        jawaban_reviu: Some(f.jawaban.clone()),
        catatan_reviu: Some(f.catatan.clone()),
        versi: f.versi,
    };
    let r = sk::reviu_jawaban(&s.layanan, &p.konteks, &iid, th, &kode, m).await;
    let ok = format!(
        "{kode}: {}",
        p.konteks.t("reviu tersimpan.", "review saved.")
    );
    hasil_lke(
        &s,
        &p,
        &iid,
        th,
        r,
        &ok,
        Some((kode, f.jawaban, f.catatan, String::new())),
    )
    .await
}

#[derive(Deserialize)]
struct FormTahap {
    #[serde(default, rename = "_csrf")]
    csrf: String,
    #[serde(default)]
    keputusan: String,
    #[serde(default)]
    komentar: String,
}

async fn ajukan_lke(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th)): Path<(String, String)>,
    Form(f): Form<FormTahap>,
) -> HasilHalaman {
    p.periksa_csrf(&f.csrf).atau_halaman(&p)?;
    let th = tahun(&p, &th)?;
    let r = sk::ajukan_lke(&s.layanan, &p.konteks, &iid, th, Some(f.komentar)).await;
    let ok = p.konteks.t(
        "LKE diajukan untuk direviu.",
        "Evaluation submitted for review.",
    );
    hasil_lke(&s, &p, &iid, th, r, ok, None).await
}

async fn putuskan_tahap(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th)): Path<(String, String)>,
    Form(f): Form<FormTahap>,
) -> HasilHalaman {
    p.periksa_csrf(&f.csrf).atau_halaman(&p)?;
    let th = tahun(&p, &th)?;
    let m = sk::MasukanTahap {
        keputusan: f.keputusan,
        komentar: Some(f.komentar),
    };
    let r = sk::putuskan_tahap(&s.layanan, &p.konteks, &iid, th, m).await;
    let ok = p
        .konteks
        .t("Keputusan tahap tersimpan.", "Step decision saved.");
    hasil_lke(&s, &p, &iid, th, r, ok, None).await
}

// ---------- Renstra: periode, tujuan, sasaran, IKU, tautan program ----------

#[derive(Template)]
#[template(path = "sakip_renstra.html")]
struct HalamanRenstra {
    b: Bingkai,
    iid: String,
    tahun: i64,
    r: sk::Renstra,
    /// Program rencana tahun itu: (kode, nama).
    program: Vec<(String, String)>,
    unit: Vec<(String, String)>,
    boleh: bool,
    pesan: Option<(bool, String)>,
    /// Formulir yang ditolak: (nama formulir, isian, galat per kolom).
    ditolak: Option<(String, BTreeMap<String, String>, BTreeMap<String, String>)>,
}

impl HalamanRenstra {
    fn v(&self, form: &str, k: &str) -> &str {
        match &self.ditolak {
            Some((f, isi, _)) if f == form => isi.get(k).map(String::as_str).unwrap_or(""),
            _ => "",
        }
    }
    fn g(&self, form: &str, k: &str) -> Option<&str> {
        match &self.ditolak {
            Some((f, _, g)) if f == form => g.get(k).map(String::as_str),
            _ => None,
        }
    }
    fn iku(&self, sasaran: &str) -> Vec<&store::sakip::Iku> {
        self.r
            .iku
            .iter()
            .filter(|i| i.sasaran_id == sasaran)
            .collect()
    }
    fn target(&self, iku: &str) -> String {
        self.r
            .target
            .iter()
            .find(|t| t.iku_id == iku)
            .map(|t| t.target.clone())
            .unwrap_or_else(|| "–".into())
    }
    fn tertaut(&self, sasaran: &str, program: &str) -> bool {
        self.r
            .tautan
            .iter()
            .any(|t| t.sasaran_id == sasaran && t.program_kode == program)
    }
    fn tujuan(&self) -> Vec<&store::sakip::Sasaran> {
        self.r
            .sasaran
            .iter()
            .filter(|s| s.jenis == "tujuan")
            .collect()
    }
    fn sasaran_dari(&self, tujuan: &str) -> Vec<&store::sakip::Sasaran> {
        self.r
            .sasaran
            .iter()
            .filter(|s| s.induk_id.as_deref() == Some(tujuan))
            .collect()
    }
}

async fn tampil_renstra(
    s: &AppState,
    p: &Pengunjung,
    iid: &str,
    th: i64,
    pesan: Option<(bool, String)>,
    ditolak: Option<(String, BTreeMap<String, String>, BTreeMap<String, String>)>,
    st: StatusCode,
) -> HasilHalaman {
    let l = &s.layanan;
    let r = sk::renstra(l, &p.konteks, iid, th).await.atau_halaman(p)?;
    use app::kebijakan::{Aksi, Sumber, putuskan};
    let boleh = putuskan(p.konteks.aktor.as_ref(), Aksi::Kelola, Sumber::Sakip(iid)).boleh();
    let mut program = Vec::new();
    let mut unit = Vec::new();
    if boleh {
        program = app::sakip::capaian::program_tahun_bernama(l, iid, th)
            .await
            .atau_halaman(p)?;
        unit = store::organisasi::semua_unit(l.pool(), iid)
            .await
            .map_err(|e| super::galat(p, Galat::Internal(e.to_string())))?
            .into_iter()
            .filter(|u| u.induk_id.is_none() || u.jenis == "perangkat_daerah")
            .map(|u| (u.id, u.nama))
            .collect();
    }
    let judul = format!(
        "{} {th}",
        p.konteks
            .t("Renstra dan IKU", "Strategic plan and key indicators")
    );
    Ok((
        st,
        render(&HalamanRenstra {
            b: Bingkai::dari(p, judul),
            iid: iid.into(),
            tahun: th,
            r,
            program,
            unit,
            boleh,
            pesan,
            ditolak,
        }),
    )
        .into_response())
}

async fn renstra(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th)): Path<(String, String)>,
) -> HasilHalaman {
    let th = tahun(&p, &th)?;
    tampil_renstra(&s, &p, &iid, th, None, None, StatusCode::OK).await
}

/// Satu formulir Renstra; `aksi` memilih kasus penggunaannya.
async fn simpan_renstra(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th)): Path<(String, String)>,
    Form(f): Form<BTreeMap<String, String>>,
) -> HasilHalaman {
    p.periksa_csrf(f.get("_csrf").map(String::as_str).unwrap_or(""))
        .atau_halaman(&p)?;
    let th = tahun(&p, &th)?;
    let l = &s.layanan;
    let k = &p.konteks;
    let v = |x: &str| f.get(x).cloned().unwrap_or_default();
    let opsi = |x: &str| {
        f.get(x)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    let aksi = v("aksi");
    let angka = |x: &str| v(x).trim().parse::<i64>().unwrap_or(0);
    let hasil: Result<String, Galat> = match aksi.as_str() {
        "periode" => sk::buat_periode(
            l,
            k,
            &iid,
            sk::MasukanPeriode {
                nama: v("nama"),
                tahun_awal: angka("tahun_awal"),
                tahun_akhir: angka("tahun_akhir"),
            },
        )
        .await
        .map(|x| x.nama),
        "sasaran" => sk::tambah_sasaran(
            l,
            k,
            &iid,
            &v("periode_id"),
            sk::MasukanSasaran {
                jenis: v("jenis"),
                induk_id: opsi("induk_id"),
                kode: v("kode"),
                nama: v("nama"),
                unit_id: opsi("unit_id"),
            },
        )
        .await
        .map(|x| format!("{} {}", x.kode, x.nama)),
        "iku" => sk::tambah_iku(
            l,
            k,
            &iid,
            &v("sasaran_id"),
            sk::MasukanIku {
                nama: v("nama"),
                satuan: opsi("satuan"),
                polaritas: opsi("polaritas"),
                rekap: opsi("rekap"),
                baseline: opsi("baseline"),
                target_akhir: opsi("target_akhir"),
                target: opsi("target")
                    .map(|t| {
                        vec![sk::MasukanTarget {
                            tahun: th,
                            target: t,
                            target_tw: None,
                        }]
                    })
                    .unwrap_or_default(),
            },
        )
        .await
        .map(|x| x.nama),
        "target" => sk::simpan_target_iku(
            l,
            k,
            &iid,
            &v("iku_id"),
            sk::MasukanTarget {
                tahun: th,
                target: v("target"),
                target_tw: None,
            },
        )
        .await
        .map(|x| x.target),
        "program" => {
            let kode: Vec<String> = f
                .iter()
                .filter(|(k, x)| k.starts_with("program.") && x.as_str() == "1")
                .map(|(k, _)| k["program.".len()..].to_string())
                .collect();
            sk::tautkan_program(
                l,
                k,
                &iid,
                th,
                &v("sasaran_id"),
                sk::MasukanTautan { program_kode: kode },
            )
            .await
            .map(|x| x.len().to_string())
        }
        "salin" => sk::salin_pohon(l, k, &iid, th).await.map(|n| n.to_string()),
        _ => Err(Galat::TidakDitemukan(
            k.t("Formulir tidak dikenal.", "Unknown form.").into(),
        )),
    };
    match hasil {
        Ok(x) => {
            let ok = format!("{} {x}", k.t("Tersimpan:", "Saved:"));
            tampil_renstra(&s, &p, &iid, th, Some((true, ok)), None, StatusCode::OK).await
        }
        Err(
            g @ (Galat::InputTidakValid { .. }
            | Galat::Status { .. }
            | Galat::Konflik(_)
            | Galat::TerlaluBanyak(_)),
        ) => {
            let st = crate::galat::status(&g);
            let pesan = crate::galat::pesan_aman(&g, p.bahasa());
            let fields = match g {
                Galat::InputTidakValid { fields, .. } => fields,
                _ => BTreeMap::new(),
            };
            let mut isi = f.clone();
            isi.remove("_csrf");
            let form = match aksi.as_str() {
                "sasaran" => format!("sasaran:{}", v("induk_id")),
                "iku" => format!("iku:{}", v("sasaran_id")),
                x => x.to_string(),
            };
            tampil_renstra(
                &s,
                &p,
                &iid,
                th,
                Some((false, pesan)),
                Some((form, isi, fields)),
                st,
            )
            .await
        }
        Err(g) => Err(super::galat(&p, g)),
    }
}
