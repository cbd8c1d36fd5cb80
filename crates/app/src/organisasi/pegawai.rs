//! Pegawai (PNS, PPPK, dan pejabat negara tanpa NIP di puncak rantai):
//! daftar, detail (pembacaan oleh orang lain dicatat), buat dan ubah dengan
//! riwayat penempatan, serta penonaktifan akun saat pensiun atau pindah.
//! Setiap perubahan mengantrekan penyelarasan SKP tahun berjalan bila
//! periodenya sudah dibuka (`skp::selaras`).

use super::{hari_ini, referensi, tanggal_sah, unit};
use crate::galat::GalatKolom;
use crate::kebijakan::{self, Akses, Aksi, Cakupan, Sumber, Terbaca};
use crate::{Galat, Hasil, Konteks, Layanan};
use rules::nip::{JenisAsn, JenisKelamin, Nip};
use serde::{Deserialize, Serialize};
use store::organisasi::{BarisPegawai, FilterPegawai, Jabatan, Pegawai, RiwayatJabatan, UnitKerja};

pub const PER_HALAMAN: i64 = 25;

#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanPegawai {
    #[serde(default)]
    pub nip: Option<String>,
    pub nama: String,
    #[serde(default)]
    pub gelar_depan: Option<String>,
    #[serde(default)]
    pub gelar_belakang: Option<String>,
    pub jenis_asn: String,
    #[serde(default)]
    pub golongan: Option<String>,
    pub unit_id: String,
    #[serde(default)]
    pub jabatan_id: Option<String>,
    #[serde(default)]
    pub atasan_id: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub telepon: Option<String>,
    /// Versi yang dilihat pengguna saat mulai mengubah (penguncian optimistis).
    #[serde(default)]
    pub versi: Option<i64>,
    /// Tanggal mulai penempatan baru (bawaan: hari ini).
    #[serde(default)]
    pub tmt_penempatan: Option<String>,
}

/// Saringan dan halaman daftar pegawai (query string `GET …/pegawai`).
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CariPegawai {
    #[serde(default)]
    pub cari: Option<String>,
    #[serde(default)]
    pub unit_id: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub jenis_asn: Option<String>,
    #[serde(default)]
    pub halaman: Option<i64>,
    #[serde(default)]
    pub per_halaman: Option<i64>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Halaman<T> {
    pub isi: Vec<T>,
    pub total: i64,
    pub halaman: i64,
    pub per_halaman: i64,
    pub jumlah_halaman: i64,
}

/// Teks pencarian: nama tanpa gelar, huruf kecil, dan NIP.
pub fn nama_cari(nama: &str, nip: Option<&str>) -> String {
    let mut s = nama.to_lowercase();
    if let Some(n) = nip {
        s.push(' ');
        s.push_str(n);
    }
    s
}

pub async fn daftar(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    c: &CariPegawai,
) -> Hasil<Halaman<BarisPegawai>> {
    // Baris daftar hanya memuat kolom direktori: setiap anggota instansi.
    kebijakan::wajib(k, Aksi::Baca, Sumber::Pegawai(instansi_id))?;
    let per = c.per_halaman.unwrap_or(PER_HALAMAN).clamp(1, 200);
    let halaman = c.halaman.unwrap_or(1).max(1);
    let unit_ids = match c.unit_id.as_ref().filter(|s| !s.is_empty()) {
        Some(u) => {
            let semua = store::organisasi::semua_unit(l.pool(), instansi_id).await?;
            Some(unit::dengan_turunan(&semua, u))
        }
        None => None,
    };
    let f = FilterPegawai {
        cari: c
            .cari
            .as_ref()
            .map(|s| s.trim().to_lowercase())
            .filter(|s| !s.is_empty()),
        unit_ids,
        status: c.status.clone(),
        jenis_asn: c.jenis_asn.clone(),
        offset: (halaman - 1) * per,
        limit: per,
    };
    let (isi, total) = store::organisasi::daftar_pegawai(l.pool(), instansi_id, &f).await?;
    Ok(Halaman {
        isi,
        total,
        halaman,
        per_halaman: per,
        jumlah_halaman: ((total + per - 1) / per).max(1),
    })
}

/// Detail satu pegawai setelah kebijakan akses: setiap rekaman (pegawai,
/// atasan, bawahan) sudah disunting sesuai hak pembaca atas rekaman itu.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
#[schema(
    description = "Kolom pribadi (tanggal_lahir, jenis_kelamin, email, telepon) null pada setiap rekaman yang hanya boleh dilihat direktorinya, dan riwayat kosong bila akses = direktori (ADR 0010)."
)]
pub struct DetailPegawai {
    #[schema(value_type = Pegawai)]
    pub pegawai: Terbaca<Pegawai>,
    pub unit: Option<UnitKerja>,
    pub jabatan: Option<Jabatan>,
    #[schema(value_type = Option<Pegawai>)]
    pub atasan: Option<Terbaca<Pegawai>>,
    #[schema(value_type = Vec<Pegawai>)]
    pub bawahan: Vec<Terbaca<Pegawai>>,
    /// Riwayat penempatan: kosong bila pembaca hanya berhak atas direktori.
    pub riwayat: Vec<store::organisasi::BarisRiwayat>,
    pub pangkat: Option<String>,
    /// `penuh` atau `direktori` (kolom pribadi `null`).
    #[schema(schema_with = skema_akses)]
    pub akses: Akses,
}

