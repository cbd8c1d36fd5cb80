//! Pegawai, riwayat penempatan, daftar berhalaman, impor dan ekspor.

use super::*;

// ---------- pegawai ----------

const KOLOM_PEGAWAI: &str = "instansi_id, id, nip, nama, gelar_depan, gelar_belakang, jenis_asn, tanggal_lahir, jenis_kelamin, golongan, unit_id, jabatan_id, atasan_id, status, email, telepon, nama_cari, versi, dibuat_pada, diubah_pada";

pub async fn sisipkan_pegawai(k: &mut Koneksi, p: &Pegawai) -> Hasil<()> {
    sisipkan_pegawai_banyak(k, std::slice::from_ref(p)).await
}

/// Pegawai baru dan NIP nasionalnya, satu atau banyak sekaligus (impor):
/// INSERT berbaris banyak ([`crate::Backend::baris_per_sisip`]). Atasan boleh
/// berada di potongan yang sama (kunci asing diperiksa di akhir pernyataan)
/// asal urutannya dijaga pemanggil.
pub async fn sisipkan_pegawai_banyak(k: &mut Koneksi, p: &[Pegawai]) -> Hasil<()> {
    let be = crate::Backend::dari_koneksi(k);
    for potong in p.chunks(be.baris_per_sisip(20)) {
        let sql = format!(
            "INSERT INTO pegawai (instansi_id, id, nip, nama, gelar_depan, gelar_belakang, jenis_asn, tanggal_lahir, jenis_kelamin, golongan, \
             unit_id, jabatan_id, atasan_id, status, email, telepon, nama_cari, versi, dibuat_pada, diubah_pada) VALUES {}",
            crate::nilai_banyak(potong.len(), 20)
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for p in potong {
            q = q
                .bind(&p.instansi_id)
                .bind(&p.id)
                .bind(&p.nip)
                .bind(&p.nama)
                .bind(&p.gelar_depan)
                .bind(&p.gelar_belakang)
                .bind(&p.jenis_asn)
                .bind(&p.tanggal_lahir)
                .bind(&p.jenis_kelamin)
                .bind(&p.golongan)
                .bind(&p.unit_id)
                .bind(&p.jabatan_id)
                .bind(&p.atasan_id)
                .bind(&p.status)
                .bind(&p.email)
                .bind(&p.telepon)
                .bind(&p.nama_cari)
                .bind(p.versi)
                .bind(&p.dibuat_pada)
                .bind(&p.diubah_pada);
        }
        q.execute(&mut *k).await?;
    }
    let ber_nip: Vec<&Pegawai> = p.iter().filter(|p| p.nip.is_some()).collect();
    for potong in ber_nip.chunks(be.baris_per_sisip(3)) {
        let sql = format!(
            "INSERT INTO nip_global (nip, instansi_id, pegawai_id) VALUES {} \
             ON CONFLICT (nip) DO UPDATE SET instansi_id = excluded.instansi_id, pegawai_id = excluded.pegawai_id",
            crate::nilai_banyak(potong.len(), 3)
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for p in potong {
            q = q.bind(&p.nip).bind(&p.instansi_id).bind(&p.id);
        }
        q.execute(&mut *k).await?;
    }
    Ok(())
}

/// Riwayat penempatan, satu atau banyak sekaligus (INSERT berbaris banyak).
pub async fn sisipkan_riwayat_banyak(k: &mut Koneksi, riwayat: &[RiwayatJabatan]) -> Hasil<()> {
    let be = crate::Backend::dari_koneksi(k);
    for potong in riwayat.chunks(be.baris_per_sisip(10)) {
        let sql = format!(
            "INSERT INTO riwayat_jabatan (instansi_id, id, pegawai_id, unit_id, jabatan_id, atasan_id, jenis_penugasan, mulai, selesai, keterangan) \
             VALUES {}",
            crate::nilai_banyak(potong.len(), 10)
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for r in potong {
            q = q
                .bind(&r.instansi_id)
                .bind(&r.id)
                .bind(&r.pegawai_id)
                .bind(&r.unit_id)
                .bind(&r.jabatan_id)
                .bind(&r.atasan_id)
                .bind(&r.jenis_penugasan)
                .bind(&r.mulai)
                .bind(&r.selesai)
                .bind(&r.keterangan);
        }
        q.execute(&mut *k).await?;
    }
    Ok(())
}

/// Menyimpan perubahan bila `versi` masih sama (penguncian optimistis); false bila basi.
pub async fn ubah_pegawai(k: &mut Koneksi, p: &Pegawai) -> Hasil<bool> {
    let r = sqlx::query(
        "UPDATE pegawai SET nip = $1, nama = $2, gelar_depan = $3, gelar_belakang = $4, jenis_asn = $5, tanggal_lahir = $6, \
         jenis_kelamin = $7, golongan = $8, unit_id = $9, jabatan_id = $10, atasan_id = $11, status = $12, email = $13, \
         telepon = $14, nama_cari = $15, versi = versi + 1, diubah_pada = $16 WHERE instansi_id = $17 AND id = $18 AND versi = $19",
    )
    .bind(&p.nip)
    .bind(&p.nama)
    .bind(&p.gelar_depan)
    .bind(&p.gelar_belakang)
    .bind(&p.jenis_asn)
    .bind(&p.tanggal_lahir)
    .bind(&p.jenis_kelamin)
    .bind(&p.golongan)
    .bind(&p.unit_id)
    .bind(&p.jabatan_id)
    .bind(&p.atasan_id)
    .bind(&p.status)
    .bind(&p.email)
    .bind(&p.telepon)
    .bind(&p.nama_cari)
    .bind(&p.diubah_pada)
    .bind(&p.instansi_id)
    .bind(&p.id)
    .bind(p.versi)
    .execute(&mut *k)
    .await?;
    if r.rows_affected() != 1 {
        return Ok(false);
    }
    if let Some(nip) = &p.nip {
        catat_nip_global(k, nip, &p.instansi_id, &p.id).await?;
    }
    Ok(true)
}

/// Peta NIP → instansi: keunikan nasional di tabel kecil terpisah.
async fn catat_nip_global(
    k: &mut Koneksi,
    nip: &str,
    instansi_id: &str,
    pegawai_id: &str,
) -> Hasil<()> {
    sqlx::query(
        "INSERT INTO nip_global (nip, instansi_id, pegawai_id) VALUES ($1, $2, $3) \
         ON CONFLICT (nip) DO UPDATE SET instansi_id = excluded.instansi_id, pegawai_id = excluded.pegawai_id",
    )
    .bind(nip)
    .bind(instansi_id)
    .bind(pegawai_id)
    .execute(k)
    .await?;
    Ok(())
}

/// Instansi tempat NIP terdaftar sekarang, bila ada.
pub async fn pemilik_nip(pool: &AnyPool, nip: &str) -> Hasil<Option<(String, String)>> {
    Ok(
        sqlx::query_as("SELECT instansi_id, pegawai_id FROM nip_global WHERE nip = $1")
            .bind(nip)
            .fetch_optional(pool)
            .await?,
    )
}

pub async fn pegawai(pool: &AnyPool, instansi_id: &str, id: &str) -> Hasil<Option<Pegawai>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_PEGAWAI} FROM pegawai WHERE instansi_id = $1 AND id = $2"
    ))
    .bind(instansi_id)
    .bind(id)
    .fetch_optional(pool)
    .await?)
}

