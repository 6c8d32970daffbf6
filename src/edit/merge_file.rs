//! The three-way merge of one data file by record and field (for
//! `agenda sync`, by the rule of `merge::pick`): what one side
//! changed and the other did not is taken; the same field changed to two
//! values is a conflict, ours kept, both reported. Questions are matched
//! by number, agenda items by OParl id or number. The result is always
//! valid TOML in our layout: never a conflict marker.

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table};

use super::merge::Pick;

/// The same field changed on both sides to different values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldConflict {
    /// `[session]`, `[motion]` or the table's array ("question").
    pub table: String,
    /// The question's or agenda item's number, for those.
    pub number: Option<String>,
    pub key: String,
    /// Each side's value as TOML text; `None`: removed there.
    pub ours: Option<String>,
    pub theirs: Option<String>,
}

/// A merged file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub text: String,
    pub conflicts: Vec<FieldConflict>,
}

/// Why a file cannot be merged by field: a side is no TOML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmergeable;

fn parse(text: &str) -> Result<DocumentMut, Unmergeable> {
    text.parse().map_err(|_| Unmergeable)
}

fn value(item: Option<&Item>) -> Option<String> {
    item.map(|i| i.to_string().trim().to_string())
}

/// Merges `theirs` into `ours`, both changed from `base` (`None` where
/// the file is new on both sides).
pub fn merge(base: Option<&str>, ours: &str, theirs: &str) -> Result<Merged, Unmergeable> {
    let base = match base {
        Some(b) => parse(b)?,
        None => DocumentMut::new(),
    };
    let mut out = parse(ours)?;
    let theirs = parse(theirs)?;
    let mut conflicts = Vec::new();
    for head in ["session", "motion"] {
        let (Some(b), Some(t)) = (
            base.get(head)
                .and_then(Item::as_table)
                .cloned()
                .or_else(|| Some(Table::new())),
            theirs.get(head).and_then(Item::as_table),
        ) else {
            continue;
        };
        if let Some(o) = out.get_mut(head).and_then(Item::as_table_mut) {
            merge_table(&b, o, t, head, None, &mut conflicts);
        }
    }
    for array in ["agenda", "question"] {
        merge_array(&base, &mut out, &theirs, array, &mut conflicts);
    }
    Ok(Merged {
        text: out.to_string(),
        conflicts,
    })
}

/// Key by key: theirs where only they changed it.
fn merge_table(
    base: &Table,
    ours: &mut Table,
    theirs: &Table,
    name: &str,
    number: Option<&str>,
    conflicts: &mut Vec<FieldConflict>,
) {
    let mut keys: Vec<String> = Vec::new();
    for table in [base, &*ours, theirs] {
        for (k, _) in table.iter() {
            if !keys.iter().any(|x| x == k) {
                keys.push(k.to_string());
            }
        }
    }
    // Who changed a question last is the later stamp, not a conflict.
    let stamped_later = {
        let at = |t: &Table| value(t.get("updated"));
        let (b, o, t) = (at(base), at(ours), at(theirs));
        o != b && t != b && t > o
    };
    for key in keys {
        let (b, o, t) = (
            value(base.get(&key)),
            value(ours.get(&key)),
            value(theirs.get(&key)),
        );
        let picked = super::merge::pick(&b, &o, &t);
        if matches!(picked, Pick::Same | Pick::Ours) {
            continue;
        }
        if picked == Pick::Theirs
            || (matches!(key.as_str(), "updated" | "updated_by") && stamped_later)
        {
            match theirs.get(&key) {
                Some(item) => {
                    ours.insert(&key, item.clone());
                }
                None => {
                    ours.remove(&key);
                }
            }
            continue;
        }
        if matches!(key.as_str(), "updated" | "updated_by") {
            continue;
        }
        conflicts.push(FieldConflict {
            table: name.to_string(),
            number: number.map(str::to_string),
            key,
            ours: o,
            theirs: t,
        });
    }
}

/// What a table of an array is known by: a question by its number, an
/// agenda item by its OParl id, else its number.
fn identity(table: &Table) -> Option<String> {
    let text = |k: &str| table.get(k).and_then(Item::as_str).map(str::to_string);
    text("oparl_id").or_else(|| text("number"))
}

fn tables(doc: &DocumentMut, array: &str) -> Vec<Table> {
    doc.get(array)
        .and_then(Item::as_array_of_tables)
        .map(|a| a.iter().cloned().collect())
        .unwrap_or_default()
}

fn find<'t>(list: &'t [Table], id: &Option<String>) -> Option<&'t Table> {
    list.iter().find(|t| identity(t) == *id)
}

