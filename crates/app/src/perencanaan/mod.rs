//! Perencanaan dan penganggaran berbasis kinerja (isu 9): rencana per
//! instansi dan tahun, gerbang "tidak ada anggaran tanpa keluaran", nilai
//! uang (dinilai dari hasil, bukan serapan) dan keselarasan program.
//!
//! Semua tanda, kekurangan dan putusan berasal dari aturan murni
//! `rules::anggaran` — fungsi yang sama dengan kalkulator publik — sehingga
//! halaman, API, CLI dan kalkulator tidak pernah berbeda pendapat.
//! Rancangan lengkap: docs/rancangan/perencanaan-anggaran.md; keputusan:
//! docs/adr/0013-perencanaan-anggaran.md.

mod biaya;
mod hasil;
mod keselarasan;
mod konfigurasi;
mod nilai_uang;
pub(crate) mod nomenklatur;
mod realisasi;
mod rencana;
mod subkegiatan;
mod wilayah;

pub use biaya::{BiayaWilayah, PerbandinganBiaya, perbandingan_biaya};
pub(crate) use hasil::periksa_triwulan_hasil;
pub use hasil::{
    ButirHasil, DaftarHasil, DetailHasil, MasukanHasil, daftar_hasil, hasil, simpan_hasil,
};
pub use keselarasan::{
    Diterima, JawabanKeselarasan, MasukanPenerimaan, PutusanProgram, TemuanJson, cabut_penerimaan,
    keselarasan, terima_peringatan,
};
pub use konfigurasi::{KonfigurasiInstansi, konfigurasi, ubah_konfigurasi};
pub use nilai_uang::{
    BarisNilaiUang, IndikatorNilaiUang, JawabanNilaiUang, RekapUnit, RingkasanNilaiUang, TandaJson,
    TanyaNilaiUang, nilai_uang, serapan_bulanan,
};
pub use nomenklatur::daftar_versi as daftar_versi_nomenklatur;
pub(crate) use realisasi::boleh_lihat_bukti;
pub use realisasi::{
    KeluaranSel, MasukanKunci, MasukanRealisasiAnggaran, MasukanRealisasiKeluaran,
    MasukanVerifikasi, RealisasiHasil, RealisasiSub, SelHasil, buka_kunci, daftar_kunci,
    kunci_periode, nama_periode, realisasi_hasil, realisasi_subkegiatan, simpan_realisasi_anggaran,
    simpan_realisasi_keluaran, verifikasi_keluaran,
};
pub use rencana::{
    GerbangJson, KekuranganJson, PenolakanGerbang, RevisiRingkas, RingkasanAnggaran,
    batalkan_perubahan, buat_perubahan, ringkasan, tetapkan,
};
pub use subkegiatan::{
    DetailSubkegiatan, IsianIndikator, MAKS_INDIKATOR, MasukanSubkegiatan, SubtotalKomponen,
    simpan_subkegiatan, subkegiatan,
};
pub use wilayah::{BarisWilayah, RekapWilayah, rekap_nasional, rekap_wilayah};

use crate::kebijakan::CakupanUnit;
use crate::{Galat, Hasil, Konteks, Layanan};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap};
use store::perencanaan::{Butir, Indikator, Rencana, Rincian};

/// Tahun anggaran yang diterima (melindungi kueri dari angka sembarang).
pub const TAHUN_MIN: i64 = 2000;
pub const TAHUN_MAKS: i64 = 2100;

/// Panjang teks lokasi yang dilayani sub kegiatan (halaman dan impor).
pub const MAKS_LOKASI: usize = 200;

pub const PROGRAM: &str = "program";
pub const KEGIATAN: &str = "kegiatan";
pub const SUBKEGIATAN: &str = "subkegiatan";

/// Rupiah dari sen (eksak).
pub fn rupiah(sen: i64) -> Decimal {
    Decimal::new(sen, 2)
}

/// Sen dari rupiah: paling banyak dua desimal, tidak negatif, muat di BIGINT.
pub fn sen_dari(rp: Decimal) -> Option<i64> {
    if rp.is_sign_negative() || rp.normalize().scale() > 2 {
        return None;
    }
    let sen = rp.checked_mul(Decimal::ONE_HUNDRED)?;
    i64::try_from(sen.trunc()).ok()
}