pub async fn pegawai_nip(pool: &AnyPool, instansi_id: &str, nip: &str) -> Hasil<Option<Pegawai>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_PEGAWAI} FROM pegawai WHERE instansi_id = $1 AND nip = $2"
    ))
    .bind(instansi_id)
    .bind(nip)
    .fetch_optional(pool)
    .await?)
}

pub async fn bawahan(pool: &AnyPool, instansi_id: &str, atasan_id: &str) -> Hasil<Vec<Pegawai>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_PEGAWAI} FROM pegawai WHERE instansi_id = $1 AND atasan_id = $2 AND status = 'aktif' ORDER BY nama"
    ))
    .bind(instansi_id)
    .bind(atasan_id)
    .fetch_all(pool)
    .await?)
}

/// Atasan langsung satu pegawai (hanya id-nya), untuk menelusuri rantai atasan
/// tanpa memuat data pribadi. None bila tidak ada rekaman atau tanpa atasan.
pub async fn atasan_dari(pool: &AnyPool, instansi_id: &str, id: &str) -> Hasil<Option<String>> {
    let r: Option<(Option<String>,)> =
        sqlx::query_as("SELECT atasan_id FROM pegawai WHERE instansi_id = $1 AND id = $2")
            .bind(instansi_id)
            .bind(id)
            .fetch_optional(pool)
            .await?;
    Ok(r.and_then(|x| x.0))
}

