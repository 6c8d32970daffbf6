//! What the index's fields are: which record, and which of its texts.

/// What a hit points at, by position in the dataset it was built from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Session { session: usize },
    AgendaItem { session: usize, item: usize },
    Motion { motion: usize },
    Question { motion: usize, question: usize },
}

/// Which text of a record matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldKind {
    /// The id every hit of `agenda search` prints last.
    SessionId,
    Committee,
    Date,
    ItemNumber,
    ItemTitle,
    MotionId,
    MotionKind,
    MotionTitle,
    Submitters,
    /// Who signed, by name.
    Signatories,
    /// The council's paper number (Drucksache), which staff often know a
    /// paper by.
    Reference,
    /// The office in charge.
    Office,
    Proposal,
    Rationale,
    QuestionNumber,
    QuestionText,
    Assignee,
    Answer,
}
