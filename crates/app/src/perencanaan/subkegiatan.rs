//! Satu sub kegiatan: detail (indikator, target, pagu, realisasi) dan
//! penyuntingan di draf — perencana melengkapi indikator yang ditolak gerbang.

use super::rencana::{KekuranganJson, gerbang_json, masukan_gerbang};
use super::{
    DataRencana, RevisiTahun, SUBKEGIATAN, d2, kanonis, nama_unit, periksa_tahun, rupiah, sen_dari,
};
use crate::galat::GalatKolom;
use crate::kebijakan::{self, Aksi, CakupanUnit, Sumber};
use crate::validasi::{JenisTeks, periksa_opsional};
use crate::{Galat, Hasil, Konteks, Layanan};
use serde::{Deserialize, Serialize};
use store::perencanaan::{Butir, Indikator};

/// Indikator paling banyak per sub kegiatan.
pub const MAKS_INDIKATOR: usize = 10;

#[derive(Clone, Debug, Serialize, Deserialize, utoipa::ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct IsianIndikator {
    pub nama: String,
    #[serde(default)]
    pub satuan: Option<String>,
    /// `positif` | `negatif` (kosong = positif).
    #[serde(default)]
    pub polaritas: Option<String>,
    #[serde(default)]
    pub baseline: Option<String>,
    #[serde(default)]
    pub target: Option<String>,
    /// Target kumulatif triwulan I–IV (kosong boleh di draf).
    #[serde(default)]
    pub target_triwulan: Vec<Option<String>>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct DetailSubkegiatan {
    pub tahun: i64,
    pub revisi: i64,
    /// Status revisi yang ditampilkan: `draf` dapat diubah perencana.
    pub status: String,
    pub kode: String,
    pub nama: String,
    pub program_kode: Option<String>,
    pub kegiatan_kode: Option<String>,
    pub unit_id: Option<String>,
    pub unit: Option<String>,
    pub pagu: Option<String>,
    pub lokasi: Option<String>,
    /// Pejabat penanggung jawab: yang ditetapkan perencana, atau (bila
    /// tidak ada) kepala unit penanggung jawab menurut data kepegawaian
    /// (sama dengan pohon kinerja dan PK SAKIP) [R].
    pub pejabat: Option<String>,
    /// Id pegawai pejabat yang ditetapkan perencana (kosong: menurut data
    /// kepegawaian).
    #[serde(default)]
    pub pejabat_id: Option<String>,
    /// `ditetapkan` (dicatat perencana) | `kepegawaian` (kepala unit).
    #[serde(default)]
    pub pejabat_asal: Option<String>,
    /// NIP pejabat yang ditetapkan (isian formulir), bila ada.
    #[serde(default)]
    pub pejabat_nip: Option<String>,
    pub versi: i64,
    pub indikator: Vec<IsianIndikator>,
    /// Kekurangan gerbang sub kegiatan ini (kosong: lolos).
    pub kekurangan: Vec<KekuranganJson>,
    /// K/L: subtotal belanja RO per komponen (urut kode; belanja tanpa
    /// komponen sebagai `kode` null). Kosong untuk pemda.
    #[serde(default)]
    pub komponen: Vec<SubtotalKomponen>,
}

/// Subtotal belanja satu komponen RO (K/L).
#[derive(Clone, Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct SubtotalKomponen {
    pub kode: Option<String>,
    pub nama: Option<String>,
    /// Rupiah dua desimal.
    pub jumlah: String,
    pub jumlah_baris: usize,
}

#[derive(Clone, Debug, Deserialize, utoipa::ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct MasukanSubkegiatan {
    pub nama: String,
    #[serde(default)]
    pub unit_id: Option<String>,
    /// Pagu rupiah (teks desimal, paling banyak 2 desimal).
    #[serde(default)]
    pub pagu: Option<String>,
    #[serde(default)]
    pub lokasi: Option<String>,
    /// Pejabat penanggung jawab yang ditetapkan: id pegawai atau NIP pegawai
    /// aktif instansi ini. Tidak dikirim: tetap; teks kosong: kembali ke
    /// kepala unit menurut data kepegawaian.
    #[serde(default)]
    pub pejabat_id: Option<String>,
    #[serde(default)]
    pub indikator: Vec<IsianIndikator>,
    /// Versi sub kegiatan yang dilihat pengubah.
    #[serde(default)]
    pub versi: Option<i64>,
}

