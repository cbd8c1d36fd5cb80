//! Rencana SKP dari berkas (ekspor/impor XLSX/CSV) dan templat per jabatan (BKD).

use super::*;

/// Formulir multipart berkas: `_csrf`, isian teks pendek, dan satu berkas
/// `berkas` (batas ukuran impor).
pub(super) async fn baca_formulir_berkas(
    mp: Result<Multipart, axum::extract::multipart::MultipartRejection>,
    k: &app::Konteks,
    teks: &[&str],
) -> Result<(HashMap<String, String>, Option<(String, Vec<u8>)>), app::Galat> {
    let rusak = || {
        app::Galat::input(
            k.t("Formulir tidak terbaca.", "The form could not be read."),
            Default::default(),
        )
    };
    let mut mp = mp.map_err(|_| rusak())?;
    let mut isian = HashMap::new();
    let mut berkas = None;
    while let Some(mut f) = mp.next_field().await.map_err(|_| rusak())? {
        let nama = f.name().unwrap_or("").to_string();
        let (batas, simpan_berkas) = if nama == "berkas" {
            (app::impor::BATAS_UKURAN, true)
        } else if nama == "_csrf" || teks.contains(&nama.as_str()) {
            (16 * 1024, false)
        } else {
            continue;
        };
        let nama_berkas = f.file_name().unwrap_or("").to_string();
        let mut isi = Vec::new();
        while let Some(x) = f.chunk().await.map_err(|_| rusak())? {
            if isi.len() + x.len() > batas {
                return Err(app::Galat::TerlaluBesar(
                    k.t("Berkas lebih dari 10 MB.", "The file is larger than 10 MB.")
                        .into(),
                ));
            }
            isi.extend_from_slice(&x);
        }
        if simpan_berkas {
            if !isi.is_empty() {
                berkas = Some((nama_berkas, isi));
            }
        } else {
            isian.insert(nama, String::from_utf8_lossy(&isi).into_owned());
        }
    }
    Ok((isian, berkas))
}

pub(super) fn pilih_berkas(k: &app::Konteks) -> app::Galat {
    app::Galat::input(
        k.t("Pilih berkas XLSX atau CSV.", "Choose an XLSX or CSV file."),
        [(
            "berkas".to_string(),
            k.t("Pilih berkas XLSX atau CSV.", "Choose an XLSX or CSV file.")
                .to_string(),
        )]
        .into(),
    )
}

pub(super) fn ringkas_laporan(
    k: &app::Konteks,
    lap: &sk::rencana_berkas::LaporanRencanaSkp,
) -> String {
    if !lap.berubah {
        return k
            .t(
                "Berkas sama dengan rencana yang tersimpan; tidak ada yang berubah.",
                "The file matches the saved plan; nothing changed.",
            )
            .to_string();
    }
    match k.bahasa {
        app::Bahasa::Id => format!(
            "Rencana diperbarui: RHK {} baru, {} diubah, {} dihapus; indikator {} baru, {} diubah, {} dihapus.",
            lap.rhk_dibuat,
            lap.rhk_diubah,
            lap.rhk_dihapus,
            lap.indikator_dibuat,
            lap.indikator_diubah,
            lap.indikator_dihapus
        ),
        app::Bahasa::En => format!(
            "Plan updated: results {} new, {} changed, {} removed; indicators {} new, {} changed, {} removed.",
            lap.rhk_dibuat,
            lap.rhk_diubah,
            lap.rhk_dihapus,
            lap.indikator_dibuat,
            lap.indikator_diubah,
            lap.indikator_dihapus
        ),
    }
}

pub(super) fn pesan_ditolak(k: &app::Konteks, n: usize) -> String {
    match k.bahasa {
        app::Bahasa::Id => format!("Impor ditolak: {n} galat; tidak ada yang disimpan."),
        app::Bahasa::En => format!("Import rejected: {n} errors; nothing was saved."),
    }
}

