//! Impor dan ekspor pegawai dan unit kerja (CSV/XLSX).
//!
//! Unggahan: multipart dengan token CSRF `_csrf`, paling besar 10 MB
//! (dibaca per potong; lebih dari itu dijawab 413 dengan pesan yang jelas).
//! Berkas unggahan tidak pernah disimpan atau dilayani kembali; isinya
//! dikenali dari bita awalnya, bukan dari namanya. Ekspor dan templat selalu
//! sebagai lampiran (`Content-Disposition: attachment`), tanpa cache.

use super::{Bingkai, HasilHalaman, KeHalaman, render};
use crate::AppState;
use crate::pengunjung::Pengunjung;
use app::impor::{BATAS_UKURAN, CatatanBaris, Format, Jenis, LaporanImpor};
use app::{Bahasa, Galat};
use askama::Template;
use axum::Router;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

/// Banyak galat yang ditampilkan di halaman (semua ada di API/CLI).
const GALAT_TAMPIL: usize = 500;
const INFO_TAMPIL: usize = 200;

pub fn router() -> Router<AppState> {
    // Batas badan sedikit di atas batas berkas agar kelebihan dijawab dengan pesan kita sendiri.
    let batas = || DefaultBodyLimit::max(BATAS_UKURAN + 1024 * 1024);
    Router::new()
        .route(
            "/instansi/{iid}/pegawai/impor",
            get(form_pegawai).post(unggah_pegawai).layer(batas()),
        )
        .route(
            "/instansi/{iid}/pegawai/templat.csv",
            get(|s: State<AppState>, p: Pengunjung, i: Path<String>| {
                templat(s, p, i, Jenis::Pegawai, Format::Csv)
            }),
        )
        .route(
            "/instansi/{iid}/pegawai/templat.xlsx",
            get(|s: State<AppState>, p: Pengunjung, i: Path<String>| {
                templat(s, p, i, Jenis::Pegawai, Format::Xlsx)
            }),
        )
        .route(
            "/instansi/{iid}/pegawai/ekspor.csv",
            get(|s: State<AppState>, p: Pengunjung, i: Path<String>| {
                ekspor(s, p, i, Jenis::Pegawai, Format::Csv)
            }),
        )
        .route(
            "/instansi/{iid}/pegawai/ekspor.xlsx",
            get(|s: State<AppState>, p: Pengunjung, i: Path<String>| {
                ekspor(s, p, i, Jenis::Pegawai, Format::Xlsx)
            }),
        )
        .route(
            "/instansi/{iid}/pegawai/impor-siasn",
            get(form_siasn).post(unggah_siasn).layer(batas()),
        )
        .route(
            "/instansi/{iid}/unit/impor",
            get(form_unit).post(unggah_unit).layer(batas()),
        )
        .route(
            "/instansi/{iid}/unit/templat.csv",
            get(|s: State<AppState>, p: Pengunjung, i: Path<String>| {
                templat(s, p, i, Jenis::Unit, Format::Csv)
            }),
        )
        .route(
            "/instansi/{iid}/unit/templat.xlsx",
            get(|s: State<AppState>, p: Pengunjung, i: Path<String>| {
                templat(s, p, i, Jenis::Unit, Format::Xlsx)
            }),
        )
        .route(
            "/instansi/{iid}/unit/ekspor.csv",
            get(|s: State<AppState>, p: Pengunjung, i: Path<String>| {
                ekspor(s, p, i, Jenis::Unit, Format::Csv)
            }),
        )
        .route(
            "/instansi/{iid}/unit/ekspor.xlsx",
            get(|s: State<AppState>, p: Pengunjung, i: Path<String>| {
                ekspor(s, p, i, Jenis::Unit, Format::Xlsx)
            }),
        )
}

/// Satu kolom di tabel penjelasan.
struct BarisKolom {
    nama: &'static str,
    wajib: bool,
    keterangan: &'static str,
}

