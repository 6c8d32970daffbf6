//! The document as a Word file (docx-rs): A4, headings Word knows as
//! headings (for its navigation and table of contents), the letterhead on
//! top, "Seite 2 von 5" in every page's footer. docx-rs escapes XML's own
//! characters; control characters, which XML cannot hold at all, are made
//! visible first.

use docx_rs::{
    AlignmentType, Docx, Footer, Header, LineSpacing, NumPages, PageMargin, PageNum, Paragraph,
    Run, RunFonts, Style, StyleType,
};

use super::doc::{Block, Doc, paragraphs};

/// A4 in twentieths of a point.
const A4: (u32, u32) = (11906, 16838);
/// Half-points: 11 pt body text.
const BODY: usize = 22;

fn styles(docx: Docx) -> Docx {
    let heading = |id: &str, name: &str, size: usize, level: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .size(size)
            .bold()
            .outline_lvl(level)
            .line_spacing(LineSpacing::new().before(240).after(80))
    };
    // The footer's words and its page numbers (fields, whose runs have
    // no size of their own) alike in 9 pt.
    let footer = Style::new("Footer", StyleType::Paragraph)
        .name("footer")
        .based_on("Normal")
        .size(18);
    docx.add_style(footer)
        .add_style(heading("Heading1", "heading 1", 36, 0))
        .add_style(heading("Heading2", "heading 2", 26, 1))
        .add_style(heading("Heading3", "heading 3", 23, 2))
}

/// A run of data text: control characters visible, line breaks kept.
fn runs(mut paragraph: Paragraph, text: &str, style: fn(Run) -> Run) -> Paragraph {
    let clean = crate::text::block(text);
    for (i, line) in clean.split('\n').enumerate() {
        let mut run = Run::new();
        if i > 0 {
            run = run.add_break(docx_rs::BreakType::TextWrapping);
        }
        paragraph = paragraph.add_run(style(run.add_text(line)));
    }
    paragraph
}

fn plain(run: Run) -> Run {
    run
}

fn bold(run: Run) -> Run {
    run.bold()
}

fn italic(run: Run) -> Run {
    run.italic()
}

/// A colour of the theme's printed inks, as Word writes it (`RRGGBB`).
fn ink(pick: fn(&crate::theme::Inks) -> &String) -> String {
    let inks = crate::theme::palette().inks();
    pick(&inks).trim_start_matches('#').to_ascii_uppercase()
}

fn grey(run: Run) -> Run {
    run.color(ink(|i| &i.dim)).size(19)
}

fn red(run: Run) -> Run {
    run.bold().color(ink(|i| &i.error))
}

fn spaced(paragraph: Paragraph, after: u32) -> Paragraph {
    paragraph.line_spacing(LineSpacing::new().after(after))
}

fn indented(paragraph: Paragraph) -> Paragraph {
    paragraph.indent(Some(340), None, None, None)
}

fn text_paragraphs(
    docx: Docx,
    text: &str,
    shape: fn(Paragraph) -> Paragraph,
    style: fn(Run) -> Run,
) -> Docx {
    paragraphs(text).into_iter().fold(docx, |docx, p| {
        docx.add_paragraph(spaced(shape(runs(Paragraph::new(), p, style)), 120))
    })
}

