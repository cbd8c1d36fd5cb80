//! Halaman pengelolaan aksi perubahan (isu 13), ponsel dulu: pengaturan
//! pemantauan instansi (ambang, pita kualifikasi), usul inovasi yang menunggu
//! keputusan, dan formulir di halaman proyek (isi proyek, hasil seminar,
//! tonggak baru/ubah/batal, tonggak → RHK, usul ke repositori inovasi).
//! Hak dan aturan di `app::aksi_perubahan`; halaman hanya menyusun tampilan.

use super::{Bingkai, HasilHalaman, Isian, KeHalaman, render};
use crate::AppState;
use crate::pengunjung::Pengunjung;
use app::aksi_perubahan::{self as ap};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::{Form, Router};
use rules::aksi_perubahan::{PitaKualifikasi, Tahap};
use std::collections::{BTreeMap, HashMap};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/aksi-perubahan/pengaturan",
            get(pengaturan).post(simpan_pengaturan),
        )
        .route("/aksi-perubahan/usul-inovasi", get(usul_menunggu))
        .route("/aksi-perubahan/{id}/ubah", post(ubah_proyek))
        .route("/aksi-perubahan/{id}/tonggak", post(tambah_tonggak))
        .route(
            "/aksi-perubahan/{id}/tonggak/{tid}/ubah",
            post(ubah_tonggak),
        )
        .route(
            "/aksi-perubahan/{id}/tonggak/{tid}/batal",
            post(batal_tonggak),
        )
        .route("/aksi-perubahan/{id}/tonggak/{tid}/rhk", post(jadikan_rhk))
        .route("/aksi-perubahan/{id}/usul-inovasi", post(usulkan))
        .route(
            "/aksi-perubahan/{id}/usul-inovasi/keputusan",
            post(putuskan),
        )
}

/// Isian formulir mentah (nama field → nilai) dengan token CSRF.
type Formulir = HashMap<String, String>;

fn isi(f: &Formulir, k: &str) -> Option<String> {
    f.get(k)
        .map(|x| x.trim().to_string())
        .filter(|x| !x.is_empty())
}

fn wajib_csrf(p: &Pengunjung, f: &Formulir) -> Result<(), axum::response::Response> {
    p.periksa_csrf(f.get("_csrf").map(String::as_str).unwrap_or(""))
        .atau_halaman(p)
}

/// Hasil formulir di halaman proyek: sukses → kembali ke proyek dengan
/// pesan; galat isian/konflik → halaman proyek dengan pesan dan isian
/// formulir itu (yang diketik tidak hilang); galat lain → halaman galat.
async fn kembali<T>(
    s: &AppState,
    p: &Pengunjung,
    id: &str,
    formulir: &str,
    f: &Formulir,
    hasil: Result<T, app::Galat>,
    ok: &str,
) -> HasilHalaman {
    match hasil {
        Ok(_) => Ok(Redirect::to(&format!("/aksi-perubahan/{id}?ok={ok}")).into_response()),
        Err(
            g @ (app::Galat::InputTidakValid { .. }
            | app::Galat::Status { .. }
            | app::Galat::Konflik(_)),
        ) => {
            let st = crate::galat::status(&g);
            let mut isian = Isian {
                pesan: Some(crate::galat::pesan_aman(&g, p.bahasa())),
                galat: crate::galat::kolom_galat(&g, p.bahasa()),
                ..Default::default()
            };
            for (k, v) in f {
                if k != "_csrf" {
                    isian.set(k, v.clone());
                }
            }
            let r = super::aksi_perubahan::halaman_detail_isian(s, p, id, formulir, isian).await?;
            Ok((st, r).into_response())
        }
        Err(g) => Err(super::galat(p, g)),
    }
}

// ---------- formulir di halaman proyek ----------

async fn ubah_proyek(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(id): Path<String>,
    Form(f): Form<Formulir>,
) -> HasilHalaman {
    wajib_csrf(&p, &f)?;
    let m = ap::MasukanAksi {
        judul: isi(&f, "judul").unwrap_or_default(),
        masalah: isi(&f, "masalah"),
        tujuan: isi(&f, "tujuan"),
        pemangku_kepentingan: isi(&f, "pemangku_kepentingan"),
        coach_nama: isi(&f, "coach_nama"),
        mentor_nip: isi(&f, "mentor_nip"),
        kualifikasi: isi(&f, "kualifikasi"),
        nilai_seminar: isi(&f, "nilai_seminar"),
        versi: isi(&f, "versi").and_then(|v| v.parse().ok()),
    };
    let h = ap::ubah(&s.layanan, &p.konteks, &id, m).await;
    kembali(&s, &p, &id, "proyek", &f, h, "proyek").await
}

