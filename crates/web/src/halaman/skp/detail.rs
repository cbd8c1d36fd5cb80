//! Satu SKP: menyusun RHK, mengajukan, mencatat realisasi dengan foto
//! (juga lewat antrean luring), impor realisasi, umpan balik dan rating penilai.

use super::*;

pub(super) struct RealisasiTampil {
    id: String,
    periode: String,
    realisasi: String,
    catatan: String,
    status: &'static str,
    kelas: &'static str,
    umpan_balik: String,
    bukti: Option<String>,
    tautan: Option<String>,
    menunggu: bool,
    versi: i64,
}

pub(super) struct IndikatorTampil {
    id: String,
    aspek: String,
    uraian: String,
    target: String,
    satuan: String,
    realisasi: Vec<RealisasiTampil>,
}

pub(super) struct RhkTampil {
    jenis: String,
    uraian: String,
    atasan: Option<String>,
    indikator: Vec<IndikatorTampil>,
}

pub(super) struct PeriodeTampil {
    kode: String,
    label: String,
    predikat: Option<String>,
    rating_hasil: String,
    rating_perilaku: String,
    versi: i64,
    /// Saran rating hasil kerja (label, alasan) bagi penilai; tidak mengikat.
    saran: Option<(String, String)>,
}

#[derive(Template)]
#[template(path = "skp_detail.html")]
pub(super) struct HalamanDetail {
    b: Bingkai,
    js: &'static str,
    skp: sk::TampilanSkp,
    iid: String,
    pemilik: String,
    penilai: String,
    status: String,
    kelas: &'static str,
    boleh_ubah: bool,
    langkah_pemilik: Vec<(&'static str, &'static str)>,
    langkah_penilai: Vec<(&'static str, &'static str)>,
    rhk: Vec<RhkTampil>,
    periode_realisasi: Vec<(String, String)>,
    periode_nilai: Vec<PeriodeTampil>,
    rating: Vec<(&'static str, &'static str)>,
    riwayat: Vec<(String, String, String)>,
    pesan: Option<String>,
    galat: Option<String>,
    /// Galat per baris impor rencana.
    galat_rencana: Vec<app::impor::CatatanBaris>,
    /// BKD: tombol "jadikan templat".
    bkd: bool,
}

pub(super) fn label_status(t: &crate::halaman::Teks, s: &str) -> (String, &'static str) {
    let st = StatusSkp::dari_token(s).unwrap_or(StatusSkp::Draf);
    (
        st.label(t.0).to_string(),
        match st {
            StatusSkp::Disetujui => "st-hijau",
            StatusSkp::Dikembalikan => "st-merah",
            StatusSkp::Diajukan => "st-kuning",
            StatusSkp::Draf => "st-biasa",
        },
    )
}

pub(super) fn label_langkah(t: &crate::halaman::Teks, l: LangkahSkp) -> &'static str {
    match l {
        LangkahSkp::Ajukan => t.s("Ajukan ke penilai", "Submit to evaluator"),
        LangkahSkp::Setujui => t.s("Setujui", "Approve"),
        LangkahSkp::Kembalikan => t.s("Kembalikan dengan catatan", "Return with comments"),
        LangkahSkp::BukaRevisi => t.s("Buka revisi", "Reopen for revision"),
    }
}

pub(super) async fn halaman_detail(
    s: &AppState,
    p: &Pengunjung,
    id: &str,
    pesan: Option<String>,
    galat: Option<String>,
) -> HasilHalaman {
    halaman_detail_rencana(s, p, id, pesan, galat, Vec::new()).await
}

