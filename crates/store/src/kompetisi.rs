//! Kompetisi inovasi (KIPP) dan putaran pemantauan (PKRI), isu 12: kompetisi,
//! kelompok, tahap dan rubriknya, entri, juri dan konfliknya, penilaian
//! (penugasan + nilai), hasil per tahap. Migrasi 0060.

use crate::{Backend, Hasil, Koneksi};
use serde::{Deserialize, Serialize};
use sqlx::any::AnyArguments;
use sqlx::{AnyPool, Arguments};

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct Kompetisi {
    pub id: String,
    /// Instansi penyelenggara.
    pub instansi_id: String,
    pub nama: String,
    pub tahun: i64,
    /// `kompetisi` (KIPP) atau `pemantauan` (PKRI: keberlanjutan dan replikasi).
    pub jenis: String,
    /// Tanggal acuan kelayakan (mis. akhir pendaftaran): inovasi diterapkan
    /// paling lambat setahun sebelumnya.
    pub tanggal_acuan: String,
    /// `draf`, `berjalan`, `selesai`.
    pub status: String,
    pub deskripsi: String,
    pub versi: i64,
    pub dibuat_pada: String,
    pub diubah_pada: String,
}

const KOLOM_KOMPETISI: &str = "id, instansi_id, nama, tahun, jenis, tanggal_acuan, status, deskripsi, versi, dibuat_pada, diubah_pada";

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
#[schema(as = KelompokKompetisi)]
pub struct Kelompok {
    pub kompetisi_id: String,
    pub kode: String,
    pub nama: String,
    /// `umum`, `replikasi`, `khusus`, `bebas` (aturan kelayakan, rules::inovasi).
    pub aturan: String,
    pub urutan: i64,
}

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
#[schema(as = TahapKompetisi)]
pub struct Tahap {
    pub kompetisi_id: String,
    pub urutan: i64,
    /// `pendaftaran`, `seleksi`, `penilaian`, `penetapan`.
    pub jenis: String,
    pub nama: String,
    pub mulai: String,
    pub selesai: String,
    /// `menunggu`, `buka`, `ditutup`.
    pub status: String,
    /// Banyak entri yang lolos per kelompok (potongan Top N).
    pub n_lolos: Option<i64>,
    /// Nilai minimum untuk lolos (desimal sebagai teks).
    pub nilai_minimum: Option<String>,
    /// Juri paling sedikit per entri.
    pub min_juri: i64,
    /// Label penghargaan bagi yang lolos tahap ini (mis. "Top 99").
    pub penghargaan: Option<String>,
    /// `top99` atau `top`.
    pub tingkat_penghargaan: Option<String>,
    pub diumumkan_pada: Option<String>,
    pub versi: i64,
}

const KOLOM_TAHAP: &str = "kompetisi_id, urutan, jenis, nama, mulai, selesai, status, n_lolos, nilai_minimum, min_juri, penghargaan, tingkat_penghargaan, diumumkan_pada, versi";

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
#[schema(as = KriteriaTahap)]
pub struct Kriteria {
    pub kompetisi_id: String,
    pub tahap: i64,
    pub kode: String,
    pub nama: String,
    /// Bobot (desimal sebagai teks; jumlah per tahap 100).
    pub bobot: String,
    pub urutan: i64,
}

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
#[schema(as = EntriKompetisi)]
pub struct Entri {
    pub id: String,
    pub kompetisi_id: String,
    pub kelompok: String,
    /// Instansi peserta.
    pub instansi_id: String,
    pub kode_wilayah: Option<String>,
    pub judul: String,
    /// Judul dinormalkan (huruf kecil, spasi tunggal): satu judul satu proposal.
    #[serde(skip)]
    pub judul_kunci: String,
    /// Inovasi di repositori (halaman pemenang, atau inovasi lama yang dipantau).
    pub inovasi_id: Option<String>,
    /// Kelompok replikasi: inovasi pemenang terdahulu yang diadaptasi.
    pub asal_inovasi_id: Option<String>,
    pub tanggal_implementasi: Option<String>,
    /// Isi per bagian sebagai objek JSON `{"latar_belakang": "…", …}`.
    pub isi: String,
    pub video_url: Option<String>,
    /// Pernyataan bersedia direplikasi.
    pub boleh_direplikasi: i64,
    /// `draf`, `diajukan`, `ditarik`.
    pub status: String,
    /// Tahap terjauh yang dicapai (urutan).
    pub tahap: i64,
    pub diajukan_pada: Option<String>,
    pub pembuat_id: String,
    pub versi: i64,
    pub dibuat_pada: String,
    pub diubah_pada: String,
}

