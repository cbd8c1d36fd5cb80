//! Impor peserta satu angkatan dari XLSX/CSV (pembaca `app::impor` dengan
//! batasnya): semua atau tidak sama sekali, laporan per baris. Peserta yang
//! sudah terdaftar diperbarui (mentor, coach, judul), tidak digandakan.

use super::angkatan::{cari_angkatan, siapkan_peserta};
use super::{Aksi, MasukanPeserta, OBJEK_AKSI};
use crate::galat::GalatKolom;
use crate::impor::baca::Bentuk;
use crate::impor::{CatatanBaris, Jenis, Kolom, LaporanImpor};
use crate::kebijakan::{self, Aksi as AksiKebijakan, Sumber};
use crate::{Galat, Hasil, Konteks, Layanan};
use serde::Serialize;
use std::collections::HashSet;

/// Peserta per berkas: satu angkatan jarang lebih dari beberapa ratus orang.
pub const MAKS_BARIS: usize = 2_000;

/// Kolom berkas peserta, dalam urutan templat.
pub const KOLOM_PESERTA: &[Kolom] = &[
    Kolom {
        nama: "nip",
        wajib: true,
        id: "NIP peserta (18 digit), dari instansi mana pun.",
        en: "Participant's NIP (18 digits), from any agency.",
        pilihan: &[],
    },
    Kolom {
        nama: "mentor_nip",
        wajib: false,
        id: "NIP mentor (atasan langsung), satu instansi dengan peserta. Kosong: atasan langsung di buku induk.",
        en: "Mentor's NIP (direct supervisor), in the participant's agency. Empty: the supervisor on record.",
        pilihan: &[],
    },
    Kolom {
        nama: "coach",
        wajib: false,
        id: "Nama coach (widyaiswara).",
        en: "Coach (widyaiswara) name.",
        pilihan: &[],
    },
    Kolom {
        nama: "judul",
        wajib: false,
        id: "Judul proyek perubahan (boleh diisi alumni kemudian).",
        en: "Change-project title (the alumnus may fill it in later).",
        pilihan: &[],
    },
];

const BENTUK: Bentuk = Bentuk {
    kode: "peserta",
    kolom: KOLOM_PESERTA,
};

/// Laporan impor peserta.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct LaporanPeserta {
    pub nama_berkas: String,
    pub baris_data: usize,
    /// false: tidak ada yang disimpan; `galat` memuat kesalahannya.
    pub diterima: bool,
    pub dibuat: usize,
    pub diperbarui: usize,
    pub tidak_berubah: usize,
    pub jumlah_galat: usize,
    pub galat: Vec<CatatanBaris>,
    pub info: Vec<CatatanBaris>,
}

impl LaporanPeserta {
    fn dari(l: LaporanImpor) -> Self {
        LaporanPeserta {
            nama_berkas: l.nama_berkas,
            baris_data: l.baris_data,
            diterima: false,
            dibuat: 0,
            diperbarui: 0,
            tidak_berubah: 0,
            jumlah_galat: l.jumlah_galat.max(l.galat.len()),
            galat: l.galat,
            info: l.info,
        }
    }
}

