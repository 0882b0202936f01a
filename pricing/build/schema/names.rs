//! The words an imported offering gets from its genai-prices model id: its
//! share-link id, a readable name where genai-prices gives none, and the key
//! that pairs it with an open model of `models.toml`.

/// `prefix` and the model's id: lowercase, without the organisation
/// (`meta-llama/`), anything but letters, digits and '.' made '-'.
/// `together-` + `meta-llama/Llama-3.3-70B-Instruct-Turbo` is
/// `together-llama-3.3-70b-instruct-turbo`.
pub fn made_id(prefix: &str, model: &str) -> String {
    let base = model.rsplit('/').next().unwrap_or(model).to_lowercase();
    let mut slug = String::with_capacity(base.len());
    for c in base.chars() {
        let c = if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' {
            c
        } else {
            '-'
        };
        if !(c == '-' && (slug.is_empty() || slug.ends_with('-'))) {
            slug.push(c);
        }
    }
    let slug = slug.trim_end_matches('-');
    if !prefix.is_empty() && slug.starts_with(prefix) {
        slug.to_string()
    } else {
        format!("{prefix}{slug}")
    }
}

/// Words a host adds to a model's name that do not change the model:
/// instruction tuning, its own serving names, number formats.
const SERVING_WORDS: &[&str] = &[
    "instruct",
    "it",
    "chat",
    "turbo",
    "versatile",
    "instant",
    "basic",
    "fp8",
    "fp4",
    "bf16",
    "hf",
    "maas",
    "tput",
    "latest",
];

/// What names one model whatever its host calls it: lowercase words of the
/// name without the organisation, a cloud's vendor and version parts and the
/// serving words, a family's name apart from its number (`llama3`), a
/// version's parts joined (`3-3`, `3p1`) and a version's `v` dropped.
/// `Llama-3.3-70B-Instruct`, `llama-3.3-70b-versatile`,
/// `meta-llama/Meta-Llama-3.3-70B-Instruct-Turbo` and Bedrock's
/// `meta.llama3-3-70b-instruct-v1:0` are all `llama 3.3 70b`.
pub fn model_key(text: &str) -> String {
    let (base, _) = cloud_base(text);
    let chars: Vec<char> = base.to_lowercase().chars().collect();
    let digit = |j: Option<usize>| {
        j.and_then(|j| chars.get(j))
            .is_some_and(char::is_ascii_digit)
    };
    let mut spaced = String::with_capacity(chars.len() + 4);
    let mut letters = 0;
    for (i, &c) in chars.iter().enumerate() {
        if c == 'p' && digit(i.checked_sub(1)) && digit(Some(i + 1)) {
            // Fireworks writes 3.1 as 3p1.
            spaced.push('.');
        } else {
            // A family's name and its number are two words: llama3 is llama 3.
            if c.is_ascii_digit() && letters >= 2 {
                spaced.push(' ');
            }
            spaced.push(c);
        }
        letters = if c.is_ascii_alphabetic() {
            letters + 1
        } else {
            0
        };
    }
    let mut words: Vec<String> = Vec::new();
    for word in spaced
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
        .filter(|w| !w.is_empty() && !SERVING_WORDS.contains(w))
    {
        let word = match word.strip_prefix('v') {
            Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => rest,
            _ => word,
        };
        join_version(&mut words, word, str::to_string);
    }
    if words.first().is_some_and(|w| w == "meta") {
        words.remove(0);
    }
    words.join(" ")
}

/// Adds `word` to `words`; a number of one or two digits after a word that
/// ends in a digit continues its version (`4`, `5` is `4.5`).
fn join_version(words: &mut Vec<String>, word: &str, make: impl Fn(&str) -> String) {
    let short_number = word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit());
    match words.last_mut() {
        Some(last) if short_number && last.ends_with(|c: char| c.is_ascii_digit()) => {
            last.push('.');
            last.push_str(word);
        }
        _ => words.push(make(word)),
    }
}

/// A model id without its organisation (`meta-llama/`), a cloud's scope
/// (`global.`), vendor (`anthropic.`) and version (`-v1:0`); and the scope.
fn cloud_base(model: &str) -> (&str, &str) {
    let mut base = model.rsplit('/').next().unwrap_or(model);
    let mut scope = "";
    for region in ["global.", "regional."] {
        if let Some(rest) = base.strip_prefix(region) {
            scope = &region[..region.len() - 1];
            base = rest;
        }
    }
    if let Some((vendor, rest)) = base.split_once('.')
        && vendor.bytes().all(|b| b.is_ascii_alphabetic())
        && rest.starts_with(|c: char| c.is_ascii_alphabetic())
    {
        base = rest;
    }
    if let Some(at) = base.rfind(':') {
        base = &base[..at];
        if let Some(at) = base.rfind('-')
            && base[at + 1..]
                .trim_start_matches('v')
                .bytes()
                .all(|b| b.is_ascii_digit())
        {
            base = &base[..at];
        }
    }
    (base, scope)
}

