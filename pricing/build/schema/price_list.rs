//! The price list: every open model and every API offering as one line of
//! text, for the widget to load after its first paint (its own tables hold
//! only the default scenario's). `src/price_list.rs` reads it back, and a
//! test checks that it reads back as the native tables. Fields are
//! separated by tabs; the models come first, so an offering can name one:
//!
//! ```text
//! crossover-price-list  1  <price data written on>
//! ~id  name  family  maker  licence  licence_url  flags  commercial_restriction  hf_repo  total_params_b  active_params_b  experts_total  experts_per_token  layers  query_heads  kv  full_attention_layers  sliding_window_layers  sliding_window_tokens  sliding_window_kv_values  compressed  linear_state_bytes  max_context_tokens  native_precision  as_of
//! id  name  provider  flags  open_model  context  source  as_of  reader_note  prices  batch  hours
//! ```
//!
//! A model's `flags`: `p` permissive, `c` commercial use, `f` fully open (else
//! open weights); `licence_url` empty where it is the repository's LICENSE
//! file; `kv` is `gKVHEADSxHEADDIM` (grouped-query) or `lLATENTDIM` (latent);
//! the experts empty for a dense model; `compressed` is a group per space,
//! `LAYERSxRATIOiINDEXERVALUESkROWSREAD`, empty for most models.
//!
//! An offering's `flags`: `o` hosted open model (else closed), `r` retired,
//! `s` resold, `h` typed in (else genai-prices). `context`: tokens, empty
//! when unknown.
//! `prices` and `batch`: entries separated by spaces, `FROM=IN,CACHED,WRITE,OUT`
//! with `FROM` a day or `*`; a price is empty (none) or millionths of a dollar
//! per 1M tokens, `BASE` or `BASE~ABOVE:PRICE~…` with its input-length tiers.
//! `hours`: `HHMM-HHMM` in UTC, `w` for weekdays only, `@DAY` for a first
//! day, then `=` and the four prices.
//!
//! Then the words for the reader that the widget needs only after its
//! first paint: one line per default of `assumptions.toml`, in its order,
//! for the help texts; and every GPU, whole (the widget's tables hold only
//! the default scenario's):
//!
//! ```text
//! =name  says  by  url  seen
//! ^id  name  short_name  vendor  memory_gb  memory_bandwidth_tb_s  bf16_tflops  fp8_tflops  fp4_tflops  board_power_w  link  gpus_per_server  spec_url  rent  rent_seen_at  usable_memory_fraction  flags  idle_power_w  purchase_usd_per_gpu  purchase_seen_at  as_of
//! ```
//!
//! A GPU's `fp8_tflops` and `fp4_tflops` are empty where it has none; `link`
//! is `nvlink`, `infinityfabric` or `pcie`; `rent` is `LOW TYPICAL HIGH`
//! in dollars an hour, empty for a machine no one rents out; `flags` `w`
//! when the board power is the whole machine's.

use std::fmt::Write as _;

use super::Catalogue;
use super::files::{KvLayout, Model};
use super::prices::{Dated, Price};
use super::types::{ApiKind, Openness};

/// The first line's words, and the version this writes.
pub const MAGIC: &str = "crossover-price-list";
pub const VERSION: u32 = 1;

fn price(p: &Option<Price>, out: &mut String) {
    if let Some((base, tiers)) = p {
        write!(out, "{}", (base * 1e6).round() as u64).unwrap();
        for (above, price) in tiers {
            write!(out, "~{}:{}", *above as u64, (price * 1e6).round() as u64).unwrap();
        }
    }
}

fn prices(d: &Dated, out: &mut String) {
    for (i, p) in [&d.input, &d.cached_input, &d.cache_write, &d.output]
        .into_iter()
        .enumerate()
    {
        if i > 0 {
            out.push(',');
        }
        price(p, out);
    }
}

fn dated(list: &[Dated], out: &mut String) {
    for (i, d) in list.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(d.from.as_deref().unwrap_or("*"));
        out.push('=');
        prices(d, out);
    }
}