/// Impor rencana SKP (RHK dan IKI) dari berkas lewat halaman.
pub(super) async fn impor_rencana(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(id): Path<String>,
    mp: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> HasilHalaman {
    let iid = instansi(&p)?;
    let k = &p.konteks;
    let hasil = async {
        let (isian, berkas) = baca_formulir_berkas(mp, k, &[]).await?;
        p.periksa_csrf(isian.get("_csrf").map_or("", String::as_str))?;
        let (nama, isi) = berkas.ok_or_else(|| pilih_berkas(k))?;
        sk::rencana_berkas::impor(&s.layanan, k, &iid, &id, &nama, &isi).await
    }
    .await;
    match hasil {
        Ok(lap) if lap.diterima => {
            halaman_detail(&s, &p, &id, Some(ringkas_laporan(k, &lap)), None).await
        }
        Ok(lap) => {
            let pesan = pesan_ditolak(k, lap.jumlah_galat);
            let r = halaman_detail_rencana(&s, &p, &id, None, Some(pesan), lap.galat).await?;
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, r).into_response())
        }
        Err(g) => dengan_galat(&s, &p, &id, g).await,
    }
}

#[derive(serde::Deserialize)]
pub(super) struct FormCsrf {
    #[serde(rename = "_csrf", default)]
    csrf: String,
}

/// BKD: rencana SKP ini menjadi templat jabatannya.
pub(super) async fn jadikan_templat(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(id): Path<String>,
    Form(f): Form<FormCsrf>,
) -> HasilHalaman {
    p.periksa_csrf(&f.csrf).atau_halaman(&p)?;
    let iid = instansi(&p)?;
    match sk::templat::dari_skp(&s.layanan, &p.konteks, &iid, &id).await {
        Ok(_) => Ok(Redirect::to("/skp/templat?ok=simpan").into_response()),
        Err(g) => dengan_galat(&s, &p, &id, g).await,
    }
}

#[derive(Template)]
#[template(path = "skp_templat.html")]
pub(super) struct HalamanTemplat {
    b: Bingkai,
    templat: Vec<sk::templat::TampilanTemplat>,
    /// (id, "jabatan — unit") untuk formulir unggah, paling banyak
    /// `MAKS_PILIHAN_JABATAN` yang cocok dengan saringan.
    jabatan: Vec<(String, String)>,
    jabatan_dipilih: String,
    cari: String,
    jumlah_cocok: usize,
    terpotong: bool,
    pesan: Option<String>,
    galat: Option<String>,
    galat_baris: Vec<app::impor::CatatanBaris>,
}

/// Pilihan jabatan di formulir templat paling banyak sekian (halaman tetap
/// kecil di instansi dengan ribuan jabatan); sisanya lewat saringan nama.
pub(super) const MAKS_PILIHAN_JABATAN: usize = 40;

pub(super) async fn render_templat(
    s: &AppState,
    p: &Pengunjung,
    pesan: Option<String>,
    galat: Option<String>,
    galat_baris: Vec<app::impor::CatatanBaris>,
    jabatan_dipilih: String,
    cari: &str,
) -> HasilHalaman {
    let iid = instansi(p)?;
    let l = &s.layanan;
    let templat = sk::templat::daftar(l, &p.konteks, &iid)
        .await
        .atau_halaman(p)?;
    let unit: HashMap<String, String> = store::organisasi::semua_unit(l.pool(), &iid)
        .await
        .map_err(app::Galat::from)
        .atau_halaman(p)?
        .into_iter()
        .map(|u| (u.id, u.nama))
        .collect();
    let cari = cari.trim().to_lowercase();
    let mut jabatan: Vec<(String, String)> = Vec::new();
    let mut jumlah_cocok = 0usize;
    for j in store::organisasi::semua_jabatan(l.pool(), &iid)
        .await
        .map_err(app::Galat::from)
        .atau_halaman(p)?
    {
        let label = match unit.get(&j.unit_id) {
            Some(u) => format!("{} — {u}", j.nama),
            None => j.nama.clone(),
        };
        let cocok = cari.is_empty() || label.to_lowercase().contains(&cari);
        if cocok {
            jumlah_cocok += 1;
        }
        if (cocok && jabatan.len() < MAKS_PILIHAN_JABATAN) || j.id == jabatan_dipilih {
            jabatan.push((j.id, label));
        }
    }
    let b = Bingkai::dari(p, p.konteks.t("Templat SKP", "Plan templates"));
    Ok(render(&HalamanTemplat {
        b,
        templat,
        terpotong: jumlah_cocok > MAKS_PILIHAN_JABATAN,
        jumlah_cocok,
        cari,
        jabatan,
        jabatan_dipilih,
        pesan,
        galat,
        galat_baris,
    }))
}

