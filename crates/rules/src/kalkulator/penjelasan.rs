//! Penjelasan cara hitung (`"penjelasan"` di keluaran).

use crate::{Bahasa, StatusSumber, angka};
use rust_decimal::Decimal;
use serde_json::{Map, Value};

/// Desimal keluaran: teks tepat 2 desimal.
pub(crate) fn d2(x: Decimal) -> Value {
    Value::String(angka::teks_2(x))
}

/// Nilai antara dalam penjelasan (paling banyak 4 desimal).
pub(crate) fn r(x: Decimal) -> String {
    angka::teks_ringkas(x)
}

pub(crate) struct Penjelasan {
    map: Map<String, Value>,
}

fn arti_status(s: StatusSumber, b: Bahasa) -> &'static str {
    match s {
        StatusSumber::Primer => b.pilih(
            "dikonfirmasi dari teks primer regulasi",
            "confirmed from the primary text of the regulation",
        ),
        StatusSumber::Sekunder => b.pilih(
            "dikonfirmasi hanya dari sumber sekunder",
            "confirmed from secondary sources only",
        ),
        StatusSumber::BelumTerkonfirmasi => b.pilih(
            "belum terkonfirmasi dari sumber primer; dapat dikonfigurasi",
            "not confirmed by a primary source; configurable",
        ),
    }
}

impl Penjelasan {
    pub fn baru(b: Bahasa, sumber: &str, status: StatusSumber) -> Self {
        let mut map = Map::new();
        map.insert("sumber".into(), sumber.into());
        map.insert("status".into(), status.token().into());
        map.insert("status_arti".into(), arti_status(status, b).into());
        Penjelasan { map }
    }

    pub fn isi(mut self, kunci: &str, nilai: impl Into<Value>) -> Self {
        self.map.insert(kunci.into(), nilai.into());
        self
    }

    pub fn rumus(self, rumus: impl Into<String>) -> Self {
        self.isi("rumus", rumus.into())
    }

    pub fn langkah(self, langkah: Vec<String>) -> Self {
        self.isi("langkah", langkah)
    }

    pub fn ke_value(self) -> Value {
        Value::Object(self.map)
    }
}
