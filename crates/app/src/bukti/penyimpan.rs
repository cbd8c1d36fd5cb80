//! Tempat isi berkas bukti disimpan, dengan kunci SHA-256 isinya: folder lokal
//! (bawaan `DATA_DIR/bukti`) atau S3 (fitur `s3`). Menulis selalu atomik: isi
//! ditulis ke berkas sementara lalu diganti nama, sehingga berkas di jalur
//! akhirnya selalu utuh; bila gagal, berkas sementara dihapus.

use std::future::Future;
use std::io;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::time::SystemTime;

/// Hasil operasi penyimpanan yang berjalan tak serempak.
pub type Masa<'a, T> = Pin<Box<dyn Future<Output = io::Result<T>> + Send + 'a>>;

/// Satu berkas di penyimpanan: kuncinya (SHA-256) dan kapan terakhir ditulis
/// atau disegarkan.
#[derive(Clone, Debug)]
pub struct InfoBerkas {
    pub kunci: String,
    pub diubah: SystemTime,
}

/// Penyimpanan isi bukti menurut SHA-256-nya. Penyimpanan tidak tahu siapa
/// yang memakai berkas: itu urusan tabel `bukti` (lihat `bersihkan_yatim`).
pub trait PenyimpanBukti: Send + Sync {
    /// Menyimpan isi dengan kuncinya secara atomik. Bila sudah ada (isi yang
    /// sama), waktunya disegarkan agar pembersihan yatim tidak menghapusnya
    /// di tengah unggahan ulang. `true` bila berkas baru dibuat.
    fn simpan<'a>(&'a self, kunci: &'a str, isi: &'a [u8]) -> Masa<'a, bool>;
    /// Isi berkas, atau `None` bila tidak ada.
    fn ambil<'a>(&'a self, kunci: &'a str) -> Masa<'a, Option<Vec<u8>>>;
    fn ada<'a>(&'a self, kunci: &'a str) -> Masa<'a, bool>;
    /// Menghapus berkas; bila `lebih_tua_dari` diberikan, hanya bila berkas
    /// tidak diubah/disegarkan sejak itu. `true` bila terhapus.
    fn hapus<'a>(&'a self, kunci: &'a str, lebih_tua_dari: Option<SystemTime>) -> Masa<'a, bool>;
    /// Semua berkas bukti (untuk pembersihan berkala, bukan jalur panas).
    fn daftar<'a>(&'a self) -> Masa<'a, Vec<InfoBerkas>>;
    /// Membuang sisa berkas sementara (dari proses yang mati di tengah
    /// penulisan) yang lebih tua dari batas. Jumlah yang dibuang.
    fn buang_sisa<'a>(&'a self, _lebih_tua_dari: SystemTime) -> Masa<'a, usize> {
        Box::pin(async { Ok(0) })
    }
    /// Untuk log: di mana berkas disimpan.
    fn keterangan(&self) -> String;
}

/// Kunci yang sah: tepat 64 digit heksadesimal huruf kecil. Apa pun yang lain
/// (termasuk `..` atau `/`) tidak pernah menjadi jalur berkas.
pub fn kunci_sah(kunci: &str) -> bool {
    kunci.len() == 64
        && kunci
            .bytes()
            .all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f'))
}

fn kunci_salah(kunci: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!(
            "kunci bukti tidak sah: {:?}",
            kunci.chars().take(80).collect::<String>()
        ),
    )
}

/// Folder lokal: `akar/ab/cd/abcdef…` (dua tingkat agar satu folder tidak
/// berisi jutaan berkas); berkas sementara di `akar/.sementara/`.
pub struct PenyimpanLokal {
    akar: PathBuf,
}

const SEMENTARA: &str = ".sementara";

impl PenyimpanLokal {
    /// Folder dibuat saat penulisan pertama.
    pub fn baru(akar: impl Into<PathBuf>) -> Self {
        PenyimpanLokal { akar: akar.into() }
    }

    pub fn akar(&self) -> &Path {
        &self.akar
    }

    /// Jalur akhir sebuah kunci.
    pub fn jalur(&self, kunci: &str) -> io::Result<PathBuf> {
        if !kunci_sah(kunci) {
            return Err(kunci_salah(kunci));
        }
        Ok(self.akar.join(&kunci[0..2]).join(&kunci[2..4]).join(kunci))
    }

