//! The keys the schema knows, per table (see docs/schema.md); any other
//! key is kept in the file and reported as a warning.

pub(super) const SESSION_KEYS: &[&str] = &[
    "id",
    "committee",
    "date",
    "time",
    "location",
    "oparl_id",
    "files",
];
pub(super) const AGENDA_KEYS: &[&str] = &["number", "title", "public", "motions", "oparl_id"];
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
    "office",
    "oparl_id",
    "files",
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
