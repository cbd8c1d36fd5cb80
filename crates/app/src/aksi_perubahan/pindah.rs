//! Proyek perubahan mengikuti alumninya (isu 13, docs/adr/0014 bagian
//! "Pindah bersama alumni").
//!
//! - **Mutasi antar-instansi** (`organisasi::penugasan::mutasi`, transaksi
//!   yang sama): setiap proyek pegawai lama yang belum pindah mendapat proyek
//!   lanjutan di instansi tujuan (id baru, pegawai baru, tonggak disalin
//!   beserta progres dan statusnya, pengingat yang sudah terkirim ikut
//!   disalin agar tidak terkirim dua kali). Proyek lama tetap utuh — progres
//!   dan buktinya merujuk akun instansi lama (FK), dan kuncinya memuat
//!   instansi (Citus) — tetapi ditandai `pindah_pada` dan dirantai di
//!   `pindah_aksi`. Daftar, dasbor, ekspor dan pengingat hanya memantau
//!   lanjutannya.
//! - **Mentor mengikuti atasan** (`organisasi::pegawai::simpan_ubah`): saat
//!   atasan langsung alumni berubah (pindah unit, atau BKD tujuan mengisi
//!   atasan sesudah mutasi), proyek yang mentornya kosong atau atasan lama
//!   mendapat atasan baru sebagai mentor; mentor yang sengaja dipilih orang
//!   lain dipertahankan.
//! - **Membaca rantai**: yang boleh membaca lanjutan boleh membaca proyek-
//!   proyek sebelumnya (hanya baca; `kebijakan::CakupanAksi::hak_pindah`),
//!   dan detail lanjutan memuat riwayat progres dan bukti sebelum pindah.

use super::{Aksi, OBJEK_AKSI, Progres, Tonggak};
use crate::kebijakan::HakAksi;
use crate::{Bahasa, Galat, Hasil, Konteks, Layanan};
use serde::Serialize;
use std::collections::HashMap;
use store::aksi_perubahan::PindahAksi;
use store::organisasi::Pegawai;

/// Panjang rantai pindah yang ditelusuri (penjaga; mutasi berulang jarang).
pub const BATAS_RANTAI: usize = 10;

/// Ke mana proyek ini pindah bersama alumninya.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PindahKe {
    pub instansi_id: String,
    /// Nama instansi tujuan.
    pub instansi: String,
    /// Proyek lanjutan di instansi tujuan.
    pub aksi_id: String,
    /// Tanggal mutasi (YYYY-MM-DD).
    pub tanggal: String,
}

/// Satu proyek sebelum pindah (rantai, terbaru dulu): riwayat yang dibawa
/// alumni ke instansi barunya.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AsalAksi {
    pub instansi_id: String,
    /// Nama instansi asal.
    pub instansi: String,
    /// Proyek sebelum pindah (dibaca saja): buktinya di
    /// `/api/v1/aksi-perubahan/{aksi_id}/bukti/{bid}`.
    pub aksi_id: String,
    pub judul: String,
    /// Tanggal pindah dari proyek itu (YYYY-MM-DD).
    pub tanggal: String,
    /// Zona waktu instansi asal (WIB/WITA/WIT) untuk menampilkan waktu progres.
    pub zona_waktu: String,
    /// Uraian tonggak proyek itu (id tonggak → uraian): progres lama merujuk tonggak lama.
    pub tonggak: HashMap<String, String>,
    /// Progres proyek itu, terbaru dulu (paling banyak 500).
    pub progres: Vec<Progres>,
    /// Bukti per progres (id progres → id bukti).
    pub bukti: HashMap<String, Vec<String>>,
}

/// Mentor proyek sesudah atasan langsung alumni berubah dari `atasan_lama`
/// ke `atasan_baru`: atasan baru bila mentornya kosong atau atasan lama;
/// `None` = mentor tetap (dipilih sengaja orang lain, sudah sama, atau
/// atasan dikosongkan — proyek tidak ditinggal tanpa pemverifikasi).
pub fn mentor_ikut_atasan(
    mentor: Option<&str>,
    atasan_lama: Option<&str>,
    atasan_baru: Option<&str>,
) -> Option<String> {
    let baru = atasan_baru?;
    if atasan_lama == Some(baru) || mentor == Some(baru) {
        return None;
    }
    (mentor.is_none() || mentor == atasan_lama).then(|| baru.to_string())
}