/// A model's line: the first of the list, so an offering can name it.
fn model(m: &Model, out: &mut String) {
    let mut flags = String::new();
    for (on, flag) in [
        (m.permissive, 'p'),
        (m.commercial_use, 'c'),
        (m.openness == Openness::FullyOpen, 'f'),
    ] {
        if on {
            flags.push(flag);
        }
    }
    let kv = match m.kv {
        KvLayout::GroupedQuery { kv_heads, head_dim } => format!("g{}x{}", kv_heads.0, head_dim.0),
        KvLayout::Latent { kv_latent_dim } => format!("l{}", kv_latent_dim.0),
    };
    let (sliding_layers, sliding_tokens) = m
        .sliding_window
        .as_ref()
        .map_or((0, 0.0), |w| (w.layers.0, w.tokens.0));
    let columns = [
        m.id.0.clone(),
        m.name.0.clone(),
        m.family.0.clone(),
        m.maker.0.clone(),
        m.licence.0.clone(),
        super::generate::licence_url(m).to_string(),
        flags,
        m.commercial_restriction.clone(),
        m.hf_repo.as_str().to_string(),
        m.total_params_b.0.to_string(),
        m.active_params_b.0.to_string(),
        m.experts
            .as_ref()
            .map_or(String::new(), |e| e.total.0.to_string()),
        m.experts
            .as_ref()
            .map_or(String::new(), |e| e.per_token.0.to_string()),
        m.layers.0.to_string(),
        m.query_heads.0.to_string(),
        kv,
        m.full_attention_layers.unwrap_or(m.layers.0).to_string(),
        sliding_layers.to_string(),
        sliding_tokens.to_string(),
        m.sliding_window
            .as_ref()
            .map_or(0, |w| w.kv_values())
            .to_string(),
        m.compressed
            .iter()
            .map(|g| {
                let precision = g
                    .indexer_precision
                    .map_or(String::new(), |p| format!("p{}", p.id()));
                format!(
                    "{}x{}i{}k{}{precision}",
                    g.layers.0, g.ratio.0, g.indexer_values, g.rows_read
                )
            })
            .collect::<Vec<_>>()
            .join(" "),
        m.linear_state_bytes
            .as_ref()
            .map_or(0.0, |b| b.0)
            .to_string(),
        m.max_context_tokens.0.to_string(),
        m.native_precision.id().to_string(),
        m.as_of.0.clone(),
    ];
    writeln!(out, "~{}", columns.join("\t")).unwrap();
}

/// The whole list.
pub fn encode(c: &Catalogue) -> String {
    let mut out = format!("{MAGIC}\t{VERSION}\t{}\n", c.genai.written_on.0);
    for m in &c.models {
        model(m, &mut out);
    }
    for a in &c.priced {
        let mut flags = String::new();
        for (on, flag) in [
            (a.kind == ApiKind::HostedOpen, 'o'),
            (a.retired, 'r'),
            (a.resold, 's'),
            (!a.from_genai, 'h'),
        ] {
            if on {
                flags.push(flag);
            }
        }
        let context = a
            .context_window_tokens
            .map_or(String::new(), |t| format!("{}", t as u64));
        write!(
            out,
            "{}\t{}\t{}\t{flags}\t{}\t{context}\t{}\t{}\t{}\t",
            a.id,
            a.name,
            a.provider,
            a.open_model.as_deref().unwrap_or(""),
            a.source,
            a.as_of,
            a.reader_note.as_deref().unwrap_or(""),
        )
        .unwrap();
        dated(&a.prices, &mut out);
        out.push('\t');
        dated(&a.batch, &mut out);
        out.push('\t');
        for (i, h) in a.hours.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            write!(
                out,
                "{:02}{:02}-{:02}{:02}",
                h.utc_start_minute / 60,
                h.utc_start_minute % 60,
                h.utc_end_minute / 60,
                h.utc_end_minute % 60
            )
            .unwrap();
            if h.weekdays_only {
                out.push('w');
            }
            if let Some(from) = &h.from {
                write!(out, "@{from}").unwrap();
            }
            out.push('=');
            prices(&h.prices, &mut out);
        }
        out.push('\n');
    }
    for g in &c.gpus {
        let optional = |v: Option<f64>| v.map_or(String::new(), |v| v.to_string());
        let rent = g.rent_usd_per_gpu_hour.as_ref().map_or(String::new(), |r| {
            format!("{} {} {}", r.low.0, r.typical.0, r.high.0)
        });
        writeln!(
            out,
            "^{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{rent}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            g.id.0,
            g.name.0,
            g.short_name.0,
            g.vendor.0,
            g.memory_gb.0,
            g.memory_bandwidth_tb_s.0,
            g.bf16_tflops.0,
            optional(g.fp8_tflops.as_ref().map(|v| v.0)),
            optional(g.fp4_tflops.as_ref().map(|v| v.0)),
            g.board_power_w.0,
            g.multi_gpu_link
                .rust()
                .trim_start_matches("GpuLink::")
                .to_lowercase(),
            g.gpus_per_server.0,
            super::generate::spec_url(g),
            g.rent_seen_at.as_ref().map_or("", |t| t.as_str()),
            g.usable_memory_fraction.as_ref().map_or(1.0, |f| f.0),
            if g.whole_machine_power { "w" } else { "" },
            optional(g.idle_power_w.as_ref().map(|v| v.0)),
            g.purchase_usd_per_gpu.0,
            g.purchase_seen_at.0,
            g.as_of.0,
        )
        .unwrap();
    }
    for d in &c.assumptions.defaults {
        writeln!(
            out,
            "={}\t{}\t{}\t{}\t{}",
            d.name,
            d.says.0,
            d.by.as_ref().map_or("", |b| b.0.as_str()),
            d.url.as_ref().map_or("", |u| u.as_str()),
            d.seen.as_ref().map_or("", |x| x.0.as_str()),
        )
        .unwrap();
    }
    out
}

/// `prices-<hash>.txt`: a new name whenever the content changes, so no
/// cache serves an old list to a new widget.
pub fn file_name(list: &str) -> String {
    // FNV-1a, 64 bits: stable across builds and platforms.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in list.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("prices-{hash:016x}.txt")
}
