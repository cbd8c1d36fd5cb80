//! Notifikasi dalam aplikasi dan surel.
//!
//! Notifikasi ditulis langsung ke tabel `notifikasi`; surelnya (bila pengguna
//! punya alamat lewat data pegawainya) dikirim oleh tugas latar `kirim_surel`,
//! sehingga SMTP yang lambat tidak pernah menahan permintaan, dan dicoba lagi
//! bila gagal. Tanpa SMTP (`--smtp-url`), surel ditulis sebagai berkas `.eml`
//! di `DATA_DIR/outbox` (demo tanpa jaringan); nama berkasnya id tugas,
//! sehingga percobaan ulang menimpa, tidak menggandakan.

use crate::tugas::{GalatTugas, JENIS_SUREL, TugasBaru};
use crate::{Galat, Hasil, Konteks, Layanan};
use serde_json::{Value, json};
use store::notifikasi::Notifikasi;

/// Notifikasi yang hendak dikirim sistem kepada satu pengguna.
#[derive(Clone, Debug)]
pub struct NotifikasiBaru {
    pub instansi_id: String,
    pub pengguna_id: String,
    pub judul: String,
    pub isi: String,
    /// Jalur lokal di aplikasi (mis. `/tugas/…`).
    pub tautan: Option<String>,
}

/// Surel dapat dikirim: SMTP diatur, atau ada folder outbox.
pub fn surel_aktif(l: &Layanan) -> bool {
    l.konfigurasi.smtp_url.is_some() || l.konfigurasi.outbox.is_some()
}

/// Menyimpan notifikasi dan, bila pengguna punya alamat surel, mengantre
/// surelnya. Dipanggil oleh sistem (tugas, alur kerja), bukan oleh pengguna.
pub async fn kirim(l: &Layanan, n: NotifikasiBaru) -> Hasil<Notifikasi> {
    let baris = Notifikasi {
        instansi_id: n.instansi_id.clone(),
        id: store::id_baru(),
        pengguna_id: n.pengguna_id.clone(),
        judul: n.judul.chars().take(200).collect(),
        isi: n.isi.chars().take(4000).collect(),
        tautan: n
            .tautan
            .clone()
            .filter(|t| t.starts_with('/') && !t.starts_with("//")),
        dibuat_pada: store::sekarang(),
        dibaca_pada: None,
    };
    let mut tx = l.db.mulai().await?;
    store::notifikasi::sisipkan(&mut tx, &baris).await?;
    tx.commit().await?;
    if surel_aktif(l)
        && let Some(alamat) = alamat_surel(l, &n.instansi_id, &n.pengguna_id).await?
    {
        let mut isi = baris.isi.clone();
        if let Some(t) = &baris.tautan {
            isi.push_str(&format!("\n\n{t}"));
        }
        antre_surel(
            l,
            &alamat,
            &baris.judul,
            &isi,
            Some(format!("surel:notifikasi:{}", baris.id)),
        )
        .await?;
    }
    Ok(baris)
}

/// Banyak notifikasi sekaligus (mis. hasil satu tahap kompetisi untuk ribuan
/// peserta): satu transaksi untuk semua baris; surelnya diantre seperti
/// [`kirim`].
pub async fn kirim_banyak(l: &Layanan, daftar: Vec<NotifikasiBaru>) -> Hasil<usize> {
    let w = store::sekarang();
    let baris: Vec<Notifikasi> = daftar
        .iter()
        .map(|n| Notifikasi {
            instansi_id: n.instansi_id.clone(),
            id: store::id_baru(),
            pengguna_id: n.pengguna_id.clone(),
            judul: n.judul.chars().take(200).collect(),
            isi: n.isi.chars().take(4000).collect(),
            tautan: n
                .tautan
                .clone()
                .filter(|t| t.starts_with('/') && !t.starts_with("//")),
            dibuat_pada: w.clone(),
            dibaca_pada: None,
        })
        .collect();
    let mut tx = l.db.mulai().await?;
    store::notifikasi::sisipkan_banyak(&mut tx, &baris).await?;
    tx.commit().await?;
    if surel_aktif(l) {
        for b in &baris {
            if let Some(alamat) = alamat_surel(l, &b.instansi_id, &b.pengguna_id).await? {
                let mut isi = b.isi.clone();
                if let Some(t) = &b.tautan {
                    isi.push_str(&format!("\n\n{t}"));
                }
                antre_surel(
                    l,
                    &alamat,
                    &b.judul,
                    &isi,
                    Some(format!("surel:notifikasi:{}", b.id)),
                )
                .await?;
            }
        }
    }
    Ok(baris.len())
}

/// Alamat surel pengguna dari data pegawainya, bila ada.
pub(crate) async fn alamat_surel(
    l: &Layanan,
    instansi_id: &str,
    pengguna_id: &str,
) -> Hasil<Option<String>> {
    let Some(p) = store::akun::pengguna(l.pool(), instansi_id, pengguna_id).await? else {
        return Ok(None);
    };
    let Some(pid) = p.pegawai_id else {
        return Ok(None);
    };
    Ok(store::organisasi::pegawai(l.pool(), instansi_id, &pid)
        .await?
        .and_then(|g| g.email)
        .filter(|e| e.contains('@')))
}

/// Mengantre satu surel (tugas `kirim_surel`, 8 percobaan).
pub async fn antre_surel(
    l: &Layanan,
    kepada: &str,
    subjek: &str,
    isi: &str,
    kunci: Option<String>,
) -> Hasil<store::tugas::Tugas> {
    let b = TugasBaru {
        kunci,
        maks_percobaan: 8,
        ..TugasBaru::baru(
            JENIS_SUREL,
            json!({ "kepada": kepada, "subjek": subjek, "isi": isi }),
        )
    };
    Ok(crate::tugas::antre(l, b, None).await?.0)
}

