//! Progres tonggak dari ponsel alumni (dengan bukti) dan verifikasi mentor.

use super::*;

/// Alumni mengirim progres satu tonggak, dengan bukti opsional (foto dari
/// ponsel). Tonggak langsung mencatat progres dan tanggal pembaruannya
/// (tidak lagi senyap); selesai baru setelah mentor menerima progres 100.
pub async fn kirim_progres(
    l: &Layanan,
    k: &Konteks,
    id: &str,
    tid: &str,
    m: MasukanProgres,
    bukti: Option<BerkasMasuk>,
) -> Hasil<Progres> {
    let c = CakupanAksi::untuk(l, k).await?;
    let (a, hak) = muat(l, k, &c, id).await?;
    pindah::tolak_bila_pindah(l, k, &a, &hak).await?;
    if !hak.kirim_progres {
        return Err(galat_hak(
            k,
            "Progres hanya dikirim alumni pemilik proyek.",
            "Only the alumnus who owns the project may post progress.",
        ));
    }
    let t = tonggak_proyek_ini(l, k, &a, tid).await?;
    let mut f = GalatKolom::default();
    let progres = baca_progres(&m.progres_persen);
    if progres.is_none() {
        f.tambah(
            "progres_persen",
            k.t(
                "Progres berupa angka 0–100 (paling banyak 2 desimal), mis. 60 atau 62,5.",
                "Progress is a number 0–100 (at most 2 decimals), e.g. 60 or 62.5.",
            ),
        );
    }
    let catatan = m.catatan.trim().to_string();
    if catatan.is_empty() {
        f.tambah(
            "catatan",
            k.t(
                "Ceritakan apa yang sudah dikerjakan.",
                "Describe what was done.",
            ),
        );
    }
    validasi::periksa(
        &mut f,
        k.bahasa,
        "catatan",
        &catatan,
        MAKS_URAIAN,
        JenisTeks::Bebas,
    );
    if t.selesai_pada.is_some() || t.dibatalkan_alasan.is_some() {
        f.tambah(
            "progres_persen",
            k.t(
                "Tonggak ini sudah selesai atau dibatalkan.",
                "This milestone is already done or cancelled.",
            ),
        );
    }
    f.jadi_galat(k.t("Progres belum benar.", "The progress is not valid."))?;
    let progres = progres.unwrap_or_default();
    // Bukti diunggah lebih dulu (milik alumni); dirujuk di transaksi progres.
    let bukti = match bukti {
        Some(b) => crate::bukti::unggah(l, k, &a.instansi_id, vec![b]).await?,
        None => Vec::new(),
    };
    let hari_ini = crate::organisasi::hari_ini_di(l, &a.instansi_id).await?;
    let w = store::sekarang();
    let p = Progres {
        instansi_id: a.instansi_id.clone(),
        id: store::id_baru(),
        aksi_id: a.id.clone(),
        tonggak_id: t.id.clone(),
        pengguna_id: c.aktor().pengguna_id.clone(),
        progres_persen: rules::angka::teks_ringkas(progres),
        catatan,
        status: "menunggu".into(),
        verifikator_id: None,
        diverifikasi_pada: None,
        catatan_verifikasi: None,
        dibuat_pada: w.clone(),
    };
    let mut baru = t.clone();
    baru.progres_persen = p.progres_persen.clone();
    baru.diperbarui_pada = hari_ini;
    baru.versi = t.versi + 1;
    baru.diubah_pada = w;
    let mut tx = l.db.mulai().await?;
    store::aksi_perubahan::sisipkan_progres(&mut tx, &p).await?;
    if !store::aksi_perubahan::ubah_tonggak(&mut tx, &baru, t.versi).await? {
        return Err(Galat::Konflik(
            k.t(
                "Tonggak baru saja berubah; kirim ulang.",
                "The milestone just changed; send again.",
            )
            .into(),
        ));
    }
    for b in &bukti {
        crate::bukti::rujuk(&mut tx, &a.instansi_id, &b.id, OBJEK_PROGRES, &p.id).await?;
    }
    crate::audit::catat(
        &mut tx,
        k,
        &a.instansi_id,
        "buat",
        OBJEK_PROGRES,
        &p.id,
        None,
        Some(&p),
    )
    .await?;
    crate::audit::catat(
        &mut tx,
        k,
        &a.instansi_id,
        "ubah",
        OBJEK_TONGGAK,
        &t.id,
        Some(&t),
        Some(&baru),
    )
    .await?;
    tx.commit().await?;
    ada_perubahan();
    Ok(p)
}

