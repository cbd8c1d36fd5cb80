//! Halaman aksi perubahan (isu 13), ponsel dulu: daftar proyek yang boleh
//! dilihat, detail dengan formulir progres + foto (alumni) dan verifikasi
//! (mentor), dasbor pemantauan dengan ekspor XLSX. Hak dan aturan di
//! `app::aksi_perubahan`; halaman hanya menyusun tampilan.

use super::{Bingkai, HasilHalaman, KeHalaman, render};
use crate::AppState;
use crate::pengunjung::Pengunjung;
use app::aksi_perubahan::{self as ap, SaringanAksi};
use askama::Template;
use axum::extract::multipart::Multipart;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::{Form, Router};
use rules::aksi_perubahan::StatusAksi;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/aksi-perubahan", get(daftar))
        .route("/aksi-perubahan/dasbor", get(dasbor))
        .route("/aksi-perubahan/{id}", get(detail))
        .route(
            "/aksi-perubahan/{id}/tonggak/{tid}/progres",
            post(kirim_progres).layer(DefaultBodyLimit::max(crate::api::bukti::BATAS_MUTLAK)),
        )
        .route(
            "/aksi-perubahan/{id}/progres/{pid}/verifikasi",
            post(verifikasi),
        )
}

/// Label dan kelas CSS status.
fn status(t: &super::Teks, s: StatusAksi) -> (String, &'static str) {
    (
        s.label(t.0).to_string(),
        match s {
            StatusAksi::Terlambat => "st-merah",
            StatusAksi::Senyap | StatusAksi::Berisiko => "st-kuning",
            StatusAksi::Selesai => "st-hijau",
            _ => "st-biasa",
        },
    )
}

/// Saringan dari query halaman (teks mentah; status yang salah diabaikan).
#[derive(serde::Deserialize, Default)]
struct Tanya {
    #[serde(default)]
    angkatan_id: String,
    #[serde(default)]
    wilayah: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    halaman: Option<u32>,
}

impl Tanya {
    fn saringan(&self) -> SaringanAksi {
        let isi = |s: &str| Some(s.trim().to_string()).filter(|x| !x.is_empty());
        SaringanAksi {
            angkatan_id: isi(&self.angkatan_id),
            wilayah: isi(&self.wilayah),
            status: StatusAksi::dari_token(self.status.trim()),
            halaman: self.halaman,
        }
    }
    fn query(&self) -> String {
        super::query(&[
            ("angkatan_id", &self.angkatan_id),
            ("wilayah", &self.wilayah),
            ("status", &self.status),
        ])
    }
}

struct BarisTampil {
    id: String,
    judul: String,
    alumni: String,
    status: String,
    kelas: &'static str,
    terlambat: i64,
}

#[derive(Template)]
#[template(path = "aksi_daftar.html")]
struct HalamanDaftar {
    b: Bingkai,
    q_angkatan: String,
    q_wilayah: String,
    q_status: String,
    pilihan_status: Vec<(&'static str, String)>,
    baris: Vec<BarisTampil>,
    total: i64,
    halaman: u32,
    sebelum: Option<String>,
    sesudah: Option<String>,
}

fn pilihan_status(t: &super::Teks) -> Vec<(&'static str, String)> {
    StatusAksi::SEMUA
        .iter()
        .map(|s| (s.token(), s.label(t.0).to_string()))
        .collect()
}

async fn daftar(State(s): State<AppState>, p: Pengunjung, Query(q): Query<Tanya>) -> HasilHalaman {
    let h = ap::daftar(&s.layanan, &p.konteks, &q.saringan())
        .await
        .atau_halaman(&p)?;
    let b = Bingkai::dari(&p, p.konteks.t("Aksi perubahan", "Change projects"));
    let halaman = q.halaman.unwrap_or(1).max(1);
    let dasar = q.query();
    let ke = |n: u32| format!("/aksi-perubahan?{dasar}&halaman={n}");
    let baris = h
        .isi
        .into_iter()
        .map(|x| {
            let (status, kelas) = status(&b.t, x.status);
            BarisTampil {
                id: x.id,
                judul: x.judul,
                alumni: x.alumni,
                status,
                kelas,
                terlambat: x.tonggak_terlambat,
            }
        })
        .collect();
    let ada_lagi = (halaman as i64) * (ap::UKURAN_HALAMAN as i64) < h.total;
    Ok(render(&HalamanDaftar {
        pilihan_status: pilihan_status(&b.t),
        b,
        q_angkatan: q.angkatan_id.clone(),
        q_wilayah: q.wilayah.clone(),
        q_status: q.status.clone(),
        baris,
        total: h.total,
        halaman,
        sebelum: (halaman > 1).then(|| ke(halaman - 1)),
        sesudah: ada_lagi.then(|| ke(halaman + 1)),
    }))
}

struct TonggakTampil {
    id: String,
    tahap: String,
    uraian: String,
    jatuh_tempo: String,
    keluaran: String,
    indikator: String,
    progres: String,
    status: String,
    kelas: &'static str,
    alasan: String,
    terbuka: bool,
}

struct ProgresTampil {
    id: String,
    tonggak: String,
    progres: String,
    catatan: String,
    waktu: String,
    status: String,
    menunggu: bool,
    bukti: Vec<String>,
}

#[derive(Template)]
#[template(path = "aksi_detail.html")]
struct HalamanDetail {
    b: Bingkai,
    d: ap::DetailAksi,
    status: String,
    kelas: &'static str,
    angkatan: String,
    tonggak: Vec<TonggakTampil>,
    progres: Vec<ProgresTampil>,
    pesan: Option<String>,
    galat: Option<String>,
}

fn alasan_tonggak(t: &super::Teks, a: rules::aksi_perubahan::AlasanTonggak) -> &'static str {
    use rules::aksi_perubahan::AlasanTonggak::*;
    match a {
        AdaTanggalSelesai => t.s("sudah selesai", "done"),
        Dibatalkan => t.s("dibatalkan", "cancelled"),
        LewatJatuhTempo => t.s("lewat jatuh tempo", "past its due date"),
        TanpaPembaruan => t.s(
            "90 hari atau lebih tanpa pembaruan",
            "90 days or more without an update",
        ),
        JatuhTempoDekatProgresRendah => t.s(
            "jatuh tempo dalam 30 hari, progres di bawah 50%",
            "due within 30 days, progress under 50%",
        ),
        SesuaiJadwal => t.s("sesuai jadwal", "on schedule"),
    }
}

