//! What a hit is and where it belongs, in words: "Frage 1" in
//! "Ausschuss … 07.09.2022 › TOP 4 › kim-bericht-2022".

use super::index::Target;
use super::target::FieldKind;
use crate::i18n::{self, Texts};
use crate::model::Dataset;

/// The session (and agenda item) a motion sits at: the first agenda that
/// lists it, else the session it names.
pub fn placement(data: &Dataset, motion: usize) -> Option<(usize, Option<usize>)> {
    let id = &data.motions[motion].id;
    for (s, session) in data.sessions.iter().enumerate() {
        if let Some(i) = session
            .agenda
            .iter()
            .position(|item| item.motions.contains(id))
        {
            return Some((s, Some(i)));
        }
    }
    let named = data.motions[motion].session.as_deref()?;
    let s = data.sessions.iter().position(|s| s.id == named)?;
    Some((s, None))
}

/// Where every motion sits, worked out once: for describing many hits.
pub fn placements(data: &Dataset) -> Vec<Option<(usize, Option<usize>)>> {
    let by_id: std::collections::HashMap<&str, usize> = data
        .motions
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.as_str(), i))
        .collect();
    let mut out: Vec<Option<(usize, Option<usize>)>> = vec![None; data.motions.len()];
    for (s, session) in data.sessions.iter().enumerate() {
        for (i, item) in session.agenda.iter().enumerate() {
            for id in &item.motions {
                if let Some(&m) = by_id.get(id.as_str())
                    && out[m].is_none()
                {
                    out[m] = Some((s, Some(i)));
                }
            }
        }
    }
    let sessions: std::collections::HashMap<&str, usize> = data
        .sessions
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    for (m, motion) in data.motions.iter().enumerate() {
        if out[m].is_none() {
            out[m] = motion
                .session
                .as_deref()
                .and_then(|id| sessions.get(id))
                .map(|&s| (s, None));
        }
    }
    out
}

/// The kind of a hit ("Sitzung", "TOP 4", "Anfrage", "Frage 2") and the path
/// of what it belongs to, outermost first.
pub fn describe(
    data: &Dataset,
    (target, field): (Target, FieldKind),
    texts: &dyn Texts,
) -> (String, Vec<String>) {
    describe_placed(data, (target, field), texts, &|m| placement(data, m))
}

/// `describe` with the placement of motions given, e.g. from [`placements`].
pub fn describe_placed(
    data: &Dataset,
    (target, field): (Target, FieldKind),
    texts: &dyn Texts,
    placement: &dyn Fn(usize) -> Option<(usize, Option<usize>)>,
) -> (String, Vec<String>) {
    let labels = texts.labels();
    let session_name = |s: usize| {
        let session = &data.sessions[s];
        format!("{} {}", session.committee, i18n::date(session.date))
    };
    let motion_path = |m: usize| -> Vec<String> {
        match placement(m) {
            Some((s, Some(i))) => vec![
                session_name(s),
                texts.agenda_item(&data.sessions[s].agenda[i].number),
            ],
            Some((s, None)) => vec![session_name(s), texts.not_on_agenda().into()],
            None => vec![texts.without_session().into()],
        }
    };
    let (kind, path) = match target {
        Target::Session { session } => (labels.session.to_string(), vec![session_name(session)]),
        Target::AgendaItem { session, item } => (
            texts.agenda_item(&data.sessions[session].agenda[item].number),
            vec![session_name(session)],
        ),
        Target::Motion { motion } => {
            // By its title as well where another of its fields matched, as
            // a question's hit: two motions on one item are told apart.
            let mut path = motion_path(motion);
            if field != FieldKind::MotionTitle {
                path.push(short_title(&data.motions[motion].title));
            }
            (data.motions[motion].kind.clone(), path)
        }
        Target::Question { motion, question } => {
            let m = &data.motions[motion];
            let mut path = motion_path(motion);
            // The motion by its title, as everywhere on screen.
            path.push(short_title(&m.title));
            (
                format!("{} {}", labels.question, m.questions[question].number),
                path,
            )
        }
    };
    (kind, path)
}

/// A title cut after its first few words, for a path that must fit.
fn short_title(title: &str) -> String {
    let words: Vec<&str> = title.split_whitespace().collect();
    match words.len() > 3 {
        true => format!("{} …", words[..3].join(" ")),
        false => words.join(" "),
    }
}

/// A one-line window of `text` of at most `width` characters around the
/// first highlighted position, with the positions moved along; "…" marks
/// cut ends. Line breaks become spaces.
pub fn snippet(text: &str, positions: &[usize], width: usize) -> (String, Vec<usize>) {
    let chars: Vec<char> = text
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    if chars.len() <= width || width < 3 {
        let shown: String = chars
            .iter()
            .take(width.max(chars.len().min(width)))
            .collect();
        return (shown, positions.to_vec());
    }
    let first = positions.first().copied().unwrap_or(0);
    // Some context before the match, but never past the end.
    let start = first
        .saturating_sub(width / 4)
        .min(chars.len() - (width - 1));
    let lead = usize::from(start > 0);
    let room = width - lead;
    let end = (start + room).min(chars.len());
    let tail = usize::from(end < chars.len());
    let end = end - tail;
    let mut out = String::new();
    if lead == 1 {
        out.push('…');
    }
    out.extend(&chars[start..end]);
    if tail == 1 {
        out.push('…');
    }
    let moved = positions
        .iter()
        .filter(|&&p| p >= start && p < end)
        .map(|p| p - start + lead)
        .collect();
    (out, moved)
}

#[cfg(test)]
mod tests {
    use super::snippet;

    #[test]
    fn a_window_around_the_match() {
        let text = "0123456789abcdefghijklmnopqrstuvwxyz";
        assert_eq!(snippet(text, &[], 100).0, text);
        let (shown, at) = snippet(text, &[20, 21], 12);
        assert_eq!(shown, "…hijklmnopq…");
        assert_eq!(at, [4, 5]);
        assert_eq!(shown.chars().count(), 12);
        let (shown, _) = snippet("ab\ncd", &[], 10);
        assert_eq!(shown, "ab cd");
    }
}