const KOLOM_ENTRI: &str = "id, kompetisi_id, kelompok, instansi_id, kode_wilayah, judul, judul_kunci, inovasi_id, asal_inovasi_id, tanggal_implementasi, isi, video_url, boleh_direplikasi, status, tahap, diajukan_pada, pembuat_id, versi, dibuat_pada, diubah_pada";
const JUMLAH_KOLOM_ENTRI: usize = 20;

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
#[schema(as = JuriKompetisi)]
pub struct Juri {
    pub kompetisi_id: String,
    /// Instansi akun juri (juri eksternal: akun di instansi penyelenggara).
    pub pengguna_instansi_id: String,
    pub pengguna_id: String,
    pub nama: String,
    /// Perguruan tinggi, K/L, atau lembaga asal.
    pub afiliasi: String,
    /// Instansi asal bila juri ASN instansi peserta mana pun; None = eksternal.
    pub instansi_asal_id: Option<String>,
    pub wilayah_asal: Option<String>,
    pub dibuat_pada: String,
    /// Tahap penilaian yang dilayani (urutan dipisah koma); None = semua.
    pub tahap: Option<String>,
}

impl Juri {
    /// Juri ini melayani tahap `urutan`.
    pub fn melayani(&self, urutan: i64) -> bool {
        match &self.tahap {
            None => true,
            Some(t) => t
                .split(',')
                .any(|x| x.trim().parse::<i64>().ok() == Some(urutan)),
        }
    }
}

const KOLOM_JURI: &str = "kompetisi_id, pengguna_instansi_id, pengguna_id, nama, afiliasi, instansi_asal_id, wilayah_asal, dibuat_pada, tahap";

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct Konflik {
    pub kompetisi_id: String,
    pub pengguna_id: String,
    pub entri_id: String,
    pub alasan: String,
    pub dibuat_pada: String,
}

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
#[schema(as = PenilaianEntri)]
pub struct Penilaian {
    pub kompetisi_id: String,
    pub tahap: i64,
    pub entri_id: String,
    pub juri_id: String,
    /// Objek JSON `{"kode": "85"}`; None = belum menilai.
    pub skor: Option<String>,
    pub catatan: Option<String>,
    pub dinilai_pada: Option<String>,
    pub versi: i64,
    pub dibuat_pada: String,
}

const KOLOM_PENILAIAN: &str =
    "kompetisi_id, tahap, entri_id, juri_id, skor, catatan, dinilai_pada, versi, dibuat_pada";

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct HasilTahap {
    pub kompetisi_id: String,
    pub tahap: i64,
    pub entri_id: String,
    /// `lolos`, `tidak_lolos`, `seri` (menunggu keputusan penyelenggara).
    pub keputusan: String,
    pub nilai: Option<String>,
    pub urutan: Option<i64>,
    /// Alasan (seleksi administrasi: dilihat peserta; keputusan seri: wajib).
    pub alasan: Option<String>,
    pub diputuskan_oleh: String,
    pub diputuskan_pada: String,
}

const KOLOM_HASIL: &str = "kompetisi_id, tahap, entri_id, keputusan, nilai, urutan, alasan, diputuskan_oleh, diputuskan_pada";

// ---------- kompetisi, kelompok, tahap, kriteria ----------

pub async fn sisipkan_kompetisi(k: &mut Koneksi, x: &Kompetisi) -> Hasil<()> {
    sqlx::query(sqlf!(
        "INSERT INTO kompetisi ({KOLOM_KOMPETISI}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
    ))
    .bind(&x.id)
    .bind(&x.instansi_id)
    .bind(&x.nama)
    .bind(x.tahun)
    .bind(&x.jenis)
    .bind(&x.tanggal_acuan)
    .bind(&x.status)
    .bind(&x.deskripsi)
    .bind(x.versi)
    .bind(&x.dibuat_pada)
    .bind(&x.diubah_pada)
    .execute(k)
    .await?;
    Ok(())
}