#[derive(Template)]
#[template(path = "impor.html")]
struct HalamanImpor {
    b: Bingkai,
    /// Awal alamat: `/instansi/{iid}/pegawai` atau `/instansi/{iid}/unit`.
    dasar: String,
    /// Halaman yang dituju "Lihat daftar" dan "Kembali".
    kembali: String,
    kolom: Vec<BarisKolom>,
    laporan: Option<LaporanImpor>,
    ringkasan: String,
    galat: Vec<CatatanBaris>,
    galat_lain: usize,
    info: Vec<CatatanBaris>,
    pesan: Option<String>,
    /// Tautan templat dan ekspor (`{dasar}/templat.xlsx`); tidak untuk SIASN.
    templat: bool,
    /// Tautan ke impor SIASN (di halaman impor pegawai).
    tautan_siasn: Option<String>,
}

pub(crate) fn judul(b: Bahasa, jenis: Jenis) -> &'static str {
    match jenis {
        Jenis::Pegawai => app::teks::t(b, "Impor pegawai", "Import employees"),
        Jenis::PegawaiSiasn => app::teks::t(
            b,
            "Impor pegawai dari ekspor SIASN",
            "Import employees from a SIASN export",
        ),
        Jenis::Unit => app::teks::t(b, "Impor unit kerja", "Import units"),
        Jenis::Rencana => app::teks::t(b, "Impor rencana", "Import plan"),
        Jenis::Belanja => app::teks::t(b, "Impor rincian belanja", "Import spending details"),
        Jenis::RealisasiAnggaran => {
            app::teks::t(b, "Impor realisasi anggaran", "Import budget realisation")
        }
        Jenis::RealisasiKeluaran => {
            app::teks::t(b, "Impor realisasi keluaran", "Import output realisation")
        }
        Jenis::Nomenklatur => app::teks::t(
            b,
            "Muat perubahan nomenklatur",
            "Load a nomenclature amendment",
        ),
    }
}

fn halaman(
    p: &Pengunjung,
    iid: &str,
    jenis: Jenis,
    laporan: Option<LaporanImpor>,
    pesan: Option<String>,
    st: StatusCode,
) -> Response {
    // Impor SIASN kembali ke daftar pegawai (templatnya ekspor SIASN sendiri).
    let dasar = match jenis {
        Jenis::PegawaiSiasn => format!("/instansi/{iid}/pegawai"),
        _ => format!("/instansi/{iid}/{}", jenis.kode()),
    };
    halaman_impor(p, jenis, dasar.clone(), dasar, laporan, pesan, st)
}

/// Halaman impor dengan laporan per baris; `dasar` menjadi awal tautan
/// templat dan ekspor (`{dasar}/templat.xlsx`, `{dasar}/ekspor.csv`).
pub(crate) fn halaman_impor(
    p: &Pengunjung,
    jenis: Jenis,
    dasar: String,
    kembali: String,
    laporan: Option<LaporanImpor>,
    pesan: Option<String>,
    st: StatusCode,
) -> Response {
    let b = p.bahasa();
    let (ringkasan, galat, galat_lain, info) = match &laporan {
        Some(l) => (
            l.ringkasan(b),
            l.galat.iter().take(GALAT_TAMPIL).cloned().collect(),
            l.jumlah_galat
                .max(l.galat.len())
                .saturating_sub(GALAT_TAMPIL.min(l.galat.len())),
            l.info.iter().take(INFO_TAMPIL).cloned().collect(),
        ),
        None => (String::new(), Vec::new(), 0, Vec::new()),
    };
    let tautan_siasn = (jenis == Jenis::Pegawai).then(|| format!("{dasar}/impor-siasn"));
    let tpl = HalamanImpor {
        b: Bingkai::dari(p, judul(b, jenis)),
        dasar,
        kembali,
        kolom: jenis
            .kolom()
            .iter()
            .map(|k| BarisKolom {
                nama: k.nama,
                wajib: k.wajib,
                keterangan: k.keterangan(b),
            })
            .collect(),
        laporan,
        ringkasan,
        galat,
        galat_lain,
        info,
        pesan,
        templat: jenis != Jenis::PegawaiSiasn,
        tautan_siasn,
    };
    (st, render(&tpl)).into_response()
}