    fn simpan_sinkron(&self, kunci: &str, isi: &[u8]) -> io::Result<bool> {
        use std::io::Write;
        let akhir = self.jalur(kunci)?;
        if akhir.is_file() {
            // Isi sama (kuncinya SHA-256 isi): cukup segarkan waktunya.
            let f = std::fs::OpenOptions::new().write(true).open(&akhir)?;
            f.set_modified(SystemTime::now())?;
            return Ok(false);
        }
        let dir_sementara = self.akar.join(SEMENTARA);
        std::fs::create_dir_all(&dir_sementara)?;
        let sementara =
            dir_sementara.join(format!("{kunci}.{}.tmp", uuid::Uuid::now_v7().simple()));
        let tulis = || -> io::Result<()> {
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&sementara)?;
            f.write_all(isi)?;
            f.sync_all()?;
            drop(f);
            let induk = akhir.parent().ok_or_else(|| kunci_salah(kunci))?;
            std::fs::create_dir_all(induk)?;
            std::fs::rename(&sementara, &akhir)?;
            // Nama baru tahan mati listrik setelah foldernya disinkronkan.
            if let Ok(d) = std::fs::File::open(induk) {
                let _ = d.sync_all();
            }
            Ok(())
        };
        match tulis() {
            Ok(()) => Ok(true),
            Err(e) => {
                let _ = std::fs::remove_file(&sementara);
                Err(e)
            }
        }
    }

    fn daftar_sinkron(&self) -> io::Result<Vec<InfoBerkas>> {
        let mut hasil = Vec::new();
        let baca = |p: &Path| -> io::Result<Vec<std::fs::DirEntry>> {
            match std::fs::read_dir(p) {
                Ok(r) => r.collect(),
                Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Vec::new()),
                Err(e) => Err(e),
            }
        };
        for a in baca(&self.akar)? {
            let na = a.file_name();
            let na = na.to_string_lossy();
            if na.len() != 2 || !a.file_type()?.is_dir() {
                continue;
            }
            for b in baca(&a.path())? {
                if !b.file_type()?.is_dir() {
                    continue;
                }
                for c in baca(&b.path())? {
                    let nama = c.file_name().to_string_lossy().into_owned();
                    if kunci_sah(&nama) && c.file_type()?.is_file() {
                        let diubah = c.metadata()?.modified()?;
                        hasil.push(InfoBerkas {
                            kunci: nama,
                            diubah,
                        });
                    }
                }
            }
        }
        Ok(hasil)
    }
}

async fn blok<T: Send + 'static>(
    f: impl FnOnce() -> io::Result<T> + Send + 'static,
) -> io::Result<T> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| io::Error::other(e.to_string()))?
}

impl PenyimpanBukti for PenyimpanLokal {
    fn simpan<'a>(&'a self, kunci: &'a str, isi: &'a [u8]) -> Masa<'a, bool> {
        let diri = PenyimpanLokal {
            akar: self.akar.clone(),
        };
        let kunci = kunci.to_string();
        let isi = isi.to_vec();
        Box::pin(blok(move || diri.simpan_sinkron(&kunci, &isi)))
    }

    fn ambil<'a>(&'a self, kunci: &'a str) -> Masa<'a, Option<Vec<u8>>> {
        Box::pin(async move {
            match tokio::fs::read(self.jalur(kunci)?).await {
                Ok(isi) => Ok(Some(isi)),
                Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
                Err(e) => Err(e),
            }
        })
    }

    fn ada<'a>(&'a self, kunci: &'a str) -> Masa<'a, bool> {
        Box::pin(async move { tokio::fs::try_exists(self.jalur(kunci)?).await })
    }

    fn hapus<'a>(&'a self, kunci: &'a str, lebih_tua_dari: Option<SystemTime>) -> Masa<'a, bool> {
        Box::pin(async move {
            let p = self.jalur(kunci)?;
            if let Some(batas) = lebih_tua_dari {
                match tokio::fs::metadata(&p).await {
                    Ok(m) if m.modified()? >= batas => return Ok(false),
                    Ok(_) => {}
                    Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(false),
                    Err(e) => return Err(e),
                }
            }
            match tokio::fs::remove_file(&p).await {
                Ok(()) => Ok(true),
                Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
                Err(e) => Err(e),
            }
        })
    }

    fn daftar<'a>(&'a self) -> Masa<'a, Vec<InfoBerkas>> {
        let diri = PenyimpanLokal {
            akar: self.akar.clone(),
        };
        Box::pin(blok(move || diri.daftar_sinkron()))
    }

    fn buang_sisa<'a>(&'a self, lebih_tua_dari: SystemTime) -> Masa<'a, usize> {
        let dir = self.akar.join(SEMENTARA);
        Box::pin(blok(move || {
            let mut n = 0;
            let isi = match std::fs::read_dir(&dir) {
                Ok(r) => r,
                Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(0),
                Err(e) => return Err(e),
            };
            for e in isi {
                let e = e?;
                if e.metadata()?.modified()? < lebih_tua_dari
                    && std::fs::remove_file(e.path()).is_ok()
                {
                    n += 1;
                }
            }
            Ok(n)
        }))
    }

    fn keterangan(&self) -> String {
        format!("folder {}", self.akar.display())
    }
}

