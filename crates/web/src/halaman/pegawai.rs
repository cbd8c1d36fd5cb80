//! Halaman pegawai: daftar (cari, saring, halaman di server), detail,
//! tambah, ubah, dan riwayat perubahan.

use super::{Bingkai, HasilHalaman, Isian, KeHalaman, query, render};
use crate::AppState;
use crate::pengunjung::Pengunjung;
use app::Galat;
use app::organisasi::pegawai::{CariPegawai, DetailPegawai, Halaman, MasukanPegawai};
use app::organisasi::referensi;
use app::organisasi::unit::SimpulUnit;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Form, Router};
use serde::Deserialize;
use store::organisasi::{BarisPegawai, Jabatan};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/instansi/{iid}/pegawai", get(daftar))
        .route(
            "/instansi/{iid}/pegawai/baru",
            get(form_baru).post(simpan_baru),
        )
        .route("/instansi/{iid}/pegawai/{id}", get(detail))
        .route(
            "/instansi/{iid}/pegawai/{id}/ubah",
            get(form_ubah).post(simpan_ubah),
        )
        .route("/instansi/{iid}/pegawai/{id}/riwayat", get(riwayat))
        .route(
            "/instansi/{iid}/pegawai/{id}/penugasan",
            axum::routing::post(tugaskan),
        )
        .route(
            "/instansi/{iid}/pegawai/{id}/sandi",
            axum::routing::post(atur_ulang_sandi),
        )
}

#[derive(Template)]
#[template(path = "pegawai_daftar.html")]
struct HalamanDaftar {
    b: Bingkai,
    iid: String,
    h: Halaman<BarisPegawai>,
    unit: Vec<SimpulUnit>,
    c: CariPegawai,
    boleh_kelola: bool,
    q_sebelum: String,
    q_sesudah: String,
}

impl HalamanDaftar {
    fn cari(&self) -> &str {
        self.c.cari.as_deref().unwrap_or("")
    }
    fn ada_saringan(&self) -> bool {
        [&self.c.unit_id, &self.c.status, &self.c.jenis_asn]
            .iter()
            .any(|x| x.as_deref().is_some_and(|v| !v.is_empty()))
    }
    fn unit_dipilih(&self, id: &str) -> bool {
        self.c.unit_id.as_deref() == Some(id)
    }
    fn status_dipilih(&self, s: &str) -> bool {
        self.c.status.as_deref().unwrap_or("") == s
    }
    fn jenis_dipilih(&self, s: &str) -> bool {
        self.c.jenis_asn.as_deref().unwrap_or("") == s
    }
    fn indentasi(&self, d: &usize) -> String {
        "\u{a0}\u{a0}".repeat(*d)
    }
}

fn query_cari(c: &CariPegawai, halaman: i64) -> String {
    let h = halaman.to_string();
    query(&[
        ("cari", c.cari.as_deref().unwrap_or("")),
        ("unit_id", c.unit_id.as_deref().unwrap_or("")),
        ("status", c.status.as_deref().unwrap_or("")),
        ("jenis_asn", c.jenis_asn.as_deref().unwrap_or("")),
        ("halaman", &h),
    ])
}

async fn daftar(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
    Query(c): Query<CariPegawai>,
) -> HasilHalaman {
    let l = &s.layanan;
    let h = app::organisasi::pegawai::daftar(l, &p.konteks, &iid, &c)
        .await
        .atau_halaman(&p)?;
    let unit = app::organisasi::unit::pohon_ringan(l, &p.konteks, &iid)
        .await
        .atau_halaman(&p)?;
    let q_sebelum = query_cari(&c, h.halaman - 1);
    let q_sesudah = query_cari(&c, h.halaman + 1);
    Ok(render(&HalamanDaftar {
        b: Bingkai::dari(&p, p.konteks.t("Pegawai", "Employees")),
        boleh_kelola: p.konteks.boleh_kelola(&iid).is_ok(),
        iid,
        h,
        unit,
        c,
        q_sebelum,
        q_sesudah,
    }))
}

#[derive(Template)]
#[template(path = "pegawai_detail.html")]
struct HalamanDetail {
    b: Bingkai,
    iid: String,
    d: DetailPegawai,
    boleh_kelola: bool,
    /// Pilihan unit dan isian formulir Plt./Plh. (hanya untuk admin).
    unit: Vec<SimpulUnit>,
    fp: Isian,
    /// Tombol "Atur ulang sandi": atasan, pimpinan unit, Plt./Plh., admin
    /// (`kebijakan::boleh_atur_ulang_sandi`).
    boleh_atur_sandi: bool,
    /// Sandi sementara yang baru dibuat, ditampilkan sekali ini saja.
    sandi_sementara: Option<String>,
}