/// Mutasi alumni `lama` (instansi asal) → `baru` (rekaman pegawai baru di
/// instansi tujuan, sudah disisipkan): setiap proyek `lama` yang belum pindah
/// dilanjutkan di instansi tujuan, di transaksi mutasi. Tanpa pemeriksaan
/// hak: hanya dipanggil `mutasi` (super admin). Pemanggil memanggil
/// `ada_perubahan()` sesudah commit. Hasil: jumlah proyek yang pindah.
pub(crate) async fn pindahkan(
    tx: &mut store::Transaksi<'_>,
    k: &Konteks,
    lama: &Pegawai,
    baru: &Pegawai,
    tanggal: &str,
) -> Hasil<usize> {
    use store::aksi_perubahan as s;
    let proyek = s::aksi_pegawai_belum_pindah(tx, &lama.instansi_id, &lama.id).await?;
    let w = store::sekarang();
    for a in &proyek {
        let lanjut = Aksi {
            instansi_id: baru.instansi_id.clone(),
            id: store::id_baru(),
            pegawai_id: baru.id.clone(),
            // Instansi tujuan belum mengisi atasan (mutasi mengosongkannya);
            // mentor mengikuti atasan saat BKD tujuan mengisinya.
            mentor_pegawai_id: baru.atasan_id.clone(),
            versi: 1,
            dibuat_pada: w.clone(),
            diubah_pada: w.clone(),
            ..a.clone()
        };
        let mata = PindahAksi {
            instansi_id: a.instansi_id.clone(),
            aksi_id: a.id.clone(),
            ke_instansi_id: lanjut.instansi_id.clone(),
            ke_aksi_id: lanjut.id.clone(),
            tanggal: tanggal.to_string(),
            dibuat_pada: w.clone(),
        };
        if !s::catat_pindah(tx, &mata).await? {
            return Err(Galat::Konflik(
                k.t(
                    "Proyek perubahan pegawai ini sedang dipindahkan; muat ulang lalu ulangi.",
                    "This employee's change project is being moved; reload and try again.",
                )
                .into(),
            ));
        }
        s::sisipkan_aksi(tx, &lanjut).await?;
        let tonggak = s::tonggak_proyek_tx(tx, &a.instansi_id, &a.id).await?;
        let mut peta: HashMap<&str, String> = HashMap::new();
        for t in &tonggak {
            let salinan = Tonggak {
                instansi_id: lanjut.instansi_id.clone(),
                id: store::id_baru(),
                aksi_id: lanjut.id.clone(),
                // RHK milik SKP di instansi lama.
                rhk_id: None,
                versi: 1,
                dibuat_pada: w.clone(),
                diubah_pada: w.clone(),
                ..t.clone()
            };
            s::sisipkan_tonggak(tx, &salinan).await?;
            peta.insert(t.id.as_str(), salinan.id);
        }
        // Peristiwa pengingat yang sudah terkirim tetap terkirim: kuncinya
        // (tonggak, jenis, jatuh tempo) disalin ke tonggak salinan.
        for (tid, jenis, jatuh_tempo, dikirim) in
            s::pengingat_proyek(tx, &a.instansi_id, &a.id).await?
        {
            if let Some(baru_t) = peta.get(tid.as_str()) {
                s::catat_pengingat(
                    tx,
                    &lanjut.instansi_id,
                    baru_t,
                    &jenis,
                    &jatuh_tempo,
                    &dikirim,
                )
                .await?;
            }
        }
        // Usul ke repositori inovasi (bila ada) ikut: lanjutannya yang diputus.
        s::salin_usul(tx, &a.instansi_id, &a.id, &lanjut.instansi_id, &lanjut.id).await?;
        let mut sesudah_lama = serde_json::to_value(a).unwrap_or_default();
        sesudah_lama["versi"] = (a.versi + 1).into();
        sesudah_lama["diubah_pada"] = w.clone().into();
        sesudah_lama["pindah_pada"] = w.clone().into();
        sesudah_lama["pindah_ke"] = serde_json::to_value(&mata).unwrap_or_default();
        let sebelum = serde_json::to_value(a).unwrap_or_default();
        crate::audit::catat(
            tx,
            k,
            &a.instansi_id,
            "pindah_keluar",
            OBJEK_AKSI,
            &a.id,
            Some(&sebelum),
            Some(&sesudah_lama),
        )
        .await?;
        let mut sesudah_baru = serde_json::to_value(&lanjut).unwrap_or_default();
        sesudah_baru["tonggak_disalin"] = tonggak.len().into();
        sesudah_baru["pindah_dari"] = serde_json::to_value(&mata).unwrap_or_default();
        crate::audit::catat(
            tx,
            k,
            &lanjut.instansi_id,
            "pindah_masuk",
            OBJEK_AKSI,
            &lanjut.id,
            None,
            Some(&sesudah_baru),
        )
        .await?;
    }
    Ok(proyek.len())
}

