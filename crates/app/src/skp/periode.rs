//! Membuka periode SKP untuk seluruh instansi dalam satu tindakan.
//!
//! Idempoten dan sekaligus menyelaraskan: setiap pegawai aktif (juga yang
//! cuti) tanpa SKP aktif tahun itu mendapat draf dengan pejabat penilai dan
//! atasan penilai dari `rules::skp::tentukan_penilai`; draf menyalin RHK dan
//! indikator SKP tahun lalu (tautan ke RHK atasan ikut dipetakan bila RHK
//! atasan itu juga disalin). Menjalankannya lagi tidak membuat apa pun yang
//! sudah ada, tetapi: penilai SKP yang ada diperbarui bila BKD sudah
//! membetulkan atasan; pegawai yang pindah unit mendapat SKP baru di unit
//! barunya (yang lama ditutup dengan riwayatnya); SKP pegawai yang pensiun,
//! pindah instansi, berhenti atau diberhentikan sementara ditutup. Semua
//! dalam satu transaksi. Perubahan data pegawai memicu penyelarasan yang
//! sama lewat tugas latar (`skp::selaras`).

use crate::kebijakan::{self, Akses, Aksi, Sumber};
use crate::{Galat, Hasil, Konteks, Layanan};
use rules::skp::{
    Frekuensi, JenisPenugasan, MasalahPenilai, PenugasanSementara, PetaOrganisasi, PosPegawai,
    tentukan_penilai,
};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use store::skp::{IndikatorSkp, PeriodeSkp, Rhk, Skp};

/// Jenis tugas latar untuk instansi besar.
pub const JENIS_TUGAS: &str = "skp_buka_periode";
/// Instansi dengan pegawai sebanyak ini atau kurang dibuka langsung (200);
/// di atasnya lewat tugas latar (202).
pub const BATAS_LANGSUNG: i64 = 5_000;
/// Ambang bawaan penggabungan unit kecil untuk kurva [R].
pub const AMBANG_KURVA_BAWAAN: i64 = 5;

/// Status pegawai yang mendapat SKP; yang lain ditampilkan terpisah.
pub const STATUS_BER_SKP: &[&str] = &["aktif", "cuti"];
/// Pemberhentian sementara (PP 11/2017: ditahan, proses pidana atau hukuman
/// disiplin berat): tanpa SKP, SKP terbukanya ditutup dengan alasan ini, dan
/// dihitung terpisah (bukan "tanpa SKP"). Kembali `aktif` → SKP baru.
pub const STATUS_DIBERHENTIKAN_SEMENTARA: &str = "diberhentikan_sementara";

/// Kontrak isu 11: `{"dibuat": N, "sudah_ada": M, "tanpa_atasan": K}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct HasilBukaPeriode {
    /// SKP baru (termasuk pegawai yang pindah unit).
    pub dibuat: u64,
    /// Pegawai yang sudah punya SKP aktif tahun ini.
    pub sudah_ada: u64,
    /// Pegawai ber-SKP yang belum punya pejabat penilai (tanpa atasan,
    /// atasan tidak aktif tanpa Plt./Plh., atasan tidak dikenal).
    pub tanpa_atasan: u64,
}

#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanPeriodeSkp {
    pub tahun: i64,
    /// `triwulanan` (bawaan), `bulanan`, `semesteran`; hanya saat pertama dibuka.
    pub frekuensi: Option<Frekuensi>,
    /// Unit dengan pegawai dinilai kurang dari ini digabung ke induknya (bawaan 5).
    #[schema(minimum = 1, maximum = 1000)]
    pub ambang_kurva: Option<i64>,
}

