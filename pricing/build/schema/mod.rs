//! The catalogue schema: reads the TOML files of `data/`, checks them and
//! writes them out as the static Rust tables `src/catalogue.rs` includes.
//!
//! `build.rs` uses it on the files; `tests/schema.rs` uses it on bad text.
//! Every problem is one line, `data/<file>: <entry> (line L[, column C]): <message>`,
//! and every problem found is reported, not just the first.
//!
//! - `types.rs`: value types that check themselves while deserialising
//!   (numbers in range, URLs, dates, ids, closed sets as enums);
//! - `files.rs`: one struct per kind of entry;
//! - `assumptions.rs`: the defaults, their types and their ranges;
//! - `genai.rs`: the genai-prices data `scripts/update-prices` wrote;
//! - `prices.rs` and `names.rs`: every API offering, imported or typed in,
//!   with its id, name, kind, open model and price history;
//! - `check.rs`: checks across fields and files (references, uniqueness);
//! - `generate.rs`: the Rust the checked catalogue becomes, and the price list.

pub mod assumptions;
mod check;
pub mod files;
pub mod genai;
mod generate;
pub mod names;
pub mod price_list;
pub mod prices;
pub mod types;

use std::ops::{Deref, Range};
use std::path::Path;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use assumptions::Assumptions;
use files::*;
use types::Text;

/// The files of `data/` the catalogue is made from.
pub const FILES: [&str; 9] = [
    "apis.toml",
    "genai-prices.json",
    "models.toml",
    "gpus.toml",
    "engines.toml",
    "precisions.toml",
    "calibration.toml",
    "currencies.toml",
    "assumptions.toml",
];

/// A checked entry and where it is: `data/apis.toml: gpt-5 (line 40)`.
pub struct Entry<T> {
    pub at: String,
    pub value: T,
}

impl<T> Deref for Entry<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

/// Everything in `data/`, each value of the right type and in range.
pub struct Catalogue {
    pub families: Vec<Text>,
    /// `apis.toml`: the providers imported from genai-prices, what the data
    /// cannot say about some offerings, the offerings it lacks.
    pub open_weight_names: Vec<Text>,
    pub providers: Vec<Entry<ApiProvider>>,
    pub curations: Vec<Entry<ApiCuration>>,
    pub apis: Vec<Entry<Api>>,
    pub models: Vec<Entry<Model>>,
    pub gpus: Vec<Entry<Gpu>>,
    pub engines: Vec<Entry<Engine>>,
    pub precisions: Vec<Entry<PrecisionEntry>>,
    pub records: Vec<Entry<Record>>,
    /// Latency at a stated concurrency: records with speed per user and time to first token.
    pub latency: Vec<Entry<Record>>,
    pub offline_concurrency_cap: u32,
    pub offline_concurrency_cap_source: String,
    pub estimate_band: (f64, f64),
    /// Speed per user's band, then time to first token's.
    pub latency_band: [(f64, f64); 2],
    pub currencies: Vec<Entry<CurrencyEntry>>,
    pub assumptions: Assumptions,
    pub genai: genai::GenaiFile,
    /// Every API offering, imported or typed in (`apis`).
    pub priced: Vec<prices::PricedApi>,
}