pub(crate) fn isian(i: &Indikator) -> IsianIndikator {
    IsianIndikator {
        nama: i.nama.clone(),
        satuan: i.satuan.clone(),
        polaritas: i.polaritas.clone(),
        baseline: i.baseline.clone(),
        target: i.target.clone(),
        target_triwulan: vec![
            i.target_tw1.clone(),
            i.target_tw2.clone(),
            i.target_tw3.clone(),
            i.target_tw4.clone(),
        ],
    }
}

async fn muat(l: &Layanan, k: &Konteks, instansi_id: &str, tahun: i64) -> Hasil<DataRencana> {
    let rt = RevisiTahun::baca(l, instansi_id, tahun).await?;
    let Some(r) = rt.draf().or(rt.berlaku()).cloned() else {
        return Err(Galat::TidakDitemukan(
            k.t(
                "Belum ada rencana untuk tahun ini.",
                "There is no plan for this year yet.",
            )
            .into(),
        ));
    };
    DataRencana::muat(l, r, false).await
}

fn tidak_ada(k: &Konteks) -> Galat {
    Galat::TidakDitemukan(
        k.t(
            "Sub kegiatan tidak ada di rencana ini.",
            "No such sub-activity in this plan.",
        )
        .into(),
    )
}

async fn susun(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    data: &DataRencana,
    b: &Butir,
) -> Hasil<DetailSubkegiatan> {
    let unit = nama_unit(l, instansi_id).await?;
    let per_id = data.per_id();
    let ind = data.indikator_per_butir();
    let kl = super::skema_kl(l, instansi_id).await?;
    let semua = masukan_gerbang(data, &unit, &CakupanUnit::Semua, kl);
    let sendiri: Vec<_> = semua
        .into_iter()
        .filter(|s| s.kode.as_deref() == Some(b.kode.as_str()))
        .collect();
    let h = rules::anggaran::gerbang(&sendiri).map_err(|g| Galat::Internal(format!("{g:?}")))?;
    let pj = pejabat_butir(l, instansi_id, b).await?;
    let komponen = if kl {
        subtotal_komponen(
            &store::perencanaan::rincian_butir(l.pool(), instansi_id, &b.rencana_id, &b.id).await?,
        )
    } else {
        Vec::new()
    };
    Ok(DetailSubkegiatan {
        komponen,
        pejabat: pj.nama,
        pejabat_id: b.pejabat_id.clone(),
        pejabat_asal: pj.asal,
        pejabat_nip: pj.nip,
        tahun,
        revisi: data.rencana_revisi,
        status: data.rencana_status.clone(),
        kode: b.kode.clone(),
        nama: b.nama.clone(),
        program_kode: data
            .leluhur(&per_id, b, super::PROGRAM)
            .map(|p| p.kode.clone()),
        kegiatan_kode: data
            .leluhur(&per_id, b, super::KEGIATAN)
            .map(|p| p.kode.clone()),
        unit_id: b.unit_id.clone(),
        unit: b.unit_id.as_ref().and_then(|u| unit.get(u).cloned()),
        pagu: b.pagu_sen.map(|x| d2(rupiah(x))),
        lokasi: b.lokasi.clone(),
        versi: b.versi,
        indikator: ind
            .get(b.id.as_str())
            .map(|v| v.iter().map(|i| isian(i)).collect())
            .unwrap_or_default(),
        kekurangan: gerbang_json(&h, k).kekurangan,
    })
}

/// Kepala unit `unit_id` (nama dengan gelar) menurut data kepegawaian.
pub(crate) async fn pejabat_unit(
    l: &Layanan,
    instansi_id: &str,
    unit_id: &str,
) -> Hasil<Option<String>> {
    let pool = l.pool();
    let pegawai = store::organisasi::pegawai_aktif_unit(pool, instansi_id, unit_id).await?;
    if pegawai.is_empty() {
        return Ok(None);
    }
    let kelas: std::collections::HashMap<String, i64> =
        store::organisasi::semua_jabatan(pool, instansi_id)
            .await?
            .into_iter()
            .filter_map(|j| j.kelas.map(|k| (j.id, k)))
            .collect();
    Ok(crate::sakip::kepala_unit(&pegawai, &kelas, unit_id).map(crate::sakip::nama_lengkap))
}