impl HalamanDetail {
    fn nama_lengkap(&self) -> String {
        nama_lengkap(
            &self.d.pegawai.gelar_depan,
            &self.d.pegawai.nama,
            &self.d.pegawai.gelar_belakang,
        )
    }
}

pub fn nama_lengkap(depan: &Option<String>, nama: &str, belakang: &Option<String>) -> String {
    let mut s = String::new();
    if let Some(d) = depan {
        s.push_str(d);
        s.push(' ');
    }
    s.push_str(nama);
    if let Some(b) = belakang {
        s.push_str(", ");
        s.push_str(b);
    }
    s
}

async fn detail(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
) -> HasilHalaman {
    tampil_detail(&s, &p, iid, &id, Isian::default(), None, StatusCode::OK).await
}

async fn tampil_detail(
    s: &AppState,
    p: &Pengunjung,
    iid: String,
    id: &str,
    fp: Isian,
    sandi_sementara: Option<String>,
    st: StatusCode,
) -> HasilHalaman {
    let d = app::organisasi::pegawai::lihat(&s.layanan, &p.konteks, &iid, id)
        .await
        .atau_halaman(p)?;
    let boleh_kelola = p.konteks.boleh_kelola(&iid).is_ok();
    let unit = if boleh_kelola {
        app::organisasi::unit::pohon_ringan(&s.layanan, &p.konteks, &iid)
            .await
            .atau_halaman(p)?
    } else {
        Vec::new()
    };
    // Hanya pembaca penuh yang mungkin berhak; yang lain tanpa kueri tambahan.
    let boleh_atur_sandi = d.akses.penuh()
        && app::akun::boleh_atur_ulang_sandi_pegawai(&s.layanan, &p.konteks, &iid, id)
            .await
            .atau_halaman(p)?;
    let tpl = HalamanDetail {
        b: Bingkai::dari(p, d.pegawai.nama.clone()),
        boleh_kelola,
        iid,
        d,
        unit,
        fp,
        boleh_atur_sandi,
        sandi_sementara,
    };
    Ok((st, render(&tpl)).into_response())
}

#[derive(Deserialize)]
struct FormPenugasan {
    #[serde(default, rename = "_csrf")]
    csrf: String,
    #[serde(default)]
    jenis_penugasan: String,
    #[serde(default)]
    unit_id: String,
    #[serde(default)]
    mulai: String,
    #[serde(default)]
    selesai: String,
}

