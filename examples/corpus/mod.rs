//! Realistic committee data at any scale, reproducible from a seed: valid
//! schema-1 TOML with German text, for benchmarks and demos.

// Each user (gen_corpus, the benches) needs a different part of it.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::Path;

use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};

/// How much to make.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    pub sessions: usize,
    pub items_per_session: usize,
    pub motions: usize,
    pub questions: usize,
}

impl Scale {
    /// A city's year: 300 sessions, 3,000 agenda items, 600 motions, 4,000 questions.
    pub const YEAR: Scale = Scale {
        sessions: 300,
        items_per_session: 10,
        motions: 600,
        questions: 4_000,
    };
    /// Far beyond any city: 10,000 motions with 100,000 questions (~50 MB).
    pub const STRESS: Scale = Scale {
        sessions: 1_000,
        items_per_session: 10,
        motions: 10_000,
        questions: 100_000,
    };

    /// Stress times `factor` in every dimension: sessions, agenda items,
    /// motions and questions (4 gives the 4x budgets of DESIGN.md).
    pub const fn stress_times(factor: usize) -> Scale {
        Scale {
            sessions: Scale::STRESS.sessions * factor,
            items_per_session: Scale::STRESS.items_per_session,
            motions: Scale::STRESS.motions * factor,
            questions: Scale::STRESS.questions * factor,
        }
    }

    /// A scale by name: year, stress, 2x or 4x (multiples of stress).
    pub fn named(name: &str) -> Option<Scale> {
        match name {
            "year" => Some(Scale::YEAR),
            "stress" => Some(Scale::STRESS),
            "2x" => Some(Scale::stress_times(2)),
            "4x" => Some(Scale::stress_times(4)),
            _ => None,
        }
    }
}

const COMMITTEES: &[&str] = &[
    "Ausschuss für Soziales, Familien und Senioren",
    "Haupt- und Finanzausschuss",
    "Bau- und Verkehrsausschuss",
    "Jugendhilfeausschuss",
    "Ausschuss für Umwelt, Klima und Mobilität",
    "Schulausschuss",
    "Kultur- und Sportausschuss",
    "Rat der Stadt",
    "Ausschuss für Stadtentwicklung und Wirtschaftsförderung",
    "Bezirksvertretung Nord",
];
const GROUPS: &[&str] = &[
    "CDU",
    "SPD",
    "GRÜNE",
    "FDP",
    "DIE LINKE",
    "UWG",
    "Volt",
    "AfD",
];
const DEPARTMENTS: &[&str] = &[
    "Amt für Soziales",
    "Jugendamt",
    "Tiefbauamt",
    "Stadtplanungsamt",
    "Ordnungsamt",
    "Kämmerei",
    "Schulverwaltungsamt",
    "Umweltamt",
    "Hauptamt",
    "Amt für Wohnungswesen",
];
const TOPICS: &[&str] = &[
    "Kindertagesstätten",
    "Sanierung der Hauptstraße",
    "Radwegenetz",
    "Kommunales Integrationsmanagement",
    "Digitalisierung der Schulen",
    "Obdachlosenhilfe",
    "Straßenbeleuchtung",
    "Hochwasserschutz",
    "Ganztagsbetreuung",
    "Busverbindungen in die Ortsteile",
    "Förderung des Ehrenamts",
    "Barrierefreiheit öffentlicher Gebäude",
    "Klimaschutzkonzept",
    "Spielplätze",
    "Wohnraumversorgung",
    "Seniorenbegegnungsstätten",
    "Gewerbeflächen",
    "Sportstätten",
    "Lärmschutz an der Bundesstraße",
    "Maßnahmen gegen Leerstand in der Innenstadt",
];
const NOUNS: &[&str] = &[
    "Stellen",
    "Plätze",
    "Anträge",
    "Fördermittel",
    "Beschwerden",
    "Maßnahmen",
    "Gespräche mit freien Trägern",
    "Gutachten",
    "Baustellen",
    "Beschäftigte",
];
const QUESTIONS: &[&str] = &[
    "Wie viele {noun} gibt es derzeit im Bereich {topic}?",
    "Welche {noun} plant die Verwaltung im Zusammenhang mit {topic}?",
    "Bis wann ist mit einer Entscheidung über {topic} zu rechnen?",
    "Welche Kosten entstehen der Stadt durch {topic}, und wie werden sie gedeckt?",
    "Haben bereits Gespräche über {topic} stattgefunden? Wenn ja, mit welchem Ergebnis?",
    "Wie bewertet die Verwaltung die Entwicklung der {noun} seit dem letzten Bericht?",
    "Welche Fördermittel von Land und Bund können für {topic} genutzt werden?",
    "Wie viele {noun} wurden im vergangenen Jahr bearbeitet?",
];
const GENERIC_ITEMS: &[&str] = &[
    "Eröffnung der Sitzung",
    "Feststellung der Tagesordnung",
    "Genehmigung der Niederschrift",
    "Mitteilungen der Verwaltung",
    "Anfragen",
    "Verschiedenes",
];
const SENTENCES: &[&str] = &[
    "Die Verwaltung hat hierzu eine Abfrage in den betroffenen Fachbereichen durchgeführt.",
    "Nach aktuellem Stand sind die Planungen noch nicht abgeschlossen.",
    "Die Mittel sind im Haushalt des laufenden Jahres veranschlagt.",
    "Mit den freien Trägern wurden mehrere Gespräche geführt; eine Vereinbarung wird vorbereitet.",
    "Eine abschließende Bewertung ist erst nach Vorliegen des Gutachtens möglich.",
    "Die Zahlen beziehen sich auf den Stichtag 30. Juni.",
    "Der Ausschuss wird in der nächsten Sitzung erneut unterrichtet.",
    "Die Landesförderung deckt rund zwei Drittel der Kosten.",
];

