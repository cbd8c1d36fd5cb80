//! Pohon unit kerja pada suatu tanggal (restrukturisasi berlaku per tanggal),
//! serta formulir tambah dan ubah unit.

use super::{Bingkai, HasilHalaman, Isian, KeHalaman, render};
use crate::AppState;
use crate::pengunjung::Pengunjung;
use app::Galat;
use app::organisasi::referensi;
use app::organisasi::unit::{MasukanUnit, SimpulUnit};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::get;
use axum::{Form, Router};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/instansi/{iid}/unit", get(pohon))
        .route(
            "/instansi/{iid}/unit/baru",
            get(form_baru).post(simpan_baru),
        )
        .route(
            "/instansi/{iid}/unit/{id}/ubah",
            get(form_ubah).post(simpan_ubah),
        )
        .route("/instansi/{iid}/unit/{id}/riwayat", get(riwayat))
        .route(
            "/instansi/{iid}/unit/{id}/jabatan",
            axum::routing::post(tambah_jabatan),
        )
}

#[derive(Template)]
#[template(path = "unit_pohon.html")]
struct HalamanPohon {
    b: Bingkai,
    iid: String,
    tanggal: String,
    simpul: Vec<SimpulUnit>,
    boleh_kelola: bool,
}

impl HalamanPohon {
    fn kelas(&self, d: &usize) -> String {
        format!("d{}", (*d).min(4))
    }
}

#[derive(Deserialize)]
struct QTanggal {
    #[serde(default)]
    tanggal: Option<String>,
}

async fn pohon(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
    Query(q): Query<QTanggal>,
) -> HasilHalaman {
    let tanggal = q
        .tanggal
        .filter(|t| app::organisasi::tanggal_sah(t))
        .unwrap_or_else(app::organisasi::hari_ini);
    let simpul = app::organisasi::unit::pohon(&s.layanan, &p.konteks, &iid, Some(&tanggal))
        .await
        .atau_halaman(&p)?;
    Ok(render(&HalamanPohon {
        b: Bingkai::dari(&p, p.konteks.t("Unit kerja", "Units")),
        boleh_kelola: p.konteks.boleh_kelola(&iid).is_ok(),
        iid,
        tanggal,
        simpul,
    }))
}

#[derive(Template)]
#[template(path = "unit_form.html")]
struct HalamanForm {
    b: Bingkai,
    iid: String,
    id: Option<String>,
    f: Isian,
    unit: Vec<SimpulUnit>,
    jenis: Vec<&'static str>,
    /// Jabatan di unit ini (hanya saat mengubah) dan isian jabatan baru.
    jabatan: Vec<store::organisasi::Jabatan>,
    fj: Isian,
    jenis_jabatan: Vec<&'static str>,
    jenjang: Vec<&'static str>,
}

impl HalamanForm {
    fn indentasi(&self, d: &usize) -> String {
        "\u{a0}\u{a0}".repeat(*d)
    }
}

#[derive(Deserialize, Default)]
struct FormUnit {
    #[serde(default, rename = "_csrf")]
    csrf: String,
    #[serde(default)]
    induk_id: String,
    #[serde(default)]
    nama: String,
    #[serde(default)]
    singkatan: String,
    #[serde(default)]
    jenis: String,
    #[serde(default)]
    urutan: String,
    #[serde(default)]
    berlaku_mulai: String,
    #[serde(default)]
    berlaku_sampai: String,
    #[serde(default)]
    versi: String,
}

impl FormUnit {
    fn isian(&self) -> Isian {
        let mut i = Isian::default();
        for (k, v) in [
            ("induk_id", &self.induk_id),
            ("nama", &self.nama),
            ("singkatan", &self.singkatan),
            ("jenis", &self.jenis),
            ("urutan", &self.urutan),
            ("berlaku_mulai", &self.berlaku_mulai),
            ("berlaku_sampai", &self.berlaku_sampai),
            ("versi", &self.versi),
        ] {
            i.set(k, v.clone());
        }
        i
    }