async fn form(p: Pengunjung, iid: String, jenis: Jenis) -> HasilHalaman {
    p.konteks.boleh_kelola(&iid).atau_halaman(&p)?;
    Ok(halaman(&p, &iid, jenis, None, None, StatusCode::OK))
}

async fn form_pegawai(p: Pengunjung, Path(iid): Path<String>) -> HasilHalaman {
    form(p, iid, Jenis::Pegawai).await
}

async fn form_siasn(p: Pengunjung, Path(iid): Path<String>) -> HasilHalaman {
    form(p, iid, Jenis::PegawaiSiasn).await
}

async fn unggah_siasn(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
    mp: Result<Multipart, MultipartRejection>,
) -> HasilHalaman {
    unggah(&s, &p, &iid, Jenis::PegawaiSiasn, mp).await
}

async fn form_unit(p: Pengunjung, Path(iid): Path<String>) -> HasilHalaman {
    form(p, iid, Jenis::Unit).await
}

async fn unggah_pegawai(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
    mp: Result<Multipart, MultipartRejection>,
) -> HasilHalaman {
    unggah(&s, &p, &iid, Jenis::Pegawai, mp).await
}

async fn unggah_unit(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
    mp: Result<Multipart, MultipartRejection>,
) -> HasilHalaman {
    unggah(&s, &p, &iid, Jenis::Unit, mp).await
}

pub(crate) enum Unggahan {
    Ada {
        csrf: String,
        nama: String,
        isi: Vec<u8>,
        /// Field teks lain formulir (paling banyak 16, masing-masing ≤ 2 KB).
        lain: std::collections::BTreeMap<String, String>,
    },
    TerlaluBesar,
    Rusak,
}

/// Membaca bidang multipart; berkas dibaca per potong dan dihentikan begitu
/// melewati batas.
pub(crate) async fn baca_unggahan(mut mp: Multipart) -> Unggahan {
    let mut csrf = String::new();
    let mut nama = String::new();
    let mut isi = Vec::new();
    let mut lain = std::collections::BTreeMap::new();
    loop {
        let mut f = match mp.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return Unggahan::TerlaluBesar,
            Err(_) => return Unggahan::Rusak,
        };
        match f.name().unwrap_or("") {
            "_csrf" => {
                let mut t = Vec::new();
                loop {
                    match f.chunk().await {
                        Ok(Some(c)) if t.len() + c.len() <= 256 => t.extend_from_slice(&c),
                        Ok(Some(_)) | Err(_) => return Unggahan::Rusak,
                        Ok(None) => break,
                    }
                }
                csrf = String::from_utf8_lossy(&t).into_owned();
            }
            "berkas" => {
                nama = f.file_name().unwrap_or("").to_string();
                loop {
                    match f.chunk().await {
                        Ok(Some(c)) => {
                            if isi.len() + c.len() > BATAS_UKURAN {
                                return Unggahan::TerlaluBesar;
                            }
                            isi.extend_from_slice(&c);
                        }
                        Ok(None) => break,
                        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                            return Unggahan::TerlaluBesar;
                        }
                        Err(_) => return Unggahan::Rusak,
                    }
                }
            }
            n if lain.len() < 16 && n.len() <= 64 => {
                let n = n.to_string();
                let mut t = Vec::new();
                loop {
                    match f.chunk().await {
                        Ok(Some(c)) if t.len() + c.len() <= 2048 => t.extend_from_slice(&c),
                        Ok(Some(_)) | Err(_) => return Unggahan::Rusak,
                        Ok(None) => break,
                    }
                }
                lain.insert(n, String::from_utf8_lossy(&t).into_owned());
            }
            _ => {}
        }
    }
    Unggahan::Ada {
        csrf,
        nama,
        isi,
        lain,
    }
}

