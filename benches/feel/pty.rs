//! The real `agenda` binary in a pseudo-terminal, its output cut into frames
//! at the end-of-synchronized-update escape each frame ends with.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, MasterPty, PtySize, native_pty_system};

/// How every frame ends: `ESC [ ? 2026 l`, end of synchronized update.
const MARKER: &[u8] = b"\x1b[?2026l";

/// One complete frame: when its last byte was read, and the screen then.
pub struct Frame {
    pub at: Instant,
    pub text: String,
}

struct Screen {
    parser: vt100::Parser,
    frames: Vec<Frame>,
    /// Bytes read but not yet given to the parser: maybe a marker's start.
    carry: Vec<u8>,
}

impl Screen {
    /// Feeds `bytes` read at `at`, closing a frame at each marker.
    fn feed(&mut self, bytes: &[u8], at: Instant) {
        self.carry.extend_from_slice(bytes);
        while let Some(pos) = find(&self.carry, MARKER) {
            let end = pos + MARKER.len();
            self.parser.process(&self.carry[..end]);
            self.carry.drain(..end);
            let text = self.parser.screen().contents();
            self.frames.push(Frame { at, text });
        }
        // Keep back only what could begin a marker split across reads.
        let keep = self.carry.len().min(MARKER.len() - 1);
        let done = self.carry.len() - keep;
        self.parser.process(&self.carry[..done]);
        self.carry.drain(..done);
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A running `agenda` and the frames it has drawn so far.
pub struct Pty {
    shared: Arc<(Mutex<Screen>, Condvar)>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    /// Kept open for as long as the child uses the terminal.
    _master: Box<dyn MasterPty + Send>,
}

impl Pty {
    /// Starts `agenda DIR` at 80x24 with only the environment it needs:
    /// a fixed day, German, and a `home` of its own for config and state.
    pub fn spawn(dir: &Path, home: &Path) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_agenda"));
        cmd.arg(dir);
        cmd.args(["--today", "2022-09-01"]);
        cmd.env_clear();
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "de_DE.UTF-8");
        cmd.env("HOME", home);
        for (var, sub) in [
            ("XDG_CONFIG_HOME", "config"),
            ("XDG_DATA_HOME", "data"),
            ("XDG_STATE_HOME", "state"),
            ("XDG_CACHE_HOME", "cache"),
        ] {
            cmd.env(var, home.join(sub));
        }
        // A config file that does not exist: the defaults, whatever the user has.
        cmd.env("AGENDA_CONFIG", home.join("no-config.toml"));
        let child = pair.slave.spawn_command(cmd).expect("agenda starts");
        drop(pair.slave);
        let screen = Screen {
            parser: vt100::Parser::new(24.try_into().unwrap(), 80.try_into().unwrap(), 0),
            frames: Vec::new(),
            carry: Vec::new(),
        };
        let shared = Arc::new((Mutex::new(screen), Condvar::new()));
        let mut reader = pair.master.try_clone_reader().expect("a reader");
        let sink = Arc::clone(&shared);
        std::thread::spawn(move || {
            let mut buf = vec![0u8; 64 * 1024];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                // The time the bytes arrived, before any parsing of ours.
                let at = Instant::now();
                sink.0.lock().unwrap().feed(&buf[..n], at);
                sink.1.notify_all();
            }
        });
        let writer = pair.master.take_writer().expect("a writer");
        Pty {
            shared,
            writer,
            child,
            _master: pair.master,
        }
    }

    /// How many frames have been drawn.
    pub fn frames(&self) -> usize {
        self.shared.0.lock().unwrap().frames.len()
    }

    /// Sends `bytes` as typed; returns the moment just before.
    pub fn key(&mut self, bytes: &[u8]) -> Instant {
        let at = Instant::now();
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
        at
    }

    /// The time of the first frame after the first `after` that `wanted`
    /// accepts, or `None` when none came before `deadline`.
    pub fn wait_for(
        &self,
        after: usize,
        deadline: Instant,
        wanted: impl Fn(&str) -> bool,
    ) -> Option<Instant> {
        let (lock, changed) = &*self.shared;
        let mut screen = lock.lock().unwrap();
        let mut seen = after;
        loop {
            if let Some(frame) = screen.frames[seen..].iter().find(|f| wanted(&f.text)) {
                return Some(frame.at);
            }
            seen = screen.frames.len();
            let left = deadline.checked_duration_since(Instant::now())?;
            screen = changed.wait_timeout(screen, left).unwrap().0;
        }
    }

    /// Waits until no frame has come for `quiet` (or `deadline` passed).
    pub fn settle(&self, quiet: Duration, deadline: Instant) {
        let (lock, changed) = &*self.shared;
        let mut screen = lock.lock().unwrap();
        loop {
            let count = screen.frames.len();
            let (next, timeout) = changed.wait_timeout(screen, quiet).unwrap();
            screen = next;
            let silent = timeout.timed_out() && screen.frames.len() == count;
            if silent || Instant::now() > deadline {
                return;
            }
        }
    }

    /// The screen as last drawn.
    pub fn screen(&self) -> String {
        let screen = self.shared.0.lock().unwrap();
        screen
            .frames
            .last()
            .map(|f| f.text.clone())
            .unwrap_or_default()
    }

    /// The peak resident memory of the process so far, in kB (Linux).
    pub fn peak_rss_kb(&self) -> Option<u64> {
        let pid = self.child.process_id()?;
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
