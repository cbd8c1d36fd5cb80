//! Kebijakan akses: satu tempat yang memutuskan (aktor, aksi, sumber) →
//! boleh penuh, hanya kolom direktori, atau tolak (docs/adr/0010).
//!
//! Dua lapis:
//! - `putuskan`: menurut peran saja (tanpa basis data). Dipakai `Konteks::
//!   boleh_baca`/`boleh_kelola`/`wajib_super_admin` dan oleh `wajib`.
//! - `Cakupan::akses`: untuk satu rekaman pegawai, menurut peran DAN hubungan
//!   (diri sendiri, rantai atasan, pimpinan unit, Plt./Plh. yang berjalan
//!   menurut tanggal di zona waktu instansi).
//!
//! Atur ulang sandi akun orang lain: `boleh_atur_ulang_sandi` (admin, atau
//! hubungan penuh `Cakupan::akses` tanpa ke atas dan tanpa menaikkan kuasa).
//!
//! Rekaman pegawai keluar dari layanan sebagai `Terbaca<Pegawai>`, yang hanya
//! dapat dibuat modul ini: kolom pribadi (`KOLOM_PRIBADI`) sudah dikosongkan
//! bila pembaca hanya berhak atas direktori. Riwayat audit mengikuti aturan
//! yang sama lewat `izin_riwayat`.

use crate::audit::Catatan;
use crate::organisasi::{hari_ini_di, unit};
use crate::{Aktor, Galat, Hasil, Konteks, Layanan, Peran};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use store::organisasi::Pegawai;

/// Kolom pribadi rekaman pegawai (UU 27/2022): hanya untuk orangnya sendiri,
/// rantai atasannya, pimpinan unitnya, admin instansi dan super admin. Satu-
/// satunya daftar: kolom baru yang bersifat pribadi cukup ditambahkan di sini
/// (kolomnya harus `Option`, sebab dikosongkan menjadi `null`). Berlaku juga
/// untuk potret sebelum/sesudah di riwayat audit.
pub const KOLOM_PRIBADI: &[&str] = &["tanggal_lahir", "jenis_kelamin", "email", "telepon"];

/// Batas langkah saat menelusuri rantai atasan (rantai melingkar ditolak saat
/// menyimpan; batas ini hanya penjaga).
const BATAS_RANTAI: usize = 64;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Akses {
    /// Seluruh kolom.
    Penuh,
    /// Hanya kolom direktori (nama, NIP, gelar, unit, jabatan, jenis ASN,
    /// golongan, status); kolom pribadi `null`.
    Direktori,
    /// Hanya rekaman unit yang dipimpin aktor (dan turunannya; juga unit
    /// Plt./Plh. yang sedang berjalan): pimpinan unit atas rencana unitnya.
    /// Himpunan unitnya dihitung `CakupanUnit::untuk`.
    Unit,
    #[default]
    Tolak,
}