/// Hanya admin instansi (BKD) atau super admin.
pub fn wajib_bkd<'k>(k: &'k Konteks, instansi_id: &str) -> Hasil<&'k crate::Aktor> {
    let a = kebijakan::wajib(k, Aksi::Kelola, Sumber::Skp(instansi_id))?;
    if kebijakan::putuskan(Some(a), Aksi::Kelola, Sumber::Skp(instansi_id)) != Akses::Penuh {
        return Err(Galat::Dilarang(
            k.t(
                "Periode SKP dibuka oleh BKD (admin instansi).",
                "Performance periods are opened by the personnel agency (agency admin).",
            )
            .into(),
        ));
    }
    Ok(a)
}

/// Periode SKP satu tahun (None bila belum dibuka).
pub async fn periode(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
) -> Hasil<Option<PeriodeSkp>> {
    kebijakan::wajib(k, Aksi::Baca, Sumber::Skp(instansi_id))?;
    Ok(store::skp::periode(l.pool(), instansi_id, tahun).await?)
}

/// Peta organisasi untuk `tentukan_penilai` pada tanggal tertentu.
pub async fn peta_organisasi(
    l: &Layanan,
    instansi_id: &str,
    tanggal: &str,
    pegawai: &[store::organisasi::Pegawai],
) -> Hasil<PetaOrganisasi> {
    let unit = store::organisasi::semua_unit(l.pool(), instansi_id).await?;
    let mut penugasan = HashMap::new();
    for (pid, jenis, unit_id, jabatan_id) in
        store::skp::penugasan_sementara_aktif(l.pool(), instansi_id, tanggal).await?
    {
        let (Some(jab), Some(jenis)) = (jabatan_id, JenisPenugasan::dari_token(&jenis)) else {
            continue;
        };
        // Penugasan yang lebih baru menggantikan yang lama untuk jabatan yang sama.
        penugasan.insert(
            jab,
            PenugasanSementara {
                pegawai_id: pid,
                jenis,
                unit_id,
            },
        );
    }
    Ok(PetaOrganisasi {
        pegawai: pegawai
            .iter()
            .map(|p| {
                (
                    p.id.clone(),
                    PosPegawai {
                        id: p.id.clone(),
                        unit_id: p.unit_id.clone(),
                        jabatan_id: p.jabatan_id.clone(),
                        atasan_id: p.atasan_id.clone(),
                        aktif: STATUS_BER_SKP.contains(&p.status.as_str()),
                    },
                )
            })
            .collect(),
        induk_unit: unit.into_iter().map(|u| (u.id, u.induk_id)).collect(),
        penugasan,
    })
}

/// Instansi kecil langsung (Ok(Ok(hasil))); instansi di atas
/// [`BATAS_LANGSUNG`] pegawai lewat tugas latar (Ok(Err(tugas))).
pub async fn buka_atau_antre(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    m: &MasukanPeriodeSkp,
) -> Hasil<Result<HasilBukaPeriode, store::tugas::Tugas>> {
    let a = wajib_bkd(k, instansi_id)?.clone();
    crate::perencanaan::periksa_tahun(k, m.tahun)?;
    let n = store::organisasi::jumlah_pegawai(l.pool(), Some(instansi_id)).await?;
    if n <= BATAS_LANGSUNG {
        return Ok(Ok(buka_periode(l, k, instansi_id, m).await?));
    }
    let mut b = crate::tugas::TugasBaru::baru(
        JENIS_TUGAS,
        serde_json::json!({
            "instansi_id": instansi_id,
            "pemilik_instansi_id": a.instansi_id,
            "tahun": m.tahun,
            "frekuensi": m.frekuensi.map(|f| f.token()),
            "ambang_kurva": m.ambang_kurva,
            "bahasa": k.bahasa.kode(),
        }),
    );
    b.instansi_id = Some(instansi_id.to_string());
    b.pengguna_id = Some(a.pengguna_id.clone());
    let (t, _) = crate::tugas::antre(l, b, None).await?;
    Ok(Err(t))
}

/// Membuka (atau menyelaraskan) periode SKP satu tahun untuk seluruh instansi.
pub async fn buka_periode(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    m: &MasukanPeriodeSkp,
) -> Hasil<HasilBukaPeriode> {
    wajib_bkd(k, instansi_id)?;
    selaraskan_periode(l, k, instansi_id, m, "buka_periode").await
}

