//! Tonggak sesudah dibuat: diubah (jatuh tempo yang bergeser wajib beralasan),
//! dibatalkan dengan alasan, dan dijadikan RHK di SKP alumni (isu 13 → isu 11).
//! Tonggak yang selesai atau dibatalkan tidak diubah lagi.

use super::{
    MAKS_URAIAN, OBJEK_TONGGAK, ada_perubahan, bersih, galat_hak, muat, periksa_tanggal,
    tonggak_proyek_ini,
};
use crate::galat::GalatKolom;
use crate::kebijakan::CakupanAksi;
use crate::validasi::{self, JenisTeks};
use crate::{Galat, Hasil, Konteks, Layanan};
use rules::aksi_perubahan::Tahap;
use serde::Deserialize;
use store::aksi_perubahan::Tonggak;

#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanUbahTonggak {
    pub tahap: Tahap,
    #[schema(max_length = 4000)]
    pub uraian: String,
    #[schema(format = Date, max_length = 10)]
    pub jatuh_tempo: String,
    #[schema(max_length = 4000)]
    pub keluaran: Option<String>,
    #[schema(max_length = 4000)]
    pub indikator: Option<String>,
    /// Wajib bila jatuh tempo bergeser (dicatat di jejak audit).
    #[schema(max_length = 2000)]
    pub alasan: Option<String>,
    /// Versi tonggak yang dilihat pengubah.
    pub versi: Option<i64>,
}

#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanBatalTonggak {
    #[schema(max_length = 2000)]
    pub alasan: String,
    pub versi: Option<i64>,
}

#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanRhkTonggak {
    /// `tambahan` (bawaan) atau `utama`.
    #[schema(max_length = 20)]
    pub jenis: Option<String>,
    /// RHK pejabat penilai yang diintervensi (boleh ditautkan kelak di SKP).
    #[schema(max_length = 64)]
    pub rhk_atasan_id: Option<String>,
}

fn tertutup(k: &Konteks) -> Galat {
    Galat::Status {
        kode: "tonggak_tertutup".into(),
        pesan: k
            .t(
                "Tonggak ini sudah selesai atau dibatalkan; tidak dapat diubah lagi.",
                "This milestone is done or cancelled; it can no longer be changed.",
            )
            .into(),
        fields: Default::default(),
    }
}

fn basi(k: &Konteks) -> Galat {
    Galat::Konflik(
        k.t(
            "Tonggak sudah diubah orang lain; muat ulang lalu ulangi.",
            "Someone else changed the milestone; reload and try again.",
        )
        .into(),
    )
}

/// Tonggak proyek yang boleh diubah aktor (alumni, BKD, penyelenggara) dan masih terbuka.
async fn tonggak_terbuka(
    l: &Layanan,
    k: &Konteks,
    id: &str,
    tid: &str,
) -> Hasil<(super::Aksi, Tonggak)> {
    let c = CakupanAksi::untuk(l, k).await?;
    let (a, hak) = muat(l, k, &c, id).await?;
    super::pindah::tolak_bila_pindah(l, k, &a, &hak).await?;
    if !hak.ubah {
        return Err(galat_hak(
            k,
            "Tonggak hanya diubah alumninya, BKD instansinya atau penyelenggara pelatihannya.",
            "Only the alumnus, their agency's BKD or the training organiser may change milestones.",
        ));
    }
    let t = tonggak_proyek_ini(l, k, &a, tid).await?;
    if t.selesai_pada.is_some() || t.dibatalkan_alasan.is_some() {
        return Err(tertutup(k));
    }
    Ok((a, t))
}