/// Atasan langsung pegawai berubah (`lama` → `baru`, satu instansi): mentor
/// proyeknya yang belum pindah mengikuti (`mentor_ikut_atasan`), di
/// transaksi pemanggil, dengan audit `ubah`. Satu SELECT berindeks
/// (instansi, pegawai) bila atasan berubah; tidak ada kueri bila tidak.
///
/// `ada_perubahan()` dipanggil di dalam transaksi (pemanggilnya banyak:
/// halaman pegawai, impor, mutasi): pembaca yang menghitung ulang di antara
/// panggilan ini dan commit dapat menyimpan keadaan lama paling lama
/// `UMUR_SIMPANAN` (60 detik) — batas yang sama dengan perubahan dari proses
/// lain (docs/adr/0014).
pub(crate) async fn ikuti_atasan(
    tx: &mut store::Transaksi<'_>,
    k: &Konteks,
    lama: &Pegawai,
    baru: &Pegawai,
) -> Hasil<()> {
    if lama.atasan_id == baru.atasan_id
        || lama.instansi_id != baru.instansi_id
        || baru.atasan_id.is_none()
    {
        return Ok(());
    }
    let proyek =
        store::aksi_perubahan::aksi_pegawai_belum_pindah(tx, &baru.instansi_id, &baru.id).await?;
    let mut berubah = false;
    for a in proyek {
        let Some(mentor) = mentor_ikut_atasan(
            a.mentor_pegawai_id.as_deref(),
            lama.atasan_id.as_deref(),
            baru.atasan_id.as_deref(),
        ) else {
            continue;
        };
        let mut b = a.clone();
        b.mentor_pegawai_id = Some(mentor);
        b.versi = a.versi + 1;
        b.diubah_pada = store::sekarang();
        if !store::aksi_perubahan::ubah_aksi(tx, &b, a.versi).await? {
            return Err(Galat::Konflik(
                k.t(
                    "Proyek perubahan pegawai ini baru saja diubah; muat ulang lalu ulangi.",
                    "This employee's change project just changed; reload and try again.",
                )
                .into(),
            ));
        }
        crate::audit::catat(
            tx,
            k,
            &a.instansi_id,
            "ubah",
            OBJEK_AKSI,
            &a.id,
            Some(&a),
            Some(&b),
        )
        .await?;
        berubah = true;
    }
    if berubah {
        super::ada_perubahan();
    }
    Ok(())
}

/// 409 `aksi_dipindah` bila proyek sudah pindah (`hak.dipindah`, diputuskan
/// `kebijakan::CakupanAksi::hak_pindah`), dengan tujuan dan proyek lanjutannya.
/// Dipanggil penulis (ubah, tambah tonggak, kirim progres, verifikasi)
/// sesudah `muat` dan sebelum pemeriksaan hak tulisnya.
pub(super) async fn tolak_bila_pindah(
    l: &Layanan,
    k: &Konteks,
    a: &Aksi,
    hak: &HakAksi,
) -> Hasil<()> {
    // Token baca mendapat 403 "hanya untuk membaca" dari pemeriksaan hak.
    if !hak.dipindah || k.aktor.as_ref().is_some_and(|x| x.hanya_baca) {
        return Ok(());
    }
    let p = pindah_ke(l, a).await?;
    let (instansi, ke, tanggal) = match &p {
        Some(p) => (
            p.instansi.as_str(),
            p.aksi_id.as_str(),
            crate::teks::tanggal(k.bahasa, &p.tanggal),
        ),
        None => ("?", "?", String::new()),
    };
    let pesan = match k.bahasa {
        Bahasa::Id => format!(
            "Proyek ini sudah pindah bersama alumninya ke {instansi} pada {tanggal} dan tidak dapat diubah lagi; lanjutkan di /aksi-perubahan/{ke}."
        ),
        Bahasa::En => format!(
            "This project moved with its alumnus to {instansi} on {tanggal} and can no longer be changed; continue at /aksi-perubahan/{ke}."
        ),
    };
    Err(Galat::Status {
        kode: "aksi_dipindah".into(),
        pesan,
        fields: Default::default(),
    })
}

/// Ke mana proyek ini pindah (satu mata rantai), dengan nama instansinya.
pub(super) async fn pindah_ke(l: &Layanan, a: &Aksi) -> Hasil<Option<PindahKe>> {
    let pool = l.pool();
    let Some(p) = store::aksi_perubahan::pindah_keluar(pool, &a.instansi_id, &a.id).await? else {
        return Ok(None);
    };
    let instansi = store::organisasi::instansi(pool, &p.ke_instansi_id)
        .await?
        .map(|i| i.nama)
        .unwrap_or_default();
    Ok(Some(PindahKe {
        instansi_id: p.ke_instansi_id,
        instansi,
        aksi_id: p.ke_aksi_id,
        tanggal: p.tanggal,
    }))
}

