//! Dasbor "tidak ada ASN tanpa target" (isu 11): per instansi (BKD) atau per
//! unit yang dipimpin: bagian pegawai dengan SKP disetujui, pegawai tanpa
//! SKP, RHK yang tidak mengintervensi apa pun, indikator tanpa bukti,
//! penilai yang tertinggal memberi umpan balik, dan beban kerja per jabatan
//! terhadap jam kerja efektif lewat aturan analisis beban kerja
//! (`rules::abk`). Satu kueri per tabel untuk setahun; dihitung di memori.

use crate::kebijakan::{Aksi, CakupanUnit, Sumber};
use crate::{Hasil, Konteks, Layanan};
use rules::abk::{KonfigurasiAbk, TugasAbk, analisis_beban_kerja};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// Umpan balik dianggap tertinggal bila entri menunggu lebih lama dari ini [R].
pub const HARI_TERTINGGAL: i64 = 14;
const MAKS_DAFTAR: usize = 50;

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct PegawaiRingkas {
    pub pegawai_id: String,
    pub nama: String,
    pub unit_id: String,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct PenilaiTertinggal {
    pub penilai_id: String,
    pub nama: String,
    /// Entri realisasi bawahan yang menunggu umpan balik > 14 hari.
    pub menunggu: u64,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct BebanJabatan {
    pub jabatan: String,
    /// Pegawai ber-SKP pada jabatan ini.
    pub pegawai: u64,
    /// Σ jam beban kerja RHK setahun.
    pub jam: String,
    /// Kebutuhan pegawai = Σ jam / jam kerja efektif (1.250).
    pub kebutuhan: String,
    pub kebutuhan_dibulatkan: u64,
    /// Efisiensi jabatan dan kategorinya (A–E).
    pub efisiensi: String,
    pub kategori: String,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct BarisUnitDasbor {
    pub unit_id: String,
    pub nama: String,
    pub pegawai: u64,
    pub disetujui: u64,
    /// Persen pegawai dengan SKP disetujui, dua desimal.
    pub persen: String,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct DasborSkp {
    pub tahun: i64,
    /// Pegawai yang wajib ber-SKP (aktif dan cuti) dalam cakupan.
    pub pegawai: u64,
    pub dengan_skp: u64,
    pub disetujui: u64,
    pub persen_disetujui: String,
    /// (status, jumlah).
    pub per_status: Vec<(String, u64)>,
    pub tanpa_skp_jumlah: u64,
    pub tanpa_skp: Vec<PegawaiRingkas>,
    /// Pegawai dalam cakupan yang diberhentikan sementara (PP 11/2017):
    /// tanpa SKP, tidak dihitung di `pegawai` maupun `tanpa_skp_jumlah`.
    pub diberhentikan_sementara: u64,
    /// RHK utama non-JPT tanpa RHK atasan yang diintervensi.
    pub rhk_tanpa_intervensi: u64,
    pub indikator: u64,
    /// Indikator yang belum punya realisasi berbukti (berkas atau tautan).
    pub indikator_tanpa_bukti: u64,
    pub penilai_tertinggal: Vec<PenilaiTertinggal>,
    /// Pegawai dengan Σ jam RHK di atas jam kerja efektif.
    pub beban_berlebih: u64,
    /// Pegawai dengan Σ jam RHK di bawah separuh jam kerja efektif [R].
    pub beban_kurang: u64,
    pub beban_jabatan: Vec<BebanJabatan>,
    pub per_unit: Vec<BarisUnitDasbor>,
}

fn persen(a: u64, b: u64) -> String {
    if b == 0 {
        return "0.00".into();
    }
    rules::angka::teks_2(Decimal::from(a) * Decimal::ONE_HUNDRED / Decimal::from(b))
}

/// Dasbor satu tahun untuk cakupan aktor (BKD: instansi; pimpinan unit: unitnya).
pub async fn dasbor(l: &Layanan, k: &Konteks, instansi_id: &str, tahun: i64) -> Hasil<DasborSkp> {
    let c = CakupanUnit::untuk(l, k, Aksi::Baca, Sumber::DasborSkp(instansi_id)).await?;
    crate::perencanaan::periksa_tahun(k, tahun)?;
    let pool = l.pool();
    let semua = store::organisasi::semua_pegawai(pool, instansi_id).await?;
    // Diberhentikan sementara dihitung terpisah: bukan "tanpa SKP".
    let diberhentikan_sementara = semua
        .iter()
        .filter(|p| {
            p.status == super::periode::STATUS_DIBERHENTIKAN_SEMENTARA
                && p.jenis_asn != "pejabat_negara"
                && c.memuat(Some(&p.unit_id))
        })
        .count() as u64;
    let pegawai: Vec<store::organisasi::Pegawai> = semua
        .into_iter()
        .filter(|p| {
            super::periode::STATUS_BER_SKP.contains(&p.status.as_str())
                && p.jenis_asn != "pejabat_negara"
                && c.memuat(Some(&p.unit_id))
        })
        .collect();
    let dalam: HashSet<&str> = pegawai.iter().map(|p| p.id.as_str()).collect();
    let nama: HashMap<&str, &str> = pegawai
        .iter()
        .map(|p| (p.id.as_str(), p.nama.as_str()))
        .collect();
    let skp: Vec<store::skp::Skp> = store::skp::daftar_skp(pool, instansi_id, tahun, None)
        .await?
        .into_iter()
        .filter(|s| dalam.contains(s.pegawai_id.as_str()))
        .collect();
    let skp_id: HashSet<&str> = skp.iter().map(|s| s.id.as_str()).collect();
    let ber_skp: HashSet<&str> = skp.iter().map(|s| s.pegawai_id.as_str()).collect();
    let mut per_status: HashMap<&str, u64> = HashMap::new();
    for s in &skp {
        *per_status.entry(s.status.as_str()).or_default() += 1;
    }
    let disetujui = per_status.get("disetujui").copied().unwrap_or(0);
    let tanpa: Vec<&store::organisasi::Pegawai> = pegawai
        .iter()
        .filter(|p| !ber_skp.contains(p.id.as_str()))
        .collect();

    let rhk: Vec<store::skp::Rhk> = store::skp::rhk_tahun(pool, instansi_id, tahun)
        .await?
        .into_iter()
        .filter(|r| skp_id.contains(r.skp_id.as_str()))
        .collect();
    let jpt: HashSet<&str> = skp
        .iter()
        .filter(|s| s.jpt != 0)
        .map(|s| s.id.as_str())
        .collect();
    let rhk_tanpa_intervensi = rhk
        .iter()
        .filter(|r| {
            r.jenis == "utama" && r.rhk_atasan_id.is_none() && !jpt.contains(r.skp_id.as_str())
        })
        .count() as u64;
    let indikator: Vec<store::skp::IndikatorSkp> =
        store::skp::indikator_tahun(pool, instansi_id, tahun)
            .await?
            .into_iter()
            .filter(|i| skp_id.contains(i.skp_id.as_str()))
            .collect();
    let realisasi = store::skp::realisasi_tahun(pool, instansi_id, tahun).await?;
    let berbukti: HashSet<&str> = realisasi
        .iter()
        .filter(|r| r.berbukti == 1)
        .map(|r| r.indikator_id.as_str())
        .collect();
    let indikator_tanpa_bukti = indikator
        .iter()
        .filter(|i| !berbukti.contains(i.id.as_str()))
        .count() as u64;

    // Penilai tertinggal: entri menunggu lebih dari 14 hari.
    let batas = time::OffsetDateTime::now_utc() - time::Duration::days(HARI_TERTINGGAL);
    let batas = store::format_waktu(batas);
    let penilai_skp: HashMap<&str, &str> = skp
        .iter()
        .filter_map(|s| s.penilai_id.as_deref().map(|p| (s.id.as_str(), p)))
        .collect();
    let mut tertinggal: HashMap<&str, u64> = HashMap::new();
    for r in &realisasi {
        if r.status == "menunggu" && r.dibuat_pada < batas {
            if let Some(p) = penilai_skp.get(r.skp_id.as_str()) {
                *tertinggal.entry(p).or_default() += 1;
            }
        }
    }
    let mut penilai_tertinggal: Vec<PenilaiTertinggal> = Vec::new();
    for (p, n) in tertinggal {
        let nm = match nama.get(p) {
            Some(x) => x.to_string(),
            None => store::organisasi::pegawai(pool, instansi_id, p)
                .await?
                .map(|x| x.nama)
                .unwrap_or_default(),
        };
        penilai_tertinggal.push(PenilaiTertinggal {
            penilai_id: p.to_string(),
            nama: nm,
            menunggu: n,
        });
    }
    penilai_tertinggal.sort_by(|a, b| b.menunggu.cmp(&a.menunggu).then(a.nama.cmp(&b.nama)));
    penilai_tertinggal.truncate(MAKS_DAFTAR);

    // Beban kerja: Σ jam RHK per pegawai dan per jabatan (aturan ABK).
    let konfig = KonfigurasiAbk::default();
    let mut jam_skp: HashMap<&str, Decimal> = HashMap::new();
    for r in &rhk {
        let j = r
            .jam_beban
            .as_deref()
            .and_then(rules::angka::baca_desimal)
            .unwrap_or_default();
        *jam_skp.entry(r.skp_id.as_str()).or_default() += j;
    }
    let efektif = konfig.jam_kerja_efektif;
    let beban_berlebih = skp
        .iter()
        .filter(|s| jam_skp.get(s.id.as_str()).copied().unwrap_or_default() > efektif)
        .count() as u64;
    let beban_kurang = skp
        .iter()
        .filter(|s| {
            jam_skp.get(s.id.as_str()).copied().unwrap_or_default() * Decimal::TWO < efektif
        })
        .count() as u64;
    let jabatan: HashMap<String, String> = store::organisasi::semua_jabatan(pool, instansi_id)
        .await?
        .into_iter()
        .map(|j| (j.id, j.nama))
        .collect();
    let mut per_jabatan: HashMap<String, (u64, Vec<TugasAbk>)> = HashMap::new();
    for s in &skp {
        let nama_j = s
            .jabatan_id
            .as_ref()
            .and_then(|j| jabatan.get(j))
            .cloned()
            .unwrap_or_else(|| "(tanpa jabatan)".into());
        let e = per_jabatan.entry(nama_j).or_default();
        e.0 += 1;
        let jam = jam_skp.get(s.id.as_str()).copied().unwrap_or_default();
        e.1.push(TugasAbk {
            volume: Decimal::ONE,
            norma_waktu_menit: jam * Decimal::from(60),
        });
    }
    let mut beban_jabatan: Vec<BebanJabatan> = per_jabatan
        .into_iter()
        .filter_map(|(j, (n, tugas))| {
            let h = analisis_beban_kerja(&tugas, n, &konfig).ok()?;
            Some(BebanJabatan {
                jabatan: j,
                pegawai: n,
                jam: rules::angka::teks_2(h.beban_kerja_jam),
                kebutuhan: rules::angka::teks_2(h.kebutuhan_pegawai),
                kebutuhan_dibulatkan: h.kebutuhan_pegawai_dibulatkan,
                efisiensi: rules::angka::teks_2(h.efisiensi_jabatan),
                kategori: format!("{:?}", h.kategori_ej),
            })
        })
        .collect();
    beban_jabatan.sort_by(|a, b| b.pegawai.cmp(&a.pegawai).then(a.jabatan.cmp(&b.jabatan)));
    beban_jabatan.truncate(MAKS_DAFTAR);

    // Per unit: bagian pegawai dengan SKP disetujui, terendah dahulu.
    let unit: HashMap<String, String> = store::organisasi::semua_unit(pool, instansi_id)
        .await?
        .into_iter()
        .map(|u| (u.id, u.nama))
        .collect();
    let status_pegawai: HashMap<&str, &str> = skp
        .iter()
        .map(|s| (s.pegawai_id.as_str(), s.status.as_str()))
        .collect();
    let mut per_unit: HashMap<&str, (u64, u64)> = HashMap::new();
    for p in &pegawai {
        let e = per_unit.entry(p.unit_id.as_str()).or_default();
        e.0 += 1;
        if status_pegawai.get(p.id.as_str()) == Some(&"disetujui") {
            e.1 += 1;
        }
    }
    let mut per_unit: Vec<BarisUnitDasbor> = per_unit
        .into_iter()
        .map(|(u, (n, ok))| BarisUnitDasbor {
            unit_id: u.to_string(),
            nama: unit.get(u).cloned().unwrap_or_default(),
            pegawai: n,
            disetujui: ok,
            persen: persen(ok, n),
        })
        .collect();
    per_unit.sort_by(|a, b| {
        (a.disetujui * b.pegawai.max(1))
            .cmp(&(b.disetujui * a.pegawai.max(1)))
            .then(a.nama.cmp(&b.nama))
    });
    per_unit.truncate(MAKS_DAFTAR);

    let mut per_status: Vec<(String, u64)> = per_status
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    per_status.sort();
    let n = pegawai.len() as u64;
    Ok(DasborSkp {
        tahun,
        pegawai: n,
        dengan_skp: ber_skp.len() as u64,
        disetujui,
        persen_disetujui: persen(disetujui, n),
        per_status,
        tanpa_skp_jumlah: tanpa.len() as u64,
        tanpa_skp: tanpa
            .iter()
            .take(MAKS_DAFTAR)
            .map(|p| PegawaiRingkas {
                pegawai_id: p.id.clone(),
                nama: p.nama.clone(),
                unit_id: p.unit_id.clone(),
            })
            .collect(),
        diberhentikan_sementara,
        rhk_tanpa_intervensi,
        indikator: indikator.len() as u64,
        indikator_tanpa_bukti,
        penilai_tertinggal,
        beban_berlebih,
        beban_kurang,
        beban_jabatan,
        per_unit,
    })
}
