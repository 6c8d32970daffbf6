//! Walks OParl from the sources given to the meetings and papers they
//! lead to, and reads each into the few fields a session or motion keeps.
//! A meeting given (or listed) brings its agenda's papers; a paper brings
//! the meetings it is consulted in, for their agendas to carry it.

use std::collections::{HashMap, HashSet, VecDeque};
use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime};
use serde_json::Value;

use super::committee::committee_of;
use super::object::{self, Kind, Link, flag, links, number, one_link, text};
use super::resolve::Resolver;
use super::say::Say;
use super::time::start_of;

use super::web::is_url;

/// A meeting as a session keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct MeetingIn {
    pub id: String,
    pub committee: String,
    pub start: NaiveDateTime,
    /// Whether `start` gave a time of day (not only a date).
    pub timed: bool,
    pub location: Option<String>,
    pub files: Vec<String>,
    pub items: Vec<ItemIn>,
    pub deleted: bool,
    /// The council system says it will not take place.
    pub cancelled: bool,
    /// Whether `committee` is the organization's name (or the meeting's,
    /// where it names no organization): not a guess after a failed fetch.
    pub committee_sure: bool,
}

/// An agenda item, in the meeting's order.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemIn {
    pub id: Option<String>,
    pub number: String,
    pub title: String,
    pub public: bool,
    /// OParl ids of the papers consulted under it.
    pub papers: Vec<String>,
}

/// A paper as a motion keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct PaperIn {
    pub id: String,
    pub kind: String,
    pub title: String,
    pub reference: Option<String>,
    pub date: Option<NaiveDate>,
    pub office: Option<String>,
    pub submitters: Vec<String>,
    pub files: Vec<String>,
    /// The texts of its documents, main file first (only where asked for).
    pub texts: Vec<String>,
    /// Where it is consulted: meeting id and agenda item id.
    pub consultations: Vec<(Option<String>, Option<String>)>,
    pub deleted: bool,
}

/// What a pull found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pull {
    pub meetings: Vec<MeetingIn>,
    pub papers: Vec<PaperIn>,
    pub said: Vec<Say>,
    /// The data folder's files with errors, as read with the pull (see
    /// [`Job::flawed`](super::Job)).
    pub flawed: super::Flawed,
    /// What the data folder keeps of the last import (see `base`), read
    /// with the pull likewise.
    pub bases: super::Bases,
}

/// Which meetings a Body, System or Organization brings.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Meetings starting on or after this day.
    pub since: Option<NaiveDate>,
    /// Meetings of a committee whose name contains this (any case).
    pub committee: Option<String>,
    /// The council's time zone, for start times given in UTC.
    pub zone: chrono_tz::Tz,
}

enum Job {
    /// A meeting; `full` where its papers are pulled too.
    Meeting(Link, bool),
    Paper(Link),
    /// Meetings of a list, within the limits.
    Meetings(Link),
    Any(Value),
}

/// Pulls everything the sources lead to. `wants_text` says for which
/// papers (by OParl id) the documents are read for questions: those new
/// here, or whose motion has none yet.
pub fn pull(
    resolver: &mut Resolver,
    sources: &[String],
    limits: &Limits,
    wants_text: &dyn Fn(&str) -> bool,
) -> Pull {
    let mut walk = Walk {
        r: resolver,
        limits,
        jobs: VecDeque::new(),
        seen: HashSet::new(),
        meetings_seen: HashMap::new(),
        pull: Pull::default(),
        left_out: (0, 0),
    };
    for source in sources {
        let value = if is_url(source) {
            let got = walk.r.url(source);
            if got.is_none() {
                walk.r.source_failed(source);
            }
            got
        } else {
            walk.r.file(Path::new(source))
        };
        if let Some(v) = value {
            walk.any(v, Some(source));
        }
    }
    while let Some(job) = walk.jobs.pop_front() {
        match job {
            Job::Any(v) => walk.any(v, None),
            Job::Meeting(link, full) => walk.meeting(&link, full),
            Job::Paper(link) => walk.paper(&link, wants_text),
            Job::Meetings(link) => walk.meetings(&link),
        }
    }
    let mut said = walk.r.take_said();
    // A run that finds nothing says why, not only where something failed.
    let (early, others) = walk.left_out;
    let empty = walk.pull.meetings.is_empty() && walk.pull.papers.is_empty();
    if empty && (early + others > 0 || !said.iter().any(Say::is_problem)) {
        said.push(Say::Nothing {
            early,
            since: limits.since,
            others,
            committee: limits.committee.clone(),
        });
    }
    walk.pull.said = said;
    walk.pull
}

