//! Halaman SKP (isu 11), ponsel dulu: beranda SKP (milik sendiri, yang
//! dinilai, kalibrasi, pembukaan periode oleh BKD), satu SKP (menyusun RHK,
//! mengajukan, mencatat realisasi dengan foto — juga saat sinyal hilang,
//! lewat antrean luring — umpan balik dan rating penilai), daftar SKP yang
//! dinilai, dan kalibrasi kurva per unit. Hak dan aturan di `app::skp`.

use super::{Bingkai, HasilHalaman, KeHalaman, render};
use crate::AppState;
use crate::pengunjung::Pengunjung;
use app::skp::{self as sk, MasukanIndikator, MasukanLangkah, MasukanRhk};
use askama::Template;
use axum::extract::multipart::Multipart;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use rules::permenpanrb_6_2022::{PredikatKinerjaPegawai, PredikatOrganisasi, RatingKinerja};
use rules::skp::{Frekuensi, LangkahSkp, PelakuSkp, Periode, StatusSkp};
use std::collections::HashMap;

/// Skrip antrean luring (CSP `script-src 'self'`: berkas sendiri, bernama sidik isinya).
pub const JS_ANTREAN: &str = include_str!("../../static/skp-antrean.js");
const SW: &str = include_str!("../../static/skp-sw.js");

pub static JS_ANTREAN_PATH: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    let h = JS_ANTREAN.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, x| {
        (h ^ u64::from(x)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("/static/skp-antrean-{h:016x}.js")
});

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/skp", get(beranda))
        .route("/skp/periode", post(buka_periode))
        .route("/skp/dinilai", get(dinilai))
        .route("/skp/dasbor", get(dasbor))
        .route("/skp/kalibrasi", get(kalibrasi).post(simpan_kurva))
        .route("/skp/sw.js", get(sw))
        .route(JS_ANTREAN_PATH.as_str(), get(js_antrean))
        .route("/skp/{id}", get(detail))
        .route("/skp/{id}/rhk", post(tambah_rhk))
        .route("/skp/{id}/rhk/dari-pk", post(dari_pk))
        .route("/skp/{id}/langkah", post(langkah))
        .route(
            "/skp/{id}/realisasi",
            post(kirim_realisasi).layer(DefaultBodyLimit::max(crate::api::bukti::BATAS_MUTLAK)),
        )
        .route("/skp/{id}/realisasi/{rid}/umpan-balik", post(umpan_balik))
        .route(
            "/skp/{id}/realisasi/impor",
            post(impor_realisasi).layer(DefaultBodyLimit::max(app::impor::BATAS_UKURAN)),
        )
        .route("/skp/{id}/evaluasi", post(nilai))
        .route(
            "/skp/{id}/rencana/impor",
            post(impor_rencana).layer(DefaultBodyLimit::max(app::impor::BATAS_UKURAN)),
        )
        .route("/skp/{id}/jadikan-templat", post(jadikan_templat))
        .route("/skp/templat", get(halaman_templat))
        .route(
            "/skp/templat/unggah",
            post(unggah_templat).layer(DefaultBodyLimit::max(app::impor::BATAS_UKURAN)),
        )
        .route("/skp/templat/{jid}/unduh", get(unduh_templat))
        .route("/skp/templat/{jid}/hapus", post(hapus_templat))
}

async fn js_antrean() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        JS_ANTREAN,
    )
        .into_response()
}

/// Service worker berlingkup `/skp/`: halaman SKP yang pernah dibuka tetap
/// terbuka saat sinyal hilang (jaringan dulu, salinan bila gagal).
async fn sw() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        SW.replace("__CSS__", crate::operasi::CSS_PATH.as_str())
            .replace("__JS__", JS_ANTREAN_PATH.as_str()),
    )
        .into_response()
}

fn instansi(p: &Pengunjung) -> Result<String, Response> {
    let a = p.konteks.aktor().atau_halaman(p)?;
    Ok(a.instansi_id.clone())
}

async fn tahun_ini(s: &AppState, iid: &str) -> i64 {
    app::organisasi::hari_ini_di(&s.layanan, iid)
        .await
        .ok()
        .and_then(|t| t.get(..4).and_then(|x| x.parse().ok()))
        .unwrap_or(2026)
}

async fn nama_pegawai(s: &AppState, iid: &str, id: Option<&str>) -> String {
    match id {
        Some(id) => store::organisasi::pegawai(s.layanan.pool(), iid, id)
            .await
            .ok()
            .flatten()
            .map(|p| p.nama)
            .unwrap_or_else(|| "—".into()),
        None => "—".into(),
    }
}