pub async fn ubah_status_kompetisi(k: &mut Koneksi, id: &str, status: &str, w: &str) -> Hasil<()> {
    sqlx::query(
        "UPDATE kompetisi SET status = $1, versi = versi + 1, diubah_pada = $2 WHERE id = $3",
    )
    .bind(status)
    .bind(w)
    .bind(id)
    .execute(k)
    .await?;
    Ok(())
}

pub async fn kompetisi(pool: &AnyPool, id: &str) -> Hasil<Option<Kompetisi>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_KOMPETISI} FROM kompetisi WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(pool)
    .await?)
}

/// Semua kompetisi, terbaru dulu (puluhan baris).
pub async fn daftar_kompetisi(pool: &AnyPool) -> Hasil<Vec<Kompetisi>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_KOMPETISI} FROM kompetisi ORDER BY tahun DESC, dibuat_pada DESC"
    ))
    .fetch_all(pool)
    .await?)
}

pub async fn sisipkan_kelompok(k: &mut Koneksi, g: &Kelompok) -> Hasil<()> {
    sqlx::query(
        "INSERT INTO kelompok_kompetisi (kompetisi_id, kode, nama, aturan, urutan) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(&g.kompetisi_id)
    .bind(&g.kode)
    .bind(&g.nama)
    .bind(&g.aturan)
    .bind(g.urutan)
    .execute(k)
    .await?;
    Ok(())
}

pub async fn kelompok(pool: &AnyPool, kompetisi_id: &str) -> Hasil<Vec<Kelompok>> {
    Ok(sqlx::query_as(
        "SELECT kompetisi_id, kode, nama, aturan, urutan FROM kelompok_kompetisi WHERE kompetisi_id = $1 ORDER BY urutan",
    )
    .bind(kompetisi_id)
    .fetch_all(pool)
    .await?)
}

pub async fn sisipkan_tahap(k: &mut Koneksi, t: &Tahap) -> Hasil<()> {
    sqlx::query(sqlf!(
        "INSERT INTO tahap_kompetisi ({KOLOM_TAHAP}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)"
    ))
    .bind(&t.kompetisi_id)
    .bind(t.urutan)
    .bind(&t.jenis)
    .bind(&t.nama)
    .bind(&t.mulai)
    .bind(&t.selesai)
    .bind(&t.status)
    .bind(t.n_lolos)
    .bind(&t.nilai_minimum)
    .bind(t.min_juri)
    .bind(&t.penghargaan)
    .bind(&t.tingkat_penghargaan)
    .bind(&t.diumumkan_pada)
    .bind(t.versi)
    .execute(k)
    .await?;
    Ok(())
}

/// Menulis ulang pengaturan satu tahap bila versinya masih `versi_lama`.
pub async fn ubah_tahap(k: &mut Koneksi, t: &Tahap, versi_lama: i64) -> Hasil<bool> {
    let r = sqlx::query(
        "UPDATE tahap_kompetisi SET nama = $1, mulai = $2, selesai = $3, status = $4, n_lolos = $5, \
         nilai_minimum = $6, min_juri = $7, penghargaan = $8, tingkat_penghargaan = $9, diumumkan_pada = $10, \
         versi = $11 WHERE kompetisi_id = $12 AND urutan = $13 AND versi = $14",
    )
    .bind(&t.nama)
    .bind(&t.mulai)
    .bind(&t.selesai)
    .bind(&t.status)
    .bind(t.n_lolos)
    .bind(&t.nilai_minimum)
    .bind(t.min_juri)
    .bind(&t.penghargaan)
    .bind(&t.tingkat_penghargaan)
    .bind(&t.diumumkan_pada)
    .bind(t.versi)
    .bind(&t.kompetisi_id)
    .bind(t.urutan)
    .bind(versi_lama)
    .execute(k)
    .await?;
    Ok(r.rows_affected() == 1)
}

pub async fn tahap(pool: &AnyPool, kompetisi_id: &str) -> Hasil<Vec<Tahap>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_TAHAP} FROM tahap_kompetisi WHERE kompetisi_id = $1 ORDER BY urutan"
    ))
    .bind(kompetisi_id)
    .fetch_all(pool)
    .await?)
}