pub(super) async fn halaman_detail_rencana(
    s: &AppState,
    p: &Pengunjung,
    id: &str,
    pesan: Option<String>,
    galat: Option<String>,
    galat_rencana: Vec<app::impor::CatatanBaris>,
) -> HasilHalaman {
    let iid = instansi(p)?;
    let l = &s.layanan;
    let k = &p.konteks;
    let skp = sk::skp_satu(l, k, &iid, id).await.atau_halaman(p)?;
    let b = Bingkai::dari(p, format!("SKP {}", skp.tahun));
    let t = b.t;
    let realisasi = sk::realisasi::daftar(l, k, &iid, id)
        .await
        .atau_halaman(p)?;
    let evaluasi = sk::evaluasi::daftar(l, k, &iid, id).await.atau_halaman(p)?;
    let riwayat = sk::riwayat_langkah(l, k, &iid, id).await.atau_halaman(p)?;
    let frek = sk::periode::periode(l, k, &iid, skp.tahun)
        .await
        .atau_halaman(p)?
        .and_then(|x| Frekuensi::dari_token(&x.frekuensi))
        .unwrap_or(Frekuensi::Triwulanan);
    let zona = store::organisasi::instansi(l.pool(), &iid)
        .await
        .ok()
        .flatten()
        .map(|i| i.zona_waktu)
        .unwrap_or_else(|| "WIT".into());
    // Uraian RHK atasan yang diintervensi (satu SKP, sedikit baris).
    let mut atasan: HashMap<String, String> = HashMap::new();
    for r in &skp.rhk {
        if let Some(a) = &r.rhk_atasan_id {
            if let Ok(Some(x)) = store::skp::rhk(l.pool(), &iid, a).await {
                atasan.insert(a.clone(), x.uraian);
            }
        }
    }
    let mut per_ind: HashMap<&str, Vec<RealisasiTampil>> = HashMap::new();
    for r in &realisasi {
        let (status, kelas) = match r.status.as_str() {
            "diverifikasi" => (t.s("diverifikasi", "verified"), "st-hijau"),
            "ditolak" => (t.s("ditolak", "rejected"), "st-merah"),
            _ => (
                t.s("menunggu umpan balik", "awaiting feedback"),
                "st-kuning",
            ),
        };
        per_ind
            .entry(r.indikator_id.as_str())
            .or_default()
            .push(RealisasiTampil {
                id: r.id.clone(),
                periode: Periode::urai(&r.periode)
                    .map(|x| x.label(t.0))
                    .unwrap_or_else(|_| r.periode.clone()),
                realisasi: r.realisasi.replace('.', ","),
                catatan: r.catatan.clone().unwrap_or_default(),
                status,
                kelas,
                umpan_balik: r.umpan_balik.clone().unwrap_or_default(),
                bukti: r.bukti_id.clone(),
                tautan: r.tautan.clone(),
                menunggu: r.status == "menunggu",
                versi: r.versi,
            });
    }
    let rhk = skp
        .rhk
        .iter()
        .map(|r| RhkTampil {
            jenis: if r.jenis == "utama" {
                t.s("Utama", "Main")
            } else {
                t.s("Tambahan", "Additional")
            }
            .to_string(),
            uraian: r.uraian.clone(),
            atasan: r
                .rhk_atasan_id
                .as_ref()
                .and_then(|a| atasan.get(a).cloned()),
            indikator: r
                .indikator
                .iter()
                .map(|i| IndikatorTampil {
                    id: i.id.clone(),
                    aspek: i.aspek.clone(),
                    uraian: i.uraian.clone(),
                    target: i.target.replace('.', ","),
                    satuan: i.satuan.clone(),
                    realisasi: per_ind.remove(i.id.as_str()).unwrap_or_default(),
                })
                .collect(),
        })
        .collect();
    let st = StatusSkp::dari_token(&skp.status).unwrap_or(StatusSkp::Draf);
    let langkah_untuk = |pelaku: PelakuSkp| -> Vec<(&'static str, &'static str)> {
        rules::skp::langkah_tersedia(st, pelaku)
            .into_iter()
            .map(|x| (x.token(), label_langkah(&t, x)))
            .collect()
    };
    let (status, kelas) = label_status(&t, &skp.status);
    let mut periode_nilai: Vec<PeriodeTampil> = rules::skp::daftar_periode(skp.tahun as i32, frek)
        .into_iter()
        .chain(Periode::urai(&format!("{}-TAHUNAN", skp.tahun)).ok())
        .map(|x| PeriodeTampil {
            kode: x.kode(),
            label: x.label(t.0),
            predikat: None,
            rating_hasil: String::new(),
            rating_perilaku: String::new(),
            versi: 0,
            saran: if skp.hak.penilai {
                sk::evaluasi::saran_hasil(&skp, &realisasi, &x.kode(), t.0)
                    .map(|r| (r.rating.label(t.0).to_string(), r.alasan))
            } else {
                None
            },
        })
        .collect();
    if skp.hak.penilai {
        // Pimpinan unit: rating hasil mengikuti predikat organisasi unitnya.
        let kode: Vec<String> = periode_nilai.iter().map(|x| x.kode.clone()).collect();
        let saran = sk::evaluasi::saran_pimpinan(l, &iid, &skp, &kode, t.0)
            .await
            .atau_halaman(p)?;
        for (x, s) in periode_nilai.iter_mut().zip(saran) {
            match s {
                Some((Some(r), pesan)) => {
                    x.saran = Some((r.label(t.0).to_string(), pesan));
                    x.rating_hasil = r.token().to_string();
                }
                Some((None, pesan)) => {
                    x.saran = Some(match x.saran.take() {
                        Some((r, a)) => (r, format!("{a} {pesan}")),
                        None => ("—".to_string(), pesan),
                    });
                }
                None => {}
            }
        }
    }
    for e in &evaluasi {
        if let Some(x) = periode_nilai.iter_mut().find(|x| x.kode == e.periode) {
            x.predikat = Some(e.predikat_label.clone());
            x.rating_hasil = e.rating_hasil.clone();
            x.rating_perilaku = e.rating_perilaku.clone();
            x.versi = e.versi;
        }
    }
    let pemilik = nama_pegawai(s, &iid, Some(&skp.pegawai_id)).await;
    let penilai = nama_pegawai(s, &iid, skp.penilai_id.as_deref()).await;
    let riwayat = riwayat
        .iter()
        .map(|r| {
            (
                t.waktu(&r.pada, &zona),
                label_status(&t, &r.ke).0,
                r.catatan.clone().unwrap_or_default(),
            )
        })
        .collect();
    let bkd = sk::periode::wajib_bkd(k, &iid).is_ok();
    Ok(render(&HalamanDetail {
        js: JS_ANTREAN_PATH.as_str(),
        iid,
        pemilik,
        penilai,
        status,
        kelas,
        boleh_ubah: skp.hak.pemilik && rules::skp::boleh_ubah_isi(st) && skp.aktif,
        langkah_pemilik: if skp.hak.pemilik {
            langkah_untuk(PelakuSkp::Pegawai)
        } else {
            Vec::new()
        },
        langkah_penilai: if skp.hak.penilai {
            langkah_untuk(PelakuSkp::Penilai)
        } else {
            Vec::new()
        },
        rhk,
        periode_realisasi: rules::skp::daftar_periode(skp.tahun as i32, frek)
            .into_iter()
            .map(|x| (x.kode(), x.label(t.0)))
            .collect(),
        periode_nilai,
        rating: RatingKinerja::SEMUA
            .iter()
            .map(|r| (r.token(), r.label(t.0)))
            .collect(),
        riwayat,
        pesan,
        galat,
        galat_rencana,
        bkd,
        skp,
        b,
    }))
}