/// Akses yang dapat muncul di detail (yang ditolak tidak sampai ke jawaban).
fn skema_akses() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    rules::kalkulator::skema::pilihan(&["penuh", "direktori"])
}

/// Id pegawai ber-NIP itu di instansi ini, tanpa kolom lain (isian atasan di
/// formulir, akun pegawai).
pub async fn id_dari_nip(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    nip: &str,
) -> Hasil<Option<String>> {
    kebijakan::wajib(k, Aksi::Baca, Sumber::Pegawai(instansi_id))?;
    Ok(store::organisasi::pegawai_nip(l.pool(), instansi_id, nip)
        .await?
        .map(|p| p.id))
}

/// Rekaman mentah untuk pemeriksaan di dalam layanan (bukan untuk keluar).
pub(crate) async fn ambil(l: &Layanan, k: &Konteks, instansi_id: &str, id: &str) -> Hasil<Pegawai> {
    store::organisasi::pegawai(l.pool(), instansi_id, id)
        .await?
        .ok_or_else(|| {
            Galat::TidakDitemukan(
                k.t("Pegawai tidak ditemukan.", "Employee not found.")
                    .into(),
            )
        })
}

/// Detail satu pegawai. Pembacaan oleh orang lain dicatat (UU 27/2022: NIP
/// memuat tanggal lahir dan jenis kelamin). Kolom pribadi hanya untuk orangnya
/// sendiri, rantai atasannya, pimpinan unitnya dan admin (`kebijakan`).
pub async fn lihat(l: &Layanan, k: &Konteks, instansi_id: &str, id: &str) -> Hasil<DetailPegawai> {
    let c = Cakupan::untuk(l, k, instansi_id).await?;
    let p = ambil(l, k, instansi_id, id).await?;
    if k.aktor()?.pegawai_id.as_deref() != Some(id) {
        crate::audit::catat_baca(l, k, instansi_id, "pegawai", id).await?;
    }
    let pool = l.pool();
    let unit = store::organisasi::unit(pool, instansi_id, &p.unit_id).await?;
    let jabatan = match &p.jabatan_id {
        Some(j) => store::organisasi::jabatan(pool, instansi_id, j).await?,
        None => None,
    };
    let atasan = match &p.atasan_id {
        Some(x) => match store::organisasi::pegawai(pool, instansi_id, x).await? {
            Some(a) => Some(c.terbaca(l, a).await?),
            None => None,
        },
        None => None,
    };
    let mut bawahan = Vec::new();
    for b in store::organisasi::bawahan(pool, instansi_id, id).await? {
        bawahan.push(c.terbaca(l, b).await?);
    }
    let pegawai = c.terbaca(l, p).await?;
    let akses = pegawai.akses();
    let riwayat = if akses.penuh() {
        store::organisasi::riwayat_pegawai(pool, instansi_id, id).await?
    } else {
        Vec::new()
    };
    let pangkat = pegawai
        .golongan
        .as_deref()
        .and_then(referensi::pangkat)
        .map(str::to_string);
    Ok(DetailPegawai {
        pegawai,
        unit,
        jabatan,
        atasan,
        bawahan,
        riwayat,
        pangkat,
        akses,
    })
}

