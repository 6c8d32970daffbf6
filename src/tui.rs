//! The full-screen runtime: one loop that waits on one channel. The
//! terminal (on a thread of its own), the search thread and, later, file
//! watchers and background jobs all send into it; nothing is polled at a
//! fixed interval, and a search answer is drawn the moment it arrives.

use std::io::{self, IsTerminal};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crossterm::event::{self, KeyEventKind};

use crate::app::{App, Effect, Layout, Msg};
use crate::external::ExternalResult;
use crate::i18n::Texts;
use crate::runtime::{self, Host};
use crate::search::Searcher;
use crate::ui;

/// What arrives on the loop's channel. A message is larger than a
/// terminal event (a frame's layout rides in one), which costs nothing
/// at one event per key or answer: not boxed.
#[allow(clippy::large_enum_variant)]
pub enum Event {
    /// From the terminal: a key, a resize, …
    Terminal(event::Event),
    /// From a thread of the app's own: a search answer, …
    App(Msg),
}

/// Restores the terminal when dropped, whichever way `run` ends. Panics are
/// covered by the hook `ratatui::try_init` installs.
struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Gives the terminal back as it was: the mouse, raw mode, the screen.
pub fn restore() {
    let _ = crossterm::execute!(
        io::stdout(),
        crossterm::event::DisableMouseCapture,
        crossterm::event::DisableBracketedPaste
    );
    ratatui::restore();
}

/// Runs the app until it quits.
pub fn run(mut app: App, texts: &dyn Texts) -> io::Result<()> {
    // A terminal that says it can do nothing (TERM=dumb: an editor's
    // shell, a serial line) would show the screen's codes as text.
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() || dumb {
        return Err(io::Error::other(texts.needs_terminal()));
    }
    let _guard = TerminalGuard;
    let terminal = ratatui::try_init()?;
    // A paste comes as one text, not as keys (see `app::paste`); a
    // terminal without the mode ignores the request.
    let _ = crossterm::execute!(io::stdout(), crossterm::event::EnableBracketedPaste);
    // The mouse where wanted; off, the terminal's own selection of text works.
    if app.env.mouse {
        crossterm::execute!(io::stdout(), crossterm::event::EnableMouseCapture)?;
        MOUSE.store(true, std::sync::atomic::Ordering::Relaxed);
    }
    let mut clicks = Clicks::default();
    let (events, inbox) = channel();
    let input = Input::start(events.clone());
    // Dropped when the loop ends, which stops the watcher.
    let _background = in_background(&app, events.clone());
    let mut host = TerminalHost {
        terminal,
        input,
        events,
        searcher: None,
        indexed: None,
    };
    // The journal names the folder whole, so that a start elsewhere can
    // tell it from its own.
    let journal_dir = crate::external::absolute(&app.dir);
    loop {
        let mut layout = Layout::default();
        // One frame reaches the terminal as one update: no half-drawn screen
        // over a slow SSH link (terminals without the mode ignore it).
        crossterm::queue!(io::stdout(), crossterm::terminal::BeginSynchronizedUpdate)?;
        host.terminal
            .draw(|frame| layout = ui::draw(frame, &app, texts))?;
        crossterm::execute!(io::stdout(), crossterm::terminal::EndSynchronizedUpdate)?;
        runtime::dispatch(&mut app, Msg::Layout(layout), &mut host);
        // What a crash or a kill now would lose, for the journal.
        crate::recovery::keep(&journal_dir, &app.at_risk());
        if app.quit {
            return Ok(());
        }
        let Ok(first) = inbox.recv() else {
            return Ok(());
        };
        // Whatever else is queued is taken before the next frame: a burst
        // of typing costs one frame, not one per key.
        for event in std::iter::once(first).chain(inbox.try_iter()) {
            if let Some(msg) = clicks.message(event) {
                runtime::dispatch(&mut app, msg, &mut host);
                if app.quit {
                    crate::recovery::keep(&journal_dir, &app.at_risk());
                    return Ok(());
                }
            }
        }
    }
}

/// Starts, on a thread of its own, what need not hold up the first frame:
/// the watcher (at four times the stress corpus, setting it up walks the
/// folder for a tenth of a second), then the rest of a folder opened in
/// steps. The watcher runs until the returned sender is dropped.
fn in_background(app: &App, events: Sender<Event>) -> Sender<()> {
    let (stop, stopped) = channel::<()>();
    let dir = app.dir.clone();
    let watch = app.env.watch.then_some(app.env.poll);
    let opening = app.is_opening();
    std::thread::spawn(move || {
        // Changes by others show without a key; a folder that cannot be
        // watched is still worked on, `r` reads it again. Watched before
        // the rest is read, so that a change meanwhile is not missed.
        let watching = watch.and_then(|poll| {
            let send = crate::watch::to_channel(events.clone(), |paths| {
                Event::App(Msg::FilesChanged(paths))
            });
            crate::watch::watch(&dir, poll, send).ok()
        });
        if opening {
            open_rest(&dir, &events);
        }
        // Nothing is ever sent: this waits until the loop is over.
        let _ = stopped.recv();
        drop(watching);
    });
    stop
}