fn merge_array(
    base: &DocumentMut,
    out: &mut DocumentMut,
    theirs: &DocumentMut,
    array: &str,
    conflicts: &mut Vec<FieldConflict>,
) {
    let (b, t) = (tables(base, array), tables(theirs, array));
    let mut ours = tables(out, array);
    if b.is_empty() && t.is_empty() {
        return;
    }
    let same = |x: &Table, y: &Table| x.to_string() == y.to_string();
    let mut merged: Vec<Table> = Vec::new();
    for mut table in ours.drain(..) {
        let id = identity(&table);
        match (find(&b, &id), find(&t, &id)) {
            (Some(base_t), Some(their_t)) => {
                let number = id.as_deref();
                merge_table(base_t, &mut table, their_t, array, number, conflicts);
                merged.push(table);
            }
            // Gone on their side: gone, unless we changed it meanwhile.
            (Some(base_t), None) if same(base_t, &table) => {}
            (Some(_), None) => {
                conflicts.push(FieldConflict {
                    table: array.to_string(),
                    number: id,
                    key: String::new(),
                    ours: Some("…".into()),
                    theirs: None,
                });
                merged.push(table);
            }
            // Made on both sides under one number, differently.
            (None, Some(their_t)) if !same(their_t, &table) => {
                conflicts.push(FieldConflict {
                    table: array.to_string(),
                    number: id,
                    key: String::new(),
                    ours: Some(table.to_string().trim().to_string()),
                    theirs: Some(their_t.to_string().trim().to_string()),
                });
                merged.push(table);
            }
            _ => merged.push(table),
        }
    }
    // Theirs that we do not have: new there (kept after the table they
    // follow), or gone here (gone, unless they changed it meanwhile).
    for (i, their_t) in t.iter().enumerate() {
        let id = identity(their_t);
        if merged.iter().any(|m| identity(m) == id) {
            continue;
        }
        match find(&b, &id) {
            Some(base_t) if same(base_t, their_t) => continue,
            Some(_) => conflicts.push(FieldConflict {
                table: array.to_string(),
                number: id.clone(),
                key: String::new(),
                ours: None,
                theirs: Some("…".into()),
            }),
            None => {}
        }
        let after = t[..i]
            .iter()
            .rev()
            .find_map(|prev| merged.iter().position(|m| identity(m) == identity(prev)));
        let at = after.map_or(0, |p| p + 1).min(merged.len());
        merged.insert(at, their_t.clone());
    }
    let mut laid_out = ArrayOfTables::new();
    // Laid out anew in this order, after the head table (tables from the
    // other side bring positions of their own file).
    let first = out
        .get(array)
        .and_then(Item::as_array_of_tables)
        .and_then(|a| a.iter().filter_map(Table::position).min())
        .unwrap_or(1);
    for (i, mut table) in merged.into_iter().enumerate() {
        table.set_position(first + i as isize);
        laid_out.push(table);
    }
    if laid_out.is_empty() {
        out.remove(array);
    } else {
        out.insert(array, Item::ArrayOfTables(laid_out));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "[motion]\nid = \"m\"\nkind = \"Anfrage\"\ntitle = \"T\"\n\n\
        [[question]]\nnumber = \"1\"\ntext = \"Eins?\"\nstatus = \"open\"\n\n\
        [[question]]\nnumber = \"2\"\ntext = \"Zwei?\"\nstatus = \"open\"\n";

    fn answered(text: &str, n: &str, answer: &str, by: &str, at: &str) -> String {
        text.replacen(
            &format!("number = \"{n}\"\ntext = \"{}?\"\nstatus = \"open\"\n", if n == "1" { "Eins" } else { "Zwei" }),
            &format!(
                "number = \"{n}\"\ntext = \"{}?\"\nstatus = \"answered\"\nanswer = \"{answer}\"\nupdated = {at}\nupdated_by = \"{by}\"\n",
                if n == "1" { "Eins" } else { "Zwei" }
            ),
            1,
        )
    }

    #[test]
    fn different_questions_both_come_through() {
        let ours = answered(BASE, "1", "A1", "amt50", "2022-09-01T10:00:00");
        let theirs = answered(BASE, "2", "A2", "amt20", "2022-09-01T11:00:00");
        let merged = merge(Some(BASE), &ours, &theirs).unwrap();
        assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
        assert!(merged.text.contains("answer = \"A1\""));
        assert!(merged.text.contains("answer = \"A2\""));
        assert!(!merged.text.contains("<<<<"));
        assert!(merged.text.parse::<DocumentMut>().is_ok());
    }

    #[test]
    fn different_fields_of_one_question_both_come_through() {
        let ours = BASE.replacen("status = \"open\"\n", "status = \"in_progress\"\n", 1);
        let theirs = BASE.replacen(
            "status = \"open\"\n",
            "status = \"open\"\nassignee = \"Amt 50\"\n",
            1,
        );
        let merged = merge(Some(BASE), &ours, &theirs).unwrap();
        assert!(merged.conflicts.is_empty());
        assert!(
            merged
                .text
                .contains("status = \"in_progress\"\nassignee = \"Amt 50\"")
        );
    }

    #[test]
    fn the_same_field_twice_is_a_conflict_with_both_values_ours_kept() {
        let ours = answered(BASE, "1", "Hier", "a", "2022-09-01T10:00:00");
        let theirs = answered(BASE, "1", "Dort", "b", "2022-09-01T11:00:00");
        let merged = merge(Some(BASE), &ours, &theirs).unwrap();
        assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
        let c = &merged.conflicts[0];
        assert_eq!((c.number.as_deref(), c.key.as_str()), (Some("1"), "answer"));
        assert_eq!(c.ours.as_deref(), Some("\"Hier\""));
        assert_eq!(c.theirs.as_deref(), Some("\"Dort\""));
        assert!(merged.text.contains("answer = \"Hier\""));
    }

    #[test]
    fn a_question_added_on_one_side_and_one_deleted_on_the_other() {
        let ours = format!("{BASE}\n[[question]]\nnumber = \"3\"\ntext = \"Drei?\"\n");
        let theirs = BASE.replacen(
            "\n[[question]]\nnumber = \"2\"\ntext = \"Zwei?\"\nstatus = \"open\"\n",
            "",
            1,
        );
        let merged = merge(Some(BASE), &ours, &theirs).unwrap();
        assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
        assert!(merged.text.contains("Drei?") && !merged.text.contains("Zwei?"));
        // A question deleted there but answered here stays: nothing lost.
        let ours = answered(BASE, "2", "Noch da", "a", "2022-09-01T10:00:00");
        let merged = merge(Some(BASE), &ours, &theirs).unwrap();
        assert!(merged.text.contains("Noch da"));
        assert_eq!(merged.conflicts.len(), 1);
    }
}