fn kosong_jadi_none(s: &Option<String>) -> Option<String> {
    s.as_ref()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

/// Memeriksa masukan dan menyusun baris pegawai (tanpa id/versi/waktu).
async fn susun(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    id: Option<&str>,
    m: &MasukanPegawai,
) -> Hasil<Pegawai> {
    let pool = l.pool();
    let mut f = GalatKolom::default();
    let p = susun_isian(k, instansi_id, id, m, &mut f);
    if let Some(n) = &p.nip {
        if let Some((i, pid)) = store::organisasi::pemilik_nip(pool, n).await? {
            let sama = i == instansi_id && Some(pid.as_str()) == id;
            if !sama {
                let milik_lain = store::organisasi::pegawai(pool, &i, &pid).await?;
                // NIP boleh dipakai lagi hanya bila pemilik lamanya sudah pindah.
                if milik_lain.map(|p| p.status != "pindah").unwrap_or(false) {
                    f.tambah(
                        "nip",
                        k.t(
                            "NIP ini sudah terdaftar untuk pegawai lain.",
                            "This NIP is already registered to another employee.",
                        ),
                    );
                }
            }
        }
    }
    if store::organisasi::unit(pool, instansi_id, &p.unit_id)
        .await?
        .is_none()
    {
        f.tambah(
            "unit_id",
            k.t(
                "Unit kerja tidak ditemukan di instansi ini.",
                "Unit not found in this agency.",
            ),
        );
    }
    if let Some(j) = &p.jabatan_id {
        if store::organisasi::jabatan(pool, instansi_id, j)
            .await?
            .is_none()
        {
            f.tambah(
                "jabatan_id",
                k.t(
                    "Jabatan tidak ditemukan di instansi ini.",
                    "Position not found in this agency.",
                ),
            );
        }
    }
    if let Some(at) = &p.atasan_id {
        if Some(at.as_str()) == id {
            f.tambah(
                "atasan_id",
                k.t(
                    "Pegawai tidak boleh menjadi atasannya sendiri.",
                    "An employee cannot supervise themselves.",
                ),
            );
        } else if store::organisasi::pegawai(pool, instansi_id, at)
            .await?
            .is_none()
        {
            f.tambah(
                "atasan_id",
                k.t(
                    "Atasan tidak ditemukan di instansi ini.",
                    "Supervisor not found in this agency.",
                ),
            );
        } else if let Some(id) = id {
            // Tidak boleh melingkar: atasan bukan bawahan (langsung/tak langsung).
            let mut x = Some(at.clone());
            let mut langkah = 0;
            while let Some(cur) = x {
                if cur == id {
                    f.tambah(
                        "atasan_id",
                        k.t(
                            "Rantai atasan tidak boleh melingkar.",
                            "The supervisor chain cannot loop.",
                        ),
                    );
                    break;
                }
                langkah += 1;
                if langkah > 64 {
                    break;
                }
                x = store::organisasi::pegawai(pool, instansi_id, &cur)
                    .await?
                    .and_then(|p| p.atasan_id);
            }
        }
    }
    f.jadi_galat(k.t(
        "Periksa kembali isian yang ditandai.",
        "Please check the marked fields.",
    ))?;
    Ok(p)
}

/// Aturan isian pegawai yang tidak memerlukan basis data: nama, jenis ASN,
/// NIP (bentuk dan kecocokan dengan jenis), golongan, status, surel, telepon
/// dan tanggal penempatan. Dipakai formulir (`susun`, yang lalu memeriksa
/// rujukan ke basis data) dan impor massal (yang memeriksa rujukan terhadap
/// peta yang dimuat sekali). Galat ditambahkan ke `f`; pegawai yang
/// dihasilkan hanya sah bila `f` kosong. `nip` terisi bila NIP terbaca.
pub(crate) fn susun_isian(
    k: &Konteks,
    instansi_id: &str,
    id: Option<&str>,
    m: &MasukanPegawai,
    f: &mut GalatKolom,
) -> Pegawai {
    let b = k.bahasa;
    {
        use crate::validasi::{
            JenisTeks::*, MAKS_GELAR, MAKS_ID, MAKS_NAMA, periksa, periksa_opsional,
        };
        periksa(f, b, "nama", &m.nama, MAKS_NAMA, Nama);
        periksa_opsional(
            f,
            b,
            "gelar_depan",
            m.gelar_depan.as_deref(),
            MAKS_GELAR,
            Nama,
        );
        periksa_opsional(
            f,
            b,
            "gelar_belakang",
            m.gelar_belakang.as_deref(),
            MAKS_GELAR,
            Nama,
        );
        periksa_opsional(f, b, "nip", m.nip.as_deref(), MAKS_ID, Baris);
        periksa_opsional(f, b, "golongan", m.golongan.as_deref(), 10, Baris);
        periksa(f, b, "jenis_asn", &m.jenis_asn, MAKS_ID, Baris);
        periksa(f, b, "unit_id", &m.unit_id, MAKS_ID, Baris);
        periksa_opsional(f, b, "jabatan_id", m.jabatan_id.as_deref(), MAKS_ID, Baris);
        periksa_opsional(f, b, "atasan_id", m.atasan_id.as_deref(), MAKS_ID, Baris);
        periksa_opsional(f, b, "status", m.status.as_deref(), MAKS_ID, Baris);
        periksa_opsional(f, b, "email", m.email.as_deref(), 254, Baris);
        periksa_opsional(f, b, "telepon", m.telepon.as_deref(), 30, Baris);
        periksa_opsional(
            f,
            b,
            "tmt_penempatan",
            m.tmt_penempatan.as_deref(),
            10,
            Baris,
        );
    }
    let nama = m.nama.trim().to_string();
    if nama.is_empty() || nama.chars().count() > 200 {
        f.tambah(
            "nama",
            k.t(
                "Nama wajib diisi (maksimal 200 karakter).",
                "A name is required (at most 200 characters).",
            ),
        );
    }
    if !referensi::JENIS_ASN.contains(&m.jenis_asn.as_str()) {
        f.tambah(
            "jenis_asn",
            k.t(
                "Jenis ASN harus PNS, PPPK atau pejabat negara.",
                "Type must be PNS, PPPK or state official.",
            ),
        );
    }
    let nip_teks = kosong_jadi_none(&m.nip).map(|s| s.replace(' ', ""));
    let mut nip: Option<Nip> = None;
    match (&nip_teks, m.jenis_asn.as_str()) {
        (None, "pns" | "pppk") => f.tambah(
            "nip",
            k.t(
                "NIP wajib untuk PNS dan PPPK.",
                "A NIP is required for PNS and PPPK.",
            ),
        ),
        (Some(_), "pejabat_negara") => f.tambah(
            "nip",
            k.t(
                "Pejabat negara tidak memakai NIP; kosongkan.",
                "State officials have no NIP; leave it empty.",
            ),
        ),
        (Some(t), jenis) => match Nip::parse(t) {
            Err(e) => f.tambah("nip", e.pesan(b)),
            Ok(n) => {
                let cocok = matches!(
                    (n.jenis_asn(), jenis),
                    (JenisAsn::Pns, "pns") | (JenisAsn::Pppk, "pppk")
                );
                if !cocok && referensi::JENIS_ASN.contains(&jenis) {
                    f.tambah("nip", k.t("NIP ini bukan NIP untuk jenis ASN yang dipilih (NIP PPPK memuat 21 di posisi bulan TMT).", "This NIP does not match the chosen type (a PPPK NIP has 21 where the TMT month is)."));
                }
                nip = Some(n);
            }
        },
        _ => {}
    }
    let golongan = kosong_jadi_none(&m.golongan);
    if let Some(g) = &golongan {
        let sah = match m.jenis_asn.as_str() {
            "pns" => referensi::GOLONGAN_PNS.iter().any(|(x, _)| x == g),
            "pppk" => referensi::GOLONGAN_PPPK.contains(&g.as_str()),
            _ => false,
        };
        if !sah {
            f.tambah(
                "golongan",
                k.t(
                    "Golongan tidak sesuai jenis ASN (PNS: I/a–IV/e; PPPK: I–XVII).",
                    "Grade does not fit the type (PNS: I/a–IV/e; PPPK: I–XVII).",
                ),
            );
        }
    }
    let status = kosong_jadi_none(&m.status).unwrap_or_else(|| "aktif".into());
    if !referensi::STATUS_PEGAWAI.contains(&status.as_str()) {
        f.tambah(
            "status",
            k.t(
                "Status harus aktif, cuti, pensiun, pindah, berhenti atau diberhentikan_sementara.",
                "Status must be active, on leave, retired, moved, stopped or diberhentikan_sementara (suspended).",
            ),
        );
    }
    let email = kosong_jadi_none(&m.email);
    if let Some(e) = &email {
        if !e.contains('@') || e.len() > 200 || e.contains(char::is_whitespace) {
            f.tambah(
                "email",
                k.t("Alamat surel tidak sah.", "Invalid e-mail address."),
            );
        }
    }
    let telepon = kosong_jadi_none(&m.telepon);
    if let Some(t) = &telepon {
        if t.len() > 20 || !t.chars().all(|c| c.is_ascii_digit() || "+- ".contains(c)) {
            f.tambah(
                "telepon",
                k.t(
                    "Nomor telepon hanya angka, spasi, + dan -.",
                    "A phone number holds digits, spaces, + and - only.",
                ),
            );
        }
    }
    if let Some(t) = kosong_jadi_none(&m.tmt_penempatan) {
        if !tanggal_sah(&t) {
            f.tambah(
                "tmt_penempatan",
                k.t(
                    "Tanggal harus berformat TTTT-BB-HH.",
                    "Dates must be YYYY-MM-DD.",
                ),
            );
        }
    }
    let (tanggal_lahir, jenis_kelamin) = match &nip {
        Some(n) => (
            Some(n.tanggal_lahir().to_string()),
            Some(match n.jenis_kelamin() {
                JenisKelamin::L => "L".to_string(),
                JenisKelamin::P => "P".to_string(),
            }),
        ),
        None => (None, None),
    };
    let nip = nip.map(|n| n.as_str().to_string());
    Pegawai {
        instansi_id: instansi_id.to_string(),
        id: id.map(str::to_string).unwrap_or_default(),
        nama_cari: nama_cari(&nama, nip.as_deref()),
        nip,
        nama,
        gelar_depan: kosong_jadi_none(&m.gelar_depan),
        gelar_belakang: kosong_jadi_none(&m.gelar_belakang),
        jenis_asn: m.jenis_asn.clone(),
        tanggal_lahir,
        jenis_kelamin,
        golongan,
        unit_id: m.unit_id.trim().to_string(),
        jabatan_id: kosong_jadi_none(&m.jabatan_id),
        atasan_id: kosong_jadi_none(&m.atasan_id),
        status,
        email,
        telepon,
        versi: 1,
        dibuat_pada: String::new(),
        diubah_pada: String::new(),
    }
}

pub async fn buat(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    m: MasukanPegawai,
) -> Hasil<Pegawai> {
    kebijakan::wajib(k, Aksi::Kelola, Sumber::Pegawai(instansi_id))?;
    let mut p = susun(l, k, instansi_id, None, &m).await?;
    p.id = store::id_baru();
    let waktu = store::sekarang();
    p.dibuat_pada = waktu.clone();
    p.diubah_pada = waktu;
    let mulai = kosong_jadi_none(&m.tmt_penempatan).unwrap_or_else(hari_ini);
    let mut tx = l.db.mulai().await?;
    simpan_baru(&mut tx, &p, &mulai)
        .await
        .map_err(|e| konflik_nip(k, e))?;
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        "buat",
        "pegawai",
        &p.id,
        None,
        Some(&p),
    )
    .await?;
    tx.commit().await?;
    crate::skp::selaras::picu(l, &[instansi_id]).await;
    Ok(p)
}

