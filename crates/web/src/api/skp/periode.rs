//! Periode, pemetaan, dasbor BKD, daftar yang dinilai, kalibrasi kurva.

use super::*;

/// Buka periode SKP untuk seluruh instansi (BKD)
///
/// Idempoten: `{"dibuat", "sudah_ada", "tanpa_atasan"}`; menjalankan ulang
/// tidak membuat apa pun yang sudah ada (menyelaraskan penilai, pindah unit,
/// pensiun). Instansi di atas 5.000 pegawai: 202 tugas latar.
#[utoipa::path(post, path = "/instansi/{iid}/skp/periode", tag = "skp", params(JalurInstansi),
    request_body = MasukanPeriodeSkp,
    responses((status = 200, description = "Dibuka", body = HasilBukaPeriode),
        (status = 202, description = "Tugas latar (header Location)", body = crate::api::tugas::TugasDiterima)))]
pub(super) async fn buka_periode(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
    JsonMasuk(m): JsonMasuk<MasukanPeriodeSkp>,
) -> Response {
    match sk::periode::buka_atau_antre(&s.layanan, &p.konteks, &iid, &m).await {
        Ok(Ok(h)) => Json(h).into_response(),
        Ok(Err(t)) => crate::api::tugas::diterima_latar(&t),
        Err(g) => GalatApi(g, p.bahasa()).into_response(),
    }
}

/// Pemetaan penilai yang perlu dibetulkan BKD; pegawai yang tidak ber-SKP ditampilkan terpisah
#[utoipa::path(get, path = "/instansi/{iid}/skp/periode/{tahun}/pemetaan", tag = "skp",
    params(JalurTahun), responses((status = 200, description = "Pemetaan", body = Pemetaan)))]
pub(super) async fn pemetaan(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th)): Path<(String, String)>,
) -> HasilApi<Pemetaan> {
    let th = crate::api::anggaran::tahun(&p, &th)?;
    Ok(Json(
        sk::periode::pemetaan(&s.layanan, &p.konteks, &iid, th)
            .await
            .api(&p)?,
    ))
}

/// SKP seorang pegawai pada satu tahun
///
/// RHK dengan indikatornya; RHK atasan yang diintervensi dirujuk dengan id.
/// Pegawai melihat miliknya; rantai penilai melihat bawahannya; BKD melihat
/// instansinya.
#[utoipa::path(get, path = "/instansi/{iid}/skp", tag = "skp", params(JalurInstansi, SaringanSkp),
    responses((status = 200, description = "SKP", body = TampilanSkp)))]
pub(super) async fn skp_pegawai(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
    QueryMasuk(q): QueryMasuk<SaringanSkp>,
) -> HasilApi<TampilanSkp> {
    let pid = match q.pegawai_id {
        Some(x) => x,
        None => p
            .konteks
            .aktor()
            .ok()
            .and_then(|a| a.pegawai_id.clone())
            .unwrap_or_default(),
    };
    Ok(Json(
        sk::skp_pegawai(&s.layanan, &p.konteks, &iid, q.tahun, &pid)
            .await
            .api(&p)?,
    ))
}

/// Dasbor "tidak ada ASN tanpa target": BKD seluruh instansi, pimpinan unit unitnya
///
/// Bagian pegawai dengan SKP disetujui, pegawai tanpa SKP, RHK yang tidak
/// mengintervensi apa pun, indikator tanpa bukti, penilai yang tertinggal
/// memberi umpan balik (> 14 hari), beban kerja per jabatan (aturan ABK).
#[utoipa::path(get, path = "/instansi/{iid}/skp/dasbor", tag = "skp",
    params(JalurInstansi, SaringanTahun),
    responses((status = 200, description = "Dasbor", body = app::skp::dasbor::DasborSkp)))]
pub(super) async fn dasbor(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
    QueryMasuk(q): QueryMasuk<SaringanTahun>,
) -> HasilApi<app::skp::dasbor::DasborSkp> {
    Ok(Json(
        sk::dasbor::dasbor(&s.layanan, &p.konteks, &iid, q.tahun)
            .await
            .api(&p)?,
    ))
}

/// SKP yang saya nilai (bawahan langsung, atau lewat Plt./Plh.)
#[utoipa::path(get, path = "/instansi/{iid}/skp/dinilai", tag = "skp",
    params(JalurInstansi, SaringanTahun),
    responses((status = 200, description = "SKP", body = Vec<store::skp::Skp>)))]
pub(super) async fn dinilai(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
    QueryMasuk(q): QueryMasuk<SaringanTahun>,
) -> HasilApi<Vec<store::skp::Skp>> {
    Ok(Json(
        sk::dinilai_saya(&s.layanan, &p.konteks, &iid, q.tahun)
            .await
            .api(&p)?,
    ))
}

/// Kalibrasi kurva distribusi satu unit pada satu periode
///
/// `{"memenuhi", "pelanggaran", "distribusi"}` lewat aturan
/// `kurva-distribusi`; unit kecil digabung ke induknya (`kelompok`).
#[utoipa::path(get, path = "/instansi/{iid}/skp/kalibrasi", tag = "skp",
    params(JalurInstansi, SaringanKalibrasi),
    responses((status = 200, description = "Kalibrasi", body = HasilKalibrasi)))]
pub(super) async fn kalibrasi(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
    QueryMasuk(q): QueryMasuk<SaringanKalibrasi>,
) -> HasilApi<HasilKalibrasi> {
    Ok(Json(
        sk::evaluasi::kalibrasi(
            &s.layanan, &p.konteks, &iid, q.tahun, &q.periode, &q.unit_id,
        )
        .await
        .api(&p)?,
    ))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub(super) struct SaringanRingkasan {
    tahun: i64,
    /// Kode periode, mis. `2027-TW1`.
    #[param(max_length = 20)]
    periode: String,
}

/// Ringkasan kurva semua kelompok unit yang boleh dilihat (BKD: semuanya; penilai: kelompok bawahannya)
#[utoipa::path(get, path = "/instansi/{iid}/skp/kalibrasi/ringkasan", tag = "skp",
    params(JalurInstansi, SaringanRingkasan),
    responses((status = 200, description = "Ringkasan", body = Vec<app::skp::evaluasi::RingkasKelompok>)))]
pub(super) async fn ringkasan_kalibrasi(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
    QueryMasuk(q): QueryMasuk<SaringanRingkasan>,
) -> HasilApi<Vec<app::skp::evaluasi::RingkasKelompok>> {
    Ok(Json(
        sk::evaluasi::ringkasan(&s.layanan, &p.konteks, &iid, q.tahun, &q.periode)
            .await
            .api(&p)?,
    ))
}

/// Tetapkan predikat organisasi unit dan/atau finalkan kurvanya (atasan pejabat penilai)
///
/// Finalisasi ditolak 409 `kurva_dilanggar` selama kurva dilanggar, kecuali
/// dengan `alasan_pengecualian` (diaudit).
#[utoipa::path(post, path = "/instansi/{iid}/skp/kalibrasi", tag = "skp", params(JalurInstansi),
    request_body = MasukanKurva,
    responses((status = 200, description = "Tersimpan", body = HasilKalibrasi)))]
pub(super) async fn simpan_kurva(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
    JsonMasuk(m): JsonMasuk<MasukanKurva>,
) -> HasilApi<HasilKalibrasi> {
    Ok(Json(
        sk::evaluasi::simpan_kurva(&s.layanan, &p.konteks, &iid, m)
            .await
            .api(&p)?,
    ))
}