/// Subtotal per komponen (kosong bila tidak ada baris berkomponen).
pub(crate) fn subtotal_komponen(rincian: &[store::perencanaan::Rincian]) -> Vec<SubtotalKomponen> {
    if rincian.iter().all(|r| r.komponen_kode.is_none()) {
        return Vec::new();
    }
    let mut per: std::collections::BTreeMap<Option<String>, (Option<String>, i64, usize)> =
        std::collections::BTreeMap::new();
    for r in rincian {
        let e = per.entry(r.komponen_kode.clone()).or_default();
        if e.0.is_none() {
            e.0 = r.komponen_nama.clone();
        }
        e.1 = e.1.saturating_add(r.jumlah_sen);
        e.2 += 1;
    }
    // Berkomponen lebih dulu (urut kode), tanpa komponen di akhir.
    let mut v: Vec<SubtotalKomponen> = per
        .into_iter()
        .map(|(kode, (nama, sen, n))| SubtotalKomponen {
            kode,
            nama,
            jumlah: d2(rupiah(sen)),
            jumlah_baris: n,
        })
        .collect();
    v.sort_by_key(|x| x.kode.is_none());
    v
}

/// Pejabat penanggung jawab yang ditampilkan.
pub(crate) struct PejabatButir {
    /// Nama dengan gelar.
    pub nama: Option<String>,
    /// [`PEJABAT_DITETAPKAN`] | [`PEJABAT_KEPEGAWAIAN`].
    pub asal: Option<String>,
    /// NIP (atau id bila tanpa NIP) pejabat yang ditetapkan: isian formulir.
    pub nip: Option<String>,
}

/// Pejabat penanggung jawab butir: yang ditetapkan perencana menang; selain
/// itu kepala unit penanggung jawab menurut data kepegawaian.
pub(crate) async fn pejabat_butir(
    l: &Layanan,
    instansi_id: &str,
    b: &Butir,
) -> Hasil<PejabatButir> {
    if let Some(pid) = &b.pejabat_id
        && let Some(p) = store::organisasi::pegawai(l.pool(), instansi_id, pid).await?
    {
        return Ok(PejabatButir {
            nama: Some(crate::sakip::nama_lengkap(&p)),
            asal: Some(PEJABAT_DITETAPKAN.into()),
            nip: Some(p.nip.clone().unwrap_or(p.id)),
        });
    }
    let nama = match &b.unit_id {
        Some(u) => pejabat_unit(l, instansi_id, u).await?,
        None => None,
    };
    let asal = nama.as_ref().map(|_| PEJABAT_KEPEGAWAIAN.to_string());
    Ok(PejabatButir {
        nama,
        asal,
        nip: None,
    })
}

pub const PEJABAT_DITETAPKAN: &str = "ditetapkan";
pub const PEJABAT_KEPEGAWAIAN: &str = "kepegawaian";

/// Isian pejabat: `None` = tidak diubah (tetap `lama`), teks kosong =
/// dikosongkan, selain itu id pegawai atau NIP pegawai aktif instansi ini.
/// Galat di kolom `pejabat_id`.
pub(crate) async fn baca_pejabat(
    l: &Layanan,
    k: &Konteks,
    f: &mut GalatKolom,
    instansi_id: &str,
    isian: Option<&str>,
    lama: Option<String>,
) -> Hasil<Option<String>> {
    let Some(t) = isian.map(str::trim) else {
        return Ok(lama);
    };
    if t.is_empty() {
        return Ok(None);
    }
    if t.len() > 64 {
        f.tambah(
            "pejabat_id",
            k.t("Pegawai tidak dikenal.", "Unknown employee."),
        );
        return Ok(lama);
    }
    let pool = l.pool();
    let p = match store::organisasi::pegawai(pool, instansi_id, t).await? {
        Some(p) => Some(p),
        None if t.chars().all(|c| c.is_ascii_digit()) => {
            store::organisasi::pegawai_nip(pool, instansi_id, t).await?
        }
        None => None,
    };
    match p {
        None => {
            f.tambah(
                "pejabat_id",
                k.t(
                    "Pegawai tidak ada di instansi ini (isi id pegawai atau NIP).",
                    "No such employee in this agency (enter an employee id or NIP).",
                ),
            );
            Ok(lama)
        }
        Some(p) if p.status != "aktif" => {
            f.tambah(
                "pejabat_id",
                k.t(
                    "Pegawai itu tidak aktif; pilih pegawai aktif.",
                    "That employee is not active; choose an active employee.",
                ),
            );
            Ok(lama)
        }
        Some(p) => Ok(Some(p.id)),
    }
}