/// Mengimpor peserta ke angkatan `angkatan_id` (admin instansi penyelenggara).
pub async fn impor_peserta(
    l: &Layanan,
    k: &Konteks,
    angkatan_id: &str,
    nama_berkas: &str,
    bytes: &[u8],
) -> Hasil<LaporanPeserta> {
    let ang = cari_angkatan(l, k, angkatan_id).await?;
    kebijakan::wajib(
        k,
        AksiKebijakan::Kelola,
        Sumber::AksiPerubahan(&ang.instansi_id),
    )?;
    let _giliran = crate::impor::giliran_impor().await?;
    let mut sementara = LaporanImpor::baru(Jenis::Pegawai, nama_berkas);
    let tabel = crate::impor::baca_berkas(k, BENTUK, nama_berkas, bytes, &mut sementara).await?;
    let mut lap = LaporanPeserta::dari(sementara);
    let Some(tabel) = tabel else {
        return Ok(lap);
    };
    if tabel.baris.len() > MAKS_BARIS {
        lap.galat.push(CatatanBaris::baru(
            0,
            "",
            match k.bahasa {
                rules::Bahasa::Id => format!("Paling banyak {MAKS_BARIS} peserta per berkas."),
                rules::Bahasa::En => format!("At most {MAKS_BARIS} participants per file."),
            },
        ));
        lap.jumlah_galat = lap.galat.len();
        return Ok(lap);
    }
    let mut galat = Vec::new();
    let mut baru: Vec<Aksi> = Vec::new();
    let mut ubah: Vec<(Aksi, Aksi)> = Vec::new();
    let mut terlihat = HashSet::new();
    for b in &tabel.baris {
        let teks = |kolom: &str| tabel.sel(b, kolom).teks();
        let m = MasukanPeserta {
            nip: teks("nip").unwrap_or_default(),
            mentor_nip: teks("mentor_nip"),
            coach_nama: teks("coach"),
            judul: teks("judul"),
        };
        let mut f = GalatKolom::default();
        if !terlihat.insert(m.nip.clone()) {
            f.tambah(
                "nip",
                k.t(
                    "NIP ini sudah ada di baris sebelumnya.",
                    "This NIP already appears in an earlier row.",
                ),
            );
        }
        let a = siapkan_peserta(l, k, &ang, &m, &mut f).await?;
        for (kolom, pesan) in f.0 {
            let kolom = if kolom == "coach_nama" {
                "coach".to_string()
            } else {
                kolom
            };
            galat.push(CatatanBaris::baru(b.nomor, &kolom, pesan));
        }
        let Some(a) = a else { continue };
        match store::aksi_perubahan::aksi_peserta(l.pool(), &a.instansi_id, &ang.id, &a.pegawai_id)
            .await?
        {
            None => baru.push(a),
            Some(lama) => {
                let mut x = lama.clone();
                if m.mentor_nip.is_some() {
                    x.mentor_pegawai_id = a.mentor_pegawai_id.clone();
                }
                if m.coach_nama.is_some() {
                    x.coach_nama = a.coach_nama.clone();
                }
                if m.judul.is_some() {
                    x.judul = a.judul.clone();
                }
                if x == lama {
                    lap.tidak_berubah += 1;
                } else {
                    x.versi = lama.versi + 1;
                    x.diubah_pada = store::sekarang();
                    ubah.push((lama, x));
                }
            }
        }
    }
    if !galat.is_empty() {
        lap.jumlah_galat = galat.len();
        galat.truncate(crate::impor::BATAS_GALAT_LAPORAN);
        lap.galat = galat;
        lap.tidak_berubah = 0;
        return Ok(lap);
    }
    let mut tx = l.db.mulai().await?;
    for a in &baru {
        store::aksi_perubahan::sisipkan_aksi(&mut tx, a).await?;
        crate::audit::catat(
            &mut tx,
            k,
            &a.instansi_id,
            "impor",
            OBJEK_AKSI,
            &a.id,
            None,
            Some(a),
        )
        .await?;
    }
    for (lama, x) in &ubah {
        if !store::aksi_perubahan::ubah_aksi(&mut tx, x, lama.versi).await? {
            return Err(Galat::Konflik(
                k.t(
                    "Peserta berubah selama impor; unggah lagi.",
                    "A participant changed during the import; upload again.",
                )
                .into(),
            ));
        }
        crate::audit::catat(
            &mut tx,
            k,
            &x.instansi_id,
            "impor",
            OBJEK_AKSI,
            &x.id,
            Some(lama),
            Some(x),
        )
        .await?;
    }
    tx.commit().await?;
    super::ada_perubahan();
    lap.diterima = true;
    lap.dibuat = baru.len();
    lap.diperbarui = ubah.len();
    Ok(lap)
}