impl Akses {
    pub fn penuh(&self) -> bool {
        *self == Akses::Penuh
    }
    pub fn boleh(&self) -> bool {
        *self != Akses::Tolak
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Aksi {
    Baca,
    /// Membuat, mengubah, menugaskan, menghapus.
    Kelola,
}

/// Jenis sumber daya, masing-masing dengan instansinya. Kapabilitas baru
/// menambah satu varian dan satu lengan di `putuskan`.
#[derive(Clone, Copy, Debug)]
pub enum Sumber<'a> {
    /// Lintas instansi: membuat instansi, mutasi antar-instansi.
    Nasional,
    /// Identitas instansi, pohon unit, jabatan: tanpa data pribadi.
    Organisasi(&'a str),
    /// Buku induk pegawai. Menurut peran saja: admin penuh, anggota instansi
    /// direktori; satu rekaman dapat naik ke penuh lewat `Cakupan::akses`.
    Pegawai(&'a str),
    /// Akun pengguna, token orang lain, riwayat objek lain: admin instansi.
    Akun(&'a str),
    /// Rencana kinerja dan anggaran: pohon program–kegiatan–sub kegiatan,
    /// indikator, target, pagu, gerbang, keselarasan, nilai uang, dasbor.
    /// Baca: perencana, keuangan, admin instansi, inspektur (penuh), pimpinan
    /// unit (unitnya).
    /// Kelola: perencana.
    Rencana(&'a str),
    /// Rincian belanja per kode rekening: dibaca seperti `Rencana`; dikelola
    /// perencana dan keuangan.
    Belanja(&'a str),
    /// Realisasi anggaran bulanan dan kunci periode: dikelola keuangan.
    Realisasi(&'a str),
    /// Realisasi keluaran dan buktinya: dikelola perencana (semua) dan
    /// pimpinan unit (unitnya).
    Keluaran(&'a str),
    /// Verifikasi realisasi keluaran: hanya pimpinan unit atas unitnya.
    VerifikasiKeluaran(&'a str),
    /// Kelak: penilaian; penilai hanya atas yang ditugaskan kepadanya.
    Penilaian(&'a str),
    /// SAKIP: Renstra (tujuan, sasaran, IKU, target), pohon kinerja dan
    /// tautannya. Dokumen publik menurut Perpres 29/2014: setiap anggota
    /// instansi membaca. Kelola: perencana.
    Sakip(&'a str),
    /// Realisasi IKU per triwulan dan buktinya: perencana (semua), pimpinan
    /// unit (sasaran unitnya).
    CapaianSakip(&'a str),
    /// Perjanjian Kinerja. Baca: admin, perencana, keuangan, inspektur
    /// (penuh), pimpinan unit (unitnya dan turunannya). Kelola: perencana
    /// (menyiapkan), pimpinan unit (unitnya; layanan membatasi ke unitnya
    /// sendiri). Menyetujui: hanya pihak kedua (hubungan, di layanan).
    PerjanjianKinerja(&'a str),
    /// Lembar Kerja Evaluasi AKIP: dibaca admin, perencana dan inspektur;
    /// jawaban mandiri dan buktinya dikelola perencana.
    Lke(&'a str),
    /// Reviu LKE (verifikasi, penjaminan mutu, evaluasi) dan kolom reviu:
    /// hanya inspektur.
    ReviuLke(&'a str),
    /// Aksi perubahan alumni pelatihan kepemimpinan (isu 13). Menurut peran:
    /// admin instansi penuh, anggota instansi `Direktori` (= diputuskan per
    /// proyek oleh `CakupanAksi`: alumni, mentor, lembaga pelatihan, provinsi).
    AksiPerubahan(&'a str),
    /// SKP (isu 11). Menurut peran: admin instansi (BKD) penuh (membuka
    /// periode, membetulkan pemetaan penilai); anggota instansi `Direktori`
    /// (= diputuskan per SKP oleh `hak_skp`: pemilik, penilai, atasan
    /// penilai, rantai atasan dan pimpinan unitnya).
    Skp(&'a str),
    /// Dasbor SKP ("tidak ada ASN tanpa target"): BKD seluruh instansi,
    /// pimpinan unit (juga Plt./Plh.) unitnya dan turunannya.
    DasborSkp(&'a str),
    /// Inovasi milik instansi di repositori (isu 12): mendaftarkan replikasi,
    /// laporan berkalanya, konfirmasi tahunan bahwa inovasi masih berjalan.
    /// Repositori sendiri publik (tanpa masuk, di luar kebijakan ini). Baca:
    /// anggota instansi; kelola: admin instansi dan operator inovasi.
    Inovasi(&'a str),
    /// Menyelenggarakan kompetisi inovasi (instansi penyelenggara): kelompok,
    /// tahap, rubrik, juri, seleksi, penutupan tahap, pengumuman. Admin
    /// instansi dan operator inovasi penyelenggara. Entri per objek lewat
    /// `hak_entri` (peserta: instansinya sendiri; juri: yang ditugaskan).
    Kompetisi(&'a str),
    /// Bukti unggahan: setiap anggota instansi boleh mengunggah buktinya
    /// sendiri; siapa boleh melihat satu bukti diputuskan per rekaman
    /// (`bukti::boleh_lihat`, lewat rujukannya).
    Bukti(&'a str),
}

impl Sumber<'_> {
    fn instansi(&self) -> Option<&str> {
        match *self {
            Sumber::Nasional => None,
            Sumber::Organisasi(i)
            | Sumber::Pegawai(i)
            | Sumber::Akun(i)
            | Sumber::Rencana(i)
            | Sumber::Belanja(i)
            | Sumber::Realisasi(i)
            | Sumber::Keluaran(i)
            | Sumber::VerifikasiKeluaran(i)
            | Sumber::Penilaian(i)
            | Sumber::Sakip(i)
            | Sumber::CapaianSakip(i)
            | Sumber::PerjanjianKinerja(i)
            | Sumber::Lke(i)
            | Sumber::ReviuLke(i)
            | Sumber::AksiPerubahan(i)
            | Sumber::Skp(i)
            | Sumber::DasborSkp(i)
            | Sumber::Inovasi(i)
            | Sumber::Kompetisi(i)
            | Sumber::Bukti(i) => Some(i),
        }
    }
}

/// Keputusan menurut peran (tanpa hubungan dengan rekaman tertentu).
pub fn putuskan(a: Option<&Aktor>, aksi: Aksi, s: Sumber<'_>) -> Akses {
    use Akses::*;
    let Some(a) = a else {
        return Tolak;
    };
    if aksi == Aksi::Kelola && a.hanya_baca {
        return Tolak;
    }
    if a.super_admin() {
        return Penuh;
    }
    let Some(iid) = s.instansi() else {
        return Tolak;
    };
    if a.instansi_id != iid {
        return Tolak;
    }
    let admin = a.punya(Peran::AdminInstansi);
    let jika = |b: bool, ya: Akses| if b { ya } else { Tolak };
    match (s, aksi) {
        (Sumber::Nasional, _) => Tolak,
        (Sumber::Organisasi(_), Aksi::Baca) => Penuh,
        (Sumber::Pegawai(_), Aksi::Baca) => {
            if admin {
                Penuh
            } else {
                Direktori
            }
        }
        (Sumber::Organisasi(_) | Sumber::Pegawai(_) | Sumber::Akun(_), Aksi::Kelola) => {
            jika(admin, Penuh)
        }
        (Sumber::Akun(_), Aksi::Baca) => jika(admin, Penuh),
        (
            Sumber::Rencana(_)
            | Sumber::Belanja(_)
            | Sumber::Realisasi(_)
            | Sumber::Keluaran(_)
            | Sumber::VerifikasiKeluaran(_),
            Aksi::Baca,
        ) => {
            if admin
                || a.punya(Peran::Perencana)
                || a.punya(Peran::Keuangan)
                || a.punya(Peran::Inspektur)
            {
                Penuh
            } else {
                jika(a.punya(Peran::PimpinanUnit), Unit)
            }
        }
        (Sumber::Rencana(_), Aksi::Kelola) => jika(a.punya(Peran::Perencana), Penuh),
        (Sumber::Belanja(_), Aksi::Kelola) => {
            jika(a.punya(Peran::Perencana) || a.punya(Peran::Keuangan), Penuh)
        }
        (Sumber::Realisasi(_), Aksi::Kelola) => jika(a.punya(Peran::Keuangan), Penuh),
        (Sumber::Keluaran(_), Aksi::Kelola) => {
            if a.punya(Peran::Perencana) {
                Penuh
            } else {
                jika(a.punya(Peran::PimpinanUnit), Unit)
            }
        }
        (Sumber::VerifikasiKeluaran(_), Aksi::Kelola) => jika(a.punya(Peran::PimpinanUnit), Unit),
        (Sumber::Sakip(_) | Sumber::CapaianSakip(_), Aksi::Baca) => Penuh,
        (Sumber::Sakip(_), Aksi::Kelola) => jika(a.punya(Peran::Perencana), Penuh),
        (Sumber::CapaianSakip(_) | Sumber::PerjanjianKinerja(_), Aksi::Kelola) => {
            if a.punya(Peran::Perencana) {
                Penuh
            } else {
                jika(a.punya(Peran::PimpinanUnit), Unit)
            }
        }
        (Sumber::PerjanjianKinerja(_), Aksi::Baca) => {
            if admin
                || a.punya(Peran::Perencana)
                || a.punya(Peran::Keuangan)
                || a.punya(Peran::Inspektur)
            {
                Penuh
            } else {
                jika(a.punya(Peran::PimpinanUnit), Unit)
            }
        }
        (Sumber::Lke(_) | Sumber::ReviuLke(_), Aksi::Baca) => jika(
            admin || a.punya(Peran::Perencana) || a.punya(Peran::Inspektur),
            Penuh,
        ),
        (Sumber::Lke(_), Aksi::Kelola) => jika(a.punya(Peran::Perencana), Penuh),
        (Sumber::ReviuLke(_), Aksi::Kelola) => jika(a.punya(Peran::Inspektur), Penuh),
        // Penugasan per orang diperiksa kelak bersama sumbernya.
        (Sumber::Penilaian(_), _) => jika(a.punya(Peran::Penilai), Penuh),
        // Per proyek lewat `CakupanAksi`; angkatan dan peserta: admin instansi.
        (Sumber::AksiPerubahan(_), Aksi::Baca) => {
            if admin {
                Penuh
            } else {
                Direktori
            }
        }
        (Sumber::AksiPerubahan(_), Aksi::Kelola) => jika(admin, Penuh),
        (Sumber::DasborSkp(_), Aksi::Baca) => {
            if admin {
                Penuh
            } else {
                jika(a.punya(Peran::PimpinanUnit), Unit)
            }
        }
        (Sumber::DasborSkp(_), Aksi::Kelola) => Tolak,
        // Per SKP lewat `hak_skp`.
        (Sumber::Skp(_), _) => {
            if admin {
                Penuh
            } else {
                Direktori
            }
        }
        (Sumber::Inovasi(_), Aksi::Baca) => Penuh,
        (Sumber::Inovasi(_) | Sumber::Kompetisi(_), Aksi::Kelola) => {
            jika(admin || a.punya(Peran::OperatorInovasi), Penuh)
        }
        (Sumber::Kompetisi(_), Aksi::Baca) => jika(admin || a.punya(Peran::OperatorInovasi), Penuh),
        (Sumber::Bukti(_), _) => Penuh,
    }
}

/// Sumber publik (tanpa masuk): repositori inovasi, daftar kompetisi dan
/// hasil yang diumumkan. Tidak memeriksa apa pun; memanggilnya menyatakan di
/// kode bahwa keterbukaan itu disengaja (lint `setiap_layanan_publik_…`).
pub fn publik(_k: &Konteks) {}

/// Menolak dengan galat yang tepat: 401 tanpa masuk, 403 bila tidak berhak
/// (token baca yang mencoba menulis mendapat pesannya sendiri).
pub fn wajib<'k>(k: &'k Konteks, aksi: Aksi, s: Sumber<'_>) -> Hasil<&'k Aktor> {
    let a = k.aktor()?;
    if aksi == Aksi::Kelola && a.hanya_baca {
        return Err(Galat::Dilarang(
            k.t("Token ini hanya untuk membaca.", "This token is read-only.")
                .into(),
        ));
    }
    if putuskan(Some(a), aksi, s).boleh() {
        Ok(a)
    } else {
        Err(k.dilarang())
    }
}

/// Nilai yang sudah melewati kebijakan: hanya modul ini yang dapat membuatnya,
/// dan kolom pribadinya sudah dikosongkan bila aksesnya hanya direktori.
/// Diserialkan persis seperti isinya (bentuk JSON tidak berubah).
#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub struct Terbaca<T> {
    isi: T,
    #[serde(skip)]
    akses: Akses,
}

impl<T> Terbaca<T> {
    pub fn akses(&self) -> Akses {
        self.akses
    }
    pub fn isi(self) -> T {
        self.isi
    }
}

impl<T> std::ops::Deref for Terbaca<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.isi
    }
}

/// Mengosongkan (null) setiap kolom `KOLOM_PRIBADI` pada objek JSON.
fn kosongkan_json(v: &mut serde_json::Value) {
    if let Some(o) = v.as_object_mut() {
        for k in KOLOM_PRIBADI {
            if let Some(x) = o.get_mut(*k) {
                *x = serde_json::Value::Null;
            }
        }
    }
}

/// Satu-satunya fungsi penyunting rekaman pegawai: kolom pribadi menjadi
/// `None` (JSON `null`, bentuk jawaban tetap). Lewat JSON agar daftar kolom
/// hanya ada di `KOLOM_PRIBADI`.
pub fn kosongkan_pribadi(p: Pegawai) -> Hasil<Pegawai> {
    let mut v = serde_json::to_value(&p).map_err(|e| Galat::Internal(e.to_string()))?;
    kosongkan_json(&mut v);
    serde_json::from_value(v).map_err(|e| Galat::Internal(format!("kolom pribadi: {e}")))
}

fn saring(p: Pegawai, akses: Akses, k: &Konteks) -> Hasil<Terbaca<Pegawai>> {
    match akses {
        Akses::Penuh => Ok(Terbaca { isi: p, akses }),
        Akses::Direktori => Ok(Terbaca {
            isi: kosongkan_pribadi(p)?,
            akses,
        }),
        // `Unit` tidak pernah diputuskan untuk rekaman pegawai.
        Akses::Unit | Akses::Tolak => Err(k.dilarang()),
    }
}

/// Hubungan aktor dengan pegawai satu instansi, dihitung sekali per
/// permintaan: peran, rekaman pegawainya sendiri, unit yang dipimpinnya
/// (pimpinan unit: unitnya dan turunannya; Plt./Plh. yang sedang berjalan:
/// unit penugasannya dan turunannya), dan ingatan rantai atasan.
pub struct Cakupan<'k> {
    k: &'k Konteks,
    instansi_id: String,
    dasar: Akses,
    pegawai_id: Option<String>,
    unit_dipimpin: HashSet<String>,
    /// pegawai → berada di bawah aktor dalam rantai atasan.
    ingat: std::sync::Mutex<HashMap<String, bool>>,
}

impl<'k> Cakupan<'k> {
    /// 401 tanpa masuk, 403 bila instansi ini bukan instansinya.
    pub async fn untuk(l: &Layanan, k: &'k Konteks, instansi_id: &str) -> Hasil<Cakupan<'k>> {
        let a = wajib(k, Aksi::Baca, Sumber::Pegawai(instansi_id))?;
        let dasar = putuskan(Some(a), Aksi::Baca, Sumber::Pegawai(instansi_id));
        let mut unit_dipimpin = HashSet::new();
        let pegawai_id = a
            .pegawai_id
            .clone()
            .filter(|_| a.instansi_id == instansi_id);
        if let (Akses::Direktori, Some(pid)) = (dasar, &pegawai_id) {
            unit_dipimpin = unit_dipimpin_oleh(l, a, instansi_id, pid).await?;
        }
        Ok(Cakupan {
            k,
            instansi_id: instansi_id.to_string(),
            dasar,
            pegawai_id,
            unit_dipimpin,
            ingat: Default::default(),
        })
    }

    /// Akses atas satu rekaman pegawai.
    pub async fn akses(&self, l: &Layanan, p: &Pegawai) -> Hasil<Akses> {
        if p.instansi_id != self.instansi_id {
            return Ok(Akses::Tolak);
        }
        if self.dasar != Akses::Direktori {
            return Ok(self.dasar);
        }
        let Some(saya) = &self.pegawai_id else {
            return Ok(Akses::Direktori);
        };
        if &p.id == saya
            || self.unit_dipimpin.contains(&p.unit_id)
            || self.di_bawah(l, saya, &p.id, p.atasan_id.clone()).await?
        {
            Ok(Akses::Penuh)
        } else {
            Ok(Akses::Direktori)
        }
    }

    /// Menelusuri atasan dari `atasan` ke atas: benar bila `saya` ditemui.
    async fn di_bawah(
        &self,
        l: &Layanan,
        saya: &str,
        id: &str,
        atasan: Option<String>,
    ) -> Hasil<bool> {
        let ingat = |x: &str| {
            self.ingat
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .get(x)
                .copied()
        };
        if let Some(b) = ingat(id) {
            return Ok(b);
        }
        let mut jalur = vec![id.to_string()];
        let mut x = atasan;
        let hasil = loop {
            let Some(cur) = x else { break false };
            if cur == saya {
                break true;
            }
            if let Some(b) = ingat(&cur) {
                break b;
            }
            if jalur.contains(&cur) || jalur.len() > BATAS_RANTAI {
                break false;
            }
            x = store::organisasi::atasan_dari(l.pool(), &self.instansi_id, &cur).await?;
            jalur.push(cur);
        };
        let mut m = self.ingat.lock().unwrap_or_else(|e| e.into_inner());
        for j in jalur {
            m.insert(j, hasil);
        }
        Ok(hasil)
    }

    /// Rekaman pegawai setelah kebijakan: penuh, disunting, atau 403.
    pub async fn terbaca(&self, l: &Layanan, p: Pegawai) -> Hasil<Terbaca<Pegawai>> {
        let a = self.akses(l, &p).await?;
        saring(p, a, self.k)
    }
}

/// Unit yang dipimpin seorang pegawai: unit rekamannya bila ia pimpinan
/// unit, unit Plt./Plh. yang sedang berjalan (tanggal di zona waktu
/// instansi), masing-masing beserta turunannya.
async fn unit_dipimpin_oleh(
    l: &Layanan,
    a: &Aktor,
    instansi_id: &str,
    pegawai_id: &str,
) -> Hasil<HashSet<String>> {
    let pool = l.pool();
    let mut hasil = HashSet::new();
    let mut akar = store::organisasi::unit_plt_aktif(
        pool,
        instansi_id,
        pegawai_id,
        &hari_ini_di(l, instansi_id).await?,
    )
    .await?;
    if a.punya(Peran::PimpinanUnit) {
        akar.extend(store::organisasi::unit_pegawai(pool, instansi_id, pegawai_id).await?);
    }
    if !akar.is_empty() {
        let semua = store::organisasi::semua_unit(pool, instansi_id).await?;
        for u in akar {
            hasil.extend(unit::dengan_turunan(&semua, &u));
        }
    }
    Ok(hasil)
}

/// Cakupan rekaman berunit (butir rencana, realisasi keluaran) bagi satu
/// aktor: semua rekaman instansi, atau hanya yang unitnya dipimpin.
#[derive(Clone, Debug)]
pub enum CakupanUnit {
    Semua,
    Unit(HashSet<String>),
}

impl CakupanUnit {
    /// 401/403 bila tidak berhak sama sekali. `Akses::Unit` menjadi himpunan
    /// unit yang dipimpin aktor; himpunan kosong (pimpinan tanpa unit) = 403.
    /// Pemegang Plt./Plh. yang berjalan mendapat unit penugasannya walau
    /// perannya bukan pimpinan unit, seperti pada rekaman pegawai.
    pub async fn untuk(l: &Layanan, k: &Konteks, aksi: Aksi, s: Sumber<'_>) -> Hasil<CakupanUnit> {
        let a = k.aktor()?;
        if aksi == Aksi::Kelola && a.hanya_baca {
            wajib(k, aksi, s)?;
        }
        let Some(iid) = s.instansi() else {
            wajib(k, aksi, s)?;
            return Ok(CakupanUnit::Semua);
        };
        let keputusan = putuskan(Some(a), aksi, s);
        if keputusan == Akses::Penuh {
            return Ok(CakupanUnit::Semua);
        }
        // Hubungan Plt./Plh. berlaku di mana peran pimpinan unit berlaku.
        let lengan_unit = {
            let mut pura = a.clone();
            pura.peran.push(Peran::PimpinanUnit);
            putuskan(Some(&pura), aksi, s) == Akses::Unit
        };
        let pid = a.pegawai_id.as_deref().filter(|_| a.instansi_id == iid);
        if let (true, Some(pid)) = (lengan_unit, pid) {
            let unit = unit_dipimpin_oleh(l, a, iid, pid).await?;
            if !unit.is_empty() {
                return Ok(CakupanUnit::Unit(unit));
            }
        }
        Err(k.dilarang())
    }

    /// Rekaman dengan unit ini termasuk cakupan (tanpa unit: hanya `Semua`).
    pub fn memuat(&self, unit_id: Option<&str>) -> bool {
        match self {
            CakupanUnit::Semua => true,
            CakupanUnit::Unit(u) => unit_id.is_some_and(|x| u.contains(x)),
        }
    }

    pub fn semua(&self) -> bool {
        matches!(self, CakupanUnit::Semua)
    }
}

/// Tampilan wilayah (agregat anggaran per instansi di satu wilayah): super
/// admin, atau pembaca penuh rencana dari instansi berjenis provinsi yang
/// kode wilayahnya `kode` (gubernur sebagai wakil pemerintah pusat
/// mengevaluasi APBD kabupaten/kota). Isinya hanya agregat per instansi.
pub async fn wajib_tampilan_wilayah(l: &Layanan, k: &Konteks, kode: &str) -> Hasil<()> {
    let a = k.aktor()?;
    if a.super_admin() {
        return Ok(());
    }
    if putuskan(Some(a), Aksi::Baca, Sumber::Rencana(&a.instansi_id)) == Akses::Penuh
        && let Some(i) = store::organisasi::instansi(l.pool(), &a.instansi_id).await?
        && i.jenis == "provinsi"
        && i.kode_wilayah.as_deref() == Some(kode)
    {
        return Ok(());
    }
    Err(k.dilarang())
}

/// Izin membaca riwayat audit satu objek; hanya dibuat `izin_riwayat`.
pub struct IzinRiwayat {
    pribadi: bool,
}

impl IzinRiwayat {
    /// Potret sebelum/sesudah tanpa kolom pribadi bagi yang tidak berhak atasnya.
    pub fn saring(&self, mut c: Vec<Catatan>) -> Vec<Catatan> {
        if self.pribadi {
            return c;
        }
        let sunting = |s: &mut Option<String>| {
            if let Some(t) = s {
                match serde_json::from_str::<serde_json::Value>(t) {
                    Ok(mut v) => {
                        kosongkan_json(&mut v);
                        *t = v.to_string();
                    }
                    Err(_) => *s = None,
                }
            }
        };
        for x in &mut c {
            sunting(&mut x.sebelum);
            sunting(&mut x.sesudah);
        }
        c
    }
}

/// Riwayat audit mengikuti kebijakan objeknya:
/// - `pegawai`: hanya dengan akses penuh atas rekaman itu (orangnya, rantai
///   atasan, pimpinan unitnya, admin). Ini juga menutup catatan `lihat`
///   (siapa membaca siapa) dan `mutasi_masuk` (potret rekaman lama).
/// - `unit_kerja`, `jabatan`, `instansi`: anggota instansi (tanpa data
///   pribadi; kolom pribadi di potret tetap dikosongkan bagi bukan admin).
/// - jenis lain (pengguna, riwayat_jabatan, …): admin instansi.
pub async fn izin_riwayat(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    jenis_objek: &str,
    objek_id: &str,
) -> Hasil<IzinRiwayat> {
    match jenis_objek {
        "pegawai" => {
            let c = Cakupan::untuk(l, k, instansi_id).await?;
            let p = crate::organisasi::pegawai::ambil(l, k, instansi_id, objek_id).await?;
            if c.akses(l, &p).await?.penuh() {
                Ok(IzinRiwayat { pribadi: true })
            } else {
                Err(Galat::Dilarang(
                    k.t(
                        "Riwayat pegawai hanya untuk yang bersangkutan, atasannya, pimpinan unitnya dan admin instansi.",
                        "An employee's history is only for the employee, their supervisors, their unit head and the agency admin.",
                    )
                    .into(),
                ))
            }
        }
        "unit_kerja" | "jabatan" | "instansi" => {
            let a = wajib(k, Aksi::Baca, Sumber::Organisasi(instansi_id))?;
            let pribadi = putuskan(Some(a), Aksi::Baca, Sumber::Pegawai(instansi_id)).penuh();
            Ok(IzinRiwayat { pribadi })
        }
        _ => {
            wajib(k, Aksi::Baca, Sumber::Akun(instansi_id))?;
            Ok(IzinRiwayat { pribadi: true })
        }
    }
}

// ---------- atur ulang sandi akun orang lain (isu 11, akun) ----------

/// Atas dasar apa seorang aktor boleh mengatur ulang sandi akun orang lain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KuasaSandi {
    /// Admin instansi (BKD) atau super admin (`akun::boleh_kelola_akun`).
    Admin,
    /// Rantai atasan pegawai pemilik akun, pimpinan unitnya, atau Plt./Plh.
    /// yang berjalan di unitnya.
    Atasan,
}

/// Siapa boleh mengatur ulang sandi `akun` (yang memegang `peran_akun`) —
/// satu-satunya keputusan untuk itu (layanan, API, tombol halaman):
///
/// - admin instansi akun itu dan super admin, dengan aturan kuasa atas akun
///   yang sudah ada (memegang setiap peran akun itu);
/// - selain itu, pegawai yang mendapat `Akses::Penuh` atas rekaman pegawai
///   pemilik akun lewat `Cakupan::akses` — atasan langsung atau tak langsung,
///   pimpinan unitnya (unit dan turunannya), Plt./Plh. yang berjalan — dengan
///   batas:
///   - instansi yang sama (lintas instansi tidak pernah);
///   - akun yang tertaut ke rekaman pegawai, dan bukan akunnya sendiri
///     (sandi sendiri diganti di halaman akun);
///   - tidak pernah ke atas: pegawai yang ada di rantai atasan aktor sendiri
///     ditolak, walau tercatat di unit yang dipimpin aktor (ADR 0010:
///     pimpinan unit melihat seluruh unitnya, termasuk atasannya);
///   - tidak pernah menaikkan kuasa: setiap peran akun itu selain `pegawai`
///     harus juga dipegang aktor (akun perencana, keuangan, admin BKD, …
///     diatur ulang oleh BKD), sebab yang mengatur ulang mengetahui sandi
///     sementaranya;
/// - token API `baca` tidak pernah; rekan kerja, bawahan dan tamu tidak pernah.
pub async fn boleh_atur_ulang_sandi(
    l: &Layanan,
    k: &Konteks,
    akun: &store::akun::Pengguna,
    peran_akun: &[String],
) -> Hasil<KuasaSandi> {
    let a = k.aktor()?;
    if a.hanya_baca {
        return Err(Galat::Dilarang(
            k.t("Token ini hanya untuk membaca.", "This token is read-only.")
                .into(),
        ));
    }
    let iid = akun.instansi_id.as_str();
    if putuskan(Some(a), Aksi::Kelola, Sumber::Akun(iid)) == Akses::Penuh {
        crate::akun::boleh_kelola_akun(k, iid, peran_akun)?;
        return Ok(KuasaSandi::Admin);
    }
    let tolak = || {
        Galat::Dilarang(
            k.t(
                "Sandi akun ini hanya dapat diatur ulang oleh atasannya, pimpinan unitnya (juga Plt./Plh.) atau admin BKD.",
                "This account's password can only be reset by the employee's supervisors, their unit head (also acting) or the BKD admin.",
            )
            .into(),
        )
    };
    if a.instansi_id != iid {
        return Err(k.dilarang());
    }
    let Some(pid) = akun.pegawai_id.as_deref() else {
        return Err(tolak());
    };
    let Some(saya) = a.pegawai_id.as_deref() else {
        return Err(tolak());
    };
    if saya == pid {
        return Err(Galat::Dilarang(
            k.t(
                "Ganti sandi Anda sendiri di halaman Akun saya.",
                "Change your own password on the My account page.",
            )
            .into(),
        ));
    }
    let Some(p) = store::organisasi::pegawai(l.pool(), iid, pid).await? else {
        return Err(tolak());
    };
    let c = Cakupan::untuk(l, k, iid).await?;
    if c.akses(l, &p).await? != Akses::Penuh || di_rantai_atasan(l, iid, saya, pid).await? {
        return Err(tolak());
    }
    let dipegang = |r: &String| {
        r == Peran::Pegawai.kode()
            || Peran::dari_kode(r).is_some_and(|x| {
                !matches!(x, Peran::SuperAdmin | Peran::AdminInstansi) && a.punya(x)
            })
    };
    if !peran_akun.iter().all(dipegang) {
        return Err(Galat::Dilarang(
            k.t(
                "Akun ini memegang peran yang tidak Anda pegang; minta admin BKD mengatur ulang sandinya.",
                "This account holds a role you do not hold; ask the BKD admin to reset its password.",
            )
            .into(),
        ));
    }
    Ok(KuasaSandi::Atasan)
}

/// `id` ada di rantai atasan `saya` (atasan langsung atau tak langsung).
async fn di_rantai_atasan(l: &Layanan, iid: &str, saya: &str, id: &str) -> Hasil<bool> {
    let mut jalur = vec![saya.to_string()];
    let mut x = store::organisasi::atasan_dari(l.pool(), iid, saya).await?;
    while let Some(cur) = x {
        if cur == id {
            return Ok(true);
        }
        if jalur.contains(&cur) || jalur.len() > BATAS_RANTAI {
            break;
        }
        x = store::organisasi::atasan_dari(l.pool(), iid, &cur).await?;
        jalur.push(cur);
    }
    Ok(false)
}

// ---------- aksi perubahan (isu 13) ----------

/// Fakta satu proyek perubahan yang menentukan siapa boleh apa.
pub struct FaktaAksi<'a> {
    /// Instansi alumni (pemilik proyek).
    pub instansi_id: &'a str,
    pub pegawai_id: &'a str,
    pub mentor_pegawai_id: Option<&'a str>,
    /// Instansi penyelenggara angkatan.
    pub angkatan_instansi_id: &'a str,
    pub angkatan_id: &'a str,
    /// Kode wilayah instansi alumni (`81.71`).
    pub kode_wilayah: Option<&'a str>,
}

/// Hak aktor atas satu proyek perubahan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct HakAksi {
    pub baca: bool,
    /// Mengubah isi proyek dan tonggaknya.
    pub ubah: bool,
    /// Mengirim progres: hanya alumninya sendiri.
    pub kirim_progres: bool,
    /// Memverifikasi progres: hanya mentornya.
    pub verifikasi: bool,
    /// Mencatat hasil seminar (nilai, kualifikasi) dan coach: lembaga
    /// pelatihan (admin instansi penyelenggara), bukan alumninya sendiri.
    pub nilai_seminar: bool,
    /// Mengusulkan proyek ke repositori inovasi: alumni, mentor, BKD.
    pub usul_inovasi: bool,
    /// Menerima/menolak usul itu dan menerbitkannya di repositori: admin
    /// instansi alumni atau operator inovasinya.
    pub putuskan_inovasi: bool,
    /// Proyek sudah pindah bersama alumninya ke instansi lain: hanya dibaca;
    /// perubahan ditolak 409 `aksi_dipindah` (lanjutannya yang dikerjakan).
    pub dipindah: bool,
}

/// Hubungan aktor dengan proyek perubahan, dihitung sekali per permintaan:
/// - alumni: proyeknya sendiri (baca, ubah, kirim progres);
/// - mentor: proyek yang `mentor_pegawai_id`-nya dia, di instansinya (baca,
///   verifikasi) — hubungan, bukan peran: mentor biasanya atasan langsung;
/// - admin instansi (BKD): proyek alumni instansinya (baca, ubah);
/// - admin instansi provinsi: juga proyek alumni kabupaten/kota di wilayahnya
///   (kode wilayah `81.xx` di bawah `81`; baca);
/// - lembaga pelatihan: admin instansi penyelenggara (baca, ubah: hasil
///   seminar, coach) dan pimpinan unit penyelenggara atau turunannya, juga
///   Plt./Plh. (baca) atas proyek angkatannya, dari instansi mana pun;
/// - super admin: baca dan ubah.
///
/// Selain itu tolak. Token baca tidak pernah menulis.
pub struct CakupanAksi {
    aktor: Aktor,
    admin: bool,
    /// Kode wilayah instansi aktor bila ia admin instansi provinsi.
    provinsi: Option<String>,
    /// Angkatan instansi aktor yang unit penyelenggaranya ia pimpin.
    angkatan_dipimpin: HashSet<String>,
}

impl CakupanAksi {
    /// 401 tanpa masuk.
    pub async fn untuk(l: &Layanan, k: &Konteks) -> Hasil<CakupanAksi> {
        let a = k.aktor()?.clone();
        let iid = a.instansi_id.clone();
        let dasar = putuskan(Some(&a), Aksi::Baca, Sumber::AksiPerubahan(&iid));
        let admin = dasar == Akses::Penuh && !a.super_admin();
        let mut provinsi = None;
        if admin
            && let Some(i) = store::organisasi::instansi(l.pool(), &iid).await?
            && i.jenis == "provinsi"
        {
            provinsi = i.kode_wilayah;
        }
        let mut angkatan_dipimpin = HashSet::new();
        if !admin && !a.super_admin() && a.pegawai_id.is_some() {
            let daftar = store::aksi_perubahan::daftar_angkatan(l.pool(), &iid).await?;
            let unit: Vec<&str> = daftar
                .iter()
                .filter_map(|x| x.unit_penyelenggara_id.as_deref())
                .collect();
            if !unit.is_empty() {
                let c = Cakupan::untuk(l, k, &iid).await?;
                for x in &daftar {
                    if x.unit_penyelenggara_id
                        .as_deref()
                        .is_some_and(|u| c.unit_dipimpin.contains(u))
                    {
                        angkatan_dipimpin.insert(x.id.clone());
                    }
                }
            }
        }
        Ok(CakupanAksi {
            aktor: a,
            admin,
            provinsi,
            angkatan_dipimpin,
        })
    }

    pub fn aktor(&self) -> &Aktor {
        &self.aktor
    }

    /// Hak atas satu proyek.
    pub fn hak(&self, f: &FaktaAksi<'_>) -> HakAksi {
        let a = &self.aktor;
        let tulis = !a.hanya_baca;
        if a.super_admin() {
            return HakAksi {
                baca: true,
                ubah: tulis,
                nilai_seminar: tulis,
                putuskan_inovasi: tulis,
                ..Default::default()
            };
        }
        let mut h = HakAksi::default();
        let saya = a.pegawai_id.as_deref();
        let satu_instansi = a.instansi_id == f.instansi_id;
        if satu_instansi && saya == Some(f.pegawai_id) {
            h.baca = true;
            h.ubah = tulis;
            h.kirim_progres = tulis;
        }
        if satu_instansi && saya.is_some() && saya == f.mentor_pegawai_id {
            h.baca = true;
            h.verifikasi = tulis;
            h.usul_inovasi = tulis;
        }
        if self.admin && satu_instansi {
            h.baca = true;
            h.ubah |= tulis;
            h.putuskan_inovasi = tulis;
        }
        // Operator inovasi hanya memutus usul (tanpa membaca proyek lain):
        // isi usul dibacanya lewat daftar usul.
        if satu_instansi && a.punya(Peran::OperatorInovasi) {
            h.putuskan_inovasi = tulis;
        }
        // Alumni dan BKD-nya boleh mengusulkan (mentor di atas).
        h.usul_inovasi |= h.kirim_progres || (self.admin && satu_instansi && tulis);
        if let (Some(p), Some(w)) = (&self.provinsi, f.kode_wilayah)
            && w.strip_prefix(p.as_str())
                .is_some_and(|r| r.starts_with('.'))
        {
            h.baca = true;
        }
        if a.instansi_id == f.angkatan_instansi_id {
            if self.admin {
                h.baca = true;
                h.ubah |= tulis;
                h.nilai_seminar = tulis;
            } else if self.angkatan_dipimpin.contains(f.angkatan_id) {
                h.baca = true;
            }
        }
        h
    }

    /// Hak atas proyek yang sudah pindah bersama alumninya (rantai
    /// `pindah_aksi`, docs/adr/0014): tidak ada yang mengubahnya lagi; yang
    /// membacanya ialah yang boleh membaca proyek itu sendiri (BKD dan mentor
    /// lama) atau salah satu lanjutannya (`lanjutan`: fakta proyek-proyek
    /// sesudahnya di rantai), sehingga mentor dan BKD baru melihat riwayat dan
    /// bukti lamanya. Pemanggil boleh mengosongkan `lanjutan` bila hak proyek
    /// itu sendiri sudah memberi baca.
    pub fn hak_pindah(&self, f: &FaktaAksi<'_>, lanjutan: &[FaktaAksi<'_>]) -> HakAksi {
        let baca = self.hak(f).baca || lanjutan.iter().any(|x| self.hak(x).baca);
        HakAksi {
            baca,
            dipindah: true,
            ..Default::default()
        }
    }

    /// Proyek yang boleh dibaca, sebagai saringan SQL (gabungan hubungan di atas).
    pub fn saringan(&self) -> store::aksi_perubahan::Cakupan {
        let a = &self.aktor;
        let mut c = store::aksi_perubahan::Cakupan {
            semua: a.super_admin(),
            ..Default::default()
        };
        if let Some(p) = &a.pegawai_id {
            c.alumni.push((a.instansi_id.clone(), p.clone()));
            c.mentor.push((a.instansi_id.clone(), p.clone()));
        }
        if self.admin {
            c.instansi.push(a.instansi_id.clone());
            c.penyelenggara.push((a.instansi_id.clone(), None));
        } else if !self.angkatan_dipimpin.is_empty() {
            let mut d: Vec<String> = self.angkatan_dipimpin.iter().cloned().collect();
            d.sort();
            c.penyelenggara.push((a.instansi_id.clone(), Some(d)));
        }
        if let Some(p) = &self.provinsi {
            c.wilayah_di_bawah.push(p.clone());
        }
        c
    }
}

#[cfg(test)]
mod tes {
    use super::*;

    fn aktor(instansi: &str, peran: &[Peran]) -> Aktor {
        Aktor {
            instansi_id: instansi.into(),
            pengguna_id: "u".into(),
            username: "u".into(),
            nama: "u".into(),
            pegawai_id: None,
            peran: peran.to_vec(),
            hanya_baca: false,
        }
    }

    fn pegawai_lengkap() -> Pegawai {
        let s = |x: &str| Some(x.to_string());
        Pegawai {
            instansi_id: "i".into(),
            id: "p".into(),
            nip: s("198503152010011002"),
            nama: "Maria".into(),
            gelar_depan: s("Dr."),
            gelar_belakang: s("M.Si."),
            jenis_asn: "pns".into(),
            tanggal_lahir: s("1985-03-15"),
            jenis_kelamin: s("P"),
            golongan: s("III/c"),
            unit_id: "u".into(),
            jabatan_id: s("j"),
            atasan_id: s("a"),
            status: "aktif".into(),
            email: s("maria@example.go.id"),
            telepon: s("0811"),
            nama_cari: "maria".into(),
            versi: 3,
            dibuat_pada: "2026".into(),
            diubah_pada: "2026".into(),
        }
    }

    #[test]
    fn penyuntingan_hanya_mengosongkan_kolom_pribadi() {
        let p = pegawai_lengkap();
        let sebelum = serde_json::to_value(&p).unwrap();
        let sesudah = serde_json::to_value(kosongkan_pribadi(p).unwrap()).unwrap();
        for (k, v) in sebelum.as_object().unwrap() {
            if KOLOM_PRIBADI.contains(&k.as_str()) {
                assert!(!v.is_null(), "tes harus mengisi {k}");
                assert!(sesudah[k].is_null(), "{k} tidak dikosongkan");
            } else {
                assert_eq!(&sesudah[k], v, "{k} ikut berubah");
            }
        }
        for k in KOLOM_PRIBADI {
            assert!(sebelum.get(*k).is_some(), "{k} bukan kolom Pegawai");
        }
    }

    #[test]
    fn keputusan_menurut_peran() {
        use Akses::*;
        let b = |a: &Aktor, aksi, s| putuskan(Some(a), aksi, s);
        let pegawai = aktor("i", &[Peran::Pegawai]);
        let admin = aktor("i", &[Peran::AdminInstansi]);
        let sa = aktor("n", &[Peran::SuperAdmin]);
        assert_eq!(putuskan(None, Aksi::Baca, Sumber::Organisasi("i")), Tolak);
        assert_eq!(b(&pegawai, Aksi::Baca, Sumber::Organisasi("i")), Penuh);
        assert_eq!(b(&pegawai, Aksi::Baca, Sumber::Pegawai("i")), Direktori);
        assert_eq!(b(&pegawai, Aksi::Baca, Sumber::Pegawai("j")), Tolak);
        assert_eq!(b(&pegawai, Aksi::Kelola, Sumber::Pegawai("i")), Tolak);
        assert_eq!(b(&pegawai, Aksi::Baca, Sumber::Akun("i")), Tolak);
        assert_eq!(b(&admin, Aksi::Baca, Sumber::Pegawai("i")), Penuh);
        assert_eq!(b(&admin, Aksi::Kelola, Sumber::Pegawai("i")), Penuh);
        assert_eq!(b(&admin, Aksi::Kelola, Sumber::Pegawai("j")), Tolak);
        assert_eq!(b(&admin, Aksi::Kelola, Sumber::Nasional), Tolak);
        assert_eq!(b(&sa, Aksi::Kelola, Sumber::Nasional), Penuh);
        assert_eq!(b(&sa, Aksi::Baca, Sumber::Pegawai("j")), Penuh);
        let mut token = admin.clone();
        token.hanya_baca = true;
        assert_eq!(b(&token, Aksi::Kelola, Sumber::Organisasi("i")), Tolak);
        assert_eq!(b(&token, Aksi::Baca, Sumber::Pegawai("i")), Penuh);
        let perencana = aktor("i", &[Peran::Perencana]);
        assert_eq!(b(&perencana, Aksi::Baca, Sumber::Rencana("i")), Penuh);
        assert_eq!(b(&perencana, Aksi::Kelola, Sumber::Rencana("i")), Penuh);
        assert_eq!(b(&perencana, Aksi::Baca, Sumber::Realisasi("i")), Penuh);
        assert_eq!(b(&perencana, Aksi::Kelola, Sumber::Realisasi("i")), Tolak);
        assert_eq!(
            b(&perencana, Aksi::Kelola, Sumber::VerifikasiKeluaran("i")),
            Tolak
        );
        assert_eq!(b(&perencana, Aksi::Baca, Sumber::Rencana("j")), Tolak);
        assert_eq!(b(&perencana, Aksi::Baca, Sumber::Pegawai("i")), Direktori);
        let keuangan = aktor("i", &[Peran::Keuangan]);
        assert_eq!(b(&keuangan, Aksi::Kelola, Sumber::Realisasi("i")), Penuh);
        assert_eq!(b(&keuangan, Aksi::Kelola, Sumber::Belanja("i")), Penuh);
        assert_eq!(b(&keuangan, Aksi::Kelola, Sumber::Rencana("i")), Tolak);
        assert_eq!(b(&admin, Aksi::Baca, Sumber::Rencana("i")), Penuh);
        assert_eq!(b(&admin, Aksi::Kelola, Sumber::Rencana("i")), Tolak);
        let pimpinan = aktor("i", &[Peran::PimpinanUnit]);
        assert_eq!(b(&pimpinan, Aksi::Baca, Sumber::Rencana("i")), Unit);
        assert_eq!(b(&pimpinan, Aksi::Kelola, Sumber::Keluaran("i")), Unit);
        assert_eq!(
            b(&pimpinan, Aksi::Kelola, Sumber::VerifikasiKeluaran("i")),
            Unit
        );
        assert_eq!(b(&pimpinan, Aksi::Kelola, Sumber::Rencana("i")), Tolak);
        assert_eq!(b(&pegawai, Aksi::Baca, Sumber::Rencana("i")), Tolak);
        let inspektur = aktor("i", &[Peran::Inspektur]);
        assert_eq!(b(&inspektur, Aksi::Baca, Sumber::Realisasi("i")), Penuh);
        assert_eq!(b(&inspektur, Aksi::Kelola, Sumber::Rencana("i")), Tolak);
        assert_eq!(b(&inspektur, Aksi::Kelola, Sumber::Realisasi("i")), Tolak);
        assert_eq!(b(&inspektur, Aksi::Baca, Sumber::Pegawai("i")), Direktori);
    }

    #[test]
    fn potret_audit_disunting_bagi_bukan_pemilik_akses() {
        let c = Catatan {
            instansi_id: "i".into(),
            id: "c".into(),
            waktu: "w".into(),
            pengguna_id: None,
            nama_pengguna: "x".into(),
            aksi: "ubah".into(),
            jenis_objek: "unit_kerja".into(),
            objek_id: "u".into(),
            sebelum: Some(r#"{"nama":"A","email":"a@b.id"}"#.into()),
            sesudah: Some("bukan json".into()),
        };
        let s = IzinRiwayat { pribadi: false }.saring(vec![c.clone()]);
        let v: serde_json::Value = serde_json::from_str(s[0].sebelum.as_deref().unwrap()).unwrap();
        assert_eq!(v, serde_json::json!({"email": null, "nama": "A"}));
        assert_eq!(s[0].sesudah, None);
        let s = IzinRiwayat { pribadi: true }.saring(vec![c]);
        assert!(s[0].sebelum.as_deref().unwrap().contains("a@b.id"));
    }
    /// Lint kecil: setiap fungsi layanan publik yang menerima `Konteks` harus
    /// melewati pintu kebijakan di badannya. Fungsi baru yang lupa gagal di
    /// sini, bukan terbuka diam-diam.
    #[test]
    fn setiap_layanan_publik_melewati_kebijakan() {
        const PINTU: &[&str] = &[
            "boleh_baca(",
            "boleh_kelola(",
            "wajib_super_admin(",
            "kebijakan::wajib(",
            "Cakupan::untuk(",
            "CakupanUnit::untuk(",
            "wajib_tampilan_wilayah(",
            "izin_riwayat(",
            "boleh_kelola_akun(",
            "boleh_atur_ulang_sandi(",
            "wajib_tulis(",
            // bukti: meneruskan ke kebijakan::wajib(Sumber::Bukti).
            "boleh_unggah(",
            ".aktor()",
            // aksi perubahan: memanggil k.aktor() lalu `putuskan`.
            "CakupanAksi::untuk(",
            // Aksi perubahan: `tonggak_terbuka`, `muat_dengan_hak` memanggil
            // CakupanAksi::untuk lalu memeriksa `HakAksi`.
            "tonggak_terbuka(",
            "muat_dengan_hak(",
            // SKP: `siapkan_rhk` = `skp::muat` (kebijakan::wajib + hak_skp) lalu pemilik draf.
            "siapkan_rhk(",
            // SKP: `skp::muat` = kebijakan::wajib(Sumber::Skp) lalu `hak_skp`;
            // `wajib_bkd` = kebijakan::wajib(Kelola, Sumber::Skp) dan akses penuh.
            "muat(l, k,",
            "wajib_bkd(",
            "hak_skp(",
            // Repositori inovasi dan hasil kompetisi yang diumumkan: terbuka.
            "kebijakan::publik(",
            // Kompetisi: `hak_entri` (peserta, juri, penyelenggara) atau
            // `wajib_penyelenggara` (= kebijakan::wajib(Sumber::Kompetisi)).
            "hak_entri(",
            "wajib_penyelenggara(",
            "baca_penyelenggara(",
            // Replikasi: kebijakan::wajib(Sumber::Inovasi) untuk instansi aktor.
            "muat_replikasi_milik(",
        ];
        // Pencatat audit: dipanggil dari layanan yang sudah diperiksa.
        const PENGECUALIAN: &[&str] = &[
            "audit.rs:catat",
            "audit.rs:catat_banyak",
            "audit.rs:catat_baca",
        ];
        fn jelajah(dir: &std::path::Path, hasil: &mut Vec<std::path::PathBuf>) {
            for e in std::fs::read_dir(dir).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    jelajah(&p, hasil);
                } else if p.extension().is_some_and(|x| x == "rs") {
                    hasil.push(p);
                }
            }
        }
        let akar = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut berkas = Vec::new();
        jelajah(&akar, &mut berkas);
        let mut diperiksa = 0;
        let mut lupa = Vec::new();
        for b in berkas {
            let teks = std::fs::read_to_string(&b).unwrap();
            let nama_berkas = b.file_name().unwrap().to_string_lossy().to_string();
            let mut sisa = teks.as_str();
            while let Some(i) = sisa.find("\npub async fn ") {
                sisa = &sisa[i + "\npub async fn ".len()..];
                let nama: String = sisa
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                let buka = sisa.find('{').unwrap_or(sisa.len());
                let tanda = &sisa[..buka];
                let tutup = sisa.find("\n}\n").unwrap_or(sisa.len());
                let badan = &sisa[buka.min(tutup)..tutup];
                if !tanda.contains("Konteks") {
                    continue;
                }
                let kunci = format!("{nama_berkas}:{nama}");
                if PENGECUALIAN.contains(&kunci.as_str()) {
                    continue;
                }
                diperiksa += 1;
                if !PINTU.iter().any(|p| badan.contains(p)) {
                    lupa.push(format!("{}: {nama}", b.display()));
                }
            }
        }
        assert!(diperiksa >= 30, "pemindai: hanya {diperiksa} fungsi");
        assert!(
            lupa.is_empty(),
            "fungsi layanan tanpa pemeriksaan kebijakan (panggil kebijakan::wajib/Cakupan): {lupa:#?}"
        );
    }
}

/// Hak seorang aktor atas satu SKP (isu 11), dari hubungannya dengan pemilik
/// SKP: dirinya sendiri, pejabat penilainya (atasan langsung atau Plt./Plh.
/// yang tercatat di SKP), atasan pejabat penilai, rantai atasan dan pimpinan
/// unitnya (`Cakupan::akses` = penuh), admin instansi (BKD). Rekan kerja
/// tidak pernah melihat SKP dan predikat orang lain.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct HakSkp {
    /// Melihat rencana, realisasi, evaluasi.
    pub baca: bool,
    /// Pemilik: menyusun RHK, mengajukan, mengirim realisasi.
    pub pemilik: bool,
    /// Pejabat penilai: menyetujui/mengembalikan, umpan balik, menilai.
    pub penilai: bool,
    /// Atasan pejabat penilai.
    pub atasan_penilai: bool,
}

/// Hak atas satu SKP; token baca tidak pernah mendapat hak menulis.
pub async fn hak_skp(l: &Layanan, k: &Konteks, skp: &store::skp::Skp) -> Hasil<HakSkp> {
    let a = k.aktor()?;
    let dasar = putuskan(Some(a), Aksi::Baca, Sumber::Skp(&skp.instansi_id));
    if !dasar.boleh() {
        return Ok(HakSkp::default());
    }
    let saya = a
        .pegawai_id
        .as_deref()
        .filter(|_| a.instansi_id == skp.instansi_id);
    let tulis = !a.hanya_baca;
    let pemilik = saya == Some(skp.pegawai_id.as_str());
    let penilai = saya.is_some() && saya == skp.penilai_id.as_deref();
    let atasan_penilai = saya.is_some() && saya == skp.atasan_penilai_id.as_deref();
    let mut baca = dasar == Akses::Penuh || pemilik || penilai || atasan_penilai;
    if !baca && saya.is_some() {
        if let Some(p) =
            store::organisasi::pegawai(l.pool(), &skp.instansi_id, &skp.pegawai_id).await?
        {
            let c = Cakupan::untuk(l, k, &skp.instansi_id).await?;
            baca = c.akses(l, &p).await? == Akses::Penuh;
        }
    }
    Ok(HakSkp {
        baca,
        pemilik: pemilik && tulis,
        penilai: penilai && tulis,
        atasan_penilai: atasan_penilai && tulis,
    })
}

/// Hak atas kurva distribusi satu kelompok unit (isu 11).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HakKurva {
    /// Melihat distribusi dan pelanggarannya (tanpa nama).
    pub lihat: bool,
    /// Menetapkan predikat organisasi dan memfinalkan kurva.
    pub tetapkan: bool,
}

/// Melihat: BKD, super admin, pejabat penilai atau atasan penilai salah
/// satu SKP di kelompok, pimpinan unit di atas kelompok. Menetapkan
/// ("pimpinan satu tingkat di atas", PermenPANRB 6/2022): pejabat penilai
/// pucuk kelompok (pegawai unit kelompok yang penilainya di luar kelompok),
/// pimpinan unit induknya; BKD atas nama kepala daerah bila kelompoknya
/// unit puncak atau pucuknya tidak punya penilai di sistem.
pub async fn hak_kurva(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    unit_kelompok: &str,
    anggota: &[String],
    semua: &[store::skp::BarisKalibrasi],
) -> Hasil<HakKurva> {
    let a = wajib(k, Aksi::Baca, Sumber::Skp(instansi_id))?;
    let bkd = putuskan(Some(a), Aksi::Baca, Sumber::Skp(instansi_id)) == Akses::Penuh;
    let saya = a
        .pegawai_id
        .as_deref()
        .filter(|_| a.instansi_id == instansi_id);
    let di_kelompok = |u: &str| anggota.iter().any(|x| x == u);
    let unit_pegawai: HashMap<&str, &str> = semua
        .iter()
        .map(|b| (b.pegawai_id.as_str(), b.unit_id.as_str()))
        .collect();
    let kelompok: Vec<&store::skp::BarisKalibrasi> =
        semua.iter().filter(|b| di_kelompok(&b.unit_id)).collect();
    let penilai = saya.is_some_and(|p| kelompok.iter().any(|b| b.penilai_id.as_deref() == Some(p)));
    let atasan_penilai = saya.is_some_and(|p| {
        kelompok
            .iter()
            .any(|b| b.atasan_penilai_id.as_deref() == Some(p))
    });
    // Pucuk: pegawai unit kelompok yang penilainya tidak di kelompok.
    let pucuk: Vec<&&store::skp::BarisKalibrasi> = kelompok
        .iter()
        .filter(|b| b.unit_id == unit_kelompok)
        .filter(|b| {
            b.penilai_id
                .as_deref()
                .and_then(|p| unit_pegawai.get(p))
                .is_none_or(|u| !di_kelompok(u))
        })
        .collect();
    let penilai_pucuk =
        saya.is_some_and(|p| pucuk.iter().any(|b| b.penilai_id.as_deref() == Some(p)));
    let pucuk_tanpa_penilai = pucuk.iter().all(|b| b.penilai_id.is_none());
    let unit = store::organisasi::unit(l.pool(), instansi_id, unit_kelompok).await?;
    let induk = unit.as_ref().and_then(|u| u.induk_id.clone());
    let pimpinan_atas = match (&induk, saya) {
        (Some(i), Some(_)) => {
            match CakupanUnit::untuk(l, k, Aksi::Baca, Sumber::Keluaran(instansi_id)).await {
                Ok(c) => !c.semua() && c.memuat(Some(i)),
                Err(_) => false,
            }
        }
        _ => false,
    };
    let puncak = unit.as_ref().is_some_and(|u| u.induk_id.is_none());
    let tulis = !a.hanya_baca;
    Ok(HakKurva {
        lihat: bkd || penilai || atasan_penilai || pimpinan_atas,
        tetapkan: tulis
            && (penilai_pucuk || pimpinan_atas || (bkd && (puncak || pucuk_tanpa_penilai))),
    })
}

/// Hak seorang aktor atas satu entri kompetisi inovasi (isu 12), dari
/// hubungannya dengan entri itu:
/// - peserta: admin instansi/operator inovasi instansi PESERTA (baca, ubah
///   selama draf — diperiksa layanan);
/// - penyelenggara: admin/operator instansi penyelenggara, atas entri yang
///   sudah diajukan (draf peserta bukan urusannya);
/// - juri: hanya entri yang ditugaskan kepadanya (tahap mana pun);
/// - super admin: baca dan kelola.
///
/// Nilai juri lain tidak pernah diberikan lewat hak ini; kapan nilai terlihat
/// diputuskan layanan kompetisi (setelah tahapnya ditutup, bagi penyelenggara).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize, utoipa::ToSchema,
)]
pub struct HakEntri {
    pub baca: bool,
    pub ubah: bool,
    pub juri: bool,
    pub kelola: bool,
}

pub async fn hak_entri(
    l: &Layanan,
    k: &Konteks,
    kompetisi: &store::kompetisi::Kompetisi,
    e: &store::kompetisi::Entri,
) -> Hasil<HakEntri> {
    let a = k.aktor()?;
    let tulis = !a.hanya_baca;
    let mut h = HakEntri::default();
    if a.super_admin() {
        h.baca = true;
        h.kelola = tulis;
    }
    if a.instansi_id == e.instansi_id
        && putuskan(Some(a), Aksi::Baca, Sumber::Kompetisi(&e.instansi_id)).boleh()
    {
        h.baca = true;
        h.ubah = tulis;
    }
    if e.status != "draf"
        && a.instansi_id == kompetisi.instansi_id
        && putuskan(
            Some(a),
            Aksi::Baca,
            Sumber::Kompetisi(&kompetisi.instansi_id),
        )
        .boleh()
    {
        h.baca = true;
        h.kelola = tulis;
    }
    if e.status == "diajukan"
        && !store::kompetisi::penilaian_entri_juri(l.pool(), &e.id, &a.pengguna_id)
            .await?
            .is_empty()
    {
        h.baca = true;
        h.juri = tulis;
    }
    Ok(h)
}

/// Membaca data penyelenggaraan (juri, entri yang diajukan, kemajuan, hasil
/// sebelum diumumkan): penyelenggara, juga dengan token baca.
pub fn baca_penyelenggara<'k>(
    k: &'k Konteks,
    kompetisi: &store::kompetisi::Kompetisi,
) -> Hasil<&'k Aktor> {
    wajib(k, Aksi::Baca, Sumber::Kompetisi(&kompetisi.instansi_id))
}

/// Penyelenggara kompetisi (admin/operator inovasi instansi penyelenggara,
/// atau super admin), token baca ditolak.
pub fn wajib_penyelenggara<'k>(
    k: &'k Konteks,
    kompetisi: &store::kompetisi::Kompetisi,
) -> Hasil<&'k Aktor> {
    wajib(k, Aksi::Kelola, Sumber::Kompetisi(&kompetisi.instansi_id))
}