/// Pekerjaan `kirim_surel`: lewat SMTP, atau berkas `.eml` di outbox.
pub(crate) async fn kirim_surel(
    l: &Layanan,
    tugas_id: &str,
    m: &Value,
) -> Result<Value, GalatTugas> {
    let teks = |k: &str| m[k].as_str().unwrap_or_default().to_string();
    kirim_pesan(l, tugas_id, &teks("kepada"), &teks("subjek"), &teks("isi")).await
}

/// Mengirim satu surel dari dalam tugas latar `tugas_id` (nama berkas .eml di
/// outbox, sehingga percobaan ulang menimpa): lewat SMTP, atau outbox. Untuk
/// surel yang isinya tidak boleh tersimpan di muatan tugas (tautan atur ulang
/// sandi), tugasnya menyusun isi lalu memanggil ini.
pub(crate) async fn kirim_pesan(
    l: &Layanan,
    tugas_id: &str,
    kepada: &str,
    subjek: &str,
    isi: &str,
) -> Result<Value, GalatTugas> {
    use lettre::message::header::ContentType;
    let dari = l
        .konfigurasi
        .surel_dari
        .parse()
        .map_err(|e| GalatTugas::tetap(format!("alamat pengirim salah: {e}")))?;
    let kepada = kepada
        .parse()
        .map_err(|e| GalatTugas::tetap(format!("alamat tujuan salah: {e}")))?;
    let pesan = lettre::Message::builder()
        .from(dari)
        .to(kepada)
        .subject(subjek)
        .header(ContentType::TEXT_PLAIN)
        .body(isi.to_string())
        .map_err(|e| GalatTugas::tetap(format!("surel tidak dapat disusun: {e}")))?;
    if let Some(url) = &l.konfigurasi.smtp_url {
        use lettre::AsyncTransport;
        let pengirim = lettre::AsyncSmtpTransport::<lettre::Tokio1Executor>::from_url(url)
            .map_err(|e| GalatTugas::tetap(format!("URL SMTP salah: {e}")))?
            .timeout(Some(std::time::Duration::from_secs(30)))
            .build();
        let r = pengirim
            .send(pesan)
            .await
            .map_err(|e| GalatTugas::ulang(format!("SMTP: {e}")))?;
        return Ok(json!({ "lewat": "smtp", "kode": r.code().to_string() }));
    }
    let Some(dir) = &l.konfigurasi.outbox else {
        return Err(GalatTugas::tetap(
            "surel tidak dikonfigurasi (tanpa SMTP dan outbox)",
        ));
    };
    let berkas = dir.join(format!("{tugas_id}.eml"));
    let sementara = dir.join(format!(".{tugas_id}.eml.tmp"));
    let isi = pesan.formatted();
    let (d, b, s) = (dir.clone(), berkas.clone(), sementara.clone());
    tokio::task::spawn_blocking(move || {
        std::fs::create_dir_all(&d)?;
        std::fs::write(&s, &isi)?;
        std::fs::rename(&s, &b)
    })
    .await
    .map_err(|e| GalatTugas::ulang(e.to_string()))?
    .map_err(|e| GalatTugas::ulang(format!("tidak dapat menulis {}: {e}", berkas.display())))?;
    Ok(
        json!({ "lewat": "outbox", "berkas": berkas.file_name().map(|n| n.to_string_lossy().into_owned()) }),
    )
}

/// Pekerjaan `pengingat_harian`: sekali per slot (tanggal WIB). Saat ini
/// menghitung notifikasi yang belum dibaca; pengingat tenggat (SKP, rencana)
/// menyusul di sini.
pub(crate) async fn pengingat_harian(l: &Layanan, m: &Value) -> Result<Value, GalatTugas> {
    let n = store::notifikasi::jumlah_belum_dibaca_semua(l.pool()).await?;
    Ok(json!({ "slot": m["slot"], "notifikasi_belum_dibaca": n }))
}

/// Notifikasi terbaru milik aktor.
pub async fn daftar(l: &Layanan, k: &Konteks) -> Hasil<Vec<Notifikasi>> {
    let a = k.aktor()?;
    Ok(store::notifikasi::daftar(l.pool(), &a.instansi_id, &a.pengguna_id, 100).await?)
}

/// Jumlah notifikasi aktor yang belum dibaca (lonceng di kepala halaman).
pub async fn jumlah_belum_dibaca(l: &Layanan, k: &Konteks) -> Hasil<i64> {
    let a = k.aktor()?;
    Ok(store::notifikasi::jumlah_belum_dibaca(l.pool(), &a.instansi_id, &a.pengguna_id).await?)
}

/// Menandai satu notifikasi milik aktor (atau semuanya, `id` None) sebagai dibaca.
pub async fn tandai_dibaca(l: &Layanan, k: &Konteks, id: Option<&str>) -> Hasil<()> {
    let a = k.aktor()?;
    if let Some(id) = id
        && !store::notifikasi::ada(l.pool(), &a.instansi_id, &a.pengguna_id, id).await?
    {
        return Err(Galat::TidakDitemukan(
            k.t("Notifikasi tidak ditemukan.", "Notification not found.")
                .into(),
        ));
    }
    store::notifikasi::tandai_dibaca(
        l.pool(),
        &a.instansi_id,
        &a.pengguna_id,
        id,
        &store::sekarang(),
    )
    .await?;
    Ok(())
}
