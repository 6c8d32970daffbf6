//! Finds OParl objects by their URL: among the objects of the files given
//! and everything embedded in what was read, else on the web where the
//! import runs against a server. Each failure is said once, and the walk
//! goes on without that object.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde_json::Value;

use super::object::{self, Kind, Link};
use super::say::Say;
use super::web::Web;

/// The most pages of one list followed: a server whose `next` never ends
/// must not keep the import running for ever.
const MAX_PAGES: usize = 10_000;

/// Progress of a pull: objects read so far.
pub type Progress<'p> = Box<dyn FnMut(usize) + 'p>;

/// Objects by URL, read from files or fetched.
pub struct Resolver<'p> {
    known: HashMap<String, Value>,
    failed: HashSet<String>,
    outside: Vec<String>,
    web: Option<Web>,
    said: Vec<Say>,
    read: usize,
    progress: Progress<'p>,
}

impl<'p> Resolver<'p> {
    /// A resolver that fetches from the web where `web` is given, and
    /// otherwise knows only the objects of the files it reads.
    pub fn new(web: Option<Web>, progress: Progress<'p>) -> Resolver<'p> {
        Resolver {
            known: HashMap::new(),
            failed: HashSet::new(),
            outside: Vec::new(),
            web,
            said: Vec::new(),
            read: 0,
            progress,
        }
    }

    /// Whether linked objects are fetched from the web.
    pub fn online(&self) -> bool {
        self.web.is_some()
    }

    /// What the walk has to say so far, taken.
    pub fn take_said(&mut self) -> Vec<Say> {
        let mut said = std::mem::take(&mut self.said);
        if let Some(example) = self.outside.first() {
            said.push(Say::OutsideFiles {
                count: self.outside.len(),
                example: example.clone(),
            });
        }
        self.outside.clear();
        said
    }

    /// Says something the walk found.
    pub fn say(&mut self, say: Say) {
        self.said.push(say);
    }

    /// Marks the failure of a source given as one that brought nothing.
    pub fn source_failed(&mut self, url: &str) {
        for say in &mut self.said {
            if let Say::Fetch { url: u, whole, .. } = say
                && u == url
            {
                *whole = true;
            }
        }
    }

    /// The JSON of a file given on the command line; its objects, and
    /// those embedded in it, become known by their URL.
    pub fn file(&mut self, path: &Path) -> Option<Value> {
        let name = path.display().to_string();
        // "ftp://…", "www.rat.example/oparl": meant as an address.
        let address = name.contains("://") || name.starts_with("www.");
        if address && !path.exists() {
            self.say(Say::NotAnAddress { source: name });
            return None;
        }
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                self.say(Say::Unreadable {
                    file: name,
                    reason: e.to_string(),
                });
                return None;
            }
        };
        match serde_json::from_str::<Value>(&text) {
            Ok(value) => {
                self.learn(&value);
                Some(value)
            }
            Err(e) => {
                let empty = text.trim().is_empty();
                self.say(Say::BadJson {
                    file: name,
                    // An empty file is said at its start; serde counts the
                    // column of an empty line as 0.
                    line: if empty { 1 } else { e.line().max(1) },
                    column: if empty { 1 } else { e.column().max(1) },
                    reason: match empty {
                        true => super::say::JsonFault::Empty,
                        false => super::say::JsonFault::of(&e),
                    },
                });
                None
            }
        }
    }

    /// The object at `url`: known already, or fetched.
    pub fn url(&mut self, url: &str) -> Option<Value> {
        if let Some(v) = self.known.get(url) {
            return Some(v.clone());
        }
        if self.failed.contains(url) {
            return None;
        }
        let Some(web) = &self.web else {
            self.failed.insert(url.to_string());
            self.outside.push(url.to_string());
            return None;
        };
        match web.json(url) {
            Ok(value) => {
                self.read += 1;
                (self.progress)(self.read);
                self.learn(&value);
                // A server may answer under another id (a redirect).
                self.known.insert(url.to_string(), value.clone());
                Some(value)
            }
            Err(failure) => {
                self.failed.insert(url.to_string());
                self.say(Say::Fetch {
                    url: url.to_string(),
                    failure,
                    whole: false,
                });
                None
            }
        }
    }

    /// The object a link stands for, checked to be of `kind`.
    pub fn get(&mut self, link: &Link, kind: Kind) -> Option<Value> {
        let value = match link {
            Link::Object(v) if object::kind(v) == kind || !has_type(v) => {
                // An embedded object may be cut short; the full one, where
                // known, says more.
                let full = object::id(v).and_then(|id| self.known.get(id)).cloned();
                return Some(full.unwrap_or_else(|| v.clone()));
            }
            Link::Object(v) => v.clone(),
            Link::Url(url) => self.url(url)?,
        };
        let found = object::kind(&value);
        if found != kind {
            self.say(Say::WrongType {
                url: link.id().unwrap_or("?").to_string(),
                expected: kind.name(),
                found: found.name(),
            });
            return None;
        }
        Some(value)
    }

    /// Every item of a list: the objects of its pages, following
    /// `links.next`; also a plain array where a server sends one.
    pub fn list(&mut self, link: &Link) -> Vec<Value> {
        let mut items = Vec::new();
        let mut page = match link {
            Link::Object(Value::Array(a)) => return a.clone(),
            Link::Object(v) => Some(v.clone()),
            Link::Url(url) => self.url(url),
        };
        let mut seen = HashSet::new();
        if let Link::Url(url) = link {
            seen.insert(url.clone());
        }
        while let Some(p) = page.take() {
            match p.get("data") {
                Some(Value::Array(data)) => items.extend(data.iter().cloned()),
                _ => {
                    if let Value::Array(a) = &p {
                        items.extend(a.iter().cloned());
                    }
                }
            }
            let next = p
                .get("links")
                .and_then(|l| l.get("next"))
                .and_then(Value::as_str)
                .map(str::to_string);
            if let Some(next) = next
                && seen.insert(next.clone())
            {
                if seen.len() > MAX_PAGES {
                    self.say(Say::TooManyPages {
                        url: next,
                        pages: MAX_PAGES,
                    });
                    break;
                }
                page = self.url(&next);
            }
        }
        items
    }

    /// The bytes of a document, fetched where the import runs online.
    /// `None` where it could not be fetched (said) or the import runs
    /// from files.
    pub fn download(&mut self, url: &str) -> Option<Vec<u8>> {
        let web = self.web.as_ref()?;
        let got = web.bytes(url);
        self.read += 1;
        (self.progress)(self.read);
        match got {
            Ok(bytes) => Some(bytes),
            Err(failure) => {
                self.say(Say::Fetch {
                    url: url.to_string(),
                    failure,
                    whole: false,
                });
                None
            }
        }
    }

    fn learn(&mut self, value: &Value) {
        let mut found = Vec::new();
        object::embedded(value, &mut found);
        for (id, v) in found {
            // The fuller of two copies wins: a list's item over a bare link.
            let better = self.known.get(&id).is_none_or(|old| size(old) < size(&v));
            if better {
                self.known.insert(id, v);
            }
        }
    }
}

fn has_type(v: &Value) -> bool {
    v.get("type").is_some()
}

fn size(v: &Value) -> usize {
    v.as_object().map_or(0, |m| m.len())
}