impl Catalogue {
    /// Reads [`FILES`] from `dir` and checks them.
    pub fn from_dir(dir: &Path) -> Result<Catalogue, Vec<String>> {
        let mut texts = Vec::new();
        let mut problems = Vec::new();
        for file in FILES {
            match std::fs::read_to_string(dir.join(file)) {
                Ok(text) => texts.push((file, text)),
                Err(e) => problems.push(format!("data/{file}: {e}")),
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let texts: Vec<(&str, &str)> = texts.iter().map(|(f, t)| (*f, t.as_str())).collect();
        Catalogue::from_texts(&texts)
    }

    /// Checks the catalogue given as `(file name, TOML text)` pairs, one for
    /// each of [`FILES`]. Returns every problem found, one line each.
    pub fn from_texts(texts: &[(&str, &str)]) -> Result<Catalogue, Vec<String>> {
        let mut p = Problems::default();
        for (file, _) in texts {
            p.check(FILES.contains(file), || {
                format!("data/{file}: not a catalogue file")
            });
        }
        let doc = |file: &'static str, p: &mut Problems| {
            let text = texts.iter().find(|(f, _)| *f == file).map(|(_, t)| *t);
            Doc::parse(file, text, p)
        };
        let id = |key: &'static str| {
            move |i: usize, t: &DeTable| match t.get(key).and_then(|v| v.get_ref().as_str()) {
                Some(id) => id.to_string(),
                None => format!("entry {}", i + 1),
            }
        };

        let (head, models) =
            listed::<ModelsFile, _>(texts, "models.toml", "model", &id("id"), &mut p);
        let families = head.map(|h| h.families).unwrap_or_default();
        let apis_doc = doc("apis.toml", &mut p);
        let apis_head = apis_doc.as_ref().and_then(|d| d.whole::<ApisFile>(&mut p));
        let genai_ref = |i: usize, t: &DeTable| {
            let genai = t.get("genai").and_then(|v| v.get_ref().as_table());
            let get = |k| {
                genai
                    .and_then(|g| g.get(k))
                    .and_then(|v| v.get_ref().as_str())
                    .unwrap_or("?")
            };
            format!("offering {} ({}/{})", i + 1, get("provider"), get("model"))
        };
        let (providers, curations, apis) = match &apis_doc {
            Some(d) => (
                d.entries::<ApiProvider>("provider", id("genai"), &mut p),
                d.entries::<ApiCuration>("offering", genai_ref, &mut p),
                d.entries::<Api>("api", id("id"), &mut p),
            ),
            None => (Vec::new(), Vec::new(), Vec::new()),
        };
        let (_, gpus) = listed::<GpusFile, _>(texts, "gpus.toml", "gpu", &id("id"), &mut p);
        let (_, engines) =
            listed::<EnginesFile, _>(texts, "engines.toml", "engine", &id("id"), &mut p);
        let (_, precisions) =
            listed::<PrecisionsFile, _>(texts, "precisions.toml", "precision", &id("id"), &mut p);
        let record = |i: usize, t: &DeTable| {
            let get = |k| t.get(k).and_then(|v| v.get_ref().as_str()).unwrap_or("?");
            format!("record {} ({} on {})", i + 1, get("model"), get("gpu"))
        };
        let (cap, records) =
            listed::<CalibrationFile, _>(texts, "calibration.toml", "record", &record, &mut p);
        let latency_record = |i: usize, t: &DeTable| format!("latency {}", &record(i, t)[7..]);
        let (_, latency) = listed::<CalibrationFile, _>(
            texts,
            "calibration.toml",
            "latency",
            &latency_record,
            &mut p,
        );
        let (_, currencies) =
            listed::<CurrenciesFile, _>(texts, "currencies.toml", "currency", &id("code"), &mut p);
        let assumptions =
            doc("assumptions.toml", &mut p).and_then(|d| Assumptions::load(&d, &mut p));
        let genai = match texts.iter().find(|(f, _)| *f == "genai-prices.json") {
            Some((_, text)) => genai::GenaiFile::parse(text).map_err(|e| p.fail(e)).ok(),
            None => {
                p.fail("data/genai-prices.json: missing".to_string());
                None
            }
        };

        // Checks across entries and files only make sense once every entry read.
        if !p.0.is_empty() {
            return Err(p.0);
        }
        let (Some(cap), Some(assumptions), Some(genai), Some(apis_head)) =
            (cap, assumptions, genai, apis_head)
        else {
            unreachable!("a file that did not read left a problem")
        };
        let catalogue = Catalogue {
            families,
            open_weight_names: apis_head.open_weight_names,
            providers,
            curations,
            apis,
            models,
            gpus,
            engines,
            precisions,
            records,
            latency,
            offline_concurrency_cap: cap.offline_concurrency_cap.0,
            offline_concurrency_cap_source: cap.offline_concurrency_cap_source.0,
            estimate_band: (cap.estimate_band.low.0, cap.estimate_band.high.0),
            latency_band: [
                (cap.latency_band.speed.low.0, cap.latency_band.speed.high.0),
                (
                    cap.latency_band.first_token.low.0,
                    cap.latency_band.first_token.high.0,
                ),
            ],
            currencies,
            assumptions,
            genai,
            priced: Vec::new(),
        };
        let catalogue = Catalogue {
            priced: prices::resolve(&catalogue, &mut p),
            ..catalogue
        };
        catalogue.check(&mut p);
        if p.0.is_empty() {
            Ok(catalogue)
        } else {
            Err(p.0)
        }
    }

    /// The Rust source of the static tables. Without `notes`, free text and
    /// calibration provenance are left out; every number and price source stays.
    pub fn to_rust(&self, notes: bool, all_offerings: bool) -> String {
        generate::to_rust(self, notes, all_offerings)
    }

    /// The price list the widget loads after its first paint.
    pub fn price_list(&self) -> String {
        price_list::encode(self)
    }
}

/// Problems found so far, one line each.
#[derive(Default)]
pub struct Problems(pub Vec<String>);