/// Unit kerja pegawai (hanya id-nya).
pub async fn unit_pegawai(pool: &AnyPool, instansi_id: &str, id: &str) -> Hasil<Option<String>> {
    let r: Option<(String,)> =
        sqlx::query_as("SELECT unit_id FROM pegawai WHERE instansi_id = $1 AND id = $2")
            .bind(instansi_id)
            .bind(id)
            .fetch_optional(pool)
            .await?;
    Ok(r.map(|x| x.0))
}

/// Unit yang dipimpin pegawai sebagai Plt./Plh. pada tanggal itu (mulai dan
/// selesai inklusif; selesai kosong berarti masih berjalan).
pub async fn unit_plt_aktif(
    pool: &AnyPool,
    instansi_id: &str,
    pegawai_id: &str,
    tanggal: &str,
) -> Hasil<Vec<String>> {
    let r: Vec<(String,)> = sqlx::query_as(
        "SELECT unit_id FROM riwayat_jabatan WHERE instansi_id = $1 AND pegawai_id = $2 \
         AND jenis_penugasan IN ('plt', 'plh') AND mulai <= $3 AND (selesai IS NULL OR selesai >= $3)",
    )
    .bind(instansi_id)
    .bind(pegawai_id)
    .bind(tanggal)
    .fetch_all(pool)
    .await?;
    Ok(r.into_iter().map(|x| x.0).collect())
}

pub async fn jumlah_pegawai(pool: &AnyPool, instansi_id: Option<&str>) -> Hasil<i64> {
    let (n,): (i64,) = match instansi_id {
        Some(i) => {
            sqlx::query_as("SELECT COUNT(*) FROM pegawai WHERE instansi_id = $1")
                .bind(i)
                .fetch_one(pool)
                .await?
        }
        None => {
            sqlx::query_as("SELECT COUNT(*) FROM pegawai")
                .fetch_one(pool)
                .await?
        }
    };
    Ok(n)
}

#[derive(Debug, Clone, Default)]
pub struct FilterPegawai {
    /// Potongan nama atau NIP (huruf kecil).
    pub cari: Option<String>,
    /// Unit yang diminta beserta turunannya.
    pub unit_ids: Option<Vec<String>>,
    pub status: Option<String>,
    pub jenis_asn: Option<String>,
    pub offset: i64,
    pub limit: i64,
}

/// Pola `LIKE … ESCAPE '\\'` yang memuat `teks` apa adanya.
pub fn pola_like_memuat(teks: &str) -> String {
    let mut s = String::with_capacity(teks.len() + 2);
    s.push('%');
    for c in teks.chars() {
        if matches!(c, '%' | '_' | '\\') {
            s.push('\\');
        }
        s.push(c);
    }
    s.push('%');
    s
}