/// Reads the whole folder, saying how far it has come five times a
/// second, and sends it in.
fn open_rest(dir: &std::path::Path, events: &Sender<Event>) {
    let progress = crate::store::Progress::default();
    let done = AtomicBool::new(false);
    std::thread::scope(|scope| {
        scope.spawn(|| {
            while !done.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(200));
                let msg = Msg::OpenProgress {
                    done: progress.done.load(Ordering::Relaxed),
                    total: progress.total.load(Ordering::Relaxed),
                };
                if events.send(Event::App(msg)).is_err() {
                    return;
                }
            }
        });
        crate::store::open_counting(dir, &progress, |loaded| {
            done.store(true, Ordering::Relaxed);
            let _ = events.send(Event::App(Msg::Opened(Box::new(loaded))));
        });
    });
}

/// Whether the mouse is captured: given back with the terminal, taken again.
static MOUSE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The last click, to tell a double click.
#[derive(Default)]
struct Clicks {
    last: Option<(std::time::Instant, u16)>,
}

impl Clicks {
    /// The message an event carries, if any. Key presses only: Windows also
    /// reports releases, which would act twice. Resizes just lead to the
    /// next frame. The wheel scrolls three lines; two clicks on one row
    /// within half a second are a double click.
    fn message(&mut self, event: Event) -> Option<Msg> {
        use crossterm::event::{MouseButton, MouseEventKind};
        match event {
            Event::Terminal(event::Event::Key(key)) if key.kind == KeyEventKind::Press => {
                Some(Msg::Press(key))
            }
            Event::Terminal(event::Event::Mouse(mouse)) => match mouse.kind {
                MouseEventKind::ScrollDown => Some(Msg::Wheel(3)),
                MouseEventKind::ScrollUp => Some(Msg::Wheel(-3)),
                MouseEventKind::Down(MouseButton::Left) => {
                    let now = std::time::Instant::now();
                    let double = self.last.is_some_and(|(at, row)| {
                        row == mouse.row && now.duration_since(at).as_millis() < 500
                    });
                    self.last = (!double).then_some((now, mouse.row));
                    Some(Msg::Click {
                        column: mouse.column,
                        row: mouse.row,
                        double,
                    })
                }
                _ => None,
            },
            Event::Terminal(event::Event::Resize(..)) => Some(Msg::Resized),
            Event::Terminal(event::Event::Paste(text)) => Some(Msg::Paste(text)),
            Event::Terminal(_) => None,
            Event::App(msg) => Some(msg),
        }
    }
}

/// The terminal's events, read on a thread of their own and sent into the
/// loop's channel. Paused while another program (the user's editor) has
/// the terminal, so that no key meant for it is taken away.
struct Input {
    paused: Arc<AtomicBool>,
    /// Held while the thread waits for an event; taken to be sure it is not.
    reading: Arc<Mutex<()>>,
    thread: std::thread::Thread,
}

impl Input {
    fn start(events: Sender<Event>) -> Input {
        let paused = Arc::new(AtomicBool::new(false));
        let reading = Arc::new(Mutex::new(()));
        let (flag, gate) = (Arc::clone(&paused), Arc::clone(&reading));
        let handle = std::thread::Builder::new()
            .name("terminal input".into())
            .spawn(move || read_events(&events, &flag, &gate))
            .expect("a thread for terminal input");
        Input {
            paused,
            reading,
            thread: handle.thread().clone(),
        }
    }

    /// Stops reading; returns once no read is under way.
    fn pause(&self) {
        self.paused.store(true, Ordering::SeqCst);
        drop(self.reading.lock());
    }

    fn resume(&self) {
        self.paused.store(false, Ordering::SeqCst);
        self.thread.unpark();
    }
}

fn read_events(events: &Sender<Event>, paused: &AtomicBool, reading: &Mutex<()>) {
    // The wait is bounded only so that a pause takes effect soon; an event
    // is passed on the moment it arrives.
    const WAKE: Duration = Duration::from_millis(50);
    loop {
        if paused.load(Ordering::SeqCst) {
            std::thread::park_timeout(WAKE);
            continue;
        }
        let Ok(_gate) = reading.lock() else {
            return;
        };
        if paused.load(Ordering::SeqCst) {
            continue;
        }
        match event::poll(WAKE) {
            Ok(true) => match event::read() {
                Ok(event) => {
                    if events.send(Event::Terminal(event)).is_err() {
                        return;
                    }
                }
                Err(_) => return,
            },
            Ok(false) => {}
            Err(_) => return,
        }
    }
}