struct Walk<'w, 'p> {
    r: &'w mut Resolver<'p>,
    limits: &'w Limits,
    jobs: VecDeque<Job>,
    seen: HashSet<String>,
    /// Meetings read, and whether with their papers.
    meetings_seen: HashMap<String, bool>,
    pull: Pull,
    /// Meetings left out: before `since`, of another committee.
    left_out: (usize, usize),
}

impl Walk<'_, '_> {
    /// A source given (`source`: its name) or an item of a list.
    fn any(&mut self, v: Value, source: Option<&str>) {
        // Lists of bare addresses are as common as lists of objects.
        if let Value::String(url) = &v
            && is_url(url)
        {
            if let Some(found) = self.r.url(url) {
                self.any(found, Some(url));
            }
            return;
        }
        // A bare array is read as a list page's items.
        if let Value::Array(items) = &v {
            for item in items {
                self.jobs.push_back(Job::Any(item.clone()));
            }
            return;
        }
        let link = Link::Object(v.clone());
        match object::kind(&v) {
            Kind::Meeting => self.jobs.push_back(Job::Meeting(link, true)),
            Kind::Paper => self.jobs.push_back(Job::Paper(link)),
            Kind::List => {
                for item in self.r.list(&link) {
                    self.jobs.push_back(Job::Any(item));
                }
            }
            Kind::Organization | Kind::Body => {
                if let Some(list) = one_link(&v, "meeting") {
                    self.jobs.push_back(Job::Meetings(list));
                }
            }
            Kind::System => {
                let Some(bodies) = one_link(&v, "body") else {
                    return;
                };
                for body in self.r.list(&bodies) {
                    self.jobs.push_back(Job::Any(body));
                }
            }
            other => {
                let source = source
                    .map(str::to_string)
                    .or_else(|| object::id(&v).map(str::to_string))
                    .unwrap_or_else(|| crate::text::line(&short(&v)).into_owned());
                let found = match other {
                    Kind::Other => object::type_name(&v).map(str::to_string),
                    known => Some(known.name().to_string()),
                };
                self.r.say(match found {
                    Some(found) => Say::NotImportable { source, found },
                    None => Say::NotOparl { source },
                });
            }
        }
    }

    fn meetings(&mut self, list: &Link) {
        for item in self.r.list(list) {
            match item {
                Value::String(url) => self.jobs.push_back(Job::Meeting(Link::Url(url), true)),
                Value::Object(_) => self.jobs.push_back(Job::Meeting(Link::Object(item), true)),
                other => self.jobs.push_back(Job::Any(other)),
            }
        }
    }

    fn first_visit(&mut self, id: &str) -> bool {
        self.seen.insert(id.to_string())
    }