/// Fakta proyek-proyek lanjutan sesudah mata rantai `p` (paling banyak
/// `BATAS_RANTAI`), untuk hak baca atas proyek yang sudah pindah.
pub(super) async fn fakta_lanjutan(
    l: &Layanan,
    p: &PindahAksi,
) -> Hasil<Vec<super::FaktaAksiMilik>> {
    let pool = l.pool();
    let mut hasil = Vec::new();
    let mut ke = (p.ke_instansi_id.clone(), p.ke_aksi_id.clone());
    for _ in 0..BATAS_RANTAI {
        let Some(n) = store::aksi_perubahan::aksi_di(pool, &ke.0, &ke.1).await? else {
            break;
        };
        let kode = store::organisasi::instansi(pool, &n.instansi_id)
            .await?
            .and_then(|i| i.kode_wilayah);
        hasil.push(super::fakta(&n, kode.as_deref()));
        match store::aksi_perubahan::pindah_keluar(pool, &n.instansi_id, &n.id).await? {
            Some(x) => ke = (x.ke_instansi_id, x.ke_aksi_id),
            None => break,
        }
    }
    Ok(hasil)
}

/// Proyek-proyek sebelum `a` di rantai pindah, terbaru dulu (paling banyak
/// `BATAS_RANTAI`), dengan progres dan buktinya. Hak baca atas `a` sudah
/// diperiksa pemanggil; itu juga hak baca atas rantainya. `catat_baca`:
/// pembacaan dicatat di instansi asal (UU 27/2022) bila pembaca bukan
/// alumninya.
pub(super) async fn asal(
    l: &Layanan,
    k: &Konteks,
    a: &Aksi,
    catat_baca: bool,
) -> Hasil<Vec<AsalAksi>> {
    let pool = l.pool();
    let mut hasil = Vec::new();
    let mut ini = (a.instansi_id.clone(), a.id.clone());
    for _ in 0..BATAS_RANTAI {
        let Some(p) = store::aksi_perubahan::pindah_masuk(pool, &ini.0, &ini.1).await? else {
            break;
        };
        let Some(x) = store::aksi_perubahan::aksi_di(pool, &p.instansi_id, &p.aksi_id).await?
        else {
            break;
        };
        let inst = store::organisasi::instansi(pool, &x.instansi_id).await?;
        let tonggak = store::aksi_perubahan::tonggak_proyek(pool, &x.instansi_id, &x.id)
            .await?
            .into_iter()
            .map(|t| (t.id, t.uraian))
            .collect();
        let progres = store::aksi_perubahan::progres_proyek(pool, &x.instansi_id, &x.id).await?;
        let mut bukti: HashMap<String, Vec<String>> = HashMap::new();
        for (bid, oid) in store::aksi_perubahan::bukti_progres(pool, &x.instansi_id, &x.id).await? {
            bukti.entry(oid).or_default().push(bid);
        }
        if catat_baca {
            crate::audit::catat_baca(l, k, &x.instansi_id, OBJEK_AKSI, &x.id).await?;
        }
        hasil.push(AsalAksi {
            instansi: inst.as_ref().map(|i| i.nama.clone()).unwrap_or_default(),
            zona_waktu: inst.map(|i| i.zona_waktu).unwrap_or_else(|| "WIB".into()),
            instansi_id: x.instansi_id.clone(),
            aksi_id: x.id.clone(),
            judul: x.judul,
            tanggal: p.tanggal,
            tonggak,
            progres,
            bukti,
        });
        ini = (x.instansi_id, x.id);
    }
    Ok(hasil)
}

#[cfg(test)]
mod tes {
    use super::mentor_ikut_atasan as ikut;

    #[test]
    fn mentor_mengikuti_atasan_kecuali_dipilih_sengaja() {
        // Kosong atau atasan lama: atasan baru.
        assert_eq!(ikut(None, None, Some("b")), Some("b".into()));
        assert_eq!(ikut(Some("a"), Some("a"), Some("b")), Some("b".into()));
        assert_eq!(ikut(None, Some("a"), Some("b")), Some("b".into()));
        // Dipilih sengaja orang lain: tetap.
        assert_eq!(ikut(Some("m"), Some("a"), Some("b")), None);
        // Sudah sama, atasan tidak berubah, atau atasan dikosongkan: tetap.
        assert_eq!(ikut(Some("b"), Some("a"), Some("b")), None);
        assert_eq!(ikut(Some("a"), Some("a"), Some("a")), None);
        assert_eq!(ikut(Some("a"), Some("a"), None), None);
    }
}
