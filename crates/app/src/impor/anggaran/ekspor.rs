//! Ekspor tabel anggaran (kolom impor, nilai uang, keselarasan, peringkat unit).

#[allow(unused_imports)]
use super::*;

// ---------- ekspor ----------

/// Tabel anggaran yang dapat diekspor. Empat yang pertama memakai kolom
/// impornya, sehingga ekspor → impor kembali tidak mengubah apa pun.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TabelEkspor {
    Rencana,
    Belanja,
    RealisasiAnggaran,
    RealisasiKeluaran,
    NilaiUang,
    Keselarasan,
    Unit,
}

impl TabelEkspor {
    pub fn dari_kode(s: &str) -> Option<TabelEkspor> {
        Some(match s {
            "rencana" => TabelEkspor::Rencana,
            "belanja" => TabelEkspor::Belanja,
            "realisasi-anggaran" => TabelEkspor::RealisasiAnggaran,
            "realisasi-keluaran" => TabelEkspor::RealisasiKeluaran,
            "nilai-uang" => TabelEkspor::NilaiUang,
            "keselarasan" => TabelEkspor::Keselarasan,
            "unit" => TabelEkspor::Unit,
            _ => return None,
        })
    }
    pub fn kode(self) -> &'static str {
        match self {
            TabelEkspor::Rencana => "rencana",
            TabelEkspor::Belanja => "belanja",
            TabelEkspor::RealisasiAnggaran => "realisasi-anggaran",
            TabelEkspor::RealisasiKeluaran => "realisasi-keluaran",
            TabelEkspor::NilaiUang => "nilai-uang",
            TabelEkspor::Keselarasan => "keselarasan",
            TabelEkspor::Unit => "unit",
        }
    }
    fn kolom(self) -> &'static [Kolom] {
        match self {
            TabelEkspor::Rencana => KOLOM_RENCANA,
            TabelEkspor::Belanja => KOLOM_BELANJA,
            TabelEkspor::RealisasiAnggaran => KOLOM_REALISASI_ANGGARAN,
            TabelEkspor::RealisasiKeluaran => KOLOM_REALISASI_KELUARAN,
            TabelEkspor::NilaiUang => KOLOM_NILAI_UANG,
            TabelEkspor::Keselarasan => KOLOM_KESELARASAN,
            TabelEkspor::Unit => KOLOM_UNIT_ANGGARAN,
        }
    }
}

pub const KOLOM_NILAI_UANG: &[Kolom] = &[
    kolom(
        "subkegiatan_kode",
        false,
        "Kode sub kegiatan.",
        "Sub-activity code.",
    ),
    kolom(
        "subkegiatan_nama",
        false,
        "Nama sub kegiatan.",
        "Sub-activity name.",
    ),
    kolom("unit", false, "Unit penanggung jawab.", "Responsible unit."),
    kolom("program_kode", false, "Kode program.", "Programme code."),
    kolom("pagu", false, "Pagu (rupiah).", "Ceiling (rupiah)."),
    kolom(
        "realisasi_anggaran",
        false,
        "Realisasi anggaran sampai bulan berjalan.",
        "Spending to date.",
    ),
    kolom(
        "penyerapan_persen",
        false,
        "Penyerapan (%).",
        "Absorption (%).",
    ),
    kolom(
        "capaian_persen",
        false,
        "Capaian indikator utama (%).",
        "Main indicator achievement (%).",
    ),
    kolom(
        "ekspektasi_waktu_persen",
        false,
        "Ekspektasi waktu (%).",
        "Time expectation (%).",
    ),
    kolom(
        "biaya_per_satuan",
        false,
        "Biaya per satuan keluaran.",
        "Cost per unit of output.",
    ),
    kolom("satuan", false, "Satuan keluaran.", "Output unit."),
    kolom(
        "tanda",
        false,
        "Kode tanda merah, dipisah titik koma.",
        "Red-flag codes, separated by semicolons.",
    ),
    kolom(
        "bukti",
        false,
        "tidak_ada, belum_diverifikasi, diverifikasi.",
        "tidak_ada, belum_diverifikasi, diverifikasi.",
    ),
];

