//! `agenda import oparl` against a council system's server: a test HTTP
//! server on 127.0.0.1, started here, serves what real ones serve (list
//! pages, objects by URL, PDFs), and what goes wrong with them.

use crate::common;

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

use common::{agenda, pdf};
use serde_json::{Value, json};

const T: &str = "https://schema.oparl.org/1.1/";

/// What the server answers for a path: status, body, and how often it
/// answers 503 first.
#[derive(Clone)]
struct Answer {
    status: u16,
    body: Vec<u8>,
    busy_first: usize,
}

struct Server {
    base: String,
    answers: Arc<Mutex<HashMap<String, Answer>>>,
    asked: Arc<Mutex<Vec<String>>>,
}

impl Server {
    fn start() -> Server {
        let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
        let base = format!("http://{}", server.server_addr().to_ip().unwrap());
        let answers: Arc<Mutex<HashMap<String, Answer>>> = Arc::default();
        let asked: Arc<Mutex<Vec<String>>> = Arc::default();
        let (a, log) = (answers.clone(), asked.clone());
        std::thread::spawn(move || {
            for request in server.incoming_requests() {
                let path = request.url().to_string();
                log.lock().unwrap().push(path.clone());
                let answer = {
                    let mut all = a.lock().unwrap();
                    match all.get_mut(&path) {
                        Some(found) if found.busy_first > 0 => {
                            found.busy_first -= 1;
                            None
                        }
                        Some(found) => Some(found.clone()),
                        None => Some(Answer {
                            status: 404,
                            body: b"not found".to_vec(),
                            busy_first: 0,
                        }),
                    }
                };
                let response = match answer {
                    None => tiny_http::Response::from_data(b"busy".to_vec())
                        .with_status_code(503)
                        .with_header(tiny_http::Header::from_bytes("Retry-After", "0").unwrap()),
                    Some(answer) => {
                        tiny_http::Response::from_data(answer.body).with_status_code(answer.status)
                    }
                };
                let _ = request.respond(response);
            }
        });
        Server {
            base,
            answers,
            asked,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn serve(&self, path: &str, body: Vec<u8>) {
        self.serve_as(path, 200, body, 0);
    }

    fn serve_json(&self, path: &str, value: &Value) {
        self.serve(path, serde_json::to_vec(value).unwrap());
    }

    fn serve_as(&self, path: &str, status: u16, body: Vec<u8>, busy_first: usize) {
        let answer = Answer {
            status,
            body,
            busy_first,
        };
        self.answers
            .lock()
            .unwrap()
            .insert(path.to_string(), answer);
    }

    fn times_asked(&self, path: &str) -> usize {
        self.asked
            .lock()
            .unwrap()
            .iter()
            .filter(|p| *p == path)
            .count()
    }
}

fn meeting(s: &Server, n: u32, committee: &str, start: &str, items: Vec<Value>) -> Value {
    json!({
        "id": s.url(&format!("/meeting/{n}")),
        "type": format!("{T}Meeting"),
        "name": format!("{committee} (öffentlich)"),
        "start": start,
        "organization": [s.url(&format!("/organization/{n}"))],
        "agendaItem": items,
    })
}

fn item(s: &Server, n: u32, number: &str, name: &str, consultation: Option<&str>) -> Value {
    let mut v = json!({
        "id": s.url(&format!("/agendaitem/{n}")),
        "type": format!("{T}AgendaItem"),
        "number": number,
        "name": name,
        "public": true,
    });
    if let Some(c) = consultation {
        v["consultation"] = s.url(c).into();
    }
    v
}

fn consultation(s: &Server, n: u32, paper: &str) -> Value {
    json!({"id": s.url(&format!("/consultation/{n}")), "type": format!("{T}Consultation"),
           "paper": paper})
}

const LETTER: &str = "Anfrage der SPD-Fraktion\n\nKosten der Schulwegsicherung\n\n\
Wir bitten um Beantwortung folgender Fragen:\n\n\
1. Wie viele Schulwege wurden 2024 gesichert?\n\n\
2. Was hat das gekostet?\n\nMit freundlichen Grüßen\n";

fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    agenda(dir.parent().unwrap())
        .args(["import", "oparl"])
        .args(args)
        .args(["--today", "2025-03-01"])
        .arg("--dir")
        .arg(dir)
        .output()
        .unwrap()
}

fn folder() -> (tempfile::TempDir, std::path::PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("daten");
    std::fs::create_dir(&dir).unwrap();
    (home, dir)
}

#[test]
fn a_body_pull_follows_pages_keeps_to_the_limits_and_reads_questions_from_the_pdf() {
    let s = Server::start();
    s.serve_json(
        "/body/1",
        &json!({"id": s.url("/body/1"), "type": format!("{T}Body"), "name": "Stadt Auendorf",
                "meeting": s.url("/body/1/meetings")}),
    );
    let early = meeting(&s, 1, "Bauausschuss", "2025-01-10T17:00:00+01:00", vec![]);
    let wanted = meeting(
        &s,
        2,
        "Schulausschuss",
        "2025-03-20T17:00:00+01:00",
        vec![item(&s, 21, "Ö 4", "Schulwege", Some("/consultation/21"))],
    );
    let other = meeting(&s, 3, "Rat", "2025-03-25T16:00:00+01:00", vec![]);
    s.serve_json(
        "/body/1/meetings",
        &json!({"data": [early, wanted], "links": {"next": s.url("/body/1/meetings?page=2")}}),
    );
    s.serve_json(
        "/body/1/meetings?page=2",
        &json!({"data": [other], "links": {}}),
    );
    s.serve_json(
        "/organization/2",
        &json!({"id": s.url("/organization/2"), "type": format!("{T}Organization"),
                "name": "Ausschuss für Schule und Sport"}),
    );
    s.serve_json(
        "/organization/3",
        &json!({"id": s.url("/organization/3"), "type": format!("{T}Organization"),
                "name": "Rat der Stadt Auendorf"}),
    );
    s.serve_json(
        "/consultation/21",
        &consultation(&s, 21, &s.url("/paper/9")),
    );
    let paper = json!({
        "id": s.url("/paper/9"), "type": format!("{T}Paper"), "name": "Kosten der Schulwegsicherung",
        "reference": "2025/0099", "paperType": "Anfrage", "date": "2025-02-28",
        "mainFile": {"id": s.url("/file/9"), "type": format!("{T}File"),
                     "mimeType": "application/pdf", "accessUrl": s.url("/file/9.pdf")},
    });
    // The paper's server is busy once: the import waits and asks again.
    s.serve_as("/paper/9", 200, serde_json::to_vec(&paper).unwrap(), 1);
    s.serve("/file/9.pdf", pdf(LETTER));

    let (_home, dir) = folder();
    let body = s.url("/body/1");
    let out = run(
        &dir,
        &[&body, "--since", "2025-03-01", "--committee", "schule"],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    let files = common::contents(&dir);
    let names: Vec<String> = files
        .keys()
        .map(|p| p.display().to_string())
        .filter(|p| p.ends_with(".toml") && !p.starts_with(".oparl"))
        .collect();
    assert_eq!(
        names,
        [
            "antraege/kosten-schulwegsicherung-2025.toml",
            "sitzungen/schule-2025-03-20.toml"
        ]
    );
    let motion = &files[Path::new("antraege/kosten-schulwegsicherung-2025.toml")];
    assert_eq!(motion.matches("[[question]]").count(), 2, "{motion}");
    assert!(motion.contains("Was hat das gekostet?"));
    assert_eq!(s.times_asked("/paper/9"), 2);
    // The second page was read; the meetings outside the limits were not
    // followed further (their organizations never asked for).
    assert_eq!(s.times_asked("/body/1/meetings?page=2"), 1);
    assert_eq!(s.times_asked("/organization/1"), 0);

    // A re-import asks for the paper but not for its PDF again: the motion
    // has its questions.
    let again = run(
        &dir,
        &[&body, "--since", "2025-03-01", "--committee", "schule"],
    );
    assert!(again.status.success());
    assert_eq!(s.times_asked("/file/9.pdf"), 1);
    assert_eq!(common::contents(&dir), files);
}

#[test]
fn what_fails_upstream_is_said_plainly_and_the_rest_still_imports() {
    let s = Server::start();
    let items = vec![
        item(&s, 1, "1", "Fehlende Vorlage", Some("/consultation/1")),
        item(&s, 2, "2", "Anderer Server", Some("/consultation/2")),
        item(&s, 3, "3", "Falscher Typ", Some("/consultation/3")),
        item(&s, 4, "4", "Kaputte Antwort", Some("/consultation/4")),
        item(&s, 5, "5", "Gute Vorlage", Some("/consultation/5")),
    ];
    s.serve_json(
        "/meeting/7",
        &meeting(&s, 7, "Umweltausschuss", "2025-05-05", items),
    );
    s.serve_json(
        "/consultation/1",
        &consultation(&s, 1, &s.url("/paper/404")),
    );
    // Port 1 on this machine: nothing listens there.
    s.serve_json(
        "/consultation/2",
        &consultation(&s, 2, "http://127.0.0.1:1/paper/2"),
    );
    s.serve_json("/consultation/3", &consultation(&s, 3, &s.url("/person/3")));
    s.serve_json(
        "/person/3",
        &json!({"id": s.url("/person/3"), "type": format!("{T}Person"), "name": "Erika"}),
    );
    s.serve("/consultation/4", b"<html>Wartungsarbeiten</html>".to_vec());
    s.serve_json("/consultation/5", &consultation(&s, 5, &s.url("/paper/5")));
    s.serve_json(
        "/paper/5",
        &json!({"id": s.url("/paper/5"), "type": format!("{T}Paper"), "name": "Baumschutzsatzung",
                "paperType": "Antrag"}),
    );
    let (_home, dir) = folder();
    let out = run(&dir, &[&s.url("/meeting/7"), "--lang", "de"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!(
            "{}: gibt es dort nicht (404)",
            s.url("/paper/404")
        )),
        "{err}"
    );
    assert!(
        err.contains("http://127.0.0.1:1/paper/2: der Server ist nicht erreichbar"),
        "{err}"
    );
    assert!(
        err.contains("erwartet war ein Objekt vom Typ Paper, geliefert wurde eines vom Typ Person"),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{}: die Antwort ist kein JSON",
            s.url("/consultation/4")
        )),
        "{err}"
    );
    // The meeting is there with all five items, the good paper on item 5.
    let session =
        std::fs::read_to_string(dir.join("sitzungen/umweltausschuss-2025-05-05.toml")).unwrap();
    assert_eq!(session.matches("[[agenda]]").count(), 5);
    assert!(session.contains("title = \"Gute Vorlage\"\nmotions = [\"baumschutzsatzung-2025\"]"));
    // Only a date: no time written.
    assert!(!session.contains("time ="));
    assert!(dir.join("antraege/baumschutzsatzung-2025.toml").exists());
}