/// S3 atau yang serupa (MinIO, Garage, Ceph RGW) lewat `object_store`.
/// Kredensial dan wilayah dari lingkungan `AWS_*` (`AWS_ACCESS_KEY_ID`,
/// `AWS_SECRET_ACCESS_KEY`, `AWS_REGION`, `AWS_ENDPOINT` untuk layanan selain
/// AWS). Objek S3 muncul utuh atau tidak sama sekali, jadi penulisan tetap atomik.
#[cfg(feature = "s3")]
pub struct PenyimpanS3 {
    toko: Box<dyn object_store::ObjectStore>,
    awalan: String,
    url: String,
}

#[cfg(feature = "s3")]
impl PenyimpanS3 {
    /// `s3://ember/awalan`.
    pub fn baru(url: &str) -> io::Result<Self> {
        let sisa = url.strip_prefix("s3://").ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                "URL S3 harus s3://ember/awalan",
            )
        })?;
        let (ember, awalan) = sisa.split_once('/').unwrap_or((sisa, ""));
        let toko = object_store::aws::AmazonS3Builder::from_env()
            .with_bucket_name(ember)
            .build()
            .map_err(|e| io::Error::other(e.to_string()))?;
        Ok(PenyimpanS3 {
            toko: Box::new(toko),
            awalan: awalan.trim_matches('/').to_string(),
            url: url.to_string(),
        })
    }

    /// Dari toko yang sudah ada (mis. `object_store::memory::InMemory` untuk tes).
    pub fn dari_toko(toko: Box<dyn object_store::ObjectStore>, awalan: &str) -> Self {
        PenyimpanS3 {
            toko,
            awalan: awalan.trim_matches('/').to_string(),
            url: format!("memori://{awalan}"),
        }
    }

    fn jalur(&self, kunci: &str) -> io::Result<object_store::path::Path> {
        if !kunci_sah(kunci) {
            return Err(kunci_salah(kunci));
        }
        let relatif = format!("{}/{}/{kunci}", &kunci[0..2], &kunci[2..4]);
        Ok(if self.awalan.is_empty() {
            object_store::path::Path::from(relatif)
        } else {
            object_store::path::Path::from(format!("{}/{relatif}", self.awalan))
        })
    }
}

#[cfg(feature = "s3")]
use object_store::ObjectStoreExt;

#[cfg(feature = "s3")]
fn galat_s3(e: object_store::Error) -> io::Error {
    match e {
        object_store::Error::NotFound { .. } => {
            io::Error::new(io::ErrorKind::NotFound, e.to_string())
        }
        e => io::Error::other(e.to_string()),
    }
}

#[cfg(feature = "s3")]
impl PenyimpanBukti for PenyimpanS3 {
    fn simpan<'a>(&'a self, kunci: &'a str, isi: &'a [u8]) -> Masa<'a, bool> {
        Box::pin(async move {
            let p = self.jalur(kunci)?;
            let ada = self.ada(kunci).await?;
            // Ditulis ulang juga bila sudah ada: menyegarkan waktu ubahnya.
            self.toko
                .put(&p, object_store::PutPayload::from(isi.to_vec()))
                .await
                .map_err(galat_s3)?;
            Ok(!ada)
        })
    }

    fn ambil<'a>(&'a self, kunci: &'a str) -> Masa<'a, Option<Vec<u8>>> {
        Box::pin(async move {
            let p = self.jalur(kunci)?;
            match self.toko.get(&p).await {
                Ok(r) => Ok(Some(r.bytes().await.map_err(galat_s3)?.to_vec())),
                Err(object_store::Error::NotFound { .. }) => Ok(None),
                Err(e) => Err(galat_s3(e)),
            }
        })
    }

    fn ada<'a>(&'a self, kunci: &'a str) -> Masa<'a, bool> {
        Box::pin(async move {
            let p = self.jalur(kunci)?;
            match self.toko.head(&p).await {
                Ok(_) => Ok(true),
                Err(object_store::Error::NotFound { .. }) => Ok(false),
                Err(e) => Err(galat_s3(e)),
            }
        })
    }

    fn hapus<'a>(&'a self, kunci: &'a str, lebih_tua_dari: Option<SystemTime>) -> Masa<'a, bool> {
        Box::pin(async move {
            let p = self.jalur(kunci)?;
            match self.toko.head(&p).await {
                Ok(m) => {
                    if let Some(batas) = lebih_tua_dari {
                        if SystemTime::from(m.last_modified) >= batas {
                            return Ok(false);
                        }
                    }
                }
                Err(object_store::Error::NotFound { .. }) => return Ok(false),
                Err(e) => return Err(galat_s3(e)),
            }
            self.toko.delete(&p).await.map_err(galat_s3)?;
            Ok(true)
        })
    }

    fn daftar<'a>(&'a self) -> Masa<'a, Vec<InfoBerkas>> {
        use futures_util::StreamExt;
        Box::pin(async move {
            let awalan = (!self.awalan.is_empty())
                .then(|| object_store::path::Path::from(self.awalan.as_str()));
            let mut aliran = self.toko.list(awalan.as_ref());
            let mut hasil = Vec::new();
            while let Some(m) = aliran.next().await {
                let m = m.map_err(galat_s3)?;
                if let Some(nama) = m.location.filename() {
                    if kunci_sah(nama) {
                        hasil.push(InfoBerkas {
                            kunci: nama.to_string(),
                            diubah: SystemTime::from(m.last_modified),
                        });
                    }
                }
            }
            Ok(hasil)
        })
    }

    fn keterangan(&self) -> String {
        self.url.clone()
    }
}