pub const KOLOM_KESELARASAN: &[Kolom] = &[
    kolom(
        "program_kode",
        false,
        "Kode program (K/L: kegiatan).",
        "Programme code (K/L: activity).",
    ),
    kolom("program_nama", false, "Nama program.", "Programme name."),
    kolom("selaras", false, "ya/tidak.", "yes/no."),
    kolom(
        "porsi_belanja_penunjang_persen",
        false,
        "Porsi belanja penunjang (%).",
        "Overhead share (%).",
    ),
    kolom(
        "jenis",
        false,
        "alasan (membuat tidak selaras) atau peringatan.",
        "alasan (makes it not aligned) or peringatan (warning).",
    ),
    kolom(
        "kode",
        false,
        "Kode alasan/peringatan.",
        "Reason/warning code.",
    ),
    kolom(
        "subkegiatan_kode",
        false,
        "Sub kegiatan (kosong: program).",
        "Sub-activity (empty: programme).",
    ),
    kolom("pesan", false, "Pesan.", "Message."),
    kolom(
        "bukti",
        false,
        "Bukti, dipisah titik koma.",
        "Evidence, separated by semicolons.",
    ),
    kolom(
        "diterima",
        false,
        "Justifikasi penerimaan peringatan, bila ada.",
        "Acceptance justification, if any.",
    ),
];

pub const KOLOM_UNIT_ANGGARAN: &[Kolom] = &[
    kolom("unit", false, "Perangkat daerah.", "Department."),
    kolom("pagu", false, "Pagu.", "Ceiling."),
    kolom(
        "realisasi_anggaran",
        false,
        "Realisasi anggaran.",
        "Spending.",
    ),
    kolom(
        "penyerapan_persen",
        false,
        "Penyerapan (%).",
        "Absorption (%).",
    ),
    kolom(
        "capaian_tertimbang_persen",
        false,
        "Capaian tertimbang pagu (%).",
        "Achievement weighted by ceiling (%).",
    ),
    kolom(
        "jumlah_subkegiatan",
        false,
        "Sub kegiatan.",
        "Sub-activities.",
    ),
    kolom(
        "jumlah_bertanda",
        false,
        "Sub kegiatan bertanda merah.",
        "Red-flagged sub-activities.",
    ),
];

/// Kolom ekspor tampilan wilayah (provinsi): satu baris per instansi.
pub const KOLOM_WILAYAH: &[Kolom] = &[
    kolom("instansi", false, "Nama instansi.", "Agency name."),
    kolom(
        "kode_wilayah",
        false,
        "Kode wilayah Kepmendagri.",
        "Region code.",
    ),
    kolom(
        "revisi",
        false,
        "Revisi rencana yang ditetapkan (kosong: belum ada).",
        "Final plan revision (empty: none).",
    ),
    kolom("pagu", false, "Pagu (rupiah).", "Ceiling (rupiah)."),
    kolom(
        "realisasi_anggaran",
        false,
        "Realisasi anggaran sampai bulan berjalan.",
        "Spending to date.",
    ),
    kolom(
        "penyerapan_persen",
        false,
        "Penyerapan (%).",
        "Absorption (%).",
    ),
    kolom(
        "capaian_tertimbang_persen",
        false,
        "Capaian keluaran tertimbang pagu (%).",
        "Output achievement weighted by ceiling (%).",
    ),
    kolom(
        "jumlah_subkegiatan",
        false,
        "Sub kegiatan.",
        "Sub-activities.",
    ),
    kolom(
        "jumlah_bertanda",
        false,
        "Sub kegiatan bertanda merah.",
        "Sub-activities with red flags.",
    ),
    kolom(
        "program_tidak_selaras",
        false,
        "Program yang tidak selaras.",
        "Programmes not aligned.",
    ),
];

/// Ekspor tampilan wilayah (provinsi dan kabupaten/kotanya): agregat per
/// instansi, dengan kebijakan yang sama dengan tampilannya.
pub async fn ekspor_wilayah(
    l: &Layanan,
    k: &Konteks,
    kode: &str,
    tahun: i64,
    bulan: Option<u8>,
    format: crate::impor::Format,
) -> Hasil<Vec<u8>> {
    crate::kebijakan::wajib_tampilan_wilayah(l, k, kode).await?;
    let r = crate::perencanaan::rekap_wilayah(l, k, kode, tahun, bulan).await?;
    let baris = r
        .instansi
        .into_iter()
        .map(|x| {
            vec![
                x.nama,
                x.kode_wilayah.unwrap_or_default(),
                x.revisi.map(|v| v.to_string()).unwrap_or_default(),
                x.pagu,
                x.realisasi_anggaran,
                x.penyerapan_persen.unwrap_or_default(),
                x.capaian_tertimbang_persen.unwrap_or_default(),
                x.jumlah_subkegiatan.to_string(),
                x.jumlah_bertanda.to_string(),
                x.program_tidak_selaras.to_string(),
            ]
        })
        .collect();
    crate::impor::tulis_berkas_tabel(k, "wilayah", KOLOM_WILAYAH, format, baris).await
}