pub async fn ganti_kriteria(
    k: &mut Koneksi,
    kompetisi_id: &str,
    tahap: i64,
    daftar: &[Kriteria],
) -> Hasil<()> {
    sqlx::query("DELETE FROM kriteria_tahap WHERE kompetisi_id = $1 AND tahap = $2")
        .bind(kompetisi_id)
        .bind(tahap)
        .execute(&mut *k)
        .await?;
    for c in daftar {
        sqlx::query(
            "INSERT INTO kriteria_tahap (kompetisi_id, tahap, kode, nama, bobot, urutan) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&c.kompetisi_id)
        .bind(c.tahap)
        .bind(&c.kode)
        .bind(&c.nama)
        .bind(&c.bobot)
        .bind(c.urutan)
        .execute(&mut *k)
        .await?;
    }
    Ok(())
}

pub async fn kriteria(pool: &AnyPool, kompetisi_id: &str) -> Hasil<Vec<Kriteria>> {
    Ok(sqlx::query_as(
        "SELECT kompetisi_id, tahap, kode, nama, bobot, urutan FROM kriteria_tahap WHERE kompetisi_id = $1 ORDER BY tahap, urutan",
    )
    .bind(kompetisi_id)
    .fetch_all(pool)
    .await?)
}

// ---------- entri ----------

fn ikat_entri(mut a: AnyArguments, e: &Entri) -> AnyArguments {
    let _ = a.add(e.id.clone());
    let _ = a.add(e.kompetisi_id.clone());
    let _ = a.add(e.kelompok.clone());
    let _ = a.add(e.instansi_id.clone());
    let _ = a.add(e.kode_wilayah.clone());
    let _ = a.add(e.judul.clone());
    let _ = a.add(e.judul_kunci.clone());
    let _ = a.add(e.inovasi_id.clone());
    let _ = a.add(e.asal_inovasi_id.clone());
    let _ = a.add(e.tanggal_implementasi.clone());
    let _ = a.add(e.isi.clone());
    let _ = a.add(e.video_url.clone());
    let _ = a.add(e.boleh_direplikasi);
    let _ = a.add(e.status.clone());
    let _ = a.add(e.tahap);
    let _ = a.add(e.diajukan_pada.clone());
    let _ = a.add(e.pembuat_id.clone());
    let _ = a.add(e.versi);
    let _ = a.add(e.dibuat_pada.clone());
    let _ = a.add(e.diubah_pada.clone());
    a
}

/// Banyak entri sekaligus (demo dan tolok ukur 3.500 entri).
pub async fn sisipkan_entri_banyak(k: &mut Koneksi, daftar: &[Entri]) -> Hasil<()> {
    let per = Backend::dari_koneksi(k).baris_per_sisip(JUMLAH_KOLOM_ENTRI);
    for potong in daftar.chunks(per) {
        let mut a = AnyArguments::default();
        for e in potong {
            a = ikat_entri(a, e);
        }
        let nilai = crate::nilai_banyak(potong.len(), JUMLAH_KOLOM_ENTRI);
        sqlx::query_with(
            sqlf!("INSERT INTO entri_kompetisi ({KOLOM_ENTRI}) VALUES {nilai}"),
            a,
        )
        .execute(&mut *k)
        .await?;
    }
    Ok(())
}

pub async fn sisipkan_entri(k: &mut Koneksi, e: &Entri) -> Hasil<()> {
    sisipkan_entri_banyak(k, std::slice::from_ref(e)).await
}

/// Menulis ulang satu entri bila versinya masih `versi_lama` (false: 409).
pub async fn ubah_entri(k: &mut Koneksi, e: &Entri, versi_lama: i64) -> Hasil<bool> {
    let r = sqlx::query(
        "UPDATE entri_kompetisi SET kelompok = $1, judul = $2, judul_kunci = $3, inovasi_id = $4, \
         asal_inovasi_id = $5, tanggal_implementasi = $6, isi = $7, video_url = $8, boleh_direplikasi = $9, \
         status = $10, tahap = $11, diajukan_pada = $12, versi = $13, diubah_pada = $14 \
         WHERE id = $15 AND versi = $16",
    )
    .bind(&e.kelompok)
    .bind(&e.judul)
    .bind(&e.judul_kunci)
    .bind(&e.inovasi_id)
    .bind(&e.asal_inovasi_id)
    .bind(&e.tanggal_implementasi)
    .bind(&e.isi)
    .bind(&e.video_url)
    .bind(e.boleh_direplikasi)
    .bind(&e.status)
    .bind(e.tahap)
    .bind(&e.diajukan_pada)
    .bind(e.versi)
    .bind(&e.diubah_pada)
    .bind(&e.id)
    .bind(versi_lama)
    .execute(k)
    .await?;
    Ok(r.rows_affected() == 1)
}

pub async fn entri(pool: &AnyPool, id: &str) -> Hasil<Option<Entri>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_ENTRI} FROM entri_kompetisi WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(pool)
    .await?)
}

