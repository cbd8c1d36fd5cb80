//! Satu SKP: RHK (cascading), alur langkah, ekspektasi perilaku.

use super::*;

/// Satu SKP menurut id
#[utoipa::path(get, path = "/instansi/{iid}/skp/{skp_id}", tag = "skp", params(JalurSkp),
    responses((status = 200, description = "SKP", body = TampilanSkp)))]
pub(super) async fn skp_satu(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
) -> HasilApi<TampilanSkp> {
    Ok(Json(
        sk::skp_satu(&s.layanan, &p.konteks, &iid, &id)
            .await
            .api(&p)?,
    ))
}

/// Tambah RHK dengan indikatornya (pemilik, SKP draf/dikembalikan)
///
/// `rhk_atasan_id` boleh kosong dahulu: pegawai menyusun sebelum RHK atasan
/// ada, lalu menautkan kelak.
#[utoipa::path(post, path = "/instansi/{iid}/skp/{skp_id}/rhk", tag = "skp", params(JalurSkp),
    request_body = MasukanRhk,
    responses((status = 201, description = "SKP sesudahnya", body = TampilanSkp)))]
pub(super) async fn tambah_rhk(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
    headers: HeaderMap,
    JsonMasuk(mut m): JsonMasuk<MasukanRhk>,
) -> Result<(StatusCode, Json<TampilanSkp>), GalatApi> {
    m.versi = crate::api::versi_dari(&p, &headers, m.versi)?;
    Ok((
        StatusCode::CREATED,
        Json(
            sk::tambah_rhk(&s.layanan, &p.konteks, &iid, &id, m)
                .await
                .api(&p)?,
        ),
    ))
}

/// Ubah RHK (indikator diganti; yang sudah berealisasi dipertahankan)
#[utoipa::path(put, path = "/instansi/{iid}/skp/{skp_id}/rhk/{rhk_id}", tag = "skp",
    params(JalurRhk, crate::api::JikaCocok), request_body = MasukanRhk,
    responses((status = 200, description = "SKP sesudahnya", body = TampilanSkp)))]
pub(super) async fn ubah_rhk(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id, rid)): Path<(String, String, String)>,
    headers: HeaderMap,
    JsonMasuk(mut m): JsonMasuk<MasukanRhk>,
) -> HasilApi<TampilanSkp> {
    m.versi = crate::api::versi_dari(&p, &headers, m.versi)?;
    Ok(Json(
        sk::ubah_rhk(&s.layanan, &p.konteks, &iid, &id, &rid, m)
            .await
            .api(&p)?,
    ))
}

/// Hapus RHK (RHK bawahan yang mengintervensinya kehilangan tautan)
#[utoipa::path(delete, path = "/instansi/{iid}/skp/{skp_id}/rhk/{rhk_id}", tag = "skp",
    params(JalurRhk, VersiQuery, crate::api::JikaCocok),
    responses((status = 200, description = "SKP sesudahnya", body = TampilanSkp)))]
pub(super) async fn hapus_rhk(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id, rid)): Path<(String, String, String)>,
    headers: HeaderMap,
    QueryMasuk(q): QueryMasuk<VersiQuery>,
) -> HasilApi<TampilanSkp> {
    let v = crate::api::versi_dari(&p, &headers, q.versi)?;
    Ok(Json(
        sk::hapus_rhk(&s.layanan, &p.konteks, &iid, &id, &rid, v)
            .await
            .api(&p)?,
    ))
}

/// RHK dari Perjanjian Kinerja yang disetujui (JPT dan pimpinan unit yang berjanji)
///
/// Satu RHK utama per sasaran PK dengan perspektif; indikator dan target dari
/// baris PK. Idempoten per sasaran. 409 `pk_tidak_ada` bila belum ada PK
/// disetujui dengan pemilik SKP sebagai pihak pertama.
#[utoipa::path(post, path = "/instansi/{iid}/skp/{skp_id}/rhk/dari-pk", tag = "skp",
    params(JalurSkp, crate::api::JikaCocok), request_body = app::skp::MasukanDariPk,
    responses((status = 200, description = "RHK dari PK", body = app::skp::HasilDariPk)))]
