//! Markup written as text, for the parts of the page with no controls (the
//! results table, the legend): a string is much smaller in the bundle than
//! a tree of elements (docs/performance.md). Every piece of text placed in
//! it goes through [`escape`], because names come from share links.

/// Text made safe to place in markup, as element content or in a quoted
/// attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A link that opens outside the widget (and outside its frame).
pub fn outside_link(href: &str, text: &str) -> String {
    format!(
        "<a href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\">{}</a>",
        escape(href),
        escape(text)
    )
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_in_names_stays_text() {
        assert_eq!(
            escape("<img src=x onerror=\"alert('1')\">&"),
            "&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;"
        );
        assert_eq!(escape("Acme · 50% off"), "Acme · 50% off");
    }
}
