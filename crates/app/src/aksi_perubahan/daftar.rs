//! Daftar proyek yang boleh dilihat aktor, dengan status hari ini, dan
//! simpanan hasilnya per proses (ADR 0014) yang dibatalkan setiap tulisan.

use super::*;

/// Proyek yang boleh dilihat aktor, dengan status hari ini; disaring dan
/// dipotong per halaman di sini (status bergantung tanggal, tidak disimpan).
pub async fn daftar(l: &Layanan, k: &Konteks, s: &SaringanAksi) -> Hasil<HalamanAksi> {
    let c = CakupanAksi::untuk(l, k).await?;
    let semua = terlihat(l, k, &c, s).await?;
    let total = semua.iter().count() as i64;
    let halaman = s.halaman.unwrap_or(1).max(1) as usize;
    let isi = semua
        .iter()
        .skip((halaman - 1) * UKURAN_HALAMAN)
        .take(UKURAN_HALAMAN)
        .map(|p| BarisAksi {
            id: p.aksi.id.clone(),
            judul: p.aksi.judul.clone(),
            alumni: p.aksi.alumni.clone(),
            status: p.status,
            tonggak_terlambat: p.terlambat,
        })
        .collect();
    Ok(HalamanAksi { isi, total })
}

/// Satu proyek terlihat beserta status dan tonggaknya.
pub struct ProyekTerlihat {
    pub aksi: store::aksi_perubahan::RingkasAksi,
    pub status: StatusAksi,
    pub terlambat: i64,
    pub tonggak: Vec<(store::aksi_perubahan::TonggakRingkas, StatusAksi)>,
    pub tanggal: time::Date,
    /// Ambang senyap instansi alumni (hari) yang dipakai menilai proyek ini.
    pub hari_senyap: u32,
}

fn galat_saringan(k: &Konteks, kolom: &str, id: &'static str, en: &'static str) -> Galat {
    let mut f = GalatKolom::default();
    f.tambah(kolom, k.t(id, en));
    match f.jadi_galat(k.t(id, en)) {
        Err(e) => e,
        Ok(()) => Galat::Internal("saringan".into()),
    }
}

/// Proyek yang terlihat, dengan saringan status diterapkan saat dibaca.
pub(crate) struct Terlihat {
    semua: std::sync::Arc<Vec<ProyekTerlihat>>,
    status: Option<StatusAksi>,
}

impl Terlihat {
    pub(crate) fn iter(&self) -> impl Iterator<Item = &ProyekTerlihat> {
        let st = self.status;
        self.semua
            .iter()
            .filter(move |p| st.is_none_or(|x| x == p.status))
    }
}

/// Simpanan hasil per (cakupan, saringan) selama `UMUR_SIMPANAN`: dasbor
/// satu provinsi (5.000 proyek × 8 tonggak) dibaca dan dinilai ±100 ms CPU,
/// dan banyak pembaca di jam sibuk melihat cakupan yang sama. Setiap
/// perubahan aksi perubahan di proses ini menaikkan generasi (simpanan
/// langsung basi); perubahan dari proses lain terlihat paling lambat setelah
/// umur simpanan (docs/adr/0014).
struct Simpanan {
    dibuat: std::time::Instant,
    generasi: u64,
    isi: std::sync::Arc<Vec<ProyekTerlihat>>,
}

const UMUR_SIMPANAN: std::time::Duration = std::time::Duration::from_secs(60);
/// Entri simpanan paling banyak (setiap entri sebesar satu cakupan).
const MAKS_SIMPANAN: usize = 8;
/// Cakupan kecil dihitung langsung (murah), tidak disimpan.
const MIN_PROYEK_SIMPAN: usize = 200;

static GENERASI: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
static SIMPANAN: std::sync::LazyLock<std::sync::Mutex<HashMap<String, Simpanan>>> =
    std::sync::LazyLock::new(Default::default);
/// Satu penghitungan besar pada satu waktu: 20 permintaan serentak yang
/// meleset tidak menghitung 20 kali (yang menunggu lalu memakai simpanan).
static SATU_HITUNG: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Dipanggil setiap penulisan aksi perubahan: simpanan basi.
pub(crate) fn ada_perubahan() {
    GENERASI.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
}

fn ambil_simpanan(kunci: &str) -> Option<std::sync::Arc<Vec<ProyekTerlihat>>> {
    let g = GENERASI.load(std::sync::atomic::Ordering::SeqCst);
    let m = SIMPANAN.lock().unwrap_or_else(|e| e.into_inner());
    m.get(kunci)
        .filter(|x| x.generasi == g && x.dibuat.elapsed() < UMUR_SIMPANAN)
        .map(|x| x.isi.clone())
}

