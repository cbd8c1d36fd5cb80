//! Dasbor SKP instansi (BKD): pemetaan pegawai dan kemajuan penilaian.

use super::*;

#[derive(Template)]
#[template(path = "skp_dasbor.html")]
pub(super) struct HalamanDasbor {
    b: Bingkai,
    d: sk::dasbor::DasborSkp,
    unit: HashMap<String, String>,
}

pub(super) async fn dasbor(
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
        .map_err(|e| crate::halaman::galat(&p, e.into()))?
        .into_iter()
        .map(|u| (u.id, u.nama))
        .collect();
    let b = Bingkai::dari(
        &p,
        format!("{} {tahun}", p.konteks.t("Dasbor SKP", "Plan dashboard")),
    );
    Ok(render(&HalamanDasbor { b, d, unit }))
}
