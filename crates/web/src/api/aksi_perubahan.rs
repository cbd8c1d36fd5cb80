//! API aksi perubahan (isu 13): daftar proyek yang boleh dilihat, detail,
//! ubah, tonggak, progres (multipart, hanya alumni), verifikasi mentor,
//! bukti progres, dasbor dan ekspor XLSX; angkatan, peserta dan impornya.
//! Penangan tipis: hak dan aturan di `app::aksi_perubahan`.

use super::{HasilApi, JsonMasuk, KeApi, QueryMasuk};
use crate::AppState;
use crate::galat::GalatApi;
use crate::pengunjung::Pengunjung;
use app::Galat;
use app::aksi_perubahan::{
    self as ap, Aksi, Angkatan, DetailAksi, HalamanAksi, MasukanAksi, MasukanAngkatan,
    MasukanPeserta, MasukanProgres, MasukanTonggak, MasukanVerifikasi, Progres, SaringanAksi,
    Tonggak,
};
use app::bukti::{BerkasMasuk, Varian};
use axum::Json;
use axum::body::Bytes;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::collections::BTreeMap;
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouterExt};
use utoipa_axum::routes;

/// Batas teks satu field multipart progres (selain berkas).
const BATAS_FIELD_TEKS: usize = 16 * 1024;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(daftar))
        .routes(routes!(dasbor))
        .routes(routes!(ekspor))
        .routes(routes!(laporan_pdf))
        .routes(routes!(lihat, ubah))
        .routes(routes!(tambah_tonggak))
        .routes(routes!(ubah_tonggak))
        .routes(routes!(batalkan_tonggak))
        .routes(routes!(jadikan_rhk))
        .routes(routes!(lihat_usul, usulkan))
        .routes(routes!(putuskan_usul))
        .routes(routes!(usul_menunggu))
        .routes(routes!(lihat_pengaturan, simpan_pengaturan))
        .routes(routes!(kirim_progres).layer(DefaultBodyLimit::max(super::bukti::BATAS_MUTLAK)))
        .routes(routes!(verifikasi))
        .routes(routes!(bukti))
        .routes(routes!(daftar_angkatan, buat_angkatan))
        .routes(routes!(tambah_peserta))
        .routes(routes!(impor_peserta).layer(DefaultBodyLimit::max(app::impor::BATAS_UKURAN)))
}

/// Jalur: proyek.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
struct JalurAksi {
    /// Id proyek perubahan.
    id: String,
}

/// Jalur: proyek dan tonggaknya.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
struct JalurTonggak {
    id: String,
    /// Id tonggak.
    tid: String,
}

/// Jalur: proyek dan progresnya.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
struct JalurProgres {
    id: String,
    /// Id progres.
    pid: String,
}

/// Jalur: proyek dan bukti progresnya.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
struct JalurBukti {
    id: String,
    /// Id bukti.
    bid: String,
}

/// Daftar proyek perubahan yang boleh dilihat
///
/// Alumni: miliknya; mentor: bimbingannya; BKD: alumni instansinya;
/// provinsi: juga kabupaten/kotanya; lembaga pelatihan: angkatannya. Status
/// dihitung hari ini (`status-aksi-perubahan`); 25 per halaman.
#[utoipa::path(get, path = "/aksi-perubahan", tag = "aksi_perubahan", params(SaringanAksi),
    responses((status = 200, description = "Proyek", body = HalamanAksi)))]
async fn daftar(
    State(s): State<AppState>,
    p: Pengunjung,
    QueryMasuk(q): QueryMasuk<SaringanAksi>,
) -> HasilApi<HalamanAksi> {
    Ok(Json(ap::daftar(&s.layanan, &p.konteks, &q).await.api(&p)?))
}

/// Dasbor pemantauan: per status, terlambat, capaian per angkatan/wilayah, alumni senyap
#[utoipa::path(get, path = "/aksi-perubahan/dasbor", tag = "aksi_perubahan", params(SaringanAksi),
    responses((status = 200, description = "Dasbor", body = ap::dasbor::Dasbor)))]
async fn dasbor(
    State(s): State<AppState>,
    p: Pengunjung,
    QueryMasuk(q): QueryMasuk<SaringanAksi>,
) -> HasilApi<ap::dasbor::Dasbor> {
    Ok(Json(
        ap::dasbor::dasbor(&s.layanan, &p.konteks, &q)
            .await
            .api(&p)?,
    ))
}