/// Semua proyek yang terlihat bagi `c` setelah saringan angkatan/wilayah;
/// saringan status diterapkan oleh `Terlihat::iter`.
pub(crate) async fn terlihat(
    l: &Layanan,
    k: &Konteks,
    c: &CakupanAksi,
    s: &SaringanAksi,
) -> Hasil<Terlihat> {
    let cakupan = c.saringan();
    let tanggal = aturan::teks_tanggal(hari_ini_zona("WIT", time::OffsetDateTime::now_utc()));
    // Basis data ikut dalam kunci (tes menjalankan banyak basis data dalam satu proses).
    let kunci = format!(
        "{}|{cakupan:?}|{:?}|{:?}|{tanggal}",
        l.pool().connect_options().database_url,
        s.angkatan_id,
        s.wilayah
    );
    let semua = match ambil_simpanan(&kunci) {
        Some(x) => x,
        None => {
            let _giliran = SATU_HITUNG.lock().await;
            match ambil_simpanan(&kunci) {
                Some(x) => x,
                None => {
                    let generasi = GENERASI.load(std::sync::atomic::Ordering::SeqCst);
                    let isi = std::sync::Arc::new(hitung_terlihat(l, k, &cakupan, s).await?);
                    if isi.len() >= MIN_PROYEK_SIMPAN {
                        let mut m = SIMPANAN.lock().unwrap_or_else(|e| e.into_inner());
                        m.retain(|_, x| x.dibuat.elapsed() < UMUR_SIMPANAN);
                        if m.len() >= MAKS_SIMPANAN
                            && let Some(tertua) = m
                                .iter()
                                .min_by_key(|(_, x)| x.dibuat)
                                .map(|(k, _)| k.clone())
                        {
                            m.remove(&tertua);
                        }
                        m.insert(
                            kunci,
                            Simpanan {
                                dibuat: std::time::Instant::now(),
                                generasi,
                                isi: isi.clone(),
                            },
                        );
                    }
                    isi
                }
            }
        }
    };
    Ok(Terlihat {
        semua,
        status: s.status,
    })
}

async fn hitung_terlihat(
    l: &Layanan,
    k: &Konteks,
    cakupan: &store::aksi_perubahan::Cakupan,
    s: &SaringanAksi,
) -> Hasil<Vec<ProyekTerlihat>> {
    if let Some(w) = &s.wilayah
        && (w.is_empty() || w.len() > 20 || !w.chars().all(|x| x.is_ascii_digit() || x == '.'))
    {
        return Err(galat_saringan(
            k,
            "wilayah",
            "Kode wilayah berupa angka dan titik, mis. 81.71.",
            "A region code is digits and dots, e.g. 81.71.",
        ));
    }
    let saringan = store::aksi_perubahan::Saringan {
        angkatan_id: s.angkatan_id.clone().filter(|x| !x.is_empty()),
        wilayah: s.wilayah.clone(),
    };
    let (proyek, tonggak) = store::aksi_perubahan::ringkas(l.pool(), cakupan, &saringan).await?;
    if proyek.len() as i64 > store::aksi_perubahan::BATAS_PROYEK {
        return Err(galat_saringan(
            k,
            "angkatan_id",
            "Terlalu banyak proyek untuk satu tampilan; saring menurut angkatan atau wilayah.",
            "Too many projects for one view; filter by cohort or region.",
        ));
    }
    // Tonggak per proyek (id proyek UUID: unik lintas instansi).
    let mut per_aksi: HashMap<String, Vec<store::aksi_perubahan::TonggakRingkas>> = HashMap::new();
    for t in tonggak {
        per_aksi.entry(t.aksi_id.clone()).or_default().push(t);
    }
    let sekarang = time::OffsetDateTime::now_utc();
    // Ambang per instansi alumni; instansi tanpa pengaturan: bawaan.
    let konf_instansi = pengaturan::semua_konfigurasi(l).await?;
    let bawaan = KonfigurasiAksiPerubahan::default();
    let mut hasil = Vec::with_capacity(proyek.len());
    for p in proyek {
        // Hanya tonggak yang terbaca aturan; status dipasangkan menurut urutan.
        let (ts, aturan_t): (Vec<_>, Vec<_>) = per_aksi
            .remove(&p.id)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|t| ke_aturan(&t).map(|a| (t, a)))
            .unzip();
        let tanggal = hari_ini_zona(&p.zona_waktu, sekarang);
        let konf = konf_instansi.get(&p.instansi_id).unwrap_or(&bawaan);
        let h = aturan::status(tanggal, &aturan_t, konf);
        let terlambat = h
            .tonggak
            .iter()
            .filter(|x| x.status == StatusAksi::Terlambat)
            .count() as i64;
        let tonggak = ts
            .into_iter()
            .zip(h.tonggak.iter().map(|x| x.status))
            .collect();
        hasil.push(ProyekTerlihat {
            aksi: p,
            status: h.status,
            terlambat,
            tonggak,
            tanggal,
            hari_senyap: konf.hari_senyap,
        });
    }
    Ok(hasil)
}
