//! Laporan Kinerja Instansi Pemerintah (LKjIP) yang disusun dari data:
//! target dan capaian per IKU (dengan tahun lalu, target akhir Renstra dan
//! penjelasan), anggaran per program dari rencana dan realisasinya, dan
//! hasil evaluasi AKIP. Capaian lewat fungsi yang sama dengan pohon dan PK.

use super::capaian::{DataCapaian, angka_tampil, hitung, target_tampil};
use super::lke::NilaiRingkas;
use super::periksa_tahun;
use crate::kebijakan::{self, Aksi, Sumber};
use crate::perencanaan::{PROGRAM, d2, rupiah};
use crate::{Bahasa, Galat, Hasil, Konteks, Layanan};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::HashMap;

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct BarisIkuLkjip {
    pub iku_id: String,
    pub sasaran: String,
    pub indikator: String,
    pub satuan: Option<String>,
    pub target: Option<String>,
    pub realisasi: Option<String>,
    pub capaian_persen: Option<String>,
    pub warna: String,
    pub kategori: String,
    pub realisasi_tahun_lalu: Option<String>,
    pub capaian_tahun_lalu: Option<String>,
    pub target_akhir_renstra: Option<String>,
    pub penjelasan: Option<String>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct BarisProgramLkjip {
    pub kode: String,
    pub program: String,
    /// Rupiah, dua desimal.
    pub pagu: String,
    pub realisasi: String,
    pub serapan_persen: Option<String>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct KomponenLkjip {
    pub nama: String,
    pub bobot: String,
    pub nilai: String,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct EvaluasiLkjip {
    #[serde(flatten)]
    pub nilai: NilaiRingkas,
    pub status: String,
    pub komponen: Vec<KomponenLkjip>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct DataLkjip {
    pub instansi: String,
    pub tahun: i64,
    pub kepala: Option<String>,
    pub kepala_nip: Option<String>,
    pub kepala_jabatan: Option<String>,
    pub periode_renstra: Option<String>,
    pub tujuan: Vec<String>,
    pub sasaran: Vec<String>,
    pub iku: Vec<BarisIkuLkjip>,
    pub program: Vec<BarisProgramLkjip>,
    pub total_pagu: String,
    pub total_realisasi: String,
    pub total_serapan_persen: Option<String>,
    pub evaluasi: Option<EvaluasiLkjip>,
    pub ringkasan: Vec<String>,
}

/// Kategori capaian untuk dibaca manusia (dari warna aturan).
pub fn kategori(b: Bahasa, warna: &str) -> &'static str {
    match (warna, b) {
        ("hijau", Bahasa::Id) => "Tercapai (> 90 %)",
        ("hijau", Bahasa::En) => "Achieved (> 90 %)",
        ("kuning", Bahasa::Id) => "Perlu perhatian (70–90 %)",
        ("kuning", Bahasa::En) => "Needs attention (70–90 %)",
        ("merah", Bahasa::Id) => "Tidak tercapai (< 70 %)",
        ("merah", Bahasa::En) => "Not achieved (< 70 %)",
        (_, Bahasa::Id) => "Belum ada realisasi",
        (_, Bahasa::En) => "No result yet",
    }
}

fn persen(a: i64, b: i64) -> Option<String> {
    (b > 0).then(|| {
        rules::angka::teks_2(rules::angka::bulatkan(
            Decimal::from(a) * Decimal::ONE_HUNDRED / Decimal::from(b),
        ))
    })
}

/// Data LKjIP satu tahun (dokumen publik instansi: pembaca SAKIP).
pub async fn lkjip(l: &Layanan, k: &Konteks, instansi_id: &str, tahun: i64) -> Hasil<DataLkjip> {
    kebijakan::wajib(k, Aksi::Baca, Sumber::Sakip(instansi_id))?;
    periksa_tahun(k, tahun)?;
    let pool = l.pool();
    let instansi = store::organisasi::instansi(pool, instansi_id)
        .await?
        .ok_or_else(|| {
            Galat::TidakDitemukan(k.t("Instansi tidak ditemukan.", "Agency not found.").into())
        })?;
    let (data, lalu, realisasi_sub, unit, pegawai, jabatan) = tokio::try_join!(
        DataCapaian::muat(l, instansi_id, tahun),
        DataCapaian::muat(l, instansi_id, tahun - 1),
        async { Ok(store::perencanaan::jumlah_realisasi(pool, instansi_id, tahun, 12).await?) },
        async { Ok(store::organisasi::semua_unit(pool, instansi_id).await?) },
        async { Ok(store::organisasi::semua_pegawai(pool, instansi_id).await?) },
        async { Ok(store::organisasi::semua_jabatan(pool, instansi_id).await?) },
    )?;
    let r = &data.renstra;
    let nama_sasaran: HashMap<&str, &str> = r
        .sasaran
        .iter()
        .map(|s| (s.id.as_str(), s.nama.as_str()))
        .collect();
    let iku_lalu: HashMap<&str, &store::sakip::Iku> = lalu
        .renstra
        .iku
        .iter()
        .map(|i| (i.id.as_str(), i))
        .collect();
    let iku: Vec<BarisIkuLkjip> = r
        .iku
        .iter()
        .map(|i| {
            let d = data.data_iku(i);
            let c = hitung(&d, 4);
            let (realisasi, capaian_persen) = angka_tampil(&c);
            let warna = rules::sakip::warna(c.map(|c| c.capaian_persen)).token();
            let (realisasi_tahun_lalu, capaian_tahun_lalu) = match iku_lalu.get(i.id.as_str()) {
                Some(il) => angka_tampil(&hitung(&lalu.data_iku(il), 4)),
                None => (None, None),
            };
            BarisIkuLkjip {
                iku_id: i.id.clone(),
                sasaran: nama_sasaran
                    .get(i.sasaran_id.as_str())
                    .map(|s| s.to_string())
                    .unwrap_or_default(),
                indikator: i.nama.clone(),
                satuan: i.satuan.clone(),
                target: target_tampil(&d),
                realisasi,
                capaian_persen,
                warna: warna.into(),
                kategori: kategori(k.bahasa, warna).into(),
                realisasi_tahun_lalu,
                capaian_tahun_lalu,
                target_akhir_renstra: i
                    .target_akhir
                    .as_deref()
                    .and_then(super::baca_target)
                    .map(|t| super::tampil_target(&t)),
                penjelasan: data.penjelasan_iku(&i.id),
            }
        })
        .collect();

    // Anggaran per program: pagu sub kegiatan di bawahnya dan realisasinya.
    let realisasi: HashMap<&str, i64> = realisasi_sub
        .iter()
        .map(|x| (x.subkegiatan_kode.as_str(), x.jumlah_sen))
        .collect();
    let mut program = Vec::new();
    let (mut total_pagu, mut total_real) = (0i64, 0i64);
    if let Some(d) = &data.rencana {
        let per_id = d.per_id();
        let mut per_prog: HashMap<&str, (i64, i64)> = HashMap::new();
        for b in d.subkegiatan_urut() {
            if let Some(p) = d.leluhur(&per_id, b, PROGRAM) {
                let e = per_prog.entry(p.id.as_str()).or_default();
                e.0 = e.0.saturating_add(b.pagu_sen.unwrap_or(0));
                e.1 =
                    e.1.saturating_add(realisasi.get(b.kode.as_str()).copied().unwrap_or(0));
            }
        }
        let mut progs: Vec<&store::perencanaan::Butir> =
            d.butir.iter().filter(|b| b.tingkat == PROGRAM).collect();
        progs.sort_by(|a, b| a.urutan.cmp(&b.urutan).then(a.kode.cmp(&b.kode)));
        for p in progs {
            let (pagu, real) = per_prog.get(p.id.as_str()).copied().unwrap_or_default();
            total_pagu = total_pagu.saturating_add(pagu);
            total_real = total_real.saturating_add(real);
            program.push(BarisProgramLkjip {
                kode: p.kode.clone(),
                program: p.nama.clone(),
                pagu: d2(rupiah(pagu)),
                realisasi: d2(rupiah(real)),
                serapan_persen: persen(real, pagu),
            });
        }
    }

    // Evaluasi AKIP tahun itu bila sudah dimulai.
    // Hasil evaluasi: yang selesai adalah bagian laporan publik; yang masih
    // direviu hanya bagi pembaca LKE (dengan statusnya).
    let pembaca_lke = kebijakan::wajib(k, Aksi::Baca, Sumber::Lke(instansi_id)).is_ok();
    let evaluasi = match store::sakip::lke_tahun(pool, instansi_id, tahun).await? {
        Some(x) if pembaca_lke || x.status == store::sakip::LKE_SELESAI => {
            let x = super::lke::isi_lke(l, k, instansi_id, tahun).await?;
            Some(EvaluasiLkjip {
                status: x.status.clone(),
                komponen: x
                    .komponen
                    .iter()
                    .map(|c| KomponenLkjip {
                        nama: c.nama.clone(),
                        bobot: c.bobot.clone(),
                        nilai: c.nilai.clone(),
                    })
                    .collect(),
                nilai: x.nilai,
            })
        }
        _ => None,
    };

    // Kepala instansi: kepala unit puncak.
    let kelas: HashMap<String, i64> = jabatan
        .iter()
        .filter_map(|j| j.kelas.map(|x| (j.id.clone(), x)))
        .collect();
    let puncak = unit
        .iter()
        .filter(|u| u.induk_id.is_none())
        .min_by_key(|u| u.urutan);
    let kepala = puncak.and_then(|u| super::kepala_unit(&pegawai, &kelas, &u.id));
    let kepala_jabatan = kepala
        .and_then(|p| p.jabatan_id.as_ref())
        .and_then(|j| jabatan.iter().find(|x| &x.id == j))
        .map(|j| j.nama.clone());

    let n = iku.len();
    let tercapai = iku.iter().filter(|x| x.warna == "hijau").count();
    let belum = iku.iter().filter(|x| x.warna == "abu").count();
    let mut ringkasan = vec![match k.bahasa {
        Bahasa::Id => format!(
            "Pada tahun {tahun}, {} mengukur {n} indikator kinerja utama: {tercapai} tercapai (capaian > 90 %), {} belum tercapai, {belum} belum berealisasi.",
            instansi.nama,
            n - tercapai - belum
        ),
        Bahasa::En => format!(
            "In {tahun}, {} measured {n} key performance indicators: {tercapai} achieved (> 90 %), {} not achieved, {belum} without a result yet.",
            instansi.nama,
            n - tercapai - belum
        ),
    }];
    if total_pagu > 0 {
        ringkasan.push(match k.bahasa {
            Bahasa::Id => format!(
                "Anggaran program {} terealisasi {} ({} %).",
                super::pdf::rupiah_id(&d2(rupiah(total_pagu))),
                super::pdf::rupiah_id(&d2(rupiah(total_real))),
                super::pdf::angka_id(&persen(total_real, total_pagu).unwrap_or_default())
            ),
            Bahasa::En => format!(
                "Programme budget Rp{} of which Rp{} spent ({} %).",
                d2(rupiah(total_pagu)),
                d2(rupiah(total_real)),
                persen(total_real, total_pagu).unwrap_or_default()
            ),
        });
    }
    if let Some(e) = &evaluasi {
        ringkasan.push(match k.bahasa {
            Bahasa::Id => format!(
                "Nilai evaluasi AKIP {} (predikat {}, {}).",
                e.nilai.nilai, e.nilai.predikat, e.nilai.interpretasi
            ),
            Bahasa::En => format!(
                "AKIP evaluation score {} (band {}, {}).",
                e.nilai.nilai, e.nilai.predikat, e.nilai.interpretasi
            ),
        });
    }
    Ok(DataLkjip {
        instansi: instansi.nama.clone(),
        tahun,
        kepala: kepala.map(super::nama_lengkap),
        kepala_nip: kepala.and_then(|p| p.nip.clone()),
        kepala_jabatan,
        periode_renstra: r
            .periode
            .as_ref()
            .map(|p| format!("{}–{}", p.tahun_awal, p.tahun_akhir)),
        tujuan: r
            .sasaran
            .iter()
            .filter(|s| s.jenis == "tujuan")
            .map(|s| format!("{} {}", s.kode, s.nama))
            .collect(),
        sasaran: r
            .sasaran
            .iter()
            .filter(|s| s.jenis == "sasaran")
            .map(|s| format!("{} {}", s.kode, s.nama))
            .collect(),
        iku,
        program,
        total_pagu: d2(rupiah(total_pagu)),
        total_realisasi: d2(rupiah(total_real)),
        total_serapan_persen: persen(total_real, total_pagu),
        evaluasi,
        ringkasan,
    })
}

fn galat(e: rust_xlsxwriter::XlsxError) -> Galat {
    Galat::Internal(format!("xlsx: {e}"))
}

/// LKjIP sebagai XLSX: lembar capaian IKU, anggaran program, evaluasi.
pub async fn lkjip_xlsx(l: &Layanan, k: &Konteks, instansi_id: &str, tahun: i64) -> Hasil<Vec<u8>> {
    use rust_xlsxwriter::{Format, Workbook};
    kebijakan::wajib(k, Aksi::Baca, Sumber::Sakip(instansi_id))?;
    let d = lkjip(l, k, instansi_id, tahun).await?;
    let t = |id: &'static str, en: &'static str| crate::teks::t(k.bahasa, id, en);
    let mut wb = Workbook::new();
    let tebal = Format::new().set_bold();
    let mut lembar = |nama: &str, judul: &[&str], baris: Vec<Vec<String>>| -> Hasil<()> {
        let ws = wb.add_worksheet();
        ws.set_name(nama).map_err(galat)?;
        for (c, j) in judul.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, *j, &tebal)
                .map_err(galat)?;
            ws.set_column_width(c as u16, if c < 2 { 40 } else { 16 })
                .map_err(galat)?;
        }
        ws.set_freeze_panes(1, 0).map_err(galat)?;
        for (r, isi) in baris.iter().enumerate() {
            for (c, v) in isi.iter().enumerate() {
                ws.write_string(r as u32 + 1, c as u16, v).map_err(galat)?;
            }
        }
        Ok(())
    };
    let o = |x: &Option<String>| x.clone().unwrap_or_default();
    lembar(
        t("capaian_iku", "kpi_results"),
        &[
            t("sasaran", "objective"),
            t("indikator", "indicator"),
            t("satuan", "unit"),
            "target",
            t("realisasi", "result"),
            t("capaian_persen", "achievement_pct"),
            t("kategori", "category"),
            t("realisasi_tahun_lalu", "last_year_result"),
            t("target_akhir_renstra", "plan_end_target"),
            t("penjelasan", "explanation"),
        ],
        d.iku
            .iter()
            .map(|x| {
                vec![
                    x.sasaran.clone(),
                    x.indikator.clone(),
                    o(&x.satuan),
                    o(&x.target),
                    o(&x.realisasi),
                    o(&x.capaian_persen),
                    x.kategori.clone(),
                    o(&x.realisasi_tahun_lalu),
                    o(&x.target_akhir_renstra),
                    o(&x.penjelasan),
                ]
            })
            .collect(),
    )?;
    let mut prog: Vec<Vec<String>> = d
        .program
        .iter()
        .map(|p| {
            vec![
                p.kode.clone(),
                p.program.clone(),
                p.pagu.clone(),
                p.realisasi.clone(),
                o(&p.serapan_persen),
            ]
        })
        .collect();
    prog.push(vec![
        String::new(),
        t("Jumlah", "Total").into(),
        d.total_pagu.clone(),
        d.total_realisasi.clone(),
        o(&d.total_serapan_persen),
    ]);
    lembar(
        t("anggaran_program", "programme_budget"),
        &[
            t("kode", "code"),
            "program",
            "pagu",
            t("realisasi", "spent"),
            t("serapan_persen", "absorption_pct"),
        ],
        prog,
    )?;
    if let Some(e) = &d.evaluasi {
        let mut b: Vec<Vec<String>> = e
            .komponen
            .iter()
            .map(|c| vec![c.nama.clone(), c.bobot.clone(), c.nilai.clone()])
            .collect();
        b.push(vec![
            t("Nilai", "Score").into(),
            "100.00".into(),
            e.nilai.nilai.clone(),
        ]);
        b.push(vec![
            t("Predikat", "Band").into(),
            String::new(),
            format!("{} ({})", e.nilai.predikat, e.nilai.interpretasi),
        ]);
        lembar(
            t("evaluasi_akip", "akip_evaluation"),
            &[
                t("komponen", "component"),
                t("bobot", "weight"),
                t("nilai", "score"),
            ],
            b,
        )?;
    }
    wb.save_to_buffer().map_err(galat)
}