    fn masukan(&self) -> Result<MasukanUnit, (String, String)> {
        let o = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        let urutan = match o(&self.urutan) {
            None => None,
            Some(u) => Some(u.parse::<i64>().map_err(|_| ("urutan".to_string(), u))?),
        };
        Ok(MasukanUnit {
            induk_id: o(&self.induk_id),
            nama: self.nama.clone(),
            singkatan: o(&self.singkatan),
            jenis: self.jenis.clone(),
            urutan,
            berlaku_mulai: o(&self.berlaku_mulai),
            berlaku_sampai: o(&self.berlaku_sampai),
            versi: self.versi.trim().parse().ok(),
        })
    }
}

async fn halaman_form(
    s: &AppState,
    p: &Pengunjung,
    iid: &str,
    id: Option<String>,
    f: Isian,
    st: StatusCode,
) -> HasilHalaman {
    halaman_form_jabatan(s, p, iid, id, f, Isian::default(), st).await
}

async fn halaman_form_jabatan(
    s: &AppState,
    p: &Pengunjung,
    iid: &str,
    id: Option<String>,
    f: Isian,
    fj: Isian,
    st: StatusCode,
) -> HasilHalaman {
    p.konteks.boleh_kelola(iid).atau_halaman(p)?;
    let unit = app::organisasi::unit::pohon_ringan(&s.layanan, &p.konteks, iid)
        .await
        .atau_halaman(p)?;
    let judul = if id.is_some() {
        p.konteks.t("Ubah unit kerja", "Edit unit")
    } else {
        p.konteks.t("Tambah unit kerja", "Add unit")
    };
    let jabatan = match &id {
        Some(u) => app::organisasi::jabatan::di_unit(&s.layanan, &p.konteks, iid, u)
            .await
            .atau_halaman(p)?,
        None => Vec::new(),
    };
    let tpl = HalamanForm {
        b: Bingkai::dari(p, judul),
        iid: iid.to_string(),
        id,
        f,
        unit,
        jenis: referensi::JENIS_UNIT.to_vec(),
        jabatan,
        fj,
        jenis_jabatan: referensi::JENIS_JABATAN.to_vec(),
        jenjang: referensi::JENJANG_FUNGSIONAL.to_vec(),
    };
    Ok((st, render(&tpl)).into_response())
}

#[derive(Deserialize)]
struct QInduk {
    #[serde(default)]
    induk_id: String,
}

async fn form_baru(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
    Query(q): Query<QInduk>,
) -> HasilHalaman {
    let mut f = Isian::default();
    f.set("induk_id", q.induk_id);
    f.set("jenis", "bidang");
    f.set("berlaku_mulai", app::organisasi::hari_ini());
    halaman_form(&s, &p, &iid, None, f, StatusCode::OK).await
}

async fn form_ubah(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
) -> HasilHalaman {
    p.konteks.boleh_kelola(&iid).atau_halaman(&p)?;
    let u = app::organisasi::unit::lihat(&s.layanan, &p.konteks, &iid, &id)
        .await
        .atau_halaman(&p)?;
    let mut f = Isian::default();
    f.set("induk_id", u.induk_id.unwrap_or_default());
    f.set("nama", u.nama);
    f.set("singkatan", u.singkatan.unwrap_or_default());
    f.set("jenis", u.jenis);
    f.set("urutan", u.urutan.to_string());
    f.set("berlaku_mulai", u.berlaku_mulai);
    f.set("berlaku_sampai", u.berlaku_sampai.unwrap_or_default());
    f.set("versi", u.versi.to_string());
    halaman_form(&s, &p, &iid, Some(id), f, StatusCode::OK).await
}

async fn gagal(
    s: &AppState,
    p: &Pengunjung,
    iid: &str,
    id: Option<String>,
    f: &FormUnit,
    g: Galat,
) -> HasilHalaman {
    let mut i = f.isian();
    let st = super::isian_dari_galat(p, g, &mut i).map_err(|g| super::galat(p, g))?;
    halaman_form(s, p, iid, id, i, st).await
}