/// Isi `buka_periode` tanpa gerbang BKD: dipanggil sesudah `wajib_bkd`, atau
/// oleh tugas latar `skp_selaraskan` (`skp::selaras`) dengan aktor sistem —
/// gerbangnya adalah perubahan data pegawai yang memicu tugas itu. `aksi`
/// adalah aksi baris audit (`buka_periode` atau `selaraskan`).
pub(crate) async fn selaraskan_periode(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    m: &MasukanPeriodeSkp,
    aksi: &str,
) -> Hasil<HasilBukaPeriode> {
    crate::perencanaan::periksa_tahun(k, m.tahun)?;
    if let Some(a) = m.ambang_kurva {
        if !(1..=1000).contains(&a) {
            return Err(Galat::input(
                k.t("Ambang kurva tidak sah.", "Invalid curve threshold."),
                [(
                    "ambang_kurva".to_string(),
                    k.t(
                        "Antara 1 dan 1000 pegawai.",
                        "Between 1 and 1000 employees.",
                    )
                    .to_string(),
                )]
                .into(),
            ));
        }
    }
    let pool = l.pool();
    if store::organisasi::instansi(pool, instansi_id)
        .await?
        .is_none()
    {
        return Err(Galat::TidakDitemukan(
            k.t("Instansi tidak ditemukan.", "Agency not found.").into(),
        ));
    }
    let tahun = m.tahun;
    let hari_ini = crate::organisasi::hari_ini_di(l, instansi_id).await?;
    let pegawai = store::organisasi::semua_pegawai(pool, instansi_id).await?;
    let peta = peta_organisasi(l, instansi_id, &hari_ini, &pegawai).await?;
    let jabatan: HashMap<String, String> = store::organisasi::semua_jabatan(pool, instansi_id)
        .await?
        .into_iter()
        .map(|j| (j.id, j.jenis))
        .collect();
    // SKP aktif tahun ini, per pegawai.
    let ada: HashMap<String, Skp> = store::skp::daftar_skp(pool, instansi_id, tahun, None)
        .await?
        .into_iter()
        .map(|s| (s.pegawai_id.clone(), s))
        .collect();
    let w = store::sekarang();
    let mut hasil = HasilBukaPeriode::default();
    let mut baru: Vec<Skp> = Vec::new();
    let mut tutup: Vec<(String, &'static str)> = Vec::new();
    let mut ubah_penilai: Vec<Skp> = Vec::new();
    for p in &pegawai {
        let ber_skp =
            STATUS_BER_SKP.contains(&p.status.as_str()) && p.jenis_asn != "pejabat_negara";
        let lama = ada.get(&p.id);
        if !ber_skp {
            if let Some(s) = lama {
                tutup.push((s.id.clone(), alasan_tutup(&p.status)));
            }
            continue;
        }
        let h = tentukan_penilai(&peta, &p.id);
        if h.penilai.is_none() {
            hasil.tanpa_atasan += 1;
        }
        let penilai_id = h.penilai.as_ref().map(|x| x.pegawai_id.clone());
        let dasar = h.penilai.as_ref().map(|x| x.dasar.token().to_string());
        let atasan_penilai_id = h.atasan_penilai.as_ref().map(|x| x.pegawai_id.clone());
        let masalah = h.masalah.map(|x: MasalahPenilai| x.token().to_string());
        match lama {
            Some(s) if s.unit_id == p.unit_id => {
                hasil.sudah_ada += 1;
                if s.penilai_id != penilai_id
                    || s.atasan_penilai_id != atasan_penilai_id
                    || s.masalah_penilai != masalah
                {
                    let mut x = s.clone();
                    x.penilai_id = penilai_id;
                    x.dasar_penilai = dasar;
                    x.atasan_penilai_id = atasan_penilai_id;
                    x.masalah_penilai = masalah;
                    ubah_penilai.push(x);
                }
            }
            lama => {
                if let Some(s) = lama {
                    tutup.push((s.id.clone(), "pindah_unit"));
                }
                hasil.dibuat += 1;
                baru.push(Skp {
                    instansi_id: instansi_id.to_string(),
                    id: store::id_baru(),
                    pegawai_id: p.id.clone(),
                    tahun,
                    unit_id: p.unit_id.clone(),
                    jabatan_id: p.jabatan_id.clone(),
                    jpt: i64::from(
                        p.jabatan_id
                            .as_ref()
                            .and_then(|j| jabatan.get(j))
                            .is_some_and(|j| j == "jpt"),
                    ),
                    penilai_id,
                    dasar_penilai: dasar,
                    atasan_penilai_id,
                    masalah_penilai: masalah,
                    status: rules::skp::StatusSkp::Draf.token().into(),
                    aktif: 1,
                    berakhir_pada: None,
                    alasan_berakhir: None,
                    versi: 1,
                    dibuat_pada: w.clone(),
                    diubah_pada: w.clone(),
                });
            }
        }
    }
    let (mut rhk, mut indikator) = salin_tahun_lalu(l, instansi_id, tahun, &baru, &w).await?;
    // Draf tanpa apa pun dari tahun lalu: templat jabatannya (bila ada).
    let tersalin: std::collections::HashSet<&str> = rhk.iter().map(|r| r.skp_id.as_str()).collect();
    let (rhk_t, ind_t) =
        super::templat::isi_dari_templat(l, instansi_id, &baru, &tersalin, &w).await?;
    let rhk_dari_templat = rhk_t.len();
    rhk.extend(rhk_t);
    indikator.extend(ind_t);
    let mut tx = l.db.mulai().await?;
    let periode_baru = store::skp::sisipkan_periode(
        &mut tx,
        &PeriodeSkp {
            instansi_id: instansi_id.to_string(),
            tahun,
            frekuensi: m.frekuensi.unwrap_or(Frekuensi::Triwulanan).token().into(),
            ambang_kurva: m.ambang_kurva.unwrap_or(AMBANG_KURVA_BAWAAN),
            dibuka_pada: w.clone(),
            versi: 1,
        },
    )
    .await?;
    for (id, alasan) in &tutup {
        store::skp::tutup_skp(&mut tx, instansi_id, id, alasan, &w).await?;
    }
    for s in &ubah_penilai {
        store::skp::ubah_penilai_skp(&mut tx, s, &w).await?;
    }
    store::skp::sisipkan_skp_banyak(&mut tx, &baru).await?;
    store::skp::sisipkan_rhk_banyak(&mut tx, &rhk).await?;
    store::skp::sisipkan_indikator_banyak(&mut tx, &indikator).await?;
    let ringkas = serde_json::json!({
        "tahun": tahun,
        "periode_baru": periode_baru,
        "dibuat": hasil.dibuat,
        "sudah_ada": hasil.sudah_ada,
        "tanpa_atasan": hasil.tanpa_atasan,
        "ditutup": tutup.len(),
        "penilai_diperbarui": ubah_penilai.len(),
        "rhk_disalin": rhk.len() - rhk_dari_templat,
        "rhk_dari_templat": rhk_dari_templat,
    });
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        aksi,
        "periode_skp",
        &tahun.to_string(),
        None,
        Some(&ringkas),
    )
    .await?;
    tx.commit().await?;
    Ok(hasil)
}

