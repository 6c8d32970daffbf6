//! The colours: one palette for the whole program, the full-screen view
//! and the printed report alike, chosen by `[theme]` (dark, light, high
//! contrast; each colour can be set apart). Every state also has a sign,
//! so nothing is said by colour alone; NO_COLOR switches colour off.

use std::sync::OnceLock;

use ratatui::style::Color;
use serde::Deserialize;

/// What each colour says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// Focus, keys, what can be done.
    pub accent: Color,
    /// Done, saved.
    pub ok: Color,
    /// Open, soon due, asked.
    pub warn: Color,
    /// Overdue, errors, refused.
    pub error: Color,
    /// Conflicts.
    pub conflict: Color,
}

impl Palette {
    /// A named palette: "dark", "light" or "high-contrast".
    pub fn named(name: &str) -> Option<Palette> {
        Some(match name {
            "dark" => Palette {
                accent: Color::Cyan,
                ok: Color::Green,
                warn: Color::Yellow,
                error: Color::Red,
                conflict: Color::Magenta,
            },
            "light" => Palette {
                accent: Color::Blue,
                ok: Color::Rgb(0, 110, 0),
                warn: Color::Rgb(150, 90, 0),
                error: Color::Rgb(180, 0, 0),
                conflict: Color::Magenta,
            },
            "high-contrast" => Palette {
                accent: Color::LightCyan,
                ok: Color::LightGreen,
                warn: Color::LightYellow,
                error: Color::LightRed,
                conflict: Color::LightMagenta,
            },
            _ => return None,
        })
    }

    /// The palette for a terminal whose background is unknown: light where
    /// the terminal says so (`COLORFGBG`, "15;0" is light on dark), else dark.
    pub fn for_terminal(colorfgbg: Option<&str>) -> Palette {
        let light = colorfgbg
            .and_then(|v| v.rsplit(';').next())
            .and_then(|bg| bg.trim().parse::<u8>().ok())
            .is_some_and(|bg| bg == 7 || bg == 15);
        Palette::named(if light { "light" } else { "dark" }).unwrap_or(DARK)
    }

    /// The error colour as CSS, for the printed report.
    pub fn css_error(&self) -> String {
        self.inks().error
    }

    /// The colours of a printed report (HTML, Word), from this palette:
    /// each as on screen where it is a colour of its own (`#rrggbb`), else
    /// a shade of the same colour dark enough for white paper.
    pub fn inks(&self) -> Inks {
        let strong = *self == Palette::named("high-contrast").unwrap_or(DARK);
        Inks {
            text: if strong { "#000000" } else { "#111111" }.into(),
            dim: if strong { "#222222" } else { "#444444" }.into(),
            rule: if strong { "#000000" } else { "#999999" }.into(),
            accent: ink(self.accent),
            warn: ink(self.warn),
            error: ink(self.error),
        }
    }
}

/// The colours of a printed report, as CSS (`#rrggbb`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inks {
    pub text: String,
    /// Side lines: as of, submitted by, the page footer, drafts.
    pub dim: String,
    /// Lines under headings and the letterhead.
    pub rule: String,
    pub accent: String,
    pub warn: String,
    /// What is still open.
    pub error: String,
}

/// A terminal colour on paper: a colour given as such stays; a named one
/// becomes a dark shade of itself (yellow or white on paper cannot be read).
fn ink(color: Color) -> String {
    if let Some(css) = css(color) {
        return css;
    }
    match color {
        Color::Red | Color::LightRed => "#b00000",
        Color::Green | Color::LightGreen => "#006e00",
        Color::Yellow | Color::LightYellow => "#8a5a00",
        Color::Blue | Color::LightBlue => "#0040a0",
        Color::Magenta | Color::LightMagenta => "#8a008a",
        Color::Cyan | Color::LightCyan => "#006b80",
        _ => "#333333",
    }
    .into()
}

const DARK: Palette = Palette {
    accent: Color::Cyan,
    ok: Color::Green,
    warn: Color::Yellow,
    error: Color::Red,
    conflict: Color::Magenta,
};

fn css(color: Color) -> Option<String> {
    match color {
        Color::Rgb(r, g, b) => Some(format!("#{r:02x}{g:02x}{b:02x}")),
        _ => None,
    }
}

/// `[theme]` in config.toml: a name, and colours set apart.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    pub name: Option<String>,
    pub accent: Option<String>,
    pub ok: Option<String>,
    pub warn: Option<String>,
    pub error: Option<String>,
    pub conflict: Option<String>,
}

impl Settings {
    /// The palette these settings make; the names of what is not a colour
    /// or theme, for a message.
    pub fn palette(&self, colorfgbg: Option<&str>) -> (Palette, Vec<String>) {
        let mut wrong = Vec::new();
        let mut palette = match self.name.as_deref() {
            None => Palette::for_terminal(colorfgbg),
            Some(name) => Palette::named(name).unwrap_or_else(|| {
                wrong.push(name.to_string());
                Palette::for_terminal(colorfgbg)
            }),
        };
        let mut set = |slot: &mut Color, value: &Option<String>| {
            if let Some(v) = value {
                match v.parse::<Color>() {
                    Ok(c) => *slot = c,
                    Err(_) => wrong.push(v.clone()),
                }
            }
        };
        set(&mut palette.accent, &self.accent);
        set(&mut palette.ok, &self.ok);
        set(&mut palette.warn, &self.warn);
        set(&mut palette.error, &self.error);
        set(&mut palette.conflict, &self.conflict);
        (palette, wrong)
    }
}

static PALETTE: OnceLock<Palette> = OnceLock::new();

/// Chooses the palette, once, at start.
pub fn choose(palette: Palette) {
    let _ = PALETTE.set(palette);
}

/// The palette chosen (dark where none was).
pub fn palette() -> &'static Palette {
    PALETTE.get().unwrap_or(&DARK)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_light_terminal_gets_the_light_palette_and_colours_can_be_set() {
        assert_eq!(
            Palette::for_terminal(Some("0;15")),
            Palette::named("light").unwrap()
        );
        assert_eq!(Palette::for_terminal(Some("15;0")), DARK);
        assert_eq!(Palette::for_terminal(None), DARK);
        let settings = Settings {
            name: Some("high-contrast".into()),
            accent: Some("#336699".into()),
            error: Some("kein-rot".into()),
            ..Settings::default()
        };
        let (palette, wrong) = settings.palette(None);
        assert_eq!(palette.accent, Color::Rgb(0x33, 0x66, 0x99));
        assert_eq!(palette.ok, Color::LightGreen);
        assert_eq!(wrong, ["kein-rot"]);
        assert_eq!(Palette::named("light").unwrap().css_error(), "#b40000");
        // Named colours print as dark shades of themselves.
        let contrast = Palette::named("high-contrast").unwrap().inks();
        assert_eq!(
            (contrast.error.as_str(), contrast.text.as_str()),
            ("#b00000", "#000000")
        );
        let blue = Settings {
            error: Some("blue".into()),
            ..Settings::default()
        };
        assert_eq!(blue.palette(None).0.inks().error, "#0040a0");
    }
}