/// Desimal dua tempat sebagai teks (kontrak kalkulator: setengah menjauhi nol).
pub fn d2(x: Decimal) -> String {
    rules::angka::teks_2(x)
}

/// Teks desimal kanonis untuk disimpan (`1.50` → `1.5`).
pub fn kanonis(x: Decimal) -> String {
    x.normalize().to_string()
}

pub fn desimal(t: &Option<String>) -> Option<Decimal> {
    t.as_deref().and_then(rules::angka::baca_desimal)
}

/// Draf tahun itu beserta isinya dan butir yang `cocok` (`tidak_ada` bila
/// tidak ada) — untuk formulir yang mengubah satu butir; revisi yang sudah
/// ditetapkan tidak diubah.
pub(crate) async fn draf_dan_butir(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    cocok: impl Fn(&store::perencanaan::Butir) -> bool,
    tidak_ada: impl FnOnce() -> Galat,
) -> Hasil<(Rencana, DataRencana, store::perencanaan::Butir)> {
    let rt = RevisiTahun::baca(l, instansi_id, tahun).await?;
    let Some(draf) = rt.draf().cloned() else {
        return Err(status(
            "sudah_ditetapkan",
            k.t(
                "Hanya draf yang dapat diubah; buat perubahan dulu.",
                "Only a draft can be changed; start a revision first.",
            ),
        ));
    };
    let data = DataRencana::muat(l, draf.clone(), false).await?;
    let butir = data
        .butir
        .iter()
        .find(|b| cocok(b))
        .cloned()
        .ok_or_else(tidak_ada)?;
    Ok((draf, data, butir))
}

/// Unit penanggung jawab dari formulir: kosong = tanpa unit; selain itu
/// harus unit instansi ini (galat di kolom `unit_id`).
pub(crate) async fn baca_unit(
    l: &Layanan,
    k: &Konteks,
    f: &mut crate::galat::GalatKolom,
    instansi_id: &str,
    unit_id: Option<String>,
) -> Hasil<Option<String>> {
    let unit_id = unit_id.filter(|u| !u.trim().is_empty());
    if let Some(u) = &unit_id {
        let semua = store::organisasi::semua_unit(l.pool(), instansi_id).await?;
        if !semua.iter().any(|x| &x.id == u) {
            f.tambah(
                "unit_id",
                k.t(
                    "Unit tidak ada di instansi ini.",
                    "No such unit in this agency.",
                ),
            );
        }
    }
    Ok(unit_id)
}

/// Bulan yang sudah berjalan, bila diberikan, harus 1–12.
pub(crate) fn periksa_bulan(k: &Konteks, bulan: Option<u8>) -> Hasil<()> {
    match bulan {
        Some(b) if !(1..=12).contains(&b) => Err(Galat::input(
            k.t("Bulan tidak sah.", "Invalid month."),
            std::collections::BTreeMap::from([(
                "bulan".to_string(),
                k.t("Bulan harus 1–12.", "The month must be 1–12.")
                    .to_string(),
            )]),
        )),
        _ => Ok(()),
    }
}

pub(crate) fn periksa_tahun(k: &Konteks, tahun: i64) -> Hasil<()> {
    if (TAHUN_MIN..=TAHUN_MAKS).contains(&tahun) {
        Ok(())
    } else {
        Err(Galat::input(
            k.t("Tahun anggaran tidak sah.", "Invalid budget year."),
            BTreeMap::from([(
                "tahun".to_string(),
                k.t(
                    "Tahun anggaran harus antara 2000 dan 2100.",
                    "The budget year must be between 2000 and 2100.",
                )
                .to_string(),
            )]),
        ))
    }
}

/// Galat 409 dengan kodenya sendiri (kunci periode, status rencana).
pub(crate) fn status(kode: &str, pesan: impl Into<String>) -> Galat {
    Galat::Status {
        kode: kode.into(),
        pesan: pesan.into(),
        fields: BTreeMap::new(),
    }
}

/// Isi satu revisi rencana, dengan indeks yang dipakai semua perhitungan.
pub(crate) struct DataRencana {
    pub rencana_revisi: i64,
    pub rencana_status: String,
    pub butir: Vec<Butir>,
    pub indikator: Vec<Indikator>,
    pub rincian: Vec<Rincian>,
}

