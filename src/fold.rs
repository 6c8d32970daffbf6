//! Folds text for matching: lower case, and the German letters to the
//! forms people type without them (ä→ae, ö→oe, ü→ue, ß→ss).

/// The folded text, and for each of its characters the index of the
/// original character it came from (to highlight matches in the original).
pub fn fold_with_map(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        push_folded(c, &mut out, &mut |_| map.push(i));
    }
    (out, map)
}

/// The folded text alone.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Appends the folded `text` to `out`.
pub fn fold_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        // Most of the text: no letters to expand, one pass.
        let start = out.len();
        out.push_str(text);
        // Safe on a str: ASCII lower-casing keeps it ASCII.
        out[start..].make_ascii_lowercase();
        return;
    }
    for c in text.chars() {
        match c {
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            c if c.is_ascii() => out.push(c),
            'ä' | 'Ä' => out.push_str("ae"),
            'ö' | 'Ö' => out.push_str("oe"),
            'ü' | 'Ü' => out.push_str("ue"),
            'ß' | 'ẞ' => out.push_str("ss"),
            c => out.extend(c.to_lowercase()),
        }
    }
}

fn push_folded(c: char, out: &mut String, each: &mut dyn FnMut(char)) {
    let mut push = |c: char| {
        out.push(c);
        each(c);
    };
    match c {
        'ä' | 'Ä' => "ae".chars().for_each(&mut push),
        'ö' | 'Ö' => "oe".chars().for_each(&mut push),
        'ü' | 'Ü' => "ue".chars().for_each(&mut push),
        'ß' | 'ẞ' => "ss".chars().for_each(&mut push),
        c if c.is_ascii() => push(c.to_ascii_lowercase()),
        c => c.to_lowercase().for_each(&mut push),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_letters_fold_to_what_people_type() {
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Maßnahmen"), "massnahmen");
        assert_eq!(
            fold("Bürgermeister ÖFFNET Tür"),
            "buergermeister oeffnet tuer"
        );
        assert_eq!(fold("straße"), fold("STRASSE"));
    }

    #[test]
    fn the_map_points_back_at_the_original_characters() {
        let (folded, map) = fold_with_map("Maß!");
        assert_eq!(folded, "mass!");
        assert_eq!(map, [0, 1, 2, 2, 3]);
    }
}