/// Ekspor XLSX proyek yang boleh dilihat (saringan sama dengan daftar)
#[utoipa::path(get, path = "/aksi-perubahan/ekspor", tag = "aksi_perubahan", params(SaringanAksi),
    responses((status = 200, description = "XLSX", content(
        (super::openapi::Berkas = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))))]
async fn ekspor(
    State(s): State<AppState>,
    p: Pengunjung,
    QueryMasuk(q): QueryMasuk<SaringanAksi>,
) -> Response {
    match ap::dasbor::ekspor_xlsx(&s.layanan, &p.konteks, &q).await {
        Ok(isi) => {
            crate::halaman::impor::unduhan("aksi-perubahan.xlsx", app::impor::Format::Xlsx, isi)
        }
        Err(g) => GalatApi(g, p.bahasa()).into_response(),
    }
}

/// Laporan pemantauan PDF: per angkatan peserta menurut status dan tonggak selesai, tonggak terlambat (saringan sama dengan dasbor)
#[utoipa::path(get, path = "/aksi-perubahan/laporan.pdf", tag = "aksi_perubahan", params(SaringanAksi),
    responses((status = 200, description = "PDF", content((super::openapi::Berkas = "application/pdf")))))]
async fn laporan_pdf(
    State(s): State<AppState>,
    p: Pengunjung,
    QueryMasuk(q): QueryMasuk<SaringanAksi>,
) -> Response {
    match ap::dasbor::laporan_pdf(&s.layanan, &p.konteks, &q).await {
        Ok(isi) => (
            [
                (axum::http::header::CONTENT_TYPE, "application/pdf"),
                (
                    axum::http::header::CONTENT_DISPOSITION,
                    "attachment; filename=\"pemantauan-aksi-perubahan.pdf\"",
                ),
                (axum::http::header::CACHE_CONTROL, "no-store"),
            ],
            isi,
        )
            .into_response(),
        Err(g) => GalatApi(g, p.bahasa()).into_response(),
    }
}

/// Satu proyek: tonggak dengan status dan alasannya, progres, hak pembaca
#[utoipa::path(get, path = "/aksi-perubahan/{id}", tag = "aksi_perubahan", params(JalurAksi),
    responses((status = 200, description = "Proyek", body = DetailAksi)))]
async fn lihat(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(id): Path<String>,
) -> HasilApi<DetailAksi> {
    Ok(Json(ap::lihat(&s.layanan, &p.konteks, &id).await.api(&p)?))
}

/// Ubah isi proyek (alumni, BKD instansinya, penyelenggara); versi di badan atau If-Match
#[utoipa::path(put, path = "/aksi-perubahan/{id}", tag = "aksi_perubahan",
    params(JalurAksi, super::JikaCocok), request_body = MasukanAksi,
    responses((status = 200, description = "Diubah", body = Aksi)))]
async fn ubah(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path(id): Path<String>,
    JsonMasuk(m): JsonMasuk<MasukanAksi>,
) -> HasilApi<Aksi> {
    p.periksa_csrf_api(&h).api(&p)?;
    let mut m = m;
    m.versi = super::versi_dari(&p, &h, m.versi)?;
    Ok(Json(
        ap::ubah(&s.layanan, &p.konteks, &id, m).await.api(&p)?,
    ))
}

/// Tambah tonggak (jangka pendek, menengah, panjang)
#[utoipa::path(post, path = "/aksi-perubahan/{id}/tonggak", tag = "aksi_perubahan",
    params(JalurAksi), request_body = MasukanTonggak,
    responses((status = 201, description = "Dibuat", body = Tonggak)))]
async fn tambah_tonggak(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path(id): Path<String>,
    JsonMasuk(m): JsonMasuk<MasukanTonggak>,
) -> Result<(StatusCode, Json<Tonggak>), GalatApi> {
    p.periksa_csrf_api(&h).api(&p)?;
    Ok((
        StatusCode::CREATED,
        Json(
            ap::tambah_tonggak(&s.layanan, &p.konteks, &id, m)
                .await
                .api(&p)?,
        ),
    ))
}

