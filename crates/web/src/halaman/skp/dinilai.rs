//! Daftar SKP yang dinilai pengguna (penilai).

use super::*;

pub(super) struct BarisDinilai {
    id: String,
    nama: String,
    status: String,
    kelas: &'static str,
    menunggu: usize,
}

#[derive(Template)]
#[template(path = "skp_dinilai.html")]
pub(super) struct HalamanDinilai {
    b: Bingkai,
    tahun: i64,
    baris: Vec<BarisDinilai>,
}

pub(super) async fn dinilai(
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
                    .map_err(|e| crate::halaman::galat(&p, e.into()))?
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
