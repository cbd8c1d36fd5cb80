//! Pohon kinerja satu tahun: tujuan → sasaran strategis (IKU) → program
//! yang ditautkan (indikator hasil) → kegiatan → sub kegiatan (indikator
//! keluaran), dari rencana tahun itu. Program yang mendukung dua sasaran
//! tampil di bawah keduanya (simpul bersama). Yang tidak bertaut didaftar
//! sebagai yatim: sub kegiatan yang tidak melayani sasaran mana pun, sasaran
//! tanpa program.

use super::capaian::{DataCapaian, angka_tampil, hitung, target_tampil};
use super::periksa_tahun;
use crate::kebijakan::{self, Aksi, Sumber};
use crate::{Hasil, Konteks, Layanan};
use rules::sakip::DataIndikator;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct IndikatorSimpul {
    pub nama: String,
    pub satuan: Option<String>,
    /// Target tahunan, dua desimal (`"80.00–90.00"` untuk rentang).
    pub target: Option<String>,
    /// Realisasi hasil rekap sampai triwulan yang diminta, dua desimal.
    pub realisasi: Option<String>,
    /// Capaian persen, dua desimal (aturan `rules::sakip::capaian_indikator`).
    pub capaian_persen: Option<String>,
    /// `hijau` | `kuning` | `merah` | `abu`.
    pub warna: String,
    /// Triwulan data terakhir yang dipakai.
    pub triwulan: Option<u8>,
    /// Bukti realisasi triwulan itu: berkas di penyimpanan bukti…
    pub bukti_id: Option<String>,
    /// …atau tautan.
    pub bukti_url: Option<String>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Simpul {
    /// Id sasaran/tujuan, atau kode butir rencana untuk program ke bawah.
    pub id: String,
    /// `tujuan` | `sasaran` | `program` | `kegiatan` | `subkegiatan`.
    pub jenis: String,
    pub kode: String,
    pub nama: String,
    /// Unit penanggung jawab.
    pub unit: Option<String>,
    pub unit_id: Option<String>,
    /// Pejabat penanggung jawab (kepala unit).
    pub pejabat: Option<String>,
    /// Unit kontributor simpul lintas unit.
    pub kontributor: Vec<String>,
    /// Rata-rata capaian indikatornya (tiap indikator dibatasi 120 %); tanpa
    /// indikator berdata: rata-rata anak.
    pub capaian_persen: Option<String>,
    pub warna: String,
    pub indikator: Vec<IndikatorSimpul>,
    #[schema(no_recursion)]
    pub anak: Vec<Simpul>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Yatim {
    pub kode: String,
    pub nama: String,
    pub unit: Option<String>,
}

/// Pohon dengan daftar yatimnya (halaman); API pohon hanya mengirim `akar`.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Pohon {
    pub tahun: i64,
    pub triwulan: u8,
    pub akar: Vec<Simpul>,
    /// Sub kegiatan yang programnya tidak ditautkan ke sasaran mana pun.
    pub subkegiatan_yatim: Vec<Yatim>,
    /// Sasaran tanpa program.
    pub sasaran_yatim: Vec<Yatim>,
    /// Ada rencana tahun itu (ditetapkan atau draf).
    pub ada_rencana: bool,
    /// Ada periode Renstra yang memuat tahun itu.
    pub ada_renstra: bool,
}

/// Nama unit dan pejabatnya.
pub(crate) struct Org {
    pub nama_unit: HashMap<String, String>,
    pub pejabat: HashMap<String, String>,
}

impl Org {
    pub async fn muat(l: &Layanan, instansi_id: &str) -> Hasil<Org> {
        let pool = l.pool();
        let (nama_unit, pegawai, jabatan) = tokio::try_join!(
            crate::perencanaan::nama_unit(l, instansi_id),
            async { Ok(store::organisasi::semua_pegawai(pool, instansi_id).await?) },
            async { Ok(store::organisasi::semua_jabatan(pool, instansi_id).await?) },
        )?;
        let kelas: HashMap<String, i64> = jabatan
            .iter()
            .filter_map(|j| j.kelas.map(|k| (j.id.clone(), k)))
            .collect();
        let pejabat = nama_unit
            .keys()
            .filter_map(|u| {
                super::kepala_unit(&pegawai, &kelas, u).map(|p| (u.clone(), super::nama_lengkap(p)))
            })
            .collect();
        Ok(Org { nama_unit, pejabat })
    }
}

fn indikator_simpul(
    nama: &str,
    satuan: Option<&str>,
    d: &DataIndikator,
    sampai: u8,
    bukti: impl Fn(u8) -> (Option<String>, Option<String>),
) -> (IndikatorSimpul, Option<rust_decimal::Decimal>) {
    let c = hitung(d, sampai);
    let (realisasi, capaian_persen) = angka_tampil(&c);
    let (bukti_id, bukti_url) = c.map(|c| bukti(c.triwulan)).unwrap_or_default();
    (
        IndikatorSimpul {
            nama: nama.to_string(),
            satuan: satuan.map(str::to_string),
            target: target_tampil(d),
            realisasi,
            capaian_persen,
            warna: rules::sakip::warna(c.map(|c| c.capaian_persen))
                .token()
                .into(),
            triwulan: c.map(|c| c.triwulan),
            bukti_id,
            bukti_url,
        },
        c.map(|c| c.capaian_persen),
    )
}

/// Capaian dan warna simpul dari capaian indikatornya, atau anaknya.
fn nilai_simpul(milik: &[rust_decimal::Decimal], anak: &[Simpul]) -> (Option<String>, String) {
    let dari_anak: Vec<rust_decimal::Decimal> = anak
        .iter()
        .filter_map(|a| {
            a.capaian_persen
                .as_deref()
                .and_then(rules::angka::baca_desimal)
        })
        .collect();
    let rata = rules::sakip::rata_rata_capaian(if milik.is_empty() { &dari_anak } else { milik });
    (
        rata.map(rules::angka::teks_2),
        rules::sakip::warna(rata).token().into(),
    )
}

/// Pohon kinerja tahun `tahun`, capaian sampai triwulan `sampai` (1–4).
pub async fn pohon(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    sampai: u8,
) -> Hasil<Pohon> {
    kebijakan::wajib(k, Aksi::Baca, Sumber::Sakip(instansi_id))?;
    periksa_tahun(k, tahun)?;
    let sampai = sampai.clamp(1, 4);
    let (data, org) = tokio::try_join!(
        DataCapaian::muat(l, instansi_id, tahun),
        Org::muat(l, instansi_id)
    )?;
    Ok(susun(&data, &org, sampai))
}

pub(crate) fn susun(data: &DataCapaian, org: &Org, sampai: u8) -> Pohon {
    let r = &data.renstra;
    let unit_nama = |u: &Option<String>| u.as_ref().and_then(|u| org.nama_unit.get(u).cloned());
    let pejabat = |u: &Option<String>| u.as_ref().and_then(|u| org.pejabat.get(u).cloned());
    let kontributor: HashMap<&str, Vec<String>> =
        r.kontributor.iter().fold(HashMap::new(), |mut m, x| {
            m.entry(x.simpul.as_str()).or_default().push(
                org.nama_unit
                    .get(&x.unit_id)
                    .cloned()
                    .unwrap_or_else(|| x.unit_id.clone()),
            );
            m
        });
    let kontrib = |s: &str| kontributor.get(s).cloned().unwrap_or_default();

    // Butir rencana: anak per induk, indikator per butir.
    let (butir_anak, ind_butir, per_kode) = match &data.rencana {
        Some(d) => {
            let mut anak: HashMap<&str, Vec<&store::perencanaan::Butir>> = HashMap::new();
            for b in &d.butir {
                if let Some(i) = b.induk_id.as_deref() {
                    anak.entry(i).or_default().push(b);
                }
            }
            for v in anak.values_mut() {
                v.sort_by(|a, b| a.urutan.cmp(&b.urutan).then(a.kode.cmp(&b.kode)));
            }
            let per_kode: HashMap<&str, &store::perencanaan::Butir> =
                d.butir.iter().map(|b| (b.kode.as_str(), b)).collect();
            (anak, d.indikator_per_butir(), per_kode)
        }
        None => (HashMap::new(), HashMap::new(), HashMap::new()),
    };

    // Simpul butir dan turunannya (rekursif, kedalaman ≤ 3).
    fn simpul_butir(
        b: &store::perencanaan::Butir,
        data: &DataCapaian,
        sampai: u8,
        anak: &HashMap<&str, Vec<&store::perencanaan::Butir>>,
        ind: &HashMap<&str, Vec<&store::perencanaan::Indikator>>,
        unit_nama: &dyn Fn(&Option<String>) -> Option<String>,
        pejabat: &dyn Fn(&Option<String>) -> Option<String>,
        kontrib: &dyn Fn(&str) -> Vec<String>,
        kedalaman: u8,
    ) -> Simpul {
        let mut milik = Vec::new();
        let indikator = ind
            .get(b.id.as_str())
            .map(|v| {
                v.iter()
                    .map(|i| {
                        let d = data.data_indikator(i);
                        let (s, c) =
                            indikator_simpul(&i.nama, i.satuan.as_deref(), &d, sampai, |q| {
                                data.bukti_indikator(&i.kunci, q)
                            });
                        milik.extend(c);
                        s
                    })
                    .collect()
            })
            .unwrap_or_default();
        let anak_simpul: Vec<Simpul> = if kedalaman < 3 {
            anak.get(b.id.as_str())
                .map(|v| {
                    v.iter()
                        .map(|c| {
                            simpul_butir(
                                c,
                                data,
                                sampai,
                                anak,
                                ind,
                                unit_nama,
                                pejabat,
                                kontrib,
                                kedalaman + 1,
                            )
                        })
                        .collect()
                })
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        let (capaian_persen, warna) = nilai_simpul(&milik, &anak_simpul);
        Simpul {
            id: b.kode.clone(),
            jenis: b.tingkat.clone(),
            kode: b.kode.clone(),
            nama: b.nama.clone(),
            unit: unit_nama(&b.unit_id),
            unit_id: b.unit_id.clone(),
            pejabat: pejabat(&b.unit_id),
            kontributor: kontrib(&format!("butir:{}", b.kode)),
            capaian_persen,
            warna,
            indikator,
            anak: anak_simpul,
        }
    }

    let mut program_bertaut: HashSet<String> = HashSet::new();
    let mut sasaran_yatim = Vec::new();
    let simpul_sasaran = |s: &store::sakip::Sasaran,
                          anak: Vec<Simpul>,
                          program_bertaut: &mut HashSet<String>,
                          sasaran_yatim: &mut Vec<Yatim>,
                          cache: &mut HashMap<String, Simpul>|
     -> Simpul {
        let mut milik = Vec::new();
        let indikator: Vec<IndikatorSimpul> = r
            .iku
            .iter()
            .filter(|i| i.sasaran_id == s.id)
            .map(|i| {
                let d = data.data_iku(i);
                let (x, c) = indikator_simpul(&i.nama, i.satuan.as_deref(), &d, sampai, |q| {
                    data.bukti_iku(&i.id, q)
                });
                milik.extend(c);
                x
            })
            .collect();
        let mut anak = anak;
        if s.jenis == "sasaran" {
            let mut program: Vec<&store::perencanaan::Butir> = r
                .tautan
                .iter()
                .filter(|t| t.sasaran_id == s.id)
                .filter_map(|t| per_kode.get(t.program_kode.as_str()).copied())
                .collect();
            program.sort_by(|a, b| a.urutan.cmp(&b.urutan).then(a.kode.cmp(&b.kode)));
            if program.is_empty() {
                sasaran_yatim.push(Yatim {
                    kode: s.kode.clone(),
                    nama: s.nama.clone(),
                    unit: unit_nama(&s.unit_id),
                });
            }
            for p in program {
                program_bertaut.insert(p.kode.clone());
                // Program bersama: subpohonnya dihitung sekali, lalu disalin.
                let x = match cache.get(&p.kode) {
                    Some(x) => x.clone(),
                    None => {
                        let x = simpul_butir(
                            p,
                            data,
                            sampai,
                            &butir_anak,
                            &ind_butir,
                            &unit_nama,
                            &pejabat,
                            &kontrib,
                            1,
                        );
                        cache.insert(p.kode.clone(), x.clone());
                        x
                    }
                };
                anak.push(x);
            }
        }
        let (capaian_persen, warna) = nilai_simpul(&milik, &anak);
        Simpul {
            id: s.id.clone(),
            jenis: s.jenis.clone(),
            kode: s.kode.clone(),
            nama: s.nama.clone(),
            unit: unit_nama(&s.unit_id),
            unit_id: s.unit_id.clone(),
            pejabat: pejabat(&s.unit_id),
            kontributor: kontrib(&format!("sasaran:{}", s.id)),
            capaian_persen,
            warna,
            indikator,
            anak,
        }
    };

    let mut akar = Vec::new();
    let mut cache = HashMap::new();
    for t in r.sasaran.iter().filter(|s| s.jenis == "tujuan") {
        let anak: Vec<Simpul> = r
            .sasaran
            .iter()
            .filter(|s| s.jenis == "sasaran" && s.induk_id.as_deref() == Some(t.id.as_str()))
            .map(|s| {
                simpul_sasaran(
                    s,
                    Vec::new(),
                    &mut program_bertaut,
                    &mut sasaran_yatim,
                    &mut cache,
                )
            })
            .collect();
        akar.push(simpul_sasaran(
            t,
            anak,
            &mut program_bertaut,
            &mut sasaran_yatim,
            &mut cache,
        ));
    }

    // Sub kegiatan yang programnya tidak bertaut.
    let mut subkegiatan_yatim = Vec::new();
    if let Some(d) = &data.rencana {
        let per_id = d.per_id();
        for b in d.subkegiatan_urut() {
            let prog = d.leluhur(&per_id, b, crate::perencanaan::PROGRAM);
            if prog.is_none_or(|p| !program_bertaut.contains(&p.kode)) {
                subkegiatan_yatim.push(Yatim {
                    kode: b.kode.clone(),
                    nama: b.nama.clone(),
                    unit: unit_nama(&b.unit_id),
                });
            }
        }
    }
    Pohon {
        tahun: data.tahun,
        triwulan: sampai,
        akar,
        subkegiatan_yatim,
        sasaran_yatim,
        ada_rencana: data.rencana.is_some(),
        ada_renstra: r.periode.is_some(),
    }
}