/// Badan progres multipart: `progres_persen`, `catatan`, berkas `bukti` opsional.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
struct BadanProgres {
    /// 0–100, paling banyak 2 desimal (`60`, `62,5`).
    progres_persen: String,
    catatan: String,
    /// Foto (JPEG, PNG, WebP) atau PDF/XLSX/DOCX.
    #[schema(value_type = Option<super::openapi::Berkas>)]
    bukti: Option<Vec<u8>>,
}

fn galat_isian(k: &app::Konteks, kolom: &str, id: &'static str, en: &'static str) -> Galat {
    let pesan = k.t(id, en);
    Galat::InputTidakValid {
        kode: "multipart_tidak_valid".into(),
        fields: BTreeMap::from([(kolom.to_string(), pesan.to_string())]),
        pesan: pesan.into(),
    }
}

/// Kirim progres satu tonggak, dengan bukti dari ponsel; hanya alumni pemilik proyek
///
/// Multipart: `progres_persen`, `catatan`, berkas `bukti` opsional (batas
/// ukuran bukti berlaku; jenis dikenali dari isi). 201 progres `menunggu`
/// verifikasi mentor.
#[utoipa::path(post, path = "/aksi-perubahan/{id}/tonggak/{tid}/progres", tag = "aksi_perubahan",
    params(JalurTonggak),
    request_body(content = BadanProgres, content_type = "multipart/form-data"),
    responses((status = 201, description = "Tersimpan", body = Progres),
        (status = 415, description = "Jenis bukti tidak diterima", body = super::openapi::Galat)))]
async fn kirim_progres(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((id, tid)): Path<(String, String)>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let b = p.bahasa();
    let k = &p.konteks;
    let galat = |g: Galat| GalatApi(g, b).into_response();
    // Masuk dan CSRF sebelum badan dibaca; hak atas proyek di layanan.
    if let Err(g) = k
        .aktor()
        .map(|_| ())
        .and_then(|_| p.periksa_csrf_api(&headers))
    {
        return galat(g);
    }
    let mut mp = match multipart {
        Ok(m) => m,
        Err(_) => {
            return galat(galat_isian(
                k,
                "progres_persen",
                "Kirim sebagai multipart/form-data: progres_persen, catatan, bukti (opsional).",
                "Send multipart/form-data: progres_persen, catatan, bukti (optional).",
            ));
        }
    };
    let (m, bukti, _) = match baca_progres(&mut mp, k, &s.layanan.konfigurasi, false).await {
        Ok(x) => x,
        Err(g) => return galat(g),
    };
    match ap::kirim_progres(&s.layanan, k, &id, &tid, m, bukti).await {
        Ok(x) => (StatusCode::CREATED, Json(x)).into_response(),
        Err(g) => galat(g),
    }
}

/// Membaca badan multipart progres (API dan formulir halaman): isian teks
/// dibatasi 16 KB, berkas `bukti` dibatasi `bukti_maks_bita` selama dibaca.
/// `formulir`: field `_csrf` diterima dan dikembalikan.
pub(crate) async fn baca_progres(
    mp: &mut Multipart,
    k: &app::Konteks,
    c: &app::Konfigurasi,
    formulir: bool,
) -> Result<(MasukanProgres, Option<BerkasMasuk>, String), Galat> {
    let mut m = MasukanProgres::default();
    let mut bukti: Option<BerkasMasuk> = None;
    let mut csrf = String::new();
    loop {
        let mut field = match mp.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return Err(app::bukti::galat_permintaan_terlalu_besar(
                    k,
                    c.bukti_maks_permintaan,
                ));
            }
            Err(_) => {
                return Err(galat_isian(
                    k,
                    "bukti",
                    "Badan multipart rusak.",
                    "Malformed multipart body.",
                ));
            }
        };
        let nama = field.name().unwrap_or("").to_string();
        let batas = match nama.as_str() {
            "bukti" => c.bukti_maks_bita as usize,
            "progres_persen" | "catatan" => BATAS_FIELD_TEKS,
            "_csrf" if formulir => BATAS_FIELD_TEKS,
            _ => {
                return Err(galat_isian(
                    k,
                    "bukti",
                    "Field tidak dikenal; yang diterima: progres_persen, catatan, bukti.",
                    "Unknown field; accepted: progres_persen, catatan, bukti.",
                ));
            }
        };
        let nama_berkas = field.file_name().unwrap_or("").to_string();
        let mut isi: Vec<u8> = Vec::new();
        loop {
            match field.chunk().await {
                Ok(Some(x)) => {
                    if isi.len() + x.len() > batas {
                        return Err(if nama == "bukti" {
                            app::bukti::galat_terlalu_besar(k, &nama_berkas, c.bukti_maks_bita)
                        } else {
                            galat_isian(
                                k,
                                &nama,
                                "Isian terlalu panjang.",
                                "The field is too long.",
                            )
                        });
                    }
                    isi.extend_from_slice(&x);
                }
                Ok(None) => break,
                Err(_) => {
                    return Err(galat_isian(
                        k,
                        "bukti",
                        "Badan multipart rusak.",
                        "Malformed multipart body.",
                    ));
                }
            }
        }
        match nama.as_str() {
            "bukti" if !isi.is_empty() => {
                bukti = Some(BerkasMasuk {
                    nama: nama_berkas,
                    isi,
                })
            }
            "bukti" => {}
            kolom => {
                let Ok(t) = String::from_utf8(isi) else {
                    return Err(galat_isian(
                        k,
                        kolom,
                        "Isian harus teks UTF-8.",
                        "The field must be UTF-8 text.",
                    ));
                };
                if t.contains('\0') {
                    return Err(galat_isian(
                        k,
                        kolom,
                        "Isian memuat karakter NUL.",
                        "The field holds a NUL character.",
                    ));
                }
                match kolom {
                    "progres_persen" => m.progres_persen = t,
                    "_csrf" => csrf = t,
                    _ => m.catatan = t,
                }
            }
        }
    }
    Ok((m, bukti, csrf))
}