fn tahap(f: &Formulir) -> Tahap {
    f.get("tahap")
        .and_then(|t| Tahap::dari_token(t))
        .unwrap_or(Tahap::JangkaPendek)
}

async fn tambah_tonggak(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(id): Path<String>,
    Form(f): Form<Formulir>,
) -> HasilHalaman {
    wajib_csrf(&p, &f)?;
    let m = ap::MasukanTonggak {
        tahap: tahap(&f),
        uraian: isi(&f, "uraian").unwrap_or_default(),
        jatuh_tempo: isi(&f, "jatuh_tempo").unwrap_or_default(),
        keluaran: isi(&f, "keluaran"),
        indikator: isi(&f, "indikator"),
    };
    let h = ap::tambah_tonggak(&s.layanan, &p.konteks, &id, m).await;
    kembali(&s, &p, &id, "tonggak-baru", &f, h, "tonggak").await
}

async fn ubah_tonggak(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((id, tid)): Path<(String, String)>,
    Form(f): Form<Formulir>,
) -> HasilHalaman {
    wajib_csrf(&p, &f)?;
    let m = ap::tonggak::MasukanUbahTonggak {
        tahap: tahap(&f),
        uraian: isi(&f, "uraian").unwrap_or_default(),
        jatuh_tempo: isi(&f, "jatuh_tempo").unwrap_or_default(),
        keluaran: isi(&f, "keluaran"),
        indikator: isi(&f, "indikator"),
        alasan: isi(&f, "alasan"),
        versi: isi(&f, "versi").and_then(|v| v.parse().ok()),
    };
    let h = ap::tonggak::ubah_tonggak(&s.layanan, &p.konteks, &id, &tid, m).await;
    kembali(&s, &p, &id, &format!("ubah-{tid}"), &f, h, "tonggak").await
}

async fn batal_tonggak(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((id, tid)): Path<(String, String)>,
    Form(f): Form<Formulir>,
) -> HasilHalaman {
    wajib_csrf(&p, &f)?;
    let m = ap::tonggak::MasukanBatalTonggak {
        alasan: isi(&f, "alasan").unwrap_or_default(),
        versi: isi(&f, "versi").and_then(|v| v.parse().ok()),
    };
    let h = ap::tonggak::batalkan_tonggak(&s.layanan, &p.konteks, &id, &tid, m).await;
    kembali(&s, &p, &id, &format!("batal-{tid}"), &f, h, "batal").await
}

async fn jadikan_rhk(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((id, tid)): Path<(String, String)>,
    Form(f): Form<Formulir>,
) -> HasilHalaman {
    wajib_csrf(&p, &f)?;
    let m = ap::tonggak::MasukanRhkTonggak {
        jenis: isi(&f, "jenis"),
        rhk_atasan_id: None,
    };
    let h = ap::tonggak::jadikan_rhk(&s.layanan, &p.konteks, &id, &tid, m).await;
    kembali(&s, &p, &id, &format!("rhk-{tid}"), &f, h, "rhk").await
}

async fn usulkan(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(id): Path<String>,
    Form(f): Form<Formulir>,
) -> HasilHalaman {
    wajib_csrf(&p, &f)?;
    let m = ap::usul_inovasi::MasukanUsul {
        catatan: isi(&f, "catatan"),
    };
    let h = ap::usul_inovasi::usulkan(&s.layanan, &p.konteks, &id, m).await;
    kembali(&s, &p, &id, "usul", &f, h, "usul").await
}

// ---------- usul inovasi menunggu keputusan ----------

#[derive(Template)]
#[template(path = "aksi_usul.html")]
struct HalamanUsul {
    b: Bingkai,
    baris: Vec<ap::usul_inovasi::BarisUsul>,
    pesan: Option<String>,
    galat: Option<String>,
}

#[derive(serde::Deserialize, Default)]
struct TanyaOk {
    #[serde(default)]
    ok: String,
}