pub(super) async fn detail(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(id): Path<String>,
    Query(q): Query<TanyaTahun>,
) -> HasilHalaman {
    let k = &p.konteks;
    let pesan = match q.ok.as_str() {
        "rhk" => Some(k.t("RHK tersimpan.", "Result saved.")),
        "langkah" => Some(k.t("Status SKP diperbarui.", "Plan status updated.")),
        "realisasi" => Some(k.t(
            "Realisasi terkirim; menunggu umpan balik penilai.",
            "Result sent; awaiting the evaluator's feedback.",
        )),
        "umpan-balik" => Some(k.t("Umpan balik tersimpan.", "Feedback saved.")),
        "evaluasi" => Some(k.t("Rating tersimpan.", "Rating saved.")),
        _ => None,
    }
    .map(str::to_string);
    halaman_detail(&s, &p, &id, pesan, None).await
}

/// Galat formulir: pesan di halaman SKP itu sendiri (isian kolom disebut).
pub(super) async fn dengan_galat(
    s: &AppState,
    p: &Pengunjung,
    id: &str,
    g: app::Galat,
) -> HasilHalaman {
    match g {
        g @ (app::Galat::InputTidakValid { .. }
        | app::Galat::TerlaluBesar(_)
        | app::Galat::Konflik(_)
        | app::Galat::VersiWajib(_)
        | app::Galat::Status { .. }) => {
            let mut pesan = crate::galat::pesan_aman(&g, p.bahasa());
            for (kolom, isi) in crate::galat::kolom_galat(&g, p.bahasa()) {
                pesan.push_str(&format!(" {kolom}: {isi}"));
            }
            let st = crate::galat::status(&g);
            let r = halaman_detail(s, p, id, None, Some(pesan)).await?;
            Ok((st, r).into_response())
        }
        g => Err(crate::halaman::galat(p, g)),
    }
}

#[derive(serde::Deserialize)]
pub(super) struct FormRhk {
    #[serde(rename = "_csrf", default)]
    csrf: String,
    #[serde(default)]
    jenis: String,
    #[serde(default)]
    uraian: String,
    #[serde(default)]
    rhk_atasan_id: String,
    #[serde(default)]
    aspek: String,
    #[serde(default)]
    indikator: String,
    #[serde(default)]
    target: String,
    #[serde(default)]
    satuan: String,
    #[serde(default)]
    versi: i64,
}

