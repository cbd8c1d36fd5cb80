//! Halaman perubahan nomenklatur (isu 9): daftar keputusan perubahan
//! Kepmendagri yang dimuat (siapa pun yang masuk) dan formulir memuat yang
//! baru (super admin): berkas CSV/XLSX berisi baris `ubah`/`hapus` beserta
//! nomor keputusan, versi dasar dan tahun berlakunya. Laporan per baris bila
//! ditolak; semua atau tidak sama sekali (`app::impor::impor_nomenklatur`).

use super::{Bingkai, HasilHalaman, Isian, KeHalaman, render};
use crate::AppState;
use crate::halaman::impor::{Unggahan, baca_unggahan};
use crate::pengunjung::Pengunjung;
use app::impor::{CatatanBaris, MasukanVersi};
use askama::Template;
use axum::Router;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{DefaultBodyLimit, Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::get;
use rules::anggaran::VersiNomenklatur;

pub fn router() -> Router<AppState> {
    Router::new().route(
        "/nomenklatur",
        get(halaman).post(muat).layer(DefaultBodyLimit::max(
            app::impor::BATAS_UKURAN + 1024 * 1024,
        )),
    )
}

#[derive(Template)]
#[template(path = "nomenklatur.html")]
struct HalamanNomenklatur {
    b: Bingkai,
    versi: Vec<store::nomenklatur::VersiNomenklatur>,
    dasar: Vec<&'static str>,
    boleh_muat: bool,
    isian: Isian,
    galat: Vec<CatatanBaris>,
    galat_lain: usize,
}

#[derive(serde::Deserialize, Default)]
struct TanyaOk {
    #[serde(default)]
    ok: String,
}

async fn tampil(
    s: &AppState,
    p: &Pengunjung,
    isian: Isian,
    galat: Vec<CatatanBaris>,
    galat_lain: usize,
    st: StatusCode,
) -> HasilHalaman {
    let versi = app::perencanaan::daftar_versi_nomenklatur(&s.layanan, &p.konteks)
        .await
        .atau_halaman(p)?;
    let b = Bingkai::dari(
        p,
        p.konteks
            .t("Perubahan nomenklatur", "Nomenclature amendments"),
    );
    let boleh_muat = b.super_admin;
    let r = render(&HalamanNomenklatur {
        b,
        versi,
        dasar: VersiNomenklatur::SEMUA.iter().map(|v| v.token()).collect(),
        boleh_muat,
        isian,
        galat,
        galat_lain,
    });
    Ok((st, r).into_response())
}

async fn halaman(
    State(s): State<AppState>,
    p: Pengunjung,
    Query(q): Query<TanyaOk>,
) -> HasilHalaman {
    let mut isian = Isian::default();
    if q.ok == "1" {
        isian.pesan = Some(
            p.konteks
                .t(
                    "Perubahan dimuat; rencana tahun berlakunya dibaca dengan perubahan ini.",
                    "Amendment loaded; plans of its years are read with it.",
                )
                .into(),
        );
    }
    tampil(&s, &p, isian, Vec::new(), 0, StatusCode::OK).await
}

async fn muat(
    State(s): State<AppState>,
    p: Pengunjung,
    mp: Result<Multipart, MultipartRejection>,
) -> HasilHalaman {
    let k = &p.konteks;
    k.wajib_super_admin().atau_halaman(&p)?;
    let gagal = |pesan: &str| Isian {
        pesan: Some(pesan.to_string()),
        galat: [("berkas".to_string(), pesan.to_string())].into(),
        ..Default::default()
    };
    let rusak = k.t(
        "Unggahan tidak terbaca. Pilih berkas lalu kirim lagi dari formulir ini.",
        "The upload could not be read. Choose the file and submit again from this form.",
    );
    let Ok(mp) = mp else {
        return tampil(&s, &p, gagal(rusak), Vec::new(), 0, StatusCode::BAD_REQUEST).await;
    };
    let (csrf, nama, isi, lain) = match baca_unggahan(mp).await {
        Unggahan::Ada {
            csrf,
            nama,
            isi,
            lain,
        } => (csrf, nama, isi, lain),
        Unggahan::TerlaluBesar => {
            let m = k.t(
                "Berkas lebih dari 10 MB; simpan sebagai XLSX yang lebih ringkas lalu unggah lagi.",
                "The file is larger than 10 MB; save it as the more compact XLSX and upload again.",
            );
            return tampil(
                &s,
                &p,
                gagal(m),
                Vec::new(),
                0,
                StatusCode::PAYLOAD_TOO_LARGE,
            )
            .await;
        }
        Unggahan::Rusak => {
            return tampil(&s, &p, gagal(rusak), Vec::new(), 0, StatusCode::BAD_REQUEST).await;
        }
    };
    p.periksa_csrf(&csrf).atau_halaman(&p)?;
    // Yang diketik dikembalikan ke formulir bila ditolak.
    let mut isian = Isian::default();
    for (kunci, nilai) in &lain {
        isian.set(kunci, nilai.clone());
    }
    let v = |kunci: &str| {
        lain.get(kunci)
            .map(|x| x.trim().to_string())
            .unwrap_or_default()
    };
    let berlaku = v("berlaku_tahun");
    let Ok(berlaku_tahun) = berlaku.parse::<i64>() else {
        isian.galat.insert(
            "berlaku_tahun".into(),
            k.t("Isi tahun, mis. 2027.", "Give a year, e.g. 2027.")
                .into(),
        );
        isian.pesan = Some(
            k.t(
                "Perubahan belum dapat dimuat.",
                "The amendment cannot be loaded.",
            )
            .into(),
        );
        return tampil(
            &s,
            &p,
            isian,
            Vec::new(),
            0,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    if isi.is_empty() {
        let m = k.t(
            "Pilih berkas CSV atau XLSX lebih dulu.",
            "Choose a CSV or XLSX file first.",
        );
        isian.galat.insert("berkas".into(), m.into());
        isian.pesan = Some(m.into());
        return tampil(
            &s,
            &p,
            isian,
            Vec::new(),
            0,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let m = MasukanVersi {
        kode: v("kode"),
        judul: v("judul"),
        dasar: v("dasar"),
        berlaku_tahun,
        tanggal_penetapan: v("tanggal_penetapan"),
    };
    match app::impor::impor_nomenklatur(&s.layanan, k, m, &nama, &isi).await {
        Ok(h) if h.versi.is_some() => Ok(Redirect::to("/nomenklatur?ok=1").into_response()),
        Ok(h) => {
            isian.pesan = Some(
                k.t(
                    "Berkas ditolak; tidak ada yang dimuat. Perbaiki baris berikut lalu unggah lagi.",
                    "The file was refused; nothing was loaded. Fix these rows and upload again.",
                )
                .into(),
            );
            let lain = h.laporan.jumlah_galat.saturating_sub(h.laporan.galat.len());
            tampil(
                &s,
                &p,
                isian,
                h.laporan.galat,
                lain,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(g @ app::Galat::InputTidakValid { .. }) => {
            isian.pesan = Some(crate::galat::pesan_aman(&g, p.bahasa()));
            isian.galat = crate::galat::kolom_galat(&g, p.bahasa());
            tampil(
                &s,
                &p,
                isian,
                Vec::new(),
                0,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(g) => Err(super::galat(&p, g)),
    }
}
