//! Text from the journal made safe to show on a terminal.
//!
//! Names, notes and what happened are the user's own words, but they may come from an
//! imported file: an escape sequence in a name could retitle or clear the terminal that prints
//! it. Both faces print journal text only through `printable`.

use std::borrow::Cow;

/// `text` with every control character (escape, carriage return, backspace, C1 controls and
/// the bidirectional overrides that reorder what follows) shown as a visible symbol instead of
/// acting on the terminal. Line breaks and tabs are kept.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(visible).collect())
}

fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// C0 controls become their Unicode control pictures (␛ for escape); the rest become �.
fn visible(c: char) -> char {
    if !is_unsafe(c) {
        return c;
    }
    match c as u32 {
        n @ 0..=0x1f => char::from_u32(0x2400 + n).unwrap_or('\u{fffd}'),
        0x7f => '\u{2421}',
        _ => '\u{fffd}',
    }
}

#[cfg(test)]
mod tests {
    use super::printable;

    #[test]
    fn escape_sequences_are_shown_not_obeyed() {
        let name = "Sam\u{1b}]0;owned\u{7}\u{1b}[2J";
        let shown = printable(name);
        assert!(!shown.chars().any(|c| c.is_control()), "{shown:?}");
        assert!(shown.starts_with("Sam␛]0;owned"), "{shown}");
    }

    #[test]
    fn ordinary_text_line_breaks_and_tabs_are_kept() {
        assert_eq!(
            printable("Zoë helped\n\twith the move"),
            "Zoë helped\n\twith the move"
        );
        assert_eq!(printable("a\u{202e}b"), "a\u{fffd}b");
        assert_eq!(printable("a\rb\u{9b}c"), "a␍b\u{fffd}c");
    }
}