pub(super) async fn tambah_rhk(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(id): Path<String>,
    Form(f): Form<FormRhk>,
) -> HasilHalaman {
    p.periksa_csrf(&f.csrf).atau_halaman(&p)?;
    let iid = instansi(&p)?;
    let m = MasukanRhk {
        jenis: f.jenis,
        uraian: f.uraian,
        rhk_atasan_id: Some(f.rhk_atasan_id).filter(|x| !x.trim().is_empty()),
        perspektif: None,
        jam_beban: None,
        indikator: if f.indikator.trim().is_empty() {
            Vec::new()
        } else {
            vec![MasukanIndikator {
                aspek: f.aspek,
                uraian: f.indikator,
                target: f.target,
                satuan: f.satuan,
            }]
        },
        versi: Some(f.versi),
    };
    match sk::tambah_rhk(&s.layanan, &p.konteks, &iid, &id, m).await {
        Ok(_) => Ok(Redirect::to(&format!("/skp/{id}?ok=rhk")).into_response()),
        Err(g) => dengan_galat(&s, &p, &id, g).await,
    }
}

#[derive(serde::Deserialize)]
pub(super) struct FormDariPk {
    #[serde(rename = "_csrf", default)]
    csrf: String,
    #[serde(default)]
    versi: i64,
}

pub(super) async fn dari_pk(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(id): Path<String>,
    Form(f): Form<FormDariPk>,
) -> HasilHalaman {
    p.periksa_csrf(&f.csrf).atau_halaman(&p)?;
    let iid = instansi(&p)?;
    let m = sk::MasukanDariPk {
        perspektif: None,
        versi: Some(f.versi),
    };
    match sk::rhk_dari_pk(&s.layanan, &p.konteks, &iid, &id, m).await {
        Ok(_) => Ok(Redirect::to(&format!("/skp/{id}?ok=rhk")).into_response()),
        Err(g) => dengan_galat(&s, &p, &id, g).await,
    }
}

#[derive(serde::Deserialize)]
pub(super) struct FormLangkah {
    #[serde(rename = "_csrf", default)]
    csrf: String,
    #[serde(default)]
    langkah: String,
    #[serde(default)]
    catatan: String,
    #[serde(default)]
    versi: i64,
}

pub(super) async fn langkah(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(id): Path<String>,
    Form(f): Form<FormLangkah>,
) -> HasilHalaman {
    p.periksa_csrf(&f.csrf).atau_halaman(&p)?;
    let iid = instansi(&p)?;
    let Some(l) = LangkahSkp::dari_token(&f.langkah) else {
        return Err(crate::halaman::galat(
            &p,
            app::Galat::input(
                p.konteks.t("Langkah tidak dikenal.", "Unknown step."),
                Default::default(),
            ),
        ));
    };
    let m = MasukanLangkah {
        langkah: l,
        catatan: Some(f.catatan),
        versi: Some(f.versi),
    };
    match sk::langkah(&s.layanan, &p.konteks, &iid, &id, m).await {
        Ok(_) => Ok(Redirect::to(&format!("/skp/{id}?ok=langkah")).into_response()),
        Err(g) => dengan_galat(&s, &p, &id, g).await,
    }
}

