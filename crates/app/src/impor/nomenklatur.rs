//! Memuat satu perubahan nomenklatur Kepmendagri (daftar ubah/hapus) dari
//! CSV/XLSX (super admin). Versi lama tidak pernah hilang: setiap perubahan
//! menjadi versi sendiri, dan rencana dibaca terhadap versi tahunnya.

use super::pegawai::{DaftarGalat, galat_tulis};
use super::{Jenis, Kolom, LaporanImpor, baca_berkas, pilih};
use crate::{Galat, Hasil, Konteks, Layanan};
use rules::anggaran::{JenisPemda, JenisSubkegiatan, VersiNomenklatur};
use sha2::Digest;
use std::collections::{BTreeMap, HashMap};
use store::nomenklatur::{BarisPerubahan, VersiNomenklatur as VersiDb};

const fn kolom(nama: &'static str, wajib: bool, id: &'static str, en: &'static str) -> Kolom {
    Kolom {
        nama,
        wajib,
        id,
        en,
        pilihan: &[],
    }
}

pub const KOLOM_NOMENKLATUR: &[Kolom] = &[
    kolom(
        "tindakan",
        true,
        "ubah (menambah atau mengganti) atau hapus (kode dan turunannya).",
        "ubah (add or replace) or hapus (the code and its children).",
    ),
    kolom(
        "pemda",
        true,
        "provinsi atau kabupaten_kota.",
        "provinsi or kabupaten_kota.",
    ),
    kolom(
        "kode",
        true,
        "Kode urusan, bidang, program, kegiatan atau sub kegiatan.",
        "Affair, field, programme, activity or sub-activity code.",
    ),
    kolom(
        "nama",
        false,
        "Nomenklatur (wajib untuk ubah).",
        "Name (required for ubah).",
    ),
    kolom(
        "kinerja",
        false,
        "Kinerja sub kegiatan.",
        "Sub-activity performance.",
    ),
    kolom(
        "indikator",
        false,
        "Indikator keluaran baku.",
        "Standard output indicator.",
    ),
    kolom("satuan", false, "Satuan indikator.", "Indicator unit."),
    kolom(
        "spm",
        false,
        "SPM atau NON-SPM (ya/tidak).",
        "SPM or NON-SPM (yes/no).",
    ),
    kolom(
        "jenis",
        false,
        "Layanan atau Aktifitas.",
        "Layanan or Aktifitas.",
    ),
];

/// Identitas perubahan yang dimuat.
#[derive(Clone, Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MasukanVersi {
    /// Nomor keputusan, mis. `900.1-861/2026`.
    pub kode: String,
    pub judul: String,
    /// Versi dasar yang diubah: `kepmendagri_900_2024` atau `pemutakhiran_2027`.
    pub dasar: String,
    /// Tahun anggaran pertama yang memakai perubahan ini.
    pub berlaku_tahun: i64,
    /// `YYYY-MM-DD`.
    pub tanggal_penetapan: String,
}

#[derive(Clone, Debug, serde::Serialize, utoipa::ToSchema)]
pub struct HasilMuatNomenklatur {
    pub versi: Option<VersiDb>,
    pub laporan: LaporanImpor,
}

