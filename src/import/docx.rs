//! The text of a Word file: the paragraphs of `word/document.xml`, read
//! with zip and quick-xml. Automatic list numbers are not in the text, so
//! they are counted here ("1.", "2.") as Word would show them, whether a
//! paragraph is numbered itself or through its style ("Liste Nummer").

use std::collections::HashMap;
use std::io::Read;

use quick_xml::Reader;
use quick_xml::events::Event;

/// The document's paragraphs, one a line, tables' cells one a line.
pub(super) fn text(bytes: &[u8]) -> Result<String, String> {
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .map_err(|e| e.to_string())?
        .read_to_string(&mut xml)
        .map_err(|e| e.to_string())?;
    // A document without styles numbers only what says so itself.
    let mut styles = String::new();
    if let Ok(mut file) = archive.by_name("word/styles.xml") {
        file.read_to_string(&mut styles)
            .map_err(|e| e.to_string())?;
    }
    paragraphs(&xml, &numbered_styles(&styles))
}

/// The list (numId, level) of each paragraph style that numbers.
fn numbered_styles(xml: &str) -> HashMap<String, (String, u32)> {
    let mut reader = Reader::from_str(xml);
    let mut out = HashMap::new();
    let mut style: Option<String> = None;
    let mut list: (Option<String>, u32) = (None, 0);
    // A styles file that does not read numbers nothing: the text is still had.
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "style" => {
                    style = attribute(&e, "styleId");
                    list = (None, 0);
                }
                "numId" => list.0 = attribute(&e, "val"),
                "ilvl" => list.1 = level(&e),
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == "style" => {
                if let (Some(id), Some(num)) = (style.take(), list.0.take()) {
                    out.insert(id, (num, list.1));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

fn level(e: &quick_xml::events::BytesStart) -> u32 {
    attribute(e, "val")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// The text of a document.xml, numbering as `styles` say.
fn paragraphs(xml: &str, styles: &HashMap<String, (String, u32)>) -> Result<String, String> {
    let mut reader = Reader::from_str(xml);
    let mut out = String::new();
    let mut line = String::new();
    let mut in_text = false;
    // The list a paragraph belongs to (numId, level) and how far each has counted.
    let mut list: (Option<String>, u32) = (None, 0);
    let mut style: Option<String> = None;
    let mut counts: HashMap<(String, u32), u32> = HashMap::new();
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "t" => in_text = true,
                "tab" => line.push('\t'),
                "br" | "cr" => line.push('\n'),
                "numId" => list.0 = attribute(&e, "val"),
                "ilvl" => list.1 = level(&e),
                "pStyle" => style = attribute(&e, "val"),
                _ => {}
            },
            Event::Text(t) if in_text => {
                line.push_str(&t.xml10_content());
            }
            Event::GeneralRef(r) if in_text => {
                // Entities such as &amp; and character references inside a run.
                let named = match &*r {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    other => other
                        .strip_prefix("#x")
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .or_else(|| other.strip_prefix('#').and_then(|d| d.parse().ok()))
                        .and_then(char::from_u32),
                };
                line.extend(named);
            }
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "p" => {
                    // Its own numbering, else its style's.
                    let styled = style.take().and_then(|s| styles.get(&s).cloned());
                    let own = list.0.take().map(|id| (id, list.1));
                    if let Some((id, level)) = own.or(styled) {
                        // A deeper level starts afresh under each item above it.
                        counts.retain(|(i, l), _| *i != id || *l <= level);
                        let n = counts.entry((id, level)).or_insert(0);
                        *n += 1;
                        out.push_str(&format!("{n}. "));
                    }
                    list.1 = 0;
                    out.push_str(&line);
                    out.push('\n');
                    line.clear();
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

fn attribute(e: &quick_xml::events::BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .map(|a| a.value.into_owned())
}

#[cfg(test)]
mod tests {
    use super::{numbered_styles, paragraphs};

    #[test]
    fn paragraphs_runs_and_automatic_numbers() {
        let xml = r#"<w:document xmlns:w="w"><w:body>
            <w:p><w:r><w:t>Anfrage</w:t></w:r></w:p>
            <w:p><w:r><w:t xml:space="preserve">Kita &amp; </w:t></w:r><w:r><w:t>Schule</w:t></w:r></w:p>
            <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>Wie viele?</w:t></w:r></w:p>
            <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>Bis wann?</w:t></w:r></w:p>
        </w:body></w:document>"#;
        assert_eq!(
            paragraphs(xml, &Default::default()).unwrap(),
            "Anfrage\nKita & Schule\n1. Wie viele?\n2. Bis wann?\n"
        );
    }

    #[test]
    fn paragraphs_numbered_through_their_style_are_counted_too() {
        let styles = r#"<w:styles xmlns:w="w">
            <w:style w:type="paragraph" w:styleId="Standard"><w:name w:val="Normal"/></w:style>
            <w:style w:type="paragraph" w:styleId="ListeNummer"><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
        </w:styles>"#;
        let xml = r#"<w:document xmlns:w="w"><w:body>
            <w:p><w:pPr><w:pStyle w:val="Standard"/></w:pPr><w:r><w:t>Fragen:</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="ListeNummer"/></w:pPr><w:r><w:t>Wie viele?</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="ListeNummer"/></w:pPr><w:r><w:t>Bis wann?</w:t></w:r></w:p>
        </w:body></w:document>"#;
        assert_eq!(
            paragraphs(xml, &numbered_styles(styles)).unwrap(),
            "Fragen:\n1. Wie viele?\n2. Bis wann?\n"
        );
    }
}
