//! The typed values of a record's keys: text, lists, flags, states and
//! dates, each refused with what was expected where it is something else.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use toml::de::DeValue;
use toml::value::Datetime;

use super::diagnostic::{Expected, Found, Location, Problem};
use super::read::{Reader, Value};
use crate::model::{MotionState, Status};

impl Reader<'_> {
    pub(super) fn text(&mut self, value: &Value, key: &str) -> Option<String> {
        match value.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            _ => {
                self.wrong_type(value, key, Expected::Text);
                None
            }
        }
    }

    pub(super) fn text_list(
        &mut self,
        value: &Value,
        key: &str,
    ) -> Option<Vec<(String, Location)>> {
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(value, key, Expected::TextList);
            return None;
        };
        let mut out = Vec::new();
        for item in items {
            match item.get_ref() {
                DeValue::String(s) => out.push((s.to_string(), self.at(item.span()))),
                _ => self.wrong_type(item, key, Expected::TextList),
            }
        }
        Some(out)
    }

    /// A list of texts whose places nothing points at (file addresses).
    pub(super) fn plain_list(&mut self, table: &super::read::Table, key: &str) -> Vec<String> {
        self.optional(table, key, Self::text_list)
            .unwrap_or_default()
            .into_iter()
            .map(|(s, _)| s)
            .collect()
    }

    pub(super) fn bool(&mut self, value: &Value, key: &str) -> Option<bool> {
        match value.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                self.wrong_type(value, key, Expected::Bool);
                None
            }
        }
    }

    pub(super) fn status(&mut self, value: &Value, key: &str) -> Option<Status> {
        let raw = self.text(value, key)?;
        let status = Status::parse(&raw);
        if status.is_none() {
            self.report(value.span(), Problem::BadStatus { value: raw });
        }
        status
    }

    pub(super) fn state(&mut self, value: &Value, key: &str) -> Option<MotionState> {
        let raw = self.text(value, key)?;
        let state = MotionState::parse(&raw);
        if state.is_none() {
            self.report(value.span(), Problem::BadState { value: raw });
        }
        state
    }

    pub(super) fn date(&mut self, value: &Value, key: &str) -> Option<NaiveDate> {
        if let DeValue::Datetime(Datetime {
            date: Some(d),
            time: None,
            offset: None,
        }) = value.get_ref()
        {
            return NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into());
        }
        self.wrong_type(value, key, Expected::Date);
        None
    }

    pub(super) fn time(&mut self, value: &Value, key: &str) -> Option<NaiveTime> {
        if let DeValue::Datetime(Datetime {
            date: None,
            time: Some(t),
            offset: None,
        }) = value.get_ref()
        {
            return to_time(t);
        }
        self.wrong_type(value, key, Expected::Time);
        None
    }

    /// A date-time; an offset, if someone wrote one, is dropped.
    pub(super) fn datetime(&mut self, value: &Value, key: &str) -> Option<NaiveDateTime> {
        if let DeValue::Datetime(Datetime {
            date: Some(d),
            time: Some(t),
            ..
        }) = value.get_ref()
        {
            let date = NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())?;
            return Some(date.and_time(to_time(t)?));
        }
        self.wrong_type(value, key, Expected::DateTime);
        None
    }

    pub(super) fn wrong_type(&mut self, value: &Value, key: &str, expected: Expected) {
        let found = found(value.get_ref());
        let suggestion = suggest(value.get_ref(), expected);
        self.report(
            value.span(),
            Problem::WrongType {
                key: key.to_string(),
                expected,
                found,
                suggestion,
            },
        );
    }
}

fn to_time(t: &toml::value::Time) -> Option<NaiveTime> {
    NaiveTime::from_hms_nano_opt(
        t.hour.into(),
        t.minute.into(),
        t.second.into(),
        t.nanosecond,
    )
}

fn found(value: &DeValue) -> Found {
    match value {
        DeValue::String(_) => Found::Text,
        DeValue::Integer(_) => Found::Integer,
        DeValue::Float(_) => Found::Float,
        DeValue::Boolean(_) => Found::Bool,
        DeValue::Datetime(dt) => match (dt.date, dt.time) {
            (Some(_), None) => Found::Date,
            (None, Some(_)) => Found::Time,
            _ => Found::DateTime,
        },
        DeValue::Array(_) => Found::Array,
        DeValue::Table(_) => Found::Table,
    }
}

/// How the value should have been written, where that is clear: the TOML
/// form of a date typed the German way, a number that should be quoted.
fn suggest(value: &DeValue, expected: Expected) -> Option<String> {
    match (value, expected) {
        (DeValue::String(s), Expected::Date) => {
            let s = s.trim();
            ["%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y"]
                .iter()
                .find_map(|f| NaiveDate::parse_from_str(s, f).ok())
                .map(|d| d.format("%Y-%m-%d").to_string())
        }
        (DeValue::String(s), Expected::Time) => ["%H:%M:%S", "%H:%M", "%H.%M"]
            .iter()
            .find_map(|f| NaiveTime::parse_from_str(s.trim(), f).ok())
            .map(|t| t.format("%H:%M:%S").to_string()),
        (DeValue::Datetime(dt), Expected::Date) => dt.date.map(|d| d.to_string()),
        (DeValue::Integer(i), Expected::Text) => Some(format!("\"{}\"", i.as_str())),
        (DeValue::Float(f), Expected::Text) => Some(format!("\"{}\"", f.as_str())),
        _ => None,
    }
}