// ---------- beranda ----------

#[derive(serde::Deserialize, Default)]
struct TanyaTahun {
    tahun: Option<i64>,
    #[serde(default)]
    ok: String,
}

#[derive(Template)]
#[template(path = "skp_beranda.html")]
struct HalamanBeranda {
    b: Bingkai,
    tahun: i64,
    milik: Option<(String, String)>,
    jumlah_dinilai: usize,
    bkd: bool,
    dasbor: bool,
    periode: Option<String>,
    hasil: Option<String>,
    perlu_perbaikan: Vec<(String, String)>,
    tidak_ber_skp: usize,
}

async fn beranda(
    State(s): State<AppState>,
    p: Pengunjung,
    Query(q): Query<TanyaTahun>,
) -> HasilHalaman {
    let iid = instansi(&p)?;
    let k = &p.konteks;
    let l = &s.layanan;
    let tahun = match q.tahun {
        Some(t) => t,
        None => tahun_ini(&s, &iid).await,
    };
    let a = k.aktor().atau_halaman(&p)?;
    let milik = match &a.pegawai_id {
        Some(pid) => store::skp::skp_pegawai(l.pool(), &iid, tahun, pid)
            .await
            .map_err(|e| super::galat(&p, e.into()))?
            .map(|x| (x.id, x.status)),
        None => None,
    };
    let jumlah_dinilai = sk::dinilai_saya(l, k, &iid, tahun)
        .await
        .atau_halaman(&p)?
        .len();
    let bkd = sk::periode::wajib_bkd(k, &iid).is_ok();
    let dasbor = bkd || a.punya(app::Peran::PimpinanUnit);
    let periode = sk::periode::periode(l, k, &iid, tahun)
        .await
        .atau_halaman(&p)?
        .map(|x| x.frekuensi);
    let (perlu_perbaikan, tidak_ber_skp) = if bkd {
        let pm = sk::periode::pemetaan(l, k, &iid, tahun)
            .await
            .atau_halaman(&p)?;
        (
            pm.perlu_perbaikan
                .into_iter()
                .take(50)
                .map(|x| (x.nama, x.masalah))
                .collect(),
            pm.tidak_ber_skp.len(),
        )
    } else {
        (Vec::new(), 0)
    };
    let b = Bingkai::dari(&p, format!("SKP {tahun}"));
    let hasil = (!q.ok.is_empty()).then(|| q.ok.clone());
    Ok(render(&HalamanBeranda {
        b,
        tahun,
        milik,
        jumlah_dinilai,
        bkd,
        dasbor,
        periode,
        hasil,
        perlu_perbaikan,
        tidak_ber_skp,
    }))
}

#[derive(serde::Deserialize)]
struct FormPeriode {
    #[serde(rename = "_csrf", default)]
    csrf: String,
    tahun: i64,
    #[serde(default)]
    frekuensi: String,
}

async fn buka_periode(
    State(s): State<AppState>,
    p: Pengunjung,
    Form(f): Form<FormPeriode>,
) -> HasilHalaman {
    p.periksa_csrf(&f.csrf).atau_halaman(&p)?;
    let iid = instansi(&p)?;
    let m = sk::periode::MasukanPeriodeSkp {
        tahun: f.tahun,
        frekuensi: Frekuensi::dari_token(&f.frekuensi),
        ambang_kurva: None,
    };
    match sk::periode::buka_atau_antre(&s.layanan, &p.konteks, &iid, &m)
        .await
        .atau_halaman(&p)?
    {
        Ok(h) => {
            let ok = format!(
                "{} {}, {} {}, {} {}",
                h.dibuat,
                p.konteks.t("SKP dibuat", "plans created"),
                h.sudah_ada,
                p.konteks.t("sudah ada", "already there"),
                h.tanpa_atasan,
                p.konteks.t("tanpa atasan", "without supervisor")
            );
            Ok(
                Redirect::to(&format!("/skp?tahun={}&ok={}", f.tahun, super::enkode(&ok)))
                    .into_response(),
            )
        }
        Err(t) => Ok(Redirect::to(&format!("/tugas/{}", t.id)).into_response()),
    }
}

// ---------- satu SKP ----------