/// Entri satu instansi peserta di satu kompetisi (atau semua kompetisi).
pub async fn entri_instansi(
    pool: &AnyPool,
    instansi_id: &str,
    kompetisi_id: Option<&str>,
) -> Hasil<Vec<Entri>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_ENTRI} FROM entri_kompetisi WHERE instansi_id = $1 AND ($2 IS NULL OR kompetisi_id = $2) \
         ORDER BY dibuat_pada DESC"
    ))
    .bind(instansi_id)
    .bind(kompetisi_id)
    .fetch_all(pool)
    .await?)
}

/// Ringkasan entri untuk daftar penyelenggara (tanpa isi panjang).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct RingkasEntri {
    pub id: String,
    pub kelompok: String,
    pub instansi_id: String,
    pub instansi: String,
    pub kode_wilayah: Option<String>,
    pub judul: String,
    pub status: String,
    pub tahap: i64,
    pub diajukan_pada: Option<String>,
    /// Halaman repositori (pemenang yang sudah diumumkan).
    pub inovasi_id: Option<String>,
}

/// Entri sebuah kompetisi yang sudah diajukan (penyelenggara), satu kelompok
/// atau semua, urut instansi lalu judul.
pub async fn entri_kompetisi(
    pool: &AnyPool,
    kompetisi_id: &str,
    hanya_diajukan: bool,
) -> Hasil<Vec<RingkasEntri>> {
    let mut a = AnyArguments::default();
    let _ = a.add(kompetisi_id.to_string());
    let saring = if hanya_diajukan {
        "AND e.status = 'diajukan'"
    } else {
        ""
    };
    crate::semua_sebagai_json(
        pool,
        "id, kelompok, instansi_id, instansi, kode_wilayah, judul, status, tahap, diajukan_pada, inovasi_id",
        &format!(
            "FROM (SELECT e.id, e.kelompok, e.instansi_id, n.nama AS instansi, e.kode_wilayah, e.judul, e.status, \
             e.tahap, e.diajukan_pada, e.inovasi_id FROM entri_kompetisi e JOIN instansi n ON n.id = e.instansi_id \
             WHERE e.kompetisi_id = $1 {saring}) x"
        ),
        "t.instansi, t.judul, t.id",
        a,
    )
    .await
}

/// Entri yang sudah diajukan dan mencapai tahap `tahap` (urutan), untuk
/// penugasan juri dan pemeringkatan.
pub async fn entri_di_tahap(pool: &AnyPool, kompetisi_id: &str, tahap: i64) -> Hasil<Vec<Entri>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_ENTRI} FROM entri_kompetisi WHERE kompetisi_id = $1 AND status = 'diajukan' AND tahap >= $2 ORDER BY id"
    ))
    .bind(kompetisi_id)
    .bind(tahap)
    .fetch_all(pool)
    .await?)
}

