//! One overrides line as words: bare words (`lab.bib:12`, `yixing-xu`) and quoted names
//! (`"Wang, X."`), which may hold spaces. A `#` that begins a word outside quotes begins a
//! comment, so a URL may hold one (`https://lab.example/#team`).

/// A word of a line and the column (1-based, in characters) where it begins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The word without its quotes.
    pub text: String,
    pub column: u32,
}

/// The words of a line before its comment, or the column of a quote that is never closed.
pub fn split(line: &str) -> Result<Vec<Word>, u32> {
    let mut words = Vec::new();
    let mut chars = line.chars().zip(1u32..).peekable();
    while let Some((c, column)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if c == '#' {
            break;
        }
        let mut text = String::new();
        if c == '"' {
            loop {
                match chars.next() {
                    Some(('"', _)) => break,
                    Some((c, _)) => text.push(c),
                    None => return Err(column),
                }
            }
        } else {
            text.push(c);
            while let Some((c, _)) = chars.next_if(|(c, _)| !c.is_whitespace()) {
                text.push(c);
            }
        }
        words.push(Word { text, column });
    }
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(line: &str) -> Vec<(String, u32)> {
        split(line)
            .unwrap()
            .into_iter()
            .map(|w| (w.text, w.column))
            .collect()
    }

    #[test]
    fn bare_and_quoted_words_with_their_columns() {
        assert_eq!(
            texts(r#"same "Xu, Y."  yixing-xu # a comment"#),
            [
                ("same".to_string(), 1),
                ("Xu, Y.".to_string(), 6),
                ("yixing-xu".to_string(), 16)
            ]
        );
        assert_eq!(
            texts("homepage a https://x.org/#team"),
            [
                ("homepage".to_string(), 1),
                ("a".to_string(), 10),
                ("https://x.org/#team".to_string(), 12)
            ]
        );
        assert_eq!(texts(r#""a # b""#), [("a # b".to_string(), 1)]);
        assert!(texts("  # only a comment").is_empty());
    }

    #[test]
    fn an_unclosed_quote_is_found_by_its_column() {
        assert_eq!(split(r#"name "Wang, X. Xin"#), Err(6));
    }
}