impl DataRencana {
    /// Kolom secukupnya untuk perhitungan (nilai uang, rekap).
    pub async fn muat_ringkas(l: &Layanan, rencana: Rencana) -> Hasil<DataRencana> {
        let pool = l.pool();
        let iid = rencana.instansi_id.clone();
        let (butir, indikator) = tokio::try_join!(
            store::perencanaan::butir_ringkas(pool, &iid, &rencana.id),
            store::perencanaan::indikator_ringkas(pool, &iid, &rencana.id),
        )?;
        Ok(DataRencana {
            rencana_revisi: rencana.revisi,
            rencana_status: rencana.status.clone(),
            butir,
            indikator,
            rincian: Vec::new(),
        })
    }

    pub async fn muat(l: &Layanan, rencana: Rencana, dengan_rincian: bool) -> Hasil<DataRencana> {
        let pool = l.pool();
        let iid = rencana.instansi_id.clone();
        let (butir, indikator, rincian) = tokio::try_join!(
            store::perencanaan::butir_rencana(pool, &iid, &rencana.id),
            store::perencanaan::indikator_rencana(pool, &iid, &rencana.id),
            async {
                if dengan_rincian {
                    store::perencanaan::rincian_rencana(pool, &iid, &rencana.id).await
                } else {
                    Ok(Vec::new())
                }
            },
        )?;
        Ok(DataRencana {
            rencana_revisi: rencana.revisi,
            rencana_status: rencana.status.clone(),
            butir,
            indikator,
            rincian,
        })
    }

    /// Sub kegiatan dalam urutan program → kegiatan → sub kegiatan (urutan,
    /// lalu kode); sub kegiatan yang induknya hilang di belakang.
    pub fn subkegiatan_urut(&self) -> Vec<&Butir> {
        let mut anak: HashMap<Option<&str>, Vec<&Butir>> = HashMap::new();
        for b in &self.butir {
            anak.entry(b.induk_id.as_deref()).or_default().push(b);
        }
        for v in anak.values_mut() {
            v.sort_by(|a, b| a.urutan.cmp(&b.urutan).then(a.kode.cmp(&b.kode)));
        }
        let mut hasil = Vec::new();
        let mut dilihat = std::collections::HashSet::new();
        let mut tumpukan: Vec<&Butir> = anak.get(&None).cloned().unwrap_or_default();
        tumpukan.reverse();
        while let Some(b) = tumpukan.pop() {
            if !dilihat.insert(b.id.as_str()) {
                continue;
            }
            if b.tingkat == SUBKEGIATAN {
                hasil.push(b);
            }
            if let Some(cs) = anak.get(&Some(b.id.as_str())) {
                for c in cs.iter().rev() {
                    tumpukan.push(c);
                }
            }
        }
        let mut yatim: Vec<&Butir> = self
            .butir
            .iter()
            .filter(|b| b.tingkat == SUBKEGIATAN && !dilihat.contains(b.id.as_str()))
            .collect();
        yatim.sort_by(|a, b| a.kode.cmp(&b.kode));
        hasil.extend(yatim);
        hasil
    }

    pub fn per_id(&self) -> HashMap<&str, &Butir> {
        self.butir.iter().map(|b| (b.id.as_str(), b)).collect()
    }

    /// Indikator per butir, urut `urutan` (yang pertama = indikator utama).
    pub fn indikator_per_butir(&self) -> HashMap<&str, Vec<&Indikator>> {
        let mut m: HashMap<&str, Vec<&Indikator>> = HashMap::new();
        for i in &self.indikator {
            m.entry(i.butir_id.as_str()).or_default().push(i);
        }
        for v in m.values_mut() {
            v.sort_by(|a, b| {
                a.urutan
                    .cmp(&b.urutan)
                    .then(a.nama_kunci.cmp(&b.nama_kunci))
            });
        }
        m
    }

    /// Leluhur tingkat tertentu (program/kegiatan) sebuah butir.
    pub fn leluhur<'a>(
        &'a self,
        per_id: &HashMap<&str, &'a Butir>,
        b: &'a Butir,
        tingkat: &str,
    ) -> Option<&'a Butir> {
        let mut x = b.induk_id.as_deref();
        for _ in 0..8 {
            let p = per_id.get(x?)?;
            if p.tingkat == tingkat {
                return Some(p);
            }
            x = p.induk_id.as_deref();
        }
        None
    }
}

