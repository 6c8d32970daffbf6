//! Reading OParl JSON as real servers serve it: objects embedded or given
//! as bare URLs, single objects where arrays belong, empty strings for
//! absent values. Every accessor here tolerates that and never panics.

use serde_json::Value;

/// The OParl object types the importer knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    System,
    Body,
    Organization,
    Meeting,
    AgendaItem,
    Paper,
    Consultation,
    File,
    Location,
    Person,
    /// A list page: `{"data": [...], "links": {...}}`.
    List,
    /// Some other object, or none recognisable.
    Other,
}

impl Kind {
    /// The type's name as the standard writes it.
    pub fn name(self) -> &'static str {
        match self {
            Kind::System => "System",
            Kind::Body => "Body",
            Kind::Organization => "Organization",
            Kind::Meeting => "Meeting",
            Kind::AgendaItem => "AgendaItem",
            Kind::Paper => "Paper",
            Kind::Consultation => "Consultation",
            Kind::File => "File",
            Kind::Location => "Location",
            Kind::Person => "Person",
            Kind::List => "list",
            Kind::Other => "?",
        }
    }
}

/// The kind of a JSON value: from the last part of its `type`
/// ("https://schema.oparl.org/1.1/Meeting"), or a list page by its shape.
pub fn kind(value: &Value) -> Kind {
    if let Some(t) = value.get("type").and_then(Value::as_str) {
        let name = t.rsplit('/').next().unwrap_or(t);
        return match name {
            "System" => Kind::System,
            "Body" => Kind::Body,
            "Organization" => Kind::Organization,
            "Meeting" => Kind::Meeting,
            "AgendaItem" => Kind::AgendaItem,
            "Paper" => Kind::Paper,
            "Consultation" => Kind::Consultation,
            "File" => Kind::File,
            "Location" => Kind::Location,
            "Person" => Kind::Person,
            _ => Kind::Other,
        };
    }
    if value.get("data").is_some_and(Value::is_array) {
        Kind::List
    } else {
        Kind::Other
    }
}

/// The last part of an object's `type`, where it has one.
pub fn type_name(value: &Value) -> Option<&str> {
    let t = text_ref(value, "type")?;
    t.rsplit('/').find(|p| !p.is_empty())
}

/// A linked object: embedded in full, or only its URL.
#[derive(Debug, Clone, PartialEq)]
pub enum Link {
    Object(Value),
    Url(String),
}

impl Link {
    /// The object's id: its URL either way.
    pub fn id(&self) -> Option<&str> {
        match self {
            Link::Object(v) => id(v),
            Link::Url(u) => Some(u),
        }
    }
}

/// The object's `id`, where it has a non-empty one.
pub fn id(value: &Value) -> Option<&str> {
    text_ref(value, "id")
}

/// A text field, trimmed; `None` where absent, empty or not a string.
pub fn text(value: &Value, key: &str) -> Option<String> {
    text_ref(value, key).map(str::to_string)
}

fn text_ref<'v>(value: &'v Value, key: &str) -> Option<&'v str> {
    value
        .get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// A boolean field; `None` where absent or of another type.
pub fn flag(value: &Value, key: &str) -> Option<bool> {
    value.get(key).and_then(Value::as_bool)
}

/// A whole number, also where a server sends it as a string.
pub fn number(value: &Value, key: &str) -> Option<i64> {
    match value.get(key)? {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// The links of a field meant to hold a list: an array of objects or
/// URLs, or a single one where a server left out the array.
pub fn links(value: &Value, key: &str) -> Vec<Link> {
    match value.get(key) {
        Some(Value::Array(items)) => items.iter().filter_map(link).collect(),
        Some(single) => link(single).into_iter().collect(),
        None => Vec::new(),
    }
}

/// The link of a field meant to hold one object (the first, where a
/// server sends a list).
pub fn one_link(value: &Value, key: &str) -> Option<Link> {
    links(value, key).into_iter().next()
}

fn link(value: &Value) -> Option<Link> {
    match value {
        Value::String(s) if !s.trim().is_empty() => Some(Link::Url(s.trim().to_string())),
        Value::Object(_) => Some(Link::Object(value.clone())),
        _ => None,
    }
}

/// Every object with an `id` inside `value`, itself included, outermost
/// first: embedded objects can then be found by their URL.
pub fn embedded(value: &Value, out: &mut Vec<(String, Value)>) {
    match value {
        Value::Object(map) => {
            if let Some(id) = id(value)
                && map.contains_key("type")
            {
                out.push((id.to_string(), value.clone()));
            }
            for inner in map.values() {
                embedded(inner, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| embedded(v, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn kinds_come_from_the_type_url_or_the_list_shape() {
        let meeting = json!({"type": "https://schema.oparl.org/1.1/Meeting"});
        assert_eq!(kind(&meeting), Kind::Meeting);
        let old = json!({"type": "https://schema.oparl.org/1.0/Paper"});
        assert_eq!(kind(&old), Kind::Paper);
        assert_eq!(kind(&json!({"data": [], "links": {}})), Kind::List);
        assert_eq!(kind(&json!({"name": "x"})), Kind::Other);
    }

    #[test]
    fn links_tolerate_single_objects_urls_and_empty_strings() {
        let v = json!({
            "a": ["https://x/1", {"id": "https://x/2", "type": "t"}, "", 5],
            "b": {"id": "https://x/3"},
            "c": "https://x/4",
        });
        let ids = |key| -> Vec<String> {
            links(&v, key)
                .iter()
                .filter_map(|l| l.id().map(str::to_string))
                .collect()
        };
        assert_eq!(ids("a"), ["https://x/1", "https://x/2"]);
        assert_eq!(ids("b"), ["https://x/3"]);
        assert_eq!(ids("c"), ["https://x/4"]);
        assert!(ids("d").is_empty());
    }

    #[test]
    fn texts_are_trimmed_and_empty_means_absent() {
        let v = json!({"name": "  Rat  ", "empty": " ", "n": "3", "m": 4});
        assert_eq!(text(&v, "name").as_deref(), Some("Rat"));
        assert_eq!(text(&v, "empty"), None);
        assert_eq!(number(&v, "n"), Some(3));
        assert_eq!(number(&v, "m"), Some(4));
    }

    #[test]
    fn embedded_objects_are_found_by_id() {
        let v = json!({"id": "m", "type": "Meeting", "agendaItem": [
            {"id": "a1", "type": "AgendaItem"}, {"id": "a2"}]});
        let mut out = Vec::new();
        embedded(&v, &mut out);
        let ids: Vec<&str> = out.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["m", "a1"]);
    }
}