/// Satu sub kegiatan dari draf terbuka (atau revisi yang berlaku).
pub async fn subkegiatan(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    kode: &str,
) -> Hasil<DetailSubkegiatan> {
    let c = CakupanUnit::untuk(l, k, Aksi::Baca, Sumber::Rencana(instansi_id)).await?;
    periksa_tahun(k, tahun)?;
    let data = muat(l, k, instansi_id, tahun).await?;
    let b = data
        .butir
        .iter()
        .find(|b| b.kode == kode && b.tingkat == SUBKEGIATAN)
        .ok_or_else(|| tidak_ada(k))?;
    if !c.memuat(b.unit_id.as_deref()) {
        return Err(k.dilarang());
    }
    susun(l, k, instansi_id, tahun, &data, b).await
}

/// Menyimpan sub kegiatan di draf: nama, unit, pagu, lokasi dan indikator
/// (himpunan menurut nama; indikator yang namanya sama mempertahankan
/// identitasnya sehingga realisasinya tidak terputus).
pub async fn simpan_subkegiatan(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    kode: &str,
    m: MasukanSubkegiatan,
) -> Hasil<DetailSubkegiatan> {
    kebijakan::wajib(k, Aksi::Kelola, Sumber::Rencana(instansi_id))?;
    periksa_tahun(k, tahun)?;
    let versi = crate::galat::versi_wajib(k, m.versi)?;
    let (draf, data, lama) = super::draf_dan_butir(
        l,
        k,
        instansi_id,
        tahun,
        |b| b.kode == kode && b.tingkat == SUBKEGIATAN,
        || tidak_ada(k),
    )
    .await?;
    // Periksa isian, setiap galat di kolomnya.
    let mut f = GalatKolom::default();
    let b = k.bahasa;
    periksa_opsional(&mut f, b, "nama", Some(&m.nama), 500, JenisTeks::Nama);
    if m.nama.trim().is_empty() {
        f.tambah(
            "nama",
            k.t("Nama sub kegiatan wajib diisi.", "A name is required."),
        );
    }
    periksa_opsional(
        &mut f,
        b,
        "lokasi",
        m.lokasi.as_deref(),
        super::MAKS_LOKASI,
        JenisTeks::Nama,
    );
    let unit_id = super::baca_unit(l, k, &mut f, instansi_id, m.unit_id).await?;
    let pejabat_id = baca_pejabat(
        l,
        k,
        &mut f,
        instansi_id,
        m.pejabat_id.as_deref(),
        lama.pejabat_id.clone(),
    )
    .await?;
    let pagu_sen = match m.pagu.as_deref().map(str::trim).filter(|x| !x.is_empty()) {
        None => None,
        Some(t) => match rules::angka::baca_desimal(t).and_then(sen_dari) {
            Some(x) => Some(x),
            None => {
                f.tambah(
                    "pagu",
                    k.t(
                        "Pagu berupa rupiah ≥ 0 dengan paling banyak 2 desimal.",
                        "The ceiling is rupiah ≥ 0 with at most 2 decimals.",
                    ),
                );
                None
            }
        },
    };
    let pada = store::sekarang();
    let ind_lama: Vec<&Indikator> = data
        .indikator
        .iter()
        .filter(|i| i.butir_id == lama.id)
        .collect();
    let ind_baru: Vec<Indikator> = susun_indikator(
        k,
        &mut f,
        &m.indikator,
        &ind_lama,
        (instansi_id, &draf.id, &lama.id),
        &pada,
    )
    .into_iter()
    .map(|(_, i)| i)
    .collect();
    f.jadi_galat(k.t(
        "Periksa kembali isian sub kegiatan.",
        "Please check the sub-activity fields.",
    ))?;
    let mut baru = lama.clone();
    baru.nama = m.nama.trim().to_string();
    baru.unit_id = unit_id;
    baru.pagu_sen = pagu_sen;
    baru.lokasi = m
        .lokasi
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    baru.pejabat_id = pejabat_id;
    baru.versi = versi;
    baru.diubah_pada = pada.clone();
    let sama_butir = baru.nama == lama.nama
        && baru.unit_id == lama.unit_id
        && baru.pagu_sen == lama.pagu_sen
        && baru.lokasi == lama.lokasi
        && baru.pejabat_id == lama.pejabat_id;
    let sama_ind = indikator_sama(&ind_baru, &ind_lama);
    if versi != lama.versi {
        return Err(Galat::Konflik(
            k.t(
                "Sub kegiatan ini sudah diubah orang lain. Muat ulang lalu ulangi.",
                "Someone else changed this sub-activity. Reload and try again.",
            )
            .into(),
        ));
    }
    if !(sama_butir && sama_ind) {
        let mut tx = l.db.mulai().await?;
        store::perencanaan::sentuh_rencana(&mut tx, instansi_id, tahun).await?;
        if !store::perencanaan::ubah_butir(&mut tx, &baru).await? {
            return Err(Galat::Konflik(
                k.t(
                    "Sub kegiatan ini sudah diubah orang lain. Muat ulang lalu ulangi.",
                    "Someone else changed this sub-activity. Reload and try again.",
                )
                .into(),
            ));
        }
        // Indikator diganti sebagai himpunan (identitas dipertahankan menurut nama).
        for i in &ind_lama {
            store::perencanaan::hapus_indikator(&mut tx, instansi_id, &i.id).await?;
        }
        store::perencanaan::sisipkan_indikator_banyak(&mut tx, &ind_baru).await?;
        store::perencanaan::naikkan_versi_rencana(&mut tx, instansi_id, &draf.id, &pada).await?;
        let mut sesudah = baru.clone();
        sesudah.versi += 1;
        #[derive(Serialize)]
        struct Potret<'a> {
            butir: &'a Butir,
            indikator: Vec<&'a Indikator>,
        }
        let sebelum = Potret {
            butir: &lama,
            indikator: ind_lama.clone(),
        };
        let setelah = Potret {
            butir: &sesudah,
            indikator: ind_baru.iter().collect(),
        };
        crate::audit::catat(
            &mut tx,
            k,
            instansi_id,
            "ubah",
            "rencana_butir",
            &lama.id,
            Some(&sebelum),
            Some(&setelah),
        )
        .await?;
        tx.commit().await?;
    }
    let data = DataRencana::muat(l, draf, false).await?;
    let b = data
        .butir
        .iter()
        .find(|b| b.id == lama.id)
        .cloned()
        .ok_or_else(|| tidak_ada(k))?;
    susun(l, k, instansi_id, tahun, &data, &b).await
}