/// Syarat WHERE atas tabel pegawai saja (alias `p`); penghitungan tidak perlu JOIN.
fn klausa_filter(instansi_id: &str, f: &FilterPegawai) -> (String, AnyArguments) {
    let mut args = AnyArguments::default();
    let mut sql = String::from(" WHERE p.instansi_id = $1");
    let _ = args.add(instansi_id.to_string());
    let mut n = 1;
    if let Some(c) = f.cari.as_ref().filter(|c| !c.is_empty()) {
        n += 1;
        // `%`, `_` dan `\` dari pengguna dicari apa adanya, bukan sebagai pola.
        sql.push_str(&format!(" AND p.nama_cari LIKE ${n} ESCAPE '\\'"));
        let _ = args.add(pola_like_memuat(c));
    }
    if let Some(ids) = f.unit_ids.as_ref() {
        if ids.is_empty() {
            sql.push_str(" AND 1 = 0");
        } else {
            let mut ph = Vec::new();
            for id in ids {
                n += 1;
                ph.push(format!("${n}"));
                let _ = args.add(id.clone());
            }
            sql.push_str(&format!(" AND p.unit_id IN ({})", ph.join(", ")));
        }
    }
    if let Some(s) = f.status.as_ref().filter(|s| !s.is_empty()) {
        n += 1;
        sql.push_str(&format!(" AND p.status = ${n}"));
        let _ = args.add(s.clone());
    }
    if let Some(s) = f.jenis_asn.as_ref().filter(|s| !s.is_empty()) {
        n += 1;
        sql.push_str(&format!(" AND p.jenis_asn = ${n}"));
        let _ = args.add(s.clone());
    }
    (sql, args)
}

/// Satu halaman daftar pegawai dan jumlah semuanya (paginasi di server), dalam
/// satu perjalanan ke basis data.
///
/// Halaman dirakit basis data sebagai satu teks JSON (ADR 0012): lewat driver
/// `Any` setiap baris hasil berharga ~10 µs (satu pesan antar-thread per baris
/// di SQLite, konversi `AnyRow` per kolom), sehingga 100 baris menjadi satu
/// nilai. Jumlah dihitung dalam kueri yang sama; nama unit dan jabatan diambil
/// per baris lewat kunci utama (bukan JOIN yang membuat PostgreSQL meng-hash
/// seluruh unit instansi). LIMIT/OFFSET diikat sebagai parameter agar setiap
/// halaman memakai pernyataan tersimpan yang sama.
pub async fn daftar_pegawai(
    pool: &AnyPool,
    instansi_id: &str,
    f: &FilterPegawai,
) -> Hasil<(Vec<BarisPegawai>, i64)> {
    let d = crate::Backend::dari_pool(pool);
    let (syarat, mut args) = klausa_filter(instansi_id, f);
    let n = args.len();
    let _ = args.add(f.limit.clamp(1, 1000));
    let _ = args.add(f.offset.max(0));
    // Halaman dibaca dari indeks penutup `pegawai_daftar` (migrasi 0007) urut
    // nama; nama unit dan jabatan per baris lewat kunci utamanya.
    let sql = format!(
        "SELECT (SELECT COUNT(*) FROM pegawai p{syarat}) AS total, \
         CAST({larik}({objek}('id', h.id, 'nip', h.nip, 'nama', h.nama, 'gelar_depan', h.gelar_depan, \
         'gelar_belakang', h.gelar_belakang, 'jenis_asn', h.jenis_asn, 'golongan', h.golongan, \
         'status', h.status, 'unit_id', h.unit_id, \
         'nama_unit', (SELECT u.nama FROM unit_kerja u WHERE u.instansi_id = $1 AND u.id = h.unit_id), \
         'nama_jabatan', (SELECT j.nama FROM jabatan j WHERE j.instansi_id = $1 AND j.id = h.jabatan_id)) \
         ORDER BY h.nama_cari, h.id) AS TEXT) AS isi \
         FROM (SELECT p.nama_cari, p.id, p.nip, p.nama, p.gelar_depan, p.gelar_belakang, p.jenis_asn, \
         p.golongan, p.status, p.unit_id, p.jabatan_id FROM pegawai p{syarat} \
         ORDER BY p.nama_cari, p.id LIMIT ${} OFFSET ${}) h",
        n + 1,
        n + 2,
        larik = d.json_larik(),
        objek = d.json_objek(),
    );
    let (total, isi): (i64, Option<String>) = sqlx::query_as_with(sqlx::AssertSqlSafe(sql), args)
        .fetch_one(pool)
        .await?;
    let baris = match isi {
        // Halaman kosong: SQLite memberi `[]`, PostgreSQL NULL.
        None => Vec::new(),
        Some(t) => serde_json::from_str(&t)
            .map_err(|e| crate::GalatStore::Sql(sqlx::Error::Decode(Box::new(e))))?,
    };
    Ok((baris, total))
}