#[derive(serde::Deserialize, Default)]
struct TanyaDetail {
    #[serde(default)]
    ok: String,
}

async fn halaman_detail(
    s: &AppState,
    p: &Pengunjung,
    id: &str,
    pesan: Option<String>,
    galat: Option<String>,
) -> HasilHalaman {
    let d = ap::lihat(&s.layanan, &p.konteks, id)
        .await
        .atau_halaman(p)?;
    let b = Bingkai::dari(p, d.aksi.judul.clone());
    let t = b.t;
    let (st, kelas) = status(&t, d.status);
    let uraian: std::collections::HashMap<String, String> = d
        .tonggak
        .iter()
        .map(|x| (x.tonggak.id.clone(), x.tonggak.uraian.clone()))
        .collect();
    let tonggak = d
        .tonggak
        .iter()
        .map(|x| {
            let (status, kelas) = status(&t, x.status);
            TonggakTampil {
                id: x.tonggak.id.clone(),
                tahap: rules::aksi_perubahan::Tahap::dari_token(&x.tonggak.tahap)
                    .map(|h| h.label(t.0).to_string())
                    .unwrap_or_default(),
                uraian: x.tonggak.uraian.clone(),
                jatuh_tempo: t.tanggal(&x.tonggak.jatuh_tempo),
                keluaran: x.tonggak.keluaran.clone().unwrap_or_default(),
                indikator: x.tonggak.indikator.clone().unwrap_or_default(),
                progres: x.tonggak.progres_persen.clone(),
                status,
                kelas,
                alasan: alasan_tonggak(&t, x.alasan).to_string(),
                terbuka: x.tonggak.selesai_pada.is_none() && x.tonggak.dibatalkan_alasan.is_none(),
            }
        })
        .collect();
    let progres = d
        .progres
        .iter()
        .map(|x| ProgresTampil {
            id: x.id.clone(),
            tonggak: uraian.get(&x.tonggak_id).cloned().unwrap_or_default(),
            progres: x.progres_persen.clone(),
            catatan: x.catatan.clone(),
            waktu: t.waktu(&x.dibuat_pada, &d.zona_waktu),
            status: match x.status.as_str() {
                "diterima" => t.s("diterima mentor", "accepted by the mentor"),
                "ditolak" => t.s("ditolak mentor", "rejected by the mentor"),
                _ => t.s("menunggu verifikasi", "awaiting verification"),
            }
            .to_string(),
            menunggu: x.status == "menunggu",
            bukti: d.bukti.get(&x.id).cloned().unwrap_or_default(),
        })
        .collect();
    let angkatan = d
        .angkatan
        .as_ref()
        .map(|a| format!("{} · {}", a.nama, ap::label_pelatihan(&a.jenis)))
        .unwrap_or_default();
    Ok(render(&HalamanDetail {
        b,
        status: st,
        kelas,
        angkatan,
        tonggak,
        progres,
        pesan,
        galat,
        d,
    }))
}