/// Memeriksa isian indikator (nama, satuan, polaritas, angka ≥ 0, paling
/// banyak empat target triwulan, paling banyak [`MAKS_INDIKATOR`]) dan
/// menyusun barisnya untuk butir `(instansi, rencana, butir)`; indikator
/// yang namanya sama dengan yang lama mempertahankan id dan kuncinya
/// (realisasinya tidak terputus). Galat di `indikator[n].kolom`; hasilnya
/// berpasangan dengan indeks isiannya. Dipakai sub kegiatan (keluaran) dan
/// program/kegiatan (hasil).
pub(crate) fn susun_indikator(
    k: &Konteks,
    f: &mut GalatKolom,
    isian: &[IsianIndikator],
    lama: &[&Indikator],
    (instansi_id, rencana_id, butir_id): (&str, &str, &str),
    pada: &str,
) -> Vec<(usize, Indikator)> {
    let b = k.bahasa;
    if isian.len() > MAKS_INDIKATOR {
        f.tambah(
            "indikator",
            k.t("Paling banyak 10 indikator.", "At most 10 indicators."),
        );
    }
    let angka = |f: &mut GalatKolom, kolom: &str, t: &Option<String>| -> Option<String> {
        let t = t.as_deref().map(str::trim).filter(|x| !x.is_empty())?;
        match rules::angka::baca_desimal(t) {
            Some(d) if !d.is_sign_negative() => Some(kanonis(d)),
            _ => {
                f.tambah(
                    kolom,
                    k.t(
                        "Isi angka ≥ 0 (koma desimal boleh).",
                        "Enter a number ≥ 0 (a decimal comma is fine).",
                    ),
                );
                None
            }
        }
    };
    let mut hasil = Vec::new();
    let mut dilihat = std::collections::HashSet::new();
    for (n, x) in isian.iter().take(MAKS_INDIKATOR).enumerate() {
        let kolom = |c: &str| format!("indikator[{n}].{c}");
        let nama = x.nama.trim();
        if nama.is_empty() {
            f.tambah(
                &kolom("nama"),
                k.t(
                    "Nama indikator wajib diisi.",
                    "An indicator name is required.",
                ),
            );
            continue;
        }
        periksa_opsional(f, b, &kolom("nama"), Some(nama), 500, JenisTeks::Nama);
        periksa_opsional(
            f,
            b,
            &kolom("satuan"),
            x.satuan.as_deref(),
            100,
            JenisTeks::Nama,
        );
        let kunci_nama = crate::impor::kunci_nama(nama);
        if !dilihat.insert(kunci_nama.clone()) {
            f.tambah(
                &kolom("nama"),
                k.t("Nama indikator ganda.", "Duplicate indicator name."),
            );
        }
        let polaritas = match x
            .polaritas
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            None => None,
            Some(p @ ("positif" | "negatif")) => Some(p.to_string()),
            Some(_) => {
                f.tambah(
                    &kolom("polaritas"),
                    k.t("Pilih positif atau negatif.", "Choose positif or negatif."),
                );
                None
            }
        };
        if x.target_triwulan.len() > 4 {
            f.tambah(
                &kolom("target_triwulan"),
                k.t(
                    "Paling banyak 4 target triwulan.",
                    "At most 4 quarterly targets.",
                ),
            );
        }
        let tw: Vec<Option<String>> = (0..4)
            .map(|j| {
                let t = x.target_triwulan.get(j).cloned().flatten();
                angka(f, &format!("indikator[{n}].target_triwulan[{j}]"), &t)
            })
            .collect();
        let asal = lama.iter().find(|i| i.nama_kunci == kunci_nama);
        hasil.push((
            n,
            Indikator {
                instansi_id: instansi_id.into(),
                id: asal.map(|i| i.id.clone()).unwrap_or_else(store::id_baru),
                rencana_id: rencana_id.into(),
                butir_id: butir_id.into(),
                kunci: asal.map(|i| i.kunci.clone()).unwrap_or_else(store::id_baru),
                nama: nama.to_string(),
                nama_kunci: kunci_nama,
                satuan: x
                    .satuan
                    .clone()
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty()),
                polaritas,
                baseline: angka(f, &kolom("baseline"), &x.baseline),
                target: angka(f, &kolom("target"), &x.target),
                target_tw1: tw[0].clone(),
                target_tw2: tw[1].clone(),
                target_tw3: tw[2].clone(),
                target_tw4: tw[3].clone(),
                urutan: n as i64,
                versi: asal.map(|i| i.versi).unwrap_or(1),
                dibuat_pada: asal
                    .map(|i| i.dibuat_pada.clone())
                    .unwrap_or_else(|| pada.to_string()),
                diubah_pada: pada.to_string(),
            },
        ));
    }
    hasil
}

/// Himpunan indikator baru sama dengan yang lama (id, isi dan urutan).
pub(crate) fn indikator_sama(baru: &[Indikator], lama: &[&Indikator]) -> bool {
    baru.len() == lama.len()
        && baru.iter().all(|x| {
            lama.iter().any(|y| {
                y.id == x.id
                    && (
                        y.nama.as_str(),
                        &y.satuan,
                        &y.polaritas,
                        &y.baseline,
                        &y.target,
                        y.urutan,
                    ) == (
                        x.nama.as_str(),
                        &x.satuan,
                        &x.polaritas,
                        &x.baseline,
                        &x.target,
                        x.urutan,
                    )
                    && (&y.target_tw1, &y.target_tw2, &y.target_tw3, &y.target_tw4)
                        == (&x.target_tw1, &x.target_tw2, &x.target_tw3, &x.target_tw4)
            })
        })
}