/// Mengubah isi tonggak yang masih terbuka.
pub async fn ubah_tonggak(
    l: &Layanan,
    k: &Konteks,
    id: &str,
    tid: &str,
    m: MasukanUbahTonggak,
) -> Hasil<Tonggak> {
    let (a, t) = tonggak_terbuka(l, k, id, tid).await?;
    let versi = crate::galat::versi_wajib(k, m.versi)?;
    let b = k.bahasa;
    let mut f = GalatKolom::default();
    if m.uraian.trim().is_empty() {
        f.tambah("uraian", k.t("Wajib diisi.", "Required."));
    }
    validasi::periksa(
        &mut f,
        b,
        "uraian",
        m.uraian.trim(),
        MAKS_URAIAN,
        JenisTeks::Bebas,
    );
    for (kolom, v) in [("keluaran", &m.keluaran), ("indikator", &m.indikator)] {
        validasi::periksa_opsional(
            &mut f,
            b,
            kolom,
            v.as_deref(),
            MAKS_URAIAN,
            JenisTeks::Bebas,
        );
    }
    periksa_tanggal(&mut f, k, "jatuh_tempo", &m.jatuh_tempo);
    let alasan = bersih(m.alasan);
    validasi::periksa_opsional(
        &mut f,
        b,
        "alasan",
        alasan.as_deref(),
        2_000,
        JenisTeks::Bebas,
    );
    if m.jatuh_tempo != t.jatuh_tempo && alasan.is_none() {
        // Menggeser jatuh tempo menghapus status terlambat: harus beralasan.
        f.tambah(
            "alasan",
            k.t(
                "Tuliskan mengapa jatuh tempo bergeser.",
                "Say why the due date moves.",
            ),
        );
    }
    f.jadi_galat(k.t(
        "Data tonggak belum benar.",
        "The milestone data is not valid.",
    ))?;
    if versi != t.versi {
        return Err(basi(k));
    }
    let mut baru = t.clone();
    baru.tahap = m.tahap.token().to_string();
    baru.uraian = m.uraian.trim().to_string();
    baru.jatuh_tempo = m.jatuh_tempo;
    baru.keluaran = bersih(m.keluaran);
    baru.indikator = bersih(m.indikator);
    baru.versi = t.versi + 1;
    baru.diubah_pada = store::sekarang();
    let mut tx = l.db.mulai().await?;
    if !store::aksi_perubahan::ubah_tonggak(&mut tx, &baru, t.versi).await? {
        return Err(basi(k));
    }
    let aksi_audit = if baru.jatuh_tempo != t.jatuh_tempo {
        "geser_jatuh_tempo"
    } else {
        "ubah"
    };
    crate::audit::catat(
        &mut tx,
        k,
        &a.instansi_id,
        aksi_audit,
        OBJEK_TONGGAK,
        &t.id,
        Some(&(&t, None::<String>)),
        Some(&(&baru, alasan)),
    )
    .await?;
    tx.commit().await?;
    ada_perubahan();
    Ok(baru)
}

/// Membatalkan tonggak dengan alasan (proyek yang semua tonggaknya batal = dibatalkan).
pub async fn batalkan_tonggak(
    l: &Layanan,
    k: &Konteks,
    id: &str,
    tid: &str,
    m: MasukanBatalTonggak,
) -> Hasil<Tonggak> {
    let (a, t) = tonggak_terbuka(l, k, id, tid).await?;
    let versi = crate::galat::versi_wajib(k, m.versi)?;
    let alasan = m.alasan.trim().to_string();
    let mut f = GalatKolom::default();
    if alasan.is_empty() {
        f.tambah(
            "alasan",
            k.t(
                "Tuliskan alasan pembatalan.",
                "Give the reason for cancelling.",
            ),
        );
    }
    validasi::periksa(&mut f, k.bahasa, "alasan", &alasan, 2_000, JenisTeks::Bebas);
    f.jadi_galat(k.t("Pembatalan belum benar.", "The cancellation is not valid."))?;
    if versi != t.versi {
        return Err(basi(k));
    }
    let mut baru = t.clone();
    baru.dibatalkan_alasan = Some(alasan);
    baru.versi = t.versi + 1;
    baru.diubah_pada = store::sekarang();
    let mut tx = l.db.mulai().await?;
    if !store::aksi_perubahan::ubah_tonggak(&mut tx, &baru, t.versi).await? {
        return Err(basi(k));
    }
    crate::audit::catat(
        &mut tx,
        k,
        &a.instansi_id,
        "batal",
        OBJEK_TONGGAK,
        &t.id,
        Some(&t),
        Some(&baru),
    )
    .await?;
    tx.commit().await?;
    ada_perubahan();
    Ok(baru)
}

/// Tahun SKP yang menampung tonggak: tahun jatuh temponya, atau tahun ini
/// bila jatuh temponya sudah lewat (pekerjaannya berlanjut sekarang).
pub fn tahun_skp(jatuh_tempo: &str, hari_ini: &str) -> Option<i64> {
    let th = |s: &str| s.get(..4).and_then(|x| x.parse::<i64>().ok());
    Some(th(jatuh_tempo)?.max(th(hari_ini)?))
}