async fn detail(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(id): Path<String>,
    Query(q): Query<TanyaDetail>,
) -> HasilHalaman {
    let pesan = match q.ok.as_str() {
        "progres" => Some(p.konteks.t(
            "Progres terkirim; menunggu verifikasi mentor.",
            "Progress sent; awaiting the mentor's verification.",
        )),
        "verifikasi" => Some(p.konteks.t("Verifikasi tersimpan.", "Verification saved.")),
        _ => None,
    }
    .map(str::to_string);
    halaman_detail(&s, &p, &id, pesan, None).await
}

/// Formulir progres (multipart, dengan foto dari kamera ponsel).
async fn kirim_progres(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((id, tid)): Path<(String, String)>,
    mp: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> HasilHalaman {
    let k = &p.konteks;
    k.aktor().atau_halaman(&p)?;
    let hasil = async {
        let mut mp = mp.map_err(|_| {
            app::Galat::input(
                k.t("Formulir tidak terbaca.", "The form could not be read."),
                Default::default(),
            )
        })?;
        let (m, bukti, csrf) =
            crate::api::aksi_perubahan::baca_progres(&mut mp, k, &s.layanan.konfigurasi, true)
                .await?;
        p.periksa_csrf(&csrf)?;
        ap::kirim_progres(&s.layanan, k, &id, &tid, m, bukti).await
    }
    .await;
    match hasil {
        Ok(_) => Ok(Redirect::to(&format!("/aksi-perubahan/{id}?ok=progres")).into_response()),
        Err(
            g @ (app::Galat::InputTidakValid { .. }
            | app::Galat::TerlaluBesar(_)
            | app::Galat::Konflik(_)),
        ) => {
            // Pesan di halaman itu sendiri, di atas formulir tonggaknya.
            let mut pesan = crate::galat::pesan_aman(&g, p.bahasa());
            for (kolom, isi) in crate::galat::kolom_galat(&g, p.bahasa()) {
                pesan.push_str(&format!(" {kolom}: {isi}"));
            }
            let st = crate::galat::status(&g);
            let r = halaman_detail(&s, &p, &id, None, Some(pesan)).await?;
            Ok((st, r).into_response())
        }
        Err(g) => Err(super::galat(&p, g)),
    }
}

#[derive(serde::Deserialize)]
struct FormVerifikasi {
    #[serde(rename = "_csrf", default)]
    csrf: String,
    #[serde(default)]
    keputusan: String,
    #[serde(default)]
    catatan: String,
}

async fn verifikasi(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((id, pid)): Path<(String, String)>,
    Form(f): Form<FormVerifikasi>,
) -> HasilHalaman {
    p.periksa_csrf(&f.csrf).atau_halaman(&p)?;
    let m = ap::MasukanVerifikasi {
        diterima: f.keputusan == "terima",
        catatan: Some(f.catatan).filter(|c| !c.trim().is_empty()),
    };
    ap::verifikasi(&s.layanan, &p.konteks, &id, &pid, m)
        .await
        .atau_halaman(&p)?;
    Ok(Redirect::to(&format!("/aksi-perubahan/{id}?ok=verifikasi")).into_response())
}

struct StatusJumlah {
    token: &'static str,
    label: String,
    kelas: &'static str,
    jumlah: i64,
}

#[derive(Template)]
#[template(path = "aksi_dasbor.html")]
struct HalamanDasbor {
    b: Bingkai,
    d: ap::dasbor::Dasbor,
    status: Vec<StatusJumlah>,
    q_angkatan: String,
    q_wilayah: String,
    q_status: String,
    pilihan_status: Vec<(&'static str, String)>,
    ekspor: String,
    query: String,
}

async fn dasbor(State(s): State<AppState>, p: Pengunjung, Query(q): Query<Tanya>) -> HasilHalaman {
    let d = ap::dasbor::dasbor(&s.layanan, &p.konteks, &q.saringan())
        .await
        .atau_halaman(&p)?;
    let b = Bingkai::dari(
        &p,
        p.konteks
            .t("Pemantauan aksi perubahan", "Change-project monitoring"),
    );
    let status = d
        .per_status
        .iter()
        .map(|x| {
            let (label, kelas) = status(&b.t, x.status);
            StatusJumlah {
                token: x.status.token(),
                label,
                kelas,
                jumlah: x.jumlah,
            }
        })
        .collect();
    let query = q.query();
    Ok(render(&HalamanDasbor {
        pilihan_status: pilihan_status(&b.t),
        b,
        d,
        status,
        q_angkatan: q.angkatan_id.clone(),
        q_wilayah: q.wilayah.clone(),
        q_status: q.status.clone(),
        ekspor: format!("/api/v1/aksi-perubahan/ekspor?{query}"),
        query,
    }))
}