fn alasan_tutup(status: &str) -> &'static str {
    match status {
        "pensiun" => "pensiun",
        "pindah" => "pindah_instansi",
        // PP 11/2017 pemberhentian sementara: kembali `aktif` → SKP baru.
        STATUS_DIBERHENTIKAN_SEMENTARA => STATUS_DIBERHENTIKAN_SEMENTARA,
        _ => "berhenti",
    }
}

/// Menyalin RHK dan indikator SKP tahun lalu ke SKP baru pegawai yang sama.
/// Tautan ke RHK atasan dipetakan ke salinannya bila ikut disalin; bila
/// tidak, tautan dikosongkan (ditautkan ulang oleh pegawai).
async fn salin_tahun_lalu(
    l: &Layanan,
    instansi_id: &str,
    tahun: i64,
    baru: &[Skp],
    w: &str,
) -> Hasil<(Vec<Rhk>, Vec<IndikatorSkp>)> {
    if baru.is_empty() {
        return Ok((Vec::new(), Vec::new()));
    }
    let pool = l.pool();
    let lalu: HashMap<String, String> = store::skp::daftar_skp(pool, instansi_id, tahun - 1, None)
        .await?
        .into_iter()
        .map(|s| (s.id, s.pegawai_id))
        .collect();
    if lalu.is_empty() {
        return Ok((Vec::new(), Vec::new()));
    }
    let skp_baru: HashMap<&str, &Skp> = baru.iter().map(|s| (s.pegawai_id.as_str(), s)).collect();
    let rhk_lalu = store::skp::rhk_tahun(pool, instansi_id, tahun - 1).await?;
    let mut peta_id: HashMap<String, String> = HashMap::new();
    let mut rhk = Vec::new();
    for r in &rhk_lalu {
        let Some(s) = lalu.get(&r.skp_id).and_then(|p| skp_baru.get(p.as_str())) else {
            continue;
        };
        let id = store::id_baru();
        peta_id.insert(r.id.clone(), id.clone());
        rhk.push(Rhk {
            instansi_id: instansi_id.to_string(),
            id,
            skp_id: s.id.clone(),
            jenis: r.jenis.clone(),
            uraian: r.uraian.clone(),
            rhk_atasan_id: r.rhk_atasan_id.clone(),
            perspektif: r.perspektif.clone(),
            sumber_pk: None,
            jam_beban: r.jam_beban.clone(),
            urutan: r.urutan,
            versi: 1,
            dibuat_pada: w.to_string(),
            diubah_pada: w.to_string(),
        });
    }
    for r in &mut rhk {
        r.rhk_atasan_id = r
            .rhk_atasan_id
            .as_ref()
            .and_then(|x| peta_id.get(x).cloned());
    }
    // Urutan sisip: RHK atasan sebelum RHK yang menautnya (FK).
    rhk = urut_induk_dulu(rhk);
    let skp_dari_rhk: HashMap<&str, &str> = rhk
        .iter()
        .map(|r| (r.id.as_str(), r.skp_id.as_str()))
        .collect();
    let indikator = store::skp::indikator_tahun(pool, instansi_id, tahun - 1)
        .await?
        .into_iter()
        .filter_map(|i| {
            let rid = peta_id.get(&i.rhk_id)?;
            let sid = skp_dari_rhk.get(rid.as_str())?;
            Some(IndikatorSkp {
                instansi_id: instansi_id.to_string(),
                id: store::id_baru(),
                rhk_id: rid.clone(),
                skp_id: sid.to_string(),
                aspek: i.aspek,
                uraian: i.uraian,
                target: i.target,
                satuan: i.satuan,
                urutan: i.urutan,
            })
        })
        .collect();
    Ok((rhk, indikator))
}