    fn meeting(&mut self, link: &Link, full: bool) {
        let Some(v) = self.r.get(link, Kind::Meeting) else {
            return;
        };
        let Some(id) = object::id(&v).map(str::to_string) else {
            let name = text(&v, "name").unwrap_or_default();
            self.r.say(Say::NoId {
                kind: "Meeting",
                name,
            });
            return;
        };
        // A meeting reached from a paper first and given itself later is
        // read again, with its papers.
        match self.meetings_seen.get(&id) {
            Some(true) => return,
            Some(false) if !full => return,
            Some(false) => self.pull.meetings.retain(|m| m.id != id),
            None => {}
        }
        self.meetings_seen.insert(id.clone(), full);
        let name = text(&v, "name");
        let deleted = flag(&v, "deleted").unwrap_or(false);
        let start = text(&v, "start").and_then(|s| start_of(&s, self.limits.zone));
        let Some((start, timed)) = start.or(deleted.then_some((NaiveDateTime::MIN, false))) else {
            let meeting = match name {
                Some(name) => format!("{name} ({id})"),
                None => id,
            };
            self.r.say(Say::NoStart { meeting });
            return;
        };
        let early = matches!(self.limits.since, Some(since) if start.date() < since);
        if full && early && !deleted {
            self.left_out.0 += 1;
            return;
        }
        // A deleted meeting is only told about: nothing of it is fetched.
        let organization_link = one_link(&v, "organization").filter(|_| !deleted);
        let organization = organization_link
            .as_ref()
            .and_then(|o| self.r.get(o, Kind::Organization))
            .and_then(|o| text(&o, "name"));
        let committee_sure = organization.is_some() || organization_link.is_none();
        let from_name = name
            .as_deref()
            .map(committee_of)
            .filter(|c| !c.is_empty())
            .or_else(|| name.clone());
        // A deleted meeting may be only its id, type and "deleted".
        let committee = organization
            .or(from_name)
            .or_else(|| deleted.then(String::new));
        let Some(committee) = committee else {
            self.r.say(Say::NoCommittee {
                meeting: id,
                date: start.date(),
            });
            return;
        };
        if let Some(wanted) = &self.limits.committee
            && !deleted
            && !crate::fold::fold(&committee).contains(&crate::fold::fold(wanted))
        {
            self.left_out.1 += 1;
            return;
        }
        let location = one_link(&v, "location")
            .filter(|_| !deleted)
            .and_then(|l| self.r.get(&l, Kind::Location))
            .and_then(|l| {
                text(&l, "description").or_else(|| {
                    let street = text(&l, "streetAddress")?;
                    Some(match text(&l, "locality") {
                        Some(town) => format!("{street}, {town}"),
                        None => street,
                    })
                })
            });
        let mut files = Vec::new();
        for key in [
            "invitation",
            "resultsProtocol",
            "verbatimProtocol",
            "auxiliaryFile",
        ] {
            for f in links(&v, key) {
                files.extend(file_url(&f).filter(|u| !files.contains(u)));
            }
        }
        let mut items = Vec::new();
        let agenda = if deleted {
            Vec::new()
        } else {
            links(&v, "agendaItem")
        };
        let mut raw: Vec<Value> = agenda
            .iter()
            .filter_map(|l| self.r.get(l, Kind::AgendaItem))
            .collect();
        // The array is the agenda's order; `order`, where every item has
        // one, is the standard's word for it.
        if raw.iter().all(|i| number(i, "order").is_some()) {
            raw.sort_by_key(|i| number(i, "order"));
        }
        for (position, item) in raw.iter().enumerate() {
            items.push(self.item(item, position, full));
        }
        self.pull.meetings.push(MeetingIn {
            id,
            committee,
            start,
            timed,
            location,
            files,
            items,
            deleted,
            cancelled: flag(&v, "cancelled").unwrap_or(false),
            committee_sure,
        });
    }

    fn item(&mut self, item: &Value, position: usize, full: bool) -> ItemIn {
        let public = public(item);
        // Without a number of its own, its place, marked as not official.
        let number = text(item, "number").unwrap_or_else(|| format!("({})", position + 1));
        let title = text(item, "name").unwrap_or_else(|| {
            if public {
                format!("Tagesordnungspunkt {number}")
            } else {
                "Nicht öffentlicher Tagesordnungspunkt".to_string()
            }
        });
        let mut papers = Vec::new();
        for c in links(item, "consultation") {
            // A consultation known only by URL is fetched for its paper.
            let paper = self
                .r
                .get(&c, Kind::Consultation)
                .and_then(|c| one_link(&c, "paper"));
            if let Some(p) = paper {
                papers.extend(p.id().map(str::to_string));
                if full {
                    self.jobs.push_back(Job::Paper(p));
                }
            }
        }
        ItemIn {
            id: object::id(item).map(str::to_string),
            number,
            title,
            public,
            papers,
        }
    }