/// Revisi yang berlaku (ditetapkan) dan draf terbuka satu tahun.
pub(crate) struct RevisiTahun {
    pub semua: Vec<Rencana>,
}

impl RevisiTahun {
    pub async fn baca(l: &Layanan, instansi_id: &str, tahun: i64) -> Hasil<RevisiTahun> {
        Ok(RevisiTahun {
            semua: store::perencanaan::rencana_tahun(l.pool(), instansi_id, tahun).await?,
        })
    }
    pub fn berlaku(&self) -> Option<&Rencana> {
        self.semua
            .iter()
            .find(|r| r.status == store::perencanaan::DITETAPKAN)
    }
    pub fn draf(&self) -> Option<&Rencana> {
        self.semua
            .iter()
            .find(|r| r.status == store::perencanaan::DRAF)
    }
    pub fn revisi(&self, n: i64) -> Option<&Rencana> {
        self.semua.iter().find(|r| r.revisi == n)
    }
}

/// Kementerian/lembaga memakai rantai program → kegiatan → KRO → RO (kode RO
/// penuh di tingkat sub kegiatan, diawali kode kegiatannya), bukan
/// nomenklatur Kemendagri.
pub(crate) async fn skema_kl(l: &Layanan, instansi_id: &str) -> Hasil<bool> {
    Ok(store::organisasi::instansi(l.pool(), instansi_id)
        .await?
        .is_some_and(|i| matches!(i.jenis.as_str(), "kementerian" | "lembaga")))
}

/// Nama unit untuk ditampilkan: "Induk > Unit" (dua tingkat terakhir cukup
/// membedakan di satu instansi).
pub(crate) async fn nama_unit(l: &Layanan, instansi_id: &str) -> Hasil<HashMap<String, String>> {
    let unit = store::organisasi::semua_unit(l.pool(), instansi_id).await?;
    let per_id: HashMap<&str, &store::organisasi::UnitKerja> =
        unit.iter().map(|u| (u.id.as_str(), u)).collect();
    Ok(unit
        .iter()
        .map(|u| {
            let nama = match u.induk_id.as_deref().and_then(|i| per_id.get(i)) {
                Some(p) => format!("{} > {}", p.nama, u.nama),
                None => u.nama.clone(),
            };
            (u.id.clone(), nama)
        })
        .collect())
}

/// Butir yang boleh dilihat cakupan (pimpinan unit: unitnya saja).
pub(crate) fn terlihat(c: &CakupanUnit, b: &Butir) -> bool {
    c.memuat(b.unit_id.as_deref())
}

/// Bulan berjalan bawaan untuk ekspektasi waktu: tahun lampau 12, tahun
/// berjalan = bulan penuh yang sudah lewat (paling kecil 1), tahun depan 1.
pub(crate) async fn bulan_bawaan(l: &Layanan, instansi_id: &str, tahun: i64) -> Hasil<u8> {
    Ok(bulan_dari_hari(
        &crate::organisasi::hari_ini_di(l, instansi_id).await?,
        tahun,
    ))
}

/// Bulan yang sudah berjalan untuk `tahun` menurut tanggal `hari`
/// (YYYY-MM-DD): tahun lalu 12, tahun depan 1, tahun ini bulan sebelumnya.
pub(crate) fn bulan_dari_hari(hari: &str, tahun: i64) -> u8 {
    let th: i64 = hari.get(0..4).and_then(|x| x.parse().ok()).unwrap_or(tahun);
    let bl: u8 = hari.get(5..7).and_then(|x| x.parse().ok()).unwrap_or(1);
    if tahun < th {
        12
    } else if tahun > th {
        1
    } else {
        bl.saturating_sub(1).max(1)
    }
}

#[cfg(test)]
mod tes {
    use super::*;

    #[test]
    fn sen_dan_rupiah_eksak() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(sen_dari(d("1500000000")), Some(150_000_000_000));
        assert_eq!(sen_dari(d("0.10")), Some(10));
        assert_eq!(sen_dari(d("1.005")), None);
        assert_eq!(sen_dari(d("-1")), None);
        assert_eq!(rupiah(150_000_000_012), d("1500000000.12"));
        assert_eq!(d2(rupiah(5)), "0.05");
    }
}