async fn halaman_usul(
    s: &AppState,
    p: &Pengunjung,
    pesan: Option<String>,
    galat: Option<String>,
) -> HasilHalaman {
    let iid = p.konteks.aktor().atau_halaman(p)?.instansi_id.clone();
    let baris = ap::usul_inovasi::menunggu(&s.layanan, &p.konteks, &iid)
        .await
        .atau_halaman(p)?;
    let b = Bingkai::dari(
        p,
        p.konteks.t(
            "Usul inovasi dari aksi perubahan",
            "Innovation proposals from change projects",
        ),
    );
    Ok(render(&HalamanUsul {
        b,
        baris,
        pesan,
        galat,
    }))
}

async fn usul_menunggu(
    State(s): State<AppState>,
    p: Pengunjung,
    Query(q): Query<TanyaOk>,
) -> HasilHalaman {
    let pesan = match q.ok.as_str() {
        "terima" => Some(p.konteks.t(
            "Diterima: inovasi terbit di repositori.",
            "Accepted: the innovation is published in the repository.",
        )),
        "tolak" => Some(p.konteks.t(
            "Ditolak; pengusul mendapat catatan Anda.",
            "Rejected; the proposer gets your note.",
        )),
        _ => None,
    }
    .map(str::to_string);
    halaman_usul(&s, &p, pesan, None).await
}

async fn putuskan(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(id): Path<String>,
    Form(f): Form<Formulir>,
) -> HasilHalaman {
    wajib_csrf(&p, &f)?;
    let diterima = f.get("keputusan").map(String::as_str) == Some("terima");
    let m = ap::usul_inovasi::MasukanKeputusanUsul {
        diterima,
        catatan: isi(&f, "catatan"),
    };
    match ap::usul_inovasi::putuskan(&s.layanan, &p.konteks, &id, m).await {
        Ok(_) => Ok(Redirect::to(&format!(
            "/aksi-perubahan/usul-inovasi?ok={}",
            if diterima { "terima" } else { "tolak" }
        ))
        .into_response()),
        Err(
            g @ (app::Galat::InputTidakValid { .. }
            | app::Galat::Status { .. }
            | app::Galat::Konflik(_)),
        ) => {
            let mut pesan = crate::galat::pesan_aman(&g, p.bahasa());
            for (_, isi) in crate::galat::kolom_galat(&g, p.bahasa()) {
                pesan.push(' ');
                pesan.push_str(&isi);
            }
            let st = crate::galat::status(&g);
            let r = halaman_usul(&s, &p, None, Some(pesan)).await?;
            Ok((st, r).into_response())
        }
        Err(g) => Err(super::galat(&p, g)),
    }
}

// ---------- pengaturan pemantauan instansi ----------

/// Baris pita di formulir (kosong = tidak dipakai).
struct BarisPita {
    n: usize,
    kode: String,
    label: String,
    nilai_min: String,
}

#[derive(Template)]
#[template(path = "aksi_pengaturan.html")]
struct HalamanPengaturan {
    b: Bingkai,
    isian: Isian,
    pita: Vec<BarisPita>,
    bawaan: bool,
}

fn baris_pita(pita: &[PitaKualifikasi], isian: Option<&Isian>) -> Vec<BarisPita> {
    (0..rules::aksi_perubahan::MAKS_PITA)
        .map(|n| {
            let dari_isian = |k: &str| isian.map(|i| i.v(&format!("{k}_{n}")).to_string());
            let p = pita.get(n);
            BarisPita {
                n,
                kode: dari_isian("kode")
                    .unwrap_or_else(|| p.map(|x| x.kode.clone()).unwrap_or_default()),
                label: dari_isian("label")
                    .unwrap_or_else(|| p.map(|x| x.label.clone()).unwrap_or_default()),
                nilai_min: dari_isian("nilai_min")
                    .unwrap_or_else(|| p.map(|x| x.nilai_min.to_string()).unwrap_or_default()),
            }
        })
        .collect()
}

