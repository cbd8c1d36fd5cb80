//! Realisasi berkelanjutan: pegawai mencatat realisasi per indikator dan
//! periode dengan bukti (foto, berkas, tautan) dari ponsel; pejabat penilai
//! memberi umpan balik pada setiap entri. Yang diverifikasi dihitung; yang
//! belum tampil "menunggu". Kiriman ulang dari antrean luring ponsel membawa
//! `kunci_klien` yang sama dan tidak menggandakan entri.

use super::{galat_status, konflik, muat};
use crate::bukti::BerkasMasuk;
use crate::galat::GalatKolom;
use crate::validasi::{self, JenisTeks};
use crate::{Galat, Hasil, Konteks, Layanan};
use rules::skp::{Frekuensi, Periode};
use serde::{Deserialize, Serialize};
pub use store::skp::RealisasiSkp;

const MAKS_CATATAN: usize = 4_000;
const MAKS_TAUTAN: usize = 2_000;
const MAKS_KUNCI: usize = 64;

/// Status entri realisasi.
pub const MENUNGGU: &str = "menunggu";
pub const DIVERIFIKASI: &str = "diverifikasi";
pub const DITOLAK: &str = "ditolak";

/// Masukan dari formulir multipart (teks mentah; diperiksa di sini).
#[derive(Clone, Debug, Default)]
pub struct MasukanRealisasi {
    pub indikator_id: String,
    /// Kode periode, mis. `2027-TW1`.
    pub periode: String,
    /// Desimal.
    pub realisasi: String,
    pub catatan: String,
    pub tautan: String,
    /// Kunci idempoten dari antrean luring (opsional).
    pub kunci_klien: String,
}

/// Hash dan ukuran berkas bukti sebagaimana diterima.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct RingkasBukti {
    pub sha256: String,
    pub ukuran: i64,
}

/// Jawaban `POST …/skp/{skp_id}/realisasi` (201).
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct HasilRealisasi {
    pub id: String,
    pub indikator_id: String,
    pub periode: String,
    pub realisasi: String,
    /// `menunggu` sampai penilai memberi umpan balik.
    pub status: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bukti: Option<RingkasBukti>,
    /// false: kiriman ulang dengan `kunci_klien` yang sama (tidak digandakan).
    pub baru: bool,
}

#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanUmpanBalik {
    /// true: realisasi diverifikasi (dihitung); false: ditolak.
    pub diterima: bool,
    #[schema(max_length = 4000)]
    pub umpan_balik: Option<String>,
    /// Versi entri yang dilihat penilai.
    pub versi: Option<i64>,
}

fn periksa(k: &Konteks, m: &MasukanRealisasi, f: &mut GalatKolom) {
    let b = k.bahasa;
    validasi::periksa(
        f,
        b,
        "indikator_id",
        &m.indikator_id,
        validasi::MAKS_ID,
        JenisTeks::Baris,
    );
    validasi::periksa(f, b, "periode", &m.periode, 20, JenisTeks::Baris);
    validasi::periksa(f, b, "realisasi", &m.realisasi, 40, JenisTeks::Baris);
    validasi::periksa(f, b, "catatan", &m.catatan, MAKS_CATATAN, JenisTeks::Bebas);
    validasi::periksa(f, b, "tautan", &m.tautan, MAKS_TAUTAN, JenisTeks::Baris);
    validasi::periksa(
        f,
        b,
        "kunci_klien",
        &m.kunci_klien,
        MAKS_KUNCI,
        JenisTeks::Baris,
    );
}