fn galat_urutan(p: &Pengunjung) -> Galat {
    let m = p.konteks.t(
        "Urutan harus bilangan bulat.",
        "Order must be a whole number.",
    );
    Galat::input(m, [("urutan".to_string(), m.to_string())].into())
}

async fn simpan_baru(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
    Form(f): Form<FormUnit>,
) -> HasilHalaman {
    p.periksa_csrf(&f.csrf).atau_halaman(&p)?;
    let hasil = match f.masukan() {
        Ok(m) => app::organisasi::unit::buat(&s.layanan, &p.konteks, &iid, m).await,
        Err(_) => Err(galat_urutan(&p)),
    };
    match hasil {
        Ok(_) => Ok(Redirect::to(&format!("/instansi/{iid}/unit")).into_response()),
        Err(g) => gagal(&s, &p, &iid, None, &f, g).await,
    }
}

async fn simpan_ubah(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
    Form(f): Form<FormUnit>,
) -> HasilHalaman {
    p.periksa_csrf(&f.csrf).atau_halaman(&p)?;
    let hasil = match f.masukan() {
        Ok(m) => app::organisasi::unit::ubah(&s.layanan, &p.konteks, &iid, &id, m).await,
        Err(_) => Err(galat_urutan(&p)),
    };
    match hasil {
        Ok(_) => Ok(Redirect::to(&format!("/instansi/{iid}/unit")).into_response()),
        Err(g) => gagal(&s, &p, &iid, Some(id), &f, g).await,
    }
}

async fn riwayat(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
) -> HasilHalaman {
    let u = app::organisasi::unit::lihat(&s.layanan, &p.konteks, &iid, &id)
        .await
        .atau_halaman(&p)?;
    let c = super::riwayat::ambil(&s, &p, &iid, "unit_kerja", &id).await?;
    super::riwayat::tampil(&s, &p, &iid, c, &u.nama, format!("/instansi/{iid}/unit")).await
}

#[derive(Deserialize)]
struct FormJabatan {
    #[serde(default, rename = "_csrf")]
    csrf: String,
    #[serde(default)]
    nama: String,
    #[serde(default)]
    jenis: String,
    #[serde(default)]
    jenjang: String,
}

async fn tambah_jabatan(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
    Form(f): Form<FormJabatan>,
) -> HasilHalaman {
    p.periksa_csrf(&f.csrf).atau_halaman(&p)?;
    let m = app::organisasi::jabatan::MasukanJabatan {
        unit_id: id.clone(),
        nama: f.nama.clone(),
        jenis: f.jenis.clone(),
        jenjang: Some(f.jenjang.clone()).filter(|j| !j.is_empty()),
        kelas: None,
    };
    match app::organisasi::jabatan::buat(&s.layanan, &p.konteks, &iid, m).await {
        Ok(_) => Ok(Redirect::to(&format!("/instansi/{iid}/unit/{id}/ubah")).into_response()),
        Err(Galat::InputTidakValid { pesan, fields, .. }) => {
            let mut fj = Isian::default();
            fj.set("nama", f.nama);
            fj.set("jenis", f.jenis);
            fj.set("jenjang", f.jenjang);
            fj.galat = fields;
            fj.pesan = Some(pesan);
            let u = app::organisasi::unit::lihat(&s.layanan, &p.konteks, &iid, &id)
                .await
                .atau_halaman(&p)?;
            let mut fu = Isian::default();
            fu.set("induk_id", u.induk_id.unwrap_or_default());
            fu.set("nama", u.nama);
            fu.set("singkatan", u.singkatan.unwrap_or_default());
            fu.set("jenis", u.jenis);
            fu.set("urutan", u.urutan.to_string());
            fu.set("berlaku_mulai", u.berlaku_mulai);
            fu.set("berlaku_sampai", u.berlaku_sampai.unwrap_or_default());
            fu.set("versi", u.versi.to_string());
            halaman_form_jabatan(
                &s,
                &p,
                &iid,
                Some(id),
                fu,
                fj,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(g) => Err(super::galat(&p, g)),
    }
}
