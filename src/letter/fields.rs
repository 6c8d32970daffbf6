//! Each field of a [`Letter`], from the sources that may hold it, most
//! reliable first.

use chrono::NaiveDate;

use super::Letter;
use super::addressee;
use super::body;
use super::committee;
use super::dates;
use super::form::{self, Form};
use super::groups;
use super::kind;
use super::layout::Layout;
use super::lines::{self, Line};
use super::signatures::{self, Signed};
use super::title;

/// A letter being read: its lines, their layout and the head's labels.
struct Reading<'a> {
    lines: &'a [Line],
    layout: Layout,
    form: Form,
    signed: Signed,
    /// The kind line with its wrapped continuation.
    kind_text: Option<String>,
    /// Paragraphs of the head.
    head: Vec<String>,
    /// Paragraphs after the kind line up to the body's first heading or list
    /// (included: "Die SPD-Fraktion beantragt:"), where the groups are named.
    intro: Vec<String>,
    unsure: Vec<&'static str>,
}

/// Reads every field of a letter.
pub(crate) fn read(text: &str) -> Letter {
    let lines = lines::clean(text);
    let signed = signatures::read(&lines);
    let layout = Layout::of(&lines, signed.start);
    let form = form::read(&lines[..layout.body_start]);
    let kind_text = layout
        .kind
        .map(|k| lines::join(lines[k..layout.kind_end].iter().map(|l| l.text.as_str())));
    let texts = |range: &[Line]| -> Vec<String> {
        lines::paragraphs(range)
            .into_iter()
            .map(|(_, t)| t)
            .collect()
    };
    let intro_end = lines.len().min(layout.intro_end + 1).min(layout.body_end);
    let mut r = Reading {
        lines: &lines,
        layout,
        form,
        signed,
        kind_text,
        head: texts(&lines[..layout.body_start]),
        intro: texts(&lines[layout.kind_end.min(intro_end)..intro_end]),
        unsure: Vec::new(),
    };
    let kind = r.kind();
    let inquiry = kind
        .as_deref()
        .is_some_and(|k| k.to_lowercase().ends_with("anfrage"));
    let body = body::read(
        &lines[layout.body_start..layout.body_end],
        layout.lead(&lines).as_deref(),
        inquiry,
    );
    let (committee, session_date) = r.session();
    let mut letter = Letter {
        kind,
        basis: r.basis(),
        title: r.title(),
        submitted: r.submitted(session_date),
        submitters: r.submitters(),
        signatories: std::mem::take(&mut r.signed.people),
        addressee: r.addressee(),
        reference: r.form.reference.take(),
        committee,
        session_date,
        proposal: paragraphs(&body.proposal),
        rationale: paragraphs(&body.rationale),
        questions: body.questions,
        unsure: Vec::new(),
    };
    if body.rationale_guessed && letter.rationale.is_some() {
        r.unsure.push("rationale");
    }
    if body.questions_guessed {
        r.unsure.push("questions");
    }
    if body.proposal_guessed {
        r.unsure.push("proposal");
    }
    letter.unsure = r.unsure;
    letter
}

