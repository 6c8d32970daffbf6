//! `[theme]` changes the colours of the view and of the printed report.
//! (A test binary of its own: the palette is chosen once per process.)

use crate::common;

use ratatui::style::Color;

#[test]
fn a_light_theme_with_a_colour_of_ones_own_colours_view_and_report() {
    let settings: agenda::theme::Settings =
        toml::from_str("name = \"light\"\nok = \"#123456\"\n").unwrap();
    let (palette, wrong) = settings.palette(None);
    assert!(wrong.is_empty());
    agenda::theme::choose(palette);
    let dir = common::example();
    let mut app = common::app(dir.path());
    for key in common::TO_KIM {
        common::step(&mut app, key);
    }
    let backend = ratatui::backend::TestBackend::new(80, 24);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    terminal
        .draw(|f| {
            agenda::ui::draw(f, &app, agenda::i18n::Lang::De.texts());
        })
        .unwrap();
    let buffer = terminal.backend().buffer().clone();
    // The focused questions pane is framed in the theme's accent colour.
    let accents = (0..buffer.area.height)
        .flat_map(|y| (0..buffer.area.width).map(move |x| (x, y)))
        .filter(|&(x, y)| buffer[(x, y)].fg == Color::Blue)
        .count();
    assert!(accents > 40, "{accents} cells in the accent colour");
    // The report marks what is open in the theme's error colour.
    let data = agenda::store::load(dir.path()).data;
    let today = chrono::NaiveDate::from_ymd_opt(2022, 9, 1).unwrap();
    let report = agenda::export::report(&data, "soz-2022-09-07", today, false).unwrap();
    let doc =
        agenda::export::report_doc(&report, &Default::default(), agenda::i18n::Lang::De.texts());
    let html =
        String::from_utf8(agenda::export::render(&doc, agenda::export::Format::Html)).unwrap();
    assert!(html.contains("--error: #b40000"), "the light error colour");
    assert!(html.contains("color: var(--error)") && !html.contains("#b00000"));
    // And the Word file the same.
    let docx = agenda::export::render(&doc, agenda::export::Format::Docx);
    let (_, _) = crate::report::docx_texts(&docx);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(
        xml.contains("B40000") && !xml.contains("B00000"),
        "Word's error colour"
    );
}

#[test]
fn a_mistyped_or_wrong_theme_setting_is_said_in_german_with_its_place() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config.toml");
    let texts = agenda::i18n::Lang::De.texts();
    std::fs::write(&config, "[theme]\nnam = \"dark\"\n").unwrap();
    let (_, problems) = agenda::config::load(Some(&config));
    let said = texts.config_problem(&problems[0]);
    assert!(
        said.contains(":2:1: Eine Einstellung „nam“ gibt es nicht"),
        "{said}"
    );
    assert!(said.ends_with("Meinten Sie „name“?"), "{said}");
    let wrong = agenda::config::theme_problem(&config, vec!["nam".into()]);
    assert!(
        texts
            .config_problem(&wrong)
            .contains("weder ein Farbschema")
    );
}
