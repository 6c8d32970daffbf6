//! The keys the schema knows, per table (see docs/schema.md); any other
//! key is kept in the file and reported as a warning.

pub(super) const SESSION_KEYS: &[&str] = &["id", "committee", "date", "time", "location"];
pub(super) const AGENDA_KEYS: &[&str] = &["number", "title", "public", "motions"];
pub(super) const MOTION_KEYS: &[&str] = &[
    "id",
    "kind",
    "basis",
    "title",
    "submitted",
    "submitters",
    "signatories",
    "addressee",
    "session",
    "reference",
    "state",
    "oparl_id",
    "proposal",
    "rationale",
];
pub(super) const SIGNATORY_KEYS: &[&str] = &["name", "role"];
pub(super) const QUESTION_KEYS: &[&str] = &[
    "number",
    "text",
    "status",
    "assignee",
    "due",
    "answer",
    "updated",
    "updated_by",
];