/// Entri `ids` (yang lolos tahap `dari`) naik ke tahap `ke`. Daftar id
/// eksplisit, dipotong per 200, agar rencana kueri tidak bergantung pada
/// statistik tabel yang baru dimuat (PK langsung).
pub async fn naikkan_tahap(
    k: &mut Koneksi,
    kompetisi_id: &str,
    dari: i64,
    ke: i64,
    ids: &[String],
    w: &str,
) -> Hasil<u64> {
    let mut n = 0;
    for potong in ids.chunks(200) {
        let mut a = AnyArguments::default();
        let _ = a.add(ke);
        let _ = a.add(w.to_string());
        let _ = a.add(kompetisi_id.to_string());
        let _ = a.add(dari);
        let mut daftar = Vec::with_capacity(potong.len());
        for (i, id) in potong.iter().enumerate() {
            let _ = a.add(id.clone());
            daftar.push(format!("${}", i + 5));
        }
        let r = sqlx::query_with(
            sqlf!(
                "UPDATE entri_kompetisi SET tahap = $1, versi = versi + 1, diubah_pada = $2 \
                 WHERE kompetisi_id = $3 AND status = 'diajukan' AND tahap = $4 AND id IN ({})",
                daftar.join(", ")
            ),
            a,
        )
        .execute(&mut *k)
        .await?;
        n += r.rows_affected();
    }
    Ok(n)
}

/// Banyak entri lain yang sudah diajukan dengan judul yang sama (KIPP:
/// satu judul, satu proposal).
pub async fn entri_judul_sama(
    pool: &AnyPool,
    kompetisi_id: &str,
    judul_kunci: &str,
    kecuali: &str,
) -> Hasil<i64> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM entri_kompetisi WHERE kompetisi_id = $1 AND judul_kunci = $2 AND id <> $3 AND status = 'diajukan'",
    )
    .bind(kompetisi_id)
    .bind(judul_kunci)
    .bind(kecuali)
    .fetch_one(pool)
    .await?;
    Ok(n)
}

// ---------- juri dan konflik ----------

pub async fn sisipkan_juri(k: &mut Koneksi, j: &Juri) -> Hasil<()> {
    sqlx::query(sqlf!(
        "INSERT INTO juri_kompetisi ({KOLOM_JURI}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
    ))
    .bind(&j.kompetisi_id)
    .bind(&j.pengguna_instansi_id)
    .bind(&j.pengguna_id)
    .bind(&j.nama)
    .bind(&j.afiliasi)
    .bind(&j.instansi_asal_id)
    .bind(&j.wilayah_asal)
    .bind(&j.dibuat_pada)
    .bind(&j.tahap)
    .execute(k)
    .await?;
    Ok(())
}

pub async fn juri(pool: &AnyPool, kompetisi_id: &str) -> Hasil<Vec<Juri>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_JURI} FROM juri_kompetisi WHERE kompetisi_id = $1 ORDER BY nama, pengguna_id"
    ))
    .bind(kompetisi_id)
    .fetch_all(pool)
    .await?)
}

pub async fn satu_juri(
    pool: &AnyPool,
    kompetisi_id: &str,
    pengguna_id: &str,
) -> Hasil<Option<Juri>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_JURI} FROM juri_kompetisi WHERE kompetisi_id = $1 AND pengguna_id = $2"
    ))
    .bind(kompetisi_id)
    .bind(pengguna_id)
    .fetch_optional(pool)
    .await?)
}

/// Kompetisi tempat seorang pengguna menjadi juri.
pub async fn kompetisi_juri(pool: &AnyPool, pengguna_id: &str) -> Hasil<Vec<String>> {
    let b: Vec<(String,)> =
        sqlx::query_as("SELECT kompetisi_id FROM juri_kompetisi WHERE pengguna_id = $1")
            .bind(pengguna_id)
            .fetch_all(pool)
            .await?;
    Ok(b.into_iter().map(|(x,)| x).collect())
}

pub async fn sisipkan_konflik(k: &mut Koneksi, c: &Konflik) -> Hasil<()> {
    sqlx::query(
        "INSERT INTO konflik_juri (kompetisi_id, pengguna_id, entri_id, alasan, dibuat_pada) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (kompetisi_id, pengguna_id, entri_id) DO UPDATE SET alasan = excluded.alasan",
    )
    .bind(&c.kompetisi_id)
    .bind(&c.pengguna_id)
    .bind(&c.entri_id)
    .bind(&c.alasan)
    .bind(&c.dibuat_pada)
    .execute(k)
    .await?;
    Ok(())
}

pub async fn konflik(pool: &AnyPool, kompetisi_id: &str) -> Hasil<Vec<Konflik>> {
    Ok(sqlx::query_as(
        "SELECT kompetisi_id, pengguna_id, entri_id, alasan, dibuat_pada FROM konflik_juri WHERE kompetisi_id = $1",
    )
    .bind(kompetisi_id)
    .fetch_all(pool)
    .await?)
}

