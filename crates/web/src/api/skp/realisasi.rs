//! Realisasi multipart dengan bukti (hanya pemilik), umpan balik, evaluasi.

use super::*;

/// Realisasi satu SKP (semua periode; status `menunggu`, `diverifikasi`, `ditolak`)
#[utoipa::path(get, path = "/instansi/{iid}/skp/{skp_id}/realisasi", tag = "skp",
    params(JalurSkp),
    responses((status = 200, description = "Realisasi", body = Vec<RealisasiSkp>)))]
pub(super) async fn daftar_realisasi(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
) -> HasilApi<Vec<RealisasiSkp>> {
    Ok(Json(
        sk::realisasi::daftar(&s.layanan, &p.konteks, &iid, &id)
            .await
            .api(&p)?,
    ))
}

/// Badan realisasi multipart.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub(super) struct BadanRealisasi {
    indikator_id: String,
    /// Kode periode, mis. `2027-TW1`.
    periode: String,
    /// Desimal (`12`, `95,5`).
    realisasi: String,
    catatan: Option<String>,
    /// Tautan bukti (https://…).
    tautan: Option<String>,
    /// Kunci idempoten antrean luring: kiriman ulang tidak menggandakan.
    kunci_klien: Option<String>,
    /// Foto (JPEG, PNG, WebP) atau PDF/XLSX/DOCX.
    #[schema(value_type = Option<crate::api::openapi::Berkas>)]
    bukti: Option<Vec<u8>>,
}

pub(super) fn galat_isian(
    k: &app::Konteks,
    kolom: &str,
    id: &'static str,
    en: &'static str,
) -> Galat {
    let pesan = k.t(id, en);
    Galat::InputTidakValid {
        kode: "multipart_tidak_valid".into(),
        fields: BTreeMap::from([(kolom.to_string(), pesan.to_string())]),
        pesan: pesan.into(),
    }
}

/// Catat realisasi satu indikator pada satu periode, dengan bukti; hanya pegawai pemilik SKP
///
/// Multipart: `indikator_id`, `periode`, `realisasi`, `catatan`, `tautan`,
/// `kunci_klien`, berkas `bukti` opsional. 201 dengan `id` dan, bila ada
/// berkas, `bukti: {"sha256", "ukuran"}` berkas sebagaimana diterima. Kiriman
/// ulang dengan `kunci_klien` yang sama: 200 dengan entri yang sudah ada.
#[utoipa::path(post, path = "/instansi/{iid}/skp/{skp_id}/realisasi", tag = "skp",
    params(JalurSkp),
    request_body(content = BadanRealisasi, content_type = "multipart/form-data"),
    responses((status = 201, description = "Tersimpan", body = HasilRealisasi),
        (status = 200, description = "Kiriman ulang (kunci_klien sama)", body = HasilRealisasi),
        (status = 415, description = "Jenis bukti tidak diterima", body = crate::api::openapi::Galat)))]
pub(super) async fn kirim_realisasi(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let b = p.bahasa();
    let k = &p.konteks;
    let galat = |g: Galat| GalatApi(g, b).into_response();
    if let Err(g) = k
        .aktor()
        .map(|_| ())
        .and_then(|_| p.periksa_csrf_api(&headers))
    {
        return galat(g);
    }
    let Ok(mut mp) = multipart else {
        return galat(galat_isian(
            k,
            "realisasi",
            "Kirim sebagai multipart/form-data: indikator_id, periode, realisasi, catatan, bukti (opsional).",
            "Send multipart/form-data: indikator_id, periode, realisasi, catatan, bukti (optional).",
        ));
    };
    let (isian, bukti, _) =
        match baca_multipart(&mut mp, k, &s.layanan.konfigurasi, KOLOM_REALISASI, false).await {
            Ok(x) => x,
            Err(g) => return galat(g),
        };
    let ambil = |x: &str| isian.get(x).cloned().unwrap_or_default();
    let m = MasukanRealisasi {
        indikator_id: ambil("indikator_id"),
        periode: ambil("periode"),
        realisasi: ambil("realisasi"),
        catatan: ambil("catatan"),
        tautan: ambil("tautan"),
        kunci_klien: ambil("kunci_klien"),
    };
    match sk::realisasi::kirim(&s.layanan, k, &iid, &id, m, bukti).await {
        Ok(x) if x.baru => (StatusCode::CREATED, Json(x)).into_response(),
        Ok(x) => Json(x).into_response(),
        Err(g) => galat(g),
    }
}