/// Pemilik SKP mencatat realisasi satu indikator pada satu periode.
pub async fn kirim(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    skp_id: &str,
    m: MasukanRealisasi,
    bukti: Option<BerkasMasuk>,
) -> Hasil<HasilRealisasi> {
    let (s, hak) = muat(l, k, instansi_id, skp_id).await?;
    if !hak.pemilik {
        return Err(Galat::Dilarang(
            k.t(
                "Realisasi hanya dicatat pegawai pemilik SKP.",
                "Only the employee who owns the plan may report results.",
            )
            .into(),
        ));
    }
    let kunci = m.kunci_klien.trim();
    if !kunci.is_empty() {
        if let Some(r) = store::skp::realisasi_kunci(l.pool(), instansi_id, kunci).await? {
            if r.skp_id != s.id {
                return Err(galat_status(
                    "kunci_klien_dipakai",
                    k.t(
                        "Kunci kiriman ini sudah dipakai untuk SKP lain.",
                        "This submission key was already used for another plan.",
                    ),
                ));
            }
            return hasil_dari(l, r, false).await;
        }
    }
    if s.aktif == 0 {
        return Err(galat_status(
            "skp_ditutup",
            k.t("SKP ini sudah ditutup.", "This plan is closed."),
        ));
    }
    let mut f = GalatKolom::default();
    periksa(k, &m, &mut f);
    let ind = store::skp::indikator(l.pool(), instansi_id, m.indikator_id.trim())
        .await?
        .filter(|i| i.skp_id == s.id);
    if ind.is_none() {
        f.tambah(
            "indikator_id",
            k.t(
                "Indikator tidak ada di SKP ini.",
                "This indicator is not in this plan.",
            ),
        );
    }
    let frek = store::skp::periode(l.pool(), instansi_id, s.tahun)
        .await?
        .and_then(|p| Frekuensi::dari_token(&p.frekuensi))
        .unwrap_or(Frekuensi::Triwulanan);
    let periode = Periode::urai(m.periode.trim()).ok();
    match &periode {
        Some(p) if i64::from(p.tahun) == s.tahun && p.frekuensi() == Some(frek) => {}
        _ => {
            let contoh = rules::skp::daftar_periode(s.tahun as i32, frek)
                .first()
                .map(|p| p.kode())
                .unwrap_or_default();
            f.tambah(
                "periode",
                match k.bahasa {
                    crate::Bahasa::Id => format!(
                        "Periode harus periode {} tahun {} (mis. {contoh}).",
                        frek.token(),
                        s.tahun
                    ),
                    crate::Bahasa::En => format!(
                        "The period must be a {} period of {} (e.g. {contoh}).",
                        frek.token(),
                        s.tahun
                    ),
                },
            );
        }
    }
    let nilai = rules::angka::baca_desimal_tepat(m.realisasi.trim()).ok();
    if nilai.is_none() {
        f.tambah(
            "realisasi",
            k.t(
                "Realisasi berupa angka, mis. 12 atau 95,5.",
                "The result is a number, e.g. 12 or 95.5.",
            ),
        );
    }
    let tautan = m.tautan.trim();
    if !tautan.is_empty() && !(tautan.starts_with("https://") || tautan.starts_with("http://")) {
        f.tambah(
            "tautan",
            k.t(
                "Tautan bukti diawali https:// atau http://.",
                "An evidence link starts with https:// or http://.",
            ),
        );
    }
    f.jadi_galat(k.t("Realisasi belum benar.", "The result is not valid."))?;
    let (Some(periode), Some(nilai)) = (periode, nilai) else {
        return Err(Galat::Internal("realisasi tanpa periode/nilai".into()));
    };
    // Isi bukti ditulis ke penyimpanan lebih dulu; barisnya dicatat di
    // transaksi realisasi (satu commit per kiriman saat serbuan akhir bulan).
    let tersimpan = match bukti {
        Some(b) => Some(crate::bukti::siapkan_dan_simpan(l, k, instansi_id, vec![b]).await?),
        None => None,
    };
    let bukti_id = tersimpan.as_ref().and_then(|t| t.id_pertama());
    let a = k.aktor()?;
    let r = RealisasiSkp {
        instansi_id: instansi_id.to_string(),
        id: store::id_baru(),
        skp_id: s.id.clone(),
        indikator_id: m.indikator_id.trim().to_string(),
        periode: periode.kode(),
        realisasi: crate::perencanaan::kanonis(nilai),
        catatan: Some(m.catatan.trim().to_string()).filter(|c| !c.is_empty()),
        bukti_id: bukti_id.clone(),
        tautan: Some(tautan.to_string()).filter(|t| !t.is_empty()),
        kunci_klien: Some(kunci.to_string()).filter(|t| !t.is_empty()),
        pengguna_id: a.pengguna_id.clone(),
        status: MENUNGGU.into(),
        umpan_balik: None,
        umpan_balik_oleh: None,
        umpan_balik_pada: None,
        versi: 1,
        dibuat_pada: store::sekarang(),
    };
    let _giliran = l.db.kunci_tulis().await;
    let mut tx = l.db.mulai().await?;
    let bukti = match tersimpan {
        Some(t) => crate::bukti::catat(&mut tx, k, instansi_id, t)
            .await?
            .into_iter()
            .next(),
        None => None,
    };
    match store::skp::sisipkan_realisasi(&mut tx, &r).await {
        Ok(()) => {}
        // Dua kiriman ulang bersamaan dengan kunci yang sama: yang kalah membaca pemenangnya.
        Err(e) if e.pelanggaran_unik() && r.kunci_klien.is_some() => {
            drop(tx);
            let ada = store::skp::realisasi_kunci(l.pool(), instansi_id, kunci)
                .await?
                .ok_or_else(|| konflik(k))?;
            return hasil_dari(l, ada, false).await;
        }
        Err(e) => return Err(e.into()),
    }
    if let Some(b) = &bukti {
        crate::bukti::rujuk(&mut tx, instansi_id, &b.id, super::OBJEK_REALISASI, &r.id).await?;
    }
    // Audit tanpa isi berkas; ringkas agar serbuan akhir bulan tetap ringan.
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        "buat",
        super::OBJEK_REALISASI,
        &r.id,
        None,
        Some(&r),
    )
    .await?;
    tx.commit().await?;
    Ok(HasilRealisasi {
        id: r.id,
        indikator_id: r.indikator_id,
        periode: r.periode,
        realisasi: r.realisasi,
        status: r.status,
        bukti: bukti.map(|b| RingkasBukti {
            sha256: b.sha256,
            ukuran: b.ukuran,
        }),
        baru: true,
    })
}