/// Menyisipkan pegawai baru dengan penempatan definitif pertamanya. Tanpa
/// pemeriksaan hak: hanya untuk layanan yang sudah memeriksanya (`buat`,
/// impor, mutasi, demo).
pub(crate) async fn simpan_baru(
    tx: &mut store::Transaksi<'_>,
    p: &Pegawai,
    mulai: &str,
) -> Result<(), store::GalatStore> {
    store::organisasi::sisipkan_pegawai(tx, p).await?;
    store::organisasi::sisipkan_riwayat(tx, &riwayat_dari(p, mulai)).await
}

pub(crate) fn riwayat_dari(p: &Pegawai, mulai: &str) -> RiwayatJabatan {
    RiwayatJabatan {
        instansi_id: p.instansi_id.clone(),
        id: store::id_baru(),
        pegawai_id: p.id.clone(),
        unit_id: p.unit_id.clone(),
        jabatan_id: p.jabatan_id.clone(),
        atasan_id: p.atasan_id.clone(),
        jenis_penugasan: "definitif".into(),
        mulai: mulai.to_string(),
        selesai: None,
        keterangan: None,
    }
}

fn konflik_nip(k: &Konteks, e: store::GalatStore) -> Galat {
    if e.pelanggaran_unik() {
        let mut f = std::collections::BTreeMap::new();
        let m = k.t(
            "NIP ini sudah terdaftar untuk pegawai lain.",
            "This NIP is already registered to another employee.",
        );
        f.insert("nip".to_string(), m.to_string());
        Galat::input(m, f)
    } else {
        Galat::from(e)
    }
}