/// RHK diurutkan sehingga setiap RHK atasan (bila ada di daftar) lebih dulu.
pub(crate) fn urut_induk_dulu(rhk: Vec<Rhk>) -> Vec<Rhk> {
    let ids: std::collections::HashSet<String> = rhk.iter().map(|r| r.id.clone()).collect();
    let mut sudah: std::collections::HashSet<String> = Default::default();
    let mut sisa = rhk;
    let mut hasil = Vec::with_capacity(sisa.len());
    // Rantai atasan paling dalam ±10 tingkat; tiap putaran memindahkan satu tingkat.
    for _ in 0..64 {
        if sisa.is_empty() {
            break;
        }
        let (siap, belum): (Vec<Rhk>, Vec<Rhk>) = sisa.into_iter().partition(|r| {
            r.rhk_atasan_id
                .as_ref()
                .is_none_or(|a| !ids.contains(a) || sudah.contains(a))
        });
        for r in &siap {
            sudah.insert(r.id.clone());
        }
        hasil.extend(siap);
        sisa = belum;
    }
    // Sisa hanya bila rantainya melingkar (tidak mungkin dari data sah): tanpa tautan.
    for mut r in sisa {
        r.rhk_atasan_id = None;
        hasil.push(r);
    }
    hasil
}

/// Pegawai ber-SKP yang pemetaan penilainya perlu dibetulkan BKD, dan
/// pegawai yang tidak dihitung "tanpa SKP" (pensiun, pindah, berhenti,
/// diberhentikan sementara).
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct BarisPemetaan {
    pub pegawai_id: String,
    pub nama: String,
    pub nip: Option<String>,
    pub unit_id: String,
    /// `tanpa_atasan`, `atasan_tidak_aktif`, `atasan_lintas_unit`,
    /// `atasan_tidak_dikenal`; atau status pegawai bila tidak ber-SKP.
    pub masalah: String,
    pub penilai_id: Option<String>,
    /// `definitif`, `plt`, `plh`.
    pub dasar_penilai: Option<String>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Pemetaan {
    pub tahun: i64,
    /// Perlu dibetulkan sebelum menghambat siapa pun.
    pub perlu_perbaikan: Vec<BarisPemetaan>,
    /// Tidak ber-SKP di instansi ini (ditampilkan terpisah).
    pub tidak_ber_skp: Vec<BarisPemetaan>,
    /// Pegawai ber-SKP tanpa SKP aktif tahun ini (periode belum diselaraskan).
    pub belum_ber_skp: u64,
}

/// Laporan pemetaan penilai untuk BKD, dihitung dari organisasi hari ini.
pub async fn pemetaan(l: &Layanan, k: &Konteks, instansi_id: &str, tahun: i64) -> Hasil<Pemetaan> {
    wajib_bkd(k, instansi_id)?;
    crate::perencanaan::periksa_tahun(k, tahun)?;
    let hari_ini = crate::organisasi::hari_ini_di(l, instansi_id).await?;
    let pegawai = store::organisasi::semua_pegawai(l.pool(), instansi_id).await?;
    let peta = peta_organisasi(l, instansi_id, &hari_ini, &pegawai).await?;
    let ber_skp = store::skp::pegawai_ber_skp(l.pool(), instansi_id, tahun).await?;
    let mut hasil = Pemetaan {
        tahun,
        perlu_perbaikan: Vec::new(),
        tidak_ber_skp: Vec::new(),
        belum_ber_skp: 0,
    };
    for p in &pegawai {
        let baris = |masalah: String, penilai: Option<&rules::skp::Penilai>| BarisPemetaan {
            pegawai_id: p.id.clone(),
            nama: p.nama.clone(),
            nip: p.nip.clone(),
            unit_id: p.unit_id.clone(),
            masalah,
            penilai_id: penilai.map(|x| x.pegawai_id.clone()),
            dasar_penilai: penilai.map(|x| x.dasar.token().to_string()),
        };
        if !STATUS_BER_SKP.contains(&p.status.as_str()) || p.jenis_asn == "pejabat_negara" {
            hasil.tidak_ber_skp.push(baris(
                if p.jenis_asn == "pejabat_negara" {
                    "pejabat_negara".into()
                } else {
                    p.status.clone()
                },
                None,
            ));
            continue;
        }
        if !ber_skp.contains(&p.id) {
            hasil.belum_ber_skp += 1;
        }
        let h = tentukan_penilai(&peta, &p.id);
        if let Some(m) = h.masalah {
            hasil
                .perlu_perbaikan
                .push(baris(m.token().to_string(), h.penilai.as_ref()));
        }
    }
    Ok(hasil)
}