fn periksa_versi(k: &Konteks, m: &MasukanVersi) -> Hasil<VersiNomenklatur> {
    let mut f = crate::galat::GalatKolom::default();
    use crate::validasi::{JenisTeks, periksa};
    periksa(&mut f, k.bahasa, "kode", &m.kode, 60, JenisTeks::Baris);
    periksa(&mut f, k.bahasa, "judul", &m.judul, 300, JenisTeks::Nama);
    if m.kode.trim().is_empty() {
        f.tambah(
            "kode",
            k.t(
                "Nomor keputusan wajib diisi.",
                "The decree number is required.",
            ),
        );
    }
    if m.judul.trim().is_empty() {
        f.tambah("judul", k.t("Judul wajib diisi.", "A title is required."));
    }
    let dasar = VersiNomenklatur::dari_token(&m.dasar);
    if dasar.is_none() {
        f.tambah(
            "dasar",
            k.t(
                "Pilih kepmendagri_900_2024 atau pemutakhiran_2027.",
                "Choose kepmendagri_900_2024 or pemutakhiran_2027.",
            ),
        );
    }
    if !(2000..=2100).contains(&m.berlaku_tahun) {
        f.tambah(
            "berlaku_tahun",
            k.t("Tahun 2000–2100.", "A year 2000–2100."),
        );
    }
    if !crate::organisasi::tanggal_sah(&m.tanggal_penetapan) {
        f.tambah(
            "tanggal_penetapan",
            k.t("Tanggal berformat TTTT-BB-HH.", "Dates are YYYY-MM-DD."),
        );
    }
    f.jadi_galat(k.t(
        "Periksa identitas perubahan.",
        "Check the amendment details.",
    ))?;
    Ok(dasar.expect("diperiksa"))
}