/// Verifikasi progres oleh mentor alumni (sekali); progres 100 yang diterima menyelesaikan tonggak
#[utoipa::path(post, path = "/aksi-perubahan/{id}/progres/{pid}/verifikasi", tag = "aksi_perubahan",
    params(JalurProgres), request_body = MasukanVerifikasi,
    responses((status = 200, description = "Diverifikasi", body = Progres)))]
async fn verifikasi(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((id, pid)): Path<(String, String)>,
    JsonMasuk(m): JsonMasuk<MasukanVerifikasi>,
) -> HasilApi<Progres> {
    p.periksa_csrf_api(&h).api(&p)?;
    Ok(Json(
        ap::verifikasi(&s.layanan, &p.konteks, &id, &pid, m)
            .await
            .api(&p)?,
    ))
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct TanyaBukti {
    /// `mini` (bawaan, 256 px), `kecil` (1600 px) atau `asli` (lampiran).
    #[serde(default)]
    #[param(max_length = 10)]
    varian: Option<String>,
}

/// Bukti progres proyek bagi yang boleh membaca proyeknya (mentor, BKD, …)
#[utoipa::path(get, path = "/aksi-perubahan/{id}/bukti/{bid}", tag = "aksi_perubahan",
    params(JalurBukti, TanyaBukti),
    responses((status = 200, description = "Isi berkas", content(
        (super::openapi::Berkas = "image/jpeg"),
        (super::openapi::Berkas = "image/png"),
        (super::openapi::Berkas = "image/webp"),
        (super::openapi::Berkas = "application/pdf")))))]
async fn bukti(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((id, bid)): Path<(String, String)>,
    QueryMasuk(q): QueryMasuk<TanyaBukti>,
) -> Response {
    let b = p.bahasa();
    let Some(varian) = Varian::dari_kode(q.varian.as_deref().unwrap_or("mini")) else {
        return GalatApi(
            galat_isian(
                &p.konteks,
                "varian",
                "Varian harus asli, kecil atau mini.",
                "The variant must be asli, kecil or mini.",
            ),
            b,
        )
        .into_response();
    };
    match ap::bukti_progres(&s.layanan, &p.konteks, &id, &bid, varian).await {
        Ok(saji) => {
            let mut h = HeaderMap::new();
            h.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_str(&saji.jenis_mime)
                    .unwrap_or_else(|_| HeaderValue::from_static("application/octet-stream")),
            );
            h.insert(
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static(if saji.lampiran {
                    "attachment"
                } else {
                    "inline"
                }),
            );
            h.insert(
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            );
            h.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-store"),
            );
            h.insert(
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static("default-src 'none'; sandbox"),
            );
            (StatusCode::OK, h, saji.isi).into_response()
        }
        Err(g) => GalatApi(g, b).into_response(),
    }
}