pub(super) async fn rhk_dari_pk(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
    headers: HeaderMap,
    JsonMasuk(mut m): JsonMasuk<app::skp::MasukanDariPk>,
) -> HasilApi<app::skp::HasilDariPk> {
    m.versi = crate::api::versi_dari(&p, &headers, m.versi)?;
    Ok(Json(
        sk::rhk_dari_pk(&s.layanan, &p.konteks, &iid, &id, m)
            .await
            .api(&p)?,
    ))
}

#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct JawabanTurunkan {
    /// RHK baru di SKP bawahan.
    rhk_id: Vec<String>,
}

/// Turunkan satu RHK ke beberapa bawahan sekaligus (pemilik RHK = penilai mereka)
#[utoipa::path(post, path = "/instansi/{iid}/skp/{skp_id}/rhk/{rhk_id}/turunkan", tag = "skp",
    params(JalurRhk), request_body = MasukanTurunkan,
    responses((status = 201, description = "RHK bawahan dibuat", body = JawabanTurunkan)))]
pub(super) async fn turunkan_rhk(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id, rid)): Path<(String, String, String)>,
    JsonMasuk(m): JsonMasuk<MasukanTurunkan>,
) -> Result<(StatusCode, Json<JawabanTurunkan>), GalatApi> {
    // RHK harus milik SKP di jalur.
    let r = store::skp::rhk(s.layanan.pool(), &iid, &rid)
        .await
        .map_err(|e| GalatApi(e.into(), p.bahasa()))?;
    if r.is_none_or(|r| r.skp_id != id) {
        return Err(GalatApi(
            Galat::TidakDitemukan(
                p.konteks
                    .t("RHK tidak ditemukan.", "Result not found.")
                    .into(),
            ),
            p.bahasa(),
        ));
    }
    Ok((
        StatusCode::CREATED,
        Json(JawabanTurunkan {
            rhk_id: sk::turunkan_rhk(&s.layanan, &p.konteks, &iid, &rid, m)
                .await
                .api(&p)?,
        }),
    ))
}

/// Riwayat alur SKP (diajukan, dikembalikan dengan catatan, disetujui)
#[utoipa::path(get, path = "/instansi/{iid}/skp/{skp_id}/langkah", tag = "skp", params(JalurSkp),
    responses((status = 200, description = "Riwayat", body = Vec<store::skp::RiwayatLangkah>)))]
pub(super) async fn riwayat_langkah(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
) -> HasilApi<Vec<store::skp::RiwayatLangkah>> {
    Ok(Json(
        sk::riwayat_langkah(&s.layanan, &p.konteks, &iid, &id)
            .await
            .api(&p)?,
    ))
}

/// Langkah alur: `ajukan` (pemilik), `setujui`, `kembalikan` (dengan catatan), `buka_revisi` (penilai)
#[utoipa::path(post, path = "/instansi/{iid}/skp/{skp_id}/langkah", tag = "skp",
    params(JalurSkp, crate::api::JikaCocok), request_body = MasukanLangkah,
    responses((status = 200, description = "SKP sesudahnya", body = TampilanSkp)))]
pub(super) async fn langkah(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
    headers: HeaderMap,
    JsonMasuk(mut m): JsonMasuk<MasukanLangkah>,
) -> HasilApi<TampilanSkp> {
    m.versi = crate::api::versi_dari(&p, &headers, m.versi)?;
    Ok(Json(
        sk::langkah(&s.layanan, &p.konteks, &iid, &id, m)
            .await
            .api(&p)?,
    ))
}

/// Ekspektasi khusus pimpinan per nilai BerAKHLAK (pejabat penilai)
#[utoipa::path(put, path = "/instansi/{iid}/skp/{skp_id}/ekspektasi", tag = "skp",
    params(JalurSkp), request_body = MasukanEkspektasi,
    responses((status = 200, description = "SKP sesudahnya", body = TampilanSkp)))]
pub(super) async fn simpan_ekspektasi(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
    JsonMasuk(m): JsonMasuk<MasukanEkspektasi>,
) -> HasilApi<TampilanSkp> {
    Ok(Json(
        sk::simpan_ekspektasi(&s.layanan, &p.konteks, &iid, &id, m)
            .await
            .api(&p)?,
    ))
}