/// Memuat satu perubahan; semua atau tidak sama sekali dengan laporan per baris.
pub async fn impor_nomenklatur(
    l: &Layanan,
    k: &Konteks,
    m: MasukanVersi,
    nama_berkas: &str,
    bytes: &[u8],
) -> Hasil<HasilMuatNomenklatur> {
    let a = k.wajib_super_admin()?.clone();
    let dasar = periksa_versi(k, &m)?;
    let _giliran = super::giliran_impor().await?;
    let mut lap = LaporanImpor::baru(Jenis::Nomenklatur, nama_berkas);
    let Some(tabel) = baca_berkas(k, Jenis::Nomenklatur, nama_berkas, bytes, &mut lap).await?
    else {
        return Ok(HasilMuatNomenklatur {
            versi: None,
            laporan: lap,
        });
    };
    let id = store::id_baru();
    let mut g = DaftarGalat::default();
    let mut baris = Vec::new();
    let mut dilihat: HashMap<(String, String), usize> = HashMap::new();
    for b in &tabel.baris {
        let n = b.nomor;
        let teks = |c: &str| tabel.sel(b, c).teks();
        let tindakan = teks("tindakan").map(|t| t.to_lowercase());
        if !matches!(tindakan.as_deref(), Some("ubah" | "hapus")) {
            g.tambah(
                n,
                "tindakan",
                k.t("Tulis ubah atau hapus.", "Write ubah or hapus."),
            );
        }
        let pemda = teks("pemda").map(|t| t.to_lowercase().replace(['/', ' ', '-'], "_"));
        let pemda = match pemda.as_deref() {
            Some("provinsi" | "prov") => Some(JenisPemda::Provinsi),
            Some("kabupaten_kota" | "kab_kota" | "kabkota") => Some(JenisPemda::KabupatenKota),
            _ => {
                g.tambah(
                    n,
                    "pemda",
                    k.t(
                        "Tulis provinsi atau kabupaten_kota.",
                        "Write provinsi or kabupaten_kota.",
                    ),
                );
                None
            }
        };
        let kode = teks("kode").map(|t| rules::anggaran::normalkan_kode(&t));
        match &kode {
            Some(x)
                if x.chars().all(|c| c.is_ascii_digit() || c == '.')
                    && rules::nomenklatur::KodePemda::parse(x).is_ok() => {}
            _ => g.tambah(
                n,
                "kode",
                k.t(
                    "Kode nomenklatur tidak sah (mis. 1.02.02.2.02.0015).",
                    "Invalid nomenclature code (e.g. 1.02.02.2.02.0015).",
                ),
            ),
        }
        let nama = teks("nama");
        if tindakan.as_deref() == Some("ubah") && nama.is_none() {
            g.tambah(
                n,
                "nama",
                k.t("Nama wajib untuk ubah.", "A name is required for ubah."),
            );
        }
        for c in ["nama", "kinerja", "indikator", "satuan"] {
            if let Some(t) = teks(c)
                && let Some(e) =
                    crate::validasi::alasan(k.bahasa, &t, 1_000, crate::validasi::JenisTeks::Nama)
            {
                g.tambah(n, c, e);
            }
        }
        let jenis = match teks("jenis").map(|t| t.to_lowercase()) {
            None => None,
            Some(t) => match JenisSubkegiatan::dari_token(&t) {
                Some(j) => Some(j),
                None => {
                    g.tambah(
                        n,
                        "jenis",
                        k.t(
                            "Tulis Layanan atau Aktifitas.",
                            "Write Layanan or Aktifitas.",
                        ),
                    );
                    None
                }
            },
        };
        let spm = teks("spm")
            .map(|t| t.to_lowercase())
            .map(|t| match t.as_str() {
                "spm" | "ya" | "1" | "yes" => 1,
                _ => 0,
            });
        if let (Some(t), Some(p), Some(kd)) = (tindakan, pemda, kode) {
            if let Some(m) = dilihat.insert((p.token().into(), kd.clone()), n) {
                g.tambah(
                    n,
                    "kode",
                    pilih(
                        k,
                        format!("Kode {kd} untuk pemda ini sudah ada di baris {m}."),
                        format!("Code {kd} for this level already appears on row {m}."),
                    ),
                );
                continue;
            }
            baris.push(BarisPerubahan {
                versi_id: id.clone(),
                pemda: p.token().into(),
                kode: kd,
                tindakan: t,
                nama,
                kinerja: teks("kinerja"),
                indikator: teks("indikator"),
                satuan: teks("satuan"),
                spm,
                jenis: jenis.map(|j| j.token().to_string()),
                urutan: n as i64,
            });
        }
    }
    if g.jumlah > 0 {
        super::isi_galat(&mut lap, g.isi, g.jumlah, KOLOM_NOMENKLATUR);
        return Ok(HasilMuatNomenklatur {
            versi: None,
            laporan: lap,
        });
    }
    let v = VersiDb {
        id: id.clone(),
        kode: m.kode.trim().into(),
        judul: m.judul.trim().into(),
        dasar: dasar.token().into(),
        berlaku_tahun: m.berlaku_tahun,
        tanggal_penetapan: m.tanggal_penetapan.clone(),
        jumlah_ubah: baris.iter().filter(|b| b.tindakan == "ubah").count() as i64,
        jumlah_hapus: baris.iter().filter(|b| b.tindakan == "hapus").count() as i64,
        sha256_berkas: hex::encode(sha2::Sha256::digest(bytes)),
        dimuat_oleh: Some(a.pengguna_id.clone()),
        dimuat_pada: store::sekarang(),
    };
    lap.dibuat = baris.len();
    let mut tx = l.db.mulai().await?;
    store::nomenklatur::sisipkan_versi(&mut tx, &v)
        .await
        .map_err(|e| {
            if e.pelanggaran_unik() {
                Galat::input(
                    k.t(
                        "Perubahan dengan nomor itu sudah dimuat.",
                        "An amendment with that number is already loaded.",
                    ),
                    BTreeMap::from([(
                        "kode".to_string(),
                        k.t(
                            "Nomor keputusan sudah ada.",
                            "The decree number already exists.",
                        )
                        .to_string(),
                    )]),
                )
            } else {
                galat_tulis(k, e)
            }
        })?;
    store::nomenklatur::sisipkan_perubahan_banyak(&mut tx, &baris).await?;
    // Tabel rujukan nasional: audit di instansi pemuat.
    crate::audit::catat(
        &mut tx,
        k,
        &a.instansi_id,
        "muat",
        "nomenklatur_versi",
        &v.id,
        None,
        Some(&v),
    )
    .await?;
    tx.commit().await?;
    lap.diterima = true;
    Ok(HasilMuatNomenklatur {
        versi: Some(v),
        laporan: lap,
    })
}