/// Penyimpanan dari URL `--bukti-url`: kosong → folder `bawaan`; `file:///…`
/// atau jalur → folder itu; `s3://ember/awalan` → S3 (biner dengan fitur `s3`).
pub fn dari_url(
    url: Option<&str>,
    bawaan: &Path,
) -> Result<std::sync::Arc<dyn PenyimpanBukti>, String> {
    match url.map(str::trim).filter(|u| !u.is_empty()) {
        None => Ok(std::sync::Arc::new(PenyimpanLokal::baru(bawaan))),
        Some(u) if u.starts_with("s3://") => {
            #[cfg(feature = "s3")]
            {
                PenyimpanS3::baru(u)
                    .map(|s| std::sync::Arc::new(s) as std::sync::Arc<dyn PenyimpanBukti>)
                    .map_err(|e| format!("penyimpanan bukti {u}: {e}"))
            }
            #[cfg(not(feature = "s3"))]
            {
                Err(format!(
                    "penyimpanan bukti {u}: biner ini dibangun tanpa dukungan S3; bangun dengan `cargo build -p kinerja --features s3`"
                ))
            }
        }
        Some(u) if u.contains("://") && !u.starts_with("file://") => Err(format!(
            "URL penyimpanan bukti tidak dikenal: {u} (pakai jalur folder, file:///… atau s3://ember/awalan)"
        )),
        Some(u) => Ok(std::sync::Arc::new(PenyimpanLokal::baru(
            u.strip_prefix("file://").unwrap_or(u),
        ))),
    }
}

#[cfg(test)]
mod tes {
    use super::*;

    async fn sifat_dasar(p: &dyn PenyimpanBukti) {
        let k = "ab".repeat(32);
        assert!(!p.ada(&k).await.unwrap());
        assert_eq!(p.ambil(&k).await.unwrap(), None);
        assert!(p.simpan(&k, b"isi").await.unwrap(), "baru");
        assert!(!p.simpan(&k, b"isi").await.unwrap(), "sudah ada");
        assert_eq!(p.ambil(&k).await.unwrap().as_deref(), Some(&b"isi"[..]));
        let d = p.daftar().await.unwrap();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].kunci, k);
        // Baru saja disegarkan: tidak lebih tua dari satu jam lalu.
        let jam_lalu = SystemTime::now() - std::time::Duration::from_secs(3600);
        assert!(!p.hapus(&k, Some(jam_lalu)).await.unwrap());
        assert!(p.hapus(&k, None).await.unwrap());
        assert!(!p.ada(&k).await.unwrap());
        assert!(p.simpan("../../etc/passwd", b"x").await.is_err());
        assert!(
            p.ambil(&"AB".repeat(32)).await.is_err(),
            "huruf besar bukan kunci"
        );
    }

    #[tokio::test]
    async fn lokal() {
        let dir = std::env::temp_dir().join(format!("kinerja-penyimpan-{}", store::id_baru()));
        sifat_dasar(&PenyimpanLokal::baru(&dir)).await;
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[cfg(feature = "s3")]
    #[tokio::test]
    async fn s3_di_memori() {
        let toko = Box::new(object_store::memory::InMemory::new());
        sifat_dasar(&PenyimpanS3::dari_toko(toko, "kinerja/bukti")).await;
    }

    #[test]
    fn url_penyimpanan() {
        let bawaan = Path::new("/tmp/x");
        assert!(
            dari_url(None, bawaan)
                .unwrap()
                .keterangan()
                .contains("/tmp/x")
        );
        assert!(
            dari_url(Some("file:///srv/bukti"), bawaan)
                .unwrap()
                .keterangan()
                .contains("/srv/bukti")
        );
        assert!(dari_url(Some("ftp://x"), bawaan).is_err());
        #[cfg(not(feature = "s3"))]
        assert!(
            dari_url(Some("s3://ember/a"), bawaan)
                .err()
                .is_some_and(|e| e.contains("--features s3"))
        );
    }
}