async fn unggah(
    s: &AppState,
    p: &Pengunjung,
    iid: &str,
    jenis: Jenis,
    mp: Result<Multipart, MultipartRejection>,
) -> HasilHalaman {
    let k = &p.konteks;
    k.boleh_kelola(iid).atau_halaman(p)?;
    let gagal =
        |pesan: &str, st: StatusCode| halaman(p, iid, jenis, None, Some(pesan.to_string()), st);
    let rusak = k.t(
        "Unggahan tidak terbaca. Pilih berkas lalu kirim lagi dari formulir ini.",
        "The upload could not be read. Choose the file and submit again from this form.",
    );
    let Ok(mp) = mp else {
        return Ok(gagal(rusak, StatusCode::BAD_REQUEST));
    };
    let (csrf, nama, isi) = match baca_unggahan(mp).await {
        Unggahan::Ada {
            csrf, nama, isi, ..
        } => (csrf, nama, isi),
        Unggahan::TerlaluBesar => {
            return Ok(gagal(
                k.t(
                    "Berkas lebih dari 10 MB. Bagi menjadi beberapa berkas (mis. per perangkat daerah), atau simpan sebagai XLSX yang lebih ringkas, lalu unggah lagi.",
                    "The file is larger than 10 MB. Split it into several files (e.g. per department), or save it as the more compact XLSX, then upload again.",
                ),
                StatusCode::PAYLOAD_TOO_LARGE,
            ));
        }
        Unggahan::Rusak => return Ok(gagal(rusak, StatusCode::BAD_REQUEST)),
    };
    p.periksa_csrf(&csrf).atau_halaman(p)?;
    if isi.is_empty() {
        return Ok(gagal(
            k.t(
                "Pilih berkas CSV atau XLSX lebih dulu.",
                "Choose a CSV or XLSX file first.",
            ),
            StatusCode::UNPROCESSABLE_ENTITY,
        ));
    }
    let l = &s.layanan;
    if l.konfigurasi
        .impor_latar_bita
        .is_some_and(|batas| isi.len() > batas)
    {
        // Berkas besar: tugas latar; halamannya menampilkan status dan laporan.
        let t = app::tugas::antre_impor(l, k, iid, jenis, &nama, &isi, None)
            .await
            .atau_halaman(p)?;
        return Ok(axum::response::Redirect::to(&format!("/tugas/{}", t.id)).into_response());
    }
    let hasil = match jenis {
        Jenis::Pegawai => app::impor::impor_pegawai(l, k, iid, &nama, &isi).await,
        Jenis::PegawaiSiasn => app::impor::impor_pegawai_siasn(l, k, iid, &nama, &isi).await,
        // Halaman ini hanya untuk pegawai dan unit (rute tetap).
        _ => app::impor::impor_unit(l, k, iid, &nama, &isi).await,
    };
    match hasil {
        Ok(lap) => {
            let st = if lap.diterima {
                StatusCode::OK
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            Ok(halaman(p, iid, jenis, Some(lap), None, st))
        }
        Err(Galat::Konflik(pesan)) => Ok(gagal(&pesan, StatusCode::CONFLICT)),
        Err(g) => Err(super::galat(p, g)),
    }
}

/// Berkas unduhan: selalu lampiran, tidak di-cache (berisi data pribadi).
pub(crate) fn unduhan(nama: &str, format: Format, isi: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, format.tipe_mime().to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{nama}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        isi,
    )
        .into_response()
}

async fn templat(
    _s: State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
    jenis: Jenis,
    format: Format,
) -> HasilHalaman {
    p.konteks.boleh_baca(&iid).atau_halaman(&p)?;
    let isi = app::impor::templat(p.bahasa(), format, jenis).atau_halaman(&p)?;
    Ok(unduhan(
        &app::impor::nama_berkas_templat(jenis, format),
        format,
        isi,
    ))
}

async fn ekspor(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
    jenis: Jenis,
    format: Format,
) -> HasilHalaman {
    let l = &s.layanan;
    let isi = match jenis {
        Jenis::Pegawai => app::impor::ekspor_pegawai(l, &p.konteks, &iid, format).await,
        _ => app::impor::ekspor_unit(l, &p.konteks, &iid, format).await,
    }
    .atau_halaman(&p)?;
    Ok(unduhan(
        &app::impor::nama_berkas_ekspor(jenis, format),
        format,
        isi,
    ))
}

// ---------- API JSON ----------