fn paragraphs(parts: &[String]) -> Option<String> {
    let text = parts.join("\n\n");
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

impl Reading<'_> {
    fn head(&self) -> &[Line] {
        &self.lines[..self.layout.body_start]
    }

    fn kind(&mut self) -> Option<String> {
        if let Some(k) = self.layout.kind {
            return kind::kind_of(&self.lines[k].text).map(|(kind, _)| kind);
        }
        // A sentence may still say it: "bitten, folgenden Antrag … zu stellen".
        let found = self.intro.iter().find_map(|p| kind::named_in(p));
        if found.is_some() {
            self.unsure.push("kind");
        }
        found
    }

    fn basis(&mut self) -> Option<String> {
        let (basis, sure) = self
            .kind_text
            .iter()
            .chain(&self.head)
            .chain(&self.intro)
            .find_map(|text| kind::basis(text))?;
        if !sure {
            self.unsure.push("basis");
        }
        Some(basis)
    }

    fn title(&mut self) -> Option<String> {
        if let Some(title) = self.form.title.take() {
            return Some(title);
        }
        let (title, sure) = title::find(self.lines, &self.layout, self.form.labels)?;
        if !sure {
            self.unsure.push("title");
        }
        Some(title)
    }

    /// The letter's own date: labelled, "vom …" in the kind line, or a date
    /// line in the head that is not the session's.
    fn submitted(&self, session: Option<NaiveDate>) -> Option<NaiveDate> {
        let labelled = self.form.date.or(self.form.received);
        let of_kind = || {
            let text = self.kind_text.as_deref()?;
            let at = text.find("vom ")?;
            dates::leading(&text[at + 4..])
        };
        let (kind_start, kind_end) = (self.layout.kind.unwrap_or(0), self.layout.kind_end);
        let line = || {
            self.head()
                .iter()
                .enumerate()
                .filter(|(i, _)| !(kind_start..kind_end).contains(i))
                .find_map(|(_, l)| dates::only(&l.text).filter(|d| Some(*d) != session))
        };
        labelled.or_else(of_kind).or_else(line)
    }

    /// Committee and date: the head's table or labels, else the sentence
    /// "zur Sitzung des … am …" in the kind line or the introduction.
    fn session(&mut self) -> (Option<String>, Option<NaiveDate>) {
        let mut committee = self.form.committee.clone();
        let mut date = self.form.session_date;
        if self.form.rows > 1 {
            self.unsure.push("session");
        }
        let kind_line = self.kind_text.iter().map(|t| (t, true));
        let prose = self.head.iter().chain(&self.intro).map(|t| (t, false));
        for (text, to_end) in kind_line.chain(prose) {
            if committee.is_some() && date.is_some() {
                break;
            }
            let found = committee::session_in(text, to_end);
            if committee.is_none() {
                committee = found.committee;
            }
            date = date.or(found.date);
        }
        (committee, date)
    }

    /// Labelled groups, then those the kind line or the introduction name,
    /// then the letterhead, the signature block, and last the signatories'
    /// roles or a single councillor (unsure).
    fn submitters(&mut self) -> Vec<String> {
        if let Some(sender) = &self.form.sender {
            let found = groups::groups_of_value(sender);
            if !found.is_empty() {
                return found;
            }
        }
        // "Anfrage: GRÜNE"
        let labelled = self.head().iter().find_map(|l| {
            let (_, rest) = kind::kind_of(&l.text)?;
            let value = rest.strip_prefix(':')?;
            Some(groups::groups_of_value(value)).filter(|g| !g.is_empty())
        });
        if let Some(found) = labelled {
            return found;
        }
        let named = self
            .kind_text
            .iter()
            .chain(&self.intro)
            .map(|text| groups::groups_in(text))
            .find(|g| !g.is_empty());
        if let Some(found) = named {
            return found;
        }
        let letterhead = &self.lines[..self.layout.kind.unwrap_or(0)];
        let signature = &self.lines[self.signed.start..];
        let listed = letterhead.iter().chain(signature).find_map(|l| {
            let found = groups::group_line(&l.text)
                .map(|name| vec![name])
                .unwrap_or_else(|| groups::groups_in(&l.text));
            (!found.is_empty()).then_some(found)
        });
        if let Some(found) = listed {
            return found;
        }
        let alone = self
            .intro
            .iter()
            .map(String::as_str)
            .chain(letterhead.iter().map(|l| l.text.as_str()))
            .find_map(groups::councillor_in);
        let roles = || -> Vec<String> {
            let mut found: Vec<String> = Vec::new();
            for person in &self.signed.people {
                if let Some(group) = person.role.as_deref().and_then(groups::group_of_role)
                    && !found.contains(&group)
                {
                    found.push(group);
                }
            }
            found
        };
        let guessed = alone.map(|name| vec![name]).unwrap_or_else(roles);
        if !guessed.is_empty() {
            self.unsure.push("submitters");
        }
        guessed
    }

    fn addressee(&self) -> Option<String> {
        if !self.form.addressee.is_empty() {
            return addressee::from_cells(&self.form.addressee);
        }
        let end = self.layout.kind.unwrap_or(self.layout.body_start);
        addressee::from_block(&self.lines[..end])
    }
}