struct RealisasiTampil {
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

struct IndikatorTampil {
    id: String,
    aspek: String,
    uraian: String,
    target: String,
    satuan: String,
    realisasi: Vec<RealisasiTampil>,
}

struct RhkTampil {
    jenis: String,
    uraian: String,
    atasan: Option<String>,
    indikator: Vec<IndikatorTampil>,
}

struct PeriodeTampil {
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
struct HalamanDetail {
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

fn label_status(t: &super::Teks, s: &str) -> (String, &'static str) {
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

fn label_langkah(t: &super::Teks, l: LangkahSkp) -> &'static str {
    match l {
        LangkahSkp::Ajukan => t.s("Ajukan ke penilai", "Submit to evaluator"),
        LangkahSkp::Setujui => t.s("Setujui", "Approve"),
        LangkahSkp::Kembalikan => t.s("Kembalikan dengan catatan", "Return with comments"),
        LangkahSkp::BukaRevisi => t.s("Buka revisi", "Reopen for revision"),
    }
}

async fn halaman_detail(
    s: &AppState,
    p: &Pengunjung,
    id: &str,
    pesan: Option<String>,
    galat: Option<String>,
) -> HasilHalaman {
    halaman_detail_rencana(s, p, id, pesan, galat, Vec::new()).await
}

async fn halaman_detail_rencana(
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

async fn detail(
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
async fn dengan_galat(s: &AppState, p: &Pengunjung, id: &str, g: app::Galat) -> HasilHalaman {
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
        g => Err(super::galat(p, g)),
    }
}

#[derive(serde::Deserialize)]
struct FormRhk {
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

async fn tambah_rhk(
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
struct FormDariPk {
    #[serde(rename = "_csrf", default)]
    csrf: String,
    #[serde(default)]
    versi: i64,
}

async fn dari_pk(
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
struct FormLangkah {
    #[serde(rename = "_csrf", default)]
    csrf: String,
    #[serde(default)]
    langkah: String,
    #[serde(default)]
    catatan: String,
    #[serde(default)]
    versi: i64,
}

async fn langkah(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(id): Path<String>,
    Form(f): Form<FormLangkah>,
) -> HasilHalaman {
    p.periksa_csrf(&f.csrf).atau_halaman(&p)?;
    let iid = instansi(&p)?;
    let Some(l) = LangkahSkp::dari_token(&f.langkah) else {
        return Err(super::galat(
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
async fn kirim_realisasi(
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

/// Impor realisasi dari berkas ekspor (XLSX/CSV) lewat halaman.
async fn impor_realisasi(
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
        let (_, berkas, csrf) =
            crate::api::skp::baca_multipart(&mut mp, k, &s.layanan.konfigurasi, &[], true).await?;
        p.periksa_csrf(&csrf)?;
        let Some(b) = berkas else {
            return Err(app::Galat::input(
                k.t("Pilih berkas XLSX atau CSV.", "Choose an XLSX or CSV file."),
                Default::default(),
            ));
        };
        sk::impor::impor(&s.layanan, k, &iid, &id, &b.nama, &b.isi).await
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
            let mut pesan = format!(
                "{} {}",
                k.t(
                    "Impor ditolak; tidak ada yang disimpan.",
                    "Import rejected; nothing was saved."
                ),
                lap.jumlah_galat
            );
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
struct FormUmpanBalik {
    #[serde(rename = "_csrf", default)]
    csrf: String,
    #[serde(default)]
    keputusan: String,
    #[serde(default)]
    umpan_balik: String,
    #[serde(default)]
    versi: i64,
}

async fn umpan_balik(
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
struct FormNilai {
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

async fn nilai(
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

// ---------- yang dinilai ----------

struct BarisDinilai {
    id: String,
    nama: String,
    status: String,
    kelas: &'static str,
    menunggu: usize,
}

#[derive(Template)]
#[template(path = "skp_dinilai.html")]
struct HalamanDinilai {
    b: Bingkai,
    tahun: i64,
    baris: Vec<BarisDinilai>,
}

async fn dinilai(
    State(s): State<AppState>,
    p: Pengunjung,
    Query(q): Query<TanyaTahun>,
) -> HasilHalaman {
    let iid = instansi(&p)?;
    let l = &s.layanan;
    let tahun = match q.tahun {
        Some(t) => t,
        None => tahun_ini(&s, &iid).await,
    };
    let daftar = sk::dinilai_saya(l, &p.konteks, &iid, tahun)
        .await
        .atau_halaman(&p)?;
    let b = Bingkai::dari(&p, p.konteks.t("SKP yang saya nilai", "Plans I evaluate"));
    // Entri menunggu per SKP bawahan: satu kueri berkelompok, bukan satu per bawahan.
    let menunggu_per: HashMap<String, usize> =
        match p.konteks.aktor().ok().and_then(|a| a.pegawai_id.clone()) {
            Some(pid) if !daftar.is_empty() => {
                store::skp::menunggu_per_penilai(l.pool(), &iid, tahun, &pid)
                    .await
                    .map_err(|e| super::galat(&p, e.into()))?
                    .into_iter()
                    .map(|(k, n)| (k, n.max(0) as usize))
                    .collect()
            }
            _ => HashMap::new(),
        };
    let mut baris = Vec::new();
    for x in daftar.into_iter().take(500) {
        let (status, kelas) = label_status(&b.t, &x.status);
        let menunggu = menunggu_per.get(&x.id).copied().unwrap_or(0);
        baris.push(BarisDinilai {
            nama: nama_pegawai(&s, &iid, Some(&x.pegawai_id)).await,
            id: x.id,
            status,
            kelas,
            menunggu,
        });
    }
    Ok(render(&HalamanDinilai { b, tahun, baris }))
}

// ---------- dasbor ----------

#[derive(Template)]
#[template(path = "skp_dasbor.html")]
struct HalamanDasbor {
    b: Bingkai,
    d: sk::dasbor::DasborSkp,
    unit: HashMap<String, String>,
}

async fn dasbor(
    State(s): State<AppState>,
    p: Pengunjung,
    Query(q): Query<TanyaTahun>,
) -> HasilHalaman {
    let iid = instansi(&p)?;
    let tahun = match q.tahun {
        Some(t) => t,
        None => tahun_ini(&s, &iid).await,
    };
    let d = sk::dasbor::dasbor(&s.layanan, &p.konteks, &iid, tahun)
        .await
        .atau_halaman(&p)?;
    let unit = store::organisasi::semua_unit(s.layanan.pool(), &iid)
        .await
        .map_err(|e| super::galat(&p, e.into()))?
        .into_iter()
        .map(|u| (u.id, u.nama))
        .collect();
    let b = Bingkai::dari(
        &p,
        format!("{} {tahun}", p.konteks.t("Dasbor SKP", "Plan dashboard")),
    );
    Ok(render(&HalamanDasbor { b, d, unit }))
}

// ---------- kalibrasi ----------

#[derive(serde::Deserialize, Default)]
struct TanyaKalibrasi {
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

struct BarisRingkas {
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

const PER_HALAMAN: usize = 25;

struct BarisKurva {
    label: String,
    jumlah: u64,
    persen: String,
}

#[derive(Template)]
#[template(path = "skp_kalibrasi.html")]
struct HalamanKalibrasi {
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

async fn halaman_kalibrasi(
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
        .map_err(|e| super::galat(p, e.into()))?;
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
            super::query(&[("periode", &periode), ("hanya", &q.hanya)])
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

async fn kalibrasi(
    State(s): State<AppState>,
    p: Pengunjung,
    Query(q): Query<TanyaKalibrasi>,
) -> HasilHalaman {
    halaman_kalibrasi(&s, &p, &q, None, None).await
}

#[derive(serde::Deserialize)]
struct FormKurva {
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

async fn simpan_kurva(
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
        Err(g) => Err(super::galat(&p, g)),
    }
}

// ---------- rencana dari berkas dan templat per jabatan ----------

/// Formulir multipart berkas: `_csrf`, isian teks pendek, dan satu berkas
/// `berkas` (batas ukuran impor).
async fn baca_formulir_berkas(
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

fn pilih_berkas(k: &app::Konteks) -> app::Galat {
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

fn ringkas_laporan(k: &app::Konteks, lap: &sk::rencana_berkas::LaporanRencanaSkp) -> String {
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

fn pesan_ditolak(k: &app::Konteks, n: usize) -> String {
    match k.bahasa {
        app::Bahasa::Id => format!("Impor ditolak: {n} galat; tidak ada yang disimpan."),
        app::Bahasa::En => format!("Import rejected: {n} errors; nothing was saved."),
    }
}

/// Impor rencana SKP (RHK dan IKI) dari berkas lewat halaman.
async fn impor_rencana(
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
struct FormCsrf {
    #[serde(rename = "_csrf", default)]
    csrf: String,
}

/// BKD: rencana SKP ini menjadi templat jabatannya.
async fn jadikan_templat(
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
struct HalamanTemplat {
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
const MAKS_PILIHAN_JABATAN: usize = 40;

async fn render_templat(
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
struct TanyaTemplat {
    #[serde(default)]
    ok: String,
    /// Saringan nama jabatan/unit untuk pilihan formulir unggah.
    #[serde(default)]
    cari: String,
}

async fn halaman_templat(
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
async fn templat_galat(
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
        g => Err(super::galat(p, g)),
    }
}

async fn unggah_templat(
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
struct TanyaFormatHalaman {
    #[serde(default)]
    format: String,
}

async fn unduh_templat(
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

async fn hapus_templat(
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