// ---------- penilaian ----------

/// Penugasan baru (nilai kosong), banyak sekaligus; yang sudah ada diabaikan.
pub async fn tugaskan(k: &mut Koneksi, daftar: &[Penilaian]) -> Hasil<()> {
    let kolom = 9;
    let per = Backend::dari_koneksi(k).baris_per_sisip(kolom);
    for potong in daftar.chunks(per) {
        let mut a = AnyArguments::default();
        for p in potong {
            let _ = a.add(p.kompetisi_id.clone());
            let _ = a.add(p.tahap);
            let _ = a.add(p.entri_id.clone());
            let _ = a.add(p.juri_id.clone());
            let _ = a.add(p.skor.clone());
            let _ = a.add(p.catatan.clone());
            let _ = a.add(p.dinilai_pada.clone());
            let _ = a.add(p.versi);
            let _ = a.add(p.dibuat_pada.clone());
        }
        let nilai = crate::nilai_banyak(potong.len(), kolom);
        sqlx::query_with(
            sqlf!(
                "INSERT INTO penilaian_entri ({KOLOM_PENILAIAN}) VALUES {nilai} \
                 ON CONFLICT (kompetisi_id, tahap, entri_id, juri_id) DO NOTHING"
            ),
            a,
        )
        .execute(&mut *k)
        .await?;
    }
    Ok(())
}

/// Semua penilaian satu tahap (penyelenggara: penugasan dan, setelah tahap
/// ditutup, nilainya).
pub async fn penilaian_tahap(
    pool: &AnyPool,
    kompetisi_id: &str,
    tahap: i64,
) -> Hasil<Vec<Penilaian>> {
    let mut a = AnyArguments::default();
    let _ = a.add(kompetisi_id.to_string());
    let _ = a.add(tahap);
    crate::semua_sebagai_json(
        pool,
        KOLOM_PENILAIAN,
        "FROM penilaian_entri WHERE kompetisi_id = $1 AND tahap = $2",
        "t.entri_id, t.juri_id",
        a,
    )
    .await
}

/// Penilaian milik seorang juri di satu tahap.
pub async fn penilaian_juri(
    pool: &AnyPool,
    kompetisi_id: &str,
    tahap: i64,
    juri_id: &str,
) -> Hasil<Vec<Penilaian>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_PENILAIAN} FROM penilaian_entri WHERE kompetisi_id = $1 AND tahap = $2 AND juri_id = $3 ORDER BY entri_id"
    ))
    .bind(kompetisi_id)
    .bind(tahap)
    .bind(juri_id)
    .fetch_all(pool)
    .await?)
}

/// Penugasan juri atas satu entri (di tahap mana pun).
pub async fn penilaian_entri_juri(
    pool: &AnyPool,
    entri_id: &str,
    juri_id: &str,
) -> Hasil<Vec<Penilaian>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_PENILAIAN} FROM penilaian_entri WHERE entri_id = $1 AND juri_id = $2 ORDER BY tahap"
    ))
    .bind(entri_id)
    .bind(juri_id)
    .fetch_all(pool)
    .await?)
}

/// Menyimpan nilai seorang juri bila versinya masih `versi_lama`.
pub async fn simpan_nilai(k: &mut Koneksi, p: &Penilaian, versi_lama: i64) -> Hasil<bool> {
    let r = sqlx::query(
        "UPDATE penilaian_entri SET skor = $1, catatan = $2, dinilai_pada = $3, versi = $4 \
         WHERE kompetisi_id = $5 AND tahap = $6 AND entri_id = $7 AND juri_id = $8 AND versi = $9",
    )
    .bind(&p.skor)
    .bind(&p.catatan)
    .bind(&p.dinilai_pada)
    .bind(p.versi)
    .bind(&p.kompetisi_id)
    .bind(p.tahap)
    .bind(&p.entri_id)
    .bind(&p.juri_id)
    .bind(versi_lama)
    .execute(k)
    .await?;
    Ok(r.rows_affected() == 1)
}

// ---------- hasil tahap ----------