// ---------- riwayat jabatan ----------

pub async fn sisipkan_riwayat(k: &mut Koneksi, r: &RiwayatJabatan) -> Hasil<()> {
    sisipkan_riwayat_banyak(k, std::slice::from_ref(r)).await
}

/// Menutup penugasan definitif yang masih terbuka (saat pindah unit/jabatan).
pub async fn tutup_riwayat_definitif(
    k: &mut Koneksi,
    instansi_id: &str,
    pegawai_id: &str,
    selesai: &str,
) -> Hasil<()> {
    sqlx::query(
        "UPDATE riwayat_jabatan SET selesai = $1 WHERE instansi_id = $2 AND pegawai_id = $3 \
         AND jenis_penugasan = 'definitif' AND selesai IS NULL",
    )
    .bind(selesai)
    .bind(instansi_id)
    .bind(pegawai_id)
    .execute(k)
    .await?;
    Ok(())
}

/// Riwayat penempatan dengan nama unit dan jabatannya, terbaru dulu.
#[derive(Debug, Clone, sqlx::FromRow, Serialize, PartialEq, utoipa::ToSchema)]
pub struct BarisRiwayat {
    pub instansi_id: String,
    pub id: String,
    pub pegawai_id: String,
    pub unit_id: String,
    pub jabatan_id: Option<String>,
    pub atasan_id: Option<String>,
    pub jenis_penugasan: String,
    pub mulai: String,
    pub selesai: Option<String>,
    pub keterangan: Option<String>,
    pub nama_unit: Option<String>,
    pub nama_jabatan: Option<String>,
}

pub async fn riwayat_pegawai(
    pool: &AnyPool,
    instansi_id: &str,
    pegawai_id: &str,
) -> Hasil<Vec<BarisRiwayat>> {
    Ok(sqlx::query_as(
        "SELECT r.instansi_id, r.id, r.pegawai_id, r.unit_id, r.jabatan_id, r.atasan_id, r.jenis_penugasan, \
         r.mulai, r.selesai, r.keterangan, u.nama AS nama_unit, j.nama AS nama_jabatan \
         FROM riwayat_jabatan r \
         LEFT JOIN unit_kerja u ON u.instansi_id = r.instansi_id AND u.id = r.unit_id \
         LEFT JOIN jabatan j ON j.instansi_id = r.instansi_id AND j.id = r.jabatan_id \
         WHERE r.instansi_id = $1 AND r.pegawai_id = $2 ORDER BY r.mulai DESC, r.id DESC",
    )
    .bind(instansi_id)
    .bind(pegawai_id)
    .fetch_all(pool)
    .await?)
}

// ---------- impor dan ekspor ----------

/// Semua pegawai satu instansi (semua status), untuk ekspor dan untuk impor
/// massal yang mencocokkan NIP dan atasan dengan peta di memori.
pub async fn semua_pegawai(pool: &AnyPool, instansi_id: &str) -> Hasil<Vec<Pegawai>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_PEGAWAI} FROM pegawai WHERE instansi_id = $1 ORDER BY nama_cari, id"
    ))
    .bind(instansi_id)
    .fetch_all(pool)
    .await?)
}