/// Alumni menjadikan tonggak sebuah RHK di SKP-nya (draf) pada tahun
/// tonggak itu, dengan satu indikator kuantitas dari indikator tonggak;
/// tautannya disimpan di tonggak (`rhk_id`) dalam transaksi yang sama.
pub async fn jadikan_rhk(
    l: &Layanan,
    k: &Konteks,
    id: &str,
    tid: &str,
    m: MasukanRhkTonggak,
) -> Hasil<Tonggak> {
    let c = CakupanAksi::untuk(l, k).await?;
    let (a, hak) = muat(l, k, &c, id).await?;
    super::pindah::tolak_bila_pindah(l, k, &a, &hak).await?;
    if !hak.kirim_progres {
        return Err(galat_hak(
            k,
            "Hanya alumni pemilik proyek yang menjadikan tonggaknya RHK di SKP-nya.",
            "Only the alumnus who owns the project may turn a milestone into a result in their plan.",
        ));
    }
    let t = tonggak_proyek_ini(l, k, &a, tid).await?;
    if t.dibatalkan_alasan.is_some() {
        return Err(tertutup(k));
    }
    if let Some(r) = &t.rhk_id
        && store::skp::rhk(l.pool(), &a.instansi_id, r)
            .await?
            .is_some()
    {
        return Err(Galat::Konflik(
            k.t(
                "Tonggak ini sudah menjadi RHK di SKP Anda.",
                "This milestone is already a result in your plan.",
            )
            .into(),
        ));
    }
    let hari_ini = crate::organisasi::hari_ini_di(l, &a.instansi_id).await?;
    let tahun = tahun_skp(&t.jatuh_tempo, &hari_ini).unwrap_or(0);
    let Some(s) = store::skp::skp_pegawai(l.pool(), &a.instansi_id, tahun, &a.pegawai_id).await?
    else {
        return Err(Galat::Status {
            kode: "skp_belum_ada".into(),
            pesan: match k.bahasa {
                crate::Bahasa::Id => format!(
                    "SKP Anda tahun {tahun} belum dibuka; minta BKD membuka periode {tahun}, lalu ulangi."
                ),
                crate::Bahasa::En => format!(
                    "Your {tahun} plan has not been opened; ask the BKD to open the {tahun} period, then try again."
                ),
            },
            fields: Default::default(),
        });
    };
    let jenis = bersih(m.jenis).unwrap_or_else(|| "tambahan".into());
    let indikator = t
        .indikator
        .clone()
        .or(t.keluaran.clone())
        .unwrap_or_else(|| k.t("Tonggak tercapai", "Milestone achieved").into());
    let masukan = crate::skp::MasukanRhk {
        jenis,
        uraian: format!("{}: {}", k.t("Aksi perubahan", "Change project"), t.uraian)
            .chars()
            .take(2_000)
            .collect(),
        rhk_atasan_id: bersih(m.rhk_atasan_id),
        perspektif: None,
        jam_beban: None,
        indikator: vec![crate::skp::MasukanIndikator {
            aspek: "kuantitas".into(),
            uraian: indikator.chars().take(2_000).collect(),
            target: "100".into(),
            satuan: k.t("persen", "percent").into(),
        }],
        versi: Some(s.versi),
    };
    let (s, r, ind) = crate::skp::siapkan_rhk(l, k, &s.instansi_id, &s.id, masukan).await?;
    let mut baru = t.clone();
    baru.rhk_id = Some(r.id.clone());
    baru.versi = t.versi + 1;
    baru.diubah_pada = store::sekarang();
    let mut tx = l.db.mulai().await?;
    crate::skp::tulis_rhk(&mut tx, k, &s, &r, &ind).await?;
    if !store::aksi_perubahan::ubah_tonggak(&mut tx, &baru, t.versi).await? {
        return Err(basi(k));
    }
    crate::audit::catat(
        &mut tx,
        k,
        &a.instansi_id,
        "jadikan_rhk",
        OBJEK_TONGGAK,
        &t.id,
        Some(&t),
        Some(&baru),
    )
    .await?;
    tx.commit().await?;
    ada_perubahan();
    Ok(baru)
}

#[cfg(test)]
mod tes {
    #[test]
    fn tahun_skp_tidak_mundur_ke_tahun_lalu() {
        assert_eq!(super::tahun_skp("2027-06-30", "2026-12-01"), Some(2027));
        assert_eq!(super::tahun_skp("2025-03-01", "2026-12-01"), Some(2026));
        assert_eq!(super::tahun_skp("x", "2026-12-01"), None);
    }
}