async fn tugaskan(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
    Form(f): Form<FormPenugasan>,
) -> HasilHalaman {
    p.periksa_csrf(&f.csrf).atau_halaman(&p)?;
    let selesai = Some(f.selesai.trim()).filter(|x| !x.is_empty());
    let hasil = app::organisasi::penugasan::tugaskan_sementara(
        &s.layanan,
        &p.konteks,
        &iid,
        &id,
        &f.jenis_penugasan,
        &f.unit_id,
        None,
        f.mulai.trim(),
        selesai,
    )
    .await;
    match hasil {
        Ok(_) => Ok(Redirect::to(&format!("/instansi/{iid}/pegawai/{id}")).into_response()),
        Err(Galat::InputTidakValid { pesan, fields, .. }) => {
            let mut fp = Isian::default();
            fp.set("jenis_penugasan", f.jenis_penugasan);
            fp.set("unit_id", f.unit_id);
            fp.set("mulai", f.mulai);
            fp.set("selesai", f.selesai);
            fp.galat = fields;
            fp.pesan = Some(pesan);
            tampil_detail(&s, &p, iid, &id, fp, None, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(g) => Err(super::galat(&p, g)),
    }
}

#[derive(Deserialize)]
struct FormCsrf {
    #[serde(default, rename = "_csrf")]
    csrf: String,
}

/// Atur ulang sandi akun pegawai ini (atasan, pimpinan unit, Plt./Plh.,
/// admin): sandi sementara buatan server ditampilkan sekali di halaman
/// detail; pemiliknya wajib menggantinya saat masuk.
async fn atur_ulang_sandi(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
    Form(f): Form<FormCsrf>,
) -> HasilHalaman {
    p.periksa_csrf(&f.csrf).atau_halaman(&p)?;
    let sandi = app::akun::atur_ulang_sandi_pegawai(&s.layanan, &p.konteks, &iid, &id)
        .await
        .atau_halaman(&p)?;
    tampil_detail(
        &s,
        &p,
        iid,
        &id,
        Isian::default(),
        Some(sandi),
        StatusCode::OK,
    )
    .await
}

#[derive(Template)]
#[template(path = "pegawai_form.html")]
struct HalamanForm {
    b: Bingkai,
    iid: String,
    id: Option<String>,
    f: Isian,
    unit: Vec<SimpulUnit>,
    jabatan: Vec<Jabatan>,
    golongan_pns: Vec<&'static str>,
    golongan_pppk: Vec<&'static str>,
    status: Vec<&'static str>,
}

impl HalamanForm {
    fn indentasi(&self, d: &usize) -> String {
        "\u{a0}\u{a0}".repeat(*d)
    }
}

/// Isian formulir pegawai, semua teks agar apa pun yang diketik kembali utuh.
#[derive(Deserialize, Default)]
pub struct FormPegawai {
    #[serde(default, rename = "_csrf")]
    csrf: String,
    #[serde(default)]
    nip: String,
    #[serde(default)]
    nama: String,
    #[serde(default)]
    gelar_depan: String,
    #[serde(default)]
    gelar_belakang: String,
    #[serde(default)]
    jenis_asn: String,
    #[serde(default)]
    golongan: String,
    #[serde(default)]
    unit_id: String,
    #[serde(default)]
    jabatan_id: String,
    #[serde(default)]
    atasan: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    telepon: String,
    #[serde(default)]
    tmt_penempatan: String,
    #[serde(default)]
    versi: String,
}

impl FormPegawai {
    fn isian(&self) -> Isian {
        let mut i = Isian::default();
        for (k, v) in [
            ("nip", &self.nip),
            ("nama", &self.nama),
            ("gelar_depan", &self.gelar_depan),
            ("gelar_belakang", &self.gelar_belakang),
            ("jenis_asn", &self.jenis_asn),
            ("golongan", &self.golongan),
            ("unit_id", &self.unit_id),
            ("jabatan_id", &self.jabatan_id),
            ("atasan", &self.atasan),
            ("status", &self.status),
            ("email", &self.email),
            ("telepon", &self.telepon),
            ("tmt_penempatan", &self.tmt_penempatan),
            ("versi", &self.versi),
        ] {
            i.set(k, v.clone());
        }
        i
    }
}

fn isi_dari_pegawai(d: &DetailPegawai) -> Isian {
    let p = &d.pegawai;
    let mut i = Isian::default();
    let o = |s: &Option<String>| s.clone().unwrap_or_default();
    i.set("nip", o(&p.nip));
    i.set("nama", p.nama.clone());
    i.set("gelar_depan", o(&p.gelar_depan));
    i.set("gelar_belakang", o(&p.gelar_belakang));
    i.set("jenis_asn", p.jenis_asn.clone());
    i.set("golongan", o(&p.golongan));
    i.set("unit_id", p.unit_id.clone());
    i.set("jabatan_id", o(&p.jabatan_id));
    let atasan = d
        .atasan
        .as_ref()
        .map(|a| a.nip.clone().unwrap_or_else(|| a.id.clone()))
        .unwrap_or_default();
    i.set("atasan", atasan);
    i.set("status", p.status.clone());
    i.set("email", o(&p.email));
    i.set("telepon", o(&p.telepon));
    i.set("versi", p.versi.to_string());
    i
}

async fn halaman_form(
    s: &AppState,
    p: &Pengunjung,
    iid: &str,
    id: Option<String>,
    f: Isian,
    st: StatusCode,
) -> HasilHalaman {
    let l = &s.layanan;
    p.konteks.boleh_kelola(iid).atau_halaman(p)?;
    let unit = app::organisasi::unit::pohon_ringan(l, &p.konteks, iid)
        .await
        .atau_halaman(p)?;
    // Hanya jabatan di unit terpilih: daftar seluruh instansi terlalu berat untuk ponsel.
    let jabatan = match f.v("unit_id") {
        "" => Vec::new(),
        u => app::organisasi::jabatan::di_unit(l, &p.konteks, iid, u)
            .await
            .atau_halaman(p)?,
    };
    let judul = if id.is_some() {
        p.konteks.t("Ubah pegawai", "Edit employee")
    } else {
        p.konteks.t("Tambah pegawai", "Add employee")
    };
    let tpl = HalamanForm {
        b: Bingkai::dari(p, judul),
        iid: iid.to_string(),
        id,
        f,
        unit,
        jabatan,
        golongan_pns: referensi::GOLONGAN_PNS.iter().map(|(g, _)| *g).collect(),
        golongan_pppk: referensi::GOLONGAN_PPPK.to_vec(),
        status: referensi::STATUS_PEGAWAI.to_vec(),
    };
    Ok((st, render(&tpl)).into_response())
}

#[derive(Deserialize)]
struct QUnit {
    #[serde(default)]
    unit_id: String,
}

async fn form_baru(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
    Query(q): Query<QUnit>,
) -> HasilHalaman {
    let mut f = Isian::default();
    f.set("unit_id", q.unit_id);
    f.set("jenis_asn", "pns");
    f.set("status", "aktif");
    halaman_form(&s, &p, &iid, None, f, StatusCode::OK).await
}

async fn form_ubah(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
) -> HasilHalaman {
    p.konteks.boleh_kelola(&iid).atau_halaman(&p)?;
    let d = app::organisasi::pegawai::lihat(&s.layanan, &p.konteks, &iid, &id)
        .await
        .atau_halaman(&p)?;
    halaman_form(&s, &p, &iid, Some(id), isi_dari_pegawai(&d), StatusCode::OK).await
}

/// Atasan diketik sebagai NIP (atau id untuk pejabat tanpa NIP).
async fn atasan_id(
    s: &AppState,
    p: &Pengunjung,
    iid: &str,
    teks: &str,
) -> Result<Option<String>, Galat> {
    let t = teks.trim().replace(' ', "");
    if t.is_empty() {
        return Ok(None);
    }
    if t.len() == 18 && t.chars().all(|c| c.is_ascii_digit()) {
        return Ok(Some(
            app::organisasi::pegawai::id_dari_nip(&s.layanan, &p.konteks, iid, &t)
                .await?
                .unwrap_or(t),
        ));
    }
    Ok(Some(t))
}

async fn masukan(
    s: &AppState,
    p: &Pengunjung,
    iid: &str,
    f: &FormPegawai,
) -> Result<MasukanPegawai, Galat> {
    let o = |s: &str| Some(s.to_string()).filter(|s| !s.trim().is_empty());
    Ok(MasukanPegawai {
        nip: o(&f.nip),
        nama: f.nama.clone(),
        gelar_depan: o(&f.gelar_depan),
        gelar_belakang: o(&f.gelar_belakang),
        jenis_asn: f.jenis_asn.clone(),
        golongan: o(&f.golongan),
        unit_id: f.unit_id.clone(),
        jabatan_id: o(&f.jabatan_id),
        atasan_id: atasan_id(s, p, iid, &f.atasan).await?,
        status: o(&f.status),
        email: o(&f.email),
        telepon: o(&f.telepon),
        versi: f.versi.trim().parse().ok(),
        tmt_penempatan: o(&f.tmt_penempatan),
    })
}

/// Galat masukan kembali ke formulir dengan isian utuh; `atasan_id` dipetakan
/// ke kolom `atasan` yang diketik pengguna.
async fn gagal(
    s: &AppState,
    p: &Pengunjung,
    iid: &str,
    id: Option<String>,
    f: &FormPegawai,
    g: Galat,
) -> HasilHalaman {
    let mut i = f.isian();
    let st = super::isian_dari_galat(p, g, &mut i).map_err(|g| super::galat(p, g))?;
    // Formulir memilih atasan lewat kolom `atasan` (NIP atau nama).
    if let Some(m) = i.galat.remove("atasan_id") {
        i.galat.insert("atasan".into(), m);
    }
    halaman_form(s, p, iid, id, i, st).await
}

async fn simpan_baru(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
    Form(f): Form<FormPegawai>,
) -> HasilHalaman {
    p.periksa_csrf(&f.csrf).atau_halaman(&p)?;
    let hasil = match masukan(&s, &p, &iid, &f).await {
        Ok(m) => app::organisasi::pegawai::buat(&s.layanan, &p.konteks, &iid, m).await,
        Err(g) => Err(g),
    };
    match hasil {
        Ok(peg) => Ok(Redirect::to(&format!("/instansi/{iid}/pegawai/{}", peg.id)).into_response()),
        Err(g) => gagal(&s, &p, &iid, None, &f, g).await,
    }
}

async fn simpan_ubah(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
    Form(f): Form<FormPegawai>,
) -> HasilHalaman {
    p.periksa_csrf(&f.csrf).atau_halaman(&p)?;
    let hasil = match masukan(&s, &p, &iid, &f).await {
        Ok(m) => app::organisasi::pegawai::ubah(&s.layanan, &p.konteks, &iid, &id, m).await,
        Err(g) => Err(g),
    };
    match hasil {
        Ok(_) => Ok(Redirect::to(&format!("/instansi/{iid}/pegawai/{id}")).into_response()),
        Err(g) => gagal(&s, &p, &iid, Some(id), &f, g).await,
    }
}

async fn riwayat(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
) -> Result<Response, Response> {
    // Riwayat dulu: tanpa akses penuh ditolak sebelum rekamannya dibaca.
    let c = super::riwayat::ambil(&s, &p, &iid, "pegawai", &id).await?;
    let d = app::organisasi::pegawai::lihat(&s.layanan, &p.konteks, &iid, &id)
        .await
        .atau_halaman(&p)?;
    let kembali = format!("/instansi/{iid}/pegawai/{id}");
    super::riwayat::tampil(&s, &p, &iid, c, &d.pegawai.nama, kembali).await
}