impl Problems {
    pub fn fail(&mut self, message: String) {
        self.0.push(message);
    }

    pub fn check(&mut self, ok: bool, message: impl FnOnce() -> String) {
        if !ok {
            self.0.push(message());
        }
    }
}

/// One parsed file, with spans into its text.
pub struct Doc<'a> {
    pub file: &'static str,
    text: &'a str,
    pub root: Spanned<DeTable<'a>>,
}

impl<'a> Doc<'a> {
    fn parse(file: &'static str, text: Option<&'a str>, p: &mut Problems) -> Option<Doc<'a>> {
        let Some(text) = text else {
            p.fail(format!("data/{file}: missing"));
            return None;
        };
        match DeTable::parse(text) {
            Ok(root) => Some(Doc { file, text, root }),
            Err(e) => {
                p.fail(format!(
                    "data/{file} ({}): {}",
                    Self::place(text, e.span()),
                    e.message()
                ));
                None
            }
        }
    }

    /// "line L, column C" of a byte offset (columns count characters).
    fn place(text: &str, span: Option<Range<usize>>) -> String {
        let start = span.map_or(0, |s| s.start).min(text.len());
        let before = &text[..start];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        format!("line {line}, column {column}")
    }

    /// "line L" of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        self.text[..offset.min(self.text.len())]
            .matches('\n')
            .count()
            + 1
    }

    /// `data/<file>: <entry> (line L)`
    pub fn at(&self, entry: &str, span: &Range<usize>) -> String {
        format!(
            "data/{}: {entry} (line {})",
            self.file,
            self.line(span.start)
        )
    }

    /// `data/<file>: <entry> (line L, column C): <message>`
    pub fn problem(&self, entry: &str, span: &Range<usize>, message: &str) -> String {
        let place = Self::place(self.text, Some(span.clone()));
        format!("data/{}: {entry} ({place}): {message}", self.file)
    }

    /// The problem a deserialisation error is, placed where toml says it is
    /// (or at the entry when it does not say).
    pub fn error(
        &self,
        entry: Option<&str>,
        fallback: &Range<usize>,
        e: &toml::de::Error,
    ) -> String {
        let place = Self::place(self.text, e.span().or(Some(fallback.clone())));
        match entry {
            Some(entry) => format!("data/{}: {entry} ({place}): {}", self.file, e.message()),
            None => format!("data/{} ({place}): {}", self.file, e.message()),
        }
    }

    /// The file's top-level keys as `T` (its entry arrays as `IgnoredAny`).
    fn whole<T: DeserializeOwned>(&self, p: &mut Problems) -> Option<T> {
        let span = self.root.span();
        match T::deserialize(toml::de::Deserializer::from(self.root.clone())) {
            Ok(v) => Some(v),
            Err(e) => {
                p.fail(self.error(None, &span, &e));
                None
            }
        }
    }

    /// Each entry of the array of tables `key`, read on its own so that every
    /// bad entry is reported and named by `label(index, table)`.
    fn entries<T: DeserializeOwned>(
        &self,
        key: &str,
        label: impl Fn(usize, &DeTable) -> String,
        p: &mut Problems,
    ) -> Vec<Entry<T>> {
        let mut out = Vec::new();
        let Some(items) = self.get(key).and_then(|v| v.get_ref().as_array()) else {
            return out; // `whole` reported it
        };
        let empty = DeTable::new();
        for (i, item) in items.iter().enumerate() {
            let name = label(i, item.get_ref().as_table().unwrap_or(&empty));
            let span = item.span();
            match T::deserialize(ValueDeserializer::from(item.clone())) {
                Ok(value) => out.push(Entry {
                    at: self.at(&name, &span),
                    value,
                }),
                Err(e) => p.fail(self.error(Some(&name), &span, &e)),
            }
        }
        out
    }

    /// A top-level value.
    pub fn get(&self, key: &str) -> Option<&Spanned<DeValue<'a>>> {
        self.root.get_ref().get(key)
    }
}

/// A file of entries: its top-level keys as `H` and its entries under `key`
/// as `T`, each named by `label(index, table)` in problems.
fn listed<H: DeserializeOwned, T: DeserializeOwned>(
    texts: &[(&str, &str)],
    file: &'static str,
    key: &str,
    label: impl Fn(usize, &DeTable) -> String,
    p: &mut Problems,
) -> (Option<H>, Vec<Entry<T>>) {
    let text = texts.iter().find(|(f, _)| *f == file).map(|(_, t)| *t);
    match Doc::parse(file, text, p) {
        Some(d) => (d.whole(p), d.entries(key, label, p)),
        None => (None, Vec::new()),
    }
}