/// The document as the bytes of a .docx file.
pub fn docx(doc: &Doc) -> Vec<u8> {
    let footer = Footer::new().add_paragraph(
        Paragraph::new()
            .style("Footer")
            .align(AlignmentType::Center)
            .add_run(Run::new().add_text(format!("{} ", doc.page)))
            .add_page_num(PageNum::new())
            .add_run(Run::new().add_text(format!(" {} ", doc.of)))
            .add_num_pages(NumPages::new()),
    );
    let margin = PageMargin::new()
        .top(1134)
        .bottom(1247)
        .left(1418)
        .right(1134)
        .footer(567);
    // From the second page on, who sends it and what it is, small at the
    // top (the first page has the letterhead).
    let issuer = doc.blocks.iter().find_map(|b| match b {
        Block::Letterhead { from, .. } => from.first().cloned(),
        _ => None,
    });
    let running = match &issuer {
        Some(issuer) => format!("{issuer} · {}", doc.name),
        None => doc.name.clone(),
    };
    let header = Header::new().add_paragraph(
        Paragraph::new()
            .style("Footer")
            .align(AlignmentType::Right)
            .add_run(Run::new().add_text(crate::text::line(&running))),
    );
    let made = format!("{}T00:00:00Z", doc.date.format("%Y-%m-%d"));
    let mut docx = styles(Docx::new())
        .created_at(&made)
        .updated_at(&made)
        .page_size(A4.0, A4.1)
        .page_margin(margin)
        .default_size(BODY)
        .default_fonts(RunFonts::new().ascii("Arial").hi_ansi("Arial").cs("Arial"))
        .header(header)
        .first_header(Header::new())
        .first_footer(footer.clone())
        .footer(footer)
        .title_pg();
    for block in &doc.blocks {
        docx = match block {
            Block::Letterhead { from, side } => {
                let mut docx = docx;
                for (i, line) in from.iter().enumerate() {
                    let style = if i == 0 { bold } else { plain };
                    docx = docx.add_paragraph(runs(Paragraph::new(), line, style));
                }
                for line in side {
                    let p = Paragraph::new().align(AlignmentType::Right);
                    docx = docx.add_paragraph(runs(p, line, plain));
                }
                docx.add_paragraph(spaced(Paragraph::new(), 240))
            }
            Block::Address(lines) => {
                let text = lines.join("\n");
                docx.add_paragraph(spaced(runs(Paragraph::new(), &text, plain), 360))
            }
            Block::Title(title) => {
                docx.add_paragraph(runs(Paragraph::new().style("Heading1"), title, plain))
            }
            Block::Lead {
                strong,
                plain: rest,
            } => {
                let mut p = runs(Paragraph::new(), strong, bold);
                if !rest.is_empty() {
                    p = p.add_run(Run::new().add_break(docx_rs::BreakType::TextWrapping));
                    p = runs(p, rest, plain);
                }
                docx.add_paragraph(spaced(p, 200))
            }
            // Side lines belong to what follows (a motion's groups, its state).
            Block::Meta(text) => docx.add_paragraph(spaced(
                runs(Paragraph::new().keep_next(true), text, grey),
                120,
            )),
            Block::Heading(level, text) => {
                let style = if *level <= 2 { "Heading2" } else { "Heading3" };
                docx.add_paragraph(runs(
                    Paragraph::new().style(style).keep_next(true),
                    text,
                    plain,
                ))
            }
            Block::Labelled { label, text } => {
                let head = Paragraph::new().keep_next(true);
                let docx = docx.add_paragraph(runs(head, &format!("{label}:"), italic));
                text_paragraphs(docx, text, |p| p, plain)
            }
            Block::Question {
                label,
                number,
                text,
            } => {
                let p = Paragraph::new().keep_next(true).add_run(
                    Run::new()
                        .add_text(format!("{label} {}: ", crate::text::line(number)))
                        .bold(),
                );
                docx.add_paragraph(spaced(runs(p, text, plain), 80))
            }
            Block::Answer { label, text } => {
                let head = indented(runs(Paragraph::new(), &format!("{label}:"), italic));
                text_paragraphs(
                    docx.add_paragraph(head.keep_next(true)),
                    text,
                    indented,
                    plain,
                )
            }
            Block::Open(text) => {
                docx.add_paragraph(spaced(indented(runs(Paragraph::new(), text, red)), 160))
            }
            Block::Draft { label, text } => {
                let head = indented(runs(Paragraph::new(), &format!("{label}:"), italic));
                text_paragraphs(docx.add_paragraph(head), text, indented, italic)
            }
            Block::Text(text) => text_paragraphs(docx, text, |p| p, plain),
        };
    }
    let mut xml = docx.build();
    xml.doc_props.core = properties(&xml.doc_props.core, issuer.as_deref(), &doc.name);
    let mut bytes = std::io::Cursor::new(Vec::new());
    // Packing into memory cannot fail but for a bug in the library.
    if xml.pack(&mut bytes).is_err() {
        return Vec::new();
    }
    bytes.into_inner()
}

/// The file's properties as Word shows them ("Autor", "Titel"): the
/// issuer as author, none where the report names none (docx-rs can set
/// neither and writes "unknown"), and the document's name as its title.
fn properties(core: &[u8], issuer: Option<&str>, name: &str) -> Vec<u8> {
    let Ok(text) = std::str::from_utf8(core) else {
        return core.to_vec();
    };
    let safe = |s: &str| html_escape::encode_text(&crate::text::line(s)).into_owned();
    let author = safe(issuer.unwrap_or_default());
    text.replace(
        "<dc:creator>unknown</dc:creator>",
        &format!("<dc:creator>{author}</dc:creator>"),
    )
    .replace(
        "<cp:lastModifiedBy>unknown</cp:lastModifiedBy>",
        &format!("<cp:lastModifiedBy>{author}</cp:lastModifiedBy>"),
    )
    .replace(
        "</cp:coreProperties>",
        &format!("<dc:title>{}</dc:title></cp:coreProperties>", safe(name)),
    )
    .into_bytes()
}