/// What the loop can do that the headless runtime cannot: hand the
/// terminal to the user's editor, and run the search thread.
struct TerminalHost {
    terminal: ratatui::DefaultTerminal,
    input: Input,
    events: Sender<Event>,
    searcher: Option<Searcher>,
    /// The data version the search thread has indexed.
    indexed: Option<u64>,
}

impl Host for TerminalHost {
    fn edit_external(
        &mut self,
        text: &str,
        draft: Option<&crate::external::DraftOf>,
    ) -> Option<ExternalResult> {
        let words =
            crate::external::command(std::env::var_os("VISUAL"), std::env::var_os("EDITOR"));
        self.input.pause();
        let drafts = crate::recovery::drafts_folder();
        let result = hand_over(&mut self.terminal, || {
            let folder = drafts.as_deref();
            crate::external::edit(text, &words, folder.map(|f| (f, draft)))
        });
        self.input.resume();
        Some(result.unwrap_or_else(|_| ExternalResult::Failed(words.join(" "), None, None)))
    }

    /// Ctrl-Z: the screen as the shell left it, the process stopped; `fg`
    /// continues here and the screen is drawn whole again.
    fn suspend(&mut self) {
        #[cfg(unix)]
        {
            self.input.pause();
            // SAFETY: raising a signal on our own process has no memory effects.
            let _ = hand_over(&mut self.terminal, || unsafe { libc::raise(libc::SIGTSTP) });
            self.input.resume();
        }
    }

    fn sync(&mut self, dir: &std::path::Path) -> Option<Msg> {
        let events = self.events.clone();
        let dir = dir.to_path_buf();
        std::thread::spawn(move || {
            let progress = events.clone();
            let done = crate::sync::run::sync(&dir, &mut |stage| {
                let _ = progress.send(Event::App(Msg::SyncProgress(stage)));
            });
            let _ = events.send(Event::App(Msg::Synced(done)));
        });
        None
    }

    fn background(&mut self, work: Box<dyn FnOnce() -> Msg + Send>) -> Option<Msg> {
        let events = self.events.clone();
        std::thread::spawn(move || {
            let _ = events.send(Event::App(work()));
        });
        None
    }

    fn pull(&mut self, job: crate::oparl::Job) -> Option<Msg> {
        let events = self.events.clone();
        std::thread::spawn(move || {
            let progress = events.clone();
            let pull = job.run(Box::new(move |read| {
                let _ = progress.send(Event::App(Msg::PullProgress(read)));
            }));
            let _ = events.send(Event::App(Msg::Pulled(Box::new(pull))));
        });
        None
    }

    fn search(&mut self, effect: Effect) {
        let Effect::Search {
            generation,
            query,
            data,
            version,
        } = effect
        else {
            return;
        };
        // The index is built on the search thread, when first asked for.
        let searcher = match &self.searcher {
            Some(searcher) => {
                if self.indexed != Some(version) {
                    searcher.reindex(data);
                }
                searcher
            }
            None => {
                let events = self.events.clone();
                let deliver = Box::new(move |answer: crate::search::Response| {
                    let msg = Msg::SearchResults {
                        generation: answer.generation,
                        hits: answer.hits,
                        total: answer.total,
                    };
                    events.send(Event::App(msg)).is_ok()
                });
                self.searcher.insert(Searcher::start(data, deliver))
            }
        };
        self.indexed = Some(version);
        searcher.query(generation, &query);
    }
}

/// Gives the terminal to another program (the user's editor) and takes it
/// back: normal screen and cooked mode while `run` runs, then the full
/// screen again, redrawn from scratch.
fn hand_over<T>(terminal: &mut ratatui::DefaultTerminal, run: impl FnOnce() -> T) -> io::Result<T> {
    use crossterm::terminal::{
        EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
    };
    crossterm::execute!(
        io::stdout(),
        crossterm::event::DisableMouseCapture,
        crossterm::event::DisableBracketedPaste,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    )?;
    disable_raw_mode()?;
    let result = run();
    enable_raw_mode()?;
    crossterm::execute!(
        io::stdout(),
        EnterAlternateScreen,
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
    )?;
    if MOUSE.load(std::sync::atomic::Ordering::Relaxed) {
        crossterm::execute!(io::stdout(), crossterm::event::EnableMouseCapture)?;
    }
    let _ = crossterm::execute!(io::stdout(), crossterm::event::EnableBracketedPaste);
    // The next frame is drawn whole. Not `terminal.clear()`: it asks the
    // terminal where the cursor is, which over a slow link can time out.
    terminal.swap_buffers();
    Ok(result)
}