pub async fn ubah(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    id: &str,
    m: MasukanPegawai,
) -> Hasil<Pegawai> {
    kebijakan::wajib(k, Aksi::Kelola, Sumber::Pegawai(instansi_id))?;
    let versi = crate::galat::versi_wajib(k, m.versi)?;
    let lama = ambil(l, k, instansi_id, id).await?;
    let mut baru = susun(l, k, instansi_id, Some(id), &m).await?;
    baru.versi = versi;
    baru.dibuat_pada = lama.dibuat_pada.clone();
    baru.diubah_pada = store::sekarang();
    let mulai = kosong_jadi_none(&m.tmt_penempatan).unwrap_or_else(hari_ini);
    let mut tx = l.db.mulai().await?;
    simpan_ubah(&mut tx, k, &lama, &mut baru, &mulai).await?;
    tx.commit().await?;
    if crate::skp::selaras::relevan(&lama, &baru) {
        crate::skp::selaras::picu(l, &[instansi_id]).await;
    }
    Ok(baru)
}

/// Menyimpan perubahan dalam transaksi: riwayat penempatan bila unit, jabatan
/// atau atasan berubah; akun dinonaktifkan bila pegawai pensiun, pindah atau
/// berhenti; audit sebelum → sesudah. Tanpa pemeriksaan hak atas pegawai:
/// hanya untuk layanan yang sudah memeriksanya (`ubah`, impor, mutasi).
pub(crate) async fn simpan_ubah(
    tx: &mut store::Transaksi<'_>,
    k: &Konteks,
    lama: &Pegawai,
    baru: &mut Pegawai,
    mulai: &str,
) -> Hasil<()> {
    if !store::organisasi::ubah_pegawai(tx, baru)
        .await
        .map_err(|e| konflik_nip(k, e))?
    {
        return Err(Galat::Konflik(
            k.t(
                "Data pegawai ini sudah diubah orang lain. Muat ulang lalu ulangi.",
                "Someone else changed this employee. Reload and try again.",
            )
            .into(),
        ));
    }
    baru.versi += 1;
    let pindah = lama.unit_id != baru.unit_id
        || lama.jabatan_id != baru.jabatan_id
        || lama.atasan_id != baru.atasan_id;
    if pindah {
        store::organisasi::tutup_riwayat_definitif(tx, &baru.instansi_id, &baru.id, mulai).await?;
        store::organisasi::sisipkan_riwayat(tx, &riwayat_dari(baru, mulai)).await?;
        // Mentor proyek perubahan mengikuti atasan langsung yang baru.
        crate::aksi_perubahan::pindah::ikuti_atasan(tx, k, lama, baru).await?;
    }
    // Diberhentikan sementara (PP 11/2017) tidak termasuk: akunnya tetap agar
    // ia masih dapat membaca rekamannya sendiri (SKP, riwayat) selama proses
    // berjalan; SKP-nya ditutup sehingga ia tidak dapat mengirim realisasi.
    let keluar = matches!(baru.status.as_str(), "pensiun" | "pindah" | "berhenti");
    if keluar && lama.status != baru.status {
        if let Some(akun) =
            store::akun::pengguna_pegawai_tx(tx, &baru.instansi_id, &baru.id).await?
        {
            // Menonaktifkan akun tunduk pada aturan kuasa atas akun.
            let peran_akun = store::akun::peran_tx(tx, &baru.instansi_id, &akun.id).await?;
            crate::akun::boleh_kelola_akun(k, &baru.instansi_id, &peran_akun)?;
            store::akun::set_aktif(tx, &baru.instansi_id, &akun.id, false, &baru.diubah_pada)
                .await?;
            store::akun::hapus_sesi_pengguna(tx, &baru.instansi_id, &akun.id).await?;
            store::akun::cabut_token_pengguna(tx, &baru.instansi_id, &akun.id, &baru.diubah_pada)
                .await?;
            crate::audit::catat::<()>(
                tx,
                k,
                &baru.instansi_id,
                "nonaktifkan",
                "pengguna",
                &akun.id,
                None,
                None,
            )
            .await?;
        }
    }
    crate::audit::catat(
        tx,
        k,
        &baru.instansi_id,
        "ubah",
        "pegawai",
        &baru.id,
        Some(lama),
        Some(&*baru),
    )
    .await?;
    Ok(())
}
