//! A field of the index (its record and which of its texts) in eight
//! bytes. At 400,000 questions the index has some 1.6 million fields; as
//! a plain `(Target, FieldKind)` pair each took 32 bytes, more than the
//! vocabulary and all its postings together.

use super::target::{FieldKind, Target};

/// Bits 0–4 the kind, 5–6 the kind of record, 7–34 and 35–62 its two
/// positions (a session or motion, an agenda item or question).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Packed(u64);

/// Positions up to 2^28 (over 250 million) fit.
const POSITION_BITS: u32 = 28;
/// Bits of the kind.
const KIND_BITS: u32 = 5;
const POSITION_MASK: u64 = (1 << POSITION_BITS) - 1;

/// Every kind, in the order of their bits.
const KINDS: [FieldKind; 18] = [
    FieldKind::SessionId,
    FieldKind::Committee,
    FieldKind::Date,
    FieldKind::ItemNumber,
    FieldKind::ItemTitle,
    FieldKind::MotionId,
    FieldKind::MotionKind,
    FieldKind::MotionTitle,
    FieldKind::Submitters,
    FieldKind::Signatories,
    FieldKind::Reference,
    FieldKind::Office,
    FieldKind::Proposal,
    FieldKind::Rationale,
    FieldKind::QuestionNumber,
    FieldKind::QuestionText,
    FieldKind::Assignee,
    FieldKind::Answer,
];

impl Packed {
    pub(super) fn new(target: Target, kind: FieldKind) -> Packed {
        let (tag, a, b) = match target {
            Target::Session { session } => (0u64, session, 0),
            Target::AgendaItem { session, item } => (1, session, item),
            Target::Motion { motion } => (2, motion, 0),
            Target::Question { motion, question } => (3, motion, question),
        };
        let position = |p: usize| {
            let p = p as u64;
            assert!(p <= POSITION_MASK, "no data set has 2^28 records");
            p
        };
        let kind = KINDS
            .iter()
            .position(|&k| k == kind)
            .expect("every kind is listed") as u64;
        let at = KIND_BITS + 2;
        Packed(kind | tag << KIND_BITS | position(a) << at | position(b) << (at + POSITION_BITS))
    }

    pub(super) fn target(self) -> Target {
        let at = KIND_BITS + 2;
        let a = ((self.0 >> at) & POSITION_MASK) as usize;
        let b = (self.0 >> (at + POSITION_BITS)) as usize;
        match (self.0 >> KIND_BITS) & 3 {
            0 => Target::Session { session: a },
            1 => Target::AgendaItem {
                session: a,
                item: b,
            },
            2 => Target::Motion { motion: a },
            _ => Target::Question {
                motion: a,
                question: b,
            },
        }
    }

    pub(super) fn kind(self) -> FieldKind {
        KINDS[(self.0 & ((1 << KIND_BITS) - 1)) as usize]
    }

    /// Whether both are fields of one record.
    pub(super) fn same_record(self, other: Packed) -> bool {
        self.0 >> KIND_BITS == other.0 >> KIND_BITS
    }

    pub(super) fn get(self) -> (Target, FieldKind) {
        (self.target(), self.kind())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_comes_back_as_packed() {
        let big = (1 << POSITION_BITS) - 1;
        let targets = [
            Target::Session { session: 0 },
            Target::Session { session: big },
            Target::AgendaItem {
                session: 7,
                item: big,
            },
            Target::Motion { motion: 40_000 },
            Target::Question {
                motion: big,
                question: 12,
            },
        ];
        for target in targets {
            for kind in KINDS {
                assert_eq!(Packed::new(target, kind).get(), (target, kind));
            }
        }
        assert_eq!(std::mem::size_of::<Packed>(), 8);
    }
}