/// Menulis (atau menimpa) hasil banyak entri satu tahap.
pub async fn simpan_hasil(k: &mut Koneksi, daftar: &[HasilTahap]) -> Hasil<()> {
    let kolom = 9;
    let per = Backend::dari_koneksi(k).baris_per_sisip(kolom);
    for potong in daftar.chunks(per) {
        let mut a = AnyArguments::default();
        for h in potong {
            let _ = a.add(h.kompetisi_id.clone());
            let _ = a.add(h.tahap);
            let _ = a.add(h.entri_id.clone());
            let _ = a.add(h.keputusan.clone());
            let _ = a.add(h.nilai.clone());
            let _ = a.add(h.urutan);
            let _ = a.add(h.alasan.clone());
            let _ = a.add(h.diputuskan_oleh.clone());
            let _ = a.add(h.diputuskan_pada.clone());
        }
        let nilai = crate::nilai_banyak(potong.len(), kolom);
        sqlx::query_with(
            sqlf!(
                "INSERT INTO hasil_tahap ({KOLOM_HASIL}) VALUES {nilai} \
                 ON CONFLICT (kompetisi_id, tahap, entri_id) DO UPDATE SET keputusan = excluded.keputusan, \
                 nilai = excluded.nilai, urutan = excluded.urutan, alasan = excluded.alasan, \
                 diputuskan_oleh = excluded.diputuskan_oleh, diputuskan_pada = excluded.diputuskan_pada"
            ),
            a,
        )
        .execute(&mut *k)
        .await?;
    }
    Ok(())
}

pub async fn hasil_tahap(pool: &AnyPool, kompetisi_id: &str, tahap: i64) -> Hasil<Vec<HasilTahap>> {
    let mut a = AnyArguments::default();
    let _ = a.add(kompetisi_id.to_string());
    let _ = a.add(tahap);
    crate::semua_sebagai_json(
        pool,
        KOLOM_HASIL,
        "FROM hasil_tahap WHERE kompetisi_id = $1 AND tahap = $2",
        "t.urutan, t.entri_id",
        a,
    )
    .await
}

pub async fn hasil_entri(pool: &AnyPool, entri_id: &str) -> Hasil<Vec<HasilTahap>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_HASIL} FROM hasil_tahap WHERE entri_id = $1 ORDER BY tahap"
    ))
    .bind(entri_id)
    .fetch_all(pool)
    .await?)
}

/// Mencabut penugasan seorang juri atas satu entri di tahap-tahap yang
/// disebut (belum ditutup); mengembalikan baris yang dihapus (untuk audit).
pub async fn cabut_penugasan(
    k: &mut Koneksi,
    kompetisi_id: &str,
    entri_id: &str,
    juri_id: &str,
    tahap: &[i64],
) -> Hasil<Vec<Penilaian>> {
    let mut hasil = Vec::new();
    for t in tahap {
        let baris: Option<Penilaian> = sqlx::query_as(sqlf!(
            "SELECT {KOLOM_PENILAIAN} FROM penilaian_entri WHERE kompetisi_id = $1 AND tahap = $2 AND entri_id = $3 AND juri_id = $4"
        ))
        .bind(kompetisi_id)
        .bind(*t)
        .bind(entri_id)
        .bind(juri_id)
        .fetch_optional(&mut *k)
        .await?;
        if let Some(p) = baris {
            sqlx::query(
                "DELETE FROM penilaian_entri WHERE kompetisi_id = $1 AND tahap = $2 AND entri_id = $3 AND juri_id = $4",
            )
            .bind(kompetisi_id)
            .bind(*t)
            .bind(entri_id)
            .bind(juri_id)
            .execute(&mut *k)
            .await?;
            hasil.push(p);
        }
    }
    Ok(hasil)
}

/// Menghapus penugasan yang belum dinilai di satu tahap (menutup tahap dengan
/// `abaikan_belum_dinilai`); mengembalikan banyaknya.
pub async fn hapus_belum_dinilai(k: &mut Koneksi, kompetisi_id: &str, tahap: i64) -> Hasil<u64> {
    let r = sqlx::query(
        "DELETE FROM penilaian_entri WHERE kompetisi_id = $1 AND tahap = $2 AND skor IS NULL",
    )
    .bind(kompetisi_id)
    .bind(tahap)
    .execute(k)
    .await?;
    Ok(r.rows_affected())
}