    fn paper(&mut self, link: &Link, wants_text: &dyn Fn(&str) -> bool) {
        let Some(v) = self.r.get(link, Kind::Paper) else {
            return;
        };
        let Some(id) = object::id(&v).map(str::to_string) else {
            let name = text(&v, "name").unwrap_or_default();
            self.r.say(Say::NoId {
                kind: "Paper",
                name,
            });
            return;
        };
        if !self.first_visit(&id) {
            return;
        }
        let reference = text(&v, "reference");
        // A deleted paper is often only its id, type and "deleted": it is
        // matched by its id and told about, nothing more is needed.
        let deleted = flag(&v, "deleted").unwrap_or(false);
        let title = text(&v, "name")
            .or_else(|| reference.clone())
            .or_else(|| deleted.then(String::new));
        let Some(title) = title else {
            self.r.say(Say::NoName { paper: id });
            return;
        };
        let names = |w: &mut Self, key: &str| -> Vec<String> {
            links(&v, key)
                .iter()
                .filter_map(|o| w.r.get(o, Kind::Organization))
                .filter_map(|o| text(&o, "name"))
                .collect()
        };
        let office = names(self, "underDirectionOf").into_iter().next();
        let submitters = names(self, "originatorOrganization");
        let documents: Vec<Link> = links(&v, "mainFile")
            .into_iter()
            .chain(links(&v, "auxiliaryFile"))
            .collect();
        let mut files: Vec<String> = Vec::new();
        for url in documents.iter().flat_map(file_url) {
            if !files.contains(&url) {
                files.push(url);
            }
        }
        let kind = text(&v, "paperType");
        // The administration's own papers (an answer, a proposal) repeat
        // questions or number their points: read, they would make open
        // questions out of what is answered. Their documents are not fetched.
        let asks = kind.as_deref().is_none_or(super::paper_type::may_ask);
        let texts = match asks && wants_text(&id) {
            true => documents.iter().filter_map(|d| self.text_of(d)).collect(),
            false => Vec::new(),
        };
        let mut consultations = Vec::new();
        for c in links(&v, "consultation") {
            let Some(c) = self.r.get(&c, Kind::Consultation) else {
                continue;
            };
            let meeting = one_link(&c, "meeting");
            let item = one_link(&c, "agendaItem").and_then(|i| i.id().map(str::to_string));
            if let Some(m) = &meeting {
                self.jobs.push_back(Job::Meeting(m.clone(), false));
            }
            consultations.push((meeting.and_then(|m| m.id().map(str::to_string)), item));
        }
        self.pull.papers.push(PaperIn {
            id,
            kind: kind.unwrap_or_else(|| "Vorlage".to_string()),
            title,
            reference,
            date: text(&v, "date").and_then(|d| d.get(..10)?.parse().ok()),
            office,
            submitters,
            files,
            texts,
            consultations,
            deleted,
        });
    }

    /// A document's text: as the server offers it, else read from the
    /// PDF or Word file it links to.
    fn text_of(&mut self, document: &Link) -> Option<String> {
        let file = self.r.get(document, Kind::File)?;
        if let Some(t) = text(&file, "text") {
            return Some(t);
        }
        if !self.r.online() {
            return None;
        }
        // The access address first; where it fails, the download address.
        let access = text(&file, "accessUrl");
        let download = text(&file, "downloadUrl").filter(|d| access.as_ref() != Some(d));
        let (url, bytes) = access
            .into_iter()
            .chain(download)
            .find_map(|url| self.r.download(&url).map(|b| (url, b)))?;
        match crate::import::text_of_bytes(&bytes) {
            Ok(t) => Some(t),
            Err(reason) => {
                self.r.say(Say::NoText { url, reason });
                None
            }
        }
    }
}

/// A document's address, for the record to keep.
fn file_url(link: &Link) -> Option<String> {
    match link {
        Link::Object(f) => text(f, "accessUrl")
            .or_else(|| text(f, "downloadUrl"))
            .or_else(|| object::id(f).map(str::to_string)),
        Link::Url(u) => Some(u.clone()),
    }
}

/// Whether an agenda item is public. Servers send `true`, `"false"`, `0`;
/// a value that cannot be read counts as not public, for a closed item
/// must never reach a public report.
fn public(item: &Value) -> bool {
    match item.get("public") {
        None | Some(Value::Null) => true,
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_f64().is_some_and(|n| n != 0.0),
        Some(Value::String(s)) => {
            matches!(
                s.trim().to_lowercase().as_str(),
                "true" | "1" | "ja" | "yes" | "öffentlich"
            )
        }
        Some(_) => false,
    }
}

/// A value as a message may name it: short.
fn short(v: &Value) -> String {
    let text = v.to_string();
    match text.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text,
    }
}