/// Mentor memverifikasi satu progres yang masih menunggu. Progres 100 yang
/// diterima menyelesaikan tonggaknya (tanggal hari ini di zona instansi).
pub async fn verifikasi(
    l: &Layanan,
    k: &Konteks,
    id: &str,
    pid: &str,
    m: MasukanVerifikasi,
) -> Hasil<Progres> {
    let c = CakupanAksi::untuk(l, k).await?;
    let (a, hak) = muat(l, k, &c, id).await?;
    pindah::tolak_bila_pindah(l, k, &a, &hak).await?;
    if !hak.verifikasi {
        return Err(galat_hak(
            k,
            "Progres hanya diverifikasi mentor alumni ini.",
            "Only this alumnus's mentor may verify progress.",
        ));
    }
    let lama = store::aksi_perubahan::progres(l.pool(), &a.instansi_id, pid)
        .await?
        .filter(|p| p.aksi_id == a.id)
        .ok_or_else(|| {
            Galat::TidakDitemukan(
                k.t("Progres tidak ditemukan.", "Progress not found.")
                    .into(),
            )
        })?;
    let catatan = bersih(m.catatan);
    let mut f = GalatKolom::default();
    validasi::periksa_opsional(
        &mut f,
        k.bahasa,
        "catatan",
        catatan.as_deref(),
        2_000,
        JenisTeks::Bebas,
    );
    f.jadi_galat(k.t("Catatan belum benar.", "The note is not valid."))?;
    let status = if m.diterima { "diterima" } else { "ditolak" };
    let w = store::sekarang();
    let verifikator = c.aktor().pengguna_id.clone();
    let mut tx = l.db.mulai().await?;
    if !store::aksi_perubahan::verifikasi_progres(
        &mut tx,
        &a.instansi_id,
        pid,
        status,
        &verifikator,
        &w,
        catatan.as_deref(),
    )
    .await?
    {
        return Err(Galat::Konflik(
            k.t(
                "Progres ini sudah diverifikasi.",
                "This progress has already been verified.",
            )
            .into(),
        ));
    }
    let mut baru = lama.clone();
    baru.status = status.into();
    baru.verifikator_id = Some(verifikator);
    baru.diverifikasi_pada = Some(w.clone());
    baru.catatan_verifikasi = catatan;
    if m.diterima && baca_progres(&lama.progres_persen) == Some(Decimal::ONE_HUNDRED) {
        let t = tonggak_proyek_ini(l, k, &a, &lama.tonggak_id).await?;
        if t.selesai_pada.is_none() && t.dibatalkan_alasan.is_none() {
            let mut tb = t.clone();
            tb.selesai_pada = Some(crate::organisasi::hari_ini_di(l, &a.instansi_id).await?);
            tb.versi = t.versi + 1;
            tb.diubah_pada = w;
            if store::aksi_perubahan::ubah_tonggak(&mut tx, &tb, t.versi).await? {
                crate::audit::catat(
                    &mut tx,
                    k,
                    &a.instansi_id,
                    "selesai",
                    OBJEK_TONGGAK,
                    &t.id,
                    Some(&t),
                    Some(&tb),
                )
                .await?;
            }
        }
    }
    crate::audit::catat(
        &mut tx,
        k,
        &a.instansi_id,
        "verifikasi",
        OBJEK_PROGRES,
        pid,
        Some(&lama),
        Some(&baru),
    )
    .await?;
    tx.commit().await?;
    ada_perubahan();
    Ok(baru)
}

/// Isi satu bukti progres bagi yang boleh membaca proyeknya (mentor, BKD…),
/// hanya salinan foto (kecil/mini) atau lampiran; dirujuk progres proyek ini.
pub async fn bukti_progres(
    l: &Layanan,
    k: &Konteks,
    id: &str,
    bukti_id: &str,
    varian: crate::bukti::Varian,
) -> Hasil<crate::bukti::Sajian> {
    let c = CakupanAksi::untuk(l, k).await?;
    let (a, _) = muat(l, k, &c, id).await?;
    let dirujuk = store::aksi_perubahan::bukti_progres(l.pool(), &a.instansi_id, &a.id)
        .await?
        .into_iter()
        .any(|(b, _)| b == bukti_id);
    if !dirujuk {
        return Err(Galat::TidakDitemukan(
            k.t("Bukti tidak ditemukan.", "Evidence file not found.")
                .into(),
        ));
    }
    crate::bukti::sajikan_untuk_rujukan(l, k, &a.instansi_id, bukti_id, varian).await
}