/// Pegawai aktif satu unit (pejabat penanggung jawab di halaman rencana).
pub async fn pegawai_aktif_unit(
    pool: &AnyPool,
    instansi_id: &str,
    unit_id: &str,
) -> Hasil<Vec<Pegawai>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_PEGAWAI} FROM pegawai WHERE instansi_id = $1 AND unit_id = $2 AND status = 'aktif' \
         ORDER BY nama_cari, id LIMIT 5000"
    ))
    .bind(instansi_id)
    .bind(unit_id)
    .fetch_all(pool)
    .await?)
}

/// Pemilik nasional banyak NIP sekaligus (impor): (nip, instansi_id,
/// pegawai_id, status pegawai pemilik bila rekamannya ada). Dikirim per 500 NIP.
pub async fn pemilik_nip_banyak(
    pool: &AnyPool,
    nip: &[String],
) -> Hasil<Vec<(String, String, String, Option<String>)>> {
    let mut hasil = Vec::new();
    for potong in nip.chunks(500) {
        let ph: Vec<String> = (1..=potong.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT g.nip, g.instansi_id, g.pegawai_id, p.status FROM nip_global g \
             LEFT JOIN pegawai p ON p.instansi_id = g.instansi_id AND p.id = g.pegawai_id WHERE g.nip IN ({})",
            ph.join(", ")
        );
        let mut args = AnyArguments::default();
        for n in potong {
            let _ = args.add(n.clone());
        }
        let q: QueryAs<'_, Any, (String, String, String, Option<String>), AnyArguments> =
            sqlx::query_as_with(sqlx::AssertSqlSafe(sql), args);
        hasil.extend(q.fetch_all(pool).await?);
    }
    Ok(hasil)
}

/// Setelah pemuatan besar selesai (demo, `seed`): statistik perencana dan,
/// di PostgreSQL, peta visibilitas (`VACUUM`) agar daftar dan hitungan dapat
/// dibaca dari indeks saja tanpa mengunjungi tabel (docs/tolok-ukur.md).
/// Di luar transaksi.
pub async fn rapikan_setelah_muat(pool: &AnyPool) -> Hasil<()> {
    // Satu pernyataan per kiriman: beberapa pernyataan dalam satu kueri
    // sederhana menjadi satu transaksi, dan VACUUM menolak berjalan di dalamnya.
    let perintah: &[&str] = match crate::Backend::dari_pool(pool) {
        crate::Backend::Sqlite => &["ANALYZE"],
        crate::Backend::Postgres => &[
            "VACUUM (ANALYZE) pegawai",
            "VACUUM (ANALYZE) riwayat_jabatan",
            "VACUUM (ANALYZE) unit_kerja",
            "VACUUM (ANALYZE) jabatan",
        ],
    };
    for p in perintah {
        sqlx::raw_sql(*p).execute(pool).await?;
    }
    Ok(())
}

/// Menyegarkan statistik perencana pegawai dan riwayatnya di tengah pemuatan
/// besar dalam satu transaksi (impor). PostgreSQL menyimpan rencana generik
/// pemeriksaan kunci asing yang dibuat ketika tabel masih kecil; rencana itu
/// bisa memakai indeks (instansi_id, atasan_id) sehingga setiap pemeriksaan
/// memindai semua pegawai instansi dan impor menjadi kuadratik (30.000 baris:
/// 110 detik). ANALYZE di dalam transaksi melihat baris transaksi itu sendiri
/// dan membatalkan rencana lama. SQLite tidak memerlukannya (dilewati).
pub async fn segarkan_statistik_pegawai(k: &mut Koneksi) -> Hasil<()> {
    if k.backend_name() == "SQLite" {
        return Ok(());
    }
    sqlx::raw_sql("ANALYZE pegawai; ANALYZE riwayat_jabatan")
        .execute(&mut *k)
        .await?;
    Ok(())
}