/// Ekspor satu tabel anggaran (CSV atau XLSX); pimpinan unit hanya unitnya.
pub async fn ekspor_anggaran(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    tabel: TabelEkspor,
    format: crate::impor::Format,
) -> Hasil<Vec<u8>> {
    let c = CakupanUnit::untuk(l, k, Aksi::Baca, Sumber::Rencana(instansi_id)).await?;
    periksa_tahun(k, tahun)?;
    let rt = crate::perencanaan::RevisiTahun::baca(l, instansi_id, tahun).await?;
    let pool = l.pool();
    let uang = |sen: i64| crate::perencanaan::d2(rupiah(sen));
    let baris: Vec<Vec<String>> = match tabel {
        TabelEkspor::Keselarasan => {
            let ks = crate::perencanaan::keselarasan(l, k, instansi_id, tahun, None).await?;
            let mut keluar = Vec::new();
            for p in ks.program {
                let selaras = if p.selaras { "ya" } else { "tidak" };
                let temuan = p
                    .alasan
                    .iter()
                    .map(|t| ("alasan", t))
                    .chain(p.peringatan.iter().map(|t| ("peringatan", t)));
                let mut ada = false;
                for (jenis, t) in temuan {
                    ada = true;
                    keluar.push(vec![
                        p.kode.clone(),
                        p.nama.clone(),
                        selaras.into(),
                        p.porsi_belanja_penunjang_persen.clone(),
                        jenis.into(),
                        t.kode.clone(),
                        t.subkegiatan.clone().unwrap_or_default(),
                        t.pesan.clone(),
                        t.bukti.join("; "),
                        t.diterima
                            .as_ref()
                            .map(|d| d.alasan.clone())
                            .unwrap_or_default(),
                    ]);
                }
                if !ada {
                    keluar.push(vec![
                        p.kode.clone(),
                        p.nama.clone(),
                        selaras.into(),
                        p.porsi_belanja_penunjang_persen.clone(),
                        String::new(),
                        String::new(),
                        String::new(),
                        String::new(),
                        String::new(),
                        String::new(),
                    ]);
                }
            }
            keluar
        }
        TabelEkspor::Unit => {
            let t = crate::perencanaan::TanyaNilaiUang {
                limit: Some(1_000),
                ..Default::default()
            };
            crate::perencanaan::nilai_uang(l, k, instansi_id, tahun, &t)
                .await?
                .unit
                .into_iter()
                .map(|u| {
                    vec![
                        u.unit.unwrap_or_default(),
                        u.pagu,
                        u.realisasi_anggaran,
                        u.penyerapan_persen.unwrap_or_default(),
                        u.capaian_tertimbang_persen.unwrap_or_default(),
                        u.jumlah_subkegiatan.to_string(),
                        u.jumlah_bertanda.to_string(),
                    ]
                })
                .collect()
        }
        TabelEkspor::NilaiUang => {
            let t = crate::perencanaan::TanyaNilaiUang {
                limit: Some(5_000),
                ..Default::default()
            };
            crate::perencanaan::nilai_uang(l, k, instansi_id, tahun, &t)
                .await?
                .subkegiatan
                .into_iter()
                .map(|x| {
                    vec![
                        x.kode,
                        x.nama,
                        x.unit.unwrap_or_default(),
                        x.program_kode.unwrap_or_default(),
                        x.pagu,
                        x.realisasi_anggaran,
                        x.penyerapan_persen.unwrap_or_default(),
                        x.capaian_persen.unwrap_or_default(),
                        x.ekspektasi_waktu_persen,
                        x.biaya_per_satuan.unwrap_or_default(),
                        x.satuan.unwrap_or_default(),
                        x.tanda
                            .iter()
                            .map(|t| t.kode.as_str())
                            .collect::<Vec<_>>()
                            .join(";"),
                        x.bukti,
                    ]
                })
                .collect()
        }
        _ => {
            // Rencana dan belanja: revisi yang menjadi sasaran impor (draf, atau
            // yang ditetapkan); realisasi: revisi yang ditetapkan.
            let r = match tabel {
                TabelEkspor::Rencana | TabelEkspor::Belanja => rt.draf().or(rt.berlaku()),
                _ => rt.berlaku(),
            };
            let Some(r) = r.cloned() else {
                return crate::impor::tulis_berkas_tabel(
                    k,
                    tabel.kode(),
                    tabel.kolom(),
                    format,
                    Vec::new(),
                )
                .await;
            };
            let butir = store::perencanaan::butir_rencana(pool, instansi_id, &r.id).await?;
            let indikator = store::perencanaan::indikator_rencana(pool, instansi_id, &r.id).await?;
            let per_id: HashMap<&str, &Butir> = butir.iter().map(|b| (b.id.as_str(), b)).collect();
            let terlihat = |b: &Butir| c.memuat(b.unit_id.as_deref());
            let sub: HashMap<&str, &Butir> = butir
                .iter()
                .filter(|b| b.tingkat == SUBKEGIATAN && terlihat(b))
                .map(|b| (b.kode.as_str(), b))
                .collect();
            match tabel {
                TabelEkspor::Rencana => {
                    let unit = store::organisasi::semua_unit(pool, instansi_id).await?;
                    let pohon = PohonUnit::dari(&unit);
                    let mut ind: HashMap<&str, Vec<&Indikator>> = HashMap::new();
                    for i in &indikator {
                        ind.entry(i.butir_id.as_str()).or_default().push(i);
                    }
                    let mut keluar = Vec::new();
                    let o = |v: &Option<String>| v.clone().unwrap_or_default();
                    let unit_tampil = |b: &Butir| {
                        b.unit_id
                            .as_deref()
                            .map(|u| pohon.tampil(u))
                            .unwrap_or_default()
                    };
                    let kolom_ind = |i: &Indikator| {
                        [
                            i.nama.clone(),
                            o(&i.satuan),
                            o(&i.polaritas),
                            o(&i.baseline),
                            o(&i.target),
                            o(&i.target_tw1),
                            o(&i.target_tw2),
                            o(&i.target_tw3),
                            o(&i.target_tw4),
                        ]
                    };
                    let daftar_ind = |b: &Butir| {
                        let mut d = ind.get(b.id.as_str()).cloned().unwrap_or_default();
                        d.sort_by_key(|i| i.urutan);
                        d
                    };
                    // Indikator hasil program/kegiatan: satu baris per indikator
                    // dengan subkegiatan_kode dan pagu kosong (kegiatan_kode kosong
                    // untuk program), ditulis sebelum sub kegiatan pertamanya.
                    let mut hasil_ditulis: HashSet<String> = HashSet::new();
                    let mut tulis_hasil = |b: &Butir, keluar: &mut Vec<Vec<String>>| {
                        if !hasil_ditulis.insert(b.id.clone()) {
                            return;
                        }
                        let (prog, keg) = if b.tingkat == KEGIATAN {
                            (b.induk_id.as_deref().and_then(|i| per_id.get(i)), Some(b))
                        } else {
                            (Some(&b), None)
                        };
                        for i in daftar_ind(b) {
                            let mut x = vec![
                                unit_tampil(b),
                                prog.map(|x| x.kode.clone()).unwrap_or_default(),
                                prog.map(|x| x.nama.clone()).unwrap_or_default(),
                                keg.map(|x| x.kode.clone()).unwrap_or_default(),
                                keg.map(|x| x.nama.clone()).unwrap_or_default(),
                                String::new(),
                                String::new(),
                            ];
                            x.extend(kolom_ind(i));
                            x.push(String::new());
                            x.push(String::new());
                            keluar.push(x);
                        }
                    };
                    let mut urut: Vec<&&Butir> = sub.values().collect();
                    urut.sort_by(|a, b| a.urutan.cmp(&b.urutan).then(a.kode.cmp(&b.kode)));
                    for b in urut {
                        let keg = b.induk_id.as_deref().and_then(|i| per_id.get(i));
                        let prog = keg
                            .and_then(|x| x.induk_id.as_deref())
                            .and_then(|i| per_id.get(i));
                        if let Some(p) = prog {
                            tulis_hasil(p, &mut keluar);
                        }
                        if let Some(g) = keg {
                            tulis_hasil(g, &mut keluar);
                        }
                        let dasar = vec![
                            unit_tampil(b),
                            prog.map(|x| x.kode.clone()).unwrap_or_default(),
                            prog.map(|x| x.nama.clone()).unwrap_or_default(),
                            keg.map(|x| x.kode.clone()).unwrap_or_default(),
                            keg.map(|x| x.nama.clone()).unwrap_or_default(),
                            b.kode.clone(),
                            b.nama.clone(),
                        ];
                        let pagu = b.pagu_sen.map(uang).unwrap_or_default();
                        let lokasi = b.lokasi.clone().unwrap_or_default();
                        let daftar = daftar_ind(b);
                        if daftar.is_empty() {
                            let mut x = dasar.clone();
                            x.extend(std::iter::repeat_n(String::new(), 9));
                            x.push(pagu.clone());
                            x.push(lokasi.clone());
                            keluar.push(x);
                        }
                        for i in daftar {
                            let mut x = dasar.clone();
                            x.extend(kolom_ind(i));
                            x.push(pagu.clone());
                            x.push(lokasi.clone());
                            keluar.push(x);
                        }
                    }
                    // Program/kegiatan tanpa sub kegiatan yang terlihat: yang
                    // unitnya di cakupan (pembaca penuh: semuanya), program
                    // sebelum kegiatannya.
                    let mut sisa: Vec<&Butir> = butir
                        .iter()
                        .filter(|b| {
                            (b.tingkat == PROGRAM || b.tingkat == KEGIATAN)
                                && ind.contains_key(b.id.as_str())
                                && c.memuat(b.unit_id.as_deref())
                        })
                        .collect();
                    let induk_urut = |b: &Butir| {
                        let p = if b.tingkat == KEGIATAN {
                            b.induk_id.as_deref().and_then(|i| per_id.get(i)).copied()
                        } else {
                            Some(b)
                        };
                        (
                            p.map(|x| (x.urutan, x.kode.clone())),
                            b.tingkat == KEGIATAN,
                            b.urutan,
                            b.kode.clone(),
                        )
                    };
                    sisa.sort_by_key(|b| induk_urut(b));
                    for b in sisa {
                        tulis_hasil(b, &mut keluar);
                    }
                    keluar
                }
                TabelEkspor::Belanja => {
                    let kode_butir: HashMap<&str, &str> = sub
                        .values()
                        .map(|b| (b.id.as_str(), b.kode.as_str()))
                        .collect();
                    store::perencanaan::rincian_rencana(pool, instansi_id, &r.id)
                        .await?
                        .into_iter()
                        .filter_map(|x| {
                            let kode = kode_butir.get(x.butir_id.as_str())?;
                            Some(vec![
                                kode.to_string(),
                                x.kode_rekening,
                                x.uraian.unwrap_or_default(),
                                uang(x.jumlah_sen),
                                x.komponen_kode.unwrap_or_default(),
                                x.komponen_nama.unwrap_or_default(),
                            ])
                        })
                        .collect()
                }
                TabelEkspor::RealisasiAnggaran => {
                    store::perencanaan::realisasi_anggaran(pool, instansi_id, tahun)
                        .await?
                        .into_iter()
                        .filter(|x| sub.contains_key(x.subkegiatan_kode.as_str()))
                        .map(|x| vec![x.subkegiatan_kode, x.bulan.to_string(), uang(x.jumlah_sen)])
                        .collect()
                }
                _ => {
                    let nama: HashMap<&str, &str> = indikator
                        .iter()
                        .map(|i| (i.kunci.as_str(), i.nama.as_str()))
                        .collect();
                    // Realisasi indikator hasil: kode program/kegiatan yang
                    // unit penanggung jawabnya di cakupan.
                    let hasil: HashSet<&str> = butir
                        .iter()
                        .filter(|b| (b.tingkat == PROGRAM || b.tingkat == KEGIATAN) && terlihat(b))
                        .map(|b| b.kode.as_str())
                        .collect();
                    store::perencanaan::realisasi_keluaran(pool, instansi_id, tahun, 4)
                        .await?
                        .into_iter()
                        .filter(|x| {
                            sub.contains_key(x.subkegiatan_kode.as_str())
                                || hasil.contains(x.subkegiatan_kode.as_str())
                        })
                        .filter_map(|x| {
                            let n = nama.get(x.indikator_kunci.as_str())?;
                            Some(vec![
                                x.subkegiatan_kode.clone(),
                                n.to_string(),
                                x.triwulan.to_string(),
                                x.realisasi,
                                x.bukti_url.unwrap_or_default(),
                            ])
                        })
                        .collect()
                }
            }
        }
    };
    let mut baris = baris;
    let mut kolom = tabel.kolom();
    // Kolom tambahan `lokasi` (terakhir) hanya ditulis bila ada isinya, jadi
    // rencana tanpa lokasi tetap diekspor persis dalam bentuk kontrak lama.
    // Begitu juga `komponen_kode`, `komponen_nama` belanja (K/L).
    let tambahan = match tabel {
        TabelEkspor::Rencana => 1,
        TabelEkspor::Belanja => 2,
        _ => 0,
    };
    if tambahan > 0
        && baris
            .iter()
            .all(|b| b.iter().rev().take(tambahan).all(String::is_empty))
    {
        kolom = &kolom[..kolom.len() - tambahan];
        for b in &mut baris {
            b.truncate(b.len().saturating_sub(tambahan));
        }
    }
    crate::impor::tulis_berkas_tabel(k, tabel.kode(), kolom, format, baris).await
}