/// Angkatan yang diselenggarakan instansi Anda
#[utoipa::path(get, path = "/angkatan", tag = "aksi_perubahan",
    responses((status = 200, description = "Angkatan", body = Vec<Angkatan>)))]
async fn daftar_angkatan(State(s): State<AppState>, p: Pengunjung) -> HasilApi<Vec<Angkatan>> {
    Ok(Json(
        ap::daftar_angkatan(&s.layanan, &p.konteks).await.api(&p)?,
    ))
}

/// Buat angkatan pelatihan (admin instansi penyelenggara); PKN I/II, PKA, PKP atau Diklat PIM I–IV
#[utoipa::path(post, path = "/angkatan", tag = "aksi_perubahan", request_body = MasukanAngkatan,
    responses((status = 201, description = "Dibuat", body = Angkatan)))]
async fn buat_angkatan(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    JsonMasuk(m): JsonMasuk<MasukanAngkatan>,
) -> Result<(StatusCode, Json<Angkatan>), GalatApi> {
    p.periksa_csrf_api(&h).api(&p)?;
    Ok((
        StatusCode::CREATED,
        Json(ap::buat_angkatan(&s.layanan, &p.konteks, m).await.api(&p)?),
    ))
}

/// Daftarkan peserta dari instansi mana pun (admin instansi penyelenggara)
#[utoipa::path(post, path = "/angkatan/{id}/peserta", tag = "aksi_perubahan",
    params(JalurAksi), request_body = MasukanPeserta,
    responses((status = 201, description = "Proyek peserta dibuat", body = Aksi)))]
async fn tambah_peserta(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path(id): Path<String>,
    JsonMasuk(m): JsonMasuk<MasukanPeserta>,
) -> Result<(StatusCode, Json<Aksi>), GalatApi> {
    p.periksa_csrf_api(&h).api(&p)?;
    Ok((
        StatusCode::CREATED,
        Json(
            ap::tambah_peserta(&s.layanan, &p.konteks, &id, m)
                .await
                .api(&p)?,
        ),
    ))
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct TanyaImpor {
    /// Nama berkas asli (untuk laporan); jenisnya dikenali dari isi.
    #[serde(default)]
    #[param(max_length = 255)]
    nama_berkas: Option<String>,
}

/// Laporan impor peserta yang diterima.
#[derive(serde::Serialize, utoipa::ToSchema)]
struct PesertaDiterima {
    laporan: ap::impor::LaporanPeserta,
}

/// 422 impor peserta: galat ditambah laporannya (tidak ada yang ditulis).
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
struct GalatImporPeserta {
    error: super::openapi::RincianGalat,
    laporan: Option<ap::impor::LaporanPeserta>,
}

/// Impor peserta dari CSV/XLSX (kolom nip, mentor_nip, coach, judul); semua atau tidak sama sekali
#[utoipa::path(post, path = "/angkatan/{id}/peserta/impor", tag = "aksi_perubahan",
    params(JalurAksi, TanyaImpor),
    request_body(content = super::openapi::Berkas, content_type = "application/octet-stream",
        description = "Isi berkas CSV atau XLSX; jenisnya dikenali dari isi"),
    responses((status = 200, description = "Diterima dan ditulis", body = PesertaDiterima),
        (status = 422, description = "Ditolak; tidak ada yang ditulis", body = GalatImporPeserta)))]
async fn impor_peserta(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(id): Path<String>,
    QueryMasuk(q): QueryMasuk<TanyaImpor>,
    headers: HeaderMap,
    badan: Result<Bytes, BytesRejection>,
) -> Response {
    let b = p.bahasa();
    let galat = |g: Galat| GalatApi(g, b).into_response();
    if let Err(g) = p
        .konteks
        .aktor()
        .map(|_| ())
        .and_then(|_| p.periksa_csrf_api(&headers))
    {
        return galat(g);
    }
    let isi = match badan {
        Ok(isi) => isi,
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return galat(Galat::TerlaluBesar(
                app::teks::t(
                    b,
                    "Berkas lebih dari 10 MB.",
                    "The file is larger than 10 MB.",
                )
                .into(),
            ));
        }
        Err(e) => return galat(Galat::input(e.body_text(), Default::default())),
    };
    let nama = q.nama_berkas.unwrap_or_default();
    match ap::impor::impor_peserta(&s.layanan, &p.konteks, &id, &nama, &isi).await {
        Ok(laporan) if laporan.diterima => Json(PesertaDiterima { laporan }).into_response(),
        Ok(lap) => crate::api::impor::impor_ditolak(b, lap.jumlah_galat, &lap),
        Err(g) => galat(g),
    }
}