async fn pengaturan(
    State(s): State<AppState>,
    p: Pengunjung,
    Query(q): Query<TanyaOk>,
) -> HasilHalaman {
    let iid = p.konteks.aktor().atau_halaman(&p)?.instansi_id.clone();
    let x = ap::pengaturan::lihat(&s.layanan, &p.konteks, &iid)
        .await
        .atau_halaman(&p)?;
    let mut isian = Isian::default();
    isian.set("hari_senyap", x.hari_senyap.to_string());
    isian.set("hari_berisiko", x.hari_berisiko.to_string());
    isian.set("versi", x.versi.to_string());
    if q.ok == "1" {
        isian.pesan = Some(
            p.konteks
                .t("Pengaturan tersimpan.", "Settings saved.")
                .into(),
        );
    }
    let b = Bingkai::dari(
        &p,
        p.konteks.t(
            "Pengaturan pemantauan aksi perubahan",
            "Change-project monitoring settings",
        ),
    );
    Ok(render(&HalamanPengaturan {
        b,
        pita: baris_pita(&x.pita_kualifikasi, None),
        isian,
        bawaan: x.bawaan,
    }))
}

async fn simpan_pengaturan(
    State(s): State<AppState>,
    p: Pengunjung,
    Form(f): Form<Formulir>,
) -> HasilHalaman {
    wajib_csrf(&p, &f)?;
    let iid = p.konteks.aktor().atau_halaman(&p)?.instansi_id.clone();
    let k = &p.konteks;
    let mut galat: BTreeMap<String, String> = BTreeMap::new();
    let hari = |kolom: &str, galat: &mut BTreeMap<String, String>| -> u32 {
        match isi(&f, kolom).and_then(|v| v.parse::<u32>().ok()) {
            Some(v) => v,
            None => {
                galat.insert(
                    kolom.into(),
                    k.t(
                        "Isi jumlah hari (bilangan bulat).",
                        "Give a whole number of days.",
                    )
                    .into(),
                );
                0
            }
        }
    };
    let hari_senyap = hari("hari_senyap", &mut galat);
    let hari_berisiko = hari("hari_berisiko", &mut galat);
    let mut pita = Vec::new();
    for n in 0..rules::aksi_perubahan::MAKS_PITA {
        let kode = isi(&f, &format!("kode_{n}"));
        let label = isi(&f, &format!("label_{n}"));
        let nilai = isi(&f, &format!("nilai_min_{n}"));
        if kode.is_none() && label.is_none() && nilai.is_none() {
            continue;
        }
        match nilai.as_deref().map(rules::angka::baca_desimal_tepat) {
            Some(Ok(d)) => pita.push(PitaKualifikasi {
                kode: kode.unwrap_or_default(),
                label: label.unwrap_or_default(),
                nilai_min: d,
            }),
            _ => {
                galat.insert(
                    format!("nilai_min_{n}"),
                    k.t(
                        "Nilai terendah berupa angka, mis. 90,01.",
                        "The minimum is a number, e.g. 90.01.",
                    )
                    .into(),
                );
            }
        }
    }
    let hasil = if galat.is_empty() {
        ap::pengaturan::simpan(
            &s.layanan,
            k,
            &iid,
            ap::pengaturan::MasukanPengaturan {
                hari_senyap,
                hari_berisiko,
                pita_kualifikasi: pita.clone(),
                versi: isi(&f, "versi").and_then(|v| v.parse().ok()),
            },
        )
        .await
    } else {
        Err(app::Galat::input(
            k.t("Pengaturan belum benar.", "The settings are not valid."),
            galat,
        ))
    };
    match hasil {
        Ok(_) => Ok(Redirect::to("/aksi-perubahan/pengaturan?ok=1").into_response()),
        Err(
            g @ (app::Galat::InputTidakValid { .. }
            | app::Galat::Status { .. }
            | app::Galat::Konflik(_)),
        ) => {
            let st = crate::galat::status(&g);
            let mut isian = Isian {
                pesan: Some(crate::galat::pesan_aman(&g, p.bahasa())),
                galat: crate::galat::kolom_galat(&g, p.bahasa()),
                ..Default::default()
            };
            for (kk, v) in &f {
                if kk != "_csrf" {
                    isian.set(kk, v.clone());
                }
            }
            let b = Bingkai::dari(
                &p,
                k.t(
                    "Pengaturan pemantauan aksi perubahan",
                    "Change-project monitoring settings",
                ),
            );
            let r = render(&HalamanPengaturan {
                b,
                pita: baris_pita(&[], Some(&isian)),
                isian,
                bawaan: false,
            });
            Ok((st, r).into_response())
        }
        Err(g) => Err(super::galat(&p, g)),
    }
}