fn words(rng: &mut StdRng, pool: &[&str], count: usize) -> String {
    let mut out = String::new();
    for i in 0..count {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(pool.choose(rng).unwrap());
    }
    out
}

fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Writes the corpus below `dir`: `sitzungen/*.toml` and `antraege/*.toml`.
/// Returns how many files it wrote.
pub fn write(dir: &Path, scale: Scale, seed: u64) -> std::io::Result<usize> {
    let mut rng = StdRng::seed_from_u64(seed);
    std::fs::create_dir_all(dir.join("sitzungen"))?;
    std::fs::create_dir_all(dir.join("antraege"))?;
    let start = chrono::NaiveDate::from_ymd_opt(2022, 1, 10).unwrap();
    let items = scale.sessions * scale.items_per_session;
    // Each motion sits on one agenda item (spread evenly), questions spread over motions.
    let mut item_motions: Vec<Vec<usize>> = vec![Vec::new(); items.max(1)];
    for m in 0..scale.motions {
        item_motions[(m * 7919) % items.max(1)].push(m);
    }
    let mut files = 0;
    for s in 0..scale.sessions {
        let date = start + chrono::Days::new((s as u64 * 365 * 2) / scale.sessions.max(1) as u64);
        let committee = COMMITTEES[s % COMMITTEES.len()];
        let mut out = String::new();
        writeln!(
            out,
            "[session]\nid = \"s{s:05}\"\ncommittee = {}\ndate = {date}",
            quoted(committee)
        )
        .unwrap();
        writeln!(
            out,
            "time = 17:00:00\nlocation = \"Rathaus, Sitzungssaal {}\"",
            1 + s % 4
        )
        .unwrap();
        for i in 0..scale.items_per_session {
            let item = s * scale.items_per_session + i;
            let motions = &item_motions[item];
            let title = if motions.is_empty() {
                GENERIC_ITEMS[i % GENERIC_ITEMS.len()].to_string()
            } else {
                format!("Bericht zu {}", TOPICS.choose(&mut rng).unwrap())
            };
            writeln!(
                out,
                "\n[[agenda]]\nnumber = \"{}\"\ntitle = {}",
                i + 1,
                quoted(&title)
            )
            .unwrap();
            if rng.random_ratio(1, 12) {
                writeln!(out, "public = false").unwrap();
            }
            if !motions.is_empty() {
                let ids: Vec<String> = motions.iter().map(|m| format!("\"m{m:05}\"")).collect();
                writeln!(out, "motions = [{}]", ids.join(", ")).unwrap();
            }
        }
        put(&dir.join(format!("sitzungen/s{s:05}.toml")), &out)?;
        files += 1;
    }
    let per_motion = scale.questions / scale.motions.max(1);
    let extra = scale.questions % scale.motions.max(1);
    for m in 0..scale.motions {
        let topic = TOPICS.choose(&mut rng).unwrap();
        let kind = if rng.random_bool(0.5) {
            "Antrag"
        } else {
            "Anfrage"
        };
        let how_many = rng.random_range(1..=2);
        let groups: Vec<&str> = GROUPS
            .choose_multiple(&mut rng, how_many)
            .copied()
            .collect();
        let mut out = String::new();
        writeln!(
            out,
            "[motion]\nid = \"m{m:05}\"\nkind = \"{kind}\"\nbasis = \"§ 9 GeschO\""
        )
        .unwrap();
        writeln!(out, "title = {}", quoted(&format!("{kind} zu {topic}"))).unwrap();
        writeln!(out, "submitted = 2022-0{}-1{}", 1 + m % 9, m % 10).unwrap();
        let list: Vec<String> = groups.iter().map(|g| quoted(g)).collect();
        writeln!(out, "submitters = [{}]", list.join(", ")).unwrap();
        writeln!(
            out,
            "proposal = {}",
            quoted(&format!(
                "Die Verwaltung wird beauftragt, zum Thema {topic} zu berichten. {}",
                words(&mut rng, SENTENCES, 2)
            ))
        )
        .unwrap();
        writeln!(
            out,
            "rationale = \"\"\"\n{}\n\n{}\"\"\"",
            words(&mut rng, SENTENCES, 4),
            words(&mut rng, SENTENCES, 3)
        )
        .unwrap();
        let count = per_motion + usize::from(m < extra);
        for q in 0..count {
            let template = QUESTIONS.choose(&mut rng).unwrap();
            let text = template
                .replace("{topic}", topic)
                .replace("{noun}", NOUNS.choose(&mut rng).unwrap());
            let status = match rng.random_range(0..10) {
                0..=3 => "open",
                4..=5 => "in_progress",
                _ => "answered",
            };
            writeln!(
                out,
                "\n[[question]]\nnumber = \"{}\"\ntext = {}\nstatus = \"{status}\"",
                q + 1,
                quoted(&text)
            )
            .unwrap();
            if status != "open" || rng.random_bool(0.5) {
                writeln!(
                    out,
                    "assignee = {}",
                    quoted(DEPARTMENTS.choose(&mut rng).unwrap())
                )
                .unwrap();
                writeln!(
                    out,
                    "due = 2022-{:02}-{:02}",
                    1 + (m + q) % 12,
                    1 + (m * 3 + q) % 28
                )
                .unwrap();
            }
            if status == "answered" {
                writeln!(
                    out,
                    "answer = \"\"\"\n{}\n\n{}\"\"\"",
                    words(&mut rng, SENTENCES, 3),
                    words(&mut rng, SENTENCES, 2)
                )
                .unwrap();
                writeln!(
                    out,
                    "updated = 2022-08-30T10:15:00\nupdated_by = \"mmustermann\""
                )
                .unwrap();
            }
        }
        put(&dir.join(format!("antraege/m{m:05}.toml")), &out)?;
        files += 1;
    }
    Ok(files)
}

/// Writes one file dated an hour back, as the files of a data folder in use
/// are: the load cache never trusts a file changed in the last two
/// seconds, so a corpus measured right after it was written would be read
/// and parsed on every "warm" start (at stress, most of its files).
fn put(path: &Path, text: &str) -> std::io::Result<()> {
    std::fs::write(path, text)?;
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(path)?
        .set_modified(hour_ago)
}