/// Ubah tonggak yang masih terbuka; menggeser jatuh tempo wajib beralasan
#[utoipa::path(put, path = "/aksi-perubahan/{id}/tonggak/{tid}", tag = "aksi_perubahan",
    params(JalurTonggak, super::JikaCocok), request_body = ap::tonggak::MasukanUbahTonggak,
    responses((status = 200, description = "Diubah", body = Tonggak)))]
async fn ubah_tonggak(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((id, tid)): Path<(String, String)>,
    JsonMasuk(m): JsonMasuk<ap::tonggak::MasukanUbahTonggak>,
) -> HasilApi<Tonggak> {
    p.periksa_csrf_api(&h).api(&p)?;
    let mut m = m;
    m.versi = super::versi_dari(&p, &h, m.versi)?;
    Ok(Json(
        ap::tonggak::ubah_tonggak(&s.layanan, &p.konteks, &id, &tid, m)
            .await
            .api(&p)?,
    ))
}

/// Batalkan tonggak dengan alasan (alumni, BKD, penyelenggara)
#[utoipa::path(post, path = "/aksi-perubahan/{id}/tonggak/{tid}/batal", tag = "aksi_perubahan",
    params(JalurTonggak, super::JikaCocok), request_body = ap::tonggak::MasukanBatalTonggak,
    responses((status = 200, description = "Dibatalkan", body = Tonggak)))]
async fn batalkan_tonggak(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((id, tid)): Path<(String, String)>,
    JsonMasuk(m): JsonMasuk<ap::tonggak::MasukanBatalTonggak>,
) -> HasilApi<Tonggak> {
    p.periksa_csrf_api(&h).api(&p)?;
    let mut m = m;
    m.versi = super::versi_dari(&p, &h, m.versi)?;
    Ok(Json(
        ap::tonggak::batalkan_tonggak(&s.layanan, &p.konteks, &id, &tid, m)
            .await
            .api(&p)?,
    ))
}

/// Jadikan tonggak RHK di SKP alumni (draf) tahun tonggak itu; hanya alumni
#[utoipa::path(post, path = "/aksi-perubahan/{id}/tonggak/{tid}/rhk", tag = "aksi_perubahan",
    params(JalurTonggak), request_body = ap::tonggak::MasukanRhkTonggak,
    responses((status = 200, description = "Tonggak dengan `rhk_id`", body = Tonggak)))]
async fn jadikan_rhk(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((id, tid)): Path<(String, String)>,
    JsonMasuk(m): JsonMasuk<ap::tonggak::MasukanRhkTonggak>,
) -> HasilApi<Tonggak> {
    p.periksa_csrf_api(&h).api(&p)?;
    Ok(Json(
        ap::tonggak::jadikan_rhk(&s.layanan, &p.konteks, &id, &tid, m)
            .await
            .api(&p)?,
    ))
}

/// Usul proyek ke repositori inovasi (404 bila belum pernah diusulkan)
#[utoipa::path(get, path = "/aksi-perubahan/{id}/usul-inovasi", tag = "aksi_perubahan",
    params(JalurAksi),
    responses((status = 200, description = "Usul dan keputusannya", body = ap::usul_inovasi::UsulInovasi)))]
async fn lihat_usul(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(id): Path<String>,
) -> HasilApi<ap::usul_inovasi::UsulInovasi> {
    match ap::usul_inovasi::lihat(&s.layanan, &p.konteks, &id)
        .await
        .api(&p)?
    {
        Some(u) => Ok(Json(u)),
        None => Err(Galat::TidakDitemukan(
            p.konteks
                .t(
                    "Proyek ini belum diusulkan ke repositori inovasi.",
                    "This project has not been proposed to the innovation repository.",
                )
                .into(),
        ))
        .api(&p),
    }
}

