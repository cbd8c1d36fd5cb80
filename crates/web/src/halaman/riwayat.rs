//! Halaman riwayat perubahan (jejak audit) satu rekaman, per kolom.

use super::{Bingkai, KeHalaman, render};
use crate::AppState;
use crate::pengunjung::Pengunjung;
use askama::Template;
use axum::response::Response;

#[derive(Template)]
#[template(path = "riwayat.html")]
struct HalamanRiwayat {
    b: Bingkai,
    kembali: String,
    zona: String,
    catatan: Vec<(app::audit::Catatan, Vec<app::audit::Perubahan>)>,
}

/// Riwayat satu objek (kebijakan per jenis objek di `app::kebijakan`).
pub async fn ambil(
    s: &AppState,
    p: &Pengunjung,
    iid: &str,
    jenis_objek: &str,
    id: &str,
) -> Result<Vec<app::audit::Catatan>, Response> {
    app::audit::riwayat(&s.layanan, &p.konteks, iid, jenis_objek, id)
        .await
        .atau_halaman(p)
}

/// Halaman dari catatan yang sudah diambil lewat `ambil`.
pub async fn tampil(
    s: &AppState,
    p: &Pengunjung,
    iid: &str,
    c: Vec<app::audit::Catatan>,
    nama: &str,
    kembali: String,
) -> Result<Response, Response> {
    let catatan = c
        .into_iter()
        .map(|c| {
            let beda = app::audit::beda(c.sebelum.as_deref(), c.sesudah.as_deref());
            (c, beda)
        })
        .collect();
    let judul = format!(
        "{} · {nama}",
        p.konteks.t("Riwayat perubahan", "Change history")
    );
    let zona = app::organisasi::instansi::lihat(&s.layanan, &p.konteks, iid)
        .await
        .atau_halaman(p)?
        .zona_waktu;
    Ok(render(&HalamanRiwayat {
        b: Bingkai::dari(p, judul),
        kembali,
        zona,
        catatan,
    }))
}