async fn hasil_dari(l: &Layanan, r: RealisasiSkp, baru: bool) -> Hasil<HasilRealisasi> {
    let bukti = match &r.bukti_id {
        Some(b) => store::bukti::ambil(l.pool(), &r.instansi_id, b)
            .await?
            .map(|b| RingkasBukti {
                sha256: b.sha256,
                ukuran: b.ukuran,
            }),
        None => None,
    };
    Ok(HasilRealisasi {
        id: r.id,
        indikator_id: r.indikator_id,
        periode: r.periode,
        realisasi: r.realisasi,
        status: r.status,
        bukti,
        baru,
    })
}

/// Realisasi satu SKP (semua periode), bagi yang boleh membaca SKP itu.
pub async fn daftar(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    skp_id: &str,
) -> Hasil<Vec<RealisasiSkp>> {
    let (s, _) = muat(l, k, instansi_id, skp_id).await?;
    Ok(store::skp::realisasi_skp(l.pool(), instansi_id, &s.id).await?)
}

/// Pejabat penilai memberi umpan balik pada satu entri: diverifikasi
/// (dihitung) atau ditolak, dengan komentar.
pub async fn umpan_balik(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    skp_id: &str,
    realisasi_id: &str,
    m: MasukanUmpanBalik,
) -> Hasil<RealisasiSkp> {
    let (s, hak) = muat(l, k, instansi_id, skp_id).await?;
    if !hak.penilai {
        return Err(Galat::Dilarang(
            k.t(
                "Umpan balik diberikan pejabat penilai.",
                "Feedback is given by the evaluator.",
            )
            .into(),
        ));
    }
    let lama = store::skp::realisasi(l.pool(), instansi_id, realisasi_id)
        .await?
        .filter(|r| r.skp_id == s.id)
        .ok_or_else(|| {
            Galat::TidakDitemukan(
                k.t("Realisasi tidak ditemukan.", "Result entry not found.")
                    .into(),
            )
        })?;
    let teks = m
        .umpan_balik
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let mut f = GalatKolom::default();
    validasi::periksa_opsional(
        &mut f,
        k.bahasa,
        "umpan_balik",
        teks,
        MAKS_CATATAN,
        JenisTeks::Bebas,
    );
    if !m.diterima && teks.is_none() {
        f.tambah(
            "umpan_balik",
            k.t(
                "Jelaskan mengapa realisasi ini ditolak.",
                "Explain why this entry is rejected.",
            ),
        );
    }
    f.jadi_galat(k.t("Umpan balik belum benar.", "The feedback is not valid."))?;
    let Some(versi) = m.versi else {
        return Err(Galat::VersiWajib(
            k.t(
                "Sertakan versi entri yang Anda lihat (field `versi`).",
                "Include the entry version you saw (field `versi`).",
            )
            .into(),
        ));
    };
    let a = k.aktor()?;
    let mut baru = lama.clone();
    baru.status = if m.diterima { DIVERIFIKASI } else { DITOLAK }.into();
    baru.umpan_balik = teks.map(str::to_string);
    baru.umpan_balik_oleh = Some(a.pengguna_id.clone());
    baru.umpan_balik_pada = Some(store::sekarang());
    baru.versi = lama.versi + 1;
    let mut tx = l.db.mulai().await?;
    if !store::skp::beri_umpan_balik(&mut tx, &baru, versi).await? {
        return Err(konflik(k));
    }
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        "umpan_balik",
        super::OBJEK_REALISASI,
        &lama.id,
        Some(&lama),
        Some(&baru),
    )
    .await?;
    tx.commit().await?;
    Ok(baru)
}

/// Jalur kedua `bukti::lihat`: pembaca SKP yang merujuk bukti ini lewat realisasinya.
pub async fn boleh_lihat_bukti(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    bukti_id: &str,
) -> Hasil<bool> {
    for skp_id in store::skp::skp_dengan_bukti(l.pool(), instansi_id, bukti_id).await? {
        if let Some(s) = store::skp::skp(l.pool(), instansi_id, &skp_id).await? {
            if crate::kebijakan::hak_skp(l, k, &s).await?.baca {
                return Ok(true);
            }
        }
    }
    Ok(false)
}