/// Usulkan proyek yang terbukti ke repositori inovasi (alumni, mentor, BKD)
///
/// Syarat: masalah dan tujuan terisi, setiap tonggak jangka pendek selesai,
/// paling sedikit satu tonggak jangka menengah selesai; bila tidak, 409
/// `belum_layak` dengan alasan per field.
#[utoipa::path(post, path = "/aksi-perubahan/{id}/usul-inovasi", tag = "aksi_perubahan",
    params(JalurAksi), request_body = ap::usul_inovasi::MasukanUsul,
    responses((status = 201, description = "Diusulkan", body = ap::usul_inovasi::UsulInovasi)))]
async fn usulkan(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path(id): Path<String>,
    JsonMasuk(m): JsonMasuk<ap::usul_inovasi::MasukanUsul>,
) -> Result<(StatusCode, Json<ap::usul_inovasi::UsulInovasi>), GalatApi> {
    p.periksa_csrf_api(&h).api(&p)?;
    Ok((
        StatusCode::CREATED,
        Json(
            ap::usul_inovasi::usulkan(&s.layanan, &p.konteks, &id, m)
                .await
                .api(&p)?,
        ),
    ))
}

/// Terima (inovasi terbit di repositori) atau tolak usul; admin instansi alumni atau operator inovasinya
#[utoipa::path(post, path = "/aksi-perubahan/{id}/usul-inovasi/keputusan", tag = "aksi_perubahan",
    params(JalurAksi), request_body = ap::usul_inovasi::MasukanKeputusanUsul,
    responses((status = 200, description = "Diputus", body = ap::usul_inovasi::UsulInovasi)))]
async fn putuskan_usul(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path(id): Path<String>,
    JsonMasuk(m): JsonMasuk<ap::usul_inovasi::MasukanKeputusanUsul>,
) -> HasilApi<ap::usul_inovasi::UsulInovasi> {
    p.periksa_csrf_api(&h).api(&p)?;
    Ok(Json(
        ap::usul_inovasi::putuskan(&s.layanan, &p.konteks, &id, m)
            .await
            .api(&p)?,
    ))
}

/// Usul inovasi dari aksi perubahan yang menunggu keputusan di instansi ini
#[utoipa::path(get, path = "/instansi/{iid}/aksi-perubahan/usul-inovasi", tag = "aksi_perubahan",
    params(super::JalurInstansi),
    responses((status = 200, description = "Usul menunggu", body = Vec<ap::usul_inovasi::BarisUsul>)))]
async fn usul_menunggu(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
) -> HasilApi<Vec<ap::usul_inovasi::BarisUsul>> {
    Ok(Json(
        ap::usul_inovasi::menunggu(&s.layanan, &p.konteks, &iid)
            .await
            .api(&p)?,
    ))
}

/// Pengaturan pemantauan instansi: ambang senyap/berisiko dan pita kualifikasi seminar
#[utoipa::path(get, path = "/instansi/{iid}/aksi-perubahan/pengaturan", tag = "aksi_perubahan",
    params(super::JalurInstansi),
    responses((status = 200, description = "Pengaturan yang berlaku", body = ap::pengaturan::PengaturanAksi)))]
async fn lihat_pengaturan(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
) -> HasilApi<ap::pengaturan::PengaturanAksi> {
    Ok(Json(
        ap::pengaturan::lihat(&s.layanan, &p.konteks, &iid)
            .await
            .api(&p)?,
    ))
}

/// Ubah pengaturan pemantauan (admin instansi); versi 0 selama masih bawaan
#[utoipa::path(put, path = "/instansi/{iid}/aksi-perubahan/pengaturan", tag = "aksi_perubahan",
    params(super::JalurInstansi, super::JikaCocok), request_body = ap::pengaturan::MasukanPengaturan,
    responses((status = 200, description = "Disimpan", body = ap::pengaturan::PengaturanAksi)))]
async fn simpan_pengaturan(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path(iid): Path<String>,
    JsonMasuk(m): JsonMasuk<ap::pengaturan::MasukanPengaturan>,
) -> HasilApi<ap::pengaturan::PengaturanAksi> {
    p.periksa_csrf_api(&h).api(&p)?;
    let mut m = m;
    m.versi = super::versi_dari(&p, &h, m.versi)?;
    Ok(Json(
        ap::pengaturan::simpan(&s.layanan, &p.konteks, &iid, m)
            .await
            .api(&p)?,
    ))
}