/// Words spelled their own way in names.
const SPELLINGS: &[(&str, &str)] = &[
    ("gpt", "GPT"),
    ("glm", "GLM"),
    ("oss", "oss"),
    ("ai", "AI"),
    ("it", "IT"),
    ("vl", "VL"),
    ("qwq", "QwQ"),
    ("deepseek", "DeepSeek"),
    ("minimax", "MiniMax"),
    ("flashx", "FlashX"),
    ("airx", "AirX"),
];

/// A name to show for a model genai-prices gives none for:
/// `global.anthropic.claude-opus-4-5-v1:0` is "Claude Opus 4.5 (global)",
/// `kimi-k3.1-pro` is "Kimi K3.1 Pro".
pub fn readable_name(model: &str) -> String {
    let (base, scope) = cloud_base(model);
    let mut words: Vec<String> = Vec::new();
    for word in base.split(['-', '_', ' ']).filter(|w| !w.is_empty()) {
        join_version(&mut words, word, spell);
    }
    let name = words.join(" ");
    if scope.is_empty() {
        name
    } else {
        format!("{name} ({scope})")
    }
}

fn spell(word: &str) -> String {
    let lower = word.to_lowercase();
    if let Some((_, spelled)) = SPELLINGS.iter().find(|(w, _)| *w == lower) {
        return spelled.to_string();
    }
    let mut chars = lower.chars();
    let first = chars.next().unwrap_or_default();
    let rest: String = chars.collect();
    if first.is_ascii_digit() {
        // 70b, 128k, 8x7b: sizes keep their letter in capitals.
        lower
            .char_indices()
            .map(|(i, c)| {
                let after_digit = i > 0 && lower.as_bytes()[i - 1].is_ascii_digit();
                if after_digit && c != 'x' {
                    c.to_ascii_uppercase()
                } else {
                    c
                }
            })
            .collect()
    } else if rest.starts_with(|c: char| c.is_ascii_digit()) {
        // k3.1, r1, a22b: a letter and a version.
        let mut out = first.to_ascii_uppercase().to_string();
        out.push_str(&rest.to_uppercase());
        out
    } else {
        let mut out = first.to_ascii_uppercase().to_string();
        out.push_str(&rest);
        out
    }
}

/// Whether `words` names an open-weight model in the model's id or name.
pub fn has_open_weight_name(model: &str, name: Option<&str>, words: &[&str]) -> bool {
    let text = format!(
        "{} {}",
        model.to_lowercase(),
        name.unwrap_or("").to_lowercase()
    );
    words.iter().any(|w| text.contains(&w.to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert_eq!(
            made_id("together-", "meta-llama/Llama-3.3-70B-Instruct-Turbo"),
            "together-llama-3.3-70b-instruct-turbo"
        );
        assert_eq!(made_id("", "gpt-6.2-astra"), "gpt-6.2-astra");
        assert_eq!(made_id("minimax-", "MiniMax-M3"), "minimax-m3");
        assert_eq!(
            made_id("bedrock-", "global.anthropic.claude-opus-4-5-v1:0"),
            "bedrock-global.anthropic.claude-opus-4-5-v1-0"
        );
    }

    #[test]
    fn keys() {
        for same in [
            "meta-llama/Llama-3.3-70B-Instruct",
            "llama-3.3-70b-versatile",
            "meta-llama/Meta-Llama-3.3-70B-Instruct-Turbo",
        ] {
            assert_eq!(model_key(same), "llama 3.3 70b", "{same}");
        }
        assert_eq!(model_key("llama-v3p1-8b-instruct"), "llama 3.1 8b");
        assert_eq!(
            model_key("meta.llama3-3-70b-instruct-v1:0"),
            "llama 3.3 70b"
        );
        assert_eq!(
            model_key("openai.gpt-oss-120b-1:0"),
            model_key("openai/gpt-oss-120b")
        );
        assert_eq!(model_key("Qwen/Qwen3-32B"), model_key("qwen/qwen3-32b"));
        assert_eq!(model_key("moonshotai/Kimi-K2.5"), model_key("kimi-k2p5"));
        assert_eq!(
            model_key("deepseek-v3p2"),
            model_key("deepseek-ai/DeepSeek-V3.2")
        );
        assert_ne!(
            model_key("Qwen/Qwen3-235B-A22B"),
            model_key("Qwen/Qwen3-235B-A22B-Instruct-2507")
        );
    }

    #[test]
    fn names() {
        assert_eq!(
            readable_name("global.anthropic.claude-opus-4-5-v1:0"),
            "Claude Opus 4.5 (global)"
        );
        assert_eq!(readable_name("kimi-k3.1-pro"), "Kimi K3.1 Pro");
        assert_eq!(
            readable_name("meta.llama3-3-70b-instruct-v1:0"),
            "Llama3.3 70B Instruct"
        );
        assert_eq!(readable_name("regional.zai.glm-5.3"), "GLM 5.3 (regional)");
        assert_eq!(
            readable_name("grok-4-1-fast-reasoning"),
            "Grok 4.1 Fast Reasoning"
        );
        assert_eq!(readable_name("openai.gpt-oss-120b-1:0"), "GPT oss 120B");
    }
}