#[derive(serde::Deserialize)]
pub(super) struct TanyaTemplat {
    #[serde(default)]
    ok: String,
    /// Saringan nama jabatan/unit untuk pilihan formulir unggah.
    #[serde(default)]
    cari: String,
}

pub(super) async fn halaman_templat(
    State(s): State<AppState>,
    p: Pengunjung,
    Query(q): Query<TanyaTemplat>,
) -> HasilHalaman {
    let k = &p.konteks;
    let pesan = match q.ok.as_str() {
        "simpan" => Some(k.t("Templat tersimpan.", "Template saved.").to_string()),
        "hapus" => Some(k.t("Templat dihapus.", "Template deleted.").to_string()),
        _ => None,
    };
    render_templat(&s, &p, pesan, None, Vec::new(), String::new(), &q.cari).await
}

/// Galat formulir templat: di halaman templat, isian jabatan dipertahankan.
pub(super) async fn templat_galat(
    s: &AppState,
    p: &Pengunjung,
    g: app::Galat,
    jabatan: String,
) -> HasilHalaman {
    match g {
        g @ (app::Galat::InputTidakValid { .. }
        | app::Galat::TerlaluBesar(_)
        | app::Galat::TidakDitemukan(_)
        | app::Galat::Status { .. }) => {
            let mut pesan = crate::galat::pesan_aman(&g, p.bahasa());
            for (kolom, isi) in crate::galat::kolom_galat(&g, p.bahasa()) {
                pesan.push_str(&format!(" {kolom}: {isi}"));
            }
            let st = crate::galat::status(&g);
            let r = render_templat(s, p, None, Some(pesan), Vec::new(), jabatan, "").await?;
            Ok((st, r).into_response())
        }
        g => Err(crate::halaman::galat(p, g)),
    }
}

pub(super) async fn unggah_templat(
    State(s): State<AppState>,
    p: Pengunjung,
    mp: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> HasilHalaman {
    let iid = instansi(&p)?;
    let k = &p.konteks;
    let mut jabatan = String::new();
    let hasil = async {
        let (isian, berkas) = baca_formulir_berkas(mp, k, &["jabatan_id"]).await?;
        p.periksa_csrf(isian.get("_csrf").map_or("", String::as_str))?;
        jabatan = isian.get("jabatan_id").cloned().unwrap_or_default();
        let (nama, isi) = berkas.ok_or_else(|| pilih_berkas(k))?;
        sk::templat::unggah(&s.layanan, k, &iid, &jabatan, &nama, &isi).await
    }
    .await;
    match hasil {
        Ok(lap) if lap.diterima => Ok(Redirect::to("/skp/templat?ok=simpan").into_response()),
        Ok(lap) => {
            let pesan = pesan_ditolak(k, lap.jumlah_galat);
            let r = render_templat(&s, &p, None, Some(pesan), lap.galat, jabatan, "").await?;
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, r).into_response())
        }
        Err(g) => templat_galat(&s, &p, g, jabatan).await,
    }
}

#[derive(serde::Deserialize, Default)]
pub(super) struct TanyaFormatHalaman {
    #[serde(default)]
    format: String,
}

pub(super) async fn unduh_templat(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(jid): Path<String>,
    Query(q): Query<TanyaFormatHalaman>,
) -> HasilHalaman {
    let iid = instansi(&p)?;
    let format = app::impor::Format::dari_kode(&q.format).unwrap_or(app::impor::Format::Xlsx);
    let isi = sk::templat::unduh(&s.layanan, &p.konteks, &iid, &jid, format)
        .await
        .atau_halaman(&p)?;
    let nama = match format {
        app::impor::Format::Csv => "templat-skp.csv",
        app::impor::Format::Xlsx => "templat-skp.xlsx",
    };
    Ok(crate::halaman::impor::unduhan(nama, format, isi))
}

pub(super) async fn hapus_templat(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(jid): Path<String>,
    Form(f): Form<FormCsrf>,
) -> HasilHalaman {
    p.periksa_csrf(&f.csrf).atau_halaman(&p)?;
    let iid = instansi(&p)?;
    match sk::templat::hapus(&s.layanan, &p.konteks, &iid, &jid).await {
        Ok(()) => Ok(Redirect::to("/skp/templat?ok=hapus").into_response()),
        Err(g) => templat_galat(&s, &p, g, String::new()).await,
    }
}