/// Membaca badan multipart dengan field teks tertentu (masing-masing ≤ 16
/// KB) dan berkas `bukti` opsional (dibatasi `bukti_maks_bita` selama
/// dibaca). `formulir`: field `_csrf` diterima dan dikembalikan.
pub(crate) async fn baca_multipart(
    mp: &mut Multipart,
    k: &app::Konteks,
    c: &app::Konfigurasi,
    kolom_teks: &[&str],
    formulir: bool,
) -> Result<(BTreeMap<String, String>, Option<BerkasMasuk>, String), Galat> {
    let mut isian = BTreeMap::new();
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
        let batas = if nama == "bukti" {
            c.bukti_maks_bita as usize
        } else if kolom_teks.contains(&nama.as_str()) || (formulir && nama == "_csrf") {
            BATAS_FIELD_TEKS
        } else {
            let pesan = match k.bahasa {
                app::Bahasa::Id => format!(
                    "Field tidak dikenal; yang diterima: {}, bukti.",
                    kolom_teks.join(", ")
                ),
                app::Bahasa::En => {
                    format!("Unknown field; accepted: {}, bukti.", kolom_teks.join(", "))
                }
            };
            return Err(Galat::InputTidakValid {
                kode: "multipart_tidak_valid".into(),
                fields: BTreeMap::from([(nama.chars().take(64).collect(), pesan.clone())]),
                pesan,
            });
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
        if nama == "bukti" {
            if !isi.is_empty() {
                bukti = Some(BerkasMasuk {
                    nama: nama_berkas,
                    isi,
                });
            }
            continue;
        }
        let Ok(t) = String::from_utf8(isi) else {
            return Err(galat_isian(
                k,
                &nama,
                "Isian harus teks UTF-8.",
                "The field must be UTF-8 text.",
            ));
        };
        if t.contains('\0') {
            return Err(galat_isian(
                k,
                &nama,
                "Isian memuat karakter NUL.",
                "The field holds a NUL character.",
            ));
        }
        if nama == "_csrf" {
            csrf = t;
        } else {
            isian.insert(nama, t);
        }
    }
    Ok((isian, bukti, csrf))
}

/// Umpan balik pejabat penilai atas satu entri realisasi (diverifikasi atau ditolak)
#[utoipa::path(post, path = "/instansi/{iid}/skp/{skp_id}/realisasi/{rid}/umpan-balik", tag = "skp",
    params(JalurRealisasi), request_body = MasukanUmpanBalik,
    responses((status = 200, description = "Entri sesudahnya", body = RealisasiSkp)))]
pub(super) async fn umpan_balik(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id, rid)): Path<(String, String, String)>,
    JsonMasuk(m): JsonMasuk<MasukanUmpanBalik>,
) -> HasilApi<RealisasiSkp> {
    Ok(Json(
        sk::realisasi::umpan_balik(&s.layanan, &p.konteks, &iid, &id, &rid, m)
            .await
            .api(&p)?,
    ))
}

/// Evaluasi SKP per periode (rating dan predikat)
#[utoipa::path(get, path = "/instansi/{iid}/skp/{skp_id}/evaluasi", tag = "skp", params(JalurSkp),
    responses((status = 200, description = "Evaluasi", body = Vec<TampilanEvaluasi>)))]
pub(super) async fn daftar_evaluasi(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
) -> HasilApi<Vec<TampilanEvaluasi>> {
    Ok(Json(
        sk::evaluasi::daftar(&s.layanan, &p.konteks, &iid, &id)
            .await
            .api(&p)?,
    ))
}

/// Nilai satu periode: rating hasil kerja dan perilaku kerja → predikat (pejabat penilai)
///
/// Dua penilai menyimpan bersamaan: yang kedua 409. Sesudah kurva unit final: 409 `kurva_final`.
#[utoipa::path(post, path = "/instansi/{iid}/skp/{skp_id}/evaluasi", tag = "skp",
    params(JalurSkp, crate::api::JikaCocok), request_body = MasukanEvaluasi,
    responses((status = 200, description = "Tersimpan", body = TampilanEvaluasi)))]
pub(super) async fn nilai(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
    headers: HeaderMap,
    JsonMasuk(mut m): JsonMasuk<MasukanEvaluasi>,
) -> HasilApi<TampilanEvaluasi> {
    m.versi = crate::api::versi_dari(&p, &headers, m.versi)?;
    Ok(Json(
        sk::evaluasi::nilai(&s.layanan, &p.konteks, &iid, &id, m)
            .await
            .api(&p)?,
    ))
}
