//! The bundled example holds the CDU/SPD letter on the KIM report, complete.

use agenda::model::Status;
use chrono::NaiveDate;

/// Loads the example exactly as embedded in the binary.
fn embedded() -> agenda::store::Loaded {
    let dir = tempfile::tempdir().unwrap();
    agenda::example::write_to(dir.path()).unwrap();
    agenda::store::load(dir.path())
}

#[test]
fn example_loads_without_diagnostics() {
    assert_eq!(embedded().diagnostics, []);
}

#[test]
fn embedded_example_equals_the_files_in_config() {
    for (path, content) in agenda::example::FILES {
        let on_disk = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("config/example")
            .join(path);
        assert_eq!(std::fs::read_to_string(on_disk).unwrap(), *content);
    }
}

#[test]
fn example_motion_holds_every_part_of_the_letter() {
    let loaded = embedded();
    let motion = loaded.data.motion("kim-bericht-2022").expect("KIM motion");
    assert_eq!(motion.kind, "Antrag");
    // "§ 9 der Geschäftsordnung für den Rat …" in the form councils file it.
    assert_eq!(motion.basis.as_deref(), Some("§ 9 GeschO"));
    assert_eq!(
        motion.title,
        "Berichterstattung zur Umsetzung des Kommunalen Integrationsmanagements (KIM)"
    );
    assert_eq!(motion.submitted, NaiveDate::from_ymd_opt(2022, 8, 19));
    assert_eq!(motion.submitters, ["CDU", "SPD"]);
    let signatories: Vec<_> = motion
        .signatories
        .iter()
        .map(|s| (s.name.as_str(), s.role.as_deref()))
        .collect();
    assert_eq!(
        signatories,
        [
            ("Marc Klein", Some("Fraktionsvorsitzender der CDU")),
            ("Detlef Rujanski", Some("Fraktionsvorsitzender der SPD")),
        ]
    );
    assert!(
        motion
            .addressee
            .as_deref()
            .unwrap()
            .contains("Bürgermeister Steffen Mues")
    );
    assert_eq!(
        motion.proposal.as_deref(),
        Some(
            "Die Verwaltung wird beauftragt, zur geplanten Umsetzung des Kommunalen Integrationsmanagements (KIM) zu berichten und die Landesinitiative vorzustellen. Dabei sollen insbesondere die folgenden Fragen beantwortet werden:"
        )
    );
    assert_eq!(
        motion.rationale.as_deref(),
        Some(
            "Die Beteiligung an der Landesinitiative „Kommunales Integrationsmanagement (KIM)“ wurde auf Kreisebene im September vergangenen Jahres mehrheitlich beschlossen. Gemeinsam mit den relevanten Akteuren der Integrationsarbeit und Flüchtlingsberatung, sowie den kreisangehörigen Kommunen soll ein Konzept zur Umsetzung des „Kommunalen Integrationsmanagements“ im Kreis Siegen-Wittgenstein entwickelt werden. Die antragsstellenden Fraktionen bitten diesbezüglich um eine Berichterstattung der Verwaltung zum aktuellen Sachstand und die Beantwortung der o. g. Fragen."
        )
    );
    let questions: Vec<_> = motion
        .questions
        .iter()
        .map(|q| (q.number.as_str(), q.text.as_str(), q.status))
        .collect();
    assert_eq!(
        questions,
        [
            (
                "1",
                "Wie viele Stellen fallen insgesamt im Rahmen der Landesinitiative „Kommunales Integrationsmanagement“ auf die Stadt Siegen? Wie viele davon sind den einzelnen KIM-Bausteinen (Koordination/Strategie, Case-Manager, Verstetigung der Integration) zugeordnet?",
                Status::Open
            ),
            (
                "2",
                "Wie plant die Stadt Siegen, die im Rahmen der Landesinitiative „Kommunales Integrationsmanagement“ auf die Stadt Siegen fallenden Stellen zu besetzen? Welche Aufgaben sollen durch städtisches Personal und welche durch freie Träger umgesetzt werden?",
                Status::Open
            ),
            (
                "3",
                "Haben bereits Gespräche mit freien Trägern diesbezüglich stattgefunden? Wenn ja, mit welchem Ergebnis?",
                Status::Open
            ),
        ]
    );
}

#[test]
fn example_session_carries_the_motion_on_its_agenda() {
    let loaded = embedded();
    let session = loaded.data.session("soz-2022-09-07").expect("session");
    assert_eq!(
        session.committee,
        "Ausschuss für Soziales, Familien und Senioren"
    );
    assert_eq!(session.date, NaiveDate::from_ymd_opt(2022, 9, 7).unwrap());
    let kim: Vec<_> = session
        .agenda
        .iter()
        .filter(|item| !item.motions.is_empty())
        .collect();
    assert_eq!(kim.len(), 1);
    assert_eq!(kim[0].motions, ["kim-bericht-2022"]);
    // Every other item is a generic one, marked as an example.
    for item in session.agenda.iter().filter(|i| i.motions.is_empty()) {
        assert!(item.title.ends_with("(Beispiel)"), "{}", item.title);
    }
}