#[test]
fn a_missing_source_says_what_to_give() {
    let (_home, dir) = folder();
    let out = run(&dir, &["--lang", "de"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("[oparl] url"));
}

#[test]
fn a_system_leads_to_its_bodies_and_an_organization_to_its_meetings() {
    let s = Server::start();
    s.serve_json(
        "/",
        &json!({"id": s.url("/"), "type": format!("{T}System"), "body": s.url("/bodies")}),
    );
    s.serve_json(
        "/bodies",
        &json!({"data": [{"id": s.url("/body/1"), "type": format!("{T}Body"),
                          "organization": s.url("/body/1/organizations"),
                          "meeting": s.url("/body/1/meetings")}], "links": {}}),
    );
    let m = meeting(
        &s,
        4,
        "Jugendhilfeausschuss",
        "2025-06-02T16:30:00+02:00",
        vec![],
    );
    s.serve_json(
        "/body/1/meetings",
        &json!({"data": [m.clone()], "links": {}}),
    );
    s.serve_json(
        "/organization/4",
        &json!({"id": s.url("/organization/4"), "type": format!("{T}Organization"),
                "name": "Jugendhilfeausschuss", "meeting": s.url("/organization/4/meetings")}),
    );
    s.serve_json(
        "/organization/4/meetings",
        &json!({"data": [m], "links": {}}),
    );
    let (_home, dir) = folder();
    let out = run(&dir, &[&s.url("/")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        dir.join("sitzungen/jugendhilfeausschuss-2025-06-02.toml")
            .exists()
    );
    // The organization gives the same meeting: nothing new.
    let again = run(&dir, &[&s.url("/organization/4")]);
    assert!(again.status.success());
    assert!(String::from_utf8_lossy(&again.stdout).contains("Unchanged: 1 session and 0 papers."));
}

#[test]
fn a_paper_alone_brings_the_meetings_it_is_consulted_in_with_it_on_their_agendas() {
    let s = Server::start();
    s.serve_json(
        "/paper/3",
        &json!({"id": s.url("/paper/3"), "type": format!("{T}Paper"), "name": "Radweg Talstraße",
                "paperType": "Antrag", "date": "2025-01-20",
                "consultation": [
                    {"id": s.url("/consultation/31"), "type": format!("{T}Consultation"),
                     "meeting": s.url("/meeting/31"), "agendaItem": s.url("/agendaitem/311")},
                    {"id": s.url("/consultation/32"), "type": format!("{T}Consultation"),
                     "meeting": s.url("/meeting/32"), "agendaItem": s.url("/agendaitem/321")}]}),
    );
    s.serve_json(
        "/meeting/31",
        &meeting(
            &s,
            31,
            "Verkehrsausschuss",
            "2025-02-10T17:00:00+01:00",
            vec![
                item(&s, 310, "1", "Eröffnung", None),
                item(&s, 311, "2", "Radweg Talstraße", None),
            ],
        ),
    );
    s.serve_json(
        "/meeting/32",
        &meeting(
            &s,
            32,
            "Rat",
            "2025-03-03T16:00:00+01:00",
            vec![item(&s, 321, "7", "Radweg Talstraße", None)],
        ),
    );
    for (n, name) in [(31, "Verkehrsausschuss"), (32, "Rat der Stadt")] {
        s.serve_json(
            &format!("/organization/{n}"),
            &json!({"id": s.url(&format!("/organization/{n}")),
                    "type": format!("{T}Organization"), "name": name}),
        );
    }
    let (_home, dir) = folder();
    let out = run(&dir, &[&s.url("/paper/3")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for file in [
        "sitzungen/verkehrsausschuss-2025-02-10.toml",
        "sitzungen/rat-2025-03-03.toml",
    ] {
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        assert!(
            text.contains("title = \"Radweg Talstraße\"\nmotions = [\"radweg-talstrasse-2025\"]"),
            "{file}:\n{text}"
        );
    }
}

#[test]
fn lists_of_bare_addresses_are_followed() {
    let s = Server::start();
    s.serve_json(
        "/body/1",
        &json!({"id": s.url("/body/1"), "type": format!("{T}Body"), "meeting": s.url("/meetings")}),
    );
    s.serve_json(
        "/meetings",
        &json!({"data": [s.url("/meeting/6"), 42], "links": {}}),
    );
    let m = meeting(
        &s,
        6,
        "Kulturausschuss",
        "2025-06-02T17:00:00+02:00",
        vec![],
    );
    s.serve_json("/meeting/6", &m);
    s.serve_json(
        "/organization/6",
        &json!({"id": s.url("/organization/6"), "type": format!("{T}Organization"),
                "name": "Kulturausschuss"}),
    );
    let (_home, dir) = folder();
    let out = run(&dir, &[&s.url("/body/1")]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        dir.join("sitzungen/kulturausschuss-2025-06-02.toml")
            .exists(),
        "{err}"
    );
    // What is neither object nor address is said, not dropped.
    assert!(err.contains("42: this is not an OParl object"), "{err}");
}

#[test]
fn where_the_access_address_fails_the_download_address_is_read() {
    let s = Server::start();
    let paper = json!({
        "id": s.url("/paper/5"), "type": format!("{T}Paper"), "name": "Kosten der Schulwegsicherung",
        "reference": "2025/0005", "paperType": "Anfrage", "date": "2025-02-28",
        "mainFile": {"id": s.url("/file/5"), "type": format!("{T}File"),
                     "accessUrl": s.url("/gone.pdf"), "downloadUrl": s.url("/file/5.pdf")},
    });
    s.serve_json("/paper/5", &paper);
    s.serve("/file/5.pdf", pdf(LETTER));
    let (_home, dir) = folder();
    let out = run(&dir, &[&s.url("/paper/5")]);
    let files = common::contents(&dir);
    let motion = files
        .iter()
        .find(|(p, _)| p.starts_with("antraege"))
        .map(|(_, t)| t.clone())
        .unwrap_or_default();
    assert_eq!(
        motion.matches("[[question]]").count(),
        2,
        "{motion}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(s.times_asked("/file/5.pdf"), 1);
}

#[test]
fn an_answer_paper_is_on_the_agenda_without_questions_and_its_pdf_is_not_fetched() {
    let s = Server::start();
    let items = vec![item(&s, 1, "Ö 2", "Schulwege", Some("/consultation/1"))];
    s.serve_json(
        "/meeting/1",
        &meeting(&s, 1, "Schulausschuss", "2025-03-20T17:00:00+01:00", items),
    );
    s.serve_json(
        "/organization/1",
        &json!({"id": s.url("/organization/1"), "type": format!("{T}Organization"),
                "name": "Ausschuss für Schule und Sport"}),
    );
    s.serve_json("/consultation/1", &consultation(&s, 1, &s.url("/paper/1")));
    // The administration's answer repeats the inquiry's questions.
    s.serve_json(
        "/paper/1",
        &json!({"id": s.url("/paper/1"), "type": format!("{T}Paper"),
                "name": "Antwort auf Anfrage 2025/0099", "reference": "2025/0120",
                "paperType": "Beantwortung einer Anfrage", "date": "2025-03-10",
                "mainFile": {"id": s.url("/file/1"), "type": format!("{T}File"),
                             "mimeType": "application/pdf", "accessUrl": s.url("/file/1.pdf")}}),
    );
    s.serve("/file/1.pdf", pdf(LETTER));
    let (_home, dir) = folder();
    let out = run(&dir, &[&s.url("/meeting/1")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let files = common::contents(&dir);
    let answer = files
        .iter()
        .find(|(p, _)| p.starts_with("antraege"))
        .map(|(_, t)| t.as_str())
        .expect("the paper is recorded");
    assert!(
        answer.contains("kind = \"Beantwortung einer Anfrage\""),
        "{answer}"
    );
    assert!(!answer.contains("[[question]]"), "{answer}");
    assert_eq!(s.times_asked("/file/1.pdf"), 0);
}