/// Formulir realisasi tanpa JavaScript (multipart, foto dari kamera).
pub(super) async fn kirim_realisasi(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(id): Path<String>,
    mp: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> HasilHalaman {
    let iid = instansi(&p)?;
    let k = &p.konteks;
    let hasil = async {
        let mut mp = mp.map_err(|_| {
            app::Galat::input(
                k.t("Formulir tidak terbaca.", "The form could not be read."),
                Default::default(),
            )
        })?;
        let (isian, bukti, csrf) = crate::api::skp::baca_multipart(
            &mut mp,
            k,
            &s.layanan.konfigurasi,
            crate::api::skp::KOLOM_REALISASI,
            true,
        )
        .await?;
        p.periksa_csrf(&csrf)?;
        let ambil = |x: &str| isian.get(x).cloned().unwrap_or_default();
        let m = sk::realisasi::MasukanRealisasi {
            indikator_id: ambil("indikator_id"),
            periode: ambil("periode"),
            realisasi: ambil("realisasi"),
            catatan: ambil("catatan"),
            tautan: ambil("tautan"),
            kunci_klien: ambil("kunci_klien"),
        };
        sk::realisasi::kirim(&s.layanan, k, &iid, &id, m, bukti).await
    }
    .await;
    match hasil {
        Ok(_) => Ok(Redirect::to(&format!("/skp/{id}?ok=realisasi")).into_response()),
        Err(g) => dengan_galat(&s, &p, &id, g).await,
    }
}

/// Impor realisasi dari berkas ekspor (XLSX/CSV) lewat halaman: formulir
/// berkas yang sama dengan impor rencana (`templat::baca_formulir_berkas`).
pub(super) async fn impor_realisasi(
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
        sk::impor::impor(&s.layanan, k, &iid, &id, &nama, &isi).await
    }
    .await;
    match hasil {
        Ok(lap) if lap.diterima => {
            let pesan = format!(
                "{} {}, {} {}.",
                lap.dibuat,
                k.t("realisasi baru dari berkas", "new results from the file"),
                lap.tidak_berubah,
                k.t("tidak berubah", "unchanged")
            );
            halaman_detail(&s, &p, &id, Some(pesan), None).await
        }
        Ok(lap) => {
            let mut pesan = pesan_ditolak(k, lap.jumlah_galat);
            for g in lap.galat.iter().take(20) {
                pesan.push_str(&format!(
                    " · {} {} {}: {}",
                    k.t("baris", "row"),
                    g.baris,
                    g.kolom,
                    g.pesan
                ));
            }
            let r = halaman_detail(&s, &p, &id, None, Some(pesan)).await?;
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, r).into_response())
        }
        Err(g) => dengan_galat(&s, &p, &id, g).await,
    }
}

#[derive(serde::Deserialize)]
pub(super) struct FormUmpanBalik {
    #[serde(rename = "_csrf", default)]
    csrf: String,
    #[serde(default)]
    keputusan: String,
    #[serde(default)]
    umpan_balik: String,
    #[serde(default)]
    versi: i64,
}

pub(super) async fn umpan_balik(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((id, rid)): Path<(String, String)>,
    Form(f): Form<FormUmpanBalik>,
) -> HasilHalaman {
    p.periksa_csrf(&f.csrf).atau_halaman(&p)?;
    let iid = instansi(&p)?;
    let m = sk::realisasi::MasukanUmpanBalik {
        diterima: f.keputusan == "terima",
        umpan_balik: Some(f.umpan_balik),
        versi: Some(f.versi),
    };
    match sk::realisasi::umpan_balik(&s.layanan, &p.konteks, &iid, &id, &rid, m).await {
        Ok(_) => Ok(Redirect::to(&format!("/skp/{id}?ok=umpan-balik")).into_response()),
        Err(g) => dengan_galat(&s, &p, &id, g).await,
    }
}

#[derive(serde::Deserialize)]
pub(super) struct FormNilai {
    #[serde(rename = "_csrf", default)]
    csrf: String,
    #[serde(default)]
    periode: String,
    #[serde(default)]
    rating_hasil: String,
    #[serde(default)]
    rating_perilaku: String,
    #[serde(default)]
    catatan: String,
    #[serde(default)]
    versi: i64,
}

pub(super) async fn nilai(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(id): Path<String>,
    Form(f): Form<FormNilai>,
) -> HasilHalaman {
    p.periksa_csrf(&f.csrf).atau_halaman(&p)?;
    let iid = instansi(&p)?;
    let k = &p.konteks;
    let (Some(h), Some(pr)) = (
        RatingKinerja::dari_token(&f.rating_hasil),
        RatingKinerja::dari_token(&f.rating_perilaku),
    ) else {
        let g = app::Galat::input(
            k.t("Pilih kedua rating.", "Choose both ratings."),
            [(
                "rating_hasil".to_string(),
                k.t(
                    "Pilih rating hasil kerja dan perilaku kerja.",
                    "Choose both ratings.",
                )
                .to_string(),
            )]
            .into(),
        );
        return dengan_galat(&s, &p, &id, g).await;
    };
    let m = sk::evaluasi::MasukanEvaluasi {
        periode: f.periode,
        rating_hasil: h,
        rating_perilaku: pr,
        catatan: Some(f.catatan),
        versi: (f.versi > 0).then_some(f.versi),
    };
    match sk::evaluasi::nilai(&s.layanan, k, &iid, &id, m).await {
        Ok(_) => Ok(Redirect::to(&format!("/skp/{id}?ok=evaluasi")).into_response()),
        Err(g) => dengan_galat(&s, &p, &id, g).await,
    }
}
